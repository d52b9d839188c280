package wordml

import (
	"encoding/binary"
	"io"
	"unicode/utf16"
)

// oleMagic starts an OLE compound file (MS-CFB 2.2): a binary .doc, a
// .wps, or a password-protected .docx, whose encrypted package is stored
// in an OLE file as the stream "EncryptedPackage" (MS-OFFCRYPTO 2.3.4.4).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// oleHas reports whether the OLE compound file r has a directory entry
// (a stream or storage) named name. It reads the header, the FAT sectors
// the header lists (enough for files up to some 6.8 MB of 512-byte
// sectors, or 450 MB of 4096-byte ones) and the directory chain, at most
// maxDirSectors sectors. A file it cannot follow has no such entry.
func oleHas(r io.ReaderAt, size int64, name string) bool {
	const (
		maxDirSectors = 1024
		endOfChain    = 0xFFFFFFFE
		entryLen      = 128
	)
	hdr := make([]byte, 512)
	if _, err := r.ReadAt(hdr, 0); err != nil {
		return false
	}
	shift := binary.LittleEndian.Uint16(hdr[0x1E:])
	if shift != 9 && shift != 12 {
		return false
	}
	secLen := int64(1) << shift
	sector := func(n uint32) []byte {
		off := (int64(n) + 1) * secLen
		if n >= endOfChain-1 || off+secLen > size {
			return nil
		}
		b := make([]byte, secLen)
		if _, err := r.ReadAt(b, off); err != nil {
			return nil
		}
		return b
	}
	var fat []uint32
	for i := 0; i < 109; i++ {
		s := sector(binary.LittleEndian.Uint32(hdr[0x4C+4*i:]))
		if s == nil {
			break
		}
		for j := 0; j < len(s); j += 4 {
			fat = append(fat, binary.LittleEndian.Uint32(s[j:]))
		}
	}
	dir := binary.LittleEndian.Uint32(hdr[0x30:])
	for n := 0; n < maxDirSectors; n++ {
		s := sector(dir)
		if s == nil {
			return false
		}
		for e := 0; e+entryLen <= len(s); e += entryLen {
			if entryName(s[e:e+entryLen]) == name {
				return true
			}
		}
		if int(dir) >= len(fat) {
			return false
		}
		dir = fat[dir]
	}
	return false
}

// entryName is the name of a directory entry (MS-CFB 2.6.1): UTF-16LE,
// its length in bytes including the terminating NUL at offset 0x40.
func entryName(e []byte) string {
	n := int(binary.LittleEndian.Uint16(e[0x40:]))
	if n < 2 || n > 64 {
		return ""
	}
	units := make([]uint16, n/2-1)
	for i := range units {
		units[i] = binary.LittleEndian.Uint16(e[2*i:])
	}
	return string(utf16.Decode(units))
}
