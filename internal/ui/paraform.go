package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/reply"
)

// The choices of the 本段 select, in the order of reply.ParaForm.
var paraForms = []string{"自动判断", "按标题排", "按正文排"}

// paraFormHelp explains numbered paragraphs and the 本段 select.
const paraFormHelp = `以“一、”“（一）”“1.”“（1）”开头的段落自动判断：
①序号所在的一句（到第一个“。”“；”“：”为止，没有就是整段）不超过一行时，按标题排，只有这一句用标题字体（一、黑体，（一）楷体），其后的文字仍用正文字体。例如“二、加强部门协作。市民政局……”只有“二、加强部门协作。”用黑体。
②序号所在的一句超过一行时，是带序号的正文，整段用仿宋。

自动判断不合适时，把光标放在该段，在“本段”中选：
①按标题排：序号所在的一句不论多长都用标题字体；
②按正文排：整段用正文字体，序号也不加粗；
③自动判断：取消这一段的设置。

设置按段首的文字记住（保存在答复件 [text] 的 as_heading、as_text 中），段落移动位置后仍然有效；改动了段首文字的段落要重新设置。正文文字本身不加任何标记。`

// paraFormTools is the 本段 select, which sets how the paragraph at the
// cursor of the body is set, and its help button.
func (f *form) paraFormTools() fyne.CanvasObject {
	f.paraForm = widget.NewSelect(paraForms, func(choice string) {
		if f.syncing {
			return
		}
		form := reply.AutoForm
		for i, c := range paraForms {
			if c == choice {
				form = reply.ParaForm(i)
			}
		}
		r := &reply.Reply{AsHeading: f.asHeading, AsText: f.asText}
		r.SetForm(f.cursorPara(), form)
		f.asHeading, f.asText = r.AsHeading, r.AsText
		if !f.loading && f.onChange != nil {
			f.onChange()
		}
	})
	f.paraForm.Disable()
	help := widget.NewButtonWithIcon("", theme.HelpIcon(), func() {
		if f.window == nil {
			return
		}
		msg := widget.NewLabel(paraFormHelp)
		msg.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustom("带序号的段落怎样排", "知道了", container.NewVScroll(msg), f.window())
		d.Resize(fyne.NewSize(560, 420))
		d.Show()
	})
	f.entries["body"].OnCursorChanged = f.syncParaForm
	return container.NewHBox(widget.NewLabel("本段"), f.paraForm, help)
}

// cursorPara is the paragraph of the body the cursor is in.
func (f *form) cursorPara() string {
	e := f.entries["body"]
	lines := strings.Split(e.Text, "\n")
	if e.CursorRow < 0 || e.CursorRow >= len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[e.CursorRow])
}

// syncParaForm shows in the 本段 select how the paragraph at the cursor is
// set; the select is enabled only on numbered paragraphs.
func (f *form) syncParaForm() {
	para := f.cursorPara()
	if level, _ := reply.HeadingNumber(para); level == 0 {
		f.paraForm.Disable()
		f.setParaForm(reply.AutoForm)
		return
	}
	f.paraForm.Enable()
	r := reply.Reply{AsHeading: f.asHeading, AsText: f.asText}
	f.setParaForm(r.FormOf(para))
}

// setParaForm selects form without acting on it.
func (f *form) setParaForm(form reply.ParaForm) {
	if f.paraForm.Selected == paraForms[form] {
		return
	}
	f.syncing = true
	f.paraForm.SetSelected(paraForms[form])
	f.syncing = false
}
