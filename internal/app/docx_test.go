package app

import (
	"bytes"
	"encoding/xml"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"replydesk/internal/tomlfile"
)

// GB/T 9704 figures as LibreOffice's PDF shows them, in points.
const (
	a4Width, a4Height = 595.3, 841.9
	areaLeft          = 28 * 72 / 25.4
	areaTop           = 37 * 72 / 25.4
	areaRight         = areaLeft + 156*72/25.4
	areaBottom        = areaTop + 225*72/25.4
	pitch             = 28.95
)

// TestDOCXLibreOffice exports every example as .docx and as PDF, converts
// the .docx to PDF with LibreOffice in one call, and measures the result:
// the same page count as ReplyDesk's own PDF, A4 pages, text lines on the
// 28.95 pt grid with at most 22 per page (22 on the seed's full pages),
// no line wider than 28 characters, the same text in the same order, no
// ink past the type area and the page numbers' dashes 7 mm under it.
// It is skipped with -short.
func TestDOCXLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversions take seconds; skipped with -short")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("LibreOffice (soffice) not found: install libreoffice-calc-nogui and libreoffice-writer-nogui (scripts/setup.sh)")
	}
	files, _ := filepath.Glob("../../templates/examples/*.reply.toml")
	more, _ := filepath.Glob("../layout/testdata/*.reply.toml")
	files = append(files, more...)
	dir := t.TempDir()
	d := desk(t)
	pages := map[string]int{}
	var docs []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".reply.toml")
		if strings.Contains(name, "missing") {
			continue // no PDF to compare with: see TestMissingRefused
		}
		r, err := tomlfile.ReadReplyFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := d.ExportPDF(filepath.Join(dir, name+".pdf"), r)
		if err != nil {
			t.Fatal(err)
		}
		pages[name] = len(doc.Pages)
		docx := filepath.Join(dir, name+".docx")
		if _, err := d.ExportDOCX(docx, r, true); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, docx)
	}
	if len(docs) < 10 {
		t.Fatalf("found %d examples", len(docs))
	}
	lo := filepath.Join(dir, "lo")
	profile := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "profile"))}).String()
	args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", lo}, docs...)
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for name, want := range pages {
		t.Run(name, func(t *testing.T) {
			got := filepath.Join(lo, name+".pdf")
			if _, err := os.Stat(got); err != nil {
				t.Fatalf("LibreOffice did not convert %s.docx", name)
			}
			info := tool(t, "pdfinfo", got)
			if !regexp.MustCompile(`Pages:\s+` + strconv.Itoa(want) + `\n`).MatchString(info) {
				t.Errorf("LibreOffice: want %d pages as ReplyDesk's PDF:\n%s", want, info)
			}
			if m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+)`).FindStringSubmatch(info); m == nil ||
				!near(m[1], a4Width, 1) || !near(m[2], a4Height, 1) {
				t.Errorf("not A4: %q", m)
			}
			for i, lines := range bboxLines(t, got) {
				checkGrid(t, i+1, lines, name == "reply-244" && i > 0 && i < want-1)
			}
			// The signature and the page numbers as Word's file places
			// them: no ink past the type area; the dashes' top 7 mm under
			// it, to within 1 mm, as the fonts LibreOffice substitutes
			// for 宋体 draw the dash a little higher or lower.
			for i, img := range rasterPages(t, got) {
				if x, y, ok := inkPastRight(img); ok {
					t.Errorf("LibreOffice page %d: black ink at %.2f mm from the left edge (y %.1f mm), past the type area", i+1, x, y)
				}
				tops, _ := folioDashTops(img)
				for _, top := range tops {
					if drop := top - mmAreaBottom; math.Abs(drop-mmFolioDrop) > 1 {
						t.Errorf("LibreOffice page %d: the page number's dash tops %.2f mm under the type area, want %v ± 1", i+1, drop, mmFolioDrop)
					}
				}
			}
			ours := bodyText(tool(t, "pdftotext", filepath.Join(dir, name+".pdf"), "-"))
			theirs := bodyText(tool(t, "pdftotext", got, "-"))
			if !sameText(ours, theirs) {
				t.Errorf("text differs:\nPDF:  %s\nDOCX: %s", ours, theirs)
			}
		})
	}
}

func near(s string, want, tol float64) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && math.Abs(f-want) <= tol
}

// textLine is a line of text in a PDF: its words' extent and text.
type textLine struct {
	yMin, yMax, xMin, xMax float64
	text                   string
}

// bboxLines reads the lines of each page with pdftotext -bbox: words whose
// tops are within 2 pt are one line.
func bboxLines(t *testing.T, pdf string) [][]textLine {
	t.Helper()
	var doc struct {
		Pages []struct {
			Words []struct {
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
				Text string  `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	out := tool(t, "pdftotext", "-bbox", pdf, "-")
	dec := xml.NewDecoder(strings.NewReader(out))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var pages [][]textLine
	for _, p := range doc.Pages {
		var lines []textLine
		for _, w := range p.Words {
			n := len(lines)
			// Words of one line share its baseline: their boxes' bottoms
			// agree even where faces of other ascents (a 黑体 run-in
			// heading before 仿宋 text) make the tops differ.
			if n > 0 && (math.Abs(lines[n-1].yMin-w.YMin) < 2 || math.Abs(lines[n-1].yMax-w.YMax) < 1) {
				l := &lines[n-1]
				l.xMin, l.xMax, l.text = math.Min(l.xMin, w.XMin), math.Max(l.xMax, w.XMax), l.text+w.Text
				continue
			}
			lines = append(lines, textLine{w.YMin, w.YMax, w.XMin, w.XMax, w.Text})
		}
		sort.SliceStable(lines, func(i, j int) bool { return lines[i].yMin < lines[j].yMin })
		pages = append(pages, lines)
	}
	return pages
}

// checkGrid checks the lines of body text of a page (16 pt, inside the
// type area): at most 22, 22 when full, consecutive ones a whole number of
// grid lines apart, none wider than the type area or than 28 characters
// (half-width characters count half; punctuation hanging at the end of a
// line does not count).
func checkGrid(t *testing.T, pageNo int, lines []textLine, full bool) {
	t.Helper()
	var body []textLine
	for _, l := range lines {
		h := l.yMax - l.yMin
		if l.yMin >= areaTop-3 && l.yMax <= areaBottom+3 && h > 19.5 && h < 23 { // 16 pt text
			body = append(body, l)
		}
	}
	if len(body) > 22 || full && len(body) != 22 {
		t.Errorf("page %d: %d lines of text in the type area, want at most 22 (22 when full)", pageNo, len(body))
	}
	for i := 1; i < len(body); i++ {
		d := body[i].yMin - body[i-1].yMin
		n := math.Round(d / pitch)
		// Within a table cell of several lines, lines are closer by the
		// 0.25 mm (0.75 pt) rule under the row, which keeps rows on the grid.
		if n < 1 || math.Abs(d-n*pitch) > 0.5 && math.Abs(d-n*pitch+0.75) > 0.1 {
			t.Errorf("page %d: lines %q and %q are %.2f pt apart, not on the %.2f pt grid", pageNo, body[i-1].text, body[i].text, d, pitch)
		}
	}
	for _, l := range body {
		if cells := lineCells(l.text); cells > 28 || l.xMax > areaRight+3 {
			t.Errorf("page %d: line %q is %.1f characters wide, ends at %.1f pt (type area ends at %.1f)", pageNo, l.text, cells, l.xMax, areaRight)
		}
	}
}

// lineCells is the width of a line in characters of the grid.
func lineCells(s string) float64 {
	s = strings.TrimRight(s, "，。、；：？！）》”’")
	w := 0.0
	for _, r := range s {
		// Curly quotes are of ambiguous width (UAX #11): the fonts
		// LibreOffice falls back to set them half-width.
		if r < 0x2000 || strings.ContainsRune("“”‘’", r) {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

// sameText reports whether two extracted texts hold the same characters
// in the same order: the same characters in all, and all but a few in the
// same order (the lines of a table cell of two lines and of the 抄送 frame
// may come out of a PDF in another order).
func sameText(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	sa, sb := append([]rune(nil), ra...), append([]rune(nil), rb...)
	sort.Slice(sa, func(i, j int) bool { return sa[i] < sa[j] })
	sort.Slice(sb, func(i, j int) bool { return sb[i] < sb[j] })
	if string(sa) != string(sb) {
		return false
	}
	// The longest common subsequence, in one row of the table.
	row := make([]int, len(rb)+1)
	for i := range ra {
		diag := 0
		for j := range rb {
			up := row[j+1]
			if ra[i] == rb[j] {
				row[j+1] = diag + 1
			} else {
				row[j+1] = max(row[j+1], row[j])
			}
			diag = up
		}
	}
	return row[len(rb)] >= len(ra)-40
}

// bodyText is the text of a PDF without white space and page numbers.
func bodyText(s string) string {
	s = regexp.MustCompile(`—\s*\d+\s*—`).ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), "")
}

// TestDOCXExport writes the seed as .docx through the app: the file is a
// zip of the Word parts, the same bytes every time, and a .pdf name or
// a reply source are refused.
func TestDOCXExport(t *testing.T) {
	d := desk(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "答复.docx")
	if _, err := d.ExportDOCX(out, seed(t), false); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(got, []byte("PK\x03\x04")) {
		t.Fatalf("not a zip: %v", err)
	}
	var buf bytes.Buffer
	if err := d.WriteDOCX(&buf, seed(t)); err != nil || !bytes.Equal(buf.Bytes(), got) {
		t.Errorf("WriteDOCX differs from ExportDOCX (%v)", err)
	}
	for _, bad := range []string{filepath.Join(dir, "答复.pdf"), seedFile} {
		if _, err := d.ExportDOCX(bad, seed(t), true); err == nil {
			t.Errorf("ExportDOCX(%s) wrote", bad)
		}
	}
}
