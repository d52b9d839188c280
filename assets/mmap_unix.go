//go:build unix

package assets

import (
	"os"
	"syscall"
	"unsafe"
)

// mapFile maps size bytes of file read-only; the mapping outlives the file.
func mapFile(file *os.File, size int) ([]byte, error) {
	return syscall.Mmap(int(file.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_SHARED)
}

// unsafeBytes is s's bytes without a copy; they must not be changed.
func unsafeBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// release drops the pages of the mapping data from the resident set.
func release(data []byte) { _ = syscall.Madvise(data, syscall.MADV_DONTNEED) }
