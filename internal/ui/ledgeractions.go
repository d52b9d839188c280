package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/pathfmt"
	"replydesk/internal/reply"
)

// Tabs of the window.
const (
	tabReply  = 0
	tabLedger = 1
)

// Ledger returns the ledger tab, nil when the database is not available.
func (u *UI) Ledger() *ledgerView { return u.ledgerView }

// ShowLedger brings the ledger tab to the front, reading the ledger the
// first time.
func (u *UI) ShowLedger() {
	if u.tabs != nil {
		u.tabs.SelectIndex(tabLedger)
	}
}

// ShowReply brings the reply tab to the front.
func (u *UI) ShowReply() {
	if u.tabs != nil {
		u.tabs.SelectIndex(tabReply)
	}
}

// LoadLedger reads the ledger from the database now and shows it.
func (u *UI) LoadLedger() error {
	if u.ledgerView == nil {
		return errNoLedger
	}
	return u.ledgerView.load()
}

var errNoLedger = fmt.Errorf("草稿数据库不可用，台账无法使用")

// Preload puts the window where it was last closed and reads the ledger in
// the background once the window runs, so that the ledger tab's title
// tells at once how many items are overdue.
func (u *UI) Preload() {
	u.restorePosition()
	if u.ledgerView != nil && !u.ledgerView.loaded {
		u.loadLedgerAsync()
	}
}

// loadLedgerAsync reads the ledger off the UI goroutine: a large ledger
// takes a moment to read, and the window must not freeze meanwhile.
func (u *UI) loadLedgerAsync() {
	v := u.ledgerView
	if v == nil || v.loading {
		return
	}
	v.loading = true
	v.summary.SetText("正在读取台账…")
	send := deliver
	go func() {
		items, err := v.l.Items(ledger.Filter{})
		send(func() {
			v.loading = false
			if err != nil {
				v.summary.SetText("台账读取失败")
				dialog.ShowError(err, u.Window)
				return
			}
			v.all, v.loaded = items, true
			v.changed()
			v.apply()
		})
	}()
}

// openItemReply shows the reply draft of a ledger item in the form.
func (u *UI) openItemReply(draftID int64, r *reply.Reply) {
	path := ""
	if d, err := u.drafts.Draft(draftID); err == nil {
		path = d.File // a draft saved to a file before keeps saving there
	}
	u.Load(r, draftID, path)
	u.list.refresh()
	u.list.selectID(draftID)
	u.ShowReply()
	u.status.SetText("已打开台账条目的答复草稿")
}

// replyEvent tells the ledger that the reply in the form was saved or
// exported: its item takes the reply's category, disclosure, dates and
// status, and the ledger tab shows it.
func (u *UI) replyEvent(r *reply.Reply, exported bool) {
	if u.ledger == nil {
		return
	}
	_ = u.saver.Flush()
	u.replyEventOf(u.saver.Draft(), r, exported)
}

// replyEventOf is replyEvent for the reply r of draft id, which may no
// longer be the one in the form (a print that ended later).
func (u *UI) replyEventOf(id int64, r *reply.Reply, exported bool) {
	if u.ledger == nil {
		return
	}
	var it *ledger.Item
	var err error
	if exported {
		it, err = u.ledger.ReplyExported(id, r)
	} else {
		it, err = u.ledger.ReplySaved(id, r)
	}
	if err != nil {
		u.status.SetText("台账未能更新：" + err.Error())
		return
	}
	u.ledgerView.updated(it)
}

// OpenArgument opens the file the program was started with: a workbook
// is a 交办清单 to preview for import, a Word document or a text file a
// letter to import (see ImportLetter), anything else a reply.
func (u *UI) OpenArgument(path string) {
	if isLetterFile(path) {
		u.ImportLetter(path)
		return
	}
	if strings.HasSuffix(strings.ToLower(path), ".xlsx") {
		if u.ledger == nil {
			dialog.ShowError(errNoLedger, u.Window)
			return
		}
		u.ImportLedger(path)
		return
	}
	if err := u.OpenFile(path); err != nil {
		showError("打开", path, err, u.Window)
	}
}

// HandedOver brings the window to the front and opens the files a later
// start of the program handed to it (see app.ClaimInstance), as
// OpenArgument does.
func (u *UI) HandedOver(files []string) {
	u.Window.Show()
	u.Window.RequestFocus()
	for _, f := range files {
		u.OpenArgument(f)
	}
	if len(files) == 0 {
		u.status.SetText("答复函起草台已在运行")
	}
}

// Dropped opens the first reply, workbook or letter dropped on the
// window, as OpenArgument does.
func (u *UI) Dropped(uris []fyne.URI) {
	for _, uri := range uris {
		ext := strings.ToLower(uri.Extension())
		if uri.Scheme() == "file" && (ext == ".toml" || ext == ".xlsx" || isLetterFile(uri.Path())) {
			u.OpenArgument(pathfmt.Show(uri.Path()))
			return
		}
	}
	if len(uris) > 0 {
		dialog.ShowInformation("无法打开", "只能打开答复文件（.reply.toml）、交办清单（.xlsx），或导入 Word 文档（.docx）、文本文件（.txt）中的答复函", u.Window)
	}
}

// ImportLedgerDialog asks for a 交办清单 workbook and previews its import.
func (u *UI) ImportLedgerDialog() {
	if u.ledger == nil {
		dialog.ShowError(errNoLedger, u.Window)
		return
	}
	askOpen(u.Window, kindLedger, nil, u.ImportLedger)
}

// ImportLedger previews the import of the workbook at path; confirming
// writes it and shows the ledger.
func (u *UI) ImportLedger(path string) {
	u.ShowLedger()
	showImportDialog(u.Window, u.ledger, path, func(added, updated int) {
		u.status.SetText(fmt.Sprintf("已导入交办清单：新增 %d 件，更新 %d 件", added, updated))
		u.loadLedgerAsync()
	})
}

// ExportLedgerDialog asks where to write the 办理情况汇总表 of the items
// the ledger tab shows.
func (u *UI) ExportLedgerDialog() {
	if u.ledger == nil {
		dialog.ShowError(errNoLedger, u.Window)
		return
	}
	f := u.ledgerView.filter
	name := fmt.Sprintf("办理情况汇总表-%s.xlsx", time.Now().Format("20060102"))
	u.askExportLog(func(withLog bool) {
		askSave(u.Window, kindSheet, name, nil, func(p string) { u.exportLedger(p, f, withLog) })
	})
}

// exportLedger writes the summary workbook off the UI goroutine; Settle
// waits for it.
// withLog adds the 操作记录 sheet.
func (u *UI) exportLedger(p string, f ledger.Filter, withLog bool) {
	u.status.SetText("正在导出汇总表…")
	u.background.Add(1)
	go func() {
		defer u.background.Done()
		export := u.ledger.ExportLedger
		if withLog {
			export = u.ledger.ExportLedgerWithLog
		}
		n, err := export(p, f)
		fyne.Do(func() {
			if err != nil {
				u.status.SetText("汇总表未导出")
				showError("导出", p, err, u.Window)
				return
			}
			u.status.SetText(fmt.Sprintf("已导出汇总表（%d 件）：%s", n, p))
			showWritten("已导出汇总表", fmt.Sprintf("%d 件条目已写入\n%s", n, p), p, u.Window)
		})
	}()
}

// BatchDialog asks for a folder and exports there, as PDFs, Word documents
// or both, the replies of the items the ledger tab shows.
func (u *UI) BatchDialog() {
	if u.ledger == nil {
		dialog.ShowError(errNoLedger, u.Window)
		return
	}
	items := append([]ledger.Item(nil), u.ledgerView.shown...)
	if len(items) == 0 {
		dialog.ShowInformation("批量导出答复", "当前筛选下没有台账条目", u.Window)
		return
	}
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		u.batch(items, pathfmt.Show(dir.Path()))
	}, u.Window)
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// batch exports the items' replies into dir with a progress dialog.
func (u *UI) batch(items []ledger.Item, dir string) {
	showBatchDialog(u.Window, u.ledger, items, dir, func(results []app.BatchResult) {
		u.status.SetText("批量导出完成：" + filepath.Base(dir))
		u.loadLedgerAsync() // the items exported are now 已答复
		u.list.refresh()
	})
}
