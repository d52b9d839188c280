package app

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"replydesk/internal/tomlfile"
)

// TestExamplePDFs renders every example reply — the shipped example and the
// layout test cases — and checks each PDF with real tools: a sound file,
// the page count, every face embedded as a subset, and every line of the
// layout found in the extracted text.
func TestExamplePDFs(t *testing.T) {
	if testing.Short() {
		t.Skip("runs external PDF tools")
	}
	files, _ := filepath.Glob("../../templates/examples/*.reply.toml")
	more, _ := filepath.Glob("../layout/testdata/*.reply.toml")
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("found %d examples", len(files))
	}
	d := desk(t)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".reply.toml")
		if strings.Contains(name, "missing") {
			continue // refused on purpose: see TestMissingRefused
		}
		t.Run(name, func(t *testing.T) {
			r, err := tomlfile.ReadReplyFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), name+".pdf")
			doc, err := d.ExportPDF(out, r)
			if err != nil {
				t.Fatal(err)
			}
			tool(t, "qpdf", "--check", out)
			info := strings.Join(strings.Fields(tool(t, "pdfinfo", out)), " ")
			if !strings.Contains(info, "Pages: "+strconv.Itoa(len(doc.Pages))) {
				t.Errorf("pdfinfo: want %d pages: %s", len(doc.Pages), info)
			}
			fonts := tool(t, "pdffonts", out)
			faces := map[string]bool{}
			for _, p := range doc.Pages {
				for _, run := range p.Runs {
					faces[run.Face] = true
				}
			}
			for face := range faces {
				if !strings.Contains(fonts, "+"+face+" ") {
					t.Errorf("pdffonts lacks the subset of %s:\n%s", face, fonts)
				}
			}
			text := normal(tool(t, "pdftotext", out, "-"))
			for i, p := range doc.Pages {
				for _, run := range p.Runs {
					if s := normal(run.Text()); !strings.Contains(text, s) {
						t.Errorf("page %d: %q not in the extracted text", i+1, s)
					}
				}
			}
		})
	}
}
