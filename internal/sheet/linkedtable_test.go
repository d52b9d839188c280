package sheet

import (
	"bytes"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/reply"
)

// linkedTable is an index of published files: two link columns, one name
// with a quote, one empty cell and one name too long for a formula.
func linkedTable() *reply.Table {
	long := strings.Repeat("长", 256) + ".pdf"
	return &reply.Table{
		Header: []string{"编号", "案由", "网页文件", "PDF文件"},
		Rows: [][]string{
			{"第244号提案", "关于推进产教融合的建议", "第244号提案.html", "第244号提案.pdf"},
			{"第17号建议", `关于"校园安全"的建议`, `第17号建议-"校园安全".html`, ""},
			{"第9号建议", "关于停车的建议", "第9号建议.html", long},
		},
	}
}

// TestLinkedTable: the link columns hold HYPERLINK formulas whose cached
// values are the file names; other columns, empty cells and over-long
// names stay plain text.
func TestLinkedTable(t *testing.T) {
	tb := linkedTable()
	var b bytes.Buffer
	if err := WriteLinkedTable(&b, "公开目录", "公开目录", tb, 2, 3); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, r := range tb.Rows {
		for c, want := range r {
			cell, _ := excelize.CoordinatesToCellName(c+1, i+3)
			got, _ := f.GetCellValue("公开目录", cell)
			formula, _ := f.GetCellFormula("公开目录", cell)
			if got != want {
				t.Errorf("%s = %q, want %q", cell, got, want)
			}
			link := c >= 2 && want != "" && len([]rune(want)) <= 255
			q := `"` + strings.ReplaceAll(want, `"`, `""`) + `"`
			if link && formula != "HYPERLINK("+q+","+q+")" || !link && formula != "" {
				t.Errorf("%s formula %q (link %v)", cell, formula, link)
			}
		}
	}
}

// TestLinkedTableLibreOffice: LibreOffice, recalculating every formula on
// load, reads the links as the file names: the formulas are valid.
func TestLinkedTableLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversions take seconds; skipped with -short")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("LibreOffice (soffice) not found: install libreoffice-calc-nogui (scripts/setup.sh)")
	}
	dir := t.TempDir()
	tb := linkedTable()
	var b bytes.Buffer
	if err := WriteLinkedTable(&b, "公开目录", "公开目录", tb, 2, 3); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "index.xlsx")
	writeTestFile(t, book, b.Bytes())
	profile := filepath.Join(dir, "profile")
	os.MkdirAll(filepath.Join(profile, "user"), 0o755)
	writeTestFile(t, filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile))
	out, err := exec.Command(soffice, "-env:UserInstallation="+(&url.URL{Scheme: "file", Path: profile}).String(),
		"--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, book).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	rows := readCSV(t, filepath.Join(dir, "index.csv"))
	for i, r := range tb.Rows {
		if got := rows[i+2]; len(got) < 4 || got[2] != r[2] || got[3] != r[3] {
			t.Errorf("row %d as LibreOffice reads it: %q, want %q", i+3, got, r)
		}
	}
}
