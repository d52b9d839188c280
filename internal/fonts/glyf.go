package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/go-text/typesetting/font/opentype/tables"
)

// glyfFont is a TrueType face's outlines and horizontal metrics, read once
// per face. Its tables are slices of the face's bytes, not copies: go-text's
// Loader copies every table it reads, and the glyf table of a CJK face is
// 10–20 MB, of which a document touches a few hundred glyphs (an embedded
// face's bytes are the binary's read-only data, resident only where read).
type glyfFont struct {
	tables    map[string][]byte // every table of the font, by tag
	loca      []uint32          // numGlyphs+1 offsets into glyf
	hmtx      tables.Hmtx
	numGlyphs int
	upem      int
}

var errGlyf = errors.New("字体的 glyf/loca 表已损坏")

// parseGlyfFont reads the tables of a TrueType font that its glyphs need.
func parseGlyfFont(data []byte) (*glyfFont, error) {
	dir := tableDir(data)
	if dir == nil {
		return nil, errors.New("已损坏（表目录不完整）")
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if dir[t] == nil {
			return nil, fmt.Errorf("缺少 %s 表，不是完整的 TrueType 字体", t)
		}
	}
	head, _, err := tables.ParseHead(dir["head"])
	if err != nil {
		return nil, fmt.Errorf("head: %w", err)
	}
	maxp, _, err := tables.ParseMaxp(dir["maxp"])
	if err != nil {
		return nil, fmt.Errorf("maxp: %w", err)
	}
	hmtx, err := parseHmtx(dir["maxp"], dir["hhea"], dir["hmtx"])
	if err != nil {
		return nil, err
	}
	loca, err := tables.ParseLoca(dir["loca"], int(maxp.NumGlyphs), head.IndexToLocFormat == 1)
	if err != nil {
		return nil, errGlyf
	}
	return &glyfFont{tables: dir, loca: loca, hmtx: hmtx, numGlyphs: int(maxp.NumGlyphs), upem: int(head.Upem())}, nil
}

// record returns the bytes of glyph gid in the glyf table: empty for a
// glyph without contours, nil for a glyph beyond the font or the table.
func (g *glyfFont) record(gid uint16) []byte {
	if int(gid) >= g.numGlyphs {
		return nil
	}
	from, to := g.loca[gid], g.loca[gid+1]
	if from > to || int(to) > len(g.tables["glyf"]) {
		return nil
	}
	return g.tables["glyf"][from:to]
}

// advance returns glyph gid's advance width in font units.
func (g *glyfFont) advance(gid uint16) uint16 { return uint16(g.hmtx.Advance(tables.GlyphID(gid))) }

// lsb returns glyph gid's left side bearing in font units.
func (g *glyfFont) lsb(gid uint16) int16 {
	if n := len(g.hmtx.Metrics); int(gid) < n {
		return g.hmtx.Metrics[gid].LeftSideBearing
	} else if i := int(gid) - n; i < len(g.hmtx.LeftSideBearings) {
		return g.hmtx.LeftSideBearings[i]
	}
	return 0
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// component is one reference of a composite glyph: the component's glyph
// and where that glyph index sits in the glyph's bytes.
type component struct {
	gid uint16
	at  int
}

// components lists the components of a composite glyph record; nil for a
// simple or empty glyph.
func components(rec []byte) []component {
	if len(rec) < 10 || int16(binary.BigEndian.Uint16(rec)) >= 0 {
		return nil
	}
	var out []component
	for at := 10; at+4 <= len(rec); {
		flags := binary.BigEndian.Uint16(rec[at:])
		out = append(out, component{gid: binary.BigEndian.Uint16(rec[at+2:]), at: at + 2})
		at += 4 + componentArgs(flags)
		if flags&moreComponents == 0 {
			break
		}
	}
	return out
}

// componentArgs is the size of a component's arguments and transform.
func componentArgs(flags uint16) int {
	n := 2
	if flags&argsAreWords != 0 {
		n = 4
	}
	switch {
	case flags&haveScale != 0:
		n += 2
	case flags&haveXYScale != 0:
		n += 4
	case flags&haveTwoByTwo != 0:
		n += 8
	}
	return n
}

// closure adds to gids the components of its composite glyphs, and
// theirs, marking each in seen.
func (g *glyfFont) closure(gids []uint16, seen map[uint16]bool) []uint16 {
	for i := 0; i < len(gids); i++ {
		for _, c := range components(g.record(gids[i])) {
			if !seen[c.gid] && int(c.gid) < g.numGlyphs {
				seen[c.gid] = true
				gids = append(gids, c.gid)
			}
		}
	}
	return gids
}

// glyfOf returns the face's TrueType outlines, read on first use; an error
// for a CFF face or a damaged font.
func (f *Face) glyfOf() (*glyfFont, error) {
	f.glyfOnce.Do(func() {
		if f.cff != nil {
			f.glyfErr = errors.New("CFF 轮廓的字体没有 glyf 表")
			return
		}
		data, err := f.bytes()
		if err != nil {
			f.glyfErr = err
			return
		}
		f.glyf, f.glyfErr = parseGlyfFont(data)
	})
	return f.glyf, f.glyfErr
}
