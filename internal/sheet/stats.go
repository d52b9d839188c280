package sheet

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/ledger"
)

// statsWriter lays out the 统计 sheet: label, count (a formula over the
// 汇总表 with its value cached) and share of the total. It collects the
// rows, which flush then streams: a streamed formula cell keeps its cached
// value's type, a number (excelize's SetCellFormula would make it a
// string), and the sheet's used range is known before it is written.
type statsWriter struct {
	st       *styles
	cells    map[int][]any // row (1-based) → its cells from column A
	row      int           // the next row to write, 1-based
	last     int           // the last row of the 汇总表 ranges
	totalRow int
	total    int
	rows     map[string]int // "status:已答复" → its row, for the rates
}

// ref returns the 汇总表 range of field k, e.g. '汇总表'!$N$2:$N$601.
func (w *statsWriter) ref(k ledger.FieldKey) string {
	return "'" + LedgerSheet + "'!" + colRange(k, w.last)
}

// put writes a row: label, count formula with its cached value, and (when
// share) its share of the total.
func (w *statsWriter) put(key, label, formula string, value int, share bool) {
	r := w.row
	w.row++
	w.rows[key] = r
	third := excelize.Cell{StyleID: w.st.text}
	if share {
		third = excelize.Cell{StyleID: w.st.percent, Value: ratio(value, w.total),
			Formula: fmt.Sprintf("IF($B$%d=0,0,B%d/$B$%d)", w.totalRow, r, w.totalRow)}
	}
	w.cells[r] = []any{w.st.textCell(w.st.text, label), excelize.Cell{StyleID: w.st.count, Value: value, Formula: formula}, third}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// section writes a section heading.
func (w *statsWriter) section(title string) {
	w.row++
	w.cells[w.row] = []any{w.st.textCell(w.st.label, title), excelize.Cell{StyleID: w.st.label, Value: "件数"},
		excelize.Cell{StyleID: w.st.label, Value: "占比"}}
	w.row++
}

// flush streams the rows into the 统计 sheet, with its used range, column
// widths, merged title and chart.
func (w *statsWriter) flush(f *excelize.File, catFirst, catLast int) error {
	if err := f.SetSheetDimension(StatsSheet, fmt.Sprintf("A1:C%d", w.row-1)); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(StatsSheet)
	if err != nil {
		return err
	}
	for c, width := range []float64{22, 10, 10} {
		if err := sw.SetColWidth(c+1, c+1, width); err != nil {
			return err
		}
	}
	for r := 1; r < w.row; r++ {
		if cells, ok := w.cells[r]; ok {
			if err := sw.SetRow("A"+strconv.Itoa(r), cells); err != nil {
				return err
			}
		}
	}
	if err := sw.MergeCell("A1", "C1"); err != nil {
		return err
	}
	if err := categoryChart(f, catFirst, catLast); err != nil {
		return err
	}
	return sw.Flush()
}

// writeStats writes the 统计 sheet: counts by kind, category, status and
// satisfaction, the overdue count, 办复率 and 满意率, all as formulas over
// the 汇总表 that stay live when it is edited, and a chart of categories.
func writeStats(f *excelize.File, st *styles, items []ledger.Item, opt ExportOptions) error {
	if _, err := f.NewSheet(StatsSheet); err != nil {
		return err
	}
	s := ledger.Compute(items, opt.Categories, opt.Today)
	w := &statsWriter{st: st, cells: map[int][]any{}, row: 4, last: len(items) + 1 + spareRows, rows: map[string]int{}}
	w.cells[1] = []any{excelize.Cell{StyleID: st.title, Value: "办理情况统计"}}
	w.cells[2] = []any{excelize.Cell{StyleID: st.text, Value: "各项数字由公式根据“" + LedgerSheet + "”工作表实时计算"}}
	num := w.ref(ledger.FNumber)
	w.totalRow, w.total = w.row, s.Total
	w.put("total", "总件数", "COUNTA("+num+")", s.Total, false)

	w.section("按类型")
	for _, c := range s.ByKind {
		w.put("kind:"+c.Value, c.Value, countIf(w.ref(ledger.FKind), w.row), c.N, true)
	}
	w.section("按答复类别")
	catFirst := w.row
	for _, c := range s.ByCategory {
		if c.Value == "" {
			continue
		}
		w.put("category:"+c.Value, c.Value, countIf(w.ref(ledger.FCategory), w.row), c.N, true)
	}
	catLast := w.row - 1
	w.put("category:", "未分类", blankCount(num, w.ref(ledger.FCategory)),
		s.Total-sumCounts(s.ByCategory, true), true)

	w.section("按办理状态")
	for _, c := range s.ByStatus {
		w.put("status:"+c.Value, c.Value, countIf(w.ref(ledger.FStatus), w.row), c.N, true)
	}
	due, status := w.ref(ledger.FDeadline), w.ref(ledger.FStatus)
	w.put("overdue", "其中超期未办结", fmt.Sprintf(`COUNTIFS(%s,"<"&TODAY(),%s,"<>%s",%s,"<>%s")`,
		due, status, ledger.Answered, status, ledger.FedBack), s.Overdue, true)

	w.section("按满意度")
	for _, c := range s.BySatisfaction {
		if c.Value != "" {
			w.put("satisfaction:"+c.Value, c.Value, countIf(w.ref(ledger.FSatisfaction), w.row), c.N, true)
		}
	}
	w.put("satisfaction:", "未反馈", blankCount(num, w.ref(ledger.FSatisfaction)),
		s.Total-sumCounts(s.BySatisfaction, true), true)

	w.rates(&s)
	return w.flush(f, catFirst, catLast)
}

// rates writes 办复率 and 满意率 from the rows above.
func (w *statsWriter) rates(s *ledger.Stats) {
	w.section("办理成效")
	b := func(key string) string { return fmt.Sprintf("B%d", w.rows[key]) }
	answered := b("status:"+string(ledger.Answered)) + "+" + b("status:"+string(ledger.FedBack))
	w.rateRow("rate:reply", "办复率（已答复、已反馈占总件数）", fmt.Sprintf("IF(B%d=0,0,(%s)/B%d)", w.totalRow, answered, w.totalRow), s.ReplyRate())
	good := b("satisfaction:"+string(ledger.Satisfied)) + "+" + b("satisfaction:"+string(ledger.Basic))
	rated := good + "+" + b("satisfaction:"+string(ledger.Unsatisfied))
	w.rateRow("rate:satisfaction", "满意率（满意、基本满意占已反馈）", fmt.Sprintf("IF((%s)=0,0,(%s)/(%s))", rated, good, rated), s.SatisfactionRate())
}

func (w *statsWriter) rateRow(key, label, formula string, value float64) {
	r := w.row
	w.row++
	w.cells[r] = []any{w.st.textCell(w.st.text, label), excelize.Cell{StyleID: w.st.percent, Value: value, Formula: formula},
		excelize.Cell{StyleID: w.st.text}}
	w.rows[key] = r
}

// countIf is COUNTIFS of a range against the label in column A of row r.
func countIf(rng string, r int) string {
	return fmt.Sprintf("COUNTIFS(%s,$A%d)", rng, r)
}

// blankCount counts the items (rows with a number) whose column rng is
// blank. It is written without the "" criterion, which not every
// spreadsheet program matches with blank cells.
func blankCount(num, rng string) string {
	return fmt.Sprintf(`COUNTA(%s)-COUNTIFS(%s,"<>",%s,"<>")`, num, num, rng)
}

// sumCounts adds the counts, leaving out the blank value when skipBlank.
func sumCounts(cs []ledger.Count, skipBlank bool) int {
	n := 0
	for _, c := range cs {
		if c.Value != "" || !skipBlank {
			n += c.N
		}
	}
	return n
}

// categoryChart adds a column chart of the category counts beside them.
func categoryChart(f *excelize.File, first, last int) error {
	if last < first {
		return nil
	}
	sheet := "'" + StatsSheet + "'!"
	return f.AddChart(StatsSheet, "E4", &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name:       sheet + "$B$" + fmt.Sprint(first-1),
			Categories: fmt.Sprintf("%s$A$%d:$A$%d", sheet, first, last),
			Values:     fmt.Sprintf("%s$B$%d:$B$%d", sheet, first, last),
		}},
		Title:    excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "答复类别分布", Font: &excelize.Font{Family: fontFamily, Bold: true, Size: 14}}}},
		Legend:   excelize.ChartLegend{Position: "none"},
		PlotArea: excelize.ChartPlotArea{ShowVal: true},
		Format:   excelize.GraphicOptions{OffsetX: 10, OffsetY: 10},
	})
}
