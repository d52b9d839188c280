package ui

import (
	"reflect"
	"slices"
	"testing"

	"replydesk/internal/reply"
)

// gridTexts returns the header and rows of m as strings.
func gridTexts(m *gridModel) (header []string, rows [][]string) {
	row := func(cells []*gridCell) []string {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = c.text
		}
		return out
	}
	header = row(m.header)
	for _, r := range m.rows {
		rows = append(rows, row(r))
	}
	return header, rows
}

func TestGridModelPadsAndReads(t *testing.T) {
	m := newGridModel(&reply.Table{Header: []string{"序号"}, Rows: [][]string{{"1", "甲", "x"}, {"2"}}, Widths: []int{1, 4, 2}})
	h, rows := gridTexts(m)
	if !reflect.DeepEqual(h, []string{"序号", "", ""}) || !reflect.DeepEqual(rows, [][]string{{"1", "甲", "x"}, {"2", "", ""}}) {
		t.Fatalf("padded: %q %q", h, rows)
	}
	if m.row != -2 || m.col != -1 || m.where() != "" {
		t.Errorf("a new model has current cell %d,%d (%q)", m.row, m.col, m.where())
	}
	m.rows[1][1].text = "乙" // as the cell's entry does when typed into
	got := m.table()
	want := &reply.Table{Header: []string{"序号", "", ""}, Rows: [][]string{{"1", "甲", "x"}, {"2", "乙", ""}}, Widths: []int{1, 4, 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("table: %+v, want %+v", got, want)
	}
	got.Widths[0] = 9
	if m.widths[0] != 1 {
		t.Error("the table read shares its widths with the model")
	}

	empty := newGridModel(&reply.Table{})
	if empty.columns() != 1 || len(empty.rows) != 0 || empty.filled() {
		t.Errorf("empty table: %d columns, %d rows, filled %v", empty.columns(), len(empty.rows), empty.filled())
	}
	blank := newGridModel(&reply.Table{Header: []string{" ", ""}, Rows: [][]string{{"a", "b"}}})
	if tb := blank.table(); tb.Header != nil || tb.Widths != nil || !blank.filled() {
		t.Errorf("a blank header is no header: %+v, filled %v", tb, blank.filled())
	}
}

func TestGridModelRows(t *testing.T) {
	m := newGridModel(&reply.Table{Header: []string{"A", "B"}, Rows: [][]string{{"1"}, {"2"}, {"3"}}})
	if at := m.newRowAt(); at != 3 {
		t.Errorf("no current cell: a new row goes at %d, want the end", at)
	}
	if act := m.actions(); !act.deleteRow || act.up || act.down || !act.deleteColumn {
		t.Errorf("actions with no current cell: %+v", act)
	}
	m.setCurrent(1, 1)
	if m.where() != "当前：第2行第2列" || m.setCurrent(1, 1) {
		t.Errorf("where %q; setting the same cell again reports a change", m.where())
	}
	m.insertRows(m.newRowAt(), [][]string{{"2a", "x", "dropped?"}, nil})
	_, rows := gridTexts(m)
	if want := [][]string{{"1", ""}, {"2", ""}, {"2a", "x"}, {"", ""}, {"3", ""}}; !reflect.DeepEqual(rows, want) || m.row != 1 {
		t.Errorf("after inserting two rows after row 2: %q, current %d", rows, m.row)
	}
	m.insertRows(0, [][]string{{"0"}})
	if m.row != 2 {
		t.Errorf("a row inserted above the current one: current %d, want 2", m.row)
	}
	if i, j, ok := m.moveRow(-1); !ok || i != 2 || j != 1 {
		t.Errorf("moveRow(-1) = %d, %d, %v", i, j, ok)
	}
	_, rows = gridTexts(m)
	if rows[1][0] != "2" || rows[2][0] != "1" || m.row != 2 {
		t.Errorf("after moving row 3 up: %q, current %d", rows, m.row)
	}
	m.setCurrent(0, 0)
	if _, _, ok := m.moveRow(-1); ok {
		t.Error("the first row moved up")
	}
	m.setCurrent(len(m.rows)-1, 0)
	if _, _, ok := m.moveRow(1); ok || m.actions().down {
		t.Error("the last row moved down")
	}
	// Deleting the last row makes the row before it current.
	if at, ok := m.deleteRow(); !ok || at != 5 || m.row != 4 || len(m.rows) != 5 {
		t.Errorf("deleteRow = %d, %v; current %d of %d rows", at, ok, m.row, len(m.rows))
	}
	m.setCurrent(-1, 0)
	if _, ok := m.deleteRow(); ok || m.actions().deleteRow || m.newRowAt() != 0 {
		t.Error("the header deleted a row, or a new row does not go at the top")
	}
	m.setCurrent(0, 0)
	for range 5 {
		m.deleteRow()
	}
	if len(m.rows) != 0 || m.row != -1 {
		t.Errorf("after deleting every row: %d rows, current %d (want the header)", len(m.rows), m.row)
	}
	if _, ok := m.deleteRow(); ok {
		t.Error("deleted a row of none")
	}
}

func TestGridModelColumns(t *testing.T) {
	m := newGridModel(&reply.Table{Header: []string{"A", "B", "C"}, Rows: [][]string{{"1", "2", "3"}}, Widths: []int{1, 5, 3}})
	if at := m.newColumnAt(); at != 3 {
		t.Errorf("a new column with no current cell goes at %d", at)
	}
	m.setCurrent(0, 0)
	m.insertColumns(m.newColumnAt(), 2)
	h, rows := gridTexts(m)
	if !reflect.DeepEqual(h, []string{"A", "", "", "B", "C"}) || !reflect.DeepEqual(rows[0], []string{"1", "", "", "2", "3"}) {
		t.Errorf("after inserting two columns after A: %q %q", h, rows)
	}
	if !reflect.DeepEqual(m.widths, []int{1, 3, 3, 5, 3}) {
		t.Errorf("new columns take the middle width: %v", m.widths)
	}
	m.setCurrent(0, 3)
	if at, ok := m.deleteColumn(); !ok || at != 3 || !reflect.DeepEqual(m.widths, []int{1, 3, 3, 3}) {
		t.Errorf("deleteColumn = %d, %v; widths %v", at, ok, m.widths)
	}
	m.setCurrent(-2, -1)
	for m.columns() > 1 {
		m.deleteColumn()
	}
	if h, _ := gridTexts(m); !reflect.DeepEqual(h, []string{"A"}) || m.actions().deleteColumn {
		t.Errorf("deleting the last columns leaves %q", h)
	}
	if _, ok := m.deleteColumn(); ok || m.columns() != 1 {
		t.Error("a table lost its only column")
	}
}

func TestGridModelPasteRoomAndWeights(t *testing.T) {
	m := newGridModel(&reply.Table{Header: []string{"序号", "名称"}, Rows: [][]string{{"1", "某某汽车零部件有限公司"}}})
	cells := splitCells("a\tb\tc\nd\n")
	if cols, rows := m.pasteRoom(0, 1, cells); cols != 2 || rows != 1 {
		t.Errorf("room for 2×3 cells at row 1 column 2: %d columns, %d rows", cols, rows)
	}
	if cols, rows := m.pasteRoom(-1, 0, [][]string{{"x"}}); cols != 0 || rows != 0 {
		t.Errorf("one cell in the header needs %d columns, %d rows", cols, rows)
	}
	// The longest text, from 2 to 20 characters; at least a quarter of the widest.
	if w := m.weights(); !slices.Equal(w, []int{27, 110}) {
		t.Errorf("weights by text: %v", w)
	}
	m.rows[0][1].text = "一个名称长得超过二十个字的企业的全称以及它的地址"
	if w := m.weights(); !slices.Equal(w, []int{50, 200}) {
		t.Errorf("weights by a long text: %v", w)
	}
	m.widths = []int{1, 3}
	if w := m.weights(); !slices.Equal(w, []int{100, 300}) {
		t.Errorf("weights by the table's widths: %v", w)
	}
}

func TestGridModelShownRows(t *testing.T) {
	m := newGridModel(&reply.Table{Rows: make([][]string, 500)})
	// Lines 20 high, a screen of 400 scrolled to row 100: a screen above
	// (from row 80) and two below.
	got := m.shownRows(100*20, 400, 20)
	if len(got) != 61 || got[0] != 80 || got[60] != 140 {
		t.Errorf("shown from row 100: %d rows, %v…%v", len(got), got[0], got[len(got)-1])
	}
	m.setCurrent(3, 0)
	if got := m.shownRows(100*20, 400, 20); got[len(got)-1] != 3 || len(got) != 62 {
		t.Errorf("the current row is not kept in: %v", got[len(got)-3:])
	}
	if got := m.shownRows(-500, 400, 20); len(got) != 16 || got[0] != 0 {
		t.Errorf("above the table: %v", got)
	}
	if got := m.shownRows(490*20, 400, 20); len(got) != 31 || got[0] != 470 || got[29] != 499 || got[30] != 3 {
		t.Errorf("at the end: %v", got)
	}
	if got := m.shownRows(20000, 400, 20); !slices.Equal(got, []int{3}) {
		t.Errorf("past the end: %v", got)
	}
}
