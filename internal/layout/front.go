package layout

import (
	"strconv"
	"strings"

	"replydesk/internal/fontrole"
	"replydesk/internal/page"
)

// Front is the front matter of a 答复汇编, a volume compiling replies: a
// cover and a table of contents. GB/T 9704-2012 sets no rule for a
// volume; its pages here keep the standard's paper, type area, grid,
// fonts and page numbers, so that the volume reads as one document with
// the replies it binds.
type Front struct {
	// Title is the volume's title, set on the cover in 小标宋 as a
	// document title is (§7.3.3), e.g. "长春市教育局2023年建议提案答复汇编".
	Title string
	// Lines are set under the title on the cover, centred in 仿宋, e.g.
	// the issuer and the date.
	Lines []string
	// Entries are the lines of the contents, in order.
	Entries []Entry
}

// Entry is one reply in the contents.
type Entry struct {
	Number string // e.g. "第244号提案"
	Title  string // the reply's title
	Page   int    // the number of its first page
}

// ContentsTitle heads the table of contents.
const ContentsTitle = "目　录"

// leader fills the space between an entry and its page number.
const leader = '…'

// BlankPage is a page with nothing to see: the back of the cover, or the
// page left blank so that a reply starts on an odd page. It holds one
// white rule of no length at the corner of the paper, so that the page
// has content for every writer: the PDF writer leaves a page with no
// content at all without its content stream.
func BlankPage() page.Page {
	return page.Page{Rules: []page.Rule{{Width: page.Point / 100, Color: page.Color{R: 0xFF, G: 0xFF, B: 0xFF}}}}
}

// TypesetFront lays out the front matter: the cover (page 1, no number),
// its blank back, and the contents from page 3, numbered as the replies
// are (§7.5); a blank page closes the contents when they end on an odd
// page, so that the first reply starts on an odd page. Each entry gives
// its number and title, broken over lines with a hanging indent of two
// characters, and its page number at the right of its last line after a
// leader. The number of pages does not depend on the entries' page
// numbers: lay out once to count the pages, then again with the numbers.
func TypesetFront(fr Front, f Fonts) Result {
	t := &typesetter{fonts: f}
	doc := &page.Doc{Width: pageWidth, Height: pageHeight, Meta: page.Meta{Title: fr.Title, Subject: fr.Title}}
	doc.Pages = append(doc.Pages, t.cover(fr), BlankPage())
	p := &pager{}
	p.newPage()
	for _, l := range t.titleLines(ContentsTitle, areaWidth) {
		p.put(row{line: l})
	}
	p.put(row{})
	for i, e := range fr.Entries {
		lines := t.entry(e, i)
		if p.cur+len(lines) > linesPerPage && !p.empty() {
			p.newPage()
		}
		for _, l := range lines {
			if p.cur == linesPerPage {
				p.newPage()
			}
			p.put(row{line: l})
		}
	}
	for _, rows := range p.pages {
		pg := page.Page{}
		for _, s := range rows {
			pg.Runs = append(pg.Runs, runs(s.line, s.slot)...)
		}
		t.folio(&pg, len(doc.Pages)+1)
		doc.Pages = append(doc.Pages, pg)
	}
	if len(doc.Pages)%2 == 1 {
		doc.Pages = append(doc.Pages, BlankPage())
	}
	return Result{Doc: doc, Missing: t.miss}
}

// cover sets the title on the cover, from the seventh line of the grid
// down, and the lines under it from the sixteenth.
func (t *typesetter) cover(fr Front) page.Page {
	pg := page.Page{}
	slot := 6
	for _, l := range t.titleLines(fr.Title, areaWidth) {
		pg.Runs = append(pg.Runs, runs(l, slot)...)
		slot++
	}
	slot = max(slot+2, 15)
	for _, s := range fr.Lines {
		if strings.TrimSpace(s) == "" {
			continue
		}
		p := t.plain(s, fontrole.Body, where{"cover", -1})
		p.align = center
		for _, l := range t.breakPara(p, areaWidth) {
			if slot < linesPerPage {
				pg.Runs = append(pg.Runs, runs(l, slot)...)
			}
			slot++
		}
	}
	return pg
}

// entry sets one entry of the contents: number and title over lines of
// the measure less four characters, the page number at the right of the
// last line, a leader between.
func (t *typesetter) entry(e Entry, i int) []line {
	text := strings.TrimSpace(e.Number + "\u3000" + strings.ReplaceAll(e.Title, "\n", ""))
	p := t.plain(text, fontrole.Body, where{"contents", i})
	p.hang, p.right, p.align = 2*cellWidth, 4*cellWidth, left
	lines := t.breakPara(p, areaWidth)
	if len(lines) == 0 || e.Page <= 0 {
		return lines
	}
	num := t.natural(strconv.Itoa(e.Page), fontrole.Body, where{"contents", i})
	nx := areaWidth - width(num)
	last := &lines[len(lines)-1]
	var end page.Length
	if n := len(last.glyphs); n > 0 {
		end = last.glyphs[n-1].x + last.glyphs[n-1].w
	}
	if dots := int((nx-end)/cellWidth) - 1; dots > 0 {
		lead := t.natural(strings.Repeat(string(leader), dots), fontrole.Body, where{"contents", i})
		last.glyphs = append(last.glyphs, shift(lead, nx-width(lead)-cellWidth/2).glyphs...)
	}
	last.glyphs = append(last.glyphs, shift(num, nx).glyphs...)
	return lines
}
