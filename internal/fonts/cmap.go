package fonts

import (
	"encoding/binary"
	"fmt"
	"sort"
	"unicode"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// A face's characters are those its cmap subtables of the Windows platform
// map: (3,1) format 4 for the BMP, which every face must have, and (3,10)
// format 12 beyond it. Coverage, glyph lookups and the cmap of a subset
// all read and write these subtables only, so that what a face claims is
// what its subset maps.

// eachMapping calls fn with every rune the Windows subtables of table map
// to a glyph other than 0; false when there is no (3,1) format 4 subtable.
func eachMapping(table tables.Cmap, fn func(r rune, gid tables.GlyphID)) bool {
	bmp, full := windowsSubtables(table)
	if bmp == nil {
		return false
	}
	isBMP := func(r rune) bool { return r >= 0 && r < 0x10000 }
	if !eachIn(bmp, isBMP, fn) {
		return false
	}
	return full == nil || eachIn(full, func(r rune) bool { return r >= 0x10000 }, fn)
}

// windowsSubtables returns the (3,1) format 4 and (3,10) subtables of
// table; either may be nil.
func windowsSubtables(table tables.Cmap) (bmp, full *tables.EncodingRecord) {
	for i, rec := range table.Records {
		switch _, f4 := rec.Subtable.(tables.CmapSubtable4); {
		case rec.PlatformID == 3 && rec.EncodingID == 1 && f4:
			bmp = &table.Records[i]
		case rec.PlatformID == 3 && rec.EncodingID == 10:
			full = &table.Records[i]
		}
	}
	return bmp, full
}

// runeMap looks runes up in the same subtables as eachMapping, without
// building the whole map.
type runeMap struct {
	bmp, full font.Cmap // full is nil without a (3,10) subtable
}

// newRuneMap returns the lookup of a raw cmap table's Windows subtables.
func newRuneMap(raw []byte) (runeMap, error) {
	table, _, err := tables.ParseCmap(raw)
	if err != nil {
		return runeMap{}, fmt.Errorf("cmap: %w", err)
	}
	bmp, full := windowsSubtables(table)
	if bmp == nil {
		return runeMap{}, errNoUnicode
	}
	var m runeMap
	if m.bmp, _, err = font.ProcessCmap(tables.Cmap{Records: []tables.EncodingRecord{*bmp}}, 0); err != nil {
		return runeMap{}, errNoUnicode
	}
	if full != nil {
		m.full, _, _ = font.ProcessCmap(tables.Cmap{Records: []tables.EncodingRecord{*full}}, 0)
	}
	return m, nil
}

// lookup returns r's glyph, or false when the face lacks r.
func (m runeMap) lookup(r rune) (tables.GlyphID, bool) {
	c := m.bmp
	if r >= 0x10000 {
		c = m.full
	}
	if r < 0 || c == nil {
		return 0, false
	}
	g, ok := c.Lookup(r)
	return tables.GlyphID(g), ok && g != 0
}

// maxMappings bounds the mappings read from a subtable: one per Unicode
// code point. A damaged format 12 group can span four billion characters.
const maxMappings = 0x110000

// eachIn calls fn with the mappings of one subtable whose rune passes keep
// and is a Unicode code point, reading at most maxMappings of them.
func eachIn(rec *tables.EncodingRecord, keep func(rune) bool, fn func(rune, tables.GlyphID)) bool {
	cm, _, err := font.ProcessCmap(tables.Cmap{Records: []tables.EncodingRecord{*rec}}, 0)
	if err != nil {
		return false
	}
	n := 0
	for it := cm.Iter(); it.Next() && n < maxMappings; n++ {
		if r, gid := it.Char(); gid != 0 && r <= unicode.MaxRune && keep(r) {
			fn(r, tables.GlyphID(gid))
		}
	}
	return true
}

// format4 returns the (3,1) format 4 subtable of a raw cmap table, or nil.
func format4(raw []byte) []byte {
	if len(raw) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(raw[2:]))
	for i := range n {
		rec := raw[min(4+8*i, len(raw)):]
		if len(rec) < 8 {
			return nil
		}
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if binary.BigEndian.Uint16(rec) == 3 && binary.BigEndian.Uint16(rec[2:]) == 1 &&
			off+14 <= len(raw) && binary.BigEndian.Uint16(raw[off:]) == 4 {
			return raw[off:]
		}
	}
	return nil
}

// format4Has reports whether the format 4 subtable st maps r to a glyph
// other than 0, without building the whole map.
func format4Has(st []byte, r rune) bool {
	if r < 0 || r > 0xFFFF || len(st) < 14 {
		return false
	}
	segX2 := int(binary.BigEndian.Uint16(st[6:]))
	ends, starts, deltas, ranges := 14, 16+segX2, 16+2*segX2, 16+3*segX2
	if ranges+segX2 > len(st) {
		return false
	}
	c := uint16(r)
	// The first segment ending at or after c; segments are sorted.
	seg := sort.Search(segX2/2, func(i int) bool { return binary.BigEndian.Uint16(st[ends+2*i:]) >= c })
	if seg == segX2/2 {
		return false
	}
	s := 2 * seg
	start := binary.BigEndian.Uint16(st[starts+s:])
	if start > c {
		return false
	}
	delta := binary.BigEndian.Uint16(st[deltas+s:])
	ro := int(binary.BigEndian.Uint16(st[ranges+s:]))
	if ro == 0 {
		return c+delta != 0
	}
	at := ranges + s + ro + 2*int(c-start)
	if at+2 > len(st) {
		return false
	}
	g := binary.BigEndian.Uint16(st[at:])
	return g != 0 && g+delta != 0
}
