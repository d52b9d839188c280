package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
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
	"replydesk/internal/pathfmt"
	"replydesk/internal/publish"
	"replydesk/internal/reply"
)

// ExportPublicDialog is 导出公开版: it asks where to write the public
// version of the reply (see app.Desk.ExportPublic) and writes it as a PDF,
// with a web page and a text file of the same name beside it, ready for
// the bureau's 政府信息公开 pages. A reply whose classification forbids
// publication is refused at once, with the reason; one with errors is
// written only after the user confirms. The ledger is not changed.
func (u *UI) ExportPublicDialog() {
	r := u.form.read()
	if _, err := u.desk.Public(r); err != nil {
		showPublicRefusal(err, u.Window)
		return
	}
	u.whenReady("导出公开版", func(force bool) {
		askSave(u.Window, kindPDF, u.baseName()+"-公开版.pdf", u.exportDir, func(p string) { u.exportPublicTo(p, force) })
	})
}

// showPublicRefusal tells why a reply has no public version.
func showPublicRefusal(err error, w fyne.Window) {
	var re *publish.RefusedError
	if errors.As(err, &re) {
		dialog.ShowInformation("不能导出公开版", re.Reason+"。", w)
		return
	}
	dialog.ShowError(err, w)
}

// exportPublicTo writes the public version to p and its page and text
// beside it, off the UI goroutine, and tells the outcome.
func (u *UI) exportPublicTo(p string, force bool) {
	r := u.form.read()
	u.status.SetText("正在导出公开版…")
	u.background.Add(1)
	go func() {
		defer u.background.Done()
		files, errs, err := writePublicFiles(u.desk, p, r, force)
		var removed []string
		if v, verr := u.desk.Public(r); verr == nil {
			removed = v.Removed
		}
		fyne.Do(func() {
			var ce *app.CheckError
			switch {
			case errors.As(err, &ce):
				u.askForce("导出公开版", ce.Problems, func() { u.exportPublicTo(p, true) })
			case err != nil:
				u.status.SetText("未能导出公开版")
				showPublicRefusal(err, u.Window)
			default:
				if dir := folderOf(p); dir != nil {
					u.exportDir = dir
				}
				msg := "已写入：\n" + strings.Join(files, "\n")
				if len(removed) > 0 {
					msg += "\n\n请核对：" + strings.Join(removed, "；") + "。"
				}
				if len(errs) > 0 {
					msg += fmt.Sprintf("\n\n答复函有%d处错误，请改正后再公开。", len(errs))
				}
				u.status.SetText("已导出公开版 " + p)
				showWritten("已导出公开版", msg, p, u.Window)
			}
		})
	}()
}

// writePublicFiles writes the public version of r to p (a PDF) and, with
// the same name, as a web page (.html) and plain text (.txt), each
// atomically. It returns the files written, and the errors of the reply
// when forced.
func writePublicFiles(d *app.Desk, p string, r *reply.Reply, force bool) ([]string, []reply.Problem, error) {
	_, errs, err := d.ExportPublic(p, r, force)
	if err != nil {
		return nil, errs, err
	}
	base := strings.TrimSuffix(p, filepath.Ext(p))
	files := []string{p}
	if _, err := d.ExportPublicHTML(base+".html", r, true); err != nil {
		return files, errs, err
	}
	files = append(files, base+".html")
	if _, err := d.ExportPublicText(base+".txt", r, true); err != nil {
		return files, errs, err
	}
	return append(files, base+".txt"), errs, nil
}

// PublishDialog is 批量公开: it asks for a folder and publishes there the
// replies of the items the ledger tab shows (see app.Ledger.Publish),
// optionally with a 答复汇编.
func (u *UI) PublishDialog() {
	if u.ledger == nil {
		dialog.ShowError(errNoLedger, u.Window)
		return
	}
	items := append([]ledger.Item(nil), u.ledgerView.shown...)
	if len(items) == 0 {
		dialog.ShowInformation("批量公开", "当前筛选下没有台账条目", u.Window)
		return
	}
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		newPublishRun(u.Window, u.ledger, items, pathfmt.Show(dir.Path())).show()
	}, u.Window)
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// CompileName is the file name of the 答复汇编 批量公开 writes.
const CompileName = "答复汇编.pdf"

// publishRun is the 批量公开 dialog: the title of the index, whether to
// compile a 答复汇编, the progress, and at the end what was published and
// the items held back with the reason. Its methods run on the UI
// goroutine but progress.
type publishRun struct {
	w     fyne.Window
	l     *app.Ledger
	items []ledger.Item
	dir   string

	mu      sync.Mutex
	shown   time.Time
	running bool
	pending sync.WaitGroup // the publication; tests wait on it

	// Outcome, once done.
	pub *app.Publication
	vol *app.Compilation
	err error

	dlg      *dialog.CustomDialog
	title    *widget.Entry
	compile  *widget.Check
	status   *widget.Label
	bar      *widget.ProgressBar
	held     *fyne.Container
	content  *fyne.Container
	startBtn *widget.Button
	closeBtn *widget.Button
	openBtn  *widget.Button
}

func newPublishRun(w fyne.Window, l *app.Ledger, items []ledger.Item, dir string) *publishRun {
	d := &publishRun{w: w, l: l, items: items, dir: dir}
	d.title = widget.NewEntry()
	d.title.SetPlaceHolder("目录标题，如“××局2023年建议提案办理复文”；不填则用发文机关署名")
	d.compile = widget.NewCheck("同时编一本答复汇编（"+CompileName+"）", nil)
	d.status = widget.NewLabel(fmt.Sprintf("将把%d件中公开属性允许公开、检查无误的答复生成公开版（PDF 和网页）及目录，保存到：\n%s\n公开版不印联系人姓名和电话。", len(items), dir))
	d.status.Wrapping = fyne.TextWrapWord
	d.bar = widget.NewProgressBar()
	d.bar.Hide()
	d.held = container.NewVBox()
	d.startBtn = widget.NewButtonWithIcon("开始公开", theme.ConfirmIcon(), d.start)
	d.startBtn.Importance = widget.HighImportance
	d.closeBtn = widget.NewButtonWithIcon("关闭", theme.CancelIcon(), func() { d.dlg.Hide() })
	d.openBtn = widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), func() { openInBackground(d.dir, d.w, app.OpenFolder) })
	d.openBtn.Disable()
	top := container.NewVBox(d.status, d.title, d.compile, d.bar)
	d.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(d.held))
	d.dlg = dialog.NewCustomWithoutButtons("批量公开", d.content, w)
	// The buttons stay and are enabled in turn: Fyne does not lay out a
	// button row again while the dialog is shown.
	d.dlg.SetButtons([]fyne.CanvasObject{d.closeBtn, d.startBtn, d.openBtn})
	return d
}

func (d *publishRun) show() {
	d.dlg.Show()
	d.dlg.Resize(dialogSize(d.w, fyne.NewSize(680, 480)))
}

// start publishes off the UI goroutine.
func (d *publishRun) start() {
	if d.running || d.pub != nil {
		return
	}
	d.running = true
	title, compile := strings.TrimSpace(d.title.Text), d.compile.Checked
	d.title.Disable()
	d.compile.Disable()
	d.startBtn.Disable()
	d.closeBtn.Disable()
	d.bar.Show()
	d.status.SetText("正在生成公开版…")
	d.content.Refresh()
	d.pending.Add(1)
	go func() {
		defer d.pending.Done()
		ctx := context.Background()
		pub, err := d.l.Publish(ctx, d.items, d.dir, app.PublishOptions{Title: title, Progress: d.progress})
		var vol *app.Compilation
		if err == nil && compile {
			if ok, _ := pub.Count(); ok > 0 {
				vol, err = d.l.Compile(ctx, d.items, filepath.Join(d.dir, CompileName), app.CompileOptions{Title: title})
			}
		}
		fyne.DoAndWait(func() { d.finish(pub, vol, err) })
	}()
}

// progress is called by the workers, one at a time; it updates the bar at
// most every batchProgressEvery, and always at the end.
func (d *publishRun) progress(done, total int) {
	d.mu.Lock()
	now := time.Now()
	if done < total && now.Sub(d.shown) < batchProgressEvery {
		d.mu.Unlock()
		return
	}
	d.shown = now
	d.mu.Unlock()
	fyne.Do(func() { d.bar.SetValue(float64(done) / float64(total)) })
}

// publishOutcome says in a few lines what a publication did; the items
// held back are listed under it.
func publishOutcome(pub *app.Publication, vol *app.Compilation, err error) string {
	var lines []string
	if pub != nil {
		ok, held := pub.Count()
		lines = append(lines, fmt.Sprintf("已公开%d件，保存在：%s", ok, pub.Dir))
		if pub.Index != "" {
			lines = append(lines, "目录："+app.IndexHTML+"、"+app.IndexXLSX)
		}
		if vol != nil {
			lines = append(lines, fmt.Sprintf("答复汇编：%s（%d件，%d页）", filepath.Base(vol.Path), len(vol.Items)-vol.Held(), vol.Pages))
		}
		if held > 0 {
			lines = append(lines, fmt.Sprintf("%d件未公开，原因见下。", held))
		}
	}
	if err != nil {
		lines = append(lines, "出错："+err.Error())
	}
	return strings.Join(lines, "\n")
}

// finish shows the outcome: the summary, and each item held back with
// its reason.
func (d *publishRun) finish(pub *app.Publication, vol *app.Compilation, err error) {
	d.running = false
	d.pub, d.vol, d.err = pub, vol, err
	d.bar.SetValue(1)
	d.closeBtn.Enable()
	d.openBtn.Enable()
	d.openBtn.Importance = widget.HighImportance
	d.openBtn.Refresh()
	d.startBtn.Importance = widget.MediumImportance
	d.startBtn.Refresh()
	d.title.Hide()
	d.compile.Hide()
	d.status.SetText(publishOutcome(pub, vol, err))
	d.content.Refresh()
	if pub == nil {
		return
	}
	heading := false
	for _, p := range pub.Items {
		if p.Ok() {
			continue
		}
		if !heading {
			d.held.Add(widget.NewLabelWithStyle("未公开的答复", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
			heading = true
		}
		l := widget.NewLabel(p.Item.Label() + "：" + p.Reason)
		l.Wrapping = fyne.TextWrapWord
		d.held.Add(l)
	}
}
