package raster

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"math"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"replydesk/internal/fonts"
	"replydesk/internal/page"
	"replydesk/internal/render/pdf"
	"replydesk/internal/render/rendertest"
)

// outlineBox returns where a glyph's outline (its control box) lies in page
// pixels with the pen at (x, y).
func outlineBox(t *testing.T, faceName string, r rune, ppem, x, y float64) image.Rectangle {
	t.Helper()
	f, err := testFaces.Face(faceName)
	if err != nil {
		t.Fatal(err)
	}
	gid, _ := f.Glyph(r)
	_, bb, err := f.Outline(gid, fixedPpem(ppem))
	if err != nil {
		t.Fatal(err)
	}
	return image.Rect(
		int(math.Round(x+float64(bb.Min.X)/64)), int(math.Round(y+float64(bb.Min.Y)/64)),
		int(math.Round(x+float64(bb.Max.X)/64)), int(math.Round(y+float64(bb.Max.Y)/64)))
}

// TestOneGlyphOneRule draws one glyph and one rule and checks the pixels:
// the glyph's ink fills its outline's box at (Glyph.X, Run.Y) and nothing
// lies outside its advance box; the rule is red at its y and its width.
func TestOneGlyphOneRule(t *testing.T) {
	rendertest.Need(t, "WenKai")
	const dpi = 144
	size := 40 * page.Point
	g := page.Glyph{R: '口', X: 20*mm + 1234, W: size}
	run := page.Run{Face: "WenKai", Size: size, Color: page.Color{R: 0x10, G: 0x20, B: 0x30}, Y: 40 * mm, Glyphs: []page.Glyph{g}}
	rule := page.Rule{X1: 10 * mm, Y1: 60 * mm, X2: 90 * mm, Y2: 60 * mm, Width: mm, Color: page.Red}
	d := &page.Doc{Width: 100 * mm, Height: 80 * mm, Pages: []page.Page{{Runs: []page.Run{run}, Rules: []page.Rule{rule}}}}
	img, err := Render(d, 0, testFaces, dpi)
	if err != nil {
		t.Fatal(err)
	}
	px := func(l page.Length) float64 { return float64(l) * dpi / float64(page.Inch) }
	if want := image.Rect(0, 0, int(math.Ceil(px(100*mm))), int(math.Ceil(px(80*mm)))); img.Rect != want {
		t.Fatalf("image is %v, want %v", img.Rect, want)
	}
	want := outlineBox(t, "WenKai", '口', px(size), px(g.X), px(run.Y))
	ruleY := px(rule.Y1)
	glyphArea := image.Rect(int(px(g.X)), int(px(run.Y-size)), int(math.Ceil(px(g.X+g.W))), int(math.Ceil(px(run.Y+size/4))))
	if got := rendertest.DarkBox(img, glyphArea); rendertest.MaxEdgeDiff(got, want) > 1 {
		t.Errorf("glyph ink at %v, want its outline box %v", got, want)
	}
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			if image.Pt(x, y).In(glyphArea) || math.Abs(float64(y)+0.5-ruleY) < px(rule.Width)/2+1 {
				continue
			}
			if c := img.RGBAAt(x, y); c.R != 0xFF || c.G != 0xFF || c.B != 0xFF {
				t.Fatalf("pixel %v is %v outside the glyph and the rule", image.Pt(x, y), c)
			}
		}
	}
	for _, x := range []int{int(px(rule.X1)) + 1, int(px(50 * mm)), int(px(rule.X2)) - 2} {
		if c := img.RGBAAt(x, int(ruleY)); c.R != 0xE6 || c.G != 0 || c.B != 0 {
			t.Errorf("rule pixel at x=%d is %v, want #E60000", x, c)
		}
	}
	if c := img.RGBAAt(int(px(rule.X2))+2, int(ruleY)); c.R != 0xFF || c.G != 0xFF {
		t.Errorf("pixel past the rule's butt end is %v, want white", c)
	}
	// The glyph is drawn in the run's colour: fully covered pixels have it.
	solid := 0
	for y := want.Min.Y; y < want.Max.Y; y++ {
		for x := want.Min.X; x < want.Max.X; x++ {
			if c := img.RGBAAt(x, y); c == (color.RGBA{0x10, 0x20, 0x30, 0xFF}) {
				solid++
			}
		}
	}
	if solid < 100 {
		t.Errorf("only %d pixels in the run's colour #102030", solid)
	}
}

func TestMissingGlyphStillDraws(t *testing.T) {
	rendertest.Need(t, "DejaVuSans")
	d := &page.Doc{Width: 50 * mm, Height: 20 * mm, Pages: []page.Page{{Runs: []page.Run{
		{Face: "DejaVuSans", Size: 12 * page.Point, Y: 10 * mm, Glyphs: rendertest.GlyphsOf("A答B", 5*mm, 5*mm)},
	}}}}
	img, err := Render(d, 0, testFaces, 96)
	var me *MissingGlyphError
	if !errors.As(err, &me) || me.Rune != '答' || me.Face != "DejaVuSans" || !strings.Contains(err.Error(), "U+7B54") {
		t.Fatalf("err = %v, want a MissingGlyphError for 答", err)
	}
	if img == nil || rendertest.DarkBox(img, img.Rect).Empty() {
		t.Fatal("no image drawn alongside the missing-glyph error")
	}
}

type noFaces struct{}

func (noFaces) Face(string) (*fonts.Face, error) { return fonts.NewFace([]byte("not a font")) }

func TestBadInput(t *testing.T) {
	one := &page.Doc{Width: 10 * mm, Height: 10 * mm, Pages: []page.Page{{Runs: []page.Run{
		{Face: "X", Size: 12 * page.Point, Glyphs: rendertest.GlyphsOf("答", 0, 0)}}}}}
	tests := []struct {
		name  string
		doc   *page.Doc
		index int
		dpi   float64
		want  string
	}{
		{"nil document", nil, 0, 96, "没有第 1 页"},
		{"page past the end", one, 1, 96, "没有第 2 页（文档共 1 页）"},
		{"negative page", one, -1, 96, "没有第 0 页"},
		{"zero dpi", one, 0, 0, "无法按 0 dpi"},
		{"NaN dpi", one, 0, math.NaN(), "无法按 NaN dpi"},
		{"absurd dpi", one, 0, 1e6, "预览图过大"},
		{"bad font", one, 0, 96, "读取字体“X”失败"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Render(tt.doc, tt.index, noFaces{}, tt.dpi)
			if err == nil || !strings.Contains(err.Error(), tt.want) || img != nil {
				t.Errorf("Render = %v, %v; want no image and an error containing %q", img != nil, err, tt.want)
			}
		})
	}
}

// TestConcurrentRenders draws pages at once (run with -race); each must
// equal its serial drawing.
func TestConcurrentRenders(t *testing.T) {
	rendertest.Need(t, "WenKai", "WenKaiBold")
	docs := []*page.Doc{replyPage(8, 28), replyPage(12, 20), replyPage(5, 25)}
	dpis := []float64{48, 72, 96}
	want := make([]*image.RGBA, len(docs))
	masks.Clear()
	for i, d := range docs {
		img, err := Render(d, 0, testFaces, dpis[i])
		if err != nil {
			t.Fatal(err)
		}
		want[i] = img
	}
	masks.Clear()
	var wg sync.WaitGroup
	errs := make(chan error, 3*len(docs))
	for range 3 {
		for i, d := range docs {
			wg.Go(func() {
				img, err := Render(d, 0, testFaces, dpis[i])
				if err != nil {
					errs <- err
				} else if !bytes.Equal(img.Pix, want[i].Pix) {
					errs <- errors.New("a concurrent drawing differs from the serial one")
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestPNG(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	img.Pix[0], img.Pix[3] = 0x80, 0xFF
	var buf bytes.Buffer
	if err := PNG(&buf, img); err != nil {
		t.Fatal(err)
	}
	back, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if r, _, _, a := back.At(0, 0).RGBA(); r>>8 != 0x80 || a>>8 != 0xFF || back.Bounds() != img.Rect {
		t.Errorf("round trip gives %v at (0,0), bounds %v", back.At(0, 0), back.Bounds())
	}
}

// TestPreviewMatchesPrint draws the same page with Render and through the
// PDF renderer and poppler's pdftoppm, and checks every glyph's ink and the
// rule land on the same pixels, give or take one, at 144 dpi (0.18 mm).
func TestPreviewMatchesPrint(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pdftoppm; skipped with -short")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatal("pdftoppm not found: install poppler-utils")
	}
	rendertest.Need(t, "WenKai", "WenKaiBold", "DejaVuSans")
	const dpi = 144
	runs := []page.Run{
		{Face: "WenKaiBold", Size: 22 * page.Point, Color: page.Red, Y: 25 * mm, Glyphs: rendertest.GlyphsOf("答复函", 15*mm, 30*page.Point)},
		{Face: "WenKai", Size: 16 * page.Point, Y: 45 * mm, Glyphs: rendertest.GlyphsOf("长春市教育局", 15*mm+333, 21*page.Point)},
		{Face: "DejaVuSans", Size: 14 * page.Point, Y: 60 * mm, Glyphs: rendertest.GlyphsOf("HEAT", 15*mm, 14*page.Point)},
	}
	d := &page.Doc{Width: 110 * mm, Height: 80 * mm, Pages: []page.Page{{Runs: runs, Rules: []page.Rule{
		{X1: 15 * mm, Y1: 70 * mm, X2: 95 * mm, Y2: 70 * mm, Width: mm / 2, Color: page.Red},
	}}}}
	preview, err := Render(d, 0, testFaces, dpi)
	if err != nil {
		t.Fatal(err)
	}
	printed := printPage(t, d, testFaces, dpi)
	if printed.Bounds() != preview.Rect {
		t.Fatalf("pdftoppm page is %v, preview %v", printed.Bounds(), preview.Rect)
	}
	px := func(l page.Length) int { return int(float64(l) * dpi / float64(page.Inch)) }
	for _, r := range runs {
		for _, g := range r.Glyphs {
			area := image.Rect(px(g.X)-2, px(r.Y-r.Size), px(g.X+g.W)+2, px(r.Y+r.Size/3))
			want, got := rendertest.DarkBox(preview, area), rendertest.DarkBox(printed, area)
			if want.Empty() || rendertest.MaxEdgeDiff(got, want) > 1 {
				t.Errorf("%q: printed ink at %v, preview at %v", g.R, got, want)
			}
		}
	}
	rule := image.Rect(px(10*mm), px(68*mm), px(100*mm), px(72*mm))
	if want, got := rendertest.DarkBox(preview, rule), rendertest.DarkBox(printed, rule); want.Empty() || rendertest.MaxEdgeDiff(got, want) > 1 {
		t.Errorf("rule: printed at %v, preview at %v", got, want)
	}
}

// printPage writes d as a PDF and rasterises its first page with pdftoppm.
func printPage(t *testing.T, d *page.Doc, faces pdf.Faces, dpi int) image.Image {
	t.Helper()
	path := filepath.Join(t.TempDir(), "page.pdf")
	if err := pdf.WriteFile(path, d, faces, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	return rendertest.Poppler(t, path, dpi)
}
