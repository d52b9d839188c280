package reply

import (
	"strings"
	"testing"
)

func TestCheckTables(t *testing.T) {
	for _, c := range []struct {
		name  string
		table *Table
		field string
		msg   string
	}{
		{"text attachment", nil, "", ""},
		{"filled", &Table{Header: []string{"序号", "名称"}, Rows: [][]string{{"1", "某公司"}, {"", ""}}}, "", ""},
		{"nothing at all", &Table{}, "", ""},
		{"header only", &Table{Header: []string{"序号", "名称"}}, "attachments[0].table.header[0]", "附件1的表格只有表头，没有内容"},
		{"blank rows", &Table{Header: []string{"序号"}, Rows: [][]string{{" "}, {""}}}, "attachments[0].table.rows[0][0]", "附件1的表格各行都是空的"},
		{"blank header", &Table{Header: []string{"", "　"}}, "attachments[0].table.header[0]", "附件1的表格是空的"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &Reply{Attachments: []Attachment{{Title: "名单", Table: c.table}}}
			ps := CheckTables(r)
			switch {
			case c.msg == "" && len(ps) != 0:
				t.Errorf("CheckTables = %v, want none", ps)
			case c.msg != "" && (len(ps) != 1 || ps[0].Field != c.field || !strings.HasPrefix(ps[0].Message, c.msg) || ps[0].Severity != Warning):
				t.Errorf("CheckTables = %+v, want a warning of %s starting %q", ps, c.field, c.msg)
			}
		})
	}
}
