package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

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
