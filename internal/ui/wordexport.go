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
	errs, err := u.desk.ExportDOCX(p, r, force)
	var ce *app.CheckError
	if errors.As(err, &ce) {
		u.askForce("导出", ce.Problems, func() { u.exportWordTo(p, true) })
		return
	}
	if err != nil {
		showError("导出", p, err, u.Window) // in Chinese: see Desk.ExportDOCX
		return
	}
	u.exported("已导出 Word", p, r, errs)
}
