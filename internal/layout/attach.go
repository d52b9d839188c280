package layout

import (
	"strconv"
	"strings"

	"replydesk/internal/page"
)

// attachments returns the pages of the attachments (GB/T 9704-2012 §7.3.6):
// each starts a new page with "附件" (or "附件1" …) in 3号黑体 flush left on
// the first line and its title centred on the third line; its text follows
// one blank line under the title.
func (t *typesetter) attachments() []row {
	var rows []row
	n := len(t.r.Attachments)
	for i, a := range t.r.Attachments {
		label := "附件"
		if n > 1 {
			label += strconv.Itoa(i + 1)
		}
		f := "attachments[" + strconv.Itoa(i) + "]"
		p := t.plain(label, RoleHei, where{f + ".title", -1})
		p.align = left
		rows = append(rows, row{line: t.breakPara(p, areaWidth)[0], newPage: true, keepNext: true})
		rows = append(rows, row{keepNext: true})
		for _, l := range t.titleLines(strings.TrimSpace(a.Title), areaWidth) {
			rows = append(rows, row{line: l, keepNext: true})
		}
		rows = append(rows, row{keepNext: true})
		for j, text := range strings.Split(a.Body, "\n") {
			if text = strings.TrimSpace(text); text != "" {
				rows = append(rows, t.paragraph(text, where{f + ".body", j})...)
			}
		}
		if a.Table != nil {
			rows = append(rows, t.table(a.Table, f+".table")...)
		}
	}
	return rows
}

// cc returns the lines of the 抄送 of the 版记 (§7.4.2): 4号仿宋, one
// character of indent left and right, "抄送：" then the units separated by
// "，" and closed by "。"; a wrapped line aligns with the first unit.
func (t *typesetter) cc() []line {
	var units []string
	for _, u := range t.r.CC {
		if u = strings.TrimRight(strings.TrimSpace(u), "，,。.；;、"); u != "" {
			units = append(units, u)
		}
	}
	if len(units) == 0 {
		return nil
	}
	one := ccSize
	label := span{text: "抄送：", role: RoleBody, size: ccSize, color: page.Black}
	text := span{text: strings.Join(units, "，") + "。", role: RoleBody, size: ccSize, color: page.Black}
	p := &para{spans: []span{label, text}, indent: one, hang: one + 3*one, right: one,
		cell: cellWidth, where: where{"cc", -1}}
	return t.breakPara(p, areaWidth)
}
