package layout

import (
	"replydesk/internal/fontrole"
	"replydesk/internal/letter"
	"replydesk/internal/page"
)

// attachments returns the pages of the attachments (GB/T 9704-2012 §7.3.6):
// each starts a new page with "附件" (or "附件1" …) in 3号黑体 flush left on
// the first line and its title centred on the third line; its text follows
// one blank line under the title.
func (t *typesetter) attachments() []row {
	var rows []row
	for _, a := range t.l.Attachments {
		p := t.plain(a.Label, fontrole.Hei, where{a.Field + ".title", -1})
		p.align = left
		rows = append(rows, row{line: t.breakPara(p, areaWidth)[0], newPage: true, keepNext: true})
		rows = append(rows, row{keepNext: true})
		for _, l := range t.titleLines(a.Title, areaWidth) {
			rows = append(rows, row{line: l, keepNext: true})
		}
		rows = append(rows, row{keepNext: true})
		for _, p := range a.Body {
			rows = append(rows, t.paragraph(p)...)
		}
		if a.Table != nil {
			rows = append(rows, t.table(a.Table, a.Field+".table")...)
		}
	}
	return rows
}

// cc returns the lines of the 抄送 of the 版记 (§7.4.2): 4号仿宋, one
// character of indent left and right, "抄送：" then the units separated by
// "，" and closed by "。"; a wrapped line aligns with the first unit.
func (t *typesetter) cc() []line {
	if len(t.l.CC) == 0 {
		return nil
	}
	one := ccSize
	label := span{text: letter.CCLabel, role: fontrole.Body, size: ccSize, color: page.Black}
	text := span{text: t.l.CCText(), role: fontrole.Body, size: ccSize, color: page.Black}
	p := &para{spans: []span{label, text}, indent: one, hang: one + 3*one, right: one,
		cell: cellWidth, where: where{"cc", -1}}
	return t.breakPara(p, areaWidth)
}
