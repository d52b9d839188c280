// Package ui is the desktop window of ReplyDesk: the drafts list, the form
// of a reply, its live preview and its problems, built with Fyne on top of
// the use cases of package app.
package ui

import (
	"fmt"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/assets"
	"replydesk/internal/app"
	"replydesk/internal/reply"
)

// UI is the main window and the reply being edited.
type UI struct {
	App    fyne.App
	Window fyne.Window

	desk    *app.Desk
	drafts  app.Drafts // nil when the database could not be opened
	profile app.Profile

	form     *form
	preview  *preview
	problems *problemsPanel
	list     *draftList
	saver    *app.Autosaver
	status   *widget.Label

	ledger     *app.Ledger // nil when the database could not be opened
	ledgerView *ledgerView
	tabs       *container.AppTabs          // 答复 and 台账
	splits     map[string]*container.Split // by the name their position is remembered under
	restoring  bool                        // the last run's tab is being selected; Preload reads the ledger

	path      string           // the *.reply.toml file of the reply, if any
	source    string           // the letter the reply was imported from, if it has no path yet
	exportDir fyne.ListableURI // the folder of the last export
	started   sync.Once        // the first page is on screen
	// background counts the work started off the UI goroutine (exports,
	// prints) that reports back with fyne.Do; Settle waits for it.
	background sync.WaitGroup
	// printing prints through the system's print service; tests give it
	// a fake command runner.
	printing    *app.Printing
	lastPrinter string       // the printer of the last print in this session
	printBox    *printDialog // the print dialog shown last, for tests
	// collab follows colleagues' work on a shared ledger (collab.go);
	// draftConflict is the open dialog of a draft's save conflict.
	collab *collab
	// retryStop ends RetryStore's attempts (reconnect.go); nil when none.
	retryStop     func()
	draftConflict *conflictDialog
	// exportLogCheck is the 操作记录 choice of the open 汇总表 dialog.
	exportLogCheck *widget.Check
	storeBox       *storeForm // the store settings shown last; for tests
	// Analyzed is called on the UI goroutine after each preview refresh;
	// tests wait on it.
	Analyzed func(Analysis)
}

// printFolderAge is the age from which a print folder of an earlier run
// is removed at start: older than any print still being handed over.
const printFolderAge = 10 * time.Minute

// appIcon is the icon of the window and the app (a binary made by fyne
// package carries it too; one made by go build only has this).
var appIcon = fyne.NewStaticResource("icon.png", assets.Icon)

// New builds the window. drafts may be nil: dbErr then says why, the
// window shows it and works with files only.
func New(a fyne.App, desk *app.Desk, drafts app.Drafts, dbErr error) *UI {
	chineseDialogs()
	a.SetIcon(appIcon)
	a.Settings().SetTheme(Theme(desk.Fonts))
	u := &UI{App: a, desk: desk, drafts: drafts, status: widget.NewLabel(""), printing: &app.Printing{}}
	u.Window = a.NewWindow("ReplyDesk 答复函起草台")
	if p, err := app.LoadProfile(drafts); err == nil {
		u.profile = p
		desk = desk.WithArea(p.LocalArea())
		u.desk = desk
	}
	u.saver = app.NewAutosaver(drafts, app.AutosaveDelay)
	u.saver.OnSaved = func(id int64, err error) { fyne.Do(func() { u.saved(id, err) }) }
	u.form = newForm(desk, func() fyne.Window { return u.Window })
	u.form.onChange = u.edited
	u.form.onFix = u.fixPunctuation
	u.form.onPaste = u.PasteDialog
	u.preview = newPreview(desk)
	u.preview.onDone = u.analyzed
	u.problems = newProblemsPanel(func(p reply.Problem) { u.form.focus(u.Window.Canvas(), p) }, u.applyFix)
	u.list = newDraftList(drafts, u.openDraft)
	u.list.onDelete = u.DeleteDraft
	u.attachLedger()

	u.Window.SetContent(u.layout())
	u.Window.SetMainMenu(u.menu())
	closeOnEscape(u.Window.Canvas())
	u.ledgerKeys()
	u.Window.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { u.Dropped(uris) })
	u.Window.Resize(u.windowSize())
	u.restoreState()
	u.Window.SetCloseIntercept(func() {
		_ = u.saver.Flush()
		u.rememberState()
		u.Window.Close()
	})
	u.NewReply(u.defaultStyle())
	u.background.Add(1)
	go func() {
		// The PDFs a print left (a Windows print program held one when
		// its job was handed over; a run that was killed).
		defer u.background.Done()
		app.CleanPrintFolders(time.Now(), printFolderAge)
	}()
	if n := len(desk.Broken); n > 0 {
		u.status.SetText(fmt.Sprintf("有%d个样式文件未能载入：%s（新建答复时可查看详情）", n, brokenStyleText(desk.Broken[0])))
	}
	u.startCollab()
	if dbErr != nil {
		u.status.SetText("草稿数据库不可用：只能打开和保存答复文件")
		dialog.ShowError(fmt.Errorf("%v\n\n草稿不会自动保存，请用“保存”把答复存为文件", dbErr), u.Window)
	}
	return u
}

func (u *UI) layout() fyne.CanvasObject {
	// The problems get room for three at 1280×800.
	middle := u.split("problems", false, u.form.tabs, u.problems.view(), 0.68)
	right := u.split("preview", true, middle, u.preview.view(), 0.55)
	all := u.split("drafts", true, u.list.view(), right, 0.18)
	var ledgerTab fyne.CanvasObject = widget.NewLabel("草稿数据库不可用，台账无法使用")
	if u.ledgerView != nil {
		ledgerTab = u.ledgerView.view()
		u.remember("ledger", u.ledgerView.split)
	}
	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("答复", theme.DocumentIcon(), all),
		container.NewTabItemWithIcon("台账", theme.ListIcon(), ledgerTab),
	)
	u.tabs.OnSelected = func(t *container.TabItem) {
		u.App.Preferences().SetInt(prefTab, u.tabs.SelectedIndex())
		if u.tabs.SelectedIndex() == tabLedger && u.ledgerView != nil && !u.ledgerView.loaded && !u.restoring {
			u.loadLedgerAsync()
		}
	}
	return container.NewBorder(u.toolbar(), u.status, nil, nil, u.tabs)
}

// ledgerKeys passes ↑, ↓ and Enter to the ledger's table while the
// ledger tab is shown and no field has the focus.
func (u *UI) ledgerKeys() {
	c := u.Window.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if u.ledgerView != nil && u.tabs != nil && u.tabs.SelectedIndex() == tabLedger && tableKey(e.Name) && c.Overlays().Top() == nil {
			u.ledgerView.table.TypedKey(e)
			return
		}
		if prev != nil {
			prev(e)
		}
	})
}

// Form returns the widget of a form field by its problem field name
// ("contact.phone"), for tests and focus.
func (u *UI) Form(field string) *widget.Entry { return u.form.entries[field] }

// Reply returns the reply as the form shows it.
func (u *UI) Reply() *reply.Reply { return u.form.read() }

// Load shows r in the form as a new, unsaved edit of draft id (0 = not
// in the database yet).
func (u *UI) Load(r *reply.Reply, id int64, path string) {
	_ = u.saver.Flush()
	u.saver.SetDraft(id)
	u.path, u.source = path, ""
	u.form.strict = false // empty fields are marked once the user asks (export, a click on a problem)
	u.form.load(r)
	u.preview.Reset(r)
	u.title()
	u.opened(id)
}

// edited reacts to every change of the form.
func (u *UI) edited() {
	r := u.form.read()
	u.form.derived(r)
	u.preview.ScheduleAt(r, u.caret())
	u.saver.Touch(r)
	u.status.SetText("有未保存的修改")
}

// caret is the text at the caret of the form field being edited, by which
// the preview finds the page to show.
func (u *UI) caret() string {
	e, ok := u.Window.Canvas().Focused().(*widget.Entry)
	if !ok {
		return ""
	}
	for _, f := range u.form.entries {
		if f == e {
			return caretText(e)
		}
	}
	return ""
}

// Settle waits for the work started in the background (exports, prints)
// to report back, then runs the pending preview refresh and autosave now;
// for tests.
func (u *UI) Settle() {
	dialogs.Wait()
	writing.Wait()
	u.background.Wait()
	u.list.flush()
	u.preview.Flush()
	_ = u.saver.Flush()
}

func (u *UI) analyzed(a Analysis, err error) {
	ps := append(append([]reply.Problem(nil), u.form.extra...), a.Problems...)
	if err != nil && len(ps) == 0 {
		ps = append(ps, reply.Problem{Field: "style", Message: err.Error(), Para: -1})
	}
	reply.SortProblems(ps)
	u.problems.set(ps)
	u.form.mark(ps)
	u.started.Do(func() { go releaseStartup() })
	if u.Analyzed != nil {
		u.Analyzed(a)
	}
}

// releaseStartup gives back to the system the memory that starting took
// (fonts parsed, first pages laid out), a moment after the first page is
// shown: the Go runtime would otherwise keep it for a while, some 40 MB.
func releaseStartup() {
	time.Sleep(time.Second)
	debug.FreeOSMemory()
}

// Problems returns the problems the panel shows.
func (u *UI) Problems() []reply.Problem { return u.problems.items }

// Marked reports whether the label of a form field shows an error.
func (u *UI) Marked(field string) bool {
	l, ok := u.form.labels[field]
	return ok && l.Importance == widget.DangerImportance
}

func (u *UI) saved(id int64, err error) {
	if u.sharedSaved(err) {
		return
	}
	if err != nil {
		u.status.SetText("自动保存失败：" + err.Error())
		return
	}
	u.status.SetText("已自动保存 " + time.Now().Format("15:04:05"))
	u.title()
	u.list.refresh()
	u.list.selectID(id)
	u.replyEvent(u.form.read(), false)
}

// title names the reply in the window's title: its file, the letter it
// was imported from, or that it has no file yet.
func (u *UI) title() {
	name := "新答复"
	switch {
	case u.path != "":
		name = filepath.Base(u.path) + "（" + filepath.Dir(u.path) + "）"
	case u.source != "":
		name = "导入自 " + filepath.Base(u.source) + "（未保存）"
	case u.saver.Draft() != 0:
		name = "草稿（未保存为文件）"
	}
	u.Window.SetTitle("ReplyDesk 答复函起草台 — " + name)
}

func (u *UI) fixPunctuation() {
	r := u.form.read()
	cs := reply.Fix(r)
	if len(cs) == 0 {
		u.status.SetText("标点无需修正")
		return
	}
	u.form.load(r)
	u.edited()
	u.status.SetText(fmt.Sprintf("已修正 %d 处标点和格式", len(cs)))
}

// applyFix applies the correction a problem offers.
func (u *UI) applyFix(p reply.Problem) {
	if u.form.applyFix(p) {
		u.status.SetText("已修正：" + reply.Where(p.Field, p.Para))
	}
}

// setDesk puts a desk with other fonts to work.
func (u *UI) setDesk(d *app.Desk) {
	u.desk = d
	u.form.desk = d
	u.preview.setDesk(d)
	if u.ledger != nil {
		u.ledger.Desk = d // batch exports use the new fonts too
	}
}

// ShowError shows err in a dialog.
func (u *UI) ShowError(err error) { dialog.ShowError(err, u.Window) }
