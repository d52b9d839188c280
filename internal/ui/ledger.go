package ui

import (
	"errors"
	"fmt"
	"image/color"
	"reflect"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
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

// Words of the filter choices that mean "no condition".
const (
	allStatuses   = "全部状态"
	allKinds      = "全部类型"
	allCategories = "全部类别"
	noCategory    = "未定类别"
)

// ledgerView is the ledger (台账) tab: the items in a table with filters,
// sorted by deadline, the overdue and nearly due ones highlighted; the
// selected item in an editor beside it. The whole ledger is read once and
// filtered in memory: a bureau's few hundred to few thousand items filter
// in a millisecond, while reading them from the database takes longer.
type ledgerView struct {
	l      *app.Ledger
	window func() fyne.Window
	// onDraft opens the reply draft of an item in the form.
	onDraft func(draftID int64, r *reply.Reply)
	// onCounts, if set, learns how many items are overdue and due soon
	// each time the ledger is shown anew.
	onCounts func(overdue, soon int)

	all     []ledger.Item // the whole ledger
	texts   []string      // ledger.SearchText of each item of all
	order   []int         // the indices of all in the table's order; nil = to be sorted
	shown   []ledger.Item // all, filtered and sorted
	filter  ledger.Filter
	sortBy  ledger.SortKey
	desc    bool
	today   reply.Date
	loaded  bool
	loading bool  // a read of the ledger is under way
	current int64 // ID of the item in the editor; 0 = none or a new one
	row     int   // the selected row of the table; -1 = none

	prefs  fyne.Preferences            // where the columns' choices persist; nil = nowhere
	cols   []ledger.FieldKey           // the columns shown, in order
	widths map[ledger.FieldKey]float32 // the width of every column

	status, kind, category *widget.Select
	overdue, dueSoon       *widget.Check
	search                 *widget.Entry
	table                  *ledgerTable
	summary                *widget.Label
	editor                 *itemEditor
	draftButton            *widget.Button
	tools                  *fyne.Container // the window's ledger commands
	content                fyne.CanvasObject
	split                  *container.Split // the filters and the table | the editor
	conflict               *conflictDialog  // the last item conflict shown
}

func newLedgerView(l *app.Ledger, window func() fyne.Window, onDraft func(int64, *reply.Reply)) *ledgerView {
	v := &ledgerView{l: l, window: window, onDraft: onDraft, sortBy: ledger.ByDeadline, row: -1}
	if a := fyne.CurrentApp(); a != nil {
		v.prefs = a.Preferences()
	}
	v.loadColumns()
	v.summary = widget.NewLabel("")
	v.summary.Truncation = fyne.TextTruncateEllipsis
	v.status = widget.NewSelect(append([]string{allStatuses}, statusOptions()...), func(string) { v.apply() })
	v.status.SetSelectedIndex(0)
	v.kind = widget.NewSelect([]string{allKinds, string(reply.Proposal), string(reply.Suggestion)}, func(string) { v.apply() })
	v.kind.SetSelectedIndex(0)
	cats, _ := l.Choices()
	v.category = widget.NewSelect(append(append([]string{allCategories}, categoryOptions(cats)...), noCategory), func(string) { v.apply() })
	v.category.SetSelectedIndex(0)
	v.overdue = widget.NewCheck("已超期", func(bool) { v.apply() })
	v.dueSoon = widget.NewCheck(fmt.Sprintf("%d日内到期", ledger.DueSoonDays), func(bool) { v.apply() })
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder("搜索编号、案由、提出人、单位、联系人…")
	v.search.OnChanged = func(string) { v.apply() }
	v.table = v.newTable()
	v.editor = newItemEditor(l, window, v.saveItem)
	v.editor.onDel = v.deleteItem
	v.draftButton = widget.NewButtonWithIcon("起草答复", theme.DocumentCreateIcon(), v.draftSelected)
	v.draftButton.Importance = widget.HighImportance
	v.draftButton.Disable()
	v.content = v.build()
	return v
}

func statusOptions() []string {
	out := make([]string, len(ledger.Statuses))
	for i, s := range ledger.Statuses {
		out[i] = string(s)
	}
	return out
}

// categoryOptions shows codes as staff say them: "A类".
func categoryOptions(codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c + "类"
	}
	return out
}

func (v *ledgerView) build() fyne.CanvasObject {
	filters := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(120, 36), v.status),
		container.NewGridWrap(fyne.NewSize(110, 36), v.kind),
		container.NewGridWrap(fyne.NewSize(110, 36), v.category),
		v.overdue, v.dueSoon,
	)
	top := container.NewBorder(nil, nil, filters, nil, v.search)
	add := widget.NewButtonWithIcon("新增条目", theme.ContentAddIcon(), func() { v.edit(nil) })
	v.tools = container.NewHBox()
	var columns *widget.Button
	columns = widget.NewButtonWithIcon("显示列", theme.ViewRestoreIcon(), func() {
		c := fyne.CurrentApp().Driver().CanvasForObject(columns)
		if c == nil {
			return
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(columns)
		widget.ShowPopUpMenuAtPosition(v.columnsMenu(), c, pos.Add(fyne.NewPos(0, columns.Size().Height)))
	})
	// The counts sit under the table, as a footer, so that the tool row
	// never squeezes them into an ellipsis.
	bar := container.NewBorder(nil, nil, v.tools, container.NewHBox(columns, add, v.draftButton))
	left := container.NewBorder(container.NewVBox(top, bar), v.summary, nil, nil, v.table)
	v.split = container.NewHSplit(left, v.editor.view())
	v.split.Offset = 0.7
	return v.split
}

// setTools puts the window's ledger commands (import, export, batch) in
// the bar over the table.
func (v *ledgerView) setTools(objs ...fyne.CanvasObject) {
	v.tools.Objects = objs
	v.tools.Refresh()
}

// view is the tab's content.
func (v *ledgerView) view() fyne.CanvasObject { return v.content }

// Load reads the whole ledger from the database and shows it.
func (v *ledgerView) load() error {
	items, err := v.l.Items(ledger.Filter{})
	if err != nil {
		return err
	}
	v.all = items
	v.changed()
	v.loaded = true
	v.apply()
	return nil
}

// readFilter turns the filter widgets into a ledger.Filter.
func (v *ledgerView) readFilter() ledger.Filter {
	f := ledger.Filter{Text: v.search.Text, Overdue: v.overdue.Checked, DueSoon: v.dueSoon.Checked, Today: v.today}
	if s := v.status.Selected; s != "" && s != allStatuses {
		f.Statuses = []ledger.Status{ledger.Status(s)}
	}
	if k := v.kind.Selected; k != "" && k != allKinds {
		f.Kinds = []reply.Kind{reply.Kind(k)}
	}
	switch c := v.category.Selected; c {
	case "", allCategories:
	case noCategory:
		f.Categories = []string{""}
	default:
		f.Categories = []string{strings.TrimSuffix(c, "类")}
	}
	return f
}

// apply filters and sorts the ledger again and refreshes the table.
func (v *ledgerView) apply() {
	if v.table == nil { // still building
		return
	}
	v.today = v.l.Date()
	v.filter = v.readFilter()
	v.filterShown()
	v.table.UnselectAll()
	v.row = -1
	v.table.ScrollToTop() // refreshes the cells
	v.table.Refresh()
	v.updateSummary()
	if i := v.indexOf(v.current); i >= 0 {
		v.table.Select(widget.TableCellID{Row: i, Col: 0})
	}
}

// filterShown makes shown the items of all the filter lets through, in
// the table's order. The search texts are built at the first search, not
// when the ledger opens: a third of the time of showing 20,000 items.
func (v *ledgerView) filterShown() {
	searching := strings.TrimSpace(v.filter.Text) != ""
	if searching && len(v.texts) != len(v.all) {
		v.index()
	}
	if len(v.order) != len(v.all) {
		v.sort()
	}
	match := v.filter.Matcher()
	v.shown = v.shown[:0]
	for _, i := range v.order {
		text := ""
		if searching {
			text = v.texts[i]
		}
		if match(&v.all[i], text) {
			v.shown = append(v.shown, v.all[i])
		}
	}
}

// index builds the search texts of the ledger.
func (v *ledgerView) index() {
	v.texts = make([]string, len(v.all))
	for i := range v.all {
		v.texts[i] = ledger.SearchText(&v.all[i])
	}
}

// sort orders the ledger for the table once, so that filtering (at every
// keystroke of a search) keeps the order and need not sort again.
func (v *ledgerView) sort() {
	v.order = make([]int, len(v.all))
	for i := range v.order {
		v.order[i] = i
	}
	slices.SortStableFunc(v.order, func(a, b int) int {
		return ledger.Compare(&v.all[a], &v.all[b], v.sortBy, v.desc)
	})
}

// changed forgets the texts and order after the ledger changed.
func (v *ledgerView) changed() { v.texts, v.order = nil, nil }

// Shown returns the items the table shows, in order.
func (v *ledgerView) Shown() []ledger.Item { return v.shown }

func (v *ledgerView) indexOf(id int64) int {
	if id == 0 {
		return -1
	}
	return slices.IndexFunc(v.shown, func(it ledger.Item) bool { return it.ID == id })
}

func (v *ledgerView) updateSummary() {
	overdue, soon := 0, 0
	for i := range v.all {
		switch v.all[i].Urgency(v.today) {
		case ledger.UrgencyOverdue:
			overdue++
		case ledger.UrgencyDueSoon:
			soon++
		}
	}
	s := fmt.Sprintf("共 %d 件", len(v.all))
	if !v.filter.IsZero() {
		s += fmt.Sprintf("，筛选出 %d 件", len(v.shown))
	}
	s += fmt.Sprintf("；已超期 %d 件，%d日内到期 %d 件", overdue, ledger.DueSoonDays, soon)
	if len(v.all) == 0 {
		s = "台账为空：请用“台账 → 导入交办清单…”读入交办的 Excel 表格，或新增条目"
	}
	v.summary.SetText(s)
	if v.onCounts != nil {
		v.onCounts(overdue, soon)
	}
}

// tabTitle names the ledger tab with what needs attention, e.g.
// "台账（超期 1 件）": staff see it on opening the window.
func tabTitle(overdue, soon int) string {
	switch {
	case overdue > 0:
		return fmt.Sprintf("台账（超期 %d 件）", overdue)
	case soon > 0:
		return fmt.Sprintf("台账（%d 件将到期）", soon)
	}
	return "台账"
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
	t.CreateCell = func() fyne.CanvasObject {
		bg := canvas.NewRectangle(color.Transparent)
		l := widget.NewLabel("")
		// Clipped, not ellipsized, but for the title: an ellipsis shapes
		// the text again at every refresh, which makes typing in the
		// search field lag.
		l.Truncation = fyne.TextTruncateClip
		return container.NewStack(bg, l)
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		c := o.(*fyne.Container)
		bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
		if id.Row >= len(v.shown) || id.Col < 0 || id.Col >= len(v.cols) {
			l.SetText("")
			return
		}
		it := &v.shown[id.Row]
		key := v.cols[id.Col]
		text := v.cellText(it, key)
		u := it.Urgency(v.today)
		fill := urgencyColor(u)
		if id.Row == v.row {
			fill = theme.Color(theme.ColorNameSelection)
		}
		if bg.FillColor != fill {
			bg.FillColor = fill
			bg.Refresh()
		}
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
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
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
	t.ExtendBaseWidget(t)
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(v.shown) {
			return
		}
		if v.row != id.Row {
			v.row = id.Row
			t.Refresh() // the whole row shows as selected
		}
		it := v.shown[id.Row]
		if it.ID != v.current || !v.editor.showing(it.ID) {
			v.edit(&it)
		}
		v.draftButton.Enable()
	}
	t.OnUnselected = func(widget.TableCellID) {}
	v.table = t
	v.setWidths()
	return t
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

// edit shows an item in the editor; nil starts a new one.
func (v *ledgerView) edit(it *ledger.Item) {
	if it == nil {
		v.current = 0
		v.table.UnselectAll()
		v.draftButton.Disable()
		v.editor.load(&ledger.Item{Status: ledger.Pending})
		return
	}
	v.current = it.ID
	v.editor.load(it)
}

// saveItem stores the item of the editor and shows it in the table.
func (v *ledgerView) saveItem(it *ledger.Item) error {
	if err := v.saveChecked(it); err != nil {
		return err
	}
	v.put(*it)
	v.current = it.ID
	v.apply()
	return nil
}

// put replaces the item of the same ID in memory, or adds it.
func (v *ledgerView) put(it ledger.Item) {
	i := slices.IndexFunc(v.all, func(x ledger.Item) bool { return x.ID == it.ID })
	if i < 0 {
		v.all = append(v.all, it)
		v.changed()
		return
	}
	v.all[i] = it
	if len(v.texts) == len(v.all) {
		v.texts[i] = ledger.SearchText(&it)
	}
	v.order = nil // its deadline or status may have moved it
}

// updated shows an item the reply form changed (saved or exported); an
// autosave that changed nothing of it changes nothing on screen.
func (v *ledgerView) updated(it *ledger.Item) {
	if it == nil || !v.loaded {
		return
	}
	if i := slices.IndexFunc(v.all, func(x ledger.Item) bool { return x.ID == it.ID }); i >= 0 && ledger.Equal(&v.all[i], it) {
		return
	}
	v.put(*it)
	v.apply()
	if it.ID == v.current {
		v.editor.load(it)
	}
}

// selected returns the item selected in the table, or nil.
func (v *ledgerView) selected() *ledger.Item {
	if i := v.indexOf(v.current); i >= 0 {
		return &v.shown[i]
	}
	return nil
}

// draftSelected opens the reply of the selected item: its draft, or a new
// one filled from the item.
func (v *ledgerView) draftSelected() {
	it := v.selected()
	if it == nil {
		return
	}
	v.DraftReply(it.ID)
}

// DraftReply opens the reply draft of item id in the form.
func (v *ledgerView) DraftReply(id int64) {
	draftID, r, err := v.l.DraftFromItem(id)
	if err != nil && r == nil {
		dialog.ShowError(err, v.window())
		return
	}
	if it, ierr := v.l.Store.Item(id); ierr == nil {
		v.updated(it)
	}
	v.onDraft(draftID, r)
	if err != nil {
		dialog.ShowError(err, v.window())
	}
}

// deleteSelected removes the selected item after asking.
func (v *ledgerView) deleteItem(it *ledger.Item) {
	confirm("删除台账条目", fmt.Sprintf("从台账中删除“%s %s”吗？\n其答复草稿不会删除。", it.Label(), it.Title), "删除", "取消", func() {
		if err := v.l.DeleteItem(it.ID); err != nil {
			dialog.ShowError(err, v.window())
			return
		}
		v.all = slices.DeleteFunc(v.all, func(x ledger.Item) bool { return x.ID == it.ID })
		v.changed()
		v.edit(nil)
		v.apply()
	}, v.window())
}

// itemEditor edits every field of one ledger item.
type itemEditor struct {
	l       *app.Ledger
	window  func() fyne.Window
	onSave  func(*ledger.Item) error
	item    ledger.Item
	title   *widget.Label
	meta    *itemMeta // who changed it last, colleagues' changes, 操作记录
	fields  map[ledger.FieldKey]fieldWidget
	save    *widget.Button
	del     *widget.Button
	content fyne.CanvasObject
	onDel   func(*ledger.Item)
}

// fieldWidget is the widget of one field: get and set its text.
type fieldWidget struct {
	obj fyne.CanvasObject
	get func() string
	set func(string)
}

func newItemEditor(l *app.Ledger, window func() fyne.Window, onSave func(*ledger.Item) error) *itemEditor {
	e := &itemEditor{l: l, window: window, onSave: onSave, fields: map[ledger.FieldKey]fieldWidget{}}
	e.title = widget.NewLabelWithStyle("新增条目", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The whole title: the table cuts it short, and Fyne has no tooltips.
	e.title.Wrapping = fyne.TextWrapWord
	cats, discs := l.Choices()
	var rows []fyne.CanvasObject
	for _, f := range ledger.Fields {
		fw := e.widgetFor(f, cats, discs)
		e.fields[f.Key] = fw
		label := widget.NewLabel(f.Label)
		if f.Required {
			label.TextStyle.Bold = true
		}
		rows = append(rows, label, fw.obj)
	}
	e.save = widget.NewButtonWithIcon("保存条目", theme.DocumentSaveIcon(), e.store)
	e.save.Importance = widget.HighImportance
	e.del = widget.NewButtonWithIcon("删除条目", theme.DeleteIcon(), func() {
		if e.item.ID != 0 && e.onDel != nil {
			it := e.item
			e.onDel(&it)
		}
	})
	form := container.New(layout.NewFormLayout(), rows...)
	e.meta = newItemMeta(e)
	e.content = container.NewBorder(e.title, container.NewHBox(e.save, e.del, e.meta.log),
		nil, nil, container.NewVScroll(container.NewVBox(e.meta.note, form)))
	return e
}

// widgetFor makes the widget of a field: a select for a vocabulary, an
// entry with suggestions for category and disclosure, an entry with a
// calendar for a date, an entry otherwise.
func (e *itemEditor) widgetFor(f ledger.Field, cats, discs []string) fieldWidget {
	switch {
	case f.Type == ledger.Choice || f.Type == ledger.Bool:
		opts := f.Choices
		if f.Key == ledger.FSatisfaction || f.Key == ledger.FMode {
			opts = append([]string{""}, opts...)
		}
		s := widget.NewSelect(opts, nil)
		s.PlaceHolder = "请选择"
		if f.Key == ledger.FMode {
			s.PlaceHolder = string(ledger.Lead) + "（默认）"
		}
		return fieldWidget{obj: s, get: func() string { return s.Selected }, set: func(v string) { s.SetSelected(v) }}
	case f.Key == ledger.FCategory || f.Key == ledger.FDisclosure:
		opts := cats
		if f.Key == ledger.FDisclosure {
			opts = discs
		}
		s := widget.NewSelectEntry(opts)
		return fieldWidget{obj: s, get: func() string { return s.Text }, set: func(v string) { s.SetText(v) }}
	case f.Type == ledger.Date:
		en := widget.NewEntry()
		en.SetPlaceHolder(fmt.Sprintf("如 %d年6月1日", time.Now().Year()))
		return fieldWidget{obj: dateField(en), get: func() string { return en.Text }, set: func(v string) { en.SetText(v) }}
	}
	en := widget.NewEntry()
	switch f.Key {
	case ledger.FTitle, ledger.FNotes:
		en.MultiLine = true
		en.Wrapping = fyne.TextWrapWord
		en.SetMinRowsVisible(2)
	case ledger.FMeeting:
		en.SetPlaceHolder("如 市政协十四届二次会议")
	case ledger.FProposers, ledger.FCoSigners, ledger.FCoUnits:
		en.SetPlaceHolder("用顿号分隔")
	}
	return fieldWidget{obj: en, get: func() string { return en.Text }, set: func(v string) { en.SetText(v) }}
}

func (e *itemEditor) view() fyne.CanvasObject { return e.content }

// showing reports whether the editor shows item id.
func (e *itemEditor) showing(id int64) bool { return id != 0 && e.item.ID == id }

// load shows an item.
func (e *itemEditor) load(it *ledger.Item) {
	e.item = it.Clone()
	for _, f := range ledger.Fields {
		e.fields[f.Key].set(f.Get(&e.item))
	}
	if it.ID == 0 {
		e.title.SetText("新增条目")
		e.fields[ledger.FStatus].set(string(ledger.Pending))
		e.del.Disable()
	} else {
		e.title.SetText(it.Label() + "　" + it.Title)
		e.del.Enable()
	}
	e.meta.show(&e.item)
}

// read returns the item as edited, or the problems of the fields that
// cannot be read, each naming its field.
func (e *itemEditor) read() (ledger.Item, error) {
	it := e.item.Clone()
	var errs []error
	for _, f := range ledger.Fields {
		text := e.fields[f.Key].get()
		if strings.TrimSpace(text) == "" && (f.Type == ledger.Date || f.Key == ledger.FMeeting) {
			// An empty date or meeting clears the field.
			if d := it.DateOf(f.Key); d != nil {
				*d = reply.Date{}
			} else {
				it.Assembly, it.Term, it.Session = "", 0, 0
			}
			continue
		}
		if strings.TrimSpace(text) == "" && (f.Key == ledger.FSatisfaction || f.Key == ledger.FMode) {
			if f.Key == ledger.FSatisfaction {
				it.Satisfaction = ""
			} else {
				it.Mode = ""
			}
			continue
		}
		if err := f.Set(&it, text); err != nil {
			errs = append(errs, fmt.Errorf("“%s”：%v", f.Label, err))
		}
	}
	for _, f := range ledger.Fields {
		if f.Required && strings.TrimSpace(f.Get(&it)) == "" {
			errs = append(errs, fmt.Errorf("“%s”不能为空", f.Label))
		}
	}
	return it, errors.Join(errs...)
}

// store saves the edited item.
func (e *itemEditor) store() {
	it, err := e.read()
	if err != nil {
		dialog.ShowError(fmt.Errorf("条目未保存，请改正：\n%v", err), e.window())
		return
	}
	if err := e.onSave(&it); err != nil {
		if !errors.Is(err, errConflictShown) {
			dialog.ShowError(err, e.window())
		}
		return
	}
	e.load(&it)
}
