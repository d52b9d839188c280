package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// toolbar is a row of buttons with icons and words: staff should not have
// to guess what an icon means.
func (u *UI) toolbar() fyne.CanvasObject {
	button := func(label string, icon fyne.Resource, fn func()) fyne.CanvasObject {
		b := widget.NewButtonWithIcon(label, icon, fn)
		b.Importance = widget.LowImportance
		return b
	}
	return container.NewHBox(
		button("新建", theme.DocumentCreateIcon(), u.ChooseStyle),
		button("打开", theme.FolderOpenIcon(), u.OpenDialog),
		button("保存", theme.DocumentSaveIcon(), u.Save),
		button("从 Word 导入", theme.DownloadIcon(), u.ImportLetterDialog),
		widget.NewSeparator(),
		button("导出 PDF", theme.UploadIcon(), u.ExportDialog),
		button("导出 Word", theme.FileTextIcon(), u.ExportWordDialog),
		button("打印", theme.DocumentPrintIcon(), u.Print),
		widget.NewSeparator(),
		button("历史版本", theme.HistoryIcon(), u.History),
		button("设置", theme.SettingsIcon(), u.Settings),
	)
}

// keyed is a menu item with a Ctrl (⌘ on macOS) shortcut: the window
// runs it wherever the focus is, even inside an entry.
func keyed(label string, key fyne.KeyName, fn func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, fn)
	it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	return it
}

// shiftKeyed is keyed with Shift too: Ctrl+Shift+S.
func shiftKeyed(label string, key fyne.KeyName, fn func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, fn)
	it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	return it
}

func (u *UI) menu() *fyne.MainMenu {
	file := []*fyne.MenuItem{
		keyed("新建答复…", fyne.KeyN, u.ChooseStyle),
		keyed("打开答复文件…", fyne.KeyO, u.OpenDialog),
		keyed("保存", fyne.KeyS, u.Save),
		shiftKeyed("另存为…", fyne.KeyS, u.SaveAsDialog),
		fyne.NewMenuItem("从 Word 或文本导入…", u.ImportLetterDialog),
		fyne.NewMenuItemSeparator(),
		keyed("导出 PDF…", fyne.KeyE, u.ExportDialog),
		fyne.NewMenuItem("导出 Word…", u.ExportWordDialog),
		fyne.NewMenuItem("导出公开版…", u.ExportPublicDialog),
		keyed("打印", fyne.KeyP, u.Print),
	}
	for _, it := range file {
		if sc, ok := it.Shortcut.(fyne.KeyboardShortcut); ok {
			// Also on the canvas: test drivers and windows without a menu bar.
			u.Window.Canvas().AddShortcut(sc, func(fyne.Shortcut) { it.Action() })
		}
	}
	return fyne.NewMainMenu(
		fyne.NewMenu("文件", file...),
		fyne.NewMenu("台账",
			fyne.NewMenuItem("查看台账", u.ShowLedger),
			fyne.NewMenuItem("导入交办清单…", u.ImportLedgerDialog),
			fyne.NewMenuItem("导出办理情况汇总表…", u.ExportLedgerDialog),
			fyne.NewMenuItem("批量导出答复（PDF 或 Word）…", u.BatchDialog),
			fyne.NewMenuItem("批量公开…", u.PublishDialog),
		),
		fyne.NewMenu("草稿",
			fyne.NewMenuItem("历史版本…", u.History),
			fyne.NewMenuItem("删除当前草稿", u.DeleteDraft),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("设置…", u.Settings),
			fyne.NewMenuItem("台账数据库（本机或共享服务器）…", u.StoreSettings),
		),
	)
}

// defaultStyle is the profile's style, else the first one.
func (u *UI) defaultStyle() *style.Style {
	if s := u.desk.StyleNamed(u.profile.Style); s != nil {
		return s
	}
	for _, s := range u.desk.Styles {
		if s.Kind == reply.Proposal && s.Format == style.Plain {
			return s
		}
	}
	if len(u.desk.Styles) > 0 {
		return u.desk.Styles[0]
	}
	return nil
}

// brokenStyleText says why a style file could not be used: file, line and
// the first problem, e.g. "未能载入：自制答复.toml 第3行：…".
func brokenStyleText(e *app.StyleError) string {
	where := filepath.Base(e.File)
	if e.Line > 0 {
		where += fmt.Sprintf(" 第%d行", e.Line)
	}
	return "未能载入：" + where + "：" + e.Msg
}

// NewReply starts a new reply in style st, with the defaults of the
// settings and today's date (see app.StartReply).
func (u *UI) NewReply(st *style.Style) {
	if st == nil {
		return
	}
	r := st.NewReply()
	app.StartReply(r, u.profile, u.today())
	u.Load(r, 0, "")
	u.list.selected = 0
	u.list.selectID(0)
}

// today is the date a new reply is dated: the ledger's today (which tests
// set), else the machine's.
func (u *UI) today() reply.Date {
	if u.ledger != nil {
		return u.ledger.Date()
	}
	return ledger.Today()
}

// ChooseStyle asks for the house style of a new reply.
func (u *UI) ChooseStyle() {
	var d dialog.Dialog
	var items []fyne.CanvasObject
	for _, st := range u.desk.Styles {
		st := st
		b := widget.NewButton(st.Name, func() { d.Hide(); u.NewReply(st) })
		desc := widget.NewLabel(st.Description)
		desc.Wrapping = fyne.TextWrapWord
		items = append(items, container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(130, 36), b), nil, desc))
	}
	// Styles whose files failed to load are listed, not hidden: the
	// bureau sees which file and line to correct.
	for _, be := range u.desk.Broken {
		name := be.Name
		if name == "" {
			name = "样式文件夹"
		}
		b := widget.NewButton(name, nil)
		b.Disable()
		desc := widget.NewLabel(brokenStyleText(be))
		desc.Wrapping = fyne.TextWrapWord
		desc.Importance = widget.DangerImportance
		items = append(items, container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(130, 36), b), nil, desc))
	}
	d = dialog.NewCustom("新建答复：选择样式", "取消", container.NewVScroll(container.NewVBox(items...)), u.Window)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

func (u *UI) openDraft(id int64) {
	if u.drafts == nil || id == u.saver.Draft() {
		return
	}
	d, err := u.drafts.Draft(id)
	if err != nil {
		dialog.ShowError(err, u.Window)
		return
	}
	u.Load(&d.Reply, id, d.File)
}

// OpenDialog asks for a *.reply.toml file and opens it.
func (u *UI) OpenDialog() {
	askOpen(u.Window, kindReply, nil, func(p string) {
		if err := u.OpenFile(p); err != nil {
			showError("打开", p, err, u.Window)
		}
	})
}

// OpenFile opens a reply file. A file that a draft already holds selects
// that draft (asking first, when the file changed on disk since, which of
// the two to keep); another one becomes a new draft that holds it.
func (u *UI) OpenFile(path string) error {
	of, err := app.OpenReplyFile(u.drafts, path)
	if err != nil {
		return err
	}
	switch {
	case of.Draft == 0:
		u.openNew(of)
	case of.Changed:
		u.askWhichToKeep(of)
	default:
		u.openHeld(of, of.Held)
		u.status.SetText("这个文件已在草稿中打开：" + filepath.Base(of.Path))
	}
	if of.Note != "" { // a file in Notepad's "Unicode" or GB18030
		dialog.ShowInformation("文件编码已转换", of.Note, u.Window)
	}
	return nil
}

// openNew shows a reply file that no draft holds as a new draft that
// holds it.
func (u *UI) openNew(of *app.OpenedFile) {
	var id int64
	if u.drafts != nil {
		_ = u.saver.Flush()
		var err error
		if id, err = u.drafts.CreateDraft(of.Reply); err != nil {
			u.status.SetText("未能存为草稿：" + err.Error())
			id = 0
		}
	}
	u.Load(of.Reply, id, of.Path)
	u.status.SetText("已打开 " + of.Path)
	if id == 0 {
		u.saver.Touch(of.Reply)
		return
	}
	if err := app.HoldFile(u.drafts, id, of.Path, of.Hash); err != nil {
		u.status.SetText("草稿未能记住文件：" + err.Error())
	}
	u.list.refresh()
	u.list.selectID(id)
	u.title()
	u.replyEvent(of.Reply, false) // the item the reply answers is 办理中 now
}

// openHeld shows r as the content of the draft that holds the file.
func (u *UI) openHeld(of *app.OpenedFile, r *reply.Reply) {
	u.Load(r, of.Draft, of.Path)
	u.list.refresh()
	u.list.selectID(of.Draft)
	u.ShowReply()
}

// askWhichToKeep asks, for a file that changed on disk since its draft
// read or wrote it, whether to take the file's version into the draft or
// keep the draft (a later save then writes the draft to the file).
func (u *UI) askWhichToKeep(of *app.OpenedFile) {
	name := filepath.Base(of.Path)
	var d *dialog.CustomDialog
	disk := widget.NewButton("使用磁盘上的版本", func() {
		d.Hide()
		u.openHeld(of, of.Reply)
		u.saver.Touch(of.Reply)
		if err := u.saver.Flush(); err == nil {
			_ = app.HoldFile(u.drafts, of.Draft, of.Path, of.Hash)
			_ = u.drafts.Checkpoint(of.Draft, "读入 "+name)
		}
		u.status.SetText("已使用磁盘上的版本：" + name)
	})
	keep := widget.NewButton("保留草稿", func() {
		d.Hide()
		u.openHeld(of, of.Held)
		u.status.SetText("已保留草稿；保存时将覆盖磁盘上的“" + name + "”")
	})
	keep.Importance = widget.HighImportance
	msg := widget.NewLabel("“" + name + "”已在草稿中打开，但此后文件在磁盘上被修改过，与草稿内容不同。\n" +
		"使用磁盘上的版本：草稿换成文件现在的内容（草稿原来的内容留在历史版本中）。\n保留草稿：不读入文件，下次保存时用草稿覆盖它。")
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons("文件已在磁盘上修改", msg, u.Window)
	d.SetButtons([]fyne.CanvasObject{disk, keep})
	d.Resize(dialogSize(u.Window, fyne.NewSize(600, 260)))
	d.Show()
}

// Save writes the reply to its file, or asks for one; the draft gets a
// checkpoint. A file another program changed since the draft read or
// wrote it is overwritten only after asking.
func (u *UI) Save() {
	if u.path == "" {
		u.SaveAsDialog()
		return
	}
	path := u.path
	save := func() { u.saveFileOff(path) }
	_ = u.saver.Flush()
	if app.ChangedOnDisk(u.drafts, u.saver.Draft(), path) {
		confirm("覆盖文件？", "“"+filepath.Base(path)+"”在打开后已被其他程序修改。\n保存会用当前草稿覆盖这些修改；要保留两者，请用“另存为”。",
			"覆盖", "取消", save, u.Window)
		return
	}
	save()
}

// SaveFile writes the reply to path, which the draft then holds: the
// window's title names it, Ctrl+S writes there, also after a restart. It
// waits for the write; Save and the save dialog write off the UI
// goroutine (saveFileOff).
func (u *UI) SaveFile(path string) error {
	write, done := u.saveFile(path)
	return done(write())
}

// saveFileOff writes the reply to path as SaveFile does, off the UI
// goroutine, and says how it went.
func (u *UI) saveFileOff(path string) {
	write, done := u.saveFile(path)
	writeOff(u.status, "正在保存…", func() func() {
		res := write()
		return func() {
			if err := done(res); err != nil {
				u.status.SetText("未保存")
				showError("保存", path, err, u.Window)
			}
		}
	})
}

// savedFile is what writing a reply file did.
type savedFile struct {
	key string // the file written, "" when none
	err error
}

// saveFile reads the reply and flushes its draft (on the UI goroutine),
// and returns write, which writes the file (on any goroutine), and done,
// which shows what write did (on the UI goroutine) and returns the error
// that kept the file from being written.
func (u *UI) saveFile(path string) (write func() savedFile, done func(savedFile) error) {
	r := u.form.read()
	u.saver.Touch(r)
	_ = u.saver.Flush()
	id := u.saver.Draft()
	drafts := u.drafts
	write = func() savedFile {
		// An existing reply file is edited in place: the user's comments,
		// blank lines and key order stay, only changed values change.
		key, err := app.SaveReplyFile(drafts, id, path, r)
		if key != "" && drafts != nil && id != 0 {
			_ = drafts.Checkpoint(id, "保存为 "+filepath.Base(key))
		}
		return savedFile{key, err}
	}
	done = func(s savedFile) error {
		if s.key == "" {
			return s.err
		}
		u.path, u.source = s.key, ""
		u.title()
		if drafts != nil && id != 0 {
			u.list.refresh()
		}
		u.replyEvent(r, false)
		if s.err != nil {
			u.status.SetText("已保存 " + s.key + "，但草稿未能记住这个文件：" + s.err.Error())
			return nil
		}
		u.status.SetText("已保存 " + s.key)
		return nil
	}
	return write, done
}

// SaveAsDialog asks where to save the reply: beside its file under its
// name, or, for one imported from a letter, beside the letter.
func (u *UI) SaveAsDialog() {
	name, dir := u.baseName()+".reply.toml", fyne.ListableURI(nil)
	switch {
	case u.path != "":
		name, dir = filepath.Base(u.path), folderOf(u.path)
	case u.source != "":
		name = strings.TrimSuffix(filepath.Base(u.source), filepath.Ext(u.source)) + ".reply.toml"
		dir = folderOf(u.source)
	}
	askSave(u.Window, kindReply, name, dir, u.saveFileOff)
}

// baseName proposes a file name: reply-<number>.
func (u *UI) baseName() string {
	if n := strings.TrimSpace(u.form.entries["number"].Text); n != "" {
		return "reply-" + n
	}
	return "reply"
}

// ExportDialog asks where to write the PDF, writes it and offers to open it.
// A reply with errors is exported only after the user confirms, and then
// does not change its item's status.
func (u *UI) ExportDialog() {
	u.whenReady("导出", func(force bool) {
		askSave(u.Window, kindPDF, u.baseName()+".pdf", u.exportDir, func(p string) { u.exportTo(p, force) })
	})
}

// exportTo writes the PDF to p and offers to open it. force exports a
// reply that has errors (the user confirmed it); without it such a reply
// is only exported after asking. Only a reply without errors makes its
// item 已答复.
func (u *UI) exportTo(p string, force bool) {
	r := u.form.read()
	d := u.desk
	writeOff(u.status, "正在导出 PDF…", func() func() {
		_, errs, err := d.ExportChecked(p, r, force)
		return func() {
			var ce *app.CheckError
			if errors.As(err, &ce) {
				u.status.SetText("未导出：答复函有错误")
				u.askForce("导出", ce.Problems, func() { u.exportTo(p, true) })
				return
			}
			if err != nil {
				u.status.SetText("PDF 未导出")
				dialog.ShowError(err, u.Window) // in Chinese: see Desk.ExportChecked
				return
			}
			u.exported("已导出 PDF", p, r, errs)
		}
	})
}

// exported tells that reply r was written to p (title: "已导出 PDF") with
// the errors errs, and offers to open it. Only a reply without errors
// makes its item 已答复.
func (u *UI) exported(title, p string, r *reply.Reply, errs []reply.Problem) {
	if dir := folderOf(p); dir != nil {
		u.exportDir = dir
	}
	msg := p
	if len(errs) == 0 {
		u.replyEvent(r, true)
		u.status.SetText("已导出 " + p)
	} else {
		u.status.SetText(fmt.Sprintf("已导出 %s（有%d处错误，台账状态未改变）", p, len(errs)))
		msg += fmt.Sprintf("\n\n答复函有%d处错误，台账中不会标记为已答复。", len(errs))
	}
	showWritten(title, msg, p, u.Window)
}

// whenReady runs an export or print: at once when the reply has no
// errors (force false), else after the user confirmed a list of them
// (force true). From then on the fields in error are marked even when
// empty.
func (u *UI) whenReady(what string, fn func(force bool)) {
	u.preview.Flush()
	if !u.form.strict {
		u.form.strict = true
		u.form.mark(u.problems.items)
	}
	var errs []reply.Problem
	for _, p := range u.problems.items {
		if p.Severity == reply.Error {
			errs = append(errs, p)
		}
	}
	if len(errs) == 0 {
		fn(false)
		return
	}
	u.askForce(what, errs, func() { fn(true) })
}

// maxListedErrors is how many errors the confirmation lists.
const maxListedErrors = 8

// askForce asks whether to export (what: "导出", "打印") a reply that has
// the errors errs, listing them, and calls fn when the user goes on.
func (u *UI) askForce(what string, errs []reply.Problem, fn func()) {
	var b strings.Builder
	fmt.Fprintf(&b, "答复函还有%d处错误：", len(errs))
	for i, p := range errs {
		if i == maxListedErrors {
			fmt.Fprintf(&b, "\n……另有%d处，见“问题”一栏", len(errs)-i)
			break
		}
		fmt.Fprintf(&b, "\n%d. %s", i+1, p.Message)
	}
	fmt.Fprintf(&b, "\n出错的栏目已标红。有错误的答复在台账中不会标记为已答复。\n仍然%s？", what)
	msg := widget.NewLabel(b.String())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("答复函还有错误", "仍然"+what, "取消", container.NewVScroll(msg), func(ok bool) {
		if ok {
			fn()
		}
	}, u.Window)
	d.Resize(dialogSize(u.Window, fyne.NewSize(600, min(480, msg.MinSize().Height+160))))
	d.Show()
}
