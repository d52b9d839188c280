package sheet

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/reply"
)

func TestTableRoundTrip(t *testing.T) {
	for _, c := range []struct {
		name  string
		title string
		table reply.Table
	}{
		{"seed attachment", "2023年产教融合型企业名单", reply.Table{
			Header: []string{"序号", "企业名称", "所在区"},
			Rows:   [][]string{{"1", "中国第一汽车集团有限公司", "绿园区"}, {"2", "长春轨道客车股份有限公司", "绿园区"}},
			Widths: []int{1, 5, 2},
		}},
		{"awkward cells", "资金安排表", reply.Table{
			Header: []string{"项目", "金额（万元）", "编码", "说明"},
			Rows: [][]string{
				{"=SUM(B2:B3)", "12.50", "007", "+ 加号开头\n第二行"},
				{"@提及", "-3", "2023", ""},
				{"", "", "", "只有说明"},
			},
			Widths: []int{3, 2, 2, 6},
		}},
		{"no title", "", reply.Table{Header: []string{"单位", "联系人"}, Rows: [][]string{{"市教育局", "刘丽"}}, Widths: []int{2, 1}}},
		{"header only", "名单", reply.Table{Header: []string{"姓名", "电话"}, Widths: []int{1, 1}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteTable(&buf, c.title, &c.table); err != nil {
				t.Fatal(err)
			}
			title, got, err := ReadTable(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			want := c.table
			if title != c.title || !reflect.DeepEqual(got, &want) {
				t.Errorf("read back %q %+v\nwant %q %+v", title, *got, c.title, want)
			}
		})
	}
}

// TestTableWorkbook reopens an exported table: merged centred title,
// styled frozen header repeated on printed pages, numbers as numbers.
func TestTableWorkbook(t *testing.T) {
	tbl := &reply.Table{Header: []string{"序号", "企业名称"}, Rows: [][]string{{"1", "一汽"}, {"007", "=1+1"}}, Widths: []int{1, 4}}
	var buf bytes.Buffer
	if err := WriteTable(&buf, "企业名单", tbl); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	merged, _ := f.GetMergeCells(TableSheet)
	if len(merged) != 1 || merged[0].GetStartAxis() != "A1" || merged[0].GetEndAxis() != "B1" {
		t.Errorf("title merge: %v", merged)
	}
	id, _ := f.GetCellStyle(TableSheet, "A2")
	st, _ := f.GetStyle(id)
	if !st.Font.Bold || len(st.Border) != 4 {
		t.Errorf("header style: %+v", st)
	}
	if p, _ := f.GetPanes(TableSheet); !p.Freeze || p.YSplit != 2 {
		t.Errorf("panes: %+v", p)
	}
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].Name != "_xlnm.Print_Titles" || !strings.HasSuffix(names[0].RefersTo, "!$2:$2") {
		t.Errorf("print titles: %+v", names)
	}
	for cell, text := range map[string]bool{"A3": false, "A4": true, "B4": true} {
		if typ, _ := f.GetCellType(TableSheet, cell); (typ == excelize.CellTypeInlineString) != text {
			t.Errorf("%s type %v, text %v", cell, typ, text)
		}
	}
	if formula, _ := f.GetCellFormula(TableSheet, "B4"); formula != "" {
		t.Errorf("B4 became a formula: %q", formula)
	}
	for cell, want := range map[string]bool{"B4": true, "B3": false, "A4": false} {
		if got := quotePrefixed(t, f, TableSheet, cell); got != want {
			t.Errorf("%s: quote prefix %v, want %v", cell, got, want)
		}
	}
	if dim, _ := f.GetSheetDimension(TableSheet); dim != "A1:B4" {
		t.Errorf("dimension %q, want A1:B4", dim)
	}
	if w1, _ := f.GetColWidth(TableSheet, "A"); w1 != 18 {
		t.Errorf("width of A = %v, want 18 (1 of 5 parts of 90)", w1)
	}
}

// TestTableFromExcel reads a table made by hand: a title line not merged,
// blank rows, dates and percentages as Excel shows them.
func TestTableFromExcel(t *testing.T) {
	data := book(t, [][]any{
		{"附件：2023年项目清单"},
		{},
		{"项目", "完成率", "日期"},
		{"实训基地", 0.85, 45078},
		{},
		{"校企合作", 1, 45079},
	}, func(f *excelize.File) {
		pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9})
		date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: func() *string { s := DateFormat; return &s }()})
		f.SetCellStyle("Sheet1", "B4", "B6", pct)
		f.SetCellStyle("Sheet1", "C4", "C6", date)
	})
	path := filepath.Join(t.TempDir(), "附件.xlsx")
	writeTestFile(t, path, data)
	title, tbl, err := ReadTableFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"实训基地", "85%", "2023年6月1日"}, {"校企合作", "100%", "2023年6月2日"}}
	if title != "附件：2023年项目清单" || !reflect.DeepEqual(tbl.Header, []string{"项目", "完成率", "日期"}) || !reflect.DeepEqual(tbl.Rows, want) {
		t.Errorf("got %q %q %q", title, tbl.Header, tbl.Rows)
	}
	if len(tbl.Widths) != 3 {
		t.Errorf("widths %v", tbl.Widths)
	}
	empty := filepath.Join(t.TempDir(), "空.xlsx")
	writeTestFile(t, empty, book(t, nil, nil))
	var fe *FileError
	if _, _, err := ReadTableFile(empty); !errors.As(err, &fe) || fe.Kind != NoTable || !strings.Contains(err.Error(), "文件“空.xlsx”的第一个工作表是空的") {
		t.Errorf("empty table: %v", err)
	}
}
