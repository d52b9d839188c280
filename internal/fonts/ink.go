package fonts

import (
	"encoding/binary"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// Ink reports where the ink of r lies vertically in the face of role's
// chain that draws r: the top and the bottom of its outline, in font units
// above the baseline (the yMax and yMin of the glyph's bounding box, as
// its glyf record states them), of which an em has unitsPerEm. The
// typesetter places a glyph by its ink where the standard measures an
// edge of the ink, such as the dashes beside a page number (GB/T 9704
// §7.5). ok is false when no face of the chain has r, or the face has no
// TrueType outline for it (a blank glyph).
//
// A glyph's box is read on first use, once per process.
func (s *Set) Ink(role string, r rune) (top, bottom, unitsPerEm int, ok bool) {
	for _, m := range s.chain(role) {
		met := m.face.metrics()
		if _, has := met.lookup(r); !has {
			continue
		}
		k := inkKey{m.face, r}
		v, found := inkBoxes.Load(k)
		if !found {
			v, _ = inkBoxes.LoadOrStore(k, m.face.readInk(r))
		}
		b := v.(inkBox)
		return b.top, b.bottom, met.upem, b.ok
	}
	return 0, 0, 0, false
}

// inkBoxes caches the boxes Ink has read, by face and rune. Few runes are
// ever asked for (the dash of the page numbers), so it stays small.
var inkBoxes sync.Map // inkKey → inkBox

type inkKey struct {
	f *face
	r rune
}

type inkBox struct {
	top, bottom int
	ok          bool
}

// readInk reads the bounding box of r's glyph from the face's cmap, loca
// and glyf tables.
func (f *face) readInk(r rune) inkBox {
	data, err := f.bytes()
	if err != nil {
		return inkBox{}
	}
	dir := tableDir(data)
	head, maxp := dir["head"], dir["maxp"]
	if len(head) < 54 || len(maxp) < 6 {
		return inkBox{}
	}
	table, _, err := tables.ParseCmap(dir["cmap"])
	if err != nil {
		return inkBox{}
	}
	cm, _, err := font.ProcessCmap(table, 0)
	if err != nil {
		return inkBox{}
	}
	gid, ok := cm.Lookup(r)
	if !ok {
		return inkBox{}
	}
	g := glyphs{
		loca:  dir["loca"],
		glyf:  dir["glyf"],
		long:  binary.BigEndian.Uint16(head[50:]) == 1,
		count: int(binary.BigEndian.Uint16(maxp[4:])),
	}
	rec := g.record(int(gid))
	if rec == nil {
		return inkBox{}
	}
	// The glyph header: numberOfContours, xMin, yMin, xMax, yMax (int16).
	return inkBox{
		bottom: int(int16(binary.BigEndian.Uint16(rec[4:]))),
		top:    int(int16(binary.BigEndian.Uint16(rec[8:]))),
		ok:     true,
	}
}
