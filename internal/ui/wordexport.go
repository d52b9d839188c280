package ui

import (
	"errors"

	"replydesk/internal/app"
)

// ExportWordDialog asks where to write the reply as a Word document,
// writes it and offers to open it, as ExportDialog does for the PDF: a
// reply with errors is exported only after the user confirms, and then
// does not change its item's status.
func (u *UI) ExportWordDialog() {
	u.whenReady("导出", func(force bool) {
		askSave(u.Window, kindWord, u.baseName()+".docx", u.exportDir, func(p string) { u.exportWordTo(p, force) })
	})
}

// exportWordTo writes the Word document to p and offers to open it; force
// as for exportTo. Only a reply without errors makes its item 已答复.
func (u *UI) exportWordTo(p string, force bool) {
	r := u.form.read()
	d := u.desk
	writeOff(u.status, "正在导出 Word…", func() func() {
		errs, err := d.ExportDOCX(p, r, force)
		return func() {
			var ce *app.CheckError
			if errors.As(err, &ce) {
				u.status.SetText("未导出：答复函有错误")
				u.askForce("导出", ce.Problems, func() { u.exportWordTo(p, true) })
				return
			}
			if err != nil {
				u.status.SetText("Word 文档未导出")
				showError("导出", p, err, u.Window) // in Chinese: see Desk.ExportDOCX
				return
			}
			u.exported("已导出 Word", p, r, errs)
		}
	})
}
