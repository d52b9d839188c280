package ui

import (
	"encoding/binary"
	"errors"
	"sort"
)

// Fyne parses every glyph outline of each text style's font when it first
// draws that style, some 40 MB for a full CJK font. Only the tab titles,
// dialog titles and dialog form labels are bold, so the bold "face" is the
// UI font with the outlines of rare characters removed: a thin copy that
// costs a quarter of that. The glyph ids, metrics and layout tables stay
// as they are; a character without its outline draws as a blank.

// sfntTable is one table of a TrueType file.
type sfntTable struct {
	tag  string
	data []byte
}

var errFont = errors.New("not a TrueType font this code can thin")

// readTables returns the tables of a TrueType file in file order.
func readTables(font []byte) ([]sfntTable, error) {
	if len(font) < 12 {
		return nil, errFont
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	if len(font) < 12+16*n {
		return nil, errFont
	}
	ts := make([]sfntTable, n)
	for i := range ts {
		rec := font[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(font)) {
			return nil, errFont
		}
		ts[i] = sfntTable{string(rec[:4]), font[off : off+size]}
	}
	return ts, nil
}

func table(ts []sfntTable, tag string) []byte {
	for _, t := range ts {
		if t.tag == tag {
			return t.data
		}
	}
	return nil
}

// thinFont returns a copy of the TrueType font in which the glyphs of the
// runes keep refuses lose their outlines, unless a rune keep accepts maps
// to them too or they are components of a glyph kept.
func thinFont(font []byte, keep func(rune) bool) ([]byte, error) {
	ts, err := readTables(font)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf := table(ts, "head"), table(ts, "maxp"), table(ts, "loca"), table(ts, "glyf")
	if len(head) < 54 || len(maxp) < 6 || glyf == nil {
		return nil, errFont
	}
	offs, err := glyphOffsets(loca, int(binary.BigEndian.Uint16(maxp[4:])), binary.BigEndian.Uint16(head[50:]) == 1, len(glyf))
	if err != nil {
		return nil, err
	}
	// Drop the outlines of the glyphs only dropped characters map to.
	// Every other glyph stays: the glyphs no character maps to are those
	// the shaper substitutes (Latin digits in a Latin run become
	// proportional digits through GSUB, for one), and dropping them blanked
	// the digits of bold text.
	kept := make(map[int]bool, len(offs))
	for gid := 0; gid < len(offs)-1; gid++ {
		kept[gid] = true
	}
	needed := map[int]bool{0: true}
	if err := cmapEach(table(ts, "cmap"), func(r rune, gid int) {
		if gid < len(offs)-1 {
			if keep(r) {
				needed[gid] = true
			} else {
				delete(kept, gid)
			}
		}
	}); err != nil {
		return nil, err
	}
	for gid := range needed {
		kept[gid] = true
	}
	for gid := range kept {
		addComponents(glyf, offs, gid, kept)
	}
	newGlyf, newLoca := keepGlyphs(glyf, offs, kept)
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint32(newHead[8:], 0)  // checkSumAdjustment: unchecked
	binary.BigEndian.PutUint16(newHead[50:], 1) // long loca offsets
	for i := range ts {
		switch ts[i].tag {
		case "head":
			ts[i].data = newHead
		case "loca":
			ts[i].data = newLoca
		case "glyf":
			ts[i].data = newGlyf
		}
	}
	return writeTables(font[:4], ts), nil
}

// glyphOffsets reads the loca table: n+1 offsets into a glyf table of
// glyfLen bytes.
func glyphOffsets(loca []byte, n int, long bool, glyfLen int) ([]int, error) {
	size := 2
	if long {
		size = 4
	}
	if len(loca) < (n+1)*size {
		return nil, errFont
	}
	offs := make([]int, n+1)
	for i := range offs {
		if long {
			offs[i] = int(binary.BigEndian.Uint32(loca[4*i:]))
		} else {
			offs[i] = 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
		}
		if offs[i] > glyfLen || i > 0 && offs[i] < offs[i-1] {
			return nil, errFont
		}
	}
	return offs, nil
}

// addComponents marks the glyphs a composite glyph is made of, and theirs.
func addComponents(glyf []byte, offs []int, gid int, kept map[int]bool) {
	g := glyf[offs[gid]:offs[gid+1]]
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return
	}
	for p := 10; p+4 <= len(g); {
		flags, comp := binary.BigEndian.Uint16(g[p:]), int(binary.BigEndian.Uint16(g[p+2:]))
		if comp < len(offs)-1 && !kept[comp] {
			kept[comp] = true
			addComponents(glyf, offs, comp, kept)
		}
		p += 4 + componentArgs(flags)
		if flags&0x0020 == 0 { // MORE_COMPONENTS
			return
		}
	}
}

// componentArgs is the size of a component's arguments and transform.
func componentArgs(flags uint16) int {
	n := 2
	if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
		n = 4
	}
	switch {
	case flags&0x0008 != 0: // WE_HAVE_A_SCALE
		n += 2
	case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
		n += 4
	case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
		n += 8
	}
	return n
}

// keepGlyphs returns a glyf table with only the kept glyphs' data and its
// long loca table.
func keepGlyphs(glyf []byte, offs []int, kept map[int]bool) (newGlyf, newLoca []byte) {
	size := 0
	for gid := range kept {
		size += offs[gid+1] - offs[gid] + 3
	}
	newGlyf = make([]byte, 0, size)
	newLoca = make([]byte, 4*len(offs))
	for gid := 0; gid < len(offs)-1; gid++ {
		binary.BigEndian.PutUint32(newLoca[4*gid:], uint32(len(newGlyf)))
		if kept[gid] {
			newGlyf = append(newGlyf, glyf[offs[gid]:offs[gid+1]]...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*(len(offs)-1):], uint32(len(newGlyf)))
	return newGlyf, newLoca
}

// writeTables assembles a TrueType file from its tables, sorted by tag as
// the format asks, each padded to four bytes and with its checksum.
func writeTables(version []byte, ts []sfntTable) []byte {
	sort.Slice(ts, func(i, j int) bool { return ts[i].tag < ts[j].tag })
	n := len(ts)
	pow := 1
	for pow*2 <= n {
		pow *= 2
	}
	size := 12 + 16*n
	for _, t := range ts {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	copy(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*pow))
	binary.BigEndian.PutUint16(out[8:], uint16(log2(pow)))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16*pow))
	for i, t := range ts {
		rec := out[12+16*i:]
		copy(rec, t.tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t.data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func log2(n int) int {
	k := 0
	for n > 1 {
		n, k = n/2, k+1
	}
	return k
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// cmapEach calls fn with each character of a cmap table and its glyph id,
// from its Unicode subtable of format 12 (all planes) or else format 4
// (the Basic Multilingual Plane).
func cmapEach(cmap []byte, fn func(r rune, gid int)) error {
	if len(cmap) < 4 {
		return errFont
	}
	var f4, f12 []byte
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		platform, enc, off := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:]), binary.BigEndian.Uint32(rec[4:])
		if !(platform == 3 && (enc == 1 || enc == 10) || platform == 0) || int(off)+2 > len(cmap) {
			continue
		}
		sub := cmap[off:]
		switch binary.BigEndian.Uint16(sub) {
		case 4:
			f4 = sub
		case 12:
			f12 = sub
		}
	}
	switch {
	case f12 != nil:
		return cmap12(f12, fn)
	case f4 != nil:
		return cmap4(f4, fn)
	}
	return errFont
}

// cmap12 reads a format 12 subtable: groups of consecutive characters
// mapped to consecutive glyphs.
func cmap12(sub []byte, fn func(rune, int)) error {
	if len(sub) < 16 {
		return errFont
	}
	groups := int(binary.BigEndian.Uint32(sub[12:]))
	if len(sub) < 16+12*groups {
		return errFont
	}
	for i := 0; i < groups; i++ {
		g := sub[16+12*i:]
		first, last, gid := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:]), binary.BigEndian.Uint32(g[8:])
		if last > 0x10FFFF || first > last {
			return errFont
		}
		for c := first; c <= last; c++ {
			fn(rune(c), int(gid+c-first))
		}
	}
	return nil
}

// cmap4 reads a format 4 subtable: segments of characters with a delta or
// an index into the glyph id array.
func cmap4(sub []byte, fn func(rune, int)) error {
	if len(sub) < 14 {
		return errFont
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	if len(sub) < 16+8*segs {
		return errFont
	}
	u16 := func(off int) int {
		if off+2 > len(sub) {
			return 0
		}
		return int(binary.BigEndian.Uint16(sub[off:]))
	}
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	for s := 0; s < segs; s++ {
		start, end := u16(starts+2*s), u16(ends+2*s)
		delta, rangeOff := u16(deltas+2*s), u16(ranges+2*s)
		for c := start; c <= end && c != 0xFFFF; c++ {
			gid := (c + delta) & 0xFFFF
			if rangeOff != 0 {
				if gid = u16(ranges + 2*s + rangeOff + 2*(c-start)); gid != 0 {
					gid = (gid + delta) & 0xFFFF
				}
			}
			if gid != 0 {
				fn(rune(c), gid)
			}
		}
	}
	return nil
}
