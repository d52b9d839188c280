package app

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"replydesk/internal/reply"
	"replydesk/internal/tomlfile"
)

const seedFile = "../../templates/examples/reply-244.reply.toml"

func desk(tb testing.TB) *Desk {
	tb.Helper()
	d, err := Open(Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func seed(tb testing.TB) *reply.Reply {
	tb.Helper()
	r, err := tomlfile.ReadReplyFile(seedFile)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// tool runs a PDF tool, failing the test when it is not installed: the
// checks of real output are part of the suite (make setup installs them).
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is not installed (poppler-utils, qpdf): run make setup", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// normal removes white space and maps the half-width brackets of the seed
// text (as it was extracted from the original) to full width.
func normal(s string) string {
	s = strings.NewReplacer("(", "（", ")", "）").Replace(s)
	return strings.Join(strings.Fields(s), "")
}

// TestSeedPDF renders the canonical reply and checks the PDF with real
// tools: its structure, its fonts, its text, its size and its metadata.
func TestSeedPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("runs external PDF tools")
	}
	d := desk(t)
	out := filepath.Join(t.TempDir(), "reply-244.pdf")
	doc, err := d.ExportPDF(out, seed(t))
	if err != nil {
		t.Fatal(err)
	}
	tool(t, "qpdf", "--check", out)

	info := tool(t, "pdfinfo", out)
	for _, want := range []string{"对市政协第十四届第二次会议第244号提案的答复", "长春市教育局", "595.28 x 841.89 pts (A4)", "Pages: " + strconv.Itoa(len(doc.Pages))} {
		if !strings.Contains(strings.Join(strings.Fields(info), " "), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}

	fonts := tool(t, "pdffonts", out)
	for _, face := range []string{"FandolFang-Regular", "NotoSerifSC-Bold", "NotoSansSC-Regular", "NotoSerifSC-Regular"} {
		re := regexp.MustCompile(`[A-Z]{6}\+` + face + `\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes`)
		if !re.MatchString(fonts) {
			t.Errorf("pdffonts: %s not embedded as a subset with a ToUnicode map:\n%s", face, fonts)
		}
	}

	text := tool(t, "pdftotext", out, "-")
	want, err := os.ReadFile("testdata/reply-244.txt") // the canonical reply's text
	if err != nil {
		t.Fatalf("the seed text: %v", err)
	}
	got := regexp.MustCompile(`—\s*\d+\s*—`).ReplaceAllString(text, "") // page numbers are not in the seed text
	if normal(got) != normal(string(want)) {
		g, w := []rune(normal(got)), []rune(normal(string(want)))
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		t.Errorf("pdftotext differs from the seed at character %d:\n got …%s…\nwant …%s…", i, string(g[max(0, i-20):min(len(g), i+20)]), string(w[max(0, i-20):min(len(w), i+20)]))
	}

	st, _ := os.Stat(out)
	if st.Size() > 200<<10 {
		t.Errorf("seed PDF is %d bytes, want at most 200 KB", st.Size())
	}
}

// TestPDFIdentical checks that the same reply gives the same bytes.
func TestPDFIdentical(t *testing.T) {
	d := desk(t)
	var a, b bytes.Buffer
	if _, err := d.WritePDF(&a, seed(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := d.WritePDF(&b, seed(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders of the seed differ")
	}
}

// TestMissingRefused checks that a reply with a character no font has is
// not exported, and that the message names the character and the field.
func TestMissingRefused(t *testing.T) {
	d := desk(t)
	r := seed(t)
	r.Contact.Name = "刘\uE000"
	out := filepath.Join(t.TempDir(), "x.pdf")
	_, err := d.ExportPDF(out, r)
	var me *MissingError
	if !errors.As(err, &me) || !strings.Contains(err.Error(), "U+E000") || !strings.Contains(err.Error(), "联系人") {
		t.Fatalf("ExportPDF error = %v, want a MissingError naming U+E000 and the contact", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused export left %s behind", out)
	}
	found := false
	for _, p := range d.Check(r) {
		found = found || p.Field == "contact" && p.Severity == reply.Error && strings.Contains(p.Message, "U+E000")
	}
	if !found {
		t.Errorf("Check does not report the missing character: %+v", d.Check(r))
	}
}

// BenchmarkTypesetPDF measures typesetting the seed and writing its PDF,
// fonts already loaded.
func BenchmarkTypesetPDF(b *testing.B) {
	d, r := desk(b), seed(b)
	var buf bytes.Buffer
	d.WritePDF(&buf, r)
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if _, err := d.WritePDF(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB")
}

// BenchmarkHundredReplies renders 100 replies in one process, on both cores.
func BenchmarkHundredReplies(b *testing.B) {
	d, r := desk(b), seed(b)
	for b.Loop() {
		var wg sync.WaitGroup
		work := make(chan int)
		for w := 0; w < 2; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf bytes.Buffer
				for i := range work {
					c := r.Clone()
					c.Number = strconv.Itoa(i + 1)
					c.Title = ""
					c.Opening = ""
					buf.Reset()
					if _, err := d.WritePDF(&buf, &c); err != nil {
						b.Error(err)
					}
				}
			}()
		}
		for i := 0; i < 100; i++ {
			work <- i
		}
		close(work)
		wg.Wait()
	}
}
