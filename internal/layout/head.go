package layout

import (
	"replydesk/internal/fontrole"
	"replydesk/internal/letter"
	"replydesk/internal/page"
	"replydesk/internal/style"
)

// head returns the rows of the top of page 1 — marks, 发文字号 and 签发人,
// title and salutation — and the grid line page 1 starts on.
func (t *typesetter) head() ([]row, int) {
	first := 0
	switch t.l.Format {
	case style.Letter:
		first = t.firstLineBelow(letterRuleY() + page.Millimetre)
	case style.Letterhead:
		first = t.firstLineBelow(page.Length(t.l.HeaderSpace) * page.Millimetre)
	}
	var rows []row
	left, right := t.l.TopLeft, t.l.TopRight
	for i := 0; i < max(len(left), len(right)); i++ {
		var l line
		if i < len(left) {
			l = t.single(left[i], false)
		}
		if i < len(right) {
			l.glyphs = append(l.glyphs, t.single(right[i], true).glyphs...)
		}
		rows = append(rows, row{line: l})
	}
	if l, ok := t.numberLine(); ok {
		rows = append(rows, row{line: l})
	}
	// The title stands two lines below the top of the type area, or one
	// blank line below what is printed above it.
	if len(rows) > 0 {
		rows = append(rows, row{})
	}
	for len(rows) < 2 {
		rows = append(rows, row{})
	}
	for _, l := range t.titleLines(t.l.Title, areaWidth) {
		rows = append(rows, row{line: l, keepNext: true})
		t.titles = append(t.titles, lineText(l))
	}
	rows = append(rows, row{keepNext: true})
	if t.l.Salutation != "" {
		for _, r := range t.rowsOf(t.plain(t.l.Salutation, fontrole.Body, where{"salutation", -1})) {
			r.keepNext = true
			rows = append(rows, r)
		}
	}
	return rows, first
}

// single sets one mark on a line: flush left, or at the right with one
// character of indent.
func (t *typesetter) single(m letter.Mark, atRight bool) line {
	p := t.plain(m.Text, m.Role, where{"marks", -1})
	p.align = left
	if atRight {
		p.align, p.right = right, cellWidth
	}
	return t.breakPara(p, areaWidth)[0]
}

// numberLine is the line of the 发文字号 and 签发人, if the reply has either.
// In the letter format the number stands at the right edge; otherwise it is
// centred, or, beside a 签发人, flush left with one character of indent while
// "签发人：" and the name (in 楷体) stand at the right with one of indent.
func (t *typesetter) numberLine() (line, bool) {
	number := t.l.Number
	signer := t.l.Signer != ""
	if number == "" && !signer {
		return line{}, false
	}
	var l line
	if number != "" {
		p := t.plain(number, fontrole.Body, where{"doc_number", -1})
		switch {
		case t.l.Format == style.Letter:
			p.align = right
		case signer:
			p.align, p.indent = left, cellWidth
		default:
			p.align = center
		}
		l = t.breakPara(p, areaWidth)[0]
	}
	if signer {
		p := &para{spans: []span{t.span(letter.SignerLabel, fontrole.Body), t.span(t.l.Signer, fontrole.Kai)},
			cell: cellWidth, align: right, right: cellWidth, where: where{"signer", -1}}
		if t.l.Format == style.Letter {
			p.align, p.right, p.indent = left, 0, cellWidth
		}
		l.glyphs = append(l.glyphs, t.breakPara(p, areaWidth)[0].glyphs...)
	}
	return l, true
}

// firstLineBelow returns the first line of the grid whose top is at or below y.
func (t *typesetter) firstLineBelow(y page.Length) int {
	const micrometre = page.Millimetre / 1000
	return letter.FirstLineBelow(int((y + micrometre - 1) / micrometre))
}
