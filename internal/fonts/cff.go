package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/go-text/typesetting/font/cff"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// Faces with CFF outlines (思源/Noto CJK, Fandol, most .otf fonts) are
// measured like any other, but a PDF writer that embeds TrueType fonts only
// gets them as TrueType: the glyphs a document uses are converted to
// quadratic outlines, each once per process, and written as a small
// TrueType font with just those glyphs.

// cffFont is the CFF program of a face and its glyphs converted so far.
type cffFont struct {
	program *cff.CFF
	tables  map[string][]byte // head, hhea, OS/2, post, name of the face
	hmtx    tables.Hmtx
	runes   runeMap
	tol     float64 // greatest distance of a converted outline, in font units

	glyphs sync.Map // tables.GlyphID → convertedGlyph
}

// convertedGlyph is a glyph in TrueType form, or why it could not be.
type convertedGlyph struct {
	rec glyfRecord
	err error
}

// parseCFF reads the tables of a CFF-outline font that conversion needs.
func parseCFF(data []byte) (*cffFont, error) {
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	raw, err := ld.RawTable(tagCFF)
	if err != nil {
		return nil, err
	}
	program, err := cff.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("CFF: %w", err)
	}
	hmtx, err := readHmtx(ld)
	if err != nil {
		return nil, err
	}
	f := &cffFont{program: program, hmtx: hmtx, tables: make(map[string][]byte)}
	for _, t := range []string{"head", "hhea", "OS/2", "post", "name", "cmap"} {
		b, err := ld.RawTable(ot.MustNewTag(t))
		if err != nil && t != "name" {
			return nil, fmt.Errorf("%s: %w", t, err)
		}
		f.tables[t] = b
	}
	if len(f.tables["head"]) < 54 || len(f.tables["hhea"]) < 36 || len(f.tables["post"]) < 16 {
		return nil, errors.New("head, hhea or post table too short")
	}
	if f.runes, err = newRuneMap(f.tables["cmap"]); err != nil {
		return nil, err
	}
	upem := float64(binary.BigEndian.Uint16(f.tables["head"][18:]))
	f.tol = max(upem, 16) / 1000 // one unit of a 1000-unit em: 0.016 pt at 16 pt
	return f, nil
}

// glyph returns glyph gid in TrueType form, converting it on first use.
func (f *cffFont) glyph(gid tables.GlyphID) (glyfRecord, error) {
	if v, ok := f.glyphs.Load(gid); ok {
		c := v.(convertedGlyph)
		return c.rec, c.err
	}
	var c convertedGlyph
	segs, err := f.loadGlyph(gid)
	if err != nil {
		c.err = fmt.Errorf("字形 %d 的 CFF 轮廓无法读取：%w", gid, err)
	} else if contours, err := quadContours(segs, f.tol); err != nil {
		c.err = fmt.Errorf("字形 %d：%w", gid, err)
	} else {
		c.rec, c.err = encodeGlyph(contours)
	}
	f.glyphs.Store(gid, c)
	return c.rec, c.err
}

// loadGlyph returns the outline of glyph gid, or an error for a damaged
// charstring (on which go-text may panic).
func (f *cffFont) loadGlyph(gid tables.GlyphID) (segs []ot.Segment, err error) {
	defer func() {
		if r := recover(); r != nil {
			segs, err = nil, fmt.Errorf("%v", r)
		}
	}()
	segs, _, err = f.program.LoadGlyph(gid)
	return segs, err
}

// trueType writes a TrueType font with .notdef and the glyphs of runes
// (those the face has), numbered in the order of the sorted runes, with
// the face's metrics and names.
func (f *cffFont) trueType(runes []rune) ([]byte, error) {
	runes = slices.Clone(runes)
	slices.Sort(runes)
	runes = slices.Compact(runes)
	gids := []tables.GlyphID{0}
	newID := map[tables.GlyphID]uint16{0: 0}
	var mapped []cmapEntry
	for _, r := range runes {
		g, ok := f.runes.lookup(r)
		if !ok {
			continue
		}
		id, seen := newID[g]
		if !seen {
			if len(gids) == 0xFFFF {
				return nil, errors.New("一份文档用到的字形超过 65535 个")
			}
			id = uint16(len(gids))
			newID[g] = id
			gids = append(gids, g)
		}
		mapped = append(mapped, cmapEntry{r, id})
	}
	var glyf []byte
	loca := make([]byte, 0, 4*(len(gids)+1))
	hmtx := make([]byte, 0, 4*len(gids))
	var maxPoints, maxContours int
	for _, g := range gids {
		rec, err := f.glyph(g)
		if err != nil {
			return nil, err
		}
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		glyf = append(glyf, rec.data...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		hmtx = binary.BigEndian.AppendUint16(hmtx, uint16(f.hmtx.Advance(g)))
		hmtx = binary.BigEndian.AppendUint16(hmtx, uint16(rec.xMin))
		maxPoints, maxContours = max(maxPoints, rec.points), max(maxContours, rec.contours)
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
	out := map[string][]byte{
		"glyf": glyf,
		"loca": loca,
		"hmtx": hmtx,
		"cmap": writeCmap(mapped),
		"maxp": maxpTrueType(len(gids), maxPoints, maxContours),
		"head": patch(f.tables["head"], func(b []byte) {
			binary.BigEndian.PutUint16(b[50:], 1) // long loca offsets
			binary.BigEndian.PutUint16(b[52:], 0) // glyphDataFormat
		}),
		"hhea": patch(f.tables["hhea"], func(b []byte) { binary.BigEndian.PutUint16(b[34:], uint16(len(gids))) }),
		"post": postV3(f.tables["post"]),
		"OS/2": f.tables["OS/2"],
	}
	if f.tables["name"] != nil {
		out["name"] = f.tables["name"]
	}
	return writeSfnt(0x00010000, out), nil
}

// patch returns a copy of b changed by fix.
func patch(b []byte, fix func([]byte)) []byte {
	c := slices.Clone(b)
	fix(c)
	return c
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

// writeCmap writes a cmap table with a (3,1) format 4 subtable for the
// BMP runes of entries and, when there are others, a (3,10) format 12
// subtable for all. entries are sorted by rune.
func writeCmap(entries []cmapEntry) []byte {
	var bmp []cmapEntry
	for _, e := range entries {
		if e.r < 0xFFFF {
			bmp = append(bmp, e)
		}
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
	return b
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
