package raster

import (
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"replydesk/internal/page"
	"replydesk/internal/render/rendertest"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// goldenTolerance is the largest difference of a channel between a drawing
// and its golden image that still matches; it absorbs float rounding that
// may differ between CPU architectures, not any visible change.
const goldenTolerance = 16

// checkGolden compares img with testdata/name.png. With -update it rewrites
// the golden image instead; on a mismatch it writes the drawing to
// testdata/failed/name.png (ignored by git) to look at.
func checkGolden(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", name+".png")
	if *update {
		writePNG(t, path, img)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if n, at := differences(img, want); n > 0 {
		failed := filepath.Join("testdata", "failed", name+".png")
		writePNG(t, failed, img)
		t.Errorf("%s: %d pixels differ (first at %v); drawing written to %s", path, n, at, failed)
	}
}

// differences counts pixels whose channels differ by more than
// goldenTolerance, and returns the first; a size mismatch counts all.
func differences(img *image.RGBA, want image.Image) (int, image.Point) {
	if want.Bounds() != img.Rect {
		return img.Rect.Dx() * img.Rect.Dy(), img.Rect.Min
	}
	n, first := 0, image.Point{}
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			c := img.RGBAAt(x, y)
			r, g, b, _ := want.At(x, y).RGBA()
			if abs(int(c.R)-int(r>>8)) > goldenTolerance || abs(int(c.G)-int(g>>8)) > goldenTolerance ||
				abs(int(c.B)-int(b>>8)) > goldenTolerance {
				if n == 0 {
					first = image.Pt(x, y)
				}
				n++
			}
		}
	}
	return n, first
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := PNG(f, img); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestGolden(t *testing.T) {
	rendertest.Need(t, "WenKai", "WenKaiBold", "DejaVuSans")
	mixed := &page.Doc{Width: 80 * mm, Height: 30 * mm, Pages: []page.Page{{
		Runs: []page.Run{
			{Face: "WenKai", Size: 16 * page.Point, Y: 12 * mm, Glyphs: rendertest.GlyphsOf("答复函：长春市教育局", 5*mm, 156*mm/28)},
			{Face: "DejaVuSans", Size: 10 * page.Point, Color: page.Color{R: 0, G: 0x40, B: 0x90}, Y: 22 * mm,
				Glyphs: rendertest.GlyphsOf("Résumé 2024-03-15", 5*mm, 6*page.Point)},
		},
		Rules: []page.Rule{
			{X1: 5 * mm, Y1: 15 * mm, X2: 75 * mm, Y2: 15 * mm, Width: mm / 3, Color: page.Red},
			{X1: 5 * mm, Y1: 25 * mm, X2: 40 * mm, Y2: 28 * mm, Width: page.Point, Color: page.Black},
		},
	}}}
	tests := []struct {
		name string
		doc  *page.Doc
		dpi  float64
	}{
		{"reply-page-48dpi", replyPage(10, 28), 48},
		{"mixed-150dpi", mixed, 150},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Render(tt.doc, 0, testFaces, tt.dpi)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.name, img)
		})
	}
}

func TestDifferences(t *testing.T) {
	a := image.NewRGBA(image.Rect(0, 0, 4, 3))
	b := image.NewRGBA(image.Rect(0, 0, 4, 3))
	tests := []struct {
		name  string
		apply func()
		want  int
	}{
		{"equal", func() {}, 0},
		{"within tolerance", func() { b.Pix[0] = goldenTolerance }, 0},
		{"one pixel off", func() { b.Pix[4*5+1] = goldenTolerance + 1 }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.apply()
			if n, _ := differences(a, b); n != tt.want {
				t.Errorf("%d differences, want %d", n, tt.want)
			}
		})
	}
	if n, _ := differences(a, image.NewRGBA(image.Rect(0, 0, 4, 4))); n != 12 {
		t.Errorf("size mismatch gives %d differences, want all 12", n)
	}
}

func abs(x int) int { return max(x, -x) }
