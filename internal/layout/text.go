package layout

import (
	"regexp"
	"strconv"
	"strings"
)

// Heading levels of the body (GB/T 9704-2012 §7.3.4): 一、 in 黑体, （一） in
// 楷体, 1. and （1） in 仿宋.
var headings = []struct {
	re   *regexp.Regexp
	role string
}{
	{regexp.MustCompile(`^[一二三四五六七八九十]+、`), RoleHei},
	{regexp.MustCompile(`^（[一二三四五六七八九十]+）`), RoleKai},
	{regexp.MustCompile(`^[0-9]+[.．]`), RoleBody},
	{regexp.MustCompile(`^（[0-9]+）`), RoleBody},
}

// text returns the rows of the opening, the body, the closing and the list of
// attachments.
func (t *typesetter) text() []row {
	var rows []row
	if t.r.Opening != "" {
		rows = append(rows, t.paragraph(t.r.Opening, where{"opening", -1})...)
	}
	for i, p := range strings.Split(t.r.Body, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			rows = append(rows, t.paragraph(p, where{"body", i})...) // i counts raw lines, as reply.Problem.Para does
		}
	}
	if t.r.Closing != "" {
		rows = append(rows, t.paragraph(t.r.Closing, where{"closing", -1})...)
	}
	return append(rows, t.attachmentList()...)
}

// paragraph sets a body paragraph, indented two characters and justified. A
// paragraph that starts with a heading number takes the heading's font: the
// whole paragraph when it is a heading alone, which then keeps with the next
// line, or only its first sentence when text follows it (a run-in heading).
func (t *typesetter) paragraph(text string, w where) []row {
	role, head := RoleBody, ""
	for _, h := range headings {
		if h.re.MatchString(text) {
			role, head = h.role, text
			if k := strings.Index(text, "。"); k >= 0 && k+len("。") < len(text) {
				head = text[:k+len("。")]
			}
			break
		}
	}
	p := &para{indent: 2 * cellWidth, cell: cellWidth, where: w}
	if head != "" {
		p.spans = append(p.spans, t.span(head, role))
	}
	if rest := text[len(head):]; rest != "" {
		p.spans = append(p.spans, t.span(rest, RoleBody))
	}
	rows := t.rowsOf(p)
	for i := range rows {
		rows[i].body = true
		rows[i].keepNext = head == text && head != ""
	}
	return rows
}

// attachmentList is the 附件说明: one blank line under the body, indented two
// characters, "附件：" then the titles, numbered when there are several, with
// no final punctuation; later titles align with the first.
func (t *typesetter) attachmentList() []row {
	as := t.r.Attachments
	if len(as) == 0 {
		return nil
	}
	rows := []row{{}}
	for i, a := range as {
		label := ""
		if len(as) > 1 {
			label = strconv.Itoa(i+1) + "."
		}
		p := &para{cell: cellWidth, indent: 5 * cellWidth, hang: 5 * cellWidth,
			where: where{"attachments[" + strconv.Itoa(i) + "].title", -1}}
		if i == 0 {
			p.spans = append(p.spans, t.span("附件：", RoleBody))
			p.indent = 2 * cellWidth
		}
		p.spans = append(p.spans, t.span(label+strings.TrimSpace(a.Title), RoleBody))
		p.align = left
		for _, r := range t.rowsOf(p) {
			r.body = true
			rows = append(rows, r)
		}
	}
	return rows
}
