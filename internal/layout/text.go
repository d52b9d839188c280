package layout

import (
	"replydesk/internal/fontrole"
	"replydesk/internal/letter"
)

// text returns the rows of the opening, the body, the closing and the list of
// attachments.
func (t *typesetter) text() []row {
	var rows []row
	for _, p := range t.l.Text {
		rows = append(rows, t.paragraph(p)...)
	}
	return append(rows, t.attachmentList()...)
}

// paragraph sets a body paragraph, indented two characters and justified. A
// heading (see letter.Para) takes the heading's font: the whole paragraph
// when it is a heading alone, which then keeps with the next line, or only
// its first sentence when text follows it (a run-in heading).
func (t *typesetter) paragraph(lp letter.Para) []row {
	p := &para{indent: 2 * cellWidth, cell: cellWidth, where: where{lp.Field, lp.Index}}
	if lp.Head != "" {
		p.spans = append(p.spans, t.span(lp.Head, lp.HeadRole()))
	}
	if lp.Rest != "" {
		p.spans = append(p.spans, t.span(lp.Rest, fontrole.Body))
	}
	rows := t.rowsOf(p)
	for i := range rows {
		rows[i].body = true
		rows[i].keepNext = lp.Heading()
	}
	return rows
}

// attachmentList is the 附件说明: one blank line under the body, indented two
// characters, "附件：" then the titles, numbered when there are several, with
// no final punctuation; later titles align with the first.
func (t *typesetter) attachmentList() []row {
	if len(t.l.List) == 0 {
		return nil
	}
	rows := []row{{}}
	for i, it := range t.l.List {
		p := &para{cell: cellWidth, indent: 5 * cellWidth, hang: 5 * cellWidth, where: where{it.Field, -1}}
		if i == 0 {
			p.spans = append(p.spans, t.span(letter.AttachmentLabel, fontrole.Body))
			p.indent = 2 * cellWidth
		}
		p.spans = append(p.spans, t.span(it.Text, fontrole.Body))
		p.align = left
		for _, r := range t.rowsOf(p) {
			r.body = true
			rows = append(rows, r)
		}
	}
	return rows
}
