package app

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"replydesk/internal/letter"
	"replydesk/internal/page"
	"replydesk/internal/reply"
	"replydesk/internal/tomlfile"
)

// GB/T 9704 edges in millimetres from the top-left corner of the page.
const (
	mmAreaLeft   = 28.0
	mmAreaRight  = 184.0 // 28 + 156
	mmAreaBottom = 262.0 // 37 + 225
	mmFolioDrop  = 7.0   // §7.5: the dashes' upper edge under the type area
	measureDPI   = 150   // 0.17 mm a pixel
)

// TestExamplePDFsMeasured renders every example reply (and the seed in
// every shipped style) to PDF and measures the files, not the constants
// they were made from:
//
//   - the pages rasterised by poppler: no black ink right of the type area
//     (184 mm from the left edge), rules as wide as the type area aside;
//   - the page numbers: the upper edge of the ink of both dashes 7 mm
//     ± 0.5 under the type area (§7.5), on every page that has one;
//   - the text boxes poppler extracts (pdftotext -bbox): every line of a
//     paragraph that another line of the paragraph follows ends at 184 mm
//     ± 0.2, at the right edge of the type area.
func TestExamplePDFsMeasured(t *testing.T) {
	if testing.Short() {
		t.Skip("runs external PDF tools")
	}
	files, _ := filepath.Glob("../../templates/examples/*.reply.toml")
	more, _ := filepath.Glob("../layout/testdata/*.reply.toml")
	files = append(files, more...)
	d := desk(t)
	type example struct{ name, file, style string }
	var exs []example
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".reply.toml")
		if strings.Contains(name, "missing") {
			continue // refused on purpose: see TestMissingRefused
		}
		exs = append(exs, example{name, f, ""})
		if name == "reply-244" {
			for _, st := range d.Styles {
				exs = append(exs, example{"seed-" + st.Name, f, st.Name})
			}
		}
	}
	if len(exs) < 15 {
		t.Fatalf("found %d examples", len(exs))
	}
	var folios, lines int
	var dashLo, dashHi, endDev float64 = 99, 0, 0
	for _, ex := range exs {
		t.Run(ex.name, func(t *testing.T) {
			r, err := tomlfile.ReadReplyFile(ex.file)
			if err != nil {
				t.Fatal(err)
			}
			if ex.style != "" {
				r.Style = ex.style
			}
			out := filepath.Join(t.TempDir(), "reply.pdf")
			doc, err := d.ExportPDF(out, r)
			if err != nil {
				t.Fatal(err)
			}
			pages := rasterPages(t, out)
			if len(pages) != len(doc.Pages) {
				t.Fatalf("poppler drew %d pages, the layout has %d", len(pages), len(doc.Pages))
			}
			for i, img := range pages {
				if x, y, ok := inkPastRight(img); ok {
					t.Errorf("page %d: black ink at %.2f mm from the left edge (y %.1f mm), past the type area's %v mm", i+1, x, y, mmAreaRight)
				}
				tops, ok := folioDashTops(img)
				hasFolio := hasFolioRun(doc.Pages[i])
				if ok != hasFolio {
					t.Errorf("page %d: page number found %v, laid out %v", i+1, ok, hasFolio)
					continue
				}
				if !ok {
					continue
				}
				folios++
				for _, top := range tops {
					drop := top - mmAreaBottom
					dashLo, dashHi = math.Min(dashLo, drop), math.Max(dashHi, drop)
					if math.Abs(drop-mmFolioDrop) > 0.5 {
						t.Errorf("page %d: the page number's dash tops %.2f mm under the type area, want %v ± 0.5", i+1, drop, mmFolioDrop)
					}
				}
			}
			n, dev := checkLineEnds(t, doc, paragraphs(t, d, r), bboxLines(t, out))
			lines, endDev = lines+n, math.Max(endDev, dev)
		})
	}
	if folios < 20 {
		t.Errorf("measured %d page numbers, want at least 20", folios)
	}
	t.Logf("%d examples: %d page numbers, dashes topping %.2f…%.2f mm under the type area; %d lines of paragraphs ending within %.3f mm of 184 mm",
		len(exs), folios, dashLo, dashHi, lines, endDev)
}

// raster is a page as poppler draws it: 8-bit RGB, row by row.
type raster struct {
	w, h int
	pix  []byte
}

// black reports whether the pixel at x, y is black ink: every channel
// dark, so that the red of the letter format's header and rules is not.
func (r *raster) black(x, y int) bool {
	if x < 0 || y < 0 || x >= r.w || y >= r.h {
		return false
	}
	p := r.pix[3*(y*r.w+x):]
	return max(p[0], p[1], p[2]) < 0x80
}

// rasterPages renders every page of the PDF at measureDPI as raw PPM.
func rasterPages(t *testing.T, pdf string) []*raster {
	t.Helper()
	prefix := strings.TrimSuffix(pdf, ".pdf") + "-page"
	tool(t, "pdftoppm", "-r", fmt.Sprint(measureDPI), pdf, prefix)
	names, _ := filepath.Glob(prefix + "-*.ppm")
	sort.Strings(names) // pdftoppm pads the numbers to one width
	out := make([]*raster, 0, len(names))
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(name)
		// pdftoppm writes the header as "P6\nW H\n255\n".
		var r raster
		parts := bytes.SplitN(data, []byte("\n"), 4)
		if len(parts) != 4 || string(parts[0]) != "P6" || string(parts[2]) != "255" {
			t.Fatalf("%s: not an 8-bit PPM", name)
		}
		if _, err := fmt.Sscanf(string(parts[1]), "%d %d", &r.w, &r.h); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r.pix = parts[3]
		if len(r.pix) < 3*r.w*r.h {
			t.Fatalf("%s: short PPM", name)
		}
		out = append(out, &r)
	}
	return out
}

func pxToMm(px int) float64 { return float64(px) * 25.4 / measureDPI }
func mmToPx(mm float64) int { return int(math.Floor(mm * measureDPI / 25.4)) }

// inkPastRight returns the first black pixel wholly right of the type area
// (its left edge past 184 mm, one pixel of antialiasing allowed) that is
// no part of a rule: rows holding a black run longer than 100 mm (the
// 版记's rules) and columns holding one longer than 10 mm (a table's
// border, taller than any glyph) are skipped.
func inkPastRight(img *raster) (xMm, yMm float64, found bool) {
	edge := mmToPx(mmAreaRight) + 2
	for y := range img.h {
		for x := edge; x < img.w; x++ {
			if !img.black(x, y) || ruleColumn(img, x, y) {
				continue
			}
			if !ruleRow(img, y) {
				return pxToMm(x), pxToMm(y), true
			}
			break
		}
	}
	return 0, 0, false
}

// ruleRow reports whether row y holds a black run longer than 100 mm.
func ruleRow(img *raster, y int) bool {
	run, long := 0, mmToPx(100)
	for x := range img.w {
		if img.black(x, y) {
			if run++; run > long {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// ruleColumn reports whether the black pixel at x, y is part of a
// vertical black run longer than 10 mm.
func ruleColumn(img *raster, x, y int) bool {
	long := mmToPx(10)
	y0, y1 := y, y
	for y0 > 0 && img.black(x, y0-1) {
		y0--
	}
	for y1 < img.h-1 && img.black(x, y1+1) {
		y1++
	}
	return y1-y0+1 > long
}

// folioDashTops finds the page number under the type area and returns the
// top of the ink of its first and its last dash, in millimetres from the
// top edge of the page: the columns of 1.5 mm at each end of the ink lie
// on the dashes alone ("— 1 —"). ok is false when the band under the
// type area holds no black ink.
func folioDashTops(img *raster) (tops []float64, ok bool) {
	y0, y1 := mmToPx(mmAreaBottom+1), mmToPx(297-5)
	left, right := -1, -1
	for x := range img.w {
		for y := y0; y < y1; y++ {
			if img.black(x, y) {
				if left < 0 {
					left = x
				}
				right = x
				break
			}
		}
	}
	if left < 0 {
		return nil, false
	}
	w := mmToPx(1.5)
	for _, cols := range [][2]int{{left, left + w}, {right - w, right}} {
		top := -1
		for y := y0; y < y1 && top < 0; y++ {
			for x := cols[0]; x <= cols[1]; x++ {
				if img.black(x, y) {
					top = y
					break
				}
			}
		}
		tops = append(tops, pxToMm(top))
	}
	return tops, true
}

// hasFolioRun reports whether the laid-out page has a page number.
func hasFolioRun(p page.Page) bool {
	for _, r := range p.Runs {
		if strings.HasPrefix(r.Text(), "—") && r.Y > page.Length(mmAreaBottom*float64(page.Millimetre)) {
			return true
		}
	}
	return false
}

// checkLineEnds finds, in the laid-out document, the lines of 16 pt text
// that another line of the same paragraph follows (on the next line of the
// grid or the first of the next page, starting at the left edge) — the two
// lines' text together is part of one paragraph of the letter (body or
// attachment) — and checks
// where they end: in the layout at 184 mm, and in the PDF's text boxes at
// the right edge of the type area, 184 mm ± 0.2. A closing mark ending a
// line may be squeezed to the left half of its em, where its ink is
// (clreq push-in): its box then passes the edge by up to half an em, and
// the line ends within the box's right half.
//
// It returns how many lines it measured and the largest distance of the
// PDF's line ends from 184 mm.
func checkLineEnds(t *testing.T, doc *page.Doc, paras []string, pdfLines [][]textLine) (checked int, dev float64) {
	t.Helper()
	const pitch = 225.0 / 22
	type ln struct {
		page       int
		y, x0, end float64 // millimetres
		text       string
		body       bool
	}
	var lines []ln
	for i, p := range doc.Pages {
		for _, r := range p.Runs {
			n := len(lines)
			y := r.Y.Mm()
			first, last := r.Glyphs[0], r.Glyphs[len(r.Glyphs)-1]
			if n > 0 && lines[n-1].page == i && math.Abs(lines[n-1].y-y) < 0.5 {
				lines[n-1].text += r.Text()
				lines[n-1].end = (last.X + last.W).Mm()
				lines[n-1].body = lines[n-1].body && r.Size == 16*page.Point
				continue
			}
			lines = append(lines, ln{i, y, first.X.Mm(), (last.X + last.W).Mm(), r.Text(), r.Size == 16*page.Point && y < mmAreaBottom})
		}
	}
	inPara := func(s string) bool {
		for _, p := range paras {
			if strings.Contains(p, s) {
				return true
			}
		}
		return false
	}
	for i := 0; i+1 < len(lines); i++ {
		l, next := lines[i], lines[i+1]
		nextOnGrid := next.page == l.page && math.Abs(next.y-l.y-pitch) < 0.1 ||
			next.page == l.page+1 && l.y > mmAreaBottom-pitch && next.y < 37+pitch
		// Within a paragraph, a line after the first starts at the left edge.
		if !l.body || !next.body || !nextOnGrid || math.Abs(next.x0-mmAreaLeft) > 0.05 || !inPara(l.text+next.text) {
			continue
		}
		checked++
		if math.Abs(l.end-mmAreaRight) > 0.2 {
			t.Errorf("page %d: layout line %q ends at %.3f mm, want %v", l.page+1, l.text, l.end, mmAreaRight)
		}
		box, ok := findLine(pdfLines, l.page, l.text)
		if !ok {
			t.Errorf("page %d: line %q not in the PDF's text", l.page+1, l.text)
			continue
		}
		end := box.xMax * 25.4 / 72
		if last := []rune(l.text); strings.ContainsRune("，。、；：）》」』】〉〕］｝”’", last[len(last)-1]) {
			end = math.Max(end-16*25.4/72/2, math.Min(end, mmAreaRight))
		}
		dev = math.Max(dev, math.Abs(end-mmAreaRight))
		if math.Abs(end-mmAreaRight) > 0.2 {
			t.Errorf("page %d: the PDF's line %q ends at %.3f mm, want %v ± 0.2", l.page+1, l.text, end, mmAreaRight)
		}
	}
	if checked == 0 && len(doc.Pages) > 1 {
		t.Error("no line of a paragraph was measured")
	}
	return checked, dev
}

// paragraphs returns the text of every paragraph of r's letter that is
// set justified: the body and the attachments' text.
func paragraphs(t *testing.T, d *Desk, r *reply.Reply) []string {
	t.Helper()
	st, err := d.StyleOf(r)
	if err != nil {
		t.Fatal(err)
	}
	l := letter.New(r, st)
	var out []string
	for _, p := range l.Text {
		out = append(out, p.Head+p.Rest)
	}
	for _, a := range l.Attachments {
		for _, p := range a.Body {
			out = append(out, p.Head+p.Rest)
		}
	}
	return out
}

// findLine returns the PDF's text line on page i that holds text.
func findLine(pages [][]textLine, i int, text string) (textLine, bool) {
	if i >= len(pages) {
		return textLine{}, false
	}
	want := strings.Join(strings.Fields(text), "")
	for _, l := range pages[i] {
		if strings.Join(strings.Fields(l.text), "") == want {
			return l, true
		}
	}
	return textLine{}, false
}
