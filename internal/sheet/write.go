package sheet

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// Sheet names of the 办理情况汇总表.
const (
	LedgerSheet = "汇总表"
	StatsSheet  = "统计"
)

// spareRows are the empty rows under the data that keep the dropdowns and
// the highlighting, for items added by hand.
const spareRows = 500

// ExportOptions tune the 办理情况汇总表.
type ExportOptions struct {
	// Categories are the codes of the category scheme, in order, for the
	// dropdown and the 统计 sheet; codes found in the items are added.
	Categories []string
	// Disclosures are the disclosure values for the dropdown; values found
	// in the items are added.
	Disclosures []string
	// Today is the date the cached figures of the 统计 sheet are computed
	// on (Excel recomputes them on opening); zero = today.
	Today reply.Date
	// WithLog adds the sheet 操作记录 holding Log (see WriteLog).
	WithLog bool
	Log     []LogRow
}

// ExportColumns are the headers of the 汇总表, in order: 序号, then the
// labels of ledger.Fields.
func ExportColumns() []string {
	out := []string{"序号"}
	for _, f := range ledger.Fields {
		out = append(out, f.Label)
	}
	return out
}

// col returns the 0-based column of field k in the 汇总表.
func col(k ledger.FieldKey) int {
	for i, f := range ledger.Fields {
		if f.Key == k {
			return i + 1
		}
	}
	panic("sheet: unknown field " + string(k))
}

// WriteLedgerFile writes the 办理情况汇总表 of items to path atomically.
func WriteLedgerFile(path string, items []ledger.Item, opt ExportOptions) error {
	return writeFile(path, func(w io.Writer) error { return WriteLedger(w, items, opt) })
}

// WriteLedger writes the 办理情况汇总表 of items to w: the sheet 汇总表 (one
// row per item, in the given order: styled header, frozen header row,
// autofilter, fitted column widths, dropdowns for the columns with a
// vocabulary, real date cells shown as 2023年6月20日, overdue and
// due-soon rows highlighted by live conditional formats) and the sheet 统计
// (counts, 办复率 and 满意率 as formulas over 汇总表, and a chart of the
// categories). Text is always written as text, never as a formula.
func WriteLedger(w io.Writer, items []ledger.Item, opt ExportOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", LedgerSheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if opt.Today.IsZero() {
		opt.Today = ledger.Today()
	}
	opt.Categories = ledger.Categories(items, opt.Categories)
	opt.Disclosures = distinct(opt.Disclosures, items, func(it *ledger.Item) string { return it.Disclosure })
	if err := writeItems(f, st, items, opt); err != nil {
		return err
	}
	if err := writeStats(f, st, items, opt); err != nil {
		return err
	}
	if opt.WithLog {
		if err := writeLog(f, st, opt.Log); err != nil {
			return err
		}
	}
	// The 汇总表 stays the active sheet. (SetActiveSheet would parse the
	// streamed sheet back into memory, doubling the time of a large export.)
	full := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	return f.Write(w)
}

// distinct returns base followed by the other non-empty values of the
// items, sorted.
func distinct(base []string, items []ledger.Item, get func(*ledger.Item) string) []string {
	out := slices.Clone(base)
	var more []string
	for i := range items {
		if v := get(&items[i]); v != "" && !slices.Contains(out, v) && !slices.Contains(more, v) {
			more = append(more, v)
		}
	}
	slices.Sort(more)
	return append(out, more...)
}

// writeItems streams the 汇总表 sheet.
func writeItems(f *excelize.File, st *styles, items []ledger.Item, opt ExportOptions) error {
	heads := ExportColumns()
	// The used range is declared before streaming, which writes it first.
	if err := f.SetSheetDimension(LedgerSheet, "A1:"+letter(len(heads)-1)+strconv.Itoa(len(items)+1)); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(LedgerSheet)
	if err != nil {
		return err
	}
	for c, width := range columnWidths(heads, items) {
		if err := sw.SetColWidth(c+1, c+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := make([]any, len(heads))
	for c, h := range heads {
		row[c] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", row, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	for i := range items {
		itemCells(row, st, i, &items[i])
		cellName, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cellName, row); err != nil {
			return err
		}
	}
	if err := decorate(f, st, len(items), opt); err != nil {
		return err
	}
	return sw.Flush()
}

// itemCells fills row with the cells of item i. A 承办方式 or 是否见面沟通
// that was not recorded shows as ledger.Unfilled, not as a default.
func itemCells(row []any, st *styles, i int, it *ledger.Item) {
	row[0] = excelize.Cell{StyleID: st.center, Value: i + 1}
	for c, fd := range ledger.Fields {
		var v any = fd.Get(it)
		style := st.text
		if fd.Key == ledger.FMode && it.Mode == "" || fd.Key == ledger.FMet && !it.MetKnown() {
			v = ledger.Unfilled
		}
		switch {
		case fd.Type == ledger.Date:
			style, v = st.date, nil
			if d := it.DateOf(fd.Key); !d.IsZero() {
				v = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
			}
		case fd.Key == ledger.FNumber:
			style = st.center
			if n, err := strconv.Atoi(it.Number); err == nil && n > 0 && strconv.Itoa(n) == it.Number {
				v = n // sorts as a number in Excel
			}
		case fd.Key == ledger.FTitle || fd.Key == ledger.FNotes || fd.Type == ledger.List:
			style = st.wrap
		case fd.Type == ledger.Choice || fd.Type == ledger.Bool || fd.Key == ledger.FCategory:
			style = st.center
		}
		switch text := v.(type) {
		case string:
			if text == "" {
				row[c+1] = excelize.Cell{StyleID: style} // a blank cell, which COUNTIFS(…,"") counts
			} else {
				row[c+1] = st.textCell(style, text)
			}
		default:
			row[c+1] = excelize.Cell{StyleID: style, Value: v}
		}
	}
}

// columnWidths fits each column to its widest cell (title and notes wrap
// beyond 50 and 30 characters' width).
func columnWidths(heads []string, items []ledger.Item) []float64 {
	widest := make([]int, len(heads))
	for c, h := range heads {
		widest[c] = textWidth(h)
	}
	widest[0] = max(widest[0], len(strconv.Itoa(len(items))))
	for i := range items {
		item := &items[i]
		for c, fd := range ledger.Fields {
			widest[c+1] = max(widest[c+1], textWidth(fd.Get(item)))
		}
	}
	out := make([]float64, len(heads))
	for c := range heads {
		hi := 30
		if c > 0 {
			switch ledger.Fields[c-1].Key {
			case ledger.FTitle:
				hi = 50
			case ledger.FNotes, ledger.FCoUnits, ledger.FCoSigners:
				hi = 30
			}
		}
		out[c] = fitWidth(widest[c], 6, hi)
	}
	return out
}

// colRange returns "$X$2:$X$n" for field k over the data and spare rows.
func colRange(k ledger.FieldKey, last int) string {
	l := letter(col(k))
	return fmt.Sprintf("$%s$2:$%s$%d", l, l, last)
}

// decorate adds the autofilter, the print setup (A4 landscape, header row
// on every page), the dropdowns and the highlighting of the 汇总表. It runs
// before the stream is flushed, which writes them out.
func decorate(f *excelize.File, st *styles, n int, opt ExportOptions) error {
	lastCol := letter(len(ledger.Fields))
	if err := f.AutoFilter(LedgerSheet, fmt.Sprintf("A1:%s%d", lastCol, n+1), nil); err != nil {
		return err
	}
	a4, landscape := 9, "landscape"
	if err := f.SetPageLayout(LedgerSheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + LedgerSheet + "'!$1:$1", Scope: LedgerSheet}); err != nil {
		return err
	}
	last := n + 1 + spareRows
	lists := []struct {
		k      ledger.FieldKey
		values []string
	}{
		{ledger.FKind, fieldChoices(ledger.FKind)},
		{ledger.FMode, fieldChoices(ledger.FMode)},
		{ledger.FStatus, fieldChoices(ledger.FStatus)},
		{ledger.FCategory, opt.Categories},
		{ledger.FDisclosure, opt.Disclosures},
		{ledger.FMet, fieldChoices(ledger.FMet)},
		{ledger.FSatisfaction, fieldChoices(ledger.FSatisfaction)},
	}
	for _, l := range lists {
		if len(l.values) == 0 {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(strings.ReplaceAll(colRange(l.k, last), "$", ""))
		if err := dv.SetDropList(l.values); err != nil {
			return fmt.Errorf("“%s”的下拉选项太长（%v）", FieldLabel(l.k), err)
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误",
			"“"+FieldLabel(l.k)+"”请从下拉列表中选择："+strings.Join(l.values, "、"))
		if err := f.AddDataValidation(LedgerSheet, dv); err != nil {
			return err
		}
	}
	due, status := letter(col(ledger.FDeadline)), letter(col(ledger.FStatus))
	open := fmt.Sprintf(`$%s2<>"",$%s2<>"%s",$%s2<>"%s"`, due, status, ledger.Answered, status, ledger.FedBack)
	overdue := fmt.Sprintf("AND(%s,$%s2<TODAY())", open, due)
	soon := fmt.Sprintf("AND(%s,$%s2>=TODAY(),$%s2-TODAY()<=%d)", open, due, due, ledger.DueSoonDays)
	return f.SetConditionalFormat(LedgerSheet, fmt.Sprintf("A2:%s%d", lastCol, last), []excelize.ConditionalFormatOptions{
		{Type: "formula", Criteria: overdue, Format: &st.overdue, StopIfTrue: true},
		{Type: "formula", Criteria: soon, Format: &st.dueSoon},
	})
}

func fieldChoices(k ledger.FieldKey) []string {
	f, _ := ledger.FieldOf(k)
	return f.Choices
}
