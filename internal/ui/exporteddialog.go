package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
)

// showWritten tells that a file was written (title: "已导出 PDF") with an
// information icon, the message, and buttons to open the file or the
// folder that holds it.
func showWritten(title, message, path string, w fyne.Window) *dialog.CustomDialog {
	icon := widget.NewIcon(theme.InfoIcon())
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(nil, nil, container.NewCenter(container.NewGridWrap(fyne.NewSize(48, 48), icon)), nil, msg)
	var d *dialog.CustomDialog
	openFile := widget.NewButtonWithIcon("打开文件", theme.FileIcon(), func() {
		d.Hide()
		openInBackground(path, w, app.OpenFile)
	})
	openFile.Importance = widget.HighImportance
	openDir := widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), func() {
		d.Hide()
		openInBackground(path, w, app.OpenFolder)
	})
	closeBtn := widget.NewButtonWithIcon("关闭", theme.CancelIcon(), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(title, content, w)
	d.SetButtons([]fyne.CanvasObject{closeBtn, openDir, openFile})
	d.Resize(dialogSize(w, fyne.NewSize(600, min(420, msg.MinSize().Height+180))))
	d.Show()
	return d
}

// opening counts the files and folders being opened by openInBackground;
// tests wait on it.
var opening sync.WaitGroup

// openInBackground opens a file, or the folder that holds it, with
// open (app.OpenFile, app.OpenFolder), reporting a failure in w; starting
// the system's program for it can take a moment.
func openInBackground(path string, w fyne.Window, open func(string) error) {
	opening.Add(1)
	go func() {
		defer opening.Done()
		if err := open(path); err != nil {
			fyne.Do(func() { showError("打开", path, err, w) })
		}
	}()
}
