package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
)

// The 操作记录 (who did what, when) in the window: the item editor says
// who changed the item last and opens its whole record; the 汇总表
// export can add a sheet of it.

// itemMeta is the item editor's line of who changed the item last, and
// its 操作记录 button.
type itemMeta struct {
	e    *itemEditor
	note *widget.Label
	log  *widget.Button
	id   int64 // the item the note is about
	// last is the item's latest entry, once read.
	last *app.HistoryEntry
}

func newItemMeta(e *itemEditor) *itemMeta {
	m := &itemMeta{e: e, note: widget.NewLabel("")}
	m.note.Importance = widget.LowImportance
	m.note.Wrapping = fyne.TextWrapWord
	m.log = widget.NewButtonWithIcon("操作记录", theme.HistoryIcon(), func() {
		if m.e.item.ID != 0 {
			showItemLog(m.e.l, &m.e.item, m.e.window())
		}
	})
	m.log.Disable()
	return m
}

// show reads who changed it last, off the UI goroutine.
func (m *itemMeta) show(it *ledger.Item) {
	m.id, m.last = it.ID, nil
	m.note.Importance = widget.LowImportance
	m.note.SetText("")
	if it.ID == 0 {
		m.log.Disable()
		return
	}
	m.log.Enable()
	l, id := m.e.l, it.ID
	read := func(send func(func())) {
		hist, err := l.ItemHistory(id)
		if err != nil || len(hist) == 0 {
			return
		}
		last := hist[len(hist)-1]
		send(func() {
			if m.id != id || m.note.Importance != widget.LowImportance {
				return
			}
			m.last = &last
			m.note.SetText(fmt.Sprintf("最后修改：%s %s（%s）", last.Who(), last.Time.Format("2006-01-02 15:04"), last.Action))
		})
	}
	if !app.Shared(l.Store) {
		read(func(f func()) { f() }) // a file answers at once
		return
	}
	go read(deliver) // a server may be slow or away: off the UI goroutine
}

// changedBy says that a colleague changed the item while it holds unsaved
// edits.
func (m *itemMeta) changedBy(by string) {
	m.note.Importance = widget.WarningImportance
	m.note.SetText(fmt.Sprintf("%s 刚修改了此条目（%s）：您的修改尚未保存，保存时会请您选择保留哪一方", who(by), time.Now().Format("15:04")))
}

// Note is the editor's line about the item; for tests.
func (v *ledgerView) Note() string { return v.editor.meta.note.Text }

// logLines writes the 操作记录 newest first, one change a line.
func logLines(hist []app.HistoryEntry) []string {
	out := make([]string, len(hist))
	for i := range hist {
		out[len(hist)-1-i] = hist[i].String()
	}
	return out
}

// showItemLog shows the 操作记录 of an item and its draft, newest first.
func showItemLog(l *app.Ledger, it *ledger.Item, w fyne.Window) []string {
	hist, err := l.ItemHistory(it.ID)
	if err != nil {
		dialog.ShowError(err, w)
		return nil
	}
	lines := logLines(hist)
	if len(lines) == 0 {
		lines = []string{"暂无操作记录"}
	}
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	for i := range lines {
		list.SetItemHeight(i, 40)
	}
	d := dialog.NewCustom("操作记录 — "+it.Label()+" "+it.Title, "关闭", list, w)
	d.Resize(fyne.NewSize(900, 520))
	d.Show()
	return lines
}

// prefExportLog remembers whether the 汇总表 export adds the 操作记录.
const prefExportLog = "ledger.export.log"

// askExportLog asks whether the 汇总表 gets a 操作记录 sheet, then calls
// fn with the answer; a ledger without 操作记录 skips the question.
func (u *UI) askExportLog(fn func(withLog bool)) {
	if _, err := u.ledger.ItemHistory(0); err != nil {
		fn(false)
		return
	}
	prefs := u.App.Preferences()
	check := widget.NewCheck("包含“操作记录”工作表（每件条目的修改人、时间和内容）", nil)
	check.SetChecked(prefs.Bool(prefExportLog))
	u.exportLogCheck = check
	text := widget.NewLabel("汇总表包含当前筛选出的条目。")
	dialog.ShowCustomConfirm("导出办理情况汇总表", "选择保存位置…", "取消", container.NewVBox(text, check), func(ok bool) {
		u.exportLogCheck = nil
		if ok {
			prefs.SetBool(prefExportLog, check.Checked)
			fn(check.Checked)
		}
	}, u.Window)
}
