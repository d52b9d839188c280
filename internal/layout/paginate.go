package layout

import (
	"replydesk/internal/page"
	"replydesk/internal/style"
)

// slotted is a row placed on line slot of its page.
type slotted struct {
	row
	slot int
}

// pager fills the lines of the grid, page after page.
type pager struct {
	pages [][]slotted
	cur   int // next free line of the last page
}

func (p *pager) newPage() {
	p.pages = append(p.pages, nil)
	p.cur = 0
}

func (p *pager) put(r row) {
	n := len(p.pages) - 1
	p.pages[n] = append(p.pages[n], slotted{row: r, slot: p.cur})
	p.cur++
}

// empty reports whether the last page holds nothing yet.
func (p *pager) empty() bool { return len(p.pages[len(p.pages)-1]) == 0 }

// paginate puts rows on the lines of the grid, page 1 starting at line first,
// and draws the pages into doc. A chain of rows marked keepNext (a heading
// and its first line; the title, salutation and first line of text; the
// signature block) moves to the next page whole rather than split. The
// signature block never stands alone on a page: where it does not fit, its
// blank lines are first reduced to one, then the last two lines of text go
// over with it. The 版记 is pinned to the foot of the last page.
func (t *typesetter) paginate(doc *page.Doc, rows []row, first int) {
	p := &pager{}
	p.newPage()
	p.cur = first
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows)-1 && rows[j].keepNext && !rows[j+1].newPage {
			j++
		}
		group := rows[i : j+1]
		i = j + 1
		if group[0].newPage && !p.empty() {
			p.newPage()
		}
		if group[0].signature {
			t.placeSignature(p, group)
			continue
		}
		if p.cur+len(group) > linesPerPage && len(group) <= linesPerPage-first && !p.empty() {
			p.newPage()
		}
		for _, r := range group {
			if p.cur == linesPerPage {
				p.newPage()
			}
			if p.cur == 0 && len(r.glyphs) == 0 && r.frame == nil && !r.newPage && len(p.pages) > 1 {
				continue // no blank line at the top of a page
			}
			if p.cur == 0 && len(r.header) > 0 && len(p.pages) > 1 {
				for _, h := range r.header {
					p.put(h) // the table's header again at the top of the page
				}
			}
			p.put(r)
		}
	}
	t.pinCC(p)
	t.sigBlanks = p.signatureBlanks()
	for i, rows := range p.pages {
		pg := page.Page{}
		for _, s := range rows {
			pg.Runs = append(pg.Runs, runs(s.line, s.slot)...)
			if s.frame != nil {
				pg.Rules = append(pg.Rules, frameRules(s.frame, s.slot)...)
			}
		}
		doc.Pages = append(doc.Pages, pg)
		if i > 0 || t.st.Format != style.Letter {
			t.folio(&doc.Pages[i], t.first+i)
		}
	}
	for _, rule := range t.ccRules {
		last := &doc.Pages[len(doc.Pages)-1]
		last.Rules = append(last.Rules, rule)
	}
}

// placeSignature puts the signature block (leading blank lines, issuer,
// date, notes) on the page, keeping it with at least two lines of text.
func (t *typesetter) placeSignature(p *pager, group []row) {
	blanks := 0
	for blanks < len(group) && len(group[blanks].glyphs) == 0 {
		blanks++
	}
	need := len(group)
	if p.cur+need > linesPerPage && blanks > 1 && p.cur+need-(blanks-1) <= linesPerPage {
		group = group[blanks-1:] // tighten the space above the issuer
		need = len(group)
	}
	if p.cur+need > linesPerPage {
		last := len(p.pages) - 1
		var carried []row
		for moved := 0; moved < 2 && len(p.pages[last]) > 0; {
			s := p.pages[last][len(p.pages[last])-1]
			if !s.body && len(s.glyphs) > 0 {
				break
			}
			p.pages[last] = p.pages[last][:len(p.pages[last])-1]
			carried = append([]row{s.row}, carried...)
			if len(s.glyphs) > 0 {
				moved++
			}
		}
		p.newPage()
		for _, r := range carried {
			p.put(r)
		}
	}
	for _, r := range group {
		if p.cur == linesPerPage {
			p.newPage()
		}
		p.put(r)
	}
}

// pinCC puts the 版记 at the foot of the last page under one blank line.
// Where the last page has no room for it, the blank lines above the
// signature are first reduced to one, as for the signature itself (see
// placeSignature); only if that is not enough does the 版记 take a page of
// its own.
func (t *typesetter) pinCC(p *pager) {
	lines := t.cc()
	if len(lines) == 0 {
		return
	}
	if over := p.cur + 1 + len(lines) - linesPerPage; over > 0 {
		p.tightenSignature(over)
	}
	if p.cur+1+len(lines) > linesPerPage {
		p.newPage()
	}
	top := linesPerPage - len(lines)
	for i, l := range lines {
		n := len(p.pages) - 1
		p.pages[n] = append(p.pages[n], slotted{row: row{line: l}, slot: top + i})
	}
	p.cur = linesPerPage
	thick := 35 * page.Millimetre / 100
	t.ccRules = []page.Rule{
		{X1: marginLeft, Y1: lineTop(top), X2: marginLeft + areaWidth, Y2: lineTop(top), Width: thick, Color: page.Black},
		{X1: marginLeft, Y1: lineTop(linesPerPage), X2: marginLeft + areaWidth, Y2: lineTop(linesPerPage), Width: thick, Color: page.Black},
	}
}

// tightenSignature removes up to n of the blank lines above the signature
// block on the last page, keeping one, and moves the rows under them up.
func (p *pager) tightenSignature(n int) {
	last := len(p.pages) - 1
	rows := p.pages[last]
	start := 0
	for start < len(rows) && !rows[start].signature {
		start++
	}
	blanks := 0
	for start+blanks < len(rows) && rows[start+blanks].signature && len(rows[start+blanks].glyphs) == 0 {
		blanks++
	}
	k := min(n, blanks-1)
	if k <= 0 {
		return
	}
	rows = append(rows[:start], rows[start+k:]...)
	for i := start; i < len(rows); i++ {
		rows[i].slot -= k
	}
	p.pages[last] = rows
	p.cur -= k
}

// signatureBlanks returns how many blank lines stand above the issuer as
// placed: the blank rows of the signature block before its first line.
func (p *pager) signatureBlanks() int {
	for _, rows := range p.pages {
		for i, s := range rows {
			if !s.signature {
				continue
			}
			n := 0
			for i+n < len(rows) && rows[i+n].signature && len(rows[i+n].glyphs) == 0 {
				n++
			}
			return n
		}
	}
	return 0
}

// runs turns a line on grid line slot into runs of one face, size and colour.
func runs(l line, slot int) []page.Run {
	var out []page.Run
	for _, g := range l.glyphs {
		n := len(out)
		if n == 0 || out[n-1].Face != g.face || out[n-1].Size != g.size || out[n-1].Color != g.color {
			out = append(out, page.Run{Face: g.face, Size: g.size, Color: g.color, Y: baseline(slot, g.size)})
			n++
		}
		out[n-1].Glyphs = append(out[n-1].Glyphs, page.Glyph{R: g.r, X: marginLeft + g.x, W: g.w})
	}
	return out
}
