package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/reply"
	"replydesk/internal/tomlfile"
)

// tableFile is a reply with a text attachment and a table of 26 rows.
const tableFile = "../layout/testdata/attachments.reply.toml"

func tableReply(t *testing.T) *reply.Reply {
	t.Helper()
	r, err := tomlfile.ReadReplyFile(tableFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Attachments) != 2 || r.Attachments[1].Table == nil {
		t.Fatalf("%s: attachments %+v", tableFile, r.Attachments)
	}
	return r
}

// retype clears an entry and types text into it as a user would.
func retype(e interface {
	fyne.Focusable
	SetText(string)
}, text string) {
	e.SetText("")
	test.Type(e, text)
}

func TestAttachmentsLoadUnchanged(t *testing.T) {
	u, _ := newUI(t)
	r := tableReply(t)
	u.Load(r, 0, "")
	if got := u.Reply().Attachments; !reflect.DeepEqual(got, r.Attachments) {
		t.Errorf("attachments read back differ:\n got %+v\nwant %+v", got, r.Attachments)
	}
	ed := u.form.attach.items[1]
	if !ed.isTable || ed.kind.Selected != kindTable || u.form.attach.items[0].kind.Selected != kindText {
		t.Errorf("kinds shown: %q, %q", u.form.attach.items[0].kind.Selected, ed.kind.Selected)
	}
	if n, m := len(ed.table.rowLines), len(ed.table.lines.Objects); n != 26 || m != len(ed.table.shown)+1 || m < 2 {
		t.Errorf("grid has %d lines, %d shown with the header, rows %v", n, m, ed.table.shown)
	}
}

func TestEditAttachmentTable(t *testing.T) {
	u, _ := newUI(t)
	u.Load(tableReply(t), 0, "")
	u.form.tabs.SelectIndex(tabCC) // only a shown cell takes the focus
	u.Settle()
	u.status.SetText("")
	g := u.form.attach.items[1].table
	line, first := g.rowLines[0], g.rows[0][0]

	retype(g.rows[0][1], "改名后的汽车零部件有限公司")
	if u.status.Text != "有未保存的修改" {
		t.Errorf("typing in a cell did not report a change: status %q", u.status.Text)
	}
	if g.rowLines[0] != line || g.rows[0][0] != first {
		t.Error("typing in a cell rebuilt the grid")
	}
	if g.m.row != 0 || g.m.col != 1 {
		t.Errorf("current cell %d,%d after typing in row 0 column 1", g.m.row, g.m.col)
	}

	test.Tap(g.addRow) // after row 1
	if g.m.row != 1 {
		t.Fatalf("current row %d after adding a row", g.m.row)
	}
	if u.Window.Canvas().Focused() != g.rows[1][0] {
		t.Error("the new row's first cell is not focused")
	}
	retype(g.rows[1][0], "1a")
	retype(g.rows[1][1], "新增的企业")
	test.Tap(g.addCol) // after column 2
	if u.Window.Canvas().Focused() != g.header[2] {
		t.Error("the new column's header is not focused")
	}
	retype(g.header[2], "备注")
	retype(g.rows[1][2], "新增")
	if g.rowLines[0] != line || g.rows[0][0] != first {
		t.Error("adding a row or a column made new entries for the cells already there")
	}

	u.Settle()
	tb := u.Reply().Attachments[1].Table
	if want := []string{"序号", "企业名称", "备注", "所在区"}; !slices.Equal(tb.Header, want) {
		t.Errorf("header %q, want %q", tb.Header, want)
	}
	if want := []int{1, 5, 2, 2}; !slices.Equal(tb.Widths, want) {
		t.Errorf("widths %v, want %v", tb.Widths, want)
	}
	if len(tb.Rows) != 27 {
		t.Fatalf("%d rows, want 27", len(tb.Rows))
	}
	for i, want := range [][]string{
		{"1", "改名后的汽车零部件有限公司", "", "经开区"},
		{"1a", "新增的企业", "新增", ""},
		{"2", "某轨道装备股份有限公司", "", "绿园区"},
	} {
		if !slices.Equal(tb.Rows[i], want) {
			t.Errorf("row %d: %q, want %q", i, tb.Rows[i], want)
		}
	}
	if doc := dump(t, u.Reply()); !strings.Contains(doc, "新增的企业") {
		t.Error("the typeset reply lacks the new row")
	}
	for _, p := range u.Problems() {
		if strings.HasPrefix(p.Field, "attachments") {
			t.Errorf("problem with the edited table: %v", p)
		}
	}
}

func TestTableRowAndColumnOps(t *testing.T) {
	u, _ := newUI(t)
	u.Load(tableReply(t), 0, "")
	u.form.tabs.SelectIndex(tabCC)
	g := u.form.attach.items[1].table
	rows := func() [][]string { return u.Reply().Attachments[1].Table.Rows }

	g.focus(2, 0) // row "3"
	test.Tap(g.up)
	if got := rows(); got[1][0] != "3" || got[2][0] != "2" || g.m.row != 1 {
		t.Errorf("after moving row 3 up: %q %q, current %d", got[1], got[2], g.m.row)
	}
	if g.numbers[1].Text != "2" || !g.numbers[1].TextStyle.Bold || g.numbers[2].TextStyle.Bold {
		t.Error("row numbers not updated after a move")
	}
	test.Tap(g.down)
	test.Tap(g.down)
	if got := rows(); got[1][0] != "2" || got[2][0] != "4" || got[3][0] != "3" || g.m.row != 3 {
		t.Errorf("after moving it down twice: %q, current %d", got[:4], g.m.row)
	}

	test.Tap(g.delRow)
	if got := rows(); len(got) != 25 || got[2][0] != "4" || got[3][0] != "5" || g.m.row != 3 {
		t.Errorf("after deleting the moved row: %d rows, %q, current %d", len(got), got[:4], g.m.row)
	}
	if !g.numbers[3].TextStyle.Bold || g.numbers[3].Text != "4" {
		t.Error("the row after the deleted one is not marked current")
	}
	if len(g.rowLines) != 25 || len(g.lines.Objects) != len(g.shown)+1 || !slices.Contains(g.lines.Objects, fyne.CanvasObject(g.rowLines[3])) {
		t.Errorf("grid has %d lines, %d shown after a deletion", len(g.rowLines), len(g.lines.Objects))
	}

	g.focus(0, 1)
	test.Tap(g.delCol)
	tb := u.Reply().Attachments[1].Table
	if !slices.Equal(tb.Header, []string{"序号", "所在区"}) || !slices.Equal(tb.Widths, []int{1, 2}) || !slices.Equal(tb.Rows[0], []string{"1", "经开区"}) {
		t.Errorf("after deleting column 2: %q %v %q", tb.Header, tb.Widths, tb.Rows[0])
	}
	test.Tap(g.delCol)
	if g.m.columns() != 1 || !g.delCol.Disabled() {
		t.Errorf("%d columns, delete enabled %v", g.m.columns(), !g.delCol.Disabled())
	}
	test.Tap(g.delCol)
	if g.m.columns() != 1 {
		t.Error("the last column was deleted")
	}

	// Enter goes down a row, and past the last row adds one.
	last := len(g.rows) - 1
	g.focus(last, 0)
	g.rows[last][0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(g.rows) != last+2 || g.m.row != last+1 || g.m.col != 0 {
		t.Errorf("Enter on the last row: %d rows, current %d,%d", len(g.rows), g.m.row, g.m.col)
	}
	g.focus(0, 0)
	g.rows[0][0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if g.m.row != -1 || !g.delRow.Disabled() {
		t.Errorf("↑ from the first row: current %d, delete row enabled %v", g.m.row, !g.delRow.Disabled())
	}
}

// TestWheelOverTable scrolls the attachments with the mouse wheel over
// the cells, which as entries would otherwise take it.
func TestWheelOverTable(t *testing.T) {
	u, _ := newUI(t)
	r := tableReply(t)
	r.Attachments = r.Attachments[1:]
	u.Load(r, 0, "")
	u.form.tabs.SelectIndex(tabCC)
	scroll := u.form.attach.scroll
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(scroll).Y
	var pos fyne.Position
	for _, row := range u.form.attach.items[0].table.rows {
		if p := d.AbsolutePositionForObject(row[1]); p.Y > top && p.Y+40 < top+scroll.Size().Height {
			pos = p.Add(fyne.NewPos(10, 10))
			break
		}
	}
	if pos.IsZero() {
		t.Fatalf("no cell shown in the scroll of %v at %v", scroll.Size(), top)
	}
	test.Scroll(u.Window.Canvas(), pos, 0, -120)
	if scroll.Offset.Y <= 0 {
		t.Errorf("the wheel over a cell did not scroll the attachments: offset %v", scroll.Offset)
	}
}

// TestLargeTableWindow shows only the rows of a large table near the
// screen, and follows the scroll and the focus.
func TestLargeTableWindow(t *testing.T) {
	u, _ := newUI(t)
	u.form.tabs.SelectIndex(tabCC)
	u.Load(bigTable(t, 500), 0, "")
	g := u.form.attach.items[0].table
	scroll := u.form.attach.scroll
	check := func(when string, first, last int) {
		t.Helper()
		n := len(g.shown)
		if n == 0 || n > 100 || g.shown[0] != first || g.shown[n-1] != last || len(g.lines.Objects) != n+1 {
			t.Errorf("%s: %d rows shown, %v…%v, want from %d to %d", when, n, g.shown[:min(n, 3)], g.shown[max(n-3, 0):], first, last)
		}
		for k, o := range g.lines.Objects[1:] {
			if o != g.rowLines[g.shown[k]] {
				t.Fatalf("%s: line %d is not the line of row %d", when, k, g.shown[k])
			}
		}
	}
	check("at first", 0, g.shown[len(g.shown)-1])
	scrollsAll := func(when string) {
		t.Helper()
		if c := scroll.Content; c.Size().Height < c.MinSize().Height || c.MinSize().Height < g.lines.MinSize().Height {
			t.Errorf("%s: the attachments are %v high in the scroll, need %v", when, c.Size().Height, c.MinSize().Height)
		}
	}
	scrollsAll("at first")
	if h := g.lines.MinSize().Height; h < 500*g.lineSize.Height {
		t.Errorf("the grid is %v high, as if it had fewer than 500 rows", h)
	}

	g.focus(499, 1)
	check("after focusing the last row", g.shown[0], 499)
	if u.Window.Canvas().Focused() != g.rows[499][1] || scroll.Offset.Y < 10000 {
		t.Errorf("last row: focused %v, offset %v", u.Window.Canvas().Focused(), scroll.Offset)
	}
	if y := g.rowLines[499].Position().Y; y < 499*g.lineSize.Height {
		t.Errorf("the last row is at %v", y)
	}

	scroll.ScrollToOffset(fyne.NewPos(0, 0))
	scroll.OnScrolled(fyne.NewPos(0, 0))
	check("back at the top, with the current row", 0, 499)
	test.Type(g.rows[0][1], "甲")
	if got := u.Reply().Attachments[0].Table.Rows[0][1]; !strings.HasPrefix(got, "甲") {
		t.Errorf("typed cell %q", got)
	}

	// Rows added in the middle move the lines shown below them.
	g.focus(2, 0)
	test.Tap(g.addRow)
	check("after adding a row", 0, g.shown[len(g.shown)-1])
	scrollsAll("after adding a row")
	if y0, y1 := g.rowLines[3].Position().Y, g.rowLines[4].Position().Y; y1 <= y0 || g.lines.Objects[4] != g.rowLines[3] {
		t.Errorf("rows 3 and 4 at %v and %v", y0, y1)
	}
	if len(u.Reply().Attachments[0].Table.Rows) != 501 {
		t.Error("no row added")
	}
}

func TestPasteCells(t *testing.T) {
	u, _ := newUI(t)
	r := tableReply(t)
	r.Attachments[1].Table.Rows = r.Attachments[1].Table.Rows[:2]
	u.Load(r, 0, "")
	g := u.form.attach.items[1].table
	clip := test.NewClipboard()
	clip.SetContent("某新企业\t南关区\t新\r\n另一企业\t二道区\t新\r\n")
	g.rows[1][1].TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	tb := u.Reply().Attachments[1].Table
	want := [][]string{
		{"1", "某汽车零部件有限公司", "经开区", ""},
		{"2", "某新企业", "南关区", "新"},
		{"", "另一企业", "二道区", "新"},
	}
	if !reflect.DeepEqual(tb.Rows, want) || len(tb.Header) != 4 {
		t.Errorf("after paste: header %q rows %q", tb.Header, tb.Rows)
	}
	clip.SetContent("一个词")
	g.rows[0][3].TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if got := u.Reply().Attachments[1].Table; len(got.Rows) != 3 || got.Rows[0][3] != "一个词" {
		t.Errorf("plain paste: %q", got.Rows)
	}
}

func TestAttachmentKindSwitch(t *testing.T) {
	u, _ := newUI(t)
	r := tableReply(t)
	u.Load(r, 0, "")
	text, table := u.form.attach.items[0], u.form.attach.items[1]

	// text → table → text
	text.kind.SetSelected(kindTable)
	at := u.Reply().Attachments[0]
	if at.Table == nil || len(at.Table.Rows) != 1 || len(text.table.header) != 2 || at.Body != r.Attachments[0].Body {
		t.Fatalf("text made a table: %+v", at)
	}
	if !slices.Contains(text.content.Objects, text.table.view) || !slices.Contains(text.content.Objects, fyne.CanvasObject(text.body)) {
		t.Error("the table attachment does not show its grid and its note")
	}
	retype(text.table.rows[0][0], "甲")
	text.kind.SetSelected(kindText)
	if got := u.Reply().Attachments[0]; !reflect.DeepEqual(got, r.Attachments[0]) {
		t.Errorf("back to text: %+v", got)
	}
	if !slices.Contains(text.content.Objects, fyne.CanvasObject(text.kept)) || !strings.Contains(text.kept.Text, "2列，1行") {
		t.Errorf("no word of the kept table: %q", text.kept.Text)
	}
	text.kind.SetSelected(kindTable)
	if got := u.Reply().Attachments[0].Table; got == nil || got.Rows[0][0] != "甲" {
		t.Errorf("the table typed before is lost: %+v", got)
	}

	// table → text → table
	table.kind.SetSelected(kindText)
	if got := u.Reply().Attachments[1]; got.Table != nil || got.Title != r.Attachments[1].Title {
		t.Errorf("table as text: %+v", got)
	}
	table.kind.SetSelected(kindTable)
	if got := u.Reply().Attachments[1]; !reflect.DeepEqual(got, r.Attachments[1]) {
		t.Errorf("back to a table: %+v", got)
	}

	// A new attachment chosen as a table is an empty grid.
	test.Tap(findButton(t, u, "添加附件"))
	ed := u.form.attach.items[2]
	if ed.kind.Selected != kindText || ed.isTable {
		t.Fatal("a new attachment is not text")
	}
	ed.kind.SetSelected(kindTable)
	retype(ed.title, "名单")
	retype(ed.table.header[0], "姓名")
	if got := u.Reply().Attachments[2]; got.Title != "名单" || !slices.Equal(got.Table.Header, []string{"姓名", ""}) {
		t.Errorf("new table attachment: %+v", got.Table)
	}
}

// findButton finds a button of the 抄送与附件 tab by its text.
func findButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	u.form.tabs.SelectIndex(tabCC)
	for _, o := range test.LaidOutObjects(u.Window.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

func TestImportExportAttachmentTable(t *testing.T) {
	u, _ := newUI(t)
	want := tableReply(t).Attachments[1]
	dir := t.TempDir()
	path := filepath.Join(dir, "名单.xlsx")
	if err := app.ExportAttachment(path, &want); err != nil {
		t.Fatal(err)
	}

	u.Load(seed(t), 0, "")
	if err := u.form.attach.importFile(nil, path); err != nil {
		t.Fatal(err)
	}
	got := u.Reply().Attachments
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Fatalf("imported attachments differ:\n got %+v\nwant %+v", got, want)
	}
	if ed := u.form.attach.items[0]; ed.kind.Selected != kindTable || len(ed.table.rowLines) != 26 {
		t.Errorf("imported table shown as %q with %d lines", ed.kind.Selected, len(ed.table.rowLines))
	}
	if u.form.attach.dir == nil || u.form.attach.dir.Path() != dir {
		t.Errorf("next dialog opens in %v, want %s", u.form.attach.dir, dir)
	}

	// Into a text attachment: it becomes a table, keeps its title and its
	// text (printed above the table).
	r := seed(t)
	r.Attachments = []reply.Attachment{{Title: "企业名单", Body: "说明文字"}}
	u.Load(r, 0, "")
	ed := u.form.attach.items[0]
	if err := u.form.attach.importFile(ed, path); err != nil {
		t.Fatal(err)
	}
	at := u.Reply().Attachments[0]
	if at.Title != "企业名单" || at.Body != "说明文字" || !reflect.DeepEqual(at.Table, want.Table) || ed.kind.Selected != kindTable {
		t.Errorf("imported into a text attachment: %+v", at)
	}

	// Edit, export, import again: the same table.
	retype(ed.table.rows[25][1], "最后一家企业")
	out := filepath.Join(dir, "导出.xlsx")
	if err := u.form.attach.exportFile(ed, out); err != nil {
		t.Fatal(err)
	}
	back, err := app.ImportAttachment(out)
	if err != nil {
		t.Fatal(err)
	}
	if at := u.Reply().Attachments[0]; back.Title != at.Title || !reflect.DeepEqual(back.Table, at.Table) {
		t.Errorf("exported table reads back as %+v, want %+v", back.Table, at.Table)
	}

	// A file that is no workbook: an error in Chinese, the table unchanged.
	bad := filepath.Join(dir, "坏.xlsx")
	if err := os.WriteFile(bad, []byte("不是表格"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = u.form.attach.importFile(ed, bad)
	if err == nil || !strings.ContainsFunc(err.Error(), func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
		t.Errorf("importing a broken file: %v", err)
	}
	if at := u.Reply().Attachments[0]; at.Table.Rows[25][1] != "最后一家企业" {
		t.Error("a failed import changed the table")
	}
}

func TestTableCellOfProblem(t *testing.T) {
	u, _ := newUI(t)
	u.form.tabs.SelectIndex(tabCC)
	u.Load(tableReply(t), 0, "")
	a := u.form.attach
	if g, row, col := a.cell("attachments[1].table.rows[2][1]"); g == nil || g.at(row, col).Text != "某光电信息科技有限公司" {
		t.Errorf("rows[2][1]: %v %d %d", g, row, col)
	}
	if g, row, col := a.cell("attachments[1].table.header[2]"); g == nil || row != -1 || g.at(row, col).Text != "所在区" {
		t.Errorf("header[2]: %v %d %d", g, row, col)
	}
	for _, f := range []string{"attachments[0].table.rows[0][0]", "attachments[1].table.rows[99][0]", "attachments[1].title", "attachments[5].table.header[0]"} {
		if g, _, _ := a.cell(f); g != nil || a.focusCell(f) {
			t.Errorf("%s names a cell", f)
		}
	}
	g := a.items[1].table
	if !a.focusCell("attachments[1].table.rows[24][2]") || u.Window.Canvas().Focused() != g.rows[24][2] || g.m.row != 24 {
		t.Errorf("focusCell: focused %v, current row %d", u.Window.Canvas().Focused(), g.m.row)
	}
	// A click on a problem of a cell puts the cursor in that cell.
	u.form.focus(u.Window.Canvas(), reply.Problem{Field: "attachments[1].table.rows[3][1]", Para: -1})
	if u.Window.Canvas().Focused() != g.rows[3][1] {
		t.Errorf("a problem of a cell focused %v", u.Window.Canvas().Focused())
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{"2024年名单": "2024年名单", " a/b:c ": "abc", "": "附件1"} {
		if got := fileName(in, "附件1"); got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
	if cells := splitCells("a\tb\nc\td\n"); !reflect.DeepEqual(cells, [][]string{{"a", "b"}, {"c", "d"}}) {
		t.Errorf("splitCells: %q", cells)
	}
	if cells := splitCells("一段话\n"); cells != nil {
		t.Errorf("plain text split: %q", cells)
	}
}

// bigTable is a reply whose attachment is a table of n rows of 6 cells.
func bigTable(t testing.TB, n int) *reply.Reply {
	r := seed(t)
	tb := &reply.Table{Header: []string{"序号", "企业名称", "所在区", "联系人", "电话", "备注"}, Widths: []int{1, 5, 2, 2, 3, 2}}
	for i := range n {
		s := strconv.Itoa(i + 1)
		tb.Rows = append(tb.Rows, []string{s, "某某企业第" + s + "号有限公司", "经开区", "联系人" + s, "138" + s, ""})
	}
	r.Attachments = []reply.Attachment{{Title: "企业名单", Table: tb}}
	return r
}

// BenchmarkTableKeystroke types a character into a cell of a table of
// 500 rows: the form reads the reply again, the grid is not rebuilt.
func BenchmarkTableKeystroke(b *testing.B) {
	a := test.NewTempApp(b)
	u := New(a, desk(b), nil, nil)
	manual(u)
	u.form.tabs.SelectIndex(tabCC)
	u.Load(bigTable(b, 500), 0, "")
	g := u.form.attach.items[0].table
	g.focus(250, 5)
	cell := g.rows[250][5]
	b.ResetTimer()
	for range b.N {
		cell.TypedRune('字')
	}
}

// BenchmarkTableAddRow adds a row to a table of 500 rows.
func BenchmarkTableAddRow(b *testing.B) {
	a := test.NewTempApp(b)
	u := New(a, desk(b), nil, nil)
	manual(u)
	u.form.tabs.SelectIndex(tabCC)
	u.Load(bigTable(b, 500), 0, "")
	g := u.form.attach.items[0].table
	g.setCurrent(250, 1)
	b.ResetTimer()
	for range b.N {
		g.insertRow()
	}
}

// BenchmarkLoadTable shows a reply with a table of 500 rows.
func BenchmarkLoadTable(b *testing.B) {
	a := test.NewTempApp(b)
	u := New(a, desk(b), nil, nil)
	manual(u)
	u.form.tabs.SelectIndex(tabCC)
	r := bigTable(b, 500)
	b.ResetTimer()
	for range b.N {
		u.form.load(r)
	}
}
