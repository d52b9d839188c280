package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// book builds a one-sheet workbook from rows of cell values, starting at
// A1; build can merge cells and set styles before it is written.
func book(t testing.TB, rows [][]any, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Sheet1", name, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if build != nil {
		build(f)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func read(t testing.TB, data []byte, opt ImportOptions) *Import {
	t.Helper()
	im, err := ReadLedger(bytes.NewReader(data), opt)
	if err != nil {
		t.Fatalf("ReadLedger: %v", err)
	}
	return im
}

func messages(im *Import) []string {
	var out []string
	for _, p := range im.Problems {
		out = append(out, p.String())
	}
	return out
}

func hasMessage(t *testing.T, im *Import, want string) {
	t.Helper()
	for _, m := range messages(im) {
		if strings.Contains(m, want) {
			return
		}
	}
	t.Errorf("no problem says %q; problems:\n%s", want, strings.Join(messages(im), "\n"))
}

func day(y, m, d int) reply.Date { return reply.Date{Year: y, Month: m, Day: d} }

// TestTitleRowsAndMixedDates reads a list as offices send it: a merged
// title and a date line above the header, blank rows, dates as Excel
// dates, text in four forms and a serial number, a total row at the end.
func TestTitleRowsAndMixedDates(t *testing.T) {
	june1 := time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)
	data := book(t, [][]any{
		{"市政协十四届二次会议提案交办清单"},
		{"制表日期：2023年6月5日"},
		{"序号", "提案号", "提案标题", "提案人", "主办单位", "协办单位", "交办时间", "联系电话"},
		{1, "0244", "关于进一步推进职业教育产教融合、校企合作的建议", "董妍、王远健等7人", "市教育局", "市财政局、市人社局", june1, "13578951242"},
		{},
		{2, 245, "关于加强校园食品安全的建议", "李明", "市教育局", nil, "2023年6月2日", "0431-88888888"},
		{3, "246", "关于发展托育服务的建议", "赵四", "市卫健委", "市教育局", "2023.6.3", nil},
		{nil, nil, nil, nil, nil, nil, nil, nil},
		{4, "247", "关于中小学课后服务的建议", "王五", "市教育局", nil, "2023/6/4", "1357895124"},
		{5, "248", "关于职业院校实训基地建设的建议", "钱六", "市教育局", nil, 45082, nil},
		{6, "249", "关于学前教育普惠的建议", "孙七", "市教育局", nil, "2023-06-06", nil},
		{"合计：6件"},
	}, func(f *excelize.File) {
		f.MergeCell("Sheet1", "A1", "H1")
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellStyle("Sheet1", "G4", "G4", style)
	})
	im := read(t, data, ImportOptions{})
	if im.HeaderRow != 3 || im.Title != "市政协十四届二次会议提案交办清单 制表日期：2023年6月5日" {
		t.Errorf("header row %d, title %q", im.HeaderRow, im.Title)
	}
	if im.Defaults.Assembly != "市政协" || im.Defaults.Term != 14 || im.Defaults.Session != 2 || im.Defaults.Kind != reply.Proposal {
		t.Errorf("defaults from the title: %+v", im.Defaults)
	}
	want := []struct {
		line     int
		number   string
		assigned reply.Date
	}{{4, "244", day(2023, 6, 1)}, {6, "245", day(2023, 6, 2)}, {7, "246", day(2023, 6, 3)},
		{9, "247", day(2023, 6, 4)}, {10, "248", day(2023, 6, 5)}, {11, "249", day(2023, 6, 6)}}
	if len(im.Rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(im.Rows), len(want), im.Rows)
	}
	for i, w := range want {
		r := im.Rows[i]
		if r.Line != w.line || r.Item.Number != w.number || r.Item.Assigned != w.assigned || r.Bad {
			t.Errorf("row %d: line %d number %q assigned %v bad %v; want line %d number %q assigned %v",
				i, r.Line, r.Item.Number, r.Item.Assigned, r.Bad, w.line, w.number, w.assigned)
		}
		if r.Item.Deadline != ledger.AddMonths(w.assigned, 3) || r.Item.Status != ledger.Pending ||
			r.Item.Assembly != "市政协" || r.Item.Kind != reply.Proposal {
			t.Errorf("row %d not completed: %+v", i, r.Item)
		}
	}
	first := im.Rows[0].Item
	if !slices.Equal(first.Proposers, []string{"董妍", "王远健"}) || first.ProposerCount != 7 ||
		!slices.Equal(first.CoUnits, []string{"市财政局", "市人社局"}) || first.Phone != "13578951242" {
		t.Errorf("first item: %+v", first)
	}
	if im.Errors() != 0 {
		t.Errorf("errors: %q", messages(im))
	}
	hasMessage(t, im, "警告：第9行“联系电话”列：“1357895124”应为11位手机号或带区号的固定电话")
	hasMessage(t, im, "警告：第12行没有编号和案由（“合计：6件”），已跳过")
	if got := im.Columns[1]; got.Header != "提案号" || got.Field != ledger.FNumber || got.Letter != "B" {
		t.Errorf("column B: %+v", got)
	}
}

// TestMergedHeader reads a two-row header: 编号 and 案由 merged down two
// rows, 承办单位 merged across 主办单位 and 协办单位.
func TestMergedHeader(t *testing.T) {
	data := book(t, [][]any{
		{"2023年区人大代表建议交办表"},
		{"编号", "案由", "领衔代表", "代表团", "承办单位", nil, "办理期限"},
		{nil, nil, nil, nil, "主办单位", "协办单位", nil},
		{"129", "关于增设公交线路的建议", "王远健", "城关代表团", "区交通局", "区财政局", "2023年9月30日"},
	}, func(f *excelize.File) {
		for _, m := range [][2]string{{"A1", "G1"}, {"A2", "A3"}, {"B2", "B3"}, {"C2", "C3"}, {"D2", "D3"}, {"E2", "F2"}, {"G2", "G3"}} {
			f.MergeCell("Sheet1", m[0], m[1])
		}
	})
	im := read(t, data, ImportOptions{Defaults: ledger.Item{Assembly: "区人大", Term: 18, Session: 2}})
	if im.HeaderRow != 3 {
		t.Errorf("header row = %d, want 3", im.HeaderRow)
	}
	wantMap := Mapping{ledger.FNumber: 0, ledger.FTitle: 1, ledger.FProposers: 2, ledger.FDelegation: 3,
		ledger.FLeadUnit: 4, ledger.FCoUnits: 5, ledger.FDeadline: 6}
	if len(im.Mapping) != len(wantMap) {
		t.Errorf("mapping = %v, want %v", im.Mapping, wantMap)
	}
	for k, c := range wantMap {
		if im.Mapping[k] != c {
			t.Errorf("%s read from column %d, want %d", k, im.Mapping[k], c)
		}
	}
	if len(im.Rows) != 1 {
		t.Fatalf("rows: %+v; problems %q", im.Rows, messages(im))
	}
	it := im.Rows[0].Item
	if it.LeadUnit != "区交通局" || !slices.Equal(it.CoUnits, []string{"区财政局"}) || it.Delegation != "城关代表团" ||
		it.Deadline != day(2023, 9, 30) || it.Kind != reply.Suggestion || it.Assembly != "区人大" || it.Term != 18 {
		t.Errorf("item: %+v", it)
	}
	if im.Columns[5].Header != "协办单位" {
		t.Errorf("sub-header: %q", im.Columns[5].Header)
	}
}

func TestRowProblems(t *testing.T) {
	head := []any{"届次会议", "编号", "案由", "提出人", "交办日期", "办理状态", "满意度", "是否见面沟通"}
	for _, c := range []struct {
		name string
		rows [][]any
		want []string
		bad  int
	}{
		{"bad dates", [][]any{
			{"市政协十四届二次会议", "1", "甲", "董妍", "2023年13月1日"},
			{"市政协十四届二次会议", "2", "乙", "董妍", "2023年2月29日"},
			{"市政协十四届二次会议", "3", "丙", "董妍", "下周一"},
			{"市政协十四届二次会议", "4", "丁", "董妍", 12},
		}, []string{
			"错误：第2行“交办日期”列：“2023年13月1日”不是有效日期",
			"错误：第3行“交办日期”列：“2023年2月29日”不是有效日期",
			"错误：第4行“交办日期”列：“下周一”不是日期，应写作 2023年6月1日 或 2023-06-01",
			"错误：第5行“交办日期”列：“12”不是有效日期",
		}, 4},
		{"duplicate numbers", [][]any{
			{"市政协十四届二次会议", "244", "甲", "董妍"},
			{"市政协十四届二次会议", "245", "乙", "董妍"},
			{"市政协十四届二次会议", "第244号", "丙", "董妍"},
			{"市政协十四届三次会议", "244", "丁", "董妍"},
		}, []string{"错误：第4行“编号”列：编号“244”与第2行重复：同一届次会议的编号不能重复，请核对后删除或改正其中一行"}, 1},
		{"empty required cells", [][]any{
			{"市政协十四届二次会议", nil, "甲", "董妍"},
			{"市政协十四届二次会议", "2", nil, "董妍"},
		}, []string{"错误：第2行“编号”列为空：请填写编号", "错误：第3行“案由”列为空：请填写案由"}, 2},
		{"vocabularies", [][]any{
			{"市政协十四届二次会议", "1", "甲", "董妍", nil, "搁置", "很好", "电话沟通"},
			{"十四届", "2", "乙", "董妍"},
		}, []string{
			"错误：第2行“办理状态”列：“搁置”不是有效的办理状态，应为“未办理”、“办理中”、“已答复”、“已反馈”之一",
			"错误：第2行“满意度”列：“很好”不是有效的满意度",
			"错误：第2行“是否见面沟通”列：“电话沟通”应填写“是”或“否”",
			"错误：第3行“届次会议”列：“十四届”不是届次会议，应写作“市政协十四届二次会议”或“十四届二次”",
		}, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			im := read(t, book(t, append([][]any{head}, c.rows...), nil), ImportOptions{})
			if im.Errors() != len(c.want) {
				t.Errorf("%d errors, want %d:\n%s", im.Errors(), len(c.want), strings.Join(messages(im), "\n"))
			}
			for _, w := range c.want {
				hasMessage(t, im, w)
			}
			if bad := len(im.Rows) - len(im.Items()); bad != c.bad {
				t.Errorf("%d rows marked bad, want %d", bad, c.bad)
			}
		})
	}
}

// TestChineseDates: a 交办清单 dated in Chinese numerals, as offices type
// them, imports without errors.
func TestChineseDates(t *testing.T) {
	head := []any{"届次会议", "编号", "案由", "提出人", "交办日期", "办理期限"}
	im := read(t, book(t, [][]any{head,
		{"市政协十四届二次会议", "1", "甲", "董妍", "二〇二三年六月一日", "二○二三年九月卅日"},
		{"市政协十四届二次会议", "2", "乙", "董妍", "二Ｏ二三年六月廿日", "2023.9.30"},
	}, nil), ImportOptions{})
	if im.Errors() != 0 || len(im.Items()) != 2 {
		t.Fatalf("errors: %q", messages(im))
	}
	a, b := im.Items()[0], im.Items()[1]
	if a.Assigned != day(2023, 6, 1) || a.Deadline != day(2023, 9, 30) || b.Assigned != day(2023, 6, 20) {
		t.Errorf("dates %v %v %v", a.Assigned, a.Deadline, b.Assigned)
	}
}

func TestMissingColumnAndMapping(t *testing.T) {
	data := book(t, [][]any{
		{"序号", "建议号", "内容摘要", "领衔代表", "交办日期"},
		{1, "129", "关于增设公交线路的建议", "王远健", "2023-06-01"},
	}, nil)
	im := read(t, data, ImportOptions{Defaults: ledger.Item{Assembly: "区人大", Term: 18, Session: 2}})
	hasMessage(t, im, "错误：第1行表头中找不到必需的“案由”列（也可叫标题、题目、提案标题）：请在表头中补上该列，或在导入时指定哪一列是“案由”")
	if im.Errors() != 1 || im.Columns[2].Field != "" {
		t.Errorf("errors %d, column C field %q", im.Errors(), im.Columns[2].Field)
	}

	im = read(t, data, ImportOptions{Mapping: Mapping{ledger.FTitle: 2, ledger.FAssigned: -1},
		Defaults: ledger.Item{Assembly: "区人大", Term: 18, Session: 2}})
	if im.Errors() != 0 || len(im.Items()) != 1 {
		t.Fatalf("with the mapping corrected: %q", messages(im))
	}
	it := im.Items()[0]
	if it.Title != "关于增设公交线路的建议" || !it.Assigned.IsZero() || im.Detected[ledger.FAssigned] != 4 {
		t.Errorf("item %+v, detected %v", it, im.Detected)
	}
	if im.Columns[2].Field != ledger.FTitle || im.Columns[4].Field != "" {
		t.Errorf("columns after override: %+v", im.Columns)
	}

	moved := Mapping{ledger.FNumber: 0, ledger.FTitle: 1}.Override(Mapping{ledger.FTitle: 0})
	if len(moved) != 1 || moved[ledger.FTitle] != 0 {
		t.Errorf("override onto a mapped column: %v", moved)
	}
}

func TestUnreadableFiles(t *testing.T) {
	var notXlsx bytes.Buffer
	zw := zip.NewWriter(&notXlsx)
	w, _ := zw.Create("hello.txt")
	w.Write([]byte("hello"))
	zw.Close()
	good := book(t, [][]any{{"编号", "案由"}, {"1", "甲"}}, nil)
	noHeader := book(t, [][]any{{"姓名", "年龄"}, {"张三", 30}}, nil)
	for _, c := range []struct {
		name string
		data []byte
		kind FileErrorKind
		msg  string
	}{
		{"empty", nil, Empty, "文件“清单.xlsx”是空的（0 字节）：请重新导出或下载该表格"},
		{"xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), OldFormat,
			"文件“清单.xlsx”是旧版 Excel 97-2003 格式（.xls）或设置了打开密码，无法读取"},
		{"csv", []byte("编号,案由\n1,甲\n"), NotWorkbook, "文件“清单.xlsx”不是 Excel 工作簿（.xlsx），可能是改了扩展名的其他文件"},
		{"zip", notXlsx.Bytes(), Damaged, "文件“清单.xlsx”已损坏，无法作为 Excel 工作簿读取"},
		{"truncated", good[:len(good)/2], Damaged, "文件“清单.xlsx”已损坏"},
		{"no header", noHeader, NoHeader, "文件“清单.xlsx”中找不到表头行：表头应包含“编号”（或提案号、建议号、案号）和“案由”"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "清单.xlsx")
			writeTestFile(t, path, c.data)
			_, err := ReadLedgerFile(path, ImportOptions{})
			var fe *FileError
			if !errors.As(err, &fe) || fe.Kind != c.kind || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error = %v (kind %v), want kind %v saying %q", err, kindOf(fe), c.kind, c.msg)
			}
		})
	}
	_, err := ReadLedgerFile(filepath.Join(t.TempDir(), "无此文件.xlsx"), ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "文件“无此文件.xlsx”无法打开") {
		t.Errorf("missing file: %v", err)
	}
	_, err = ReadLedger(bytes.NewReader(good), ImportOptions{Sheet: "交办清单"})
	if err == nil || err.Error() != "工作簿中没有名为“交办清单”的工作表；现有工作表：Sheet1" {
		t.Errorf("missing sheet: %v", err)
	}
}

func kindOf(fe *FileError) any {
	if fe == nil {
		return nil
	}
	return fe.Kind
}

// TestSecondSheet finds the list on the second sheet when the first has
// no header.
func TestSecondSheet(t *testing.T) {
	data := book(t, [][]any{{"说明：本表由市政府督查室下发"}}, func(f *excelize.File) {
		f.NewSheet("清单")
		f.SetSheetRow("清单", "A1", &[]any{"案号", "题目"})
		f.SetSheetRow("清单", "A2", &[]any{"7", "关于"})
	})
	im := read(t, data, ImportOptions{Defaults: ledger.Item{Assembly: "市政协", Term: 14, Session: 2}})
	if im.Sheet != "清单" || len(im.Items()) != 1 || im.Items()[0].Number != "7" {
		t.Errorf("sheet %q items %+v problems %q", im.Sheet, im.Items(), messages(im))
	}
	if !slices.Equal(im.Sheets, []string{"Sheet1", "清单"}) {
		t.Errorf("sheets %q", im.Sheets)
	}
}

func TestNoMeetingWarning(t *testing.T) {
	im := read(t, book(t, [][]any{{"编号", "案由"}, {"1", "甲"}}, nil), ImportOptions{})
	hasMessage(t, im, "警告：表中没有“届次会议”列，标题中也没有写明届次")
	if im.Errors() != 0 {
		t.Errorf("errors: %q", messages(im))
	}
	im = read(t, book(t, [][]any{{"编号", "案由"}}, nil), ImportOptions{})
	hasMessage(t, im, "错误：第1行表头下面没有数据：请检查是否选对了工作表")
}

func writeTestFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWarnings(t *testing.T) {
	im := read(t, book(t, [][]any{
		{"编号", "案由", "备注", "说明"},
		{"1", "甲", "a", "b"},
		{"2", "乙"},
	}, nil), ImportOptions{Defaults: ledger.Item{Term: 14, Session: 2}})
	hasMessage(t, im, "警告：D列“说明”与C列“备注”都是“备注”，只导入C列：如需改用D列，请在导入时指定")
	hasMessage(t, im, "警告：第2、3行无法确定是提案还是建议：请在表中加“类型”列或“届次会议”列，或在导入时指定类型")
	hasMessage(t, im, "警告：表中没有“提出人”列")
	hasMessage(t, im, "警告：表中没有“交办日期”列，也没有“办理期限”列")
	if im.Errors() != 0 || len(im.Problems) != 4 || im.Items()[0].Notes != "a" {
		t.Errorf("problems %q, items %+v", messages(im), im.Items())
	}
	im = read(t, book(t, [][]any{{"编号", "案由", "备注", "说明"}, {"1", "甲", "a", "b"}}, nil),
		ImportOptions{Mapping: Mapping{ledger.FNotes: 3}, Defaults: ledger.Item{Kind: reply.Proposal, Term: 14, Session: 2}})
	if len(im.Problems) != 2 || im.Items()[0].Notes != "b" {
		t.Errorf("with the user's choice: %q, %+v", messages(im), im.Items())
	}
}
