package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
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
	upem    int
	psName  string

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
	f.upem = int(upem)
	f.psName = lookupName(parseNames(f.tables["name"]), namePostScript, false)
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

// subset converts the glyphs of runes (sorted, distinct; those the face
// has) to TrueType outlines, numbered in the order of the runes after
// .notdef.
func (f *cffFont) subset(runes []rune) (*Subset, error) {
	b := subsetBuilder{upem: f.upem}
	newID := map[tables.GlyphID]uint16{0: 0}
	gids := []tables.GlyphID{0}
	for _, r := range runes {
		g, ok := f.runes.lookup(r)
		if !ok {
			continue
		}
		id, seen := newID[g]
		if !seen {
			if len(gids) == 0xFFFF {
				return nil, errTooManyGlyphs
			}
			id = uint16(len(gids))
			newID[g] = id
			gids = append(gids, g)
		}
		b.entries = append(b.entries, cmapEntry{r, id})
	}
	var maxPoints, maxContours int
	for _, g := range gids {
		rec, err := f.glyph(g)
		if err != nil {
			return nil, err
		}
		b.add(uint16(g), rec.data, uint16(f.hmtx.Advance(g)), rec.xMin)
		maxPoints, maxContours = max(maxPoints, rec.points), max(maxContours, rec.contours)
	}
	return b.build(map[string][]byte{
		"maxp": maxpTrueType(len(gids), maxPoints, maxContours),
		"head": f.tables["head"],
		"hhea": f.tables["hhea"],
		"post": f.tables["post"],
		"OS/2": f.tables["OS/2"],
		"name": nameTable(f.psName),
	})
}
