package ui

import (
	"fmt"
	"image/color"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/sheet"
)

// importTableColumns head the columns of the planned rows.
var importTableColumns = []struct {
	title string
	width float32
}{
	{"行号", 52}, {"处理", 64}, {"编号", 60}, {"案由", 230}, {"提出人", 90},
	{"主办单位", 130}, {"交办日期", 116}, {"办理期限", 116}, {"说明", 360},
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
	d.edited = false

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
