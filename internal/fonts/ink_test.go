package fonts

import (
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestInk checks the ink boxes Ink reads from the glyf headers against the
// bounds of the glyphs' outlines as another reader (x/image's sfnt) loads
// them, for the dash of the page numbers and characters of every shape.
func TestInk(t *testing.T) {
	s := set(t)
	abs := func(x int) int { return max(x, -x) }
	for _, c := range []struct {
		role string
		r    rune
	}{
		{Song, '—'}, {Song, '1'}, {Body, '—'}, {Body, '中'}, {Body, '，'}, {Hei, 'g'}, {Kai, '“'}, {Title, '答'},
	} {
		face, _, _, _ := s.Glyph(c.role, c.r)
		top, bottom, upem, ok := s.Ink(c.role, c.r)
		if !ok || upem != 1000 {
			t.Errorf("Ink(%s, %q) = %d, %d, %d, %v; want a box in 1000 units", c.role, c.r, top, bottom, upem, ok)
			continue
		}
		data, _ := s.Data(face)
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		var b sfnt.Buffer
		gid, _ := f.GlyphIndex(&b, c.r)
		// At a ppem of upem × 64, a unit of the 26.6 fixed point is a font unit.
		segs, err := f.LoadGlyph(&b, gid, fixed.Int26_6(upem*64), nil)
		if err != nil {
			t.Fatal(err)
		}
		bd := segs.Bounds() // y grows downwards
		wantTop, wantBottom := -bd.Min.Y.Round(), -bd.Max.Y.Round()
		if abs(top-wantTop) > 1 || abs(bottom-wantBottom) > 1 {
			t.Errorf("Ink(%s, %q) in %s = top %d bottom %d, outline spans %d…%d", c.role, c.r, face, top, bottom, wantBottom, wantTop)
		}
		if top <= bottom {
			t.Errorf("Ink(%s, %q): top %d not above bottom %d", c.role, c.r, top, bottom)
		}
	}
	// The em dash of the page numbers lies a little below the middle of
	// the em in Noto Serif SC: 242…293 units above the baseline.
	if top, bottom, _, _ := s.Ink(Song, '—'); top != 293 || bottom != 242 {
		t.Errorf("Ink(song, —) = %d…%d, want 242…293", bottom, top)
	}
	if _, _, _, ok := s.Ink(Song, ' '); ok {
		t.Error("a space has ink")
	}
	if _, _, _, ok := s.Ink(Body, '\uE000'); ok {
		t.Error("a character no face has has ink")
	}
}
