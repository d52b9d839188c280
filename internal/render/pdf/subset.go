package pdf

import (
	"encoding/binary"
	"errors"
	"maps"
	"slices"
	"sort"
)

// Subsetting here rather than in gopdf: gopdf embeds a "subset" that keeps
// the whole loca and hmtx tables of the original font (about 230 KB for a
// 29,000-glyph CJK face) and compresses it at zlib's default level on every
// document, which cost about 13 ms per face. Handing gopdf a small TrueType
// font with only the glyphs used, renumbered from 1, makes its parse and
// subset cheap and the file small.
//
// gopdf is handed the subset without outlines (a stub): it needs only the
// metrics and cmap to lay out text and write the font dictionaries. The
// font program with the outlines is compressed here, the faces of a
// document in parallel, and put in place of gopdf's by finish.

// subsetFont is a compact TrueType font holding the glyphs of some runes.
type subsetFont struct {
	tables map[string][]byte
	gids   []uint16 // original glyph index of each new glyph, 0 first
}

// stub is the whole font but with empty outlines, for gopdf.
func (s *subsetFont) stub() []byte {
	t := maps.Clone(s.tables)
	t["glyf"], t["loca"] = nil, make([]byte, len(t["loca"]))
	return assemble(t)
}

// program is the font program to embed: the tables gopdf would embed.
func (s *subsetFont) program() []byte {
	t := make(map[string][]byte, len(programTables))
	for _, name := range programTables {
		if b, ok := s.tables[name]; ok {
			t[name] = b
		}
	}
	return assemble(t)
}

// programTables are the tables embedded in the PDF, as gopdf embeds them.
var programTables = []string{"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"}

// buildSubset makes a TrueType font with .notdef, the glyphs of runes and the
// components of composite glyphs among them, with a cmap for runes. Every
// rune must be covered by pf (collectFaces checks this).
func buildSubset(pf *parsedFace, runes []rune, psName string) (*subsetFont, error) {
	gids := []uint16{0}
	seen := map[uint16]bool{0: true}
	for _, r := range runes {
		g, _, _ := pf.glyph(r)
		if !seen[g] {
			seen[g] = true
			gids = append(gids, g)
		}
	}
	// Composite glyphs name their components; add those, transitively.
	for i := 0; i < len(gids); i++ {
		for _, c := range components(pf.outline(gids[i])) {
			if !seen[c.gid] && int(c.gid) < pf.numGlyphs {
				seen[c.gid] = true
				gids = append(gids, c.gid)
			}
		}
	}
	slices.Sort(gids)
	newID := make(map[uint16]uint16, len(gids))
	for i, g := range gids {
		newID[g] = uint16(i)
	}
	glyf, loca, err := subsetGlyf(pf, gids, newID)
	if err != nil {
		return nil, err
	}
	cmap, err := subsetCmap(pf, runes, newID)
	if err != nil {
		return nil, err
	}
	tables := map[string][]byte{
		"glyf": glyf,
		"loca": loca,
		"hmtx": subsetHmtx(pf, gids),
		"cmap": cmap,
		"name": nameTable(psName),
		"head": patched(pf.tables["head"], 54, func(b []byte) {
			binary.BigEndian.PutUint32(b[8:], 0)  // checkSumAdjustment
			binary.BigEndian.PutUint16(b[50:], 1) // long loca offsets
		}),
		"hhea": patched(pf.tables["hhea"], 36, func(b []byte) { binary.BigEndian.PutUint16(b[34:], uint16(len(gids))) }),
		"maxp": patched(pf.tables["maxp"], len(pf.tables["maxp"]), func(b []byte) { binary.BigEndian.PutUint16(b[4:], uint16(len(gids))) }),
		"post": patched(pf.tables["post"], 32, func(b []byte) { binary.BigEndian.PutUint32(b, 0x00030000) }),
		"OS/2": pf.tables["OS/2"],
	}
	for _, t := range []string{"cvt ", "fpgm", "prep"} { // hinting programs the glyphs may call
		if b := pf.tables[t]; b != nil {
			tables[t] = b
		}
	}
	return &subsetFont{tables: tables, gids: gids}, nil
}

// component is one reference of a composite glyph: the component's glyph
// index and where that index sits in the glyph's bytes.
type component struct {
	gid uint16
	at  int
}

// Composite glyph flags (glyf table).
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	have2x2        = 0x0080
)

// components lists the components of a composite glyph; nil for a simple or
// empty glyph.
func components(g []byte) []component {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var out []component
	for at := 10; at+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[at:])
		out = append(out, component{gid: binary.BigEndian.Uint16(g[at+2:]), at: at + 2})
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&have2x2 != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
	return out
}

var errGlyf = errors.New("字体的 glyf/loca 表已损坏")

// subsetGlyf copies the outlines of gids, renumbering composite components,
// each padded to four bytes, with long loca offsets.
func subsetGlyf(pf *parsedFace, gids []uint16, newID map[uint16]uint16) (glyf, loca []byte, err error) {
	size := 0
	for _, g := range gids {
		size += (len(pf.outline(g)) + 3) &^ 3
	}
	glyf = make([]byte, 0, size)
	loca = make([]byte, 4*(len(gids)+1))
	for i, g := range gids {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(len(glyf)))
		o := pf.outline(g)
		if o == nil {
			return nil, nil, errGlyf
		}
		start := len(glyf)
		glyf = append(glyf, o...)
		for _, c := range components(o) {
			binary.BigEndian.PutUint16(glyf[start+c.at:], newID[c.gid])
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	binary.BigEndian.PutUint32(loca[4*len(gids):], uint32(len(glyf)))
	return glyf, loca, nil
}

// subsetHmtx writes a full metric (advance, left side bearing) per glyph.
func subsetHmtx(pf *parsedFace, gids []uint16) []byte {
	b := make([]byte, 4*len(gids))
	for i, g := range gids {
		binary.BigEndian.PutUint16(b[4*i:], uint16(pf.advance(g)))
		binary.BigEndian.PutUint16(b[4*i+2:], pf.lsb(g))
	}
	return b
}

// patched returns a copy of the first n bytes of table, zero-padded if the
// table is shorter, changed by fix.
func patched(table []byte, n int, fix func([]byte)) []byte {
	b := make([]byte, n)
	copy(b, table)
	fix(b)
	return b
}

// assemble writes an sfnt file: the table directory sorted by tag, then the
// tables, each four-byte aligned, with checksums.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for t, b := range tables {
		tags = append(tags, t)
		size += (len(b) + 3) &^ 3
	}
	sort.Strings(tags)
	out := make([]byte, 12+16*len(tags), size)
	n := len(tags)
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<sel))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<sel))
	for i, t := range tags {
		b := tables[t]
		e := out[12+16*i:]
		copy(e, t)
		binary.BigEndian.PutUint32(e[4:], checksum(b))
		binary.BigEndian.PutUint32(e[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(e[12:], uint32(len(b)))
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
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
