package fonts

import (
	"cmp"
	"encoding/binary"
	"errors"
	"maps"
	"slices"

	"github.com/go-text/typesetting/font/opentype/tables"
)

// Thin returns a copy of the TrueType font data in which the glyphs of the
// runes keep refuses lose their outlines, unless a rune keep accepts maps
// to them too or they are components of a glyph kept. Glyph numbers,
// metrics and layout tables stay as they are: a character without its
// outline draws as a blank. Glyphs no character maps to (those a shaper
// substitutes, such as proportional digits) keep their outlines.
//
// The window draws bold text with such a thin copy: its toolkit reads
// every outline of a face when it first draws in it.
func Thin(data []byte, keep func(rune) bool) ([]byte, error) {
	return thin(data, keep, false)
}

// Trim is Thin that also takes the runes keep refuses out of the cmap: the
// font no longer has those characters, so a text renderer with a fallback
// chain draws them with the next font instead of as blanks. Glyph numbers
// stay as they are.
//
// The window draws its text with such a trimmed copy of the UI face: it
// parses in a quarter of the time and memory of the whole face, and the
// system's fonts draw the rare characters it lacks.
func Trim(data []byte, keep func(rune) bool) ([]byte, error) {
	return thin(data, keep, true)
}

// thin is Thin, and Trim when trim is set.
func thin(data []byte, keep func(rune) bool, trim bool) ([]byte, error) {
	dir := tableDir(data)
	if dir == nil || len(data) < 4 || string(data[:4]) != "\x00\x01\x00\x00" {
		return nil, errors.New("不是 TrueType 字体")
	}
	g, err := parseGlyfFont(data)
	if err != nil {
		return nil, err
	}
	table, _, err := tables.ParseCmap(dir["cmap"])
	if err != nil {
		return nil, errNoUnicode
	}
	dropped := make([]bool, g.numGlyphs)
	needed := map[uint16]bool{0: true}
	var entries []cmapEntry // the runes kept, for a trimmed cmap
	if !eachMapping(table, func(r rune, gid tables.GlyphID) {
		switch {
		case int(gid) >= g.numGlyphs:
		case keep(r):
			needed[uint16(gid)] = true
			entries = append(entries, cmapEntry{r, uint16(gid)})
		default:
			dropped[gid] = true
		}
	}) {
		return nil, errNoUnicode
	}
	for gid := range needed {
		dropped[gid] = false
	}
	var kept []uint16
	seen := make(map[uint16]bool)
	for gid, d := range dropped {
		if !d {
			kept = append(kept, uint16(gid))
			seen[uint16(gid)] = true
		}
	}
	for _, gid := range g.closure(kept, seen) {
		dropped[gid] = false
	}
	glyf, loca, err := g.without(dropped)
	if err != nil {
		return nil, err
	}
	out := maps.Clone(dir)
	out["glyf"], out["loca"] = glyf, loca
	if trim {
		slices.SortFunc(entries, func(a, b cmapEntry) int { return cmp.Compare(a.r, b.r) })
		entries = slices.CompactFunc(entries, func(a, b cmapEntry) bool { return a.r == b.r })
		if out["cmap"], err = writeCmap(entries); err != nil {
			return nil, err
		}
	}
	out["head"] = patched(dir["head"], 54, func(h []byte) { binary.BigEndian.PutUint16(h[50:], 1) }) // long loca offsets
	delete(out, "DSIG")
	return writeSfnt(0x00010000, out), nil
}

// without writes the glyf table and long loca table of the font with the
// dropped glyphs empty.
func (g *glyfFont) without(dropped []bool) (glyf, loca []byte, err error) {
	loca = make([]byte, 0, 4*(g.numGlyphs+1))
	for gid := range g.numGlyphs {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		if dropped[gid] {
			continue
		}
		rec := g.record(uint16(gid))
		if rec == nil {
			return nil, nil, errGlyf
		}
		glyf = append(glyf, rec...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	return glyf, binary.BigEndian.AppendUint32(loca, uint32(len(glyf))), nil
}
