package ui

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/reply"
)

// tableGrid edits a table (its gridModel) in a grid of entries: a line
// for the header and one per row, each headed by its number. Typing only
// changes the text of its entry and cell; the lines are laid out again
// only when rows or columns are added, deleted or moved. Only the lines
// of the rows near the screen are in the grid (see updateWindow), so a
// table of hundreds of rows scrolls as fast as a short one.
type tableGrid struct {
	m       *gridModel
	host    gridHost
	header  []*cellEntry   // of m.header
	rows    [][]*cellEntry // of m.rows
	numbers []*widget.Label
	weights []int // the widths the grid shows its columns in (m.weights when last laid out)
	quiet   bool  // set while many cells change at once

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
	g := &tableGrid{m: newGridModel(t), host: host}
	// The row numbers take the room of 表头 in bold.
	g.numberWidth = fyne.MeasureText("表头", theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding()
	g.header = g.newHeader(g.m.header)
	g.headLine = g.newLine(widget.NewLabelWithStyle("表头", fyne.TextAlignCenter, fyne.TextStyle{}), g.header)
	for _, r := range g.m.rows {
		g.addLine(len(g.rows), r)
	}
	g.lines = container.New(&rowsLayout{g}, g.headLine)
	g.updateWindow(true)
	g.renumber()
	g.reweigh()
	g.view = container.NewVBox(passWheel(g.newTools(), host.scroll), g.stack)
	g.update()
	return g
}

// newTools makes the buttons over the grid and the label that says which
// cell is current; and the stack of the lines, whose cells would take
// the mouse wheel (each entry scrolls its text): over the grid it
// scrolls the list of attachments instead.
func (g *tableGrid) newTools() fyne.CanvasObject {
	g.addRow = widget.NewButtonWithIcon("添加行", theme.ContentAddIcon(), func() { g.insertRow() })
	g.delRow = widget.NewButtonWithIcon("删除行", theme.ContentRemoveIcon(), func() { g.deleteRow() })
	g.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { g.moveRow(-1) })
	g.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { g.moveRow(1) })
	g.addCol = widget.NewButtonWithIcon("添加列", theme.ContentAddIcon(), func() { g.insertColumn() })
	g.delCol = widget.NewButtonWithIcon("删除列", theme.ContentRemoveIcon(), func() { g.deleteColumn() })
	g.where = widget.NewLabel("")
	g.where.Importance = widget.LowImportance
	tools := container.NewHBox(g.addRow, g.delRow, g.up, g.down, widget.NewSeparator(), g.addCol, g.delCol, g.where)
	g.stack = container.NewStack(g.lines, newWheelPass(g.host.scroll))
	return tools
}

// newCells makes the entries of a row of cells.
func (g *tableGrid) newCells(cells []*gridCell) []*cellEntry {
	out := make([]*cellEntry, len(cells))
	for c, cell := range cells {
		out[c] = g.newCell(cell)
	}
	return out
}

// newHeader makes the entries of the header's cells.
func (g *tableGrid) newHeader(cells []*gridCell) []*cellEntry {
	out := g.newCells(cells)
	for _, e := range out {
		e.SetPlaceHolder("列名")
	}
	return out
}

// newCell makes the entry of a cell; what is typed goes into the cell.
func (g *tableGrid) newCell(cell *gridCell) *cellEntry {
	e := &cellEntry{g: g, cell: cell}
	e.ExtendBaseWidget(e)
	e.Text = cell.text
	e.OnChanged = func(s string) {
		cell.text = s
		if !g.quiet {
			g.host.onChange()
		}
	}
	e.OnSubmitted = func(string) { g.moveFocus(e, 1) }
	return e
}

// addLine makes the entries, number and line of the model's row of cells
// and puts them at index at.
func (g *tableGrid) addLine(at int, cells []*gridCell) {
	entries := g.newCells(cells)
	num := widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	g.rows = slices.Insert(g.rows, at, entries)
	g.numbers = slices.Insert(g.numbers, at, num)
	g.rowLines = slices.Insert(g.rowLines, at, g.newLine(num, entries))
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
		mark(l, strconv.Itoa(i+1), i == g.m.row)
	}
	mark(g.headLine.Objects[0].(*widget.Label), "表头", g.m.row == -1)
}

// reweigh sets the proportions the columns are shown in (see
// gridModel.weights).
func (g *tableGrid) reweigh() { g.weights = g.m.weights() }

// update enables the buttons that apply to the current cell and says
// where it is.
func (g *tableGrid) update() {
	act := g.m.actions()
	dlgEnable(g.delRow, act.deleteRow)
	dlgEnable(g.up, act.up)
	dlgEnable(g.down, act.down)
	dlgEnable(g.delCol, act.deleteColumn)
	g.where.SetText(g.m.where())
}

// at returns the entry of the cell at row (-1: the header) and col, or nil.
func (g *tableGrid) at(row, col int) *cellEntry {
	if g.m.at(row, col) == nil {
		return nil
	}
	if row == -1 {
		return g.header[col]
	}
	return g.rows[row][col]
}

// locate returns the row (-1: the header) and column of a cell's entry.
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
	if !g.m.setCurrent(row, col) {
		return
	}
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

// changed reports a change of the table's shape.
func (g *tableGrid) changed() {
	g.update()
	g.host.onChange()
}

// cellEntry is the entry of a table cell: it tells its grid when it gets
// the focus, moves between rows with Enter, ↑ and ↓, and pastes cells
// copied from a spreadsheet into the cells around it.
type cellEntry struct {
	widget.Entry
	g    *tableGrid
	cell *gridCell // what is typed goes into it
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
