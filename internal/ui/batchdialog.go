package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
)

// showBatchDialog offers to export the reply drafts of items as PDFs, Word
// documents or both into dir, with a checkbox that exports the replies
// with errors too (without marking them 已答复). Once started it shows the progress, with a button
// that cancels (the replies being written are finished, the others are
// not started). At the end it shows how many were exported, the items
// not exported with their problems or the reason, the items exported with
// errors, and a button that opens dir, and calls done with the result of
// each item. A folder that cannot be made is reported with
// dialog.ShowError, without calling done.
func showBatchDialog(w fyne.Window, l *app.Ledger, items []ledger.Item, dir string, done func(results []app.BatchResult)) {
	newBatchExport(w, l, items, dir, done).show()
}

// batchProgressEvery is the least time between two progress updates: a
// batch of short replies reports hundreds of items a second.
const batchProgressEvery = 80 * time.Millisecond

// batchMaxListed is how many failed items the dialog lists.
const batchMaxListed = 200

// batchFormats are the choices of the dialog's format, in the order of
// app.BatchFormat.
var batchFormats = []string{"PDF", "Word（.docx）", "两者"}

// batchFormatWords say what a format writes, after "导出为".
var batchFormatWords = []string{"PDF", "Word 文档（.docx）", "PDF 和 Word 文档（.docx）"}

// batchExport is the 批量导出答复 dialog. Its methods run on the UI
// goroutine but progress, which the export calls on its workers.
type batchExport struct {
	w     fyne.Window
	l     *app.Ledger
	items []ledger.Item
	dir   string
	done  func([]app.BatchResult)
	// export is l.Batch; tests wrap it.
	export func(ctx context.Context, items []ledger.Item, dir string, opt app.BatchOptions) ([]app.BatchResult, error)

	stop      context.CancelFunc
	running   bool
	cancelled bool
	closed    bool
	results   []app.BatchResult

	mu    sync.Mutex
	shown time.Time // the last progress update sent to the UI

	dlg      *dialog.CustomDialog
	visible  bool               // the dialog was shown
	force    *widget.Check      // export replies with errors too
	format   *widget.RadioGroup // one of batchFormats
	status   *widget.Label
	bar      *widget.ProgressBar
	count    *widget.Label
	failures *fyne.Container
	failBox  *fyne.Container
	failList *container.Scroll
	content  *fyne.Container
	stopBtn  *widget.Button // 取消 until the end, 关闭 after
	startBtn *widget.Button // 开始导出, until started
	openBtn  *widget.Button // shown once started

	restoreKeys func()
	pending     sync.WaitGroup // the export; tests wait on it
}

func newBatchExport(w fyne.Window, l *app.Ledger, items []ledger.Item, dir string, done func([]app.BatchResult)) *batchExport {
	d := &batchExport{w: w, l: l, items: items, dir: dir, done: done, export: l.Batch}
	d.build()
	return d
}

func (d *batchExport) build() {
	d.status = widget.NewLabel("")
	d.status.Wrapping = fyne.TextWrapWord
	d.format = widget.NewRadioGroup(batchFormats, func(string) { d.describe() })
	d.format.Horizontal = true
	d.format.Required = true
	d.format.SetSelected(batchFormats[app.BatchPDF])
	d.describe()
	d.force = widget.NewCheck("有错误的答复也导出（不标记为已答复）", nil)
	d.bar = widget.NewProgressBar()
	d.bar.Hide()
	d.count = widget.NewLabel(fmt.Sprintf("已处理 0 / %d 件", len(d.items)))
	d.count.Hide()
	d.failures = container.NewVBox()
	d.failList = container.NewVScroll(d.failures)
	d.failBox = container.NewStack(d.failList)
	d.failBox.Hide()

	d.stopBtn = widget.NewButtonWithIcon("取消", theme.CancelIcon(), d.stopTapped)
	// The folder can be opened while the PDFs are being written.
	d.openBtn = widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), d.openFolder)
	d.openBtn.Hide()
	d.startBtn = widget.NewButtonWithIcon("开始导出", theme.ConfirmIcon(), d.start)
	d.startBtn.Importance = widget.HighImportance

	formatRow := container.NewHBox(widget.NewLabel("格式："), d.format)
	top := container.NewVBox(d.status, formatRow, d.force, d.bar, d.count)
	d.content = container.NewBorder(top, nil, nil, nil, d.failBox)
	d.dlg = dialog.NewCustomWithoutButtons("批量导出答复", d.content, d.w)
	// The buttons are set once: Fyne does not lay out a button row set
	// while the dialog is shown.
	d.dlg.SetButtons([]fyne.CanvasObject{d.stopBtn, d.startBtn, d.openBtn})
}

// chosenFormat is the format the dialog's choice names.
func (d *batchExport) chosenFormat() app.BatchFormat {
	for i, f := range batchFormats {
		if d.format.Selected == f {
			return app.BatchFormat(i)
		}
	}
	return app.BatchPDF
}

// describe says, before the start, what the export will do.
func (d *batchExport) describe() {
	if d.running || d.results != nil {
		return
	}
	d.status.SetText(fmt.Sprintf("将把%d件答复导出为 %s，保存到：\n%s\n有错误的答复（如缺正文、成文日期、联系人）不导出，也不标记为已答复。",
		len(d.items), batchFormatWords[d.chosenFormat()], d.dir))
}

// show shows the dialog, ready to start.
func (d *batchExport) show() {
	if d.visible {
		return
	}
	d.visible = true
	d.dlg.Show()
	d.dlg.Resize(dialogSize(d.w, fyne.NewSize(640, d.dlg.MinSize().Height)))
	d.restoreKeys = onDialogEscape(d.w.Canvas(), d.stopTapped)
}

// start starts the export (showing the dialog first if need be), with
// the replies with errors when the checkbox is ticked.
func (d *batchExport) start() {
	if d.running || d.results != nil {
		return
	}
	d.show()
	opt := app.BatchOptions{Force: d.force.Checked, Format: d.chosenFormat(), Progress: d.progress}
	d.force.Disable()
	d.format.Disable()
	d.startBtn.Hide()
	d.openBtn.Show()
	d.bar.Show()
	d.count.Show()
	d.status.SetText(fmt.Sprintf("正在把%d件答复导出为 %s，保存到：\n%s", len(d.items), batchFormatWords[opt.Format], d.dir))
	d.content.Refresh()
	ctx, stop := context.WithCancel(context.Background())
	d.stop, d.running = stop, true
	d.pending.Add(1)
	go func() {
		defer d.pending.Done()
		results, err := d.export(ctx, d.items, d.dir, opt)
		fyne.DoAndWait(func() { d.finish(results, err) })
	}()
}

// progress is called by the export's workers, one at a time, after each
// item; it sends at most one update per batchProgressEvery to the UI,
// and always the last.
func (d *batchExport) progress(done, total int) {
	d.mu.Lock()
	now := time.Now()
	if done < total && now.Sub(d.shown) < batchProgressEvery {
		d.mu.Unlock()
		return
	}
	d.shown = now
	d.mu.Unlock()
	fyne.Do(func() { d.showProgress(done, total) })
}

func (d *batchExport) showProgress(done, total int) {
	if !d.running || total == 0 {
		return
	}
	d.bar.SetValue(float64(done) / float64(total))
	d.count.SetText(fmt.Sprintf("已处理 %d / %d 件", done, total))
}

// stopTapped cancels the export while it runs, and closes the dialog
// after: the 取消/关闭 button, and Escape.
func (d *batchExport) stopTapped() {
	if d.running {
		d.cancel()
	} else {
		d.close()
	}
}

// cancel stops the export: the replies being written are finished, the
// others are not started.
func (d *batchExport) cancel() {
	if !d.running || d.cancelled {
		return
	}
	d.cancelled = true
	d.stop()
	d.stopBtn.Disable()
	d.status.SetText("正在取消：等正在写入的几份答复写完即停止…")
	d.content.Refresh()
}

// finish shows the outcome of the export and reports it.
func (d *batchExport) finish(results []app.BatchResult, err error) {
	d.running = false
	d.stop()
	if results == nil && err != nil {
		d.close()
		dialog.ShowError(err, d.w)
		return
	}
	d.results = results
	exported, skipped := 0, 0
	var failed []app.BatchResult
	for _, r := range results {
		switch {
		case r.Err == nil:
			exported++
		case errors.Is(r.Err, context.Canceled):
			skipped++
		default:
			failed = append(failed, r)
		}
	}
	// The summary without the failures, which are listed below it.
	s, _, _ := strings.Cut(app.BatchSummary(append(succeeded(results), failed...)), "：")
	if skipped > 0 {
		s = fmt.Sprintf("已取消：%s；另有%d件因取消未导出", s, skipped)
	}
	d.status.SetText(s + "\n保存在：" + d.dir)
	if n := len(results); n > 0 {
		d.bar.SetValue(float64(n-skipped) / float64(n))
	}
	d.count.SetText(fmt.Sprintf("已导出 %d / %d 件", exported, len(results)))
	if exported < len(results) {
		d.count.Importance = widget.WarningImportance
		d.count.Refresh()
	}
	var forced []app.BatchResult
	for i := range results {
		if results[i].Forced() {
			forced = append(forced, results[i])
		}
	}
	if len(failed) > 0 || len(forced) > 0 {
		d.list(fmt.Sprintf("未导出的答复（%d件）", len(failed)), failed, widget.DangerImportance)
		d.list(fmt.Sprintf("已导出但有错误的答复，未标记为已答复（%d件）", len(forced)), forced, widget.WarningImportance)
		d.failBox.Show()
		d.dlg.Resize(dialogSize(d.w, fyne.NewSize(720, 460)))
	}
	d.content.Refresh() // the summary may take more lines than the progress did
	d.stopBtn.SetText("关闭")
	d.stopBtn.Enable()
	if exported > 0 {
		d.openBtn.Importance = widget.HighImportance
		d.openBtn.Refresh()
	}
	if d.done != nil {
		d.done(results)
	}
}

// list adds to the dialog a heading and the results rs, each with its
// item's number and its problems or the reason it failed; nothing when rs
// is empty.
func (d *batchExport) list(heading string, rs []app.BatchResult, imp widget.Importance) {
	if len(rs) == 0 {
		return
	}
	d.failures.Add(dlgHeading(heading))
	for i := range rs {
		if i == batchMaxListed {
			d.failures.Add(widget.NewLabel(fmt.Sprintf("……另有%d件未列出", len(rs)-i)))
			break
		}
		l := widget.NewLabel(batchLine(&rs[i]))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = imp
		d.failures.Add(l)
	}
}

// batchLine describes one result in the dialog's lists: the item, then
// its problems one a line, or the reason it failed.
func batchLine(r *app.BatchResult) string {
	var ce *app.CheckError
	if r.Err != nil && !errors.As(r.Err, &ce) {
		return r.Err.Error()
	}
	var b strings.Builder
	b.WriteString(r.Item.Label())
	if r.Err != nil {
		fmt.Fprintf(&b, "：有%d处错误，未导出", len(r.Problems))
	} else {
		fmt.Fprintf(&b, "：有%d处错误，已导出", len(r.Problems))
	}
	for _, p := range r.Problems {
		b.WriteString("\n· " + p.Message)
	}
	return b.String()
}

// succeeded returns the results without error.
func succeeded(results []app.BatchResult) []app.BatchResult {
	var out []app.BatchResult
	for _, r := range results {
		if r.Err == nil {
			out = append(out, r)
		}
	}
	return out
}

// openFolder shows the folder of the files exported in the file manager.
func (d *batchExport) openFolder() {
	openInBackground(d.dir, d.w, app.OpenDir)
}

// close hides the dialog and gives Escape back to the window.
func (d *batchExport) close() {
	if d.closed {
		return
	}
	d.closed = true
	if d.restoreKeys != nil {
		d.restoreKeys()
	}
	d.dlg.Hide()
}
