package ui

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/reply"
)

// Labels of the choice between a text and a table attachment.
const (
	kindText  = "正文"
	kindTable = "表格"
)

// attachments edits the 附件 of a reply: the title of each, and either
// its text or its table (with a note above it).
type attachments struct {
	onChange func()
	window   func() fyne.Window
	items    []*attachmentEditor
	box      *fyne.Container
	scroll   *container.Scroll
	dir      fyne.ListableURI // the folder of the last workbook opened or written
}

func newAttachments(onChange func(), w func() fyne.Window) *attachments {
	a := &attachments{onChange: onChange, window: w, box: container.NewVBox()}
	a.scroll = container.NewVScroll(a.box)
	a.scroll.OnScrolled = func(fyne.Position) {
		for _, ed := range a.items {
			if ed.isTable {
				ed.table.updateWindow(false)
			}
		}
	}
	return a
}

// view is the list of attachments with the buttons that add one.
func (a *attachments) view(label *widget.Label) fyne.CanvasObject {
	add := widget.NewButtonWithIcon("添加附件", theme.ContentAddIcon(), func() {
		a.add(reply.Attachment{})
		a.rebuild()
		a.onChange()
	})
	imp := widget.NewButtonWithIcon("从 Excel 导入附件", theme.FolderOpenIcon(), func() { a.importDialog(nil) })
	return container.NewBorder(container.NewHBox(label, add, imp), nil, nil, nil, a.scroll)
}

// attachmentEditor edits one attachment. Its table is kept while the
// attachment is switched to text, so that switching back restores it;
// the text (a note above the table) is kept the same way.
type attachmentEditor struct {
	a           *attachments
	num         *widget.Label
	title, body *widget.Entry
	kind        *widget.RadioGroup
	export      *widget.Button
	kept        *widget.Label   // says that a table is kept while the attachment is text
	content     *fyne.Container // the text, or the note and the table
	view        *fyne.Container
	table       *tableGrid // nil until the attachment is first a table
	isTable     bool
}

func (a *attachments) add(at reply.Attachment) *attachmentEditor {
	ed := &attachmentEditor{a: a, num: widget.NewLabel(""), title: widget.NewEntry(), body: widget.NewMultiLineEntry()}
	ed.title.SetText(at.Title)
	ed.title.SetPlaceHolder("附件名称，末尾不加标点")
	ed.body.SetText(at.Body)
	ed.body.Wrapping = fyne.TextWrapWord
	ed.title.OnChanged = func(string) { a.onChange() }
	ed.body.OnChanged = func(string) { a.onChange() }
	if at.Table != nil {
		ed.table = a.newTableGrid(ed, at.Table)
		ed.isTable = true
	}
	ed.kind = widget.NewRadioGroup([]string{kindText, kindTable}, nil)
	ed.kind.Horizontal, ed.kind.Required = true, true
	ed.kind.SetSelected(ed.kindLabel())
	ed.kind.OnChanged = func(s string) { ed.setTable(s == kindTable) }
	ed.export = widget.NewButtonWithIcon("导出为 Excel", theme.DocumentSaveIcon(), func() { a.exportDialog(ed) })
	imp := widget.NewButtonWithIcon("从 Excel 导入", theme.FolderOpenIcon(), func() { a.importDialog(ed) })
	ed.kept = widget.NewLabel("")
	ed.kept.Importance = widget.LowImportance
	ed.kept.Wrapping = fyne.TextWrapWord
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { a.remove(ed) })
	head := container.NewBorder(nil, nil, ed.num, del, ed.title)
	kind := container.NewHBox(widget.NewLabel("内容"), ed.kind, imp, ed.export)
	ed.content = container.NewVBox()
	// The wheel over the title and the buttons scrolls the list too.
	ed.view = container.NewVBox(passWheel(container.NewVBox(head, kind), a.scroll), ed.content, widget.NewSeparator())
	ed.show()
	a.items = append(a.items, ed)
	return ed
}

func (ed *attachmentEditor) kindLabel() string {
	if ed.isTable {
		return kindTable
	}
	return kindText
}

// setTable shows the attachment as a table or as text. Neither the text
// nor the table is lost: as a table, the text is the note printed above
// it; as text, the table is kept aside until the attachment is a table
// again (or the reply is saved without it).
func (ed *attachmentEditor) setTable(on bool) {
	if on == ed.isTable {
		return
	}
	if on && ed.table == nil {
		ed.table = ed.a.newTableGrid(ed, &reply.Table{Header: make([]string, 2), Rows: [][]string{make([]string, 2)}})
	}
	ed.isTable = on
	ed.kind.SetSelected(ed.kindLabel())
	ed.show()
	ed.a.onChange()
}

// show puts the widgets of the attachment's kind in its content.
func (ed *attachmentEditor) show() {
	if ed.isTable {
		ed.body.SetPlaceHolder("表格上方的说明文字（可不写），每行一段")
		rows := 4
		if strings.TrimSpace(ed.body.Text) == "" {
			rows = 1 // room for the table
		}
		ed.body.SetMinRowsVisible(rows)
		ed.export.Show()
		ed.content.Objects = []fyne.CanvasObject{ed.body, ed.table.view}
	} else {
		ed.body.SetPlaceHolder("附件正文，每行一段")
		ed.body.SetMinRowsVisible(4)
		ed.export.Hide()
		ed.content.Objects = []fyne.CanvasObject{ed.body}
		if ed.table != nil && ed.table.m.filled() {
			ed.kept.SetText(fmt.Sprintf("原表格（%d列，%d行）仍保留，选“表格”即可恢复；作为正文时不打印表格", ed.table.m.columns(), len(ed.table.m.rows)))
			ed.content.Objects = append(ed.content.Objects, ed.kept)
		}
	}
	relayout(ed.content)
	ed.a.resized()
}

// read returns the attachment as edited.
func (ed *attachmentEditor) read() reply.Attachment {
	at := reply.Attachment{Title: ed.title.Text, Body: ed.body.Text}
	if ed.isTable {
		at.Table = ed.table.m.table()
	}
	return at
}

// remove deletes an attachment.
func (a *attachments) remove(ed *attachmentEditor) {
	if i := slices.Index(a.items, ed); i >= 0 {
		a.items = slices.Delete(a.items, i, i+1)
	}
	a.rebuild()
	a.onChange()
}

// load shows the attachments of a reply.
func (a *attachments) load(ats []reply.Attachment) {
	a.items = nil
	for _, at := range ats {
		a.add(at)
	}
	a.rebuild()
}

// rebuild lays out the list of attachments and numbers them; the editors
// themselves are kept.
func (a *attachments) rebuild() {
	objs := make([]fyne.CanvasObject, len(a.items))
	for i, ed := range a.items {
		ed.num.SetText(fmt.Sprintf("附件%d", i+1))
		objs[i] = ed.view
	}
	a.box.Objects = objs
	a.resized()
}

// resized lays out the list of attachments again after it changed height:
// the scroll only resizes its content when refreshed (Fyne does not pass a
// change of height up through a scroll).
func (a *attachments) resized() {
	relayout(a.box)
	a.scroll.Refresh()
}

// relayout lays out a container whose objects changed and has it redrawn.
// Container.Refresh would refresh every widget in it too, which takes long
// with a large table.
func relayout(c *fyne.Container) {
	if c.Size().IsZero() {
		return // not shown yet: laid out when it is
	}
	c.Layout.Layout(c.Objects, c.Size())
	canvas.Refresh(c)
}

// read returns the attachments as edited.
func (a *attachments) read() []reply.Attachment {
	var out []reply.Attachment
	for _, ed := range a.items {
		out = append(out, ed.read())
	}
	return out
}

// xlsxOnly shows only workbooks in a file dialog.

// importDialog asks for a workbook and imports its table into ed, or into
// a new attachment when ed is nil.
func (a *attachments) importDialog(ed *attachmentEditor) {
	w := a.window()
	askOpen(w, kindSheet, a.dir, func(path string) {
		if ed != nil && ed.isTable && ed.table.m.filled() {
			confirm("从 Excel 导入", fmt.Sprintf("用“%s”中的表格替换%s现有的表格吗？", filepath.Base(path), ed.num.Text), "替换", "取消", func() {
				if err := a.importFile(ed, path); err != nil {
					showError("导入", path, err, w)
				}
			}, w)
			return
		}
		if err := a.importFile(ed, path); err != nil {
			showError("导入", path, err, w)
		}
	})
}

// importFile reads the table of the workbook at path into ed (whose title
// it takes when ed has none), or into a new attachment when ed is nil.
func (a *attachments) importFile(ed *attachmentEditor, path string) error {
	at, err := app.ImportAttachment(path)
	if err != nil {
		return err
	}
	a.remember(path)
	if ed == nil {
		a.add(at)
		a.rebuild()
		a.onChange()
		return nil
	}
	if strings.TrimSpace(ed.title.Text) == "" {
		ed.title.SetText(at.Title)
	}
	ed.table = a.newTableGrid(ed, at.Table)
	ed.isTable = false // show the new table even when already a table
	ed.setTable(true)
	return nil
}

// exportDialog asks where to write the table of ed as a workbook.
func (a *attachments) exportDialog(ed *attachmentEditor) {
	w := a.window()
	askSave(w, kindSheet, fileName(ed.title.Text, ed.num.Text)+".xlsx", a.dir, func(p string) {
		at, num := ed.read(), ed.num.Text
		writeOff(nil, "", func() func() {
			err := app.ExportAttachment(p, &at)
			return func() {
				if err != nil {
					showError("导出", p, err, w)
					return
				}
				a.remember(p)
				dialog.ShowInformation("导出为 Excel", "已导出"+num+"的表格：\n"+p, w)
			}
		})
	})
}

// exportFile writes the table of ed to the workbook at path.
func (a *attachments) exportFile(ed *attachmentEditor, path string) error {
	at := ed.read()
	if err := app.ExportAttachment(path, &at); err != nil {
		return err
	}
	a.remember(path)
	return nil
}

// remember makes the folder of path where the next file dialog opens.
func (a *attachments) remember(path string) {
	if dir := folderOf(path); dir != nil {
		a.dir = dir
	}
}

// fileName makes a file name of an attachment's title, or of fallback.
func fileName(title, fallback string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return -1
		}
		return r
	}, strings.TrimSpace(title))
	if name == "" {
		return fallback
	}
	return name
}

var cellFieldRe = regexp.MustCompile(`^attachments\[(\d+)\]\.table\.(?:header\[(\d+)\]|rows\[(\d+)\]\[(\d+)\])`)

// cell returns the grid and the row (-1: the header) and column of the
// table cell a problem field names (attachments[0].table.rows[2][1],
// attachments[0].table.header[1]), or a nil grid.
func (a *attachments) cell(field string) (g *tableGrid, row, col int) {
	m := cellFieldRe.FindStringSubmatch(field)
	if m == nil {
		return nil, 0, 0
	}
	i, _ := strconv.Atoi(m[1])
	if i >= len(a.items) || !a.items[i].isTable {
		return nil, 0, 0
	}
	g, row = a.items[i].table, -1
	if m[2] != "" {
		col, _ = strconv.Atoi(m[2])
	} else {
		row, _ = strconv.Atoi(m[3])
		col, _ = strconv.Atoi(m[4])
	}
	if g.at(row, col) == nil {
		return nil, 0, 0
	}
	return g, row, col
}

// focusCell scrolls to the table cell a problem field names and puts the
// cursor in it; it reports whether there is such a cell. (The form's
// focus could call it for problems in tables.)
func (a *attachments) focusCell(field string) bool {
	g, row, col := a.cell(field)
	if g == nil {
		return false
	}
	g.focus(row, col)
	return true
}
