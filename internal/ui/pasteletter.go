package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/reply"
)

// pasteHint says what the 粘贴全文 dialog does with the form: the rule is
// app.FillFrom's.
const pasteHint = "把整封答复函——从标题、称谓到落款、联系人——粘贴在下面，点“识别并填入”后自动拆分到各栏。\n" +
	"识别出的栏目填入表单，替换已填写的内容前会先询问；没有识别出的栏目保留表单原来的内容。"

// pasteBox is the 粘贴全文 dialog.
type pasteBox struct {
	dlg   *dialog.CustomDialog
	entry *widget.Entry
	fill  *widget.Button // 识别并填入
}

// PasteDialog opens the 粘贴全文 dialog: a whole letter pasted there is
// split into the form's fields (see fillPasted).
func (u *UI) PasteDialog() { u.showPaste() }

func (u *UI) showPaste() *pasteBox {
	p := &pasteBox{entry: widget.NewMultiLineEntry()}
	p.entry.Wrapping = fyne.TextWrapWord
	p.entry.SetPlaceHolder("在此粘贴答复函全文（Ctrl+V）")
	hint := widget.NewLabel(pasteHint)
	hint.Wrapping = fyne.TextWrapWord
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { p.dlg.Hide() })
	p.fill = widget.NewButtonWithIcon("识别并填入", theme.ConfirmIcon(), func() {
		u.fillPasted(p.entry.Text, p.dlg.Hide)
	})
	p.fill.Importance = widget.HighImportance
	p.fill.Disable()
	p.entry.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" {
			p.fill.Disable()
		} else {
			p.fill.Enable()
		}
	}
	p.dlg = dialog.NewCustomWithoutButtons("粘贴全文", container.NewBorder(hint, nil, nil, nil, p.entry), u.Window)
	p.dlg.SetButtons([]fyne.CanvasObject{cancel, p.fill})
	p.dlg.Show()
	p.dlg.Resize(dialogSize(u.Window, fyne.NewSize(860, 620)))
	u.Window.Canvas().Focus(p.entry)
	return p
}

// fillPasted recognises the fields of the letter text off the UI
// goroutine and fills the form with them (see app.FillFrom), after asking
// when they replace fields the form has filled in otherwise; then it
// calls done and tells what the recognition could not place. Settle waits
// for the recognition.
func (u *UI) fillPasted(text string, done func()) {
	d, profile := u.desk, u.profile
	u.background.Add(1)
	go func() {
		defer u.background.Done()
		im, err := d.ImportPasted(text, "")
		if err == nil {
			// The settings win over the letter, as for every reply that
			// starts; the date stays the form's.
			im.Start(d, profile, reply.Date{})
		}
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(err, u.Window)
				return
			}
			form := u.form.read()
			merged, replaced := app.FillFrom(form, im.Reply)
			if form.Date == u.today() {
				// Today is the date every new reply starts with, not one the
				// user wrote: the letter's replaces it without asking.
				replaced = slices.DeleteFunc(replaced, func(f string) bool { return f == "date" })
			}
			apply := func() {
				done()
				u.form.load(merged)
				u.edited()
				u.ShowReply()
				u.status.SetText(fmt.Sprintf("已识别粘贴的全文并填入表单（%d条说明）", len(im.Notes)))
				u.showImported(im, "粘贴的全文", false)
			}
			if len(replaced) == 0 {
				apply()
				return
			}
			names := make([]string, len(replaced))
			for i, f := range replaced {
				names[i] = reply.FieldLabel(f)
			}
			confirm("替换已填写的内容？",
				fmt.Sprintf("识别出的以下%d个栏目与表单中已填写的内容不同，将被替换：\n%s\n\n其余栏目：识别出的填入空栏，没有识别出的保留原来的内容。",
					len(names), strings.Join(names, "、")),
				"替换", "取消", apply, u.Window)
		})
	}()
}
