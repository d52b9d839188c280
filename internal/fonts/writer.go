package fonts

import (
	"encoding/binary"
	"errors"
	"sort"
	"unicode/utf16"
)

// The one writer of font files: whole fonts (a face of a collection
// written on its own), subsets, and the thin bold face of the window. It
// writes the tables it is given; the tables of a subset it makes itself
// are the cmap, maxp, post and name below.

// writeSfnt writes a single font file: version (0x00010000 for TrueType
// outlines, "OTTO" for CFF), the table directory sorted by tag, then the
// tables, each four-byte aligned, with their checksums and the whole
// file's checksum adjustment in head.
func writeSfnt(version uint32, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for t, b := range tables {
		tags = append(tags, t)
		size += (len(b) + 3) &^ 3
	}
	sort.Strings(tags)
	n := len(tags)
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<sel))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<sel))
	head := -1
	for i, t := range tags {
		start := len(out)
		out = append(out, tables[t]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		if t == "head" && len(tables[t]) >= 12 {
			head = start
			binary.BigEndian.PutUint32(out[start+8:], 0) // checkSumAdjustment, set below
		}
		e := out[12+16*i:]
		copy(e, t)
		binary.BigEndian.PutUint32(e[4:], checksum(out[start:]))
		binary.BigEndian.PutUint32(e[8:], uint32(start))
		binary.BigEndian.PutUint32(e[12:], uint32(len(tables[t])))
	}
	if head >= 0 {
		binary.BigEndian.PutUint32(out[head+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// checksum is the sfnt checksum of b, whose length is a multiple of four.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	return sum
}

// maxpTrueType writes a version 1.0 maxp table, which TrueType outlines
// need (a CFF font has the six-byte version 0.5), for glyphs without
// instructions or composites.
func maxpTrueType(numGlyphs, maxPoints, maxContours int) []byte {
	b := make([]byte, 32)
	binary.BigEndian.PutUint32(b, 0x00010000)
	binary.BigEndian.PutUint16(b[4:], uint16(numGlyphs))
	binary.BigEndian.PutUint16(b[6:], uint16(maxPoints))
	binary.BigEndian.PutUint16(b[8:], uint16(maxContours))
	binary.BigEndian.PutUint16(b[14:], 1) // maxZones: no twilight zone
	return b
}

// postV3 writes a version 3.0 post table (no glyph names) keeping the
// italic angle, underline and fixed pitch of post.
func postV3(post []byte) []byte {
	b := make([]byte, 32)
	binary.BigEndian.PutUint32(b, 0x00030000)
	copy(b[4:16], post[4:16])
	return b
}

// cmapEntry maps a rune to a glyph of a subset.
type cmapEntry struct {
	r   rune
	gid uint16
}

// maxSegments keeps a format 4 subtable within its 16-bit length.
const maxSegments = 8000

var errTooManyRunes = errors.New("同一字体在一份文档中使用的字符过多，无法生成字体子集")

// writeCmap writes a cmap table with a (3,1) format 4 subtable for the
// BMP runes of entries and, when there are others, a (3,10) format 12
// subtable for all. entries are sorted by rune.
func writeCmap(entries []cmapEntry) ([]byte, error) {
	var bmp []cmapEntry
	for _, e := range entries {
		if e.r < 0xFFFF {
			bmp = append(bmp, e)
		}
	}
	if len(runs(bmp)) >= maxSegments {
		return nil, errTooManyRunes
	}
	subtables := [][]byte{format4Of(bmp)}
	if len(bmp) < len(entries) {
		subtables = append(subtables, format12Of(entries))
	}
	b := make([]byte, 4, 4+8*len(subtables))
	binary.BigEndian.PutUint16(b[2:], uint16(len(subtables)))
	off := 4 + 8*len(subtables)
	for i, st := range subtables {
		b = binary.BigEndian.AppendUint16(b, 3)
		b = binary.BigEndian.AppendUint16(b, []uint16{1, 10}[i])
		b = binary.BigEndian.AppendUint32(b, uint32(off))
		off += len(st)
	}
	for _, st := range subtables {
		b = append(b, st...)
	}
	return b, nil
}

// runs groups entries into runs of consecutive runes with consecutive
// glyphs: [start, end] → start's glyph.
func runs(entries []cmapEntry) [][3]uint32 {
	var out [][3]uint32
	for i, e := range entries {
		if n := len(out); i > 0 && out[n-1][1] == uint32(e.r)-1 && entries[i-1].gid == e.gid-1 {
			out[n-1][1] = uint32(e.r)
			continue
		}
		out = append(out, [3]uint32{uint32(e.r), uint32(e.r), uint32(e.gid)})
	}
	return out
}

// format4Of writes a format 4 subtable of BMP entries, with idDelta only.
func format4Of(entries []cmapEntry) []byte {
	segs := append(runs(entries), [3]uint32{0xFFFF, 0xFFFF, 0}) // the required last segment
	n := len(segs)
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	b := make([]byte, 14, 16+8*n)
	binary.BigEndian.PutUint16(b, 4)
	binary.BigEndian.PutUint16(b[2:], uint16(16+8*n))
	binary.BigEndian.PutUint16(b[6:], uint16(2*n))
	binary.BigEndian.PutUint16(b[8:], uint16(2<<sel))
	binary.BigEndian.PutUint16(b[10:], uint16(sel))
	binary.BigEndian.PutUint16(b[12:], uint16(2*n-2<<sel))
	for _, s := range segs {
		b = binary.BigEndian.AppendUint16(b, uint16(s[1]))
	}
	b = append(b, 0, 0) // reservedPad
	for _, s := range segs {
		b = binary.BigEndian.AppendUint16(b, uint16(s[0]))
	}
	for _, s := range segs {
		b = binary.BigEndian.AppendUint16(b, uint16(s[2]-s[0])) // idDelta, modulo 65536
	}
	for range segs {
		b = append(b, 0, 0) // idRangeOffset
	}
	return b
}

// format12Of writes a format 12 subtable of entries.
func format12Of(entries []cmapEntry) []byte {
	groups := runs(entries)
	b := make([]byte, 16, 16+12*len(groups))
	binary.BigEndian.PutUint16(b, 12)
	binary.BigEndian.PutUint32(b[4:], uint32(16+12*len(groups)))
	binary.BigEndian.PutUint32(b[12:], uint32(len(groups)))
	for _, g := range groups {
		for _, v := range g {
			b = binary.BigEndian.AppendUint32(b, v)
		}
	}
	return b
}

// nameTable writes a name table with only the PostScript name (ID 6), in
// Windows Unicode: a subset keeps no other names.
func nameTable(psName string) []byte {
	s := utf16.Encode([]rune(psName))
	b := make([]byte, 6+12, 6+12+2*len(s))
	binary.BigEndian.PutUint16(b[2:], 1)      // count
	binary.BigEndian.PutUint16(b[4:], 6+12)   // string storage offset
	binary.BigEndian.PutUint16(b[6:], 3)      // platform: Windows
	binary.BigEndian.PutUint16(b[8:], 1)      // encoding: Unicode BMP
	binary.BigEndian.PutUint16(b[10:], 0x409) // language: en-US
	binary.BigEndian.PutUint16(b[12:], 6)     // name ID: PostScript name
	binary.BigEndian.PutUint16(b[14:], uint16(2*len(s)))
	for _, c := range s {
		b = binary.BigEndian.AppendUint16(b, c)
	}
	return b
}
