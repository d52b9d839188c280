package reply

import "fmt"

// CheckTables reports the attachment tables that hold nothing to print:
// a header without rows, or rows whose cells are all blank. (An
// attachment with neither header nor rows nor text is reported by Check
// as having no content.) Each problem points at the table's first cell,
// so the form can put the cursor there.
func CheckTables(r *Reply) []Problem {
	var out []Problem
	for i, a := range r.Attachments {
		t := a.Table
		if t == nil || filledRows(t) > 0 || len(t.Header) == 0 && len(t.Rows) == 0 {
			continue
		}
		field := fmt.Sprintf("attachments[%d].table.header[0]", i)
		msg := fmt.Sprintf("附件%d的表格只有表头，没有内容：请在表格中填写各行，或删除这个附件", i+1)
		switch {
		case len(t.Rows) > 0:
			field = fmt.Sprintf("attachments[%d].table.rows[0][0]", i)
			msg = fmt.Sprintf("附件%d的表格各行都是空的：请填写表格内容，或删除这个附件", i+1)
		case !anyFilled(t.Header):
			msg = fmt.Sprintf("附件%d的表格是空的：请填写表头和各行，或删除这个附件", i+1)
		}
		out = append(out, Problem{Field: field, Severity: Warning, Message: msg, Para: -1})
	}
	return out
}

// filledRows counts the rows of t that have a cell that is not blank.
func filledRows(t *Table) int {
	n := 0
	for _, row := range t.Rows {
		if anyFilled(row) {
			n++
		}
	}
	return n
}

// anyFilled reports whether a cell of cells is not blank.
func anyFilled(cells []string) bool {
	for _, c := range cells {
		if !blank(c) {
			return true
		}
	}
	return false
}
