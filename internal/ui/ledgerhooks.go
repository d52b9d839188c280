package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
)

// Placeholders until the import preview and batch dialogs land.
var importDialog = func(w fyne.Window, l *app.Ledger, path string, done func(added, updated int)) {
	dialog.ShowInformation("导入交办清单", path, w)
}

var batchDialog = func(w fyne.Window, l *app.Ledger, items []ledger.Item, dir string, done func([]app.BatchResult)) {
	dialog.ShowInformation("批量导出 PDF", dir, w)
}
