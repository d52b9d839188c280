package ui

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/reply"
)

// Labels of the choice between a text and a table attachment.
const (
	kindText  = "正文"
	kindTable = "表格"
)

// attachments edits the 附件 of a reply: the title of each, and either
// its text or its table (with a note above it).
type attachments struct {
	onChange func()
	window   func() fyne.Window
	items    []*attachmentEditor
	box      *fyne.Container
	scroll   *container.Scroll
	dir      fyne.ListableURI // the folder of the last workbook opened or written
}

func newAttachments(onChange func(), w func() fyne.Window) *attachments {
	a := &attachments{onChange: onChange, window: w, box: container.NewVBox()}
	a.scroll = container.NewVScroll(a.box)
	a.scroll.OnScrolled = func(fyne.Position) {
		for _, ed := range a.items {
			if ed.isTable {
				ed.table.updateWindow(false)
			}
		}
	}
	return a
}

// view is the list of attachments with the buttons that add one.
func (a *attachments) view(label *widget.Label) fyne.CanvasObject {
	add := widget.NewButtonWithIcon("添加附件", theme.ContentAddIcon(), func() {
		a.add(reply.Attachment{})
		a.rebuild()
		a.onChange()
	})
	imp := widget.NewButtonWithIcon("从 Excel 导入附件", theme.FolderOpenIcon(), func() { a.importDialog(nil) })
	return container.NewBorder(container.NewHBox(label, add, imp), nil, nil, nil, a.scroll)
}

// attachmentEditor edits one attachment. Its table is kept while the
// attachment is switched to text, so that switching back restores it;
// the text (a note above the table) is kept the same way.
type attachmentEditor struct {
	a           *attachments
	num         *widget.Label
	title, body *widget.Entry
	kind        *widget.RadioGroup
	export      *widget.Button
	kept        *widget.Label   // says that a table is kept while the attachment is text
	content     *fyne.Container // the text, or the note and the table
	view        *fyne.Container
	table       *tableGrid // nil until the attachment is first a table
	isTable     bool
}

func (a *attachments) add(at reply.Attachment) *attachmentEditor {
	ed := &attachmentEditor{a: a, num: widget.NewLabel(""), title: widget.NewEntry(), body: widget.NewMultiLineEntry()}
	ed.title.SetText(at.Title)
	ed.title.SetPlaceHolder("附件名称，末尾不加标点")
	ed.body.SetText(at.Body)
	ed.body.Wrapping = fyne.TextWrapWord
	ed.title.OnChanged = func(string) { a.onChange() }
	ed.body.OnChanged = func(string) { a.onChange() }
	if at.Table != nil {
		ed.table = a.newTableGrid(ed, at.Table)
		ed.isTable = true
	}
	ed.kind = widget.NewRadioGroup([]string{kindText, kindTable}, nil)
	ed.kind.Horizontal, ed.kind.Required = true, true
	ed.kind.SetSelected(ed.kindLabel())
	ed.kind.OnChanged = func(s string) { ed.setTable(s == kindTable) }
	ed.export = widget.NewButtonWithIcon("导出为 Excel", theme.DocumentSaveIcon(), func() { a.exportDialog(ed) })
	imp := widget.NewButtonWithIcon("从 Excel 导入", theme.FolderOpenIcon(), func() { a.importDialog(ed) })
	ed.kept = widget.NewLabel("")
	ed.kept.Importance = widget.LowImportance
	ed.kept.Wrapping = fyne.TextWrapWord
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { a.remove(ed) })
	head := container.NewBorder(nil, nil, ed.num, del, ed.title)
	kind := container.NewHBox(widget.NewLabel("内容"), ed.kind, imp, ed.export)
	ed.content = container.NewVBox()
	// The wheel over the title and the buttons scrolls the list too.
	ed.view = container.NewVBox(passWheel(container.NewVBox(head, kind), a.scroll), ed.content, widget.NewSeparator())
	ed.show()
	a.items = append(a.items, ed)
	return ed
}

func (ed *attachmentEditor) kindLabel() string {
	if ed.isTable {
		return kindTable
	}
	return kindText
}

// setTable shows the attachment as a table or as text. Neither the text
// nor the table is lost: as a table, the text is the note printed above
// it; as text, the table is kept aside until the attachment is a table
// again (or the reply is saved without it).
func (ed *attachmentEditor) setTable(on bool) {
	if on == ed.isTable {
		return
	}
	if on && ed.table == nil {
		ed.table = ed.a.newTableGrid(ed, &reply.Table{Header: make([]string, 2), Rows: [][]string{make([]string, 2)}})
	}
	ed.isTable = on
	ed.kind.SetSelected(ed.kindLabel())
	ed.show()
	ed.a.onChange()
}

// show puts the widgets of the attachment's kind in its content.
func (ed *attachmentEditor) show() {
	if ed.isTable {
		ed.body.SetPlaceHolder("表格上方的说明文字（可不写），每行一段")
		rows := 4
		if strings.TrimSpace(ed.body.Text) == "" {
			rows = 1 // room for the table
		}
		ed.body.SetMinRowsVisible(rows)
		ed.export.Show()
		ed.content.Objects = []fyne.CanvasObject{ed.body, ed.table.view}
	} else {
		ed.body.SetPlaceHolder("附件正文，每行一段")
		ed.body.SetMinRowsVisible(4)
		ed.export.Hide()
		ed.content.Objects = []fyne.CanvasObject{ed.body}
		if ed.table != nil && ed.table.filled() {
			ed.kept.SetText(fmt.Sprintf("原表格（%d列，%d行）仍保留，选“表格”即可恢复；作为正文时不打印表格", ed.table.columns(), len(ed.table.rows)))
			ed.content.Objects = append(ed.content.Objects, ed.kept)
		}
	}
	relayout(ed.content)
	ed.a.resized()
}

// read returns the attachment as edited.
func (ed *attachmentEditor) read() reply.Attachment {
	at := reply.Attachment{Title: ed.title.Text, Body: ed.body.Text}
	if ed.isTable {
		at.Table = ed.table.read()
	}
	return at
}

// remove deletes an attachment.
func (a *attachments) remove(ed *attachmentEditor) {
	if i := slices.Index(a.items, ed); i >= 0 {
		a.items = slices.Delete(a.items, i, i+1)
	}
	a.rebuild()
	a.onChange()
}

// load shows the attachments of a reply.
func (a *attachments) load(ats []reply.Attachment) {
	a.items = nil
	for _, at := range ats {
		a.add(at)
	}
	a.rebuild()
}

// rebuild lays out the list of attachments and numbers them; the editors
// themselves are kept.
func (a *attachments) rebuild() {
	objs := make([]fyne.CanvasObject, len(a.items))
	for i, ed := range a.items {
		ed.num.SetText(fmt.Sprintf("附件%d", i+1))
		objs[i] = ed.view
	}
	a.box.Objects = objs
	a.resized()
}

// resized lays out the list of attachments again after it changed height:
// the scroll only resizes its content when refreshed (Fyne does not pass a
// change of height up through a scroll).
func (a *attachments) resized() {
	relayout(a.box)
	a.scroll.Refresh()
}

// relayout lays out a container whose objects changed and has it redrawn.
// Container.Refresh would refresh every widget in it too, which takes long
// with a large table.
func relayout(c *fyne.Container) {
	if c.Size().IsZero() {
		return // not shown yet: laid out when it is
	}
	c.Layout.Layout(c.Objects, c.Size())
	canvas.Refresh(c)
}

// read returns the attachments as edited.
func (a *attachments) read() []reply.Attachment {
	var out []reply.Attachment
	for _, ed := range a.items {
		out = append(out, ed.read())
	}
	return out
}

// xlsxOnly shows only workbooks in a file dialog.

// importDialog asks for a workbook and imports its table into ed, or into
// a new attachment when ed is nil.
func (a *attachments) importDialog(ed *attachmentEditor) {
	w := a.window()
	askOpen(w, kindSheet, a.dir, func(path string) {
		if ed != nil && ed.isTable && ed.table.filled() {
			confirm("从 Excel 导入", fmt.Sprintf("用“%s”中的表格替换%s现有的表格吗？", filepath.Base(path), ed.num.Text), "替换", "取消", func() {
				if err := a.importFile(ed, path); err != nil {
					showError("导入", path, err, w)
				}
			}, w)
			return
		}
		if err := a.importFile(ed, path); err != nil {
			showError("导入", path, err, w)
		}
	})
}

// importFile reads the table of the workbook at path into ed (whose title
// it takes when ed has none), or into a new attachment when ed is nil.
func (a *attachments) importFile(ed *attachmentEditor, path string) error {
	at, err := app.ImportAttachment(path)
	if err != nil {
		return err
	}
	a.remember(path)
	if ed == nil {
		a.add(at)
		a.rebuild()
		a.onChange()
		return nil
	}
	if strings.TrimSpace(ed.title.Text) == "" {
		ed.title.SetText(at.Title)
	}
	ed.table = a.newTableGrid(ed, at.Table)
	ed.isTable = false // show the new table even when already a table
	ed.setTable(true)
	return nil
}

// exportDialog asks where to write the table of ed as a workbook.
func (a *attachments) exportDialog(ed *attachmentEditor) {
	w := a.window()
	askSave(w, kindSheet, fileName(ed.title.Text, ed.num.Text)+".xlsx", a.dir, func(p string) {
		at, num := ed.read(), ed.num.Text
		writeOff(nil, "", func() func() {
			err := app.ExportAttachment(p, &at)
			return func() {
				if err != nil {
					showError("导出", p, err, w)
					return
				}
				a.remember(p)
				dialog.ShowInformation("导出为 Excel", "已导出"+num+"的表格：\n"+p, w)
			}
		})
	})
}

// exportFile writes the table of ed to the workbook at path.
func (a *attachments) exportFile(ed *attachmentEditor, path string) error {
	at := ed.read()
	if err := app.ExportAttachment(path, &at); err != nil {
		return err
	}
	a.remember(path)
	return nil
}

// remember makes the folder of path where the next file dialog opens.
func (a *attachments) remember(path string) {
	if dir := folderOf(path); dir != nil {
		a.dir = dir
	}
}

// fileName makes a file name of an attachment's title, or of fallback.
func fileName(title, fallback string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return -1
		}
		return r
	}, strings.TrimSpace(title))
	if name == "" {
		return fallback
	}
	return name
}

var cellFieldRe = regexp.MustCompile(`^attachments\[(\d+)\]\.table\.(?:header\[(\d+)\]|rows\[(\d+)\]\[(\d+)\])`)

// cell returns the grid and the row (-1: the header) and column of the
// table cell a problem field names (attachments[0].table.rows[2][1],
// attachments[0].table.header[1]), or a nil grid.
func (a *attachments) cell(field string) (g *tableGrid, row, col int) {
	m := cellFieldRe.FindStringSubmatch(field)
	if m == nil {
		return nil, 0, 0
	}
	i, _ := strconv.Atoi(m[1])
	if i >= len(a.items) || !a.items[i].isTable {
		return nil, 0, 0
	}
	g, row = a.items[i].table, -1
	if m[2] != "" {
		col, _ = strconv.Atoi(m[2])
	} else {
		row, _ = strconv.Atoi(m[3])
		col, _ = strconv.Atoi(m[4])
	}
	if g.at(row, col) == nil {
		return nil, 0, 0
	}
	return g, row, col
}

// focusCell scrolls to the table cell a problem field names and puts the
// cursor in it; it reports whether there is such a cell. (The form's
// focus could call it for problems in tables.)
func (a *attachments) focusCell(field string) bool {
	g, row, col := a.cell(field)
	if g == nil {
		return false
	}
	g.focus(row, col)
	return true
}

// tableGrid edits a table in a grid of entries: a line for the header and
// one per row, each headed by its number. Typing only changes the text of
// its entry; the lines are laid out again only when rows or columns are
// added, deleted or moved. Only the lines of the rows near the screen are
// in the grid (see updateWindow), so a table of hundreds of rows scrolls
// as fast as a short one.
type tableGrid struct {
	host     gridHost
	header   []*cellEntry
	rows     [][]*cellEntry
	numbers  []*widget.Label // of the rows
	widths   []int           // the table's relative widths, kept and edited with the columns
	weights  []int           // the widths the grid shows its columns in
	row, col int             // the cell last focused; row -1 is the header
	quiet    bool            // set while many cells change at once

	numberWidth float32   // of the column of row numbers
	lineSize    fyne.Size // of each line, as last laid out

	lines                    *fyne.Container // the header line, then the lines shown
	headLine                 *fyne.Container
	rowLines                 []*fyne.Container // of each row, shown or not
	shown                    []int             // the row of each line after the header in lines
	stack                    *fyne.Container   // the lines under the wheel pass
	addRow, delRow, up, down *widget.Button
	addCol, delCol           *widget.Button
	where                    *widget.Label
	view                     fyne.CanvasObject
}

// gridHost is what a table grid needs of the list it is shown in.
type gridHost struct {
	onChange func()
	canvas   func() fyne.Canvas // where the cells are shown
	scroll   *container.Scroll  // scrolls the grid; nil: every row is shown
	offset   func() float32     // the y of the grid's lines in the content of scroll
	resized  func()             // the grid changed height
}

// newTableGrid shows t as the table of ed, in a grid that scrolls with
// the attachments.
func (a *attachments) newTableGrid(ed *attachmentEditor, t *reply.Table) *tableGrid {
	var g *tableGrid
	g = newTableGrid(t, gridHost{
		onChange: a.onChange,
		canvas: func() fyne.Canvas {
			if w := a.window(); w != nil {
				return w.Canvas()
			}
			return nil
		},
		scroll:  a.scroll,
		resized: a.resized,
		offset: func() float32 {
			if ed.view == nil || g == nil || g.view == nil {
				return 0 // not built yet
			}
			return ed.view.Position().Y + ed.content.Position().Y + g.view.Position().Y + g.stack.Position().Y
		},
	})
	return g
}

// newTableGrid shows t; ragged rows are padded to the widest.
func newTableGrid(t *reply.Table, host gridHost) *tableGrid {
	g := &tableGrid{host: host, row: -2, col: -1}
	// The row numbers take the room of 表头 in bold.
	g.numberWidth = fyne.MeasureText("表头", theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding()
	n := len(t.Header)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	n = max(n, 1)
	if t.Widths != nil {
		g.widths = slices.Clone(t.Widths)
	}
	g.header = g.newCells(t.Header, n)
	for _, c := range g.header {
		c.SetPlaceHolder("列名")
	}
	g.headLine = g.newLine(widget.NewLabelWithStyle("表头", fyne.TextAlignCenter, fyne.TextStyle{}), g.header)
	for _, r := range t.Rows {
		g.rows = append(g.rows, g.newCells(r, n))
		num := widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
		g.numbers = append(g.numbers, num)
		g.rowLines = append(g.rowLines, g.newLine(num, g.rows[len(g.rows)-1]))
	}
	g.lines = container.New(&rowsLayout{g}, g.headLine)
	g.updateWindow(true)
	g.renumber()
	g.reweigh()

	g.addRow = widget.NewButtonWithIcon("添加行", theme.ContentAddIcon(), func() { g.insertRow() })
	g.delRow = widget.NewButtonWithIcon("删除行", theme.ContentRemoveIcon(), func() { g.deleteRow() })
	g.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { g.moveRow(-1) })
	g.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { g.moveRow(1) })
	g.addCol = widget.NewButtonWithIcon("添加列", theme.ContentAddIcon(), func() { g.insertColumn() })
	g.delCol = widget.NewButtonWithIcon("删除列", theme.ContentRemoveIcon(), func() { g.deleteColumn() })
	g.where = widget.NewLabel("")
	g.where.Importance = widget.LowImportance
	tools := container.NewHBox(g.addRow, g.delRow, g.up, g.down, widget.NewSeparator(), g.addCol, g.delCol, g.where)
	// The cells would take the mouse wheel (each entry scrolls its text):
	// over the grid it scrolls the list of attachments instead.
	g.stack = container.NewStack(g.lines, newWheelPass(host.scroll))
	g.view = container.NewVBox(passWheel(tools, host.scroll), g.stack)
	g.update()
	return g
}

func (g *tableGrid) columns() int { return len(g.header) }

// newCells makes the entries of a row of n cells.
func (g *tableGrid) newCells(texts []string, n int) []*cellEntry {
	cells := make([]*cellEntry, n)
	for c := range cells {
		text := ""
		if c < len(texts) {
			text = texts[c]
		}
		cells[c] = g.newCell(text)
	}
	return cells
}

func (g *tableGrid) newCell(text string) *cellEntry {
	e := &cellEntry{g: g}
	e.ExtendBaseWidget(e)
	e.Text = text
	e.OnChanged = func(string) {
		if !g.quiet {
			g.host.onChange()
		}
	}
	e.OnSubmitted = func(string) { g.moveFocus(e, 1) }
	return e
}

// newLine lays out a number label and the cells of a row.
func (g *tableGrid) newLine(num *widget.Label, cells []*cellEntry) *fyne.Container {
	c := container.New(&lineLayout{g: g})
	g.fill(c, num, cells)
	return c
}

func (g *tableGrid) fill(line *fyne.Container, num *widget.Label, cells []*cellEntry) {
	objs := make([]fyne.CanvasObject, 0, len(cells)+1)
	objs = append(objs, num)
	for _, c := range cells {
		objs = append(objs, c)
	}
	line.Objects = objs
}

// refill puts every line's cells in its container again, after a change
// of columns.
func (g *tableGrid) refill() {
	g.fill(g.headLine, g.headLine.Objects[0].(*widget.Label), g.header)
	for i, r := range g.rows {
		g.fill(g.rowLines[i], g.numbers[i], r)
	}
	g.reweigh()
	g.refreshLines()
}

// refreshLines lays out the lines shown again after rows or columns were
// added, deleted or moved.
func (g *tableGrid) refreshLines() {
	g.updateWindow(true)
	if g.host.resized != nil {
		g.host.resized()
	}
}

// renumber labels the rows from 1 and marks the current one.
func (g *tableGrid) renumber() {
	mark := func(l *widget.Label, text string, current bool) {
		imp := widget.MediumImportance
		if current {
			imp = widget.HighImportance
		}
		if l.Text == text && l.TextStyle.Bold == current && l.Importance == imp {
			return
		}
		l.Text, l.TextStyle.Bold, l.Importance = text, current, imp
		l.Refresh()
	}
	for i, l := range g.numbers {
		mark(l, strconv.Itoa(i+1), i == g.row)
	}
	mark(g.headLine.Objects[0].(*widget.Label), "表头", g.row == -1)
}

// reweigh sets the proportions the columns are shown in: the table's
// widths, or else (as the printed table) the length of each column's
// longest text, from 2 to 20 characters.
func (g *tableGrid) reweigh() {
	n := g.columns()
	g.weights = make([]int, n)
	for c := range g.weights {
		if len(g.widths) == n && g.widths[c] > 0 {
			g.weights[c] = g.widths[c] * 100
			continue
		}
		longest := len([]rune(g.header[c].Text))
		for _, r := range g.rows {
			longest = max(longest, len([]rune(r[c].Text)))
		}
		g.weights[c] = min(max(longest, 2), 20) * 10
	}
	// The editor needs room for short columns too (序号).
	hi := slices.Max(g.weights)
	for c, w := range g.weights {
		g.weights[c] = max(w, hi/4, 1)
	}
}

// update enables the buttons that apply to the current cell and says
// where it is.
func (g *tableGrid) update() {
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	enable(g.delRow, len(g.rows) > 0 && g.row != -1)
	enable(g.up, g.row > 0)
	enable(g.down, g.row >= 0 && g.row < len(g.rows)-1)
	enable(g.delCol, g.columns() > 1)
	switch {
	case g.row == -1:
		g.where.SetText(fmt.Sprintf("当前：表头第%d列", g.col+1))
	case g.row >= 0:
		g.where.SetText(fmt.Sprintf("当前：第%d行第%d列", g.row+1, g.col+1))
	default:
		g.where.SetText("")
	}
}

// at returns the cell at row (-1: the header) and col, or nil.
func (g *tableGrid) at(row, col int) *cellEntry {
	if col < 0 || col >= g.columns() || row < -1 || row >= len(g.rows) {
		return nil
	}
	if row == -1 {
		return g.header[col]
	}
	return g.rows[row][col]
}

// locate returns the row (-1: the header) and column of a cell.
func (g *tableGrid) locate(e *cellEntry) (row, col int, ok bool) {
	if c := slices.Index(g.header, e); c >= 0 {
		return -1, c, true
	}
	for r, cells := range g.rows {
		if c := slices.Index(cells, e); c >= 0 {
			return r, c, true
		}
	}
	return 0, 0, false
}

// setCurrent makes a cell the one the buttons act on.
func (g *tableGrid) setCurrent(row, col int) {
	if row == g.row && col == g.col {
		return
	}
	g.row, g.col = row, col
	g.renumber()
	g.update()
	g.reveal(row)
}

// focus puts the keyboard focus in the cell at row and col.
func (g *tableGrid) focus(row, col int) {
	e := g.at(row, col)
	if e == nil {
		return
	}
	g.setCurrent(row, col)
	g.reveal(row)
	// A new cell is not known to the driver yet: ask the window's canvas.
	if c := g.host.canvas(); c != nil {
		c.Focus(e)
	}
}

// moveFocus goes to the cell dy rows below e (Enter, ↓) or above (↑);
// Enter on the last row adds a row.
func (g *tableGrid) moveFocus(e *cellEntry, dy int) {
	row, col, ok := g.locate(e)
	if !ok {
		return
	}
	if row+dy >= len(g.rows) && dy > 0 {
		g.setCurrent(row, col)
		g.insertRowFocus(col)
		return
	}
	g.focus(max(row+dy, -1), col)
}

// insertRow adds an empty row after the current one (at the top when the
// header is current, at the end when no cell is) and focuses its first
// cell, or the cell below the current one when the row comes from Enter.
func (g *tableGrid) insertRow() { g.insertRowFocus(0) }

func (g *tableGrid) insertRowFocus(col int) {
	at := len(g.rows)
	if g.row >= -1 {
		at = g.row + 1
	}
	g.insertRows(at, [][]string{nil})
	g.changed()
	g.focus(at, col)
}

// insertRows adds rows of texts at index at.
func (g *tableGrid) insertRows(at int, texts [][]string) {
	for i, t := range texts {
		cells := g.newCells(t, g.columns())
		num := widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
		g.rows = slices.Insert(g.rows, at+i, cells)
		g.numbers = slices.Insert(g.numbers, at+i, num)
		g.rowLines = slices.Insert(g.rowLines, at+i, g.newLine(num, cells))
	}
	if g.row >= at {
		g.row += len(texts)
	}
	g.renumber()
	g.refreshLines()
}

// deleteRow deletes the current row, or the last when no cell is current.
func (g *tableGrid) deleteRow() {
	if len(g.rows) == 0 || g.row == -1 {
		return
	}
	at := len(g.rows) - 1
	if g.row >= 0 {
		at = g.row
	}
	g.rows = slices.Delete(g.rows, at, at+1)
	g.numbers = slices.Delete(g.numbers, at, at+1)
	g.rowLines = slices.Delete(g.rowLines, at, at+1)
	if g.row >= 0 {
		g.row = min(at, len(g.rows)-1) // the next row, or the header when none is left
	}
	g.refreshLines()
	g.renumber()
	g.changed()
	if g.row >= -1 {
		g.focus(g.row, max(g.col, 0))
	}
}

// moveRow moves the current row up (-1) or down (1).
func (g *tableGrid) moveRow(d int) {
	i, j := g.row, g.row+d
	if i < 0 || j < 0 || j >= len(g.rows) {
		return
	}
	g.rows[i], g.rows[j] = g.rows[j], g.rows[i]
	g.rowLines[i], g.rowLines[j] = g.rowLines[j], g.rowLines[i]
	g.numbers[i], g.numbers[j] = g.numbers[j], g.numbers[i]
	g.refreshLines()
	g.changed()
	g.focus(j, max(g.col, 0))
}

// insertColumn adds an empty column after the current one (at the end
// when no cell is current) and focuses its header.
func (g *tableGrid) insertColumn() {
	at := g.columns()
	if g.col >= 0 {
		at = g.col + 1
	}
	g.insertColumns(at, 1)
	g.changed()
	g.focus(-1, at)
}

func (g *tableGrid) insertColumns(at, n int) {
	if len(g.widths) == g.columns() && len(g.widths) > 0 {
		// A new column is as wide as the middle one of the others.
		sorted := slices.Sorted(slices.Values(g.widths))
		w := sorted[(len(sorted)-1)/2]
		for range n {
			g.widths = slices.Insert(g.widths, at, w)
		}
	}
	for range n {
		head := g.newCell("")
		head.SetPlaceHolder("列名")
		g.header = slices.Insert(g.header, at, head)
		for i := range g.rows {
			g.rows[i] = slices.Insert(g.rows[i], at, g.newCell(""))
		}
	}
	g.refill()
}

// deleteColumn deletes the current column, or the last; a table keeps
// one column.
func (g *tableGrid) deleteColumn() {
	n := g.columns()
	if n <= 1 {
		return
	}
	at := n - 1
	if g.col >= 0 {
		at = g.col
	}
	if len(g.widths) == n {
		g.widths = slices.Delete(g.widths, at, at+1)
	}
	g.header = slices.Delete(g.header, at, at+1)
	for i := range g.rows {
		g.rows[i] = slices.Delete(g.rows[i], at, at+1)
	}
	g.refill()
	g.changed()
	if g.col >= 0 {
		g.focus(max(g.row, -1), min(at, g.columns()-1))
	}
}

// paste puts cells copied from a spreadsheet (rows on lines, cells
// separated by tabs) into the table from the cell at row and col, adding
// rows and columns as needed.
func (g *tableGrid) paste(row, col int, cells [][]string) {
	wide := 0
	for _, r := range cells {
		wide = max(wide, len(r))
	}
	if more := col + wide - g.columns(); more > 0 {
		g.insertColumns(g.columns(), more)
	}
	if more := row + len(cells) - len(g.rows); more > 0 {
		g.insertRows(len(g.rows), make([][]string, more))
	}
	g.quiet = true
	for i, r := range cells {
		for j, text := range r {
			g.at(row+i, col+j).SetText(text)
		}
	}
	g.quiet = false
	g.reweigh()
	g.refreshLines()
	g.changed()
}

// changed reports a change of the table's shape.
func (g *tableGrid) changed() {
	g.update()
	g.host.onChange()
}

// filled reports whether any cell holds text.
func (g *tableGrid) filled() bool {
	for _, c := range g.header {
		if strings.TrimSpace(c.Text) != "" {
			return true
		}
	}
	for _, r := range g.rows {
		for _, c := range r {
			if strings.TrimSpace(c.Text) != "" {
				return true
			}
		}
	}
	return false
}

// read returns the table as edited; a header left blank is no header.
func (g *tableGrid) read() *reply.Table {
	t := &reply.Table{}
	texts := func(cells []*cellEntry) []string {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = c.Text
		}
		return out
	}
	for _, c := range g.header {
		if strings.TrimSpace(c.Text) != "" {
			t.Header = texts(g.header)
			break
		}
	}
	for _, r := range g.rows {
		t.Rows = append(t.Rows, texts(r))
	}
	if g.widths != nil {
		t.Widths = slices.Clone(g.widths)
	}
	return t
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

// cellEntry is the entry of a table cell: it tells its grid when it gets
// the focus, moves between rows with Enter, ↑ and ↓, and pastes cells
// copied from a spreadsheet into the cells around it.
type cellEntry struct {
	widget.Entry
	g *tableGrid
}

func (e *cellEntry) FocusGained() {
	if row, col, ok := e.g.locate(e); ok {
		e.g.setCurrent(row, col)
	}
	e.Entry.FocusGained()
}

func (e *cellEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyUp:
		e.g.moveFocus(e, -1)
	case fyne.KeyDown:
		e.g.moveFocus(e, 1)
	default:
		e.Entry.TypedKey(k)
	}
}

func (e *cellEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		if cells := splitCells(p.Clipboard.Content()); cells != nil {
			if row, col, ok := e.g.locate(e); ok {
				e.g.paste(row, col, cells)
				return
			}
		}
	}
	e.Entry.TypedShortcut(s)
}

// lineLayout lays out a line of the grid: the row number in a narrow
// column, then the cells in the proportions of the grid's columns.
type lineLayout struct{ g *tableGrid }

func (l *lineLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	w, h := l.g.numberWidth, float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	for _, o := range objs[1:] {
		w += pad + o.MinSize().Width
	}
	return fyne.NewSize(w, h)
}

func (l *lineLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	pad := theme.Padding()
	nw := l.g.numberWidth
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(nw, size.Height))
	cells := objs[1:]
	weights := l.g.weights
	if len(weights) != len(cells) {
		weights = slices.Repeat([]int{1}, len(cells))
	}
	total := 0
	for _, w := range weights {
		total += w
	}
	avail := size.Width - nw - pad*float32(len(cells))
	x := nw + pad
	acc := 0
	for i, c := range cells {
		acc += weights[i]
		right := nw + pad*float32(i+1) + avail*float32(acc)/float32(max(total, 1))
		c.Move(fyne.NewPos(x, 0))
		c.Resize(fyne.NewSize(right-x, size.Height))
		x = right + pad
	}
}

// wheelPass lies over other widgets and passes the mouse wheel to a
// scroll; every other event goes to the widgets under it.
type wheelPass struct {
	widget.BaseWidget
	to *container.Scroll
}

// passWheel lays a wheelPass over o.
func passWheel(o fyne.CanvasObject, to *container.Scroll) fyne.CanvasObject {
	return container.NewStack(o, newWheelPass(to))
}

func newWheelPass(to *container.Scroll) *wheelPass {
	w := &wheelPass{to: to}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if w.to != nil {
		w.to.Scrolled(ev)
	}
}

// rowsLayout lays out the header line and the lines of the rows shown
// one under the other, all as high as the header line, each at the place
// of its row: the grid is as high as all its rows.
type rowsLayout struct{ g *tableGrid }

// pitch returns the height of a line and the distance from one to the next.
func (g *tableGrid) pitch() (h, step float32) {
	h = g.headLine.MinSize().Height
	return h, h + theme.Padding()
}

func (l *rowsLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	h, step := l.g.pitch()
	return fyne.NewSize(l.g.headLine.MinSize().Width, float32(len(l.g.rows))*step+h)
}

func (l *rowsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h, _ := l.g.pitch()
	l.g.lineSize = fyne.NewSize(size.Width, h)
	for k, o := range objs {
		row := -1
		if k > 0 && k <= len(l.g.shown) {
			row = l.g.shown[k-1]
		}
		l.g.place(o, row)
	}
}

// place moves the line of row (-1: the header) to its place and lays out
// its cells.
func (g *tableGrid) place(o fyne.CanvasObject, row int) {
	_, step := g.pitch()
	o.Move(fyne.NewPos(0, float32(row+1)*step))
	if g.lineSize.IsZero() {
		return
	}
	o.Resize(g.lineSize)
	if c, ok := o.(*fyne.Container); ok {
		c.Layout.Layout(c.Objects, c.Size()) // its cells may have changed
	}
}

// updateWindow puts in the grid the lines of the rows on screen, and of a
// screen above and below, and of the current row; the others are left
// out. Fyne walks (and, on each scroll, frees the textures of) every
// widget in a scroll, however far from the screen: with every line in,
// scrolling a table of hundreds of rows would be slow. all lays out the
// lines again even when the same are shown (the rows changed).
func (g *tableGrid) updateWindow(all bool) {
	first, last := 0, len(g.rows)
	if s := g.host.scroll; s != nil && g.host.offset != nil {
		_, step := g.pitch()
		view := max(s.Size().Height, 400)
		top := s.Offset.Y - g.host.offset() - step // of the screen, from the first row
		first = min(max(int((top-view)/step), 0), len(g.rows))
		last = min(max(int((top+2*view)/step)+1, first), len(g.rows))
	}
	shown := make([]int, 0, last-first+1)
	for i := first; i < last; i++ {
		shown = append(shown, i)
	}
	if g.row >= 0 && g.row < len(g.rows) && (g.row < first || g.row >= last) {
		shown = append(shown, g.row)
	}
	if !all && slices.Equal(shown, g.shown) {
		return
	}
	g.shown = shown
	objs := make([]fyne.CanvasObject, 0, len(shown)+1)
	objs = append(objs, g.headLine)
	for _, i := range shown {
		objs = append(objs, g.rowLines[i])
	}
	g.lines.Objects = objs
	if all {
		g.place(g.headLine, -1)
	}
	for _, i := range shown {
		g.place(g.rowLines[i], i)
	}
	repaint(g.lines)
}

// repaint has the canvas of o drawn again. Unlike canvas.Refresh, it
// keeps the textures of the widgets in o: refreshing the grid's lines on
// each scroll would draw the text of every cell shown again.
func repaint(o fyne.CanvasObject) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		if d, ok := c.(interface{ SetDirty() }); ok {
			d.SetDirty()
			return
		}
		c.Refresh(o)
	}
}

// reveal scrolls the attachments so that row (-1: the header) is on
// screen.
func (g *tableGrid) reveal(row int) {
	s := g.host.scroll
	if s == nil || g.host.offset == nil || s.Size().IsZero() || row < -1 {
		return
	}
	h, step := g.pitch()
	y := g.host.offset() + float32(row+1)*step
	off := s.Offset.Y
	switch {
	case y < off:
		off = y
	case y+h > off+s.Size().Height:
		off = y + h - s.Size().Height
	}
	if off != s.Offset.Y {
		s.ScrollToOffset(fyne.NewPos(s.Offset.X, off))
	}
	g.updateWindow(false)
}
