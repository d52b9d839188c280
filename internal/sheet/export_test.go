package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// ledgerItems returns items that use every column and every value of the
// vocabularies, with text that looks like formulas.
func ledgerItems() []ledger.Item {
	base := ledger.Item{
		Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2,
		Title:     "关于进一步推进职业教育产教融合、校企合作的建议",
		Proposers: []string{"董妍"}, CoSigners: []string{"王远健", "李明"}, ProposerCount: 7,
		Delegation: "教育界", LeadUnit: "长春市教育局", CoUnits: []string{"市财政局", "市人社局"},
		Mode: ledger.Lead, Assigned: day(2023, 6, 1), Deadline: day(2023, 9, 1), Status: ledger.FedBack,
		Category: "B", Disclosure: "同意公开", Met: true, Satisfaction: ledger.Basic,
		Contact: "刘丽", Phone: "13578951242", Replied: day(2023, 6, 20),
		DocNumber: "长教函〔2023〕12号", Signer: "张三", Notes: "已电话沟通\n第二行",
	}
	var out []ledger.Item
	for i, v := range []struct {
		number, title string
		status        ledger.Status
		sat           ledger.Satisfaction
		cat           string
		mode          ledger.Mode
		deadline      reply.Date
	}{
		{"244", "", ledger.FedBack, ledger.Basic, "B", ledger.Lead, day(2023, 9, 1)},
		{"245", "=SUM(A1:A9)", ledger.FedBack, ledger.Satisfied, "A", ledger.Assist, day(2023, 9, 1)},
		{"246", "+1 关于加号开头的建议", ledger.FedBack, ledger.Unsatisfied, "C", ledger.Joint, day(2023, 9, 2)},
		{"247", "-1 关于减号开头的建议", ledger.Answered, "", "D", ledger.Split, day(2023, 9, 3)},
		{"248", "@cmd 关于“引号”的建议", ledger.InProgress, "", "", "", day(2023, 9, 4)},
		{"A-12", "关于没有期限的建议", ledger.Pending, "", "", ledger.Lead, reply.Date{}},
		{"249", "关于超期的建议", ledger.Pending, "", "", ledger.Lead, day(2023, 8, 4)},
	} {
		it := base.Clone()
		it.Number, it.Status, it.Satisfaction, it.Category, it.Mode, it.Deadline = v.number, v.status, v.sat, v.cat, v.mode, v.deadline
		if v.title != "" {
			it.Title = v.title
		}
		if i%2 == 1 {
			it.Kind, it.Assembly, it.Term, it.Session = reply.Suggestion, "区人大", 18, 2
			it.Met, it.CoSigners, it.ProposerCount, it.Notes = false, nil, 0, ""
		}
		if it.Deadline.IsZero() {
			it.Assigned = reply.Date{}
		}
		if !it.Status.Done() {
			it.Replied = reply.Date{}
		}
		out = append(out, it)
	}
	return out
}

func export(t testing.TB, items []ledger.Item) []byte {
	t.Helper()
	var buf bytes.Buffer
	opt := ExportOptions{Categories: []string{"A", "B", "C", "D"}, Disclosures: []string{"同意公开", "不同意公开"}, Today: day(2023, 9, 2)}
	if err := WriteLedger(&buf, items, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestLedgerRoundTrip exports items and imports the workbook: the same
// items come back, with no problem reported but the warnings about the
// item numbered A-12, which has no assigned date.
func TestLedgerRoundTrip(t *testing.T) {
	items := ledgerItems()
	im := read(t, export(t, items), ImportOptions{Today: day(2023, 9, 2)})
	if want := []string{"警告：第7行“编号”列：“A-12”不是纯数字编号，请核对是否与交办清单上的编号一致",
		"警告：第7行“交办日期”列为空：无法计算办理期限，该件不会提示超期，请补填"}; !slices.Equal(messages(im), want) {
		t.Fatalf("problems: %q, want %q", messages(im), want)
	}
	if im.Sheet != LedgerSheet || im.HeaderRow != 1 || len(im.Detected) != len(ledger.Fields) {
		t.Errorf("sheet %q header %d mapping %v", im.Sheet, im.HeaderRow, im.Detected)
	}
	got := im.Items()
	if len(got) != len(items) {
		t.Fatalf("%d items back, want %d", len(got), len(items))
	}
	for i := range items {
		if !ledger.Equal(&got[i], &items[i]) {
			t.Errorf("item %d:\n got %+v\nwant %+v", i, got[i], items[i])
		}
		if len(im.Rows[i].Filled) < 10 {
			t.Errorf("item %d: filled %v", i, im.Rows[i].Filled)
		}
	}
}

// exported writes the 汇总表 of ledgerItems and reopens it.
func exported(t *testing.T) (*excelize.File, []byte, []ledger.Item) {
	t.Helper()
	items := ledgerItems()
	data := export(t, items)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, data, items
}

func cellOf(k ledger.FieldKey, row int) string { return fmt.Sprintf("%s%d", letter(col(k)), row) }

// TestExportedCells checks what the cells of the reopened 汇总表 hold and show.
func TestExportedCells(t *testing.T) {
	f, _, _ := exported(t)
	t.Run("text never formula", func(t *testing.T) {
		for row, want := range map[int]string{3: "=SUM(A1:A9)", 4: "+1 关于加号开头的建议", 5: "-1 关于减号开头的建议", 6: "@cmd 关于“引号”的建议"} {
			c := cellOf(ledger.FTitle, row)
			formula, _ := f.GetCellFormula(LedgerSheet, c)
			v, _ := f.GetCellValue(LedgerSheet, c)
			typ, _ := f.GetCellType(LedgerSheet, c)
			if formula != "" || v != want || typ != excelize.CellTypeInlineString {
				t.Errorf("%s: formula %q value %q type %v", c, formula, v, typ)
			}
		}
	})
	t.Run("header style and widths", func(t *testing.T) {
		id, _ := f.GetCellStyle(LedgerSheet, "A1")
		st, err := f.GetStyle(id)
		if err != nil || !st.Font.Bold || len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], headerFill) || len(st.Border) != 4 {
			t.Errorf("header style %+v, %v", st, err)
		}
		title, _ := f.GetColWidth(LedgerSheet, letter(col(ledger.FTitle)))
		seq, _ := f.GetColWidth(LedgerSheet, "A")
		unit, _ := f.GetColWidth(LedgerSheet, letter(col(ledger.FLeadUnit)))
		if title != 48 || seq != 6 || unit != 14 { // 长春市教育局: 6 characters, 12 units + 2
			t.Errorf("widths: title %v, 序号 %v, 主办单位 %v", title, seq, unit)
		}
	})
	t.Run("dates are dates", func(t *testing.T) {
		c := cellOf(ledger.FAssigned, 2)
		typ, _ := f.GetCellType(LedgerSheet, c)
		raw, _ := f.GetCellValue(LedgerSheet, c, excelize.Options{RawCellValue: true})
		id, _ := f.GetCellStyle(LedgerSheet, c)
		st, _ := f.GetStyle(id)
		if raw != "45078" || typ == excelize.CellTypeInlineString || st.CustomNumFmt == nil || *st.CustomNumFmt != DateFormat {
			t.Errorf("%s: raw %q type %v format %v", c, raw, typ, st.CustomNumFmt)
		}
		if v, _ := f.GetCellValue(LedgerSheet, c); v != "2023年6月1日" {
			t.Errorf("%s shows %q", c, v)
		}
	})
}

// TestExportedSheetSetup checks the sheets, print setup, frozen header, autofilter and chart.
func TestExportedSheetSetup(t *testing.T) {
	f, data, items := exported(t)
	t.Run("print setup and active sheet", func(t *testing.T) {
		if f.GetActiveSheetIndex() != 0 || f.GetSheetList()[0] != LedgerSheet || f.GetSheetList()[1] != StatsSheet {
			t.Errorf("active %d of %q", f.GetActiveSheetIndex(), f.GetSheetList())
		}
		pl, err := f.GetPageLayout(LedgerSheet)
		if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || *pl.Size != 9 {
			t.Errorf("page layout %+v, %v", pl, err)
		}
		found := false
		for _, dn := range f.GetDefinedName() {
			found = found || dn.Name == "_xlnm.Print_Titles" && strings.HasSuffix(dn.RefersTo, "!$1:$1")
		}
		if !found {
			t.Errorf("no print titles: %+v", f.GetDefinedName())
		}
	})
	t.Run("frozen header and autofilter", func(t *testing.T) {
		p, err := f.GetPanes(LedgerSheet)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
			t.Errorf("panes %+v, %v", p, err)
		}
		xml := zipPart(t, data, "xl/worksheets/sheet1.xml")
		if want := fmt.Sprintf(`<autoFilter ref="$A$1:$X$%d"`, len(items)+1); !strings.Contains(xml, want) {
			t.Errorf("sheet lacks %s", want)
		}
	})
	t.Run("chart", func(t *testing.T) {
		if xml := zipPart(t, data, "xl/charts/chart1.xml"); !strings.Contains(xml, "答复类别分布") || !strings.Contains(xml, "&#39;统计&#39;!$B$") {
			t.Errorf("chart: %.300s", xml)
		}
	})
}

// TestExportedRules checks the dropdowns and the highlighting of overdue and due-soon rows.
func TestExportedRules(t *testing.T) {
	f, _, items := exported(t)
	t.Run("dropdowns", func(t *testing.T) {
		dvs, err := f.GetDataValidations(LedgerSheet)
		if err != nil {
			t.Fatal(err)
		}
		found := map[string]string{}
		for _, dv := range dvs {
			found[strings.Split(dv.Sqref, ":")[0]] = dv.Formula1
		}
		last := len(items) + 1 + spareRows
		for k, want := range map[ledger.FieldKey]string{
			ledger.FStatus: `"未办理,办理中,已答复,已反馈"`, ledger.FCategory: `"A,B,C,D"`,
			ledger.FDisclosure: `"同意公开,不同意公开"`, ledger.FSatisfaction: `"满意,基本满意,不满意"`,
			ledger.FMet: `"是,否"`, ledger.FKind: `"提案,建议"`,
		} {
			if got := found[cellOf(k, 2)]; got != want {
				t.Errorf("%s dropdown = %q, want %q", FieldLabel(k), got, want)
			}
		}
		if dvs[0].Sqref != fmt.Sprintf("B2:B%d", last) || dvs[0].Type != "list" || dvs[0].Error == nil {
			t.Errorf("first validation: %+v", dvs[0])
		}
	})
	t.Run("highlighting", func(t *testing.T) {
		cfs, err := f.GetConditionalFormats(LedgerSheet)
		if err != nil {
			t.Fatal(err)
		}
		rules := cfs[fmt.Sprintf("A2:X%d", len(items)+1+spareRows)]
		if len(rules) != 2 || !strings.Contains(rules[0].Criteria, "$M2<TODAY()") || !strings.Contains(rules[0].Criteria, `$N2<>"已答复"`) ||
			!strings.Contains(rules[1].Criteria, "$M2-TODAY()<=7") {
			t.Errorf("conditional formats: %+v", cfs)
		}
	})
}

// TestStatsFormulas checks the 统计 sheet: each formula, computed by
// excelize's own engine, gives the figure ledger.Compute gives.
func TestStatsFormulas(t *testing.T) {
	items := ledgerItems()
	f, err := excelize.OpenReader(bytes.NewReader(export(t, items)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{
		"总件数": "7", "提案": "4", "建议": "3", "A": "1", "B": "1", "C": "1", "D": "1", "未分类": "3",
		"未办理": "2", "办理中": "1", "已答复": "1", "已反馈": "3", "满意": "1", "基本满意": "1", "不满意": "1", "未反馈": "4",
		"办复率（已答复、已反馈占总件数）": strconv.FormatFloat(4.0/7, 'f', -1, 64),
		"满意率（满意、基本满意占已反馈）": strconv.FormatFloat(2.0/3, 'f', -1, 64),
	}
	rows, _ := f.GetRows(StatsSheet)
	seen := 0
	for r, row := range rows {
		if len(row) < 2 {
			continue
		}
		w, ok := want[row[0]]
		if !ok {
			continue
		}
		seen++
		cell := fmt.Sprintf("B%d", r+1)
		formula, _ := f.GetCellFormula(StatsSheet, cell)
		cached, _ := f.GetCellValue(StatsSheet, cell, excelize.Options{RawCellValue: true})
		got, err := f.CalcCellValue(StatsSheet, cell, excelize.Options{RawCellValue: true})
		if formula == "" || err != nil || !close(got, w) || !close(cached, w) {
			t.Errorf("%s (%s): formula %q computes %q (%v), cached %q; want %s", row[0], cell, formula, got, err, cached, w)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of %d figures:\n%q", seen, len(want), rows)
	}
}

func close(got, want string) bool {
	a, err1 := strconv.ParseFloat(got, 64)
	b, err2 := strconv.ParseFloat(want, 64)
	return err1 == nil && err2 == nil && a-b < 1e-9 && b-a < 1e-9
}

func zipPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return string(b)
		}
	}
	t.Fatalf("workbook has no %s", name)
	return ""
}

func TestWriteLedgerFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "汇总表.xlsx")
	if err := WriteLedgerFile(path, ledgerItems(), ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	im, err := ReadLedgerFile(path, ImportOptions{})
	if err != nil || len(im.Items()) != len(ledgerItems()) {
		t.Fatalf("reading back: %v", err)
	}
	err = WriteLedgerFile(filepath.Join(dir, "无此文件夹", "x.xlsx"), nil, ExportOptions{})
	if err == nil || !strings.Contains(err.Error(), "无法保存") {
		t.Errorf("unwritable: %v", err)
	}
	if entries, _ := filepath.Glob(filepath.Join(dir, ".*tmp")); len(entries) != 0 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// statsCell matches a formula cell of the 统计 sheet's XML: reference,
// attributes, formula and cached value.
var statsCell = regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v>([^<]*)</v></c>`)

// TestExportedTypes opens the written workbook as a zip: the formulas of
// the 统计 sheet cache numbers (no t="str", the <v> a number) that match
// ledger.Compute, and each sheet declares its used range.
func TestExportedTypes(t *testing.T) {
	f, data, items := exported(t)
	xml := zipPart(t, data, "xl/worksheets/sheet2.xml")
	cells := statsCell.FindAllStringSubmatch(xml, -1)
	if len(cells) < 20 {
		t.Fatalf("%d formula cells in the 统计 sheet:\n%.2000s", len(cells), xml)
	}
	for _, c := range cells {
		if strings.Contains(c[2], ` t="`) {
			t.Errorf("%s (%s) has type %s: a viewer shows its cached %q as text", c[1], c[3], c[2], c[4])
		}
		if _, err := strconv.ParseFloat(c[4], 64); err != nil {
			t.Errorf("%s caches %q, not a number", c[1], c[4])
		}
	}
	if c := cells[0]; c[1] != "B4" || c[4] != strconv.Itoa(len(items)) {
		t.Errorf("总件数: %s caches %q, want B4 caching %d", c[1], c[4], len(items))
	}
	rows := regexp.MustCompile(`<row r="([0-9]+)"`).FindAllStringSubmatch(xml, -1)
	last := rows[len(rows)-1][1]
	if want := `<dimension ref="A1:C` + last + `"`; !strings.Contains(xml, want) {
		t.Errorf("统计 sheet lacks %s: %.120s", want, xml[strings.Index(xml, "<dimension"):])
	}
	if want := fmt.Sprintf(`<dimension ref="A1:X%d"`, len(items)+1); !strings.Contains(zipPart(t, data, "xl/worksheets/sheet1.xml"), want) {
		t.Errorf("汇总表 lacks %s", want)
	}
	// Reopened, excelize sees the same.
	for _, c := range cells {
		typ, _ := f.GetCellType(StatsSheet, c[1])
		v, _ := f.GetCellValue(StatsSheet, c[1], excelize.Options{RawCellValue: true})
		if typ == excelize.CellTypeFormula || typ == excelize.CellTypeInlineString || v != c[4] {
			t.Errorf("reopened %s: type %v value %q", c[1], typ, v)
		}
	}
	for sheet, want := range map[string]string{StatsSheet: "A1:C" + last, LedgerSheet: fmt.Sprintf("A1:X%d", len(items)+1)} {
		if got, err := f.GetSheetDimension(sheet); got != want || err != nil {
			t.Errorf("%s dimension %q, %v; want %q", sheet, got, err, want)
		}
	}
}

// quotePrefixed reports whether the style of a cell has Excel's quote
// prefix.
func quotePrefixed(t *testing.T, f *excelize.File, sheet, cell string) bool {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if _, err2 := f.GetStyle(id); err != nil || err2 != nil { // reads the style sheet
		t.Fatalf("%s: style %d: %v %v", cell, id, err, err2)
	}
	q := f.Styles.CellXfs.Xf[id].QuotePrefix
	return q != nil && *q
}

// TestQuotePrefix checks that text beginning with = + - or @ is a string
// whose cell style has Excel's quote prefix, so that editing the cell in
// Excel keeps it text; other text has none.
func TestQuotePrefix(t *testing.T) {
	f, data, _ := exported(t)
	for row, want := range map[int]bool{2: false, 3: true, 4: true, 5: true, 6: true, 7: false} {
		c := cellOf(ledger.FTitle, row)
		if got := quotePrefixed(t, f, LedgerSheet, c); got != want {
			t.Errorf("%s: quote prefix %v, want %v", c, got, want)
		}
		if formula, _ := f.GetCellFormula(LedgerSheet, c); formula != "" {
			t.Errorf("%s is a formula: %q", c, formula)
		}
	}
	// In the XML: the title of row 3 (=SUM(A1:A9)) is an inline string
	// whose style's <xf> carries quotePrefix.
	sheetXML := zipPart(t, data, "xl/worksheets/sheet1.xml")
	m := regexp.MustCompile(`<c r="E3" s="([0-9]+)" t="inlineStr"><is><t>=SUM\(A1:A9\)</t></is></c>`).FindStringSubmatch(sheetXML)
	if m == nil {
		t.Fatalf("E3 is not the inline string =SUM(A1:A9): %.200s", sheetXML[strings.Index(sheetXML, `<c r="E3"`):])
	}
	n, _ := strconv.Atoi(m[1])
	stylesXML := zipPart(t, data, "xl/styles.xml")
	xfs := regexp.MustCompile(`<xf [^>]*>`).FindAllString(stylesXML[strings.Index(stylesXML, "<cellXfs"):], -1)
	if n >= len(xfs) || !regexp.MustCompile(`quotePrefix="(1|true)"`).MatchString(xfs[n]) {
		t.Errorf("style %d of E3 has no quote prefix: %v", n, xfs)
	}
	// A category code that looks like a formula, in the 统计 sheet too.
	items := ledgerItems()
	items[0].Category = "=A"
	g, err := excelize.OpenReader(bytes.NewReader(export(t, items)))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	rows, _ := g.GetRows(StatsSheet)
	for r, row := range rows {
		if len(row) > 0 && row[0] == "=A" {
			if !quotePrefixed(t, g, StatsSheet, fmt.Sprintf("A%d", r+1)) {
				t.Errorf("统计 A%d (=A) has no quote prefix", r+1)
			}
			return
		}
	}
	t.Errorf("no row for category =A in %q", rows)
}

// TestUnfilled shows 未填 for a 承办方式 or 是否见面沟通 that was not
// recorded, 否 for a 见面沟通 recorded as 否, and reads 未填 back as
// nothing recorded.
func TestUnfilled(t *testing.T) {
	items := ledgerItems()
	items[3].MetRecorded = true // 否, recorded
	f, err := excelize.OpenReader(bytes.NewReader(export(t, items)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{
		cellOf(ledger.FMode, 6): "未填", // item 248 has no mode
		cellOf(ledger.FMode, 2): "主办",
		cellOf(ledger.FMet, 3):  "未填", // item 245: nothing recorded
		cellOf(ledger.FMet, 5):  "否",
		cellOf(ledger.FMet, 2):  "是",
	} {
		if got, _ := f.GetCellValue(LedgerSheet, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	im := read(t, export(t, items), ImportOptions{})
	back := im.Items()
	if back[4].Mode != "" || back[1].MetKnown() || !back[3].MetKnown() || back[3].Met || !slices.Contains(im.Rows[0].Filled, ledger.FMet) ||
		slices.Contains(im.Rows[1].Filled, ledger.FMet) {
		t.Errorf("read back: mode %q, met %v/%v, %v/%v; filled %v, %v", back[4].Mode, back[1].Met, back[1].MetKnown(),
			back[3].Met, back[3].MetKnown(), im.Rows[0].Filled, im.Rows[1].Filled)
	}
}
