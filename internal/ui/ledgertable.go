package ui

import (
	"fmt"
	"image/color"
	"reflect"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// ledgerColumns are the columns of the ledger table, in order.
// What staff look for first (number, title, deadline, status) comes first,
// visible without scrolling at 1280 pixels.
var ledgerColumns = []ledger.FieldKey{
	ledger.FNumber, ledger.FTitle, ledger.FDeadline, colRemaining, ledger.FStatus, ledger.FProposers,
	ledger.FKind, ledger.FMode, ledger.FAssigned, ledger.FCategory, ledger.FSatisfaction, ledger.FReplied,
}

// colRemaining is the column of the days left until the deadline; it is
// no field of an item but computed from its deadline and today.
const colRemaining ledger.FieldKey = "remaining"

// Preference keys of the ledger table: the hidden columns and the width
// of each column the user has set.
const (
	prefHiddenColumns = "ledger.columns.hidden"
	prefColumnWidth   = "ledger.columns.width."
)

// columnLabel is the header text of a column.
func columnLabel(key ledger.FieldKey) string {
	if key == colRemaining {
		return "剩余天数"
	}
	f, _ := ledger.FieldOf(key)
	return f.Label
}

// remainingDays tells how many days are left until the deadline of it:
// "剩 5 天", "今日到期", "超期 3 天"; empty without a deadline or once
// the item is answered.
func remainingDays(it *ledger.Item, today reply.Date) string {
	if it.Deadline.IsZero() || it.Status.Done() {
		return ""
	}
	n := ledger.DaysBetween(today, it.Deadline)
	switch {
	case n > 0:
		return fmt.Sprintf("剩 %d 天", n)
	case n == 0:
		return "今日到期"
	}
	return fmt.Sprintf("超期 %d 天", -n)
}

// sortableColumns map a column to the order a click on its header sorts by.
var sortableColumns = map[ledger.FieldKey]ledger.SortKey{
	ledger.FNumber:   ledger.ByNumber,
	ledger.FAssigned: ledger.ByAssigned,
	ledger.FDeadline: ledger.ByDeadline,
	colRemaining:     ledger.ByDeadline,
	ledger.FStatus:   ledger.ByStatus,
	ledger.FReplied:  ledger.ByReplied,
}

// ledgerTable is the ledger's table with the keys of a list: ↑ and ↓
// select the row above or below, Enter opens the selected item's reply;
// and a column's width the user drags is kept.
type ledgerTable struct {
	widget.Table
	v *ledgerView
}

// TypedKey moves the selection by whole rows and opens the item on Enter.
func (t *ledgerTable) TypedKey(e *fyne.KeyEvent) {
	v := t.v
	switch e.Name {
	case fyne.KeyUp, fyne.KeyDown:
		if len(v.shown) == 0 {
			return
		}
		row := v.row
		switch {
		case row < 0:
			row = 0
		case e.Name == fyne.KeyUp && row > 0:
			row--
		case e.Name == fyne.KeyDown && row < len(v.shown)-1:
			row++
		}
		t.Select(widget.TableCellID{Row: row, Col: 0})
	case fyne.KeyReturn, fyne.KeyEnter:
		v.draftSelected()
	default:
		t.Table.TypedKey(e)
	}
}

// Tapped selects the row under the pointer and takes the keys from a
// field that had them: Fyne's window does not always give the table the
// focus (it reports it hidden), so the window passes ↑, ↓ and Enter to
// the ledger's table while no field holds the focus.
func (t *ledgerTable) Tapped(e *fyne.PointEvent) {
	t.Table.Tapped(e)
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil && c.Focused() != fyne.Focusable(t) {
		c.Unfocus()
	}
}

// tableKey reports whether the ledger's table acts on key k.
func tableKey(k fyne.KeyName) bool {
	return k == fyne.KeyUp || k == fyne.KeyDown || k == fyne.KeyReturn || k == fyne.KeyEnter
}

// DragEnd keeps the widths of the columns after the user dragged one.
func (t *ledgerTable) DragEnd() {
	t.Table.DragEnd()
	t.v.keepWidths()
}

// columnWidths reads the widths the table holds: Fyne's table offers no
// getter, and a dragged width is known to it only. Reading fails softly
// (nil) should the field ever change in Fyne.
func (t *ledgerTable) columnWidths() map[int]float32 {
	f := reflect.ValueOf(&t.Table).Elem().FieldByName("columnWidths")
	if !f.IsValid() || f.Kind() != reflect.Map || f.Type().Key().Kind() != reflect.Int || f.Type().Elem().Kind() != reflect.Float32 {
		return nil
	}
	out := map[int]float32{}
	for it := f.MapRange(); it.Next(); {
		out[int(it.Key().Int())] = float32(it.Value().Float())
	}
	return out
}

// defaultWidth is the width of a column until the user drags it.
func defaultWidth(key ledger.FieldKey) float32 {
	switch key {
	case ledger.FNumber, ledger.FKind:
		return 64
	case ledger.FTitle:
		return 290
	case ledger.FDeadline:
		return 200 // 2026年11月20日（超期）
	case colRemaining:
		return 110
	case ledger.FStatus, ledger.FMode, ledger.FCategory, ledger.FSatisfaction:
		return 96
	case ledger.FProposers:
		return 150
	case ledger.FAssigned, ledger.FReplied:
		return 140
	}
	f, _ := ledger.FieldOf(key)
	return float32(f.Width)*14 + 24
}

// loadColumns reads which columns are shown and their widths from the
// preferences.
func (v *ledgerView) loadColumns() {
	v.widths = map[ledger.FieldKey]float32{}
	var hidden []string
	if v.prefs != nil {
		hidden = v.prefs.StringList(prefHiddenColumns)
	}
	v.cols = v.cols[:0]
	for _, key := range ledgerColumns {
		w := defaultWidth(key)
		if v.prefs != nil {
			if p := v.prefs.Float(prefColumnWidth + string(key)); p >= 24 && p <= 2000 {
				w = float32(p)
			}
		}
		v.widths[key] = w
		if !slices.Contains(hidden, string(key)) || key == ledger.FNumber {
			v.cols = append(v.cols, key)
		}
	}
}

// setWidths gives the table's columns their widths.
func (v *ledgerView) setWidths() {
	for i, key := range v.cols {
		v.table.SetColumnWidth(i, v.widths[key])
	}
}

// keepWidths stores the widths of the columns as the table has them.
func (v *ledgerView) keepWidths() {
	for i, w := range v.table.columnWidths() {
		if i < 0 || i >= len(v.cols) || w == v.widths[v.cols[i]] {
			continue
		}
		v.widths[v.cols[i]] = w
		if v.prefs != nil {
			v.prefs.SetFloat(prefColumnWidth+string(v.cols[i]), float64(w))
		}
	}
}

// showColumn shows or hides a column and remembers it; the number column
// is always shown.
func (v *ledgerView) showColumn(key ledger.FieldKey, show bool) {
	if key == ledger.FNumber || slices.Contains(v.cols, key) == show {
		return
	}
	v.keepWidths()
	was := slices.Clone(v.cols)
	var hidden []string
	v.cols = nil
	for _, k := range ledgerColumns {
		if k == key && !show || k != key && !slices.Contains(was, k) {
			hidden = append(hidden, string(k))
			continue
		}
		v.cols = append(v.cols, k)
	}
	if v.prefs != nil {
		v.prefs.SetStringList(prefHiddenColumns, hidden)
	}
	v.setWidths()
	v.table.Refresh()
}

// columnsMenu lists the columns, the shown ones checked; choosing one
// shows or hides it.
func (v *ledgerView) columnsMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for _, key := range ledgerColumns {
		item := fyne.NewMenuItem(columnLabel(key), func() { v.showColumn(key, !slices.Contains(v.cols, key)) })
		item.Checked = slices.Contains(v.cols, key)
		item.Disabled = key == ledger.FNumber
		items = append(items, item)
	}
	return fyne.NewMenu("显示列", items...)
}

// cellText is what the table shows of an item in a column.
func (v *ledgerView) cellText(it *ledger.Item, key ledger.FieldKey) string {
	switch key {
	case colRemaining:
		return remainingDays(it, v.today)
	case ledger.FMode:
		if it.Mode == "" {
			return ledger.Unfilled
		}
	}
	f, _ := ledger.FieldOf(key)
	text := f.Get(it)
	if key == ledger.FCategory && text != "" {
		text += "类"
	}
	return text
}

// newTable is the ledger table: one row per item, a header row whose
// buttons sort by their column. A click selects the whole row.
func (v *ledgerView) newTable() *ledgerTable {
	t := &ledgerTable{v: v}
	t.Length = func() (int, int) { return len(v.shown), len(v.cols) }
	t.ShowHeaderRow = true
	t.CreateCell = newLedgerCell
	t.UpdateCell = v.updateCell
	t.CreateHeader = newLedgerHeader
	t.UpdateHeader = v.updateHeader
	t.ExtendBaseWidget(t)
	t.OnSelected = v.rowSelected
	t.OnUnselected = func(widget.TableCellID) {}
	v.table = t
	v.setWidths()
	return t
}

// newLedgerCell is a cell of the table: a background that shows the
// row's urgency or selection, and a label.
func newLedgerCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	l := widget.NewLabel("")
	// Clipped, not ellipsized, but for the title: an ellipsis shapes
	// the text again at every refresh, which makes typing in the
	// search field lag.
	l.Truncation = fyne.TextTruncateClip
	return container.NewStack(bg, l)
}

// updateCell shows the item of a row in one cell.
func (v *ledgerView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
	if id.Row >= len(v.shown) || id.Col < 0 || id.Col >= len(v.cols) {
		l.SetText("")
		return
	}
	it := &v.shown[id.Row]
	key := v.cols[id.Col]
	u := it.Urgency(v.today)
	fill := urgencyColor(u)
	if id.Row == v.row {
		fill = theme.Color(theme.ColorNameSelection)
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	text, imp := cellStyle(it, key, u, v.cellText(it, key))
	if l.Importance != imp {
		l.Importance = imp
	}
	trunc := fyne.TextTruncateClip
	if key == ledger.FTitle {
		trunc = fyne.TextTruncateEllipsis
	}
	l.Truncation = trunc
	l.SetText(text)
}

// cellStyle is the text and importance of a cell: the deadline, status
// and days left of an overdue item in red (the deadline marked 超期), of
// one due soon in amber; an unfilled mode greyed.
func cellStyle(it *ledger.Item, key ledger.FieldKey, u ledger.Urgency, text string) (string, widget.Importance) {
	imp := widget.MediumImportance
	if key == ledger.FDeadline || key == ledger.FStatus || key == colRemaining {
		switch u {
		case ledger.UrgencyOverdue:
			imp = widget.DangerImportance
			if key == ledger.FDeadline {
				text += "（超期）"
			}
		case ledger.UrgencyDueSoon:
			imp = widget.WarningImportance
		}
	}
	if key == ledger.FMode && it.Mode == "" {
		imp = widget.LowImportance
	}
	return text, imp
}

// newLedgerHeader is a header cell: a flat button.
func newLedgerHeader() fyne.CanvasObject {
	b := widget.NewButton("", nil)
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	return b
}

// updateHeader names a column, marks the sorted one with its direction
// and makes a sortable column's button sort by it.
func (v *ledgerView) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(v.cols) {
		return
	}
	key := v.cols[id.Col]
	label := columnLabel(key)
	sk, sortable := sortableColumns[key]
	if sortable && sk == v.sortBy {
		if v.desc {
			label += " ▼"
		} else {
			label += " ▲"
		}
	}
	b.SetText(label)
	if sortable {
		b.OnTapped = func() { v.sortColumn(sk) }
	} else {
		b.OnTapped = nil
	}
}

// rowSelected shows the whole row selected and its item in the editor.
func (v *ledgerView) rowSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(v.shown) {
		return
	}
	if v.row != id.Row {
		v.row = id.Row
		v.table.Refresh() // the whole row shows as selected
	}
	it := v.shown[id.Row]
	if it.ID != v.current || !v.editor.showing(it.ID) {
		v.edit(&it)
	}
	v.draftButton.Enable()
}

// urgencyColor is the background of a row: a light red for an overdue
// item, a light amber for one due soon.
func urgencyColor(u ledger.Urgency) color.Color {
	var c color.Color
	switch u {
	case ledger.UrgencyOverdue:
		c = theme.Color(theme.ColorNameError)
	case ledger.UrgencyDueSoon:
		c = theme.Color(theme.ColorNameWarning)
	default:
		return color.Transparent
	}
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x38}
}

// sortColumn sorts by key; a second click on the same column reverses.
func (v *ledgerView) sortColumn(key ledger.SortKey) {
	if v.sortBy == key {
		v.desc = !v.desc
	} else {
		v.sortBy, v.desc = key, false
	}
	v.order = nil
	v.apply()
}
