//go:build unix

package safefile

import (
	"errors"
	"syscall"
)

// alive reports whether a process with that id runs (or may run: one of
// another user answers EPERM, and its file is left alone).
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
