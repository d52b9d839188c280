package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/reply"
)

// maxCopies is the most copies one print may ask for.
const maxCopies = 99

// Choices of the print dialog's page range.
const (
	allPages  = "全部"
	somePages = "页码范围"
)

// printDialog is the 打印 dialog: the printer, copies, both sides, the
// pages, and the preview's page count.
type printDialog struct {
	dlg      *dialog.CustomDialog
	printer  *widget.Select
	copies   *widget.Entry
	duplex   *widget.Check
	which    *widget.RadioGroup // allPages or somePages
	pages    *widget.Entry
	count    *widget.Label // "共 3 页"
	message  *widget.Label // what is wrong, or that the printers are being read
	print    *widget.Button
	cancel   *widget.Button
	export   *widget.Button // 导出 PDF, in place of 打印 when this machine cannot print
	names    map[string]string
	total    int // pages of the reply
	printers []app.Printer
}

// Print opens the print dialog. A reply with errors asks first (and then
// does not change its item's status); a clean one makes its item 已答复
// once the print system accepted the job. When the machine cannot print
// (no print service, no printer) the dialog says why and offers 导出 PDF.
func (u *UI) Print() {
	u.whenReady("打印", u.showPrintDialog)
}

// showPrintDialog shows the print dialog for the reply in the form and
// reads the printers off the UI goroutine; force prints a reply with
// errors (the user confirmed it).
func (u *UI) showPrintDialog(force bool) {
	p := &printDialog{total: u.preview.pageCount(), names: map[string]string{}}
	p.buildChoices(u.printing.Caps().Duplex)
	p.cancel = widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { p.dlg.Hide() })
	p.print = widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() {
		job, err := p.job(u.jobTitle())
		if err != nil {
			p.fail(err.Error())
			return
		}
		p.dlg.Hide()
		u.lastPrinter = job.Printer
		u.print(force, job)
	})
	p.print.Importance = widget.HighImportance
	p.print.Disable()
	p.export = widget.NewButtonWithIcon("导出 PDF", theme.UploadIcon(), func() {
		p.dlg.Hide()
		askSave(u.Window, kindPDF, u.baseName()+".pdf", u.exportDir, func(path string) { u.exportTo(path, force) })
	})
	p.update()

	form := container.New(layout.NewFormLayout(),
		widget.NewLabel("打印机"), p.printer,
		widget.NewLabel("份数"), container.NewHBox(container.NewGridWrap(fyne.NewSize(80, p.copies.MinSize().Height), p.copies), widget.NewLabel("份")),
		widget.NewLabel("单双面"), p.duplex,
		widget.NewLabel("页码"), container.NewBorder(nil, nil, p.which, nil, p.pages),
		widget.NewLabel("页数"), p.count,
	)
	p.dlg = dialog.NewCustomWithoutButtons("打印", container.NewVBox(form, p.message), u.Window)
	p.dlg.SetButtons([]fyne.CanvasObject{p.cancel, p.print})
	p.dlg.Resize(dialogSize(u.Window, fyne.NewSize(560, 340)))
	p.dlg.Show()
	u.printBox = p

	printing, last := u.printing, u.lastPrinter
	u.background.Add(1)
	go func() {
		defer u.background.Done()
		list, err := printing.Printers()
		fyne.Do(func() { p.listed(list, err, last) })
	}()
}

// buildChoices makes the dialog's choices (printer, copies, sides,
// pages) and the lines that count the pages and say what happens.
// duplex tells whether the dialog sets the sides itself.
func (p *printDialog) buildChoices(duplex bool) {
	p.printer = widget.NewSelect(nil, nil)
	p.printer.PlaceHolder = "正在查找打印机…"
	p.printer.Disable()
	p.copies = widget.NewEntry()
	p.copies.SetText("1")
	p.duplex = widget.NewCheck("双面打印（长边翻转）", nil)
	if duplex {
		p.duplex.SetChecked(true) // 公文 page numbers alternate sides: they assume both sides
	} else {
		p.duplex.Text = "双面打印：按打印机首选项中的设置"
		p.duplex.Disable()
	}
	p.pages = widget.NewEntry()
	p.pages.SetPlaceHolder("如 1-3,5")
	p.which = widget.NewRadioGroup([]string{allPages, somePages}, func(s string) {
		if s == somePages {
			p.pages.Enable()
		} else {
			p.pages.Disable()
		}
		p.update()
	})
	p.which.Horizontal = true
	p.which.Required = true
	p.which.SetSelected(allPages)
	p.pages.OnChanged = func(string) { p.update() }
	p.copies.OnChanged = func(string) { p.update() }
	p.count = widget.NewLabel("")
	p.message = widget.NewLabel("正在查找本机的打印机…")
	p.message.Wrapping = fyne.TextWrapWord
}

// listed fills the printers in, selecting the one used last in this
// session if it is still there, else the system's default; or, when the
// machine cannot print, says why and offers 导出 PDF.
func (p *printDialog) listed(list []app.Printer, err error, last string) {
	if err != nil {
		var pu *app.PrintUnavailable
		msg := err.Error()
		if !errors.As(err, &pu) {
			msg = "无法读取打印机列表：" + msg
		}
		p.printer.PlaceHolder = "没有可用的打印机"
		p.printer.Refresh()
		p.message.SetText(msg)
		p.message.Importance = widget.DangerImportance
		p.message.Refresh()
		for _, w := range []fyne.Disableable{p.copies, p.duplex, p.which, p.pages} {
			w.Disable()
		}
		p.cancel.SetText("关闭")
		p.export.Importance = widget.HighImportance
		p.dlg.SetButtons([]fyne.CanvasObject{p.cancel, p.export})
		return
	}
	p.printers = list
	var opts []string
	chosen := ""
	for _, pr := range list {
		o := pr.Name
		if pr.Default {
			o += "（默认）"
			if chosen == "" {
				chosen = o
			}
		}
		if pr.Name == last {
			chosen = o
			last = "" // found: it wins over the default
		}
		p.names[o] = pr.Name
		opts = append(opts, o)
	}
	if chosen == "" {
		chosen = opts[0]
	}
	p.printer.Options = opts
	p.printer.PlaceHolder = "请选择打印机"
	p.printer.Enable()
	p.printer.SetSelected(chosen)
	p.message.SetText("")
	p.print.Enable()
	p.update()
}

// update shows how many pages will print, or what is wrong with the
// copies or pages typed.
func (p *printDialog) update() {
	if p.count == nil {
		return
	}
	copies, cerr := p.copyCount()
	pages := p.total
	var perr error
	if p.which.Selected == somePages {
		var pr app.PageRange
		if pr, perr = app.ParsePageRange(p.pages.Text, p.total); perr == nil && len(pr) > 0 {
			pages = pr.Count()
		}
	}
	text := fmt.Sprintf("共 %d 页", p.total)
	if pages != p.total || copies > 1 {
		text += fmt.Sprintf("，将打印 %d 页 × %d 份", pages, copies)
	}
	p.count.SetText(text)
	if p.printers == nil {
		return
	}
	switch {
	case cerr != nil:
		p.fail(cerr.Error())
	case perr != nil:
		p.fail(perr.Error())
	default:
		p.fail("")
	}
}

// fail shows what is wrong in the dialog ("" clears it).
func (p *printDialog) fail(msg string) {
	p.message.SetText(msg)
	p.message.Importance = widget.DangerImportance
	p.message.Refresh()
}

// copyCount reads the copies typed (full-width digits too).
func (p *printDialog) copyCount() (int, error) {
	s := strings.TrimSpace(reply.HalfWidth(p.copies.Text))
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxCopies {
		return 1, fmt.Errorf("份数“%s”有误：请填写1到%d之间的整数", p.copies.Text, maxCopies)
	}
	return n, nil
}

// job is the print job the dialog describes, or what is wrong with it.
func (p *printDialog) job(title string) (app.PrintJob, error) {
	name, ok := p.names[p.printer.Selected]
	if !ok {
		return app.PrintJob{}, errors.New("请选择打印机")
	}
	copies, err := p.copyCount()
	if err != nil {
		return app.PrintJob{}, err
	}
	job := app.PrintJob{Printer: name, Copies: copies, Duplex: p.duplex.Checked && !p.duplex.Disabled(), Title: title}
	if p.which.Selected == somePages {
		if strings.TrimSpace(p.pages.Text) == "" {
			return app.PrintJob{}, errors.New("页码范围未填写：请写成 1-3,5 这样的页码，或选择“全部”")
		}
		if job.Pages, err = app.ParsePageRange(p.pages.Text, p.total); err != nil {
			return app.PrintJob{}, err
		}
	}
	return job, nil
}

// jobTitle names the print job in the queue: "第244号提案答复".
func (u *UI) jobTitle() string {
	r := u.form.read()
	if n := strings.TrimSpace(r.Number); n != "" {
		return "第" + n + "号" + string(r.Kind) + "答复"
	}
	return "答复函"
}

// print prints the reply off the UI goroutine as job says; force prints
// a reply with errors.
func (u *UI) print(force bool, job app.PrintJob) {
	r := u.form.read()
	_ = u.saver.Flush()
	draft := u.saver.Draft()
	u.status.SetText("正在送打印机“" + job.Printer + "”…")
	d, printing := u.desk, u.printing
	u.background.Add(1)
	go func() {
		defer u.background.Done()
		done, errs, err := printing.PrintReply(d, r, job, force)
		fyne.Do(func() { u.printed(draft, r, force, job, done, errs, err) })
	}()
}

// printed reports the outcome of a print of draft's reply r, which has
// the errors errs (printed when force is set), and marks its item 已答复
// when the print system took a reply without errors.
func (u *UI) printed(draft int64, r *reply.Reply, force bool, job app.PrintJob, done app.Printed, errs []reply.Problem, err error) {
	var ce *app.CheckError
	var pu *app.PrintUnavailable
	switch {
	case errors.As(err, &ce):
		u.status.SetText("未打印：答复函有错误")
		u.askForce("打印", ce.Problems, func() { u.print(true, job) })
		return
	case errors.As(err, &pu):
		u.status.SetText("未能打印：本机现在无法打印")
		confirm("无法打印", pu.Reason, "导出 PDF", "关闭", func() {
			askSave(u.Window, kindPDF, u.baseName()+".pdf", u.exportDir, func(p string) { u.exportTo(p, force) })
		}, u.Window)
		return
	case err != nil:
		u.status.SetText("未能打印")
		msg := err.Error()
		var me *app.MissingError
		if errors.As(err, &me) {
			msg = strings.Replace(msg, "无法导出 PDF：", "无法打印：", 1)
		}
		if !strings.HasPrefix(msg, "打印失败") && !strings.HasPrefix(msg, "无法打印") {
			msg = "无法打印：" + msg
		}
		dialog.ShowError(errors.New(msg), u.Window)
		return
	}
	what := fmt.Sprintf("已送打印机“%s”：%d 页 × %d 份", job.Printer, done.Pages, max(job.Copies, 1))
	if done.ID != "" {
		what += "（任务 " + done.ID + "）"
	}
	if len(errs) > 0 {
		u.status.SetText(what + fmt.Sprintf("；答复函有%d处错误，台账状态未改变", len(errs)))
		return
	}
	u.replyEventOf(draft, r, true)
	u.status.SetText(what + "，" + time.Now().Format("15:04"))
}
