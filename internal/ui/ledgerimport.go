package ui

import (
	"fmt"
	"image/color"
	"path/filepath"
	"slices"
	"strings"
	"sync"

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

// importTableColumns head the columns of the planned rows.
var importTableColumns = []struct {
	title string
	width float32
}{
	{"行号", 52}, {"处理", 64}, {"编号", 60}, {"案由", 230}, {"提出人", 90},
	{"主办单位", 130}, {"交办日期", 116}, {"办理期限", 116}, {"说明", 360},
}

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
	busy     bool                // reading or writing
	writing  bool
	dirty    bool // the choices differ from those of the reading shown
	syncing  bool // the Selects are being set from a reading
	relayout bool // the summary changed: the top of the dialog must be laid out again
	closed   bool

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
		if !d.writing {
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
	left := container.NewBorder(
		dlgHeading("各栏取自表格的哪一列"), d.reread, nil, nil,
		container.NewVScroll(container.NewVBox(
			d.sheetRow,
			form,
			widget.NewSeparator(),
			note("表格未写明时按："),
			defaults,
			note("改选后点“重新读取”，按新的对应重新预览。"),
		)))

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

// dlgHeading is a bold label over a part of a dialog.
func dlgHeading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// newTable is the table of the planned rows; rows with errors are red.
func (d *importPreview) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) {
			if d.p == nil {
				return 0, len(importTableColumns)
			}
			return len(d.p.Plan), len(importTableColumns)
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(canvas.NewRectangle(color.Transparent), l)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
			if d.p == nil || id.Row >= len(d.p.Plan) {
				l.SetText("")
				return
			}
			pl := &d.p.Plan[id.Row]
			text, imp := d.cell(pl, id)
			fill := color.Color(color.Transparent)
			if pl.Action == app.Skip {
				fill = dlgTint(theme.ColorNameError)
			}
			if bg.FillColor != fill {
				bg.FillColor = fill
				bg.Refresh()
			}
			l.Importance = imp
			l.SetText(text)
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return dlgHeading("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(importTableColumns) {
			o.(*widget.Label).SetText(importTableColumns[id.Col].title)
		}
	}
	for i, c := range importTableColumns {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// cell is the text and colour of one cell of the planned rows.
func (d *importPreview) cell(pl *app.Planned, id widget.TableCellID) (string, widget.Importance) {
	it := &pl.Item
	imp := widget.MediumImportance
	if pl.Action == app.Skip {
		imp = widget.DangerImportance
	}
	switch id.Col {
	case 0:
		return fmt.Sprint(pl.Line), imp
	case 1:
		return pl.Action.String(), actionImportance(pl.Action)
	case 2:
		return it.Number, imp
	case 3:
		return it.Title, imp
	case 4:
		return ledger.ProposersText(it.Proposers, it.ProposerCount), imp
	case 5:
		return it.LeadUnit, imp
	case 6:
		return it.Assigned.String(), imp
	case 7:
		return it.Deadline.String(), imp
	case 8:
		if id.Row < len(d.notes) {
			if pl.Action == app.Keep {
				imp = widget.LowImportance
			}
			return d.notes[id.Row], imp
		}
	}
	return "", imp
}

func actionImportance(a app.Action) widget.Importance {
	switch a {
	case app.Add:
		return widget.SuccessImportance
	case app.Update:
		return widget.HighImportance
	case app.Skip:
		return widget.DangerImportance
	}
	return widget.LowImportance
}

// dlgTint is a theme colour made faint, to colour a row's background.
func dlgTint(n fyne.ThemeColorName) color.Color {
	r, g, b, _ := theme.Color(n).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x30}
}

// read reads the workbook with opt in the background and shows it. A
// first reading that fails closes the dialog; a later one keeps the
// reading shown.
func (d *importPreview) read(opt sheet.ImportOptions) {
	d.busy = true
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
			d.busy = false
			d.activity.Stop()
			d.activity.Hide()
			if d.closed {
				return
			}
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

// show fills the dialog from the reading d.p.
func (d *importPreview) show() {
	p := d.p
	s := "文件：" + filepath.Base(d.path)
	if p.Title != "" {
		s += "　　表格标题：" + p.Title
	}
	s += "\n" + p.Summary()
	if p.DeadlineRule != "" {
		s += "\n" + p.DeadlineRule
	}
	d.summary.SetText(s)
	d.relayout = true

	d.syncing = true
	d.columns = []string{importNone}
	for _, c := range p.Columns {
		d.columns = append(d.columns, columnOption(c))
	}
	for _, f := range ledger.Fields {
		sel := d.fields[f.Key]
		sel.Options = d.columns
		v := importNone
		if col, ok := p.Mapping[f.Key]; ok && col >= 0 && col < len(p.Columns) {
			v = d.columns[col+1]
		}
		sel.SetSelected(v)
		sel.Refresh()
	}
	if len(p.Sheets) > 1 {
		d.sheetSel.Options = p.Sheets
		d.sheetSel.SetSelected(p.Sheet)
		d.sheetRow.Show()
	}
	if p.Defaults.Term > 0 && d.meeting.Text == "" {
		d.meeting.SetPlaceHolder("按标题：" + ledger.Meeting(p.Defaults.Assembly, p.Defaults.Term, p.Defaults.Session))
	}
	d.syncing = false
	d.dirty = false

	d.notes = planNotes(p)
	d.table.Refresh()
	d.table.ScrollToTop()
	d.showProblems()
	d.update()
}

// columnOption names a column in a field's Select: "C列：提案人".
func columnOption(c sheet.Column) string {
	h := strings.Join(strings.Fields(c.Header), " ")
	if h == "" {
		return c.Letter + "列（无列名）"
	}
	if r := []rune(h); len(r) > 14 {
		h = string(r[:13]) + "…"
	}
	return c.Letter + "列：" + h
}

// planNotes says, for each planned row, why it cannot be imported (its
// first error), what an update changes from what to what, or its first
// warning.
func planNotes(p *app.Preview) []string {
	byLine := map[int][]sheet.Problem{}
	for _, pr := range p.Problems {
		if pr.Row > 0 {
			byLine[pr.Row] = append(byLine[pr.Row], pr)
		}
	}
	notes := make([]string, len(p.Plan))
	for i, pl := range p.Plan {
		probs := byLine[pl.Line]
		switch pl.Action {
		case app.Skip:
			for _, pr := range probs {
				if pr.Severity == reply.Error {
					notes[i] = cellNote(pr)
					break
				}
			}
		case app.Update:
			notes[i] = "将更改：" + ledger.Changes(pl.Changes)
		case app.Keep:
			notes[i] = "与台账中的相同"
		}
		if notes[i] == "" && len(probs) > 0 {
			notes[i] = "提醒：" + cellNote(probs[0])
		}
	}
	return notes
}

// cellNote is a row's problem without its row: "交办日期：…".
func cellNote(pr sheet.Problem) string {
	msg := strings.TrimSpace(pr.Message)
	if pr.Column != "" {
		if rest, ok := strings.CutPrefix(msg, fmt.Sprintf("第%d行“%s”列", pr.Row, pr.Column)); ok {
			if strings.HasPrefix(rest, "为空") {
				return pr.Column + rest
			}
			return pr.Column + "：" + strings.TrimPrefix(rest, "：")
		}
	}
	if rest, ok := strings.CutPrefix(msg, fmt.Sprintf("第%d行", pr.Row)); ok {
		return rest
	}
	return msg
}

// showProblems lists the problems of the reading, those of the sheet as
// a whole first.
func (d *importPreview) showProblems() {
	probs := slices.Clone(d.p.Problems)
	slices.SortStableFunc(probs, func(a, b sheet.Problem) int { return a.Row - b.Row })
	var objs []fyne.CanvasObject
	for i, pr := range probs {
		if i == importMaxShown {
			more := widget.NewLabel(fmt.Sprintf("……另有%d处问题未列出，请先改正以上各处", len(probs)-i))
			objs = append(objs, more)
			break
		}
		l := widget.NewLabel(d.problemText(pr))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		if pr.Severity == reply.Error {
			l.Importance = widget.DangerImportance
		}
		objs = append(objs, l)
	}
	if len(objs) == 0 {
		objs = append(objs, widget.NewLabel("没有发现问题"))
	}
	d.problems.Objects = objs
	d.problems.Refresh()
}

// problemText is a problem as the list shows it: "错误　第5行 G列（交办日期）：…".
func (d *importPreview) problemText(pr sheet.Problem) string {
	sev := "提醒"
	if pr.Severity == reply.Error {
		sev = "错误"
	}
	msg := strings.TrimSpace(pr.Message)
	if pr.Row > 0 {
		if c, ok := d.problemColumn(pr); ok {
			where := fmt.Sprintf("第%d行 %s列（%s）", pr.Row, c.Letter, pr.Column)
			if rest, ok := strings.CutPrefix(msg, fmt.Sprintf("第%d行“%s”列", pr.Row, pr.Column)); ok {
				if !strings.HasPrefix(rest, "为空") {
					rest = "：" + strings.TrimPrefix(rest, "：")
				}
				msg = where + rest
			}
		}
	}
	return sev + "　" + msg
}

// problemColumn finds the column a problem is about.
func (d *importPreview) problemColumn(pr sheet.Problem) (sheet.Column, bool) {
	cols := d.p.Columns
	if col, ok := d.p.Mapping[pr.Field]; ok && pr.Field != "" && col >= 0 && col < len(cols) {
		return cols[col], true
	}
	if pr.Column == "" {
		return sheet.Column{}, false
	}
	i := slices.IndexFunc(cols, func(c sheet.Column) bool { return c.Header == pr.Column })
	if i < 0 {
		return sheet.Column{}, false
	}
	return cols[i], true
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
	d.dirty = true
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
	if d.busy || d.p == nil {
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
	if d.busy || d.dirty || d.p == nil || !d.p.CanConfirm() {
		return
	}
	p := d.p
	d.busy, d.writing = true, true
	d.activity.Start()
	d.activity.Show()
	d.update()
	d.background(func() func() {
		added, updated, err := d.l.ImportConfirm(p)
		return func() {
			d.busy, d.writing = false, false
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
	can := p != nil && !d.busy && !d.dirty && p.CanConfirm()
	dlgEnable(d.confirm, can)
	dlgEnable(d.reread, p != nil && !d.busy)
	dlgEnable(d.cancelBtn, !d.writing)
	imp := widget.MediumImportance
	if d.dirty {
		imp = widget.HighImportance
	}
	if d.reread.Importance != imp {
		d.reread.Importance = imp
		d.reread.Refresh()
	}
	if p == nil || d.busy && !d.writing {
		return
	}
	text, himp := "", widget.MediumImportance
	switch {
	case d.writing:
		text = "正在写入台账…"
	case d.dirty:
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
	if d.closed {
		return
	}
	d.closed = true
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
