// Package rendertest is what the tests of the renderers (render/pdf and
// render/raster) share: faces by short name, glyph runs, and the boxes of
// ink that tell where a glyph landed. Only tests import it.
//
// The faces are real fonts. "WenKai" is the binary's embedded LXGW WenKai,
// so the tests that need no other face run wherever the program builds.
// The others are system fonts of Debian packages that scripts/setup.sh
// installs (fonts-lxgw-wenkai, fonts-dejavu-core): a test that needs one
// fails where it is missing, never skips.
package rendertest

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"replydesk/internal/fonts"
	"replydesk/internal/page"
)

// Embedded is the name of the embedded face (LXGW WenKai Regular).
const Embedded = "WenKai"

// systemFiles are the system fonts by short name.
var systemFiles = map[string]string{
	"WenKaiBold":  "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf",
	"WenKaiLight": "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Light.ttf",
	"DejaVuSans":  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
}

// fontData keeps the bytes of each font, read once, so that every Faces
// hands the renderers the same slice, as package fonts does.
var fontData sync.Map // short name → []byte

// data returns the bytes of the named font.
func data(name string) ([]byte, error) {
	if b, ok := fontData.Load(name); ok {
		return b.([]byte), nil
	}
	var b []byte
	if name == Embedded {
		set, err := fonts.Default()
		if err != nil {
			return nil, err
		}
		if b, err = set.Data(fonts.LXGWWenKai); err != nil {
			return nil, err
		}
	} else {
		path, ok := systemFiles[name]
		if !ok {
			return nil, fmt.Errorf("no test face %q", name)
		}
		var err error
		if b, err = os.ReadFile(path); err != nil {
			return nil, err
		}
	}
	v, _ := fontData.LoadOrStore(name, b)
	return v.([]byte), nil
}

// Faces serves the test faces by short name, each parsed on first use;
// a new Faces parses them anew (a first export after start-up).
type Faces struct {
	mu    sync.Mutex
	faces map[string]*fonts.Face
}

// NewFaces returns Faces that have parsed nothing yet.
func NewFaces() *Faces { return &Faces{faces: make(map[string]*fonts.Face)} }

// Face returns the named face, the same *Face on every call.
func (f *Faces) Face(name string) (*fonts.Face, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if face, ok := f.faces[name]; ok {
		return face, nil
	}
	b, err := data(name)
	if err != nil {
		return nil, err
	}
	face, err := fonts.NewFace(b)
	if err != nil {
		return nil, err
	}
	f.faces[name] = face
	return face, nil
}

// Need fails the test when a face it names is not there: a system font
// not installed, or a name this package does not know.
func Need(tb testing.TB, names ...string) {
	tb.Helper()
	for _, n := range names {
		if n == Embedded {
			continue
		}
		path, ok := systemFiles[n]
		if !ok {
			tb.Fatalf("no test face %q", n)
		}
		if _, err := os.Stat(path); err != nil {
			tb.Fatalf("test font %s not installed (%s): install fonts-lxgw-wenkai and fonts-dejavu-core (scripts/setup.sh)", n, path)
		}
	}
}

// GlyphsOf places text's characters every advance from x.
func GlyphsOf(text string, x, advance page.Length) []page.Glyph {
	var gs []page.Glyph
	for _, r := range text {
		gs = append(gs, page.Glyph{R: r, X: x, W: advance})
		x += advance
	}
	return gs
}

// DarkBox returns the box of the pixels of img inside area darker than
// mid-grey.
func DarkBox(img image.Image, area image.Rectangle) image.Rectangle {
	var box image.Rectangle
	area = area.Intersect(img.Bounds())
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); (r+g+b)/3 < 0x8000 {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box
}

// MaxEdgeDiff is the largest distance between the edges of a and b.
func MaxEdgeDiff(a, b image.Rectangle) int {
	return max(abs(a.Min.X-b.Min.X), abs(a.Min.Y-b.Min.Y), abs(a.Max.X-b.Max.X), abs(a.Max.Y-b.Max.Y))
}

func abs(x int) int { return max(x, -x) }

// Poppler renders page 1 of the PDF at path with poppler's pdftoppm at
// dpi, as a printer would see it.
func Poppler(tb testing.TB, path string, dpi int) image.Image {
	tb.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		tb.Fatal("pdftoppm not found: install poppler-utils (scripts/setup.sh)")
	}
	prefix := filepath.Join(filepath.Dir(path), "page")
	out, err := exec.Command("pdftoppm", "-png", "-r", fmt.Sprint(dpi), "-f", "1", "-l", "1", "-singlefile", path, prefix).CombinedOutput()
	if err != nil {
		tb.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		tb.Fatal(err)
	}
	return img
}
