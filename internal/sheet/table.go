package sheet

import (
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/reply"
)

// TableSheet is the sheet name of an exported attachment table.
const TableSheet = "附件"

// tableWidth is the total column width (in Excel units) an attachment
// table with relative widths is scaled to: about the width of A4 portrait.
const tableWidth = 90

// WriteTableFile writes an attachment table to path atomically; see
// WriteTable.
func WriteTableFile(path, title string, t *reply.Table) error {
	return writeFile(path, func(w io.Writer) error { return WriteTable(w, title, t) })
}

// WriteTable writes an attachment (附件) table to w as a formatted
// workbook: the title centred over the table, a styled header row that is
// frozen and repeated on every printed page, ruled cells that wrap, and
// column widths in the table's proportions (or fitted to the text).
// Whole numbers without leading zeros become numbers; every other cell is
// text, never a formula.
func WriteTable(w io.Writer, title string, t *reply.Table) error {
	return WriteNamedTable(w, TableSheet, title, t)
}

// WriteNamedTable writes a table as WriteTable does, on a sheet of the
// given name (e.g. "公开目录"), which is at most 31 characters and holds
// none of : \ / ? * [ ].
func WriteNamedTable(w io.Writer, sheet, title string, t *reply.Table) error {
	return WriteLinkedTable(w, sheet, title, t)
}

// WriteLinkedTable writes a table as WriteNamedTable does, with the cells
// of the columns links (counted from 0) made links to the files they
// name, relative to the workbook: a click in Excel, WPS or LibreOffice
// opens the file. A link is Excel's HYPERLINK formula with the name as
// its cached value, so the cell reads the same without recalculation; a
// name too long for the formula stays plain text.
func WriteLinkedTable(w io.Writer, sheet, title string, t *reply.Table, links ...int) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	n := tableColumns(t)
	if n == 0 {
		n = 1
	}
	if err := f.SetSheetDimension(sheet, "A1:"+letter(n-1)+strconv.Itoa(len(t.Rows)+2)); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for c, width := range tableWidths(t, n) {
		if err := sw.SetColWidth(c+1, c+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: title}}, excelize.RowOpts{Height: 36}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", tableRow(st, t.Header, n, st.header, false)); err != nil {
		return err
	}
	for i, r := range t.Rows {
		row := tableRow(st, r, n, st.wrap, true)
		for _, c := range links {
			if c >= 0 && c < len(r) && c < n {
				row[c] = linkCell(st.wrap, r[c], row[c])
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+3), row); err != nil {
			return err
		}
	}
	if n > 1 {
		if err := sw.MergeCell("A1", letter(n-1)+"1"); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := tablePage(f, sheet, n, t); err != nil {
		return err
	}
	return f.Write(w)
}

// tablePage sets A4 paper, landscape for wide tables, and the header row
// repeated on each printed page.
func tablePage(f *excelize.File, sheet string, n int, t *reply.Table) error {
	a4, orient := 9, "portrait"
	total := 0.0
	for _, w := range tableWidths(t, n) {
		total += w
	}
	if total > tableWidth+10 {
		orient = "landscape"
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$2:$2", Scope: sheet})
}

// tableColumns is the number of columns: the header's or the widest row's.
func tableColumns(t *reply.Table) int {
	n := len(t.Header)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	return n
}

// tableRow makes the cells of a row, padded to n columns; text that
// looks like a formula gets the quote prefix (see styles.textCell).
// linkCell is a cell linking to the file named path, or plain when the
// path is empty or too long for a formula's string (255 characters).
func linkCell(style int, path string, plain any) any {
	if path == "" || utf8.RuneCountInString(path) > 255 {
		return plain
	}
	q := `"` + strings.ReplaceAll(path, `"`, `""`) + `"`
	return excelize.Cell{StyleID: style, Formula: "HYPERLINK(" + q + "," + q + ")", Value: path}
}

func tableRow(st *styles, cells []string, n, style int, numbers bool) []any {
	row := make([]any, n)
	for c := range row {
		v := ""
		if c < len(cells) {
			v = cells[c]
		}
		row[c] = st.textCell(style, v)
		if numbers {
			if i, err := strconv.ParseInt(v, 10, 64); err == nil && strconv.FormatInt(i, 10) == v && len(v) < 16 {
				row[c] = excelize.Cell{StyleID: style, Value: i}
			}
		}
	}
	return row
}

// tableWidths returns the column widths: the relative widths scaled by a
// whole factor (so that reading them back gives the same proportions), or
// widths fitted to the text.
func tableWidths(t *reply.Table, n int) []float64 {
	out := make([]float64, n)
	if len(t.Widths) == n {
		sum, hi := 0, 1
		for _, w := range t.Widths {
			sum += max(w, 1)
			hi = max(hi, w)
		}
		k := max(1, min(int(math.Round(float64(tableWidth)/float64(sum))), 255/hi))
		for c, w := range t.Widths {
			out[c] = float64(max(w, 1) * k)
		}
		return out
	}
	for c := range out {
		widest := 0
		if c < len(t.Header) {
			widest = textWidth(t.Header[c])
		}
		for _, r := range t.Rows {
			if c < len(r) {
				widest = max(widest, textWidth(r[c]))
			}
		}
		out[c] = fitWidth(widest, 6, 40)
	}
	return out
}

// ReadTableFile reads an attachment table from the workbook at path; see
// ReadTable.
func ReadTableFile(path string) (title string, t *reply.Table, err error) {
	wb, err := openFile(path, false)
	if err != nil {
		return "", nil, err
	}
	defer wb.Close()
	return readTable(wb)
}

// ReadTable reads an attachment table from the first sheet of a workbook:
// an optional title row (one text, usually merged across the table), the
// header row, then the data rows as the cells show them (numbers and dates
// formatted); blank rows are skipped. Widths are the column widths of the
// sheet in their smallest whole proportions.
func ReadTable(r io.Reader) (title string, t *reply.Table, err error) {
	wb, err := openReader(r, false)
	if err != nil {
		return "", nil, err
	}
	defer wb.Close()
	return readTable(wb)
}

func readTable(wb *workbook) (string, *reply.Table, error) {
	name := wb.GetSheetList()[0]
	grid, scan, err := readGrid(wb, name, nil)
	if err != nil {
		return "", nil, err
	}
	var rows [][]string
	for _, r := range grid {
		if !blank(r) {
			rows = append(rows, trimRow(r))
		}
	}
	if len(rows) == 0 {
		return "", nil, &FileError{Path: wb.path, Kind: NoTable}
	}
	title := ""
	if len(rows) > 1 && isTitleRow(rows[0]) && len(nonBlank(rows[1])) > 1 {
		title, rows = strings.TrimSpace(nonBlank(rows[0])[0]), rows[1:]
	}
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	t := &reply.Table{Header: pad(rows[0], n)}
	for _, r := range rows[1:] {
		t.Rows = append(t.Rows, pad(r, n))
	}
	t.Widths = readWidths(scan, n)
	return title, t, nil
}

// isTitleRow reports whether a row holds one text only (a merged title
// repeats it in each of its cells).
func isTitleRow(r []string) bool {
	vs := nonBlank(r)
	for _, v := range vs {
		if v != vs[0] {
			return false
		}
	}
	return len(vs) > 0
}

func trimRow(r []string) []string {
	for len(r) > 0 && strings.TrimSpace(r[len(r)-1]) == "" {
		r = r[:len(r)-1]
	}
	out := make([]string, len(r))
	for i, c := range r {
		out[i] = strings.TrimSpace(c)
	}
	return out
}

func pad(r []string, n int) []string {
	out := make([]string, n)
	copy(out, r)
	return out
}

// readWidths returns the column widths divided by their greatest common
// divisor.
func readWidths(scan *sheetScan, n int) []int {
	out := make([]int, n)
	g := 0
	for c := range out {
		out[c] = max(1, int(math.Round(scan.width(c+1))))
		g = gcd(g, out[c])
	}
	for c := range out {
		out[c] /= max(g, 1)
	}
	return out
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
