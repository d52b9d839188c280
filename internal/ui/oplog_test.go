package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"replydesk/internal/ledger"
)

// TestItemLogInWindow: the item editor says who changed the item last,
// its 操作记录 lists every change newest first, and the 汇总表 exported
// with the 操作记录 has that sheet, naming the clerk.
func TestItemLogInWindow(t *testing.T) {
	backends(t, func(t *testing.T, backend string) {
		q := queue(t)
		u, st := oneWindow(t, backend)
		v := u.ledgerView
		selectItem(t, v, "244")
		v.editor.fields[ledger.FStatus].set(string(ledger.InProgress))
		test.Tap(v.editor.save)
		id := v.current
		if err := colleague(st, func() error {
			it, err := st.Item(id)
			if err != nil {
				return err
			}
			it.Notes = "已与提案人电话沟通"
			return st.SaveItem(it)
		}); err != nil {
			t.Fatal(err)
		}
		selectItem(t, v, "9")
		selectItem(t, v, "244")
		pump(t, q, 2*time.Second, "last change", func() bool { return strings.HasPrefix(v.Note(), "最后修改：李四") })

		lines := showItemLog(u.ledger, &v.editor.item, u.Window)
		if len(lines) < 3 || !strings.Contains(lines[0], "李四") || !strings.Contains(lines[0], "备注") ||
			!strings.Contains(lines[1], "张三") || !strings.Contains(lines[1], "办理状态 未办理 → 办理中") {
			t.Errorf("操作记录 %q", lines)
		}
		if !dialogShows(u, "办理状态 未办理 → 办理中") {
			t.Error("the 操作记录 dialog does not show the change")
		}
		u.Window.Canvas().Overlays().Top().Hide()

		// The 汇总表 dialog offers the sheet; the choice is remembered.
		var withLog, asked bool
		u.askExportLog(func(b bool) { withLog, asked = b, true })
		if u.exportLogCheck == nil || !dialogShows(u, "操作记录") {
			t.Fatal("no 操作记录 choice")
		}
		u.exportLogCheck.SetChecked(true)
		tapButton(t, u.Window.Canvas().Overlays().Top(), "选择保存位置…")
		if !asked || !withLog || !u.App.Preferences().Bool(prefExportLog) {
			t.Errorf("answer %v %v", asked, withLog)
		}
		p := filepath.Join(t.TempDir(), "汇总表.xlsx")
		u.exportLedger(p, v.filter, true)
		u.Settle()
		x, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		rows, err := x.GetRows("操作记录")
		if err != nil {
			t.Fatalf("no 操作记录 sheet: %v (sheets %v)", err, x.GetSheetList())
		}
		all := ""
		for _, r := range rows {
			all += strings.Join(r, "|") + "\n"
		}
		if !strings.Contains(all, "李四") || !strings.Contains(all, "张三") || !strings.Contains(all, "已与提案人电话沟通") {
			t.Errorf("操作记录 sheet:\n%s", all)
		}
	})
}

// tapButton taps the button with that text under o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == text {
				found = w
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(found)
}
