package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
)

// Subset is a TrueType font of the glyphs some runes of a face need:
// .notdef, the runes' glyphs and, for a TrueType face, every component of
// the composite glyphs among them (components of components too), numbered
// from 0, with a cmap of those runes and the face's metrics. A CFF face's
// glyphs are converted to quadratic outlines within a thousandth of an em.
// A Subset never changes once made and is safe for concurrent use.
type Subset struct {
	tables   map[string][]byte
	outlines []byte

	fontOnce, bareOnce sync.Once
	font, bare         []byte

	orig  []uint16        // the face's glyph of each subset glyph
	adv   []uint16        // the advance of each subset glyph
	glyph map[rune]uint16 // the subset glyph of each rune
	upem  int
}

// Font returns the whole subset font: the same slice on every call, which
// the caller must not change.
func (s *Subset) Font() []byte {
	s.fontOnce.Do(func() { s.font = writeSfnt(0x00010000, s.tables) })
	return s.font
}

// Outlines returns the subset with only the tables a TrueType rasteriser
// draws its glyphs with (cvt, fpgm, glyf, head, hhea, hmtx, loca, maxp,
// prep): no cmap, names or OS/2 metrics, which a PDF's font dictionaries
// carry instead. This is the font program a PDF embeds as FontFile2
// (ISO 32000-1, 9.9). The same slice on every call.
func (s *Subset) Outlines() []byte { return s.outlines }

// WithoutOutlines returns the subset font with every glyph empty: its
// cmap, metrics and names, for a writer that lays text out with them and
// embeds Outlines separately. The same slice on every call, which the
// caller must not change.
func (s *Subset) WithoutOutlines() []byte {
	s.bareOnce.Do(func() {
		t := maps.Clone(s.tables)
		t["glyf"], t["loca"] = nil, make([]byte, len(t["loca"]))
		s.bare = writeSfnt(0x00010000, t)
	})
	return s.bare
}

// Glyph returns r's glyph in the subset and its advance in font units;
// ok is false when the face lacks r.
func (s *Subset) Glyph(r rune) (gid uint16, advance int, ok bool) {
	g, ok := s.glyph[r]
	if !ok {
		return 0, 0, false
	}
	return g, int(s.adv[g]), true
}

// Original returns the face's glyph of each glyph of the subset, by subset
// glyph: two subsets of a face with the same Original have the same
// glyphs. The caller must not change the slice.
func (s *Subset) Original() []uint16 { return s.orig }

// UnitsPerEm returns the size of the em in font units.
func (s *Subset) UnitsPerEm() int { return s.upem }

// Subset returns the subset of the face for runes; runes the face lacks
// are left out (Glyph reports them). The face keeps its last subsets: the
// same runes, in any order, give the same *Subset.
func (f *Face) Subset(runes []rune) (*Subset, error) {
	rs := sortedRunes(runes)
	key := string(rs)
	if s := f.subsets.get(key); s != nil {
		return s, nil
	}
	s, err := f.subset(rs)
	if err != nil {
		return nil, err
	}
	return f.subsets.put(key, s), nil
}

// subset makes the subset for runes, sorted and distinct.
func (f *Face) subset(runes []rune) (*Subset, error) {
	if f.cff != nil {
		s, err := f.cff.subset(runes)
		if err != nil {
			return nil, fmt.Errorf("转换字体的 CFF 轮廓失败：%w", err)
		}
		return s, nil
	}
	g, err := f.glyfOf()
	if err != nil {
		return nil, err
	}
	return g.subset(runes, f.Glyph)
}

// subsetsKept is how many subsets a face keeps: those of the documents
// open or exported lately.
const subsetsKept = 4

// subsetCache keeps a face's last subsets by their runes.
type subsetCache struct {
	mu   sync.Mutex
	keys []string // least recently used first
	m    map[string]*Subset
}

// get returns the subset for key, or nil.
func (c *subsetCache) get(key string) *Subset {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.m[key]
	if s != nil {
		c.touch(key)
	}
	return s
}

// put keeps s for key, unless a subset for key was kept meanwhile, which
// it returns instead.
func (c *subsetCache) put(key string, s *Subset) *Subset {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.m[key]; old != nil {
		c.touch(key)
		return old
	}
	if c.m == nil {
		c.m = make(map[string]*Subset)
	}
	if len(c.keys) == subsetsKept {
		delete(c.m, c.keys[0])
		c.keys = slices.Delete(c.keys, 0, 1)
	}
	c.m[key] = s
	c.keys = append(c.keys, key)
	return s
}

// touch makes key the most recently used; the lock is held.
func (c *subsetCache) touch(key string) {
	if i := slices.Index(c.keys, key); i >= 0 {
		c.keys = append(slices.Delete(c.keys, i, i+1), key)
	}
}

var errTooManyGlyphs = errors.New("一份文档用到的字形超过 65535 个")

// sortedRunes returns the distinct runes, in increasing order.
func sortedRunes(runes []rune) []rune {
	rs := slices.Clone(runes)
	slices.Sort(rs)
	return slices.Compact(rs)
}

// subset keeps the glyphs of runes (sorted, distinct), found with lookup,
// and their components, in the face's order.
func (g *glyfFont) subset(runes []rune, lookup func(rune) (uint16, bool)) (*Subset, error) {
	gids := []uint16{0}
	seen := map[uint16]bool{0: true}
	for _, r := range runes {
		if gid, ok := lookup(r); ok && !seen[gid] {
			seen[gid] = true
			gids = append(gids, gid)
		}
	}
	gids = g.closure(gids, seen)
	slices.Sort(gids)
	if len(gids) > 0xFFFF {
		return nil, errTooManyGlyphs
	}
	newID := make(map[uint16]uint16, len(gids))
	for i, gid := range gids {
		newID[gid] = uint16(i)
	}
	b := subsetBuilder{upem: g.upem}
	size := 0
	for _, gid := range gids {
		size += (len(g.record(gid)) + 3) &^ 3
	}
	b.grow(len(gids), size)
	for _, gid := range gids {
		rec := g.record(gid)
		if rec == nil {
			return nil, errGlyf
		}
		if cs := components(rec); cs != nil {
			rec = slices.Clone(rec)
			for _, c := range cs {
				binary.BigEndian.PutUint16(rec[c.at:], newID[c.gid])
			}
		}
		b.add(gid, rec, g.advance(gid), g.lsb(gid))
	}
	for _, r := range runes {
		if gid, ok := lookup(r); ok {
			b.entries = append(b.entries, cmapEntry{r, newID[gid]})
		}
	}
	base := map[string][]byte{
		"maxp": patched(g.tables["maxp"], 6, func(b []byte) { binary.BigEndian.PutUint16(b[4:], uint16(len(gids))) }),
		"name": nameTable(lookupName(parseNames(g.tables["name"]), namePostScript, false)),
	}
	for _, t := range []string{"head", "hhea", "post", "OS/2", "cvt ", "fpgm", "prep"} {
		if b := g.tables[t]; b != nil {
			base[t] = b
		}
	}
	return b.build(base)
}

// subsetBuilder collects the glyphs of a subset, in their new order.
type subsetBuilder struct {
	glyf, loca, hmtx []byte
	orig, adv        []uint16
	entries          []cmapEntry // sorted by rune
	upem             int
}

// grow makes room for n glyphs of size bytes of glyf records.
func (b *subsetBuilder) grow(n, size int) {
	b.glyf = make([]byte, 0, size)
	b.loca = make([]byte, 0, 4*(n+1))
	b.hmtx = make([]byte, 0, 4*n)
	b.orig = make([]uint16, 0, n)
	b.adv = make([]uint16, 0, n)
}

// add appends a glyph: its glyf record (components already renumbered),
// advance and left side bearing.
func (b *subsetBuilder) add(orig uint16, rec []byte, adv uint16, lsb int16) {
	b.loca = binary.BigEndian.AppendUint32(b.loca, uint32(len(b.glyf)))
	b.glyf = append(b.glyf, rec...)
	for len(b.glyf)%4 != 0 {
		b.glyf = append(b.glyf, 0)
	}
	b.hmtx = binary.BigEndian.AppendUint16(b.hmtx, adv)
	b.hmtx = binary.BigEndian.AppendUint16(b.hmtx, uint16(lsb))
	b.orig = append(b.orig, orig)
	b.adv = append(b.adv, adv)
}

// build writes the subset: the glyphs added, a cmap of the entries, and
// base's tables (maxp, head, hhea, post, OS/2, name, hinting programs)
// adjusted to the glyphs: long loca offsets, a full metric per glyph,
// post without glyph names.
func (b *subsetBuilder) build(base map[string][]byte) (*Subset, error) {
	n := len(b.orig)
	if len(base["head"]) < 54 || len(base["hhea"]) < 36 || len(base["post"]) < 16 {
		return nil, errors.New("head, hhea or post table too short")
	}
	cmap, err := writeCmap(b.entries)
	if err != nil {
		return nil, err
	}
	t := map[string][]byte{
		"glyf": b.glyf,
		"loca": binary.BigEndian.AppendUint32(b.loca, uint32(len(b.glyf))),
		"hmtx": b.hmtx,
		"cmap": cmap,
		"head": patched(base["head"], 54, func(h []byte) {
			binary.BigEndian.PutUint16(h[50:], 1) // long loca offsets
			binary.BigEndian.PutUint16(h[52:], 0) // glyphDataFormat
		}),
		"hhea": patched(base["hhea"], 36, func(h []byte) { binary.BigEndian.PutUint16(h[34:], uint16(n)) }),
		"post": postV3(base["post"]),
	}
	for _, tag := range []string{"maxp", "OS/2", "name", "cvt ", "fpgm", "prep"} {
		if base[tag] != nil {
			t[tag] = base[tag]
		}
	}
	outlines := make(map[string][]byte, len(outlineTables))
	for _, tag := range outlineTables {
		if t[tag] != nil {
			outlines[tag] = t[tag]
		}
	}
	s := &Subset{
		outlines: writeSfnt(0x00010000, outlines),
		tables:   t,
		orig:     b.orig,
		adv:      b.adv,
		glyph:    make(map[rune]uint16, len(b.entries)),
		upem:     b.upem,
	}
	for _, e := range b.entries {
		s.glyph[e.r] = e.gid
	}
	return s, nil
}

// outlineTables are the tables of Subset.Outlines.
var outlineTables = []string{"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"}

// patched returns a copy of table, zero-padded to at least n bytes,
// changed by fix.
func patched(table []byte, n int, fix func([]byte)) []byte {
	b := make([]byte, max(n, len(table)))
	copy(b, table)
	fix(b)
	return b
}
