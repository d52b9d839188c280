package pdf

import (
	"image"
	"math"
	"testing"

	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"replydesk/internal/fonts"
	"replydesk/internal/page"
	"replydesk/internal/render/rendertest"
)

// inkBox rasterises one glyph the way the page should show it (pen at x,
// baseline at y, in pixels) and returns the box of its pixels with more than
// half coverage.
func inkBox(t *testing.T, face string, r rune, size, x, y, dpi float64) image.Rectangle {
	t.Helper()
	f, err := testFaces.Face(face)
	if err != nil {
		t.Fatal(err)
	}
	gid, ok := f.Glyph(r)
	if !ok {
		t.Fatalf("%s lacks %q", face, r)
	}
	ppem := size * dpi / 72
	segs, bounds, err := f.Outline(gid, fixed.Int26_6(math.Round(ppem*64)))
	if err != nil {
		t.Fatal(err)
	}
	x0, y0 := int(math.Floor(x))+bounds.Min.X.Floor()-2, int(math.Floor(y))+bounds.Min.Y.Floor()-2
	w, h := bounds.Max.X.Ceil()-bounds.Min.X.Floor()+4, bounds.Max.Y.Ceil()-bounds.Min.Y.Floor()+4
	ras := vector.NewRasterizer(w, h)
	pt := func(p fixed.Point26_6) (float32, float32) {
		return float32(x - float64(x0) + float64(p.X)/64), float32(y - float64(y0) + float64(p.Y)/64)
	}
	for _, s := range segs {
		switch s.Op {
		case fonts.MoveTo:
			ras.MoveTo(pt(s.Args[0]))
		case fonts.LineTo:
			ras.LineTo(pt(s.Args[0]))
		case fonts.QuadTo:
			ax, ay := pt(s.Args[0])
			bx, by := pt(s.Args[1])
			ras.QuadTo(ax, ay, bx, by)
		case fonts.CubeTo:
			ax, ay := pt(s.Args[0])
			bx, by := pt(s.Args[1])
			cx, cy := pt(s.Args[2])
			ras.CubeTo(ax, ay, bx, by, cx, cy)
		}
	}
	mask := image.NewAlpha(image.Rect(0, 0, w, h))
	ras.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	var box image.Rectangle
	for py := 0; py < h; py++ {
		for px := 0; px < w; px++ {
			if mask.AlphaAt(px, py).A > 127 {
				box = box.Union(image.Rect(x0+px, y0+py, x0+px+1, y0+py+1))
			}
		}
	}
	return box
}

// TestGlyphsLandWhereLaidOut renders glyphs at uneven positions (so runs
// split into several text segments, with both compressed and widened
// spacing) through poppler and checks that each glyph's ink sits where the
// outline placed at (Glyph.X, Run.Y) says, to within a pixel at 144 dpi
// (0.18 mm); and that rules are drawn at their y in their colour.
func TestGlyphsLandWhereLaidOut(t *testing.T) {
	skipShort(t)
	rendertest.Need(t, "WenKai", "DejaVuSans")
	const dpi = 144
	mm := page.Millimetre
	type placed struct {
		face string
		size page.Length
		y    page.Length
		g    page.Glyph
	}
	runs := []page.Run{
		{Face: "WenKai", Size: 16 * page.Point, Y: 40 * mm, Glyphs: []page.Glyph{
			{R: '口', X: 20 * mm}, {R: '田', X: 28 * mm}, {R: '工', X: 36 * mm}, {R: '王', X: 50 * mm}, {R: '日', X: 58*mm + 12345}}},
		{Face: "DejaVuSans", Size: 30 * page.Point, Color: page.Color{R: 0, G: 0, B: 0x80}, Y: 70 * mm, Glyphs: []page.Glyph{
			{R: 'H', X: 20 * mm}, {R: 'E', X: 35 * mm}, {R: 'L', X: 47*mm + 777}, {R: 'T', X: 60 * mm}}},
		{Face: "WenKai", Size: 22 * page.Point, Y: 100 * mm, Glyphs: rendertest.GlyphsOf("土上下", 20*mm, 26*page.Point)},
	}
	d := &page.Doc{Width: 120 * mm, Height: 130 * mm, Pages: []page.Page{{Runs: runs, Rules: []page.Rule{
		{X1: 20 * mm, Y1: 115 * mm, X2: 100 * mm, Y2: 115 * mm, Width: page.Millimetre, Color: page.Red},
	}}}}
	img := rendertest.Poppler(t, writeTemp(t, d, Options{}), dpi)
	px := func(l page.Length) float64 { return l.Pt() * dpi / 72 }

	var want []image.Rectangle
	for _, r := range runs {
		for _, g := range r.Glyphs {
			want = append(want, inkBox(t, r.Face, g.R, r.Size.Pt(), px(g.X), px(r.Y), dpi))
		}
	}
	for i, w := range want {
		got := rendertest.DarkBox(img, w.Inset(-6))
		if d := rendertest.MaxEdgeDiff(got, w); d > 1 {
			t.Errorf("glyph %d: ink at %v, want %v (off by %d px)", i, got, w, d)
		}
	}
	// Nothing else is dark, apart from the rule.
	ruleY := int(px(115 * mm))
	for y := 0; y < img.Bounds().Dy(); y++ {
		for x := 0; x < img.Bounds().Dx(); x++ {
			p := image.Pt(x, y)
			if abs(y-ruleY) <= 4 || inAny(p, want, 6) {
				continue
			}
			if r, g, b, _ := img.At(x, y).RGBA(); (r+g+b)/3 < 0xC000 {
				t.Fatalf("stray ink at %v", p)
			}
		}
	}
	if r, g, b, _ := img.At(int(px(60*mm)), ruleY).RGBA(); r>>8 < 0xD0 || g>>8 > 0x20 || b>>8 > 0x20 {
		t.Errorf("rule pixel is %02X%02X%02X, want red", r>>8, g>>8, b>>8)
	}
	for _, y := range []int{ruleY - 4, ruleY + 4} { // 1 mm is 5.7 px: ±2.8 px
		if r, g, b, _ := img.At(int(px(60*mm)), y).RGBA(); r>>8 < 0xF0 || g>>8 < 0xF0 || b>>8 < 0xF0 {
			t.Errorf("pixel %d px from the rule's centre is %02X%02X%02X, want white", y-ruleY, r>>8, g>>8, b>>8)
		}
	}
}

func inAny(p image.Point, rs []image.Rectangle, margin int) bool {
	for _, r := range rs {
		if p.In(r.Inset(-margin)) {
			return true
		}
	}
	return false
}

func abs(x int) int { return max(x, -x) }
