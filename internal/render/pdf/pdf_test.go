package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"replydesk/internal/fonts"
	"replydesk/internal/page"
	"replydesk/internal/render/rendertest"
)

// TestSegmentKeepsPositions checks the text segments a run is drawn with:
// advancing each glyph by its width plus the segment's spacing, from the
// segment start as gopdf rounds it, must land every glyph within tolerance
// of its laid-out X, using as few segments as the spacing allows.
func TestSegmentKeepsPositions(t *testing.T) {
	rendertest.Need(t, "WenKai")
	face, err := testFaces.Face("WenKai")
	if err != nil {
		t.Fatal(err)
	}
	sub, err := face.Subset([]rune("答复函口"))
	if err != nil {
		t.Fatal(err)
	}
	mm := page.Millimetre
	even := func(n int, step page.Length) []page.Glyph {
		return rendertest.GlyphsOf(strings.Repeat("答", n), 28*mm, step)
	}
	tests := []struct {
		name   string
		size   page.Length
		glyphs []page.Glyph
		segs   int
	}{
		{"natural advance", 16 * page.Point, even(28, 16*page.Point), 1},
		{"compressed to 28 per 156 mm", 16 * page.Point, even(28, 156*mm/28), 1},
		{"widened", 16 * page.Point, even(20, 17*page.Point+123), 1},
		{"jump in the middle", 16 * page.Point, append(even(5, 16*page.Point), rendertest.GlyphsOf("复", 100*mm, 0)...), 2},
		{"uneven", 10*page.Point + page.Point/2, []page.Glyph{{R: '答', X: 0}, {R: '复', X: 10 * mm}, {R: '函', X: 13 * mm}, {R: '口', X: 30 * mm}}, 2},
		{"one glyph", 22 * page.Point, even(1, 0), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := page.Run{Face: "WenKai", Size: tt.size, Glyphs: tt.glyphs}
			segs := segment(r, sub)
			if len(segs) != tt.segs {
				t.Errorf("%d segments, want %d: %+v", len(segs), tt.segs, segs)
			}
			next := 0
			for _, s := range segs {
				if s.from != next || s.to <= s.from {
					t.Fatalf("segments do not tile the run: %+v", segs)
				}
				next = s.to
				x := math.Round(tt.glyphs[s.from].X.Pt()*100) / 100 // TD, two decimals
				sp := math.Round(s.spacing*1000) / 1000             // Tc, three decimals
				for i := s.from; i < s.to; i++ {
					if d := math.Abs(x - tt.glyphs[i].X.Pt()); d > tolerance+0.005 {
						t.Errorf("glyph %d drawn %.4f pt from its place", i, d)
					}
					x += float64(width(sub, tt.glyphs[i].R))*tt.size.Pt()/1000 + sp
				}
			}
			if next != len(tt.glyphs) {
				t.Errorf("segments end at %d of %d glyphs", next, len(tt.glyphs))
			}
		})
	}
}

func TestMissingGlyphIsAnError(t *testing.T) {
	rendertest.Need(t, "DejaVuSans")
	d := &page.Doc{Width: 210 * page.Millimetre, Height: 297 * page.Millimetre, Pages: []page.Page{{Runs: []page.Run{
		{Face: "DejaVuSans", Size: 12 * page.Point, Y: 30 * page.Millimetre, Glyphs: rendertest.GlyphsOf("Reply 答", 20*page.Millimetre, 7*page.Point)},
	}}}}
	var buf bytes.Buffer
	err := Write(&buf, d, testFaces, Options{})
	var me *MissingGlyphError
	if !errors.As(err, &me) || me.Rune != '答' || me.Face != "DejaVuSans" {
		t.Fatalf("err = %v, want a MissingGlyphError for 答 in DejaVuSans", err)
	}
	for _, want := range []string{"U+7B54", "DejaVuSans", "答"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written despite the error", buf.Len())
	}
}

type failingFaces struct{}

func (failingFaces) Face(face string) (*fonts.Face, error) {
	if face == "Broken" {
		return fonts.NewFace([]byte("OTTO not a TrueType font at all"))
	}
	return nil, os.ErrNotExist
}

func TestBadInput(t *testing.T) {
	run := func(face string) []page.Run {
		return []page.Run{{Face: face, Size: 12 * page.Point, Glyphs: rendertest.GlyphsOf("答", 0, 0)}}
	}
	a4 := func(runs []page.Run) *page.Doc {
		return &page.Doc{Width: 210 * page.Millimetre, Height: 297 * page.Millimetre, Pages: []page.Page{{Runs: runs}}}
	}
	tests := []struct {
		name string
		doc  *page.Doc
		want string
	}{
		{"no document", nil, "没有可输出的文档"},
		{"no pages", &page.Doc{Width: 1, Height: 1}, "没有页面"},
		{"zero size", &page.Doc{Pages: []page.Page{{}}}, "页面尺寸"},
		{"unknown face", a4(run("NoSuchFace")), "读取字体“NoSuchFace”失败"},
		{"not a font", a4(run("Broken")), "读取字体“Broken”失败"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, tt.doc, failingFaces{}, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestEmptyPageAndRulesOnly checks pages without text still make a PDF.
func TestEmptyPageAndRulesOnly(t *testing.T) {
	d := &page.Doc{Width: 210 * page.Millimetre, Height: 297 * page.Millimetre, Pages: []page.Page{
		{Rules: []page.Rule{{X1: 0, Y1: page.Millimetre, X2: page.Inch, Y2: page.Millimetre, Width: page.Point, Color: page.Red}}},
		{},
	}}
	var buf bytes.Buffer
	if err := Write(&buf, d, failingFaces{}, Options{}); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(buf.Bytes(), []byte("/Type /Page\n")); n != 2 {
		t.Errorf("%d pages, want 2", n)
	}
}

// TestConcurrentWrites renders several documents at once (run with -race):
// each must equal its serial rendering.
func TestConcurrentWrites(t *testing.T) {
	rendertest.Need(t, "WenKai", "WenKaiBold", "DejaVuSans")
	docs := []*page.Doc{
		mixedDoc(),
		syntheticReply([3]string{"WenKaiBold", "WenKai", "WenKaiBold"}, 2, 12, 28),
		syntheticReply([3]string{"WenKai", "WenKaiBold", "WenKai"}, 1, 20, 20),
	}
	want := make([][]byte, len(docs))
	for i, d := range docs {
		var buf bytes.Buffer
		if err := Write(&buf, d, testFaces, Options{}); err != nil {
			t.Fatal(err)
		}
		want[i] = buf.Bytes()
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(docs))
	for range 4 {
		for i, d := range docs {
			wg.Go(func() {
				var buf bytes.Buffer
				if err := Write(&buf, d, testFaces, Options{}); err != nil {
					errs <- err
				} else if !bytes.Equal(buf.Bytes(), want[i]) {
					errs <- errors.New("a concurrent rendering differs from the serial one")
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

func TestWriteFile(t *testing.T) {
	rendertest.Need(t, "WenKai", "DejaVuSans")
	dir := t.TempDir()
	path := filepath.Join(dir, "答复.pdf")
	d := mixedDoc()
	if err := WriteFile(path, d, testFaces, Options{}); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := Write(&want, d, testFaces, Options{}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("file differs from Write's output (err %v)", err)
	}

	bad := mixedDoc()
	bad.Pages[1].Runs[len(bad.Pages[1].Runs)-1].Glyphs[0].R = '答' // not in DejaVu Sans
	t.Run("render error keeps the old file", func(t *testing.T) {
		if err := WriteFile(path, bad, testFaces, Options{}); err == nil {
			t.Fatal("no error")
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, want.Bytes()) {
			t.Error("old file changed")
		}
		assertOnly(t, dir, "答复.pdf")
	})
	t.Run("render error leaves no file", func(t *testing.T) {
		if err := WriteFile(filepath.Join(dir, "new.pdf"), bad, testFaces, Options{}); err == nil {
			t.Fatal("no error")
		}
		assertOnly(t, dir, "答复.pdf")
	})
	t.Run("a folder is refused and leaves no temporary file", func(t *testing.T) {
		if err := os.Mkdir(filepath.Join(dir, "folder.pdf"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "folder.pdf", "x"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		err := WriteFile(filepath.Join(dir, "folder.pdf"), d, testFaces, Options{})
		if err == nil || !strings.Contains(err.Error(), "文件夹") {
			t.Fatalf("err = %v, want a message about the folder", err)
		}
		assertOnly(t, dir, "folder.pdf", "答复.pdf")
	})
	t.Run("missing folder", func(t *testing.T) {
		if err := WriteFile(filepath.Join(dir, "no", "such.pdf"), d, testFaces, Options{}); err == nil {
			t.Fatal("no error")
		}
	})
}

// assertOnly fails unless dir holds exactly names.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, "|") != strings.Join(names, "|") {
		t.Errorf("folder holds %v, want %v", got, names)
	}
}

func TestCompressLevel(t *testing.T) {
	rendertest.Need(t, "WenKai")
	d := syntheticReply([3]string{"WenKai", "WenKai", "WenKai"}, 1, 10, 28)
	sizes := map[int]int{}
	for _, level := range []int{-1, 0, 1, 9, 42} {
		t.Run(fmt.Sprint(level), func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, d, testFaces, Options{CompressLevel: level}); err != nil {
				t.Fatal(err)
			}
			plain := bytes.Contains(buf.Bytes(), []byte("] TJ\n"))
			if plain != (level < 0) {
				t.Errorf("content streams readable: %v, want %v", plain, level < 0)
			}
			sizes[level] = buf.Len()
		})
	}
	if !(sizes[-1] > sizes[1] && sizes[1] >= sizes[9] && sizes[9] == sizes[42]) {
		t.Errorf("sizes by level %v: want stored > fastest ≥ best, and levels above 9 as 9", sizes)
	}
}

// swapFaces serves face "Body" from a file it can change, as when the user
// picks another installed font under the same role.
type swapFaces struct{ path string }

func (s *swapFaces) Face(string) (*fonts.Face, error) { return testFaces.Face(s.path) }

func TestChangedFaceDataIsParsedAgain(t *testing.T) {
	rendertest.Need(t, "WenKai", "DejaVuSans")
	d := &page.Doc{Width: 210 * page.Millimetre, Height: 297 * page.Millimetre, Pages: []page.Page{{Runs: []page.Run{
		{Face: "Body", Size: 12 * page.Point, Y: 30 * page.Millimetre, Glyphs: rendertest.GlyphsOf("答复", 20*page.Millimetre, 12*page.Point)},
	}}}}
	faces := &swapFaces{path: "DejaVuSans"}
	var me *MissingGlyphError
	if err := Write(io.Discard, d, faces, Options{}); !errors.As(err, &me) {
		t.Fatalf("with DejaVu Sans: err = %v, want a missing glyph", err)
	}
	faces.path = "WenKai"
	if err := Write(io.Discard, d, faces, Options{}); err != nil {
		t.Fatalf("with WenKai under the same name: %v", err)
	}
}
