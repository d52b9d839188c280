package fonts

import (
	"bytes"
	"encoding/binary"
	"image"
	"strings"
	"sync"
	"testing"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/vector"
)

// seedRunes are the characters of the example reply as printed, which
// testdata/cjk-seed.otf and the second face of serif-sans.ttc have.
func seedRunes(t *testing.T) []rune {
	t.Helper()
	return []rune(strings.TrimSpace(string(mustRead(t, "testdata/seed-chars.txt"))))
}

const cjkFace = "NotoSansCJKsc-Regular" // PostScript name of testdata/cjk-seed.otf

func TestCFFFace(t *testing.T) {
	path := copyFile(t, "cjk-seed.otf", t.TempDir(), "思源黑体.otf")
	s, err := set(t).WithFile(Body, path)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Chain(Body)[0]; got != cjkFace {
		t.Fatalf("Chain(body)[0] = %s, want %s", got, cjkFace)
	}
	orig, err := font.ParseTTF(bytes.NewReader(mustRead(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range seedRunes(t) {
		face, adv, upem, ok := s.Glyph(Body, r)
		gid, _ := orig.NominalGlyph(r)
		if face != cjkFace || !ok || upem != 1000 || adv != int(orig.HorizontalAdvance(gid)) {
			t.Errorf("Glyph(body, %q) = %s, %d, %d, %v; want %s, its advance %v in 1000", r, face, adv, upem, ok, cjkFace, orig.HorizontalAdvance(gid))
		}
	}
	if face, _, _, _ := s.Glyph(Body, '堃'); face != NotoSerif {
		t.Errorf("Glyph(body, 堃) from %s: a character the file lacks comes from the chain", face)
	}
	if data, _ := s.Data(cjkFace); !bytes.Equal(data, mustRead(t, path)) {
		t.Error("Data of a single .otf is not the file's bytes")
	}
	if b, err := subsetFont(s, FandolFang, []rune("答复")); err != nil || len(b) == 0 {
		t.Errorf("subset of a TrueType face = %d bytes, %v", len(b), err)
	}
	if _, err := subsetFont(s, "无此字体", []rune("答复")); err == nil {
		t.Error("subset of an unknown face: no error")
	}
}

// TestCFFSubset converts the seed's glyphs of a CID-keyed CFF font
// and checks the TrueType font with go-text's own reader: every character
// maps to a glyph whose advance is the original's and whose outline,
// rasterised, covers the original's pixels.
func TestCFFSubset(t *testing.T) {
	path := copyFile(t, "cjk-seed.otf", t.TempDir(), "cjk.otf")
	s, err := set(t).WithFile(Body, path)
	if err != nil {
		t.Fatal(err)
	}
	runes := append(seedRunes(t), '堃') // one the face lacks: left out
	sub, err := subsetFont(s, cjkFace, runes)
	if err != nil {
		t.Fatal(err)
	}
	tables := checkSfnt(t, sub)
	if kind, err := checkFont(sub); err != nil || kind != glyfOutlines {
		t.Fatalf("the subset is %v, %v; want a TrueType font", kind, err)
	}
	for _, tag := range []string{"glyf", "loca", "hmtx", "cmap", "maxp", "head", "hhea", "post", "OS/2", "name"} {
		if tables[tag] == nil {
			t.Errorf("subset lacks %s", tag)
		}
	}
	orig, err := font.ParseTTF(bytes.NewReader(mustRead(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	conv, err := font.ParseTTF(bytes.NewReader(sub))
	if err != nil {
		t.Fatal(err)
	}
	if n, want := conv.Upem(), orig.Upem(); n != want {
		t.Errorf("units per em %d, want %d", n, want)
	}
	seen := map[font.GID]bool{}
	for _, r := range runes {
		og, ok := orig.NominalGlyph(r)
		cg, cok := conv.NominalGlyph(r)
		if !ok {
			if cok {
				t.Errorf("%q: the face lacks it but the subset maps it", r)
			}
			continue
		}
		if !cok {
			t.Errorf("%q: not in the subset's cmap", r)
			continue
		}
		seen[cg] = true
		if a, b := conv.HorizontalAdvance(cg), orig.HorizontalAdvance(og); a != b {
			t.Errorf("%q: advance %v, want %v", r, a, b)
		}
		want := rasterize(orig.GlyphData(og), 0.1)
		got := rasterize(conv.GlyphData(cg), 0.1)
		if d := coverageDiff(got, want); d > 0.02 {
			t.Errorf("%q: converted outline differs from the CFF one in %.1f%% of its ink", r, 100*d)
		}
	}
	if n := int(binary.BigEndian.Uint16(tables["maxp"][4:])); n != len(seen)+1 {
		t.Errorf("%d glyphs, want .notdef and the %d used", n, len(seen))
	}

	// Converted glyphs are kept: the same subset again is the same bytes.
	again, _ := subsetFont(s, cjkFace, runes)
	if !bytes.Equal(again, sub) {
		t.Error("a second subset of the same characters differs")
	}
}

// TestCFFSubsetOfCollection converts a CFF face inside a collection.
func TestCFFSubsetOfCollection(t *testing.T) {
	path := copyFile(t, "cjk-pair.ttc", t.TempDir(), "pair.ttc")
	s, err := set(t).WithFile(Kai, path+"#NotoSansCJKjp-Regular")
	if err != nil {
		t.Fatal(err)
	}
	sub, err := subsetFont(s, s.Chain(Kai)[0], []rune("答复函"))
	if err != nil {
		t.Fatal(err)
	}
	conv, err := font.ParseTTF(bytes.NewReader(sub))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "答复函" {
		if g, ok := conv.NominalGlyph(r); !ok || len(conv.GlyphData(g).(font.GlyphOutline).Segments) == 0 {
			t.Errorf("%q: glyph %d, %v: want an outline", r, g, ok)
		}
	}
}

// rasterize fills a glyph outline at scale pixels per font unit, its
// origin 0.1 em from the left and 0.9 em from the top of a 1.2 em square.
func rasterize(g font.GlyphData, scale float32) *image.Alpha {
	const em = 1000
	size := int(1.2 * em * scale)
	z := vector.NewRasterizer(size, size)
	ox, oy := 0.1*em*scale, 0.9*em*scale
	p := func(s ot.SegmentPoint) (float32, float32) { return ox + s.X*scale, oy - s.Y*scale }
	out, _ := g.(font.GlyphOutline)
	for _, s := range out.Segments {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			z.ClosePath()
			z.MoveTo(p(s.Args[0]))
		case ot.SegmentOpLineTo:
			z.LineTo(p(s.Args[0]))
		case ot.SegmentOpQuadTo:
			x1, y1 := p(s.Args[0])
			x2, y2 := p(s.Args[1])
			z.QuadTo(x1, y1, x2, y2)
		case ot.SegmentOpCubeTo:
			x1, y1 := p(s.Args[0])
			x2, y2 := p(s.Args[1])
			x3, y3 := p(s.Args[2])
			z.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	z.ClosePath()
	img := image.NewAlpha(image.Rect(0, 0, size, size))
	z.Draw(img, img.Rect, image.Opaque, image.Point{})
	return img
}

// coverageDiff is the coverage two masks disagree on, as a share of
// want's; 1 when want is empty but got is not.
func coverageDiff(got, want *image.Alpha) float64 {
	var diff, ink float64
	for i := range want.Pix {
		a, b := float64(got.Pix[i]), float64(want.Pix[i])
		diff += max(a-b, b-a)
		ink += b
	}
	if ink == 0 {
		if diff == 0 {
			return 0
		}
		return 1
	}
	return diff / ink
}

// TestCFFSubsetConcurrent converts overlapping glyph sets at once,
// as documents exported in parallel do: each gets what it would alone.
func TestCFFSubsetConcurrent(t *testing.T) {
	s, err := set(t).WithFile(Body, copyFile(t, "cjk-seed.otf", t.TempDir(), "concurrent.otf"))
	if err != nil {
		t.Fatal(err)
	}
	runes := seedRunes(t)
	got := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i], _ = subsetFont(s, cjkFace, runes[i*20:i*20+100]) })
	}
	wg.Wait()
	fresh, _ := set(t).WithFile(Body, copyFile(t, "cjk-seed.otf", t.TempDir(), "alone.otf"))
	for i, b := range got {
		want, _ := subsetFont(fresh, cjkFace, runes[i*20:i*20+100])
		if len(b) == 0 || !bytes.Equal(b, want) {
			t.Errorf("subset %d: %d bytes, want the %d made alone", i, len(b), len(want))
		}
	}
}

// subsetFont returns the font of the named face's subset for runes.
func subsetFont(s *Set, name string, runes []rune) ([]byte, error) {
	f, err := s.Face(name)
	if err != nil {
		return nil, err
	}
	sub, err := f.Subset(runes)
	if err != nil {
		return nil, err
	}
	return sub.Font(), nil
}
