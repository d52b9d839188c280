package layout

import (
	"replydesk/internal/reply"
)

// table sets an attachment table as text rows until ruled tables are laid
// out: the header and each row as one line, cells separated by ideographic
// spaces.
func (t *typesetter) table(tb *reply.Table, field string) []row {
	var rows []row
	cells := append([][]string{tb.Header}, tb.Rows...)
	for i, c := range cells {
		text := ""
		for j, s := range c {
			if j > 0 {
				text += "\u3000"
			}
			text += s
		}
		p := t.plain(text, RoleBody, where{field, i})
		p.align = left
		rows = append(rows, t.rowsOf(p)...)
	}
	return rows
}
