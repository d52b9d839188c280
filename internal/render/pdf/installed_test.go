package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"replydesk/internal/fonts"
	"replydesk/internal/page"
	"replydesk/internal/render/rendertest"
)

// installedSet is the embedded faces with a CFF .otf as the body face and
// a face of a TrueType collection as the title face, as an official font
// often comes.
func installedSet(t *testing.T) (set *fonts.Set, body, title string) {
	t.Helper()
	set, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	if set, err = set.WithFile(fonts.Body, "../../fonts/testdata/cjk-seed.otf"); err != nil {
		t.Fatal(err)
	}
	if set, err = set.WithFile(fonts.Title, "../../fonts/testdata/serif-sans.ttc#NotoSerifSC-Regular"); err != nil {
		t.Fatal(err)
	}
	return set, set.Chain(fonts.Body)[0], set.Chain(fonts.Title)[0]
}

// TestInstalledFormats writes the seed text in a CFF face and in a face of
// a collection and checks the PDF with real tools: both embedded as
// subsets with ToUnicode maps, the text extracts as written, the file is
// sound, and the same input gives the same bytes.
func TestInstalledFormats(t *testing.T) {
	skipShort(t)
	set, body, title := installedSet(t)
	chars, err := os.ReadFile("../../fonts/testdata/seed-chars.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(strings.TrimSpace(string(chars)))
	size := 16 * page.Point
	var runs []page.Run
	for i, face := range []string{body, title} {
		for l := 0; l*28 < len(text); l++ {
			line := text[l*28 : min(len(text), (l+1)*28)]
			runs = append(runs, page.Run{Face: face, Size: size, Y: 20*page.Millimetre + page.Length(i*17+l)*size*5/4,
				Glyphs: rendertest.GlyphsOf(string(line), 20*page.Millimetre, size)})
		}
	}
	d := &page.Doc{Width: 210 * page.Millimetre, Height: 297 * page.Millimetre, Pages: []page.Page{{Runs: runs}}}
	path := filepath.Join(t.TempDir(), "installed.pdf")
	if err := WriteFile(path, d, set, Options{}); err != nil {
		t.Fatal(err)
	}
	if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	listed := tool(t, "pdffonts", path)
	for _, face := range []string{body, title} {
		re := regexp.MustCompile(`(?m)^[A-Z]{6}\+` + regexp.QuoteMeta(face) + `\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s`)
		if !re.MatchString(listed) {
			t.Errorf("pdffonts does not list %s as an embedded subset with ToUnicode:\n%s", face, listed)
		}
	}
	var want strings.Builder
	for _, r := range runs {
		want.WriteString(r.Text())
	}
	if got := strings.Join(strings.Fields(tool(t, "pdftotext", path, "-")), ""); got != want.String() {
		t.Errorf("pdftotext:\n got %q\nwant %q", got, want.String())
	}
	var a, b bytes.Buffer
	if err := Write(&a, d, set, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, d, set, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renderings with a CFF face differ")
	}
	if st, _ := os.Stat(path); st.Size() > 300<<10 {
		t.Errorf("the PDF of some 900 glyphs in two faces is %d KB, want at most 300 KB", st.Size()>>10)
	}
}

// TestInstalledFormatMissing: a character the CFF face lacks is refused
// like any other.
func TestInstalledFormatMissing(t *testing.T) {
	set, body, _ := installedSet(t)
	d := &page.Doc{Width: 210 * page.Millimetre, Height: 297 * page.Millimetre, Pages: []page.Page{{Runs: []page.Run{
		{Face: body, Size: 16 * page.Point, Y: 50 * page.Millimetre, Glyphs: rendertest.GlyphsOf("答复堃", 30*page.Millimetre, 16*page.Point)},
	}}}}
	err := Write(&bytes.Buffer{}, d, set, Options{})
	if me, ok := err.(*MissingGlyphError); !ok || me.Rune != '堃' || me.Face != body {
		t.Errorf("Write = %v, want a MissingGlyphError for 堃 in %s", err, body)
	}
}
