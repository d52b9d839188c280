package fonts

import (
	"encoding/binary"
	"sync"
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
	f *Face
	r rune
}

type inkBox struct {
	top, bottom int
	ok          bool
}

// readInk reads the bounding box of r's glyph from its glyf record.
func (f *Face) readInk(r rune) inkBox {
	g, err := f.glyfOf()
	if err != nil {
		return inkBox{}
	}
	gid, ok := f.Glyph(r)
	if !ok {
		return inkBox{}
	}
	rec := g.record(gid)
	if len(rec) < 10 {
		return inkBox{}
	}
	// The glyph header: numberOfContours, xMin, yMin, xMax, yMax (int16).
	return inkBox{
		bottom: int(int16(binary.BigEndian.Uint16(rec[4:]))),
		top:    int(int16(binary.BigEndian.Uint16(rec[8:]))),
		ok:     true,
	}
}
