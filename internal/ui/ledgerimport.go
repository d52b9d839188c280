package ui

import (
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/sheet"
)

// showImportDialog previews the import of the 交办清单 at path: it reads
// the workbook off the UI goroutine, then shows what confirming will do
// with each row, every problem by row and column, and which column each
// ledger field is read from, which the user can correct and read again.
// Confirming writes all the rows or none (off the UI goroutine too) and
// then calls done with the counts. A workbook that cannot be read at all
// is reported with dialog.ShowError, and nothing is written.
func showImportDialog(w fyne.Window, l *app.Ledger, path string, done func(added, updated int)) {
	newImportPreview(w, l, path, done).start()
}

// Texts of the import dialog's choices.
const (
	importNone     = "（不导入）"
	importKindAuto = "（按表格）"
	importMaxShown = 300 // problems listed; a sheet with more has worse troubles
)

// importPreview is the 导入交办清单 dialog. Its methods run on the UI
// goroutine; the reading and the writing run in the background and
// come back with fyne.DoAndWait, counted in pending so tests can wait.
type importPreview struct {
	w    fyne.Window
	l    *app.Ledger
	path string
	done func(added, updated int)

	p        *app.Preview        // the reading shown; nil before the first
	opt      sheet.ImportOptions // the options it was read with
	columns  []string            // the options of a field's Select: importNone, then one per column
	notes    []string            // the 说明 of each planned row
	state    importState         // reading, ready, writing or closed
	edited   bool                // the choices differ from those of the reading shown
	syncing  bool                // the Selects are being set from a reading: no choice of the user's
	relayout bool                // the summary changed: the top of the dialog must be laid out again

	dlg       *dialog.CustomDialog
	content   *fyne.Container
	summary   *widget.Label
	hint      *widget.Label
	activity  *widget.Activity
	sheetSel  *widget.Select
	sheetRow  *fyne.Container
	kindSel   *widget.Select
	meeting   *widget.Entry
	fields    map[ledger.FieldKey]*widget.Select
	reread    *widget.Button
	table     *widget.Table
	problems  *fyne.Container
	cancelBtn *widget.Button
	confirm   *widget.Button

	restoreKeys func()
	pending     sync.WaitGroup
}

func newImportPreview(w fyne.Window, l *app.Ledger, path string, done func(added, updated int)) *importPreview {
	d := &importPreview{w: w, l: l, path: path, done: done, fields: map[ledger.FieldKey]*widget.Select{}}
	d.build()
	return d
}

// start shows the dialog and reads the workbook as detected.
func (d *importPreview) start() {
	d.dlg.Show()
	d.dlg.Resize(dialogSize(d.w, fyne.NewSize(1100, 700)))
	d.restoreKeys = onDialogEscape(d.w.Canvas(), func() {
		if d.state != importWriting {
			d.close()
		}
	})
	d.read(sheet.ImportOptions{})
}

// build makes the widgets and lays them out.
func (d *importPreview) build() {
	d.summary = widget.NewLabel("正在读取“" + filepath.Base(d.path) + "”…")
	d.summary.Wrapping = fyne.TextWrapWord
	d.hint = widget.NewLabel("")
	d.hint.Wrapping = fyne.TextWrapWord
	d.activity = widget.NewActivity()

	left := d.buildChoices()

	d.table = d.newTable()
	d.problems = container.NewVBox()
	right := container.NewVSplit(
		container.NewBorder(dlgHeading("各行将如何处理"), nil, nil, nil, d.table),
		container.NewBorder(dlgHeading("问题"), nil, nil, nil, container.NewVScroll(d.problems)))
	right.Offset = 0.62
	center := container.NewHSplit(left, right)
	center.Offset = 0.27

	// The hint reads as a line of the summary: no gap between them.
	top := container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2),
		container.NewBorder(nil, nil, nil, d.activity, d.summary), d.hint)
	d.content = container.NewBorder(top, nil, nil, nil, center)

	d.cancelBtn = widget.NewButtonWithIcon("取消", theme.CancelIcon(), d.close)
	d.confirm = widget.NewButtonWithIcon("确认导入", theme.ConfirmIcon(), d.confirmTapped)
	d.confirm.Importance = widget.HighImportance
	d.confirm.Disable()
	d.reread.Disable()
	d.dlg = dialog.NewCustomWithoutButtons("导入交办清单", d.content, d.w)
	d.dlg.SetButtons([]fyne.CanvasObject{d.cancelBtn, d.confirm})
}

// buildChoices makes the choices of the dialog's left side: the sheet,
// the column each field is read from, the defaults, and 重新读取.
func (d *importPreview) buildChoices() fyne.CanvasObject {
	d.sheetSel = widget.NewSelect(nil, func(string) { d.changed() })
	d.sheetRow = container.New(layout.NewFormLayout(), widget.NewLabel("工作表"), d.sheetSel)
	d.sheetRow.Hide()
	d.kindSel = widget.NewSelect([]string{importKindAuto, string(reply.Proposal), string(reply.Suggestion)}, func(string) { d.changed() })
	d.kindSel.SetSelected(importKindAuto)
	d.meeting = widget.NewEntry()
	d.meeting.SetPlaceHolder("如 市政协十四届二次会议")
	d.meeting.OnChanged = func(string) { d.changed() }
	defaults := container.New(layout.NewFormLayout(),
		widget.NewLabel("类型"), d.kindSel,
		widget.NewLabel("届次会议"), d.meeting)

	form := container.New(layout.NewFormLayout())
	for _, f := range ledger.Fields {
		label := f.Label
		if f.Required {
			label += "（必需）"
		}
		sel := widget.NewSelect([]string{importNone}, nil)
		sel.OnChanged = func(v string) { d.fieldChanged(f.Key, v) }
		d.fields[f.Key] = sel
		form.Add(widget.NewLabel(label))
		form.Add(sel)
	}
	d.reread = widget.NewButtonWithIcon("重新读取", theme.ViewRefreshIcon(), d.rereadTapped)
	note := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		return l
	}
	return container.NewBorder(
		dlgHeading("各栏取自表格的哪一列"), d.reread, nil, nil,
		container.NewVScroll(container.NewVBox(
			d.sheetRow,
			form,
			widget.NewSeparator(),
			note("表格未写明时按："),
			defaults,
			note("改选后点“重新读取”，按新的对应重新预览。"),
		)))
}

// dlgHeading is a bold label over a part of a dialog.
func dlgHeading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// dlgEnable enables or disables a button.
func dlgEnable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// close hides the dialog and gives Escape back to the window.
func (d *importPreview) close() {
	if d.state == importClosed {
		return
	}
	d.state = importClosed
	if d.restoreKeys != nil {
		d.restoreKeys()
	}
	d.activity.Stop()
	d.dlg.Hide()
}

// dialogSize is size, made smaller to fit the window when need be.
func dialogSize(w fyne.Window, size fyne.Size) fyne.Size {
	if cs := w.Canvas().Size(); cs.Width > 0 && cs.Height > 0 {
		size.Width = min(size.Width, cs.Width-32)
		size.Height = min(size.Height, cs.Height-32)
	}
	return size
}
