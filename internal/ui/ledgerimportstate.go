package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/ledger"
	"replydesk/internal/sheet"
)

// importState is what the import dialog is doing. It opens reading;
// a reading that comes back makes it ready (a first one that fails
// closes it); from ready, 重新读取 reads again and 确认导入 writes,
// which closes it on success and makes it ready again on failure;
// 取消 and Escape close it but while writing.
type importState int

const (
	importReading importState = iota // the workbook is being read; the first time nothing is shown yet
	importReady                      // a reading is shown: it can be read again or confirmed
	importWriting                    // the reading shown is being written to the ledger
	importClosed                     // the dialog is gone: late results change nothing
)

// busy reports whether work runs in the background: the reading shown
// can be neither read again nor confirmed.
func (s importState) busy() bool { return s == importReading || s == importWriting }

// read reads the workbook with opt in the background and shows it. A
// first reading that fails closes the dialog; a later one keeps the
// reading shown.
func (d *importPreview) read(opt sheet.ImportOptions) {
	d.state = importReading
	d.activity.Start()
	d.activity.Show()
	if d.p != nil {
		d.hint.SetText("正在重新读取…")
		d.hint.Importance = widget.MediumImportance
		d.hint.Refresh()
	}
	d.update()
	d.background(func() func() {
		p, err := d.l.PreviewImport(d.path, opt)
		return func() {
			d.activity.Stop()
			d.activity.Hide()
			if d.state == importClosed {
				return
			}
			d.state = importReady
			if err != nil {
				if d.p == nil {
					d.close()
				}
				dialog.ShowError(err, d.w)
				d.update()
				return
			}
			d.p, d.opt = p, opt
			d.show()
		}
	})
}

// background runs work off the UI goroutine, then what it returns on it.
func (d *importPreview) background(work func() func()) {
	d.pending.Add(1)
	go func() {
		defer d.pending.Done()
		then := work()
		fyne.DoAndWait(then)
	}()
}

// fieldChanged records the user's choice of a column for field k; a
// column read into another field is taken from it, as the reading will.
func (d *importPreview) fieldChanged(k ledger.FieldKey, v string) {
	if d.syncing {
		return
	}
	if v != importNone {
		d.syncing = true
		for key, sel := range d.fields {
			if key != k && sel.Selected == v {
				sel.SetSelected(importNone)
			}
		}
		d.syncing = false
	}
	d.changed()
}

// changed marks the choices as not yet read.
func (d *importPreview) changed() {
	if d.syncing || d.p == nil {
		return
	}
	d.edited = true
	d.update()
}

// options returns the reading options of the choices made.
func (d *importPreview) options() (sheet.ImportOptions, error) {
	var opt sheet.ImportOptions
	if s := d.sheetSel.Selected; d.sheetRow.Visible() && s != "" && s != d.p.Sheet {
		opt.Sheet = s // another sheet: its own columns, as detected
	} else {
		opt.Sheet = d.opt.Sheet
		opt.Mapping = d.mapping()
	}
	if k := d.kindSel.Selected; k != importKindAuto && k != "" {
		kind, err := ledger.ParseKind(k)
		if err != nil {
			return opt, err
		}
		opt.Defaults.Kind = kind
	}
	if m := strings.TrimSpace(d.meeting.Text); m != "" {
		a, term, session, ok := ledger.ParseMeeting(m)
		if !ok {
			return opt, fmt.Errorf("届次会议“%s”应写作“市政协十四届二次会议”或“区十八届人大二次会议”", m)
		}
		opt.Defaults.Assembly, opt.Defaults.Term, opt.Defaults.Session = a, term, session
	}
	return opt, nil
}

// mapping returns the corrections of the detected columns that the
// Selects make (see sheet.Mapping.Override), nil when there are none.
func (d *importPreview) mapping() sheet.Mapping {
	var m sheet.Mapping
	for _, f := range ledger.Fields {
		col := slices.Index(d.columns, d.fields[f.Key].Selected) - 1 // importNone → -1
		det, detected := d.p.Detected[f.Key]
		if detected && det == col || !detected && col < 0 {
			continue
		}
		if m == nil {
			m = sheet.Mapping{}
		}
		m[f.Key] = col
	}
	return m
}

func (d *importPreview) rereadTapped() {
	if d.state.busy() || d.p == nil {
		return
	}
	opt, err := d.options()
	if err != nil {
		d.hint.Text, d.hint.Importance = err.Error(), widget.DangerImportance
		d.content.Refresh()
		return
	}
	d.read(opt)
}

// confirmTapped writes the reading shown in the background, then closes
// the dialog and reports the counts.
func (d *importPreview) confirmTapped() {
	if d.state.busy() || d.edited || d.p == nil || !d.p.CanConfirm() {
		return
	}
	p := d.p
	d.state = importWriting
	d.activity.Start()
	d.activity.Show()
	d.update()
	d.background(func() func() {
		added, updated, err := d.l.ImportConfirm(p)
		return func() {
			d.state = importReady
			d.activity.Stop()
			d.activity.Hide()
			if err != nil {
				dialog.ShowError(err, d.w)
				d.update()
				return
			}
			d.close()
			if d.done != nil {
				d.done(added, updated)
			}
		}
	})
}

// update enables the buttons and says what they will do.
func (d *importPreview) update() {
	p := d.p
	busy := d.state.busy()
	can := p != nil && !busy && !d.edited && p.CanConfirm()
	dlgEnable(d.confirm, can)
	dlgEnable(d.reread, p != nil && !busy)
	dlgEnable(d.cancelBtn, d.state != importWriting)
	imp := widget.MediumImportance
	if d.edited {
		imp = widget.HighImportance
	}
	if d.reread.Importance != imp {
		d.reread.Importance = imp
		d.reread.Refresh()
	}
	if p == nil || d.state == importReading {
		return
	}
	text, himp := "", widget.MediumImportance
	switch {
	case d.state == importWriting:
		text = "正在写入台账…"
	case d.edited:
		text, himp = "已改选：点左下方“重新读取”按新的选择重新预览，然后才能确认导入", widget.HighImportance
	case p.Errors() > 0:
		text, himp = fmt.Sprintf("有%d处错误，不能导入：请按下方“问题”改正表格后点“重新读取”，或在左侧改选各栏取自哪一列。确认时要么全部写入，要么一件不写", p.Errors()), widget.DangerImportance
	case p.Added+p.Updated == 0:
		text = "表中各件与台账中的完全相同，没有需要导入的内容"
	default:
		text, himp = fmt.Sprintf("确认后一次写入台账：新增%d件，更新%d件", p.Added, p.Updated), widget.SuccessImportance
	}
	if d.hint.Text == text && d.hint.Importance == himp && !d.relayout {
		return
	}
	d.hint.Text, d.hint.Importance = text, himp
	d.relayout = false
	d.content.Refresh() // lays out the summary and the hint, which may take more lines
}
