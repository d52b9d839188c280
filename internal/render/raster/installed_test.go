package raster

import (
	"image"
	"image/color"
	"os"
	"os/exec"
	"strings"
	"testing"

	"replydesk/internal/fonts"
	"replydesk/internal/page"
	"replydesk/internal/render/rendertest"
)

// TestPreviewMatchesPrintInstalledFormats draws the seed's characters in
// the two forms official fonts often come in, a CFF .otf and a face of a
// TrueType collection, with the preview (which reads the CFF outlines
// themselves) and through the PDF (which embeds the CFF glyphs converted
// to TrueType) and poppler. Every glyph must come out with the same
// pixels, give or take antialiasing: a wrong, blank or boxed glyph on
// either side fails: measured, a glyph printed in place of its neighbour
// strays in 15% of its pixels or more for 95% of pairs, a right one in 0%.
func TestPreviewMatchesPrintInstalledFormats(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pdftoppm; skipped with -short")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatal("pdftoppm not found: install poppler-utils")
	}
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	if set, err = set.WithFile(fonts.Body, "../../fonts/testdata/cjk-seed.otf"); err != nil {
		t.Fatal(err)
	}
	if set, err = set.WithFile(fonts.Title, "../../fonts/testdata/serif-sans.ttc#Noto Serif SC"); err != nil {
		t.Fatal(err)
	}
	chars, err := os.ReadFile("../../fonts/testdata/seed-chars.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(strings.TrimSpace(string(chars)))
	const dpi, perLine = 144, 25
	size := 16 * page.Point
	var runs []page.Run
	for i, role := range []string{fonts.Body, fonts.Title} {
		face := set.Chain(role)[0]
		for l := 0; l*perLine < len(text); l++ {
			line := text[l*perLine : min(len(text), (l+1)*perLine)]
			y := 20*mm + page.Length(i*20+l)*size*5/4
			runs = append(runs, page.Run{Face: face, Size: size, Y: y, Glyphs: rendertest.GlyphsOf(string(line), 10*mm, size)})
		}
	}
	d := &page.Doc{Width: 160 * mm, Height: 297 * mm, Pages: []page.Page{{Runs: runs}}}
	preview, err := Render(d, 0, set, dpi)
	if err != nil {
		t.Fatal(err)
	}
	printed := printPage(t, d, set, dpi)
	px := func(l page.Length) int { return int(float64(l) * dpi / float64(page.Inch)) }
	bad := 0
	for _, r := range runs {
		for _, g := range r.Glyphs {
			cell := image.Rect(px(g.X), px(r.Y-r.Size), px(g.X+g.W), px(r.Y+r.Size/4))
			ink, diff := compareCell(preview, printed, cell)
			if ink == 0 || diff > 0.02 {
				if bad++; bad <= 10 {
					t.Errorf("%s %q: %d dark pixels in the preview, %.0f%% of them differ in print", r.Face, g.R, ink, 100*diff)
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d glyphs print unlike their preview", bad)
	}
}

// compareCell counts the dark pixels of want in cell and returns the
// share of the dark pixels of either image that have no dark pixel in the
// other within one pixel: the renderers antialias and round positions
// apart, a different glyph has ink elsewhere.
func compareCell(want, got image.Image, cell image.Rectangle) (ink int, diff float64) {
	gray := func(img image.Image, x, y int) int { return int(color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y) }
	near := func(img image.Image, x, y int) bool {
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				if gray(img, x+dx, y+dy) < 170 {
					return true
				}
			}
		}
		return false
	}
	stray := 0
	for y := cell.Min.Y; y < cell.Max.Y; y++ {
		for x := cell.Min.X; x < cell.Max.X; x++ {
			if gray(want, x, y) < 85 {
				ink++
				if !near(got, x, y) {
					stray++
				}
			}
			if gray(got, x, y) < 85 && !near(want, x, y) {
				stray++
			}
		}
	}
	if ink == 0 {
		return 0, 1
	}
	return ink, float64(stray) / float64(ink)
}
