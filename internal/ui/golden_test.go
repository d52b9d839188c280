package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The main window with the seed reply, and the ledger tab, at the default
// size, rendered by Fyne's test driver as markup: testdata/golden/*.xml
// is reviewed as a picture of the layout, so a change to it shows in the
// diff. After a deliberate change, take the new files from
// testdata/failed/golden/ (written when the test fails).
func TestGoldenWindow(t *testing.T) {
	u := newLedgerUI(t)
	u.Window.Resize(fyne.NewSize(1280, 800))
	r := seed(t)
	u.Load(r, 0, "")
	u.preview.Flush()
	u.tabs.SelectIndex(tabReply)
	u.preview.status.SetText("排版与渲染用时 20 毫秒") // the time taken varies
	test.AssertRendersToMarkup(t, "golden/main-window.xml", u.Window.Canvas())

	u.ShowLedger()
	test.AssertRendersToMarkup(t, "golden/ledger-tab.xml", u.Window.Canvas())

	// Pictures for the README when REPLYDESK_CAPTURE names a folder.
	if dir := os.Getenv("REPLYDESK_CAPTURE"); dir != "" {
		v := u.ledgerView
		v.table.Select(widget.TableCellID{Row: rowOf(v, "244"), Col: 1})
		capture(t, u.Window, filepath.Join(dir, "ledger.png"))
		u.tabs.SelectIndex(tabReply)
		u.form.tabs.SelectIndex(tabText)
		u.Settle()
		u.preview.status.SetText("排版与渲染用时 20 毫秒")
		capture(t, u.Window, filepath.Join(dir, "screenshot.png"))
	}
}
