package ui

import (
	"fmt"
	"slices"
	"strings"

	"replydesk/internal/reply"
)

// gridCell is the text of one cell of a table being edited. The grid's
// entry of the cell writes what is typed into it.
type gridCell struct{ text string }

// gridModel is a table being edited, apart from the widgets that show it:
// the header and the rows of cells, the relative widths of the columns,
// and the current cell (the one the buttons act on). Its operations
// change the table as the grid's buttons, keys and pastes do; the grid
// (tableGrid) makes the same change to its widgets.
type gridModel struct {
	header   []*gridCell
	rows     [][]*gridCell
	widths   []int // the table's relative widths, kept and edited with the columns
	row, col int   // the current cell; row -1 is the header, -2 (col -1) none
}

// newGridModel is the model of t; ragged rows are padded to the widest,
// and a table has at least one column.
func newGridModel(t *reply.Table) *gridModel {
	m := &gridModel{row: -2, col: -1}
	n := len(t.Header)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	n = max(n, 1)
	if t.Widths != nil {
		m.widths = slices.Clone(t.Widths)
	}
	m.header = newGridCells(t.Header, n)
	for _, r := range t.Rows {
		m.rows = append(m.rows, newGridCells(r, n))
	}
	return m
}

// newGridCells makes a row of n cells holding texts, padded with empty ones.
func newGridCells(texts []string, n int) []*gridCell {
	slab := make([]gridCell, n) // one allocation for the row's cells
	cells := make([]*gridCell, n)
	for c := range cells {
		if c < len(texts) {
			slab[c].text = texts[c]
		}
		cells[c] = &slab[c]
	}
	return cells
}

func (m *gridModel) columns() int { return len(m.header) }

// at returns the cell at row (-1: the header) and col, or nil.
func (m *gridModel) at(row, col int) *gridCell {
	if col < 0 || col >= m.columns() || row < -1 || row >= len(m.rows) {
		return nil
	}
	if row == -1 {
		return m.header[col]
	}
	return m.rows[row][col]
}

// setCurrent makes a cell the current one; it reports whether that
// changed anything.
func (m *gridModel) setCurrent(row, col int) bool {
	if row == m.row && col == m.col {
		return false
	}
	m.row, m.col = row, col
	return true
}

// newRowAt is where a new row goes: after the current one (at the top
// when the header is current), at the end when no cell is current.
func (m *gridModel) newRowAt() int {
	if m.row >= -1 {
		return m.row + 1
	}
	return len(m.rows)
}

// insertRows adds rows of texts at index at; the current cell stays on
// its row.
func (m *gridModel) insertRows(at int, texts [][]string) {
	for i, t := range texts {
		m.rows = slices.Insert(m.rows, at+i, newGridCells(t, m.columns()))
	}
	if m.row >= at {
		m.row += len(texts)
	}
}

// deleteRow deletes the current row, or the last when no cell is current;
// the next row becomes current, or the header when none is left. It
// returns the index of the row deleted; ok is false when there is no row
// or the header is current.
func (m *gridModel) deleteRow() (at int, ok bool) {
	if len(m.rows) == 0 || m.row == -1 {
		return 0, false
	}
	at = len(m.rows) - 1
	if m.row >= 0 {
		at = m.row
	}
	m.rows = slices.Delete(m.rows, at, at+1)
	if m.row >= 0 {
		m.row = min(at, len(m.rows)-1)
	}
	return at, true
}

// moveRow swaps the current row with the one above (d = -1) or below
// (d = 1) and returns both indexes; ok is false when there is none. The
// current cell stays where it is: the grid follows the row with the focus.
func (m *gridModel) moveRow(d int) (i, j int, ok bool) {
	i, j = m.row, m.row+d
	if i < 0 || j < 0 || j >= len(m.rows) {
		return 0, 0, false
	}
	m.rows[i], m.rows[j] = m.rows[j], m.rows[i]
	return i, j, true
}

// newColumnAt is where a new column goes: after the current one, at the
// end when no cell is current.
func (m *gridModel) newColumnAt() int {
	if m.col >= 0 {
		return m.col + 1
	}
	return m.columns()
}

// insertColumns adds n empty columns at index at; a new column is as wide
// as the middle one of the others.
func (m *gridModel) insertColumns(at, n int) {
	if len(m.widths) == m.columns() && len(m.widths) > 0 {
		sorted := slices.Sorted(slices.Values(m.widths))
		w := sorted[(len(sorted)-1)/2]
		for range n {
			m.widths = slices.Insert(m.widths, at, w)
		}
	}
	for range n {
		m.header = slices.Insert(m.header, at, &gridCell{})
		for i := range m.rows {
			m.rows[i] = slices.Insert(m.rows[i], at, &gridCell{})
		}
	}
}

// deleteColumn deletes the current column, or the last when no cell is
// current, and returns its index; a table keeps one column (ok false).
func (m *gridModel) deleteColumn() (at int, ok bool) {
	n := m.columns()
	if n <= 1 {
		return 0, false
	}
	at = n - 1
	if m.col >= 0 {
		at = m.col
	}
	if len(m.widths) == n {
		m.widths = slices.Delete(m.widths, at, at+1)
	}
	m.header = slices.Delete(m.header, at, at+1)
	for i := range m.rows {
		m.rows[i] = slices.Delete(m.rows[i], at, at+1)
	}
	return at, true
}

// pasteRoom returns how many columns and rows must be added for cells to
// be pasted from row and col.
func (m *gridModel) pasteRoom(row, col int, cells [][]string) (cols, rows int) {
	wide := 0
	for _, r := range cells {
		wide = max(wide, len(r))
	}
	return max(col+wide-m.columns(), 0), max(row+len(cells)-len(m.rows), 0)
}

// weights are the proportions the columns are shown in: the table's
// widths, or else (as the printed table) the length of each column's
// longest text, from 2 to 20 characters. A column gets at least a
// quarter of the widest: the editor needs room for short columns too (序号).
func (m *gridModel) weights() []int {
	n := m.columns()
	weights := make([]int, n)
	for c := range weights {
		if len(m.widths) == n && m.widths[c] > 0 {
			weights[c] = m.widths[c] * 100
			continue
		}
		longest := len([]rune(m.header[c].text))
		for _, r := range m.rows {
			longest = max(longest, len([]rune(r[c].text)))
		}
		weights[c] = min(max(longest, 2), 20) * 10
	}
	hi := slices.Max(weights)
	for c, w := range weights {
		weights[c] = max(w, hi/4, 1)
	}
	return weights
}

// filled reports whether any cell holds text.
func (m *gridModel) filled() bool {
	for _, c := range m.header {
		if strings.TrimSpace(c.text) != "" {
			return true
		}
	}
	for _, r := range m.rows {
		for _, c := range r {
			if strings.TrimSpace(c.text) != "" {
				return true
			}
		}
	}
	return false
}

// table returns the table as edited; a header left blank is no header.
func (m *gridModel) table() *reply.Table {
	t := &reply.Table{}
	texts := func(cells []*gridCell) []string {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = c.text
		}
		return out
	}
	for _, c := range m.header {
		if strings.TrimSpace(c.text) != "" {
			t.Header = texts(m.header)
			break
		}
	}
	for _, r := range m.rows {
		t.Rows = append(t.Rows, texts(r))
	}
	if m.widths != nil {
		t.Widths = slices.Clone(m.widths)
	}
	return t
}

// where says which cell is current: "当前：第2行第1列".
func (m *gridModel) where() string {
	switch {
	case m.row == -1:
		return fmt.Sprintf("当前：表头第%d列", m.col+1)
	case m.row >= 0:
		return fmt.Sprintf("当前：第%d行第%d列", m.row+1, m.col+1)
	}
	return ""
}

// gridActions says which of the grid's buttons apply to the current cell.
type gridActions struct{ deleteRow, up, down, deleteColumn bool }

func (m *gridModel) actions() gridActions {
	return gridActions{
		deleteRow:    len(m.rows) > 0 && m.row != -1,
		up:           m.row > 0,
		down:         m.row >= 0 && m.row < len(m.rows)-1,
		deleteColumn: m.columns() > 1,
	}
}

// shownRows returns the rows whose lines are put in the grid: those of
// the screen, of a screen above and one below, and the current row. top
// is the y of the screen from the first row, view its height and step the
// distance from a line to the next.
func (m *gridModel) shownRows(top, view, step float32) []int {
	first := min(max(int((top-view)/step), 0), len(m.rows))
	last := min(max(int((top+2*view)/step)+1, first), len(m.rows))
	return m.withCurrent(first, last)
}

// withCurrent lists the rows from first up to last, and the current row
// when it is not among them.
func (m *gridModel) withCurrent(first, last int) []int {
	shown := make([]int, 0, last-first+1)
	for i := first; i < last; i++ {
		shown = append(shown, i)
	}
	if m.row >= 0 && m.row < len(m.rows) && (m.row < first || m.row >= last) {
		shown = append(shown, m.row)
	}
	return shown
}

// splitCells reads cells copied from a spreadsheet: rows on lines, cells
// separated by tabs. It returns nil for plain text (one cell).
func splitCells(s string) [][]string {
	s = strings.TrimSuffix(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if !strings.ContainsAny(s, "\t\n") {
		return nil
	}
	var out [][]string
	for _, line := range strings.Split(s, "\n") {
		out = append(out, strings.Split(line, "\t"))
	}
	return out
}
