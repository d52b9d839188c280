package pdf

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"replydesk/internal/page"
	"replydesk/internal/render/rendertest"
)

// tool runs a command-line PDF tool and returns its standard output. The
// tools (poppler-utils, qpdf) are required: a missing tool fails the test,
// since CI installs them; -short skips these tests instead.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s not found: install poppler-utils and qpdf (apt-get install poppler-utils qpdf)", name)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs external PDF tools; skipped with -short")
	}
}

// writeTemp renders d into a file in a test folder and returns its path.
func writeTemp(t *testing.T, d *page.Doc, opt Options) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "reply.pdf")
	if err := WriteFile(path, d, testFaces, opt); err != nil {
		t.Fatal(err)
	}
	return path
}

// mixedDoc is a two-page document in a CJK and a Latin face, with composite
// glyphs (é, ü are built from components in DejaVu Sans) and a rule.
func mixedDoc() *page.Doc {
	d := syntheticReply([3]string{"WenKai", "WenKai", "WenKai"}, 2, 10, 28)
	latin := page.Run{Face: "DejaVuSans", Size: 12 * page.Point, Color: page.Color{R: 0x20, G: 0x40, B: 0x80}, Y: 280 * page.Millimetre}
	x := 28 * page.Millimetre
	for _, r := range "Résumé über 244 Sätze" {
		w := 7 * page.Point
		latin.Glyphs = append(latin.Glyphs, page.Glyph{R: r, X: x, W: w})
		x += w
	}
	d.Pages[1].Runs = append(d.Pages[1].Runs, latin)
	return d
}

func TestToolsAcceptOutput(t *testing.T) {
	skipShort(t)
	rendertest.Need(t, "WenKai", "DejaVuSans")
	d := mixedDoc()
	path := writeTemp(t, d, Options{Creator: "ReplyDesk"})

	t.Run("qpdf check", func(t *testing.T) {
		out := tool(t, "qpdf", "--check", path)
		if !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("qpdf --check:\n%s", out)
		}
	})
	t.Run("fonts embedded as subsets", func(t *testing.T) {
		out := tool(t, "pdffonts", path)
		for _, face := range []string{"WenKai", "DejaVuSans"} {
			re := regexp.MustCompile(`(?m)^[A-Z]{6}\+` + face + `\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s`)
			if !re.MatchString(out) {
				t.Errorf("pdffonts does not list %s as an embedded subset with ToUnicode:\n%s", face, out)
			}
		}
	})
	t.Run("text in reading order", func(t *testing.T) {
		out := tool(t, "pdftotext", "-layout", path, "-")
		var want strings.Builder
		for _, p := range d.Pages {
			for _, r := range p.Runs {
				want.WriteString(r.Text())
			}
		}
		if got := strings.Join(strings.Fields(out), ""); got != strings.ReplaceAll(want.String(), " ", "") {
			t.Errorf("pdftotext:\n got %q\nwant %q", got, want.String())
		}
	})
	t.Run("document information", func(t *testing.T) {
		out := tool(t, "pdfinfo", path)
		for _, want := range []string{
			"Title:           关于第244号提案的答复",
			"Author:          长春市教育局",
			"Subject:         提案答复",
			"Keywords:        答复函, 提案",
			"Creator:         ReplyDesk",
			"Pages:           2",
			"Page size:       595.28 x 841.89 pts (A4)",
		} {
			if !strings.Contains(out, want+"\n") {
				t.Errorf("pdfinfo lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, "CreationDate") || strings.Contains(out, "ModDate") {
			t.Errorf("pdfinfo shows a date though none was asked for:\n%s", out)
		}
	})
}

// TestRareCharactersExtract checks characters of personal names, including
// one beyond the BMP (𠮷, U+20BB7), survive text extraction.
func TestRareCharactersExtract(t *testing.T) {
	skipShort(t)
	rendertest.Need(t, "WenKai")
	const text = "吉𠮷堃喆镕"
	d := &page.Doc{Width: 210 * page.Millimetre, Height: 297 * page.Millimetre, Pages: []page.Page{{Runs: []page.Run{
		{Face: "WenKai", Size: 16 * page.Point, Y: 50 * page.Millimetre, Glyphs: rendertest.GlyphsOf(text, 30*page.Millimetre, 16*page.Point)},
	}}}}
	path := writeTemp(t, d, Options{})
	if got := strings.TrimSpace(tool(t, "pdftotext", path, "-")); got != text {
		t.Errorf("pdftotext gives %q, want %q", got, text)
	}
	tool(t, "qpdf", "--check", path)
}

func TestFixedDate(t *testing.T) {
	skipShort(t)
	rendertest.Need(t, "WenKai")
	d := syntheticReply([3]string{"WenKai", "WenKai", "WenKai"}, 1, 2, 5)
	date := time.Date(2024, 3, 15, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
	path := writeTemp(t, d, Options{Date: date})
	out := tool(t, "pdfinfo", "-isodates", path)
	for _, want := range []string{"CreationDate:    2024-03-15T09:30:00+08", "ModDate:         2024-03-15T09:30:00+08"} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	tool(t, "qpdf", "--check", path)
}

func TestSameInputSameBytes(t *testing.T) {
	rendertest.Need(t, "WenKai", "DejaVuSans")
	d := mixedDoc()
	var a, b bytes.Buffer
	if err := Write(&a, d, testFaces, Options{}); err != nil {
		t.Fatal(err)
	}
	// A document with other glyphs in between must not disturb the next,
	// written anew (not taken from the documents kept).
	if err := Write(&bytes.Buffer{}, syntheticReply([3]string{"WenKai", "WenKai", "WenKai"}, 1, 3, 10), testFaces, Options{}); err != nil {
		t.Fatal(err)
	}
	forget()
	if err := Write(&b, d, testFaces, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two renderings of the same document differ")
	}
	if bytes.Contains(a.Bytes(), []byte("CreationDate")) {
		t.Error("output carries a creation date")
	}
}

func TestSubsetTagFollowsGlyphs(t *testing.T) {
	rendertest.Need(t, "WenKai")
	tags := map[string]string{}
	for _, text := range []string{"答复", "答复函", "答复"} {
		d := &page.Doc{Width: 210 * page.Millimetre, Height: 297 * page.Millimetre, Pages: []page.Page{{Runs: []page.Run{
			{Face: "WenKai", Size: 16 * page.Point, Y: 50 * page.Millimetre, Glyphs: rendertest.GlyphsOf(text, 30*page.Millimetre, 16*page.Point)},
		}}}}
		var buf bytes.Buffer
		if err := Write(&buf, d, testFaces, Options{}); err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`/BaseFont /([A-Z]{6})\+WenKai\n`).FindSubmatch(buf.Bytes())
		if m == nil {
			t.Fatalf("no tagged font name for %q", text)
		}
		tags[text] = string(m[1])
	}
	if tags["答复"] == tags["答复函"] {
		t.Errorf("different glyph sets share the tag %s", tags["答复"])
	}
}
