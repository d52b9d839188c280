package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

func rowOf(v *ledgerView, number string) int {
	return slices.IndexFunc(v.Shown(), func(it ledger.Item) bool { return it.Number == number })
}

// Selecting an item paints its whole row; ↑ and ↓ move by rows and
// Enter opens the item's reply.
func TestLedgerTableSelectsRowsAndKeys(t *testing.T) {
	v, _, opened := newTestLedgerView(t)
	sel := theme.Color(theme.ColorNameSelection)
	selectItem(t, v, "17")
	row := rowOf(v, "17")
	for col := range v.cols {
		if bg, _ := cell(v, row, col); bg.FillColor != sel {
			t.Errorf("column %s of the selected row is not shown selected", v.cols[col])
		}
	}
	other := (row + 1) % len(v.Shown())
	if bg, _ := cell(v, other, 0); bg.FillColor == sel {
		t.Error("a row not selected is shown selected")
	}

	start := v.row
	v.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if start == len(v.Shown())-1 {
		v.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
		v.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	}
	if v.row == start || v.current != v.Shown()[v.row].ID || !v.editor.showing(v.Shown()[v.row].ID) {
		t.Fatalf("↓ left the selection on row %d (was %d), editor shows %d", v.row, start, v.editor.item.ID)
	}
	moved := v.row
	v.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if v.row != moved-1 {
		t.Fatalf("↑ from row %d selected row %d", moved, v.row)
	}
	want := v.Shown()[v.row].Title
	v.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(*opened) != 1 || (*opened)[0].r.ItemTitle != want {
		t.Fatalf("Enter opened %+v, want the reply of %q", *opened, want)
	}
}

// The title is cut with an ellipsis in the table and shown whole over the
// editor; 承办方式 shows what the item has or 未填; 剩余天数 counts down.
func TestLedgerTableCells(t *testing.T) {
	v, _, _ := newTestLedgerView(t)
	title := slices.Index(v.cols, ledger.FTitle)
	row := rowOf(v, "244")
	if _, l := cell(v, row, title); l.Truncation != fyne.TextTruncateEllipsis || l.Text != v.Shown()[row].Title {
		t.Errorf("title cell %q truncation %v", l.Text, l.Truncation)
	}
	if _, l := cell(v, row, 0); l.Truncation != fyne.TextTruncateClip {
		t.Error("the number column should be clipped, not ellipsized")
	}
	selectItem(t, v, "244")
	if got := v.editor.title.Text; !strings.Contains(got, v.Shown()[row].Title) || v.editor.title.Wrapping != fyne.TextWrapWord || v.editor.title.Truncation != fyne.TextTruncateOff {
		t.Errorf("the editor's heading %q should show the whole title", got)
	}

	mode := slices.Index(v.cols, ledger.FMode)
	v.shown[row].Mode = ""
	if _, l := cell(v, row, mode); l.Text != ledger.Unfilled {
		t.Errorf("承办方式 of an item without one shows %q", l.Text)
	}
	v.shown[row].Mode = ledger.Lead
	if _, l := cell(v, row, mode); l.Text != string(ledger.Lead) {
		t.Errorf("承办方式 shows %q, want %q", l.Text, ledger.Lead)
	}

	rem := slices.Index(v.cols, colRemaining)
	if got := headerText(v, rem); !strings.HasPrefix(got, "剩余天数") {
		t.Errorf("header %q", got)
	}
	for _, c := range []struct{ number, want string }{{"17", "剩 4 天"}, {"31", ""}} {
		r := rowOf(v, c.number)
		if _, l := cell(v, r, rem); l.Text != c.want {
			t.Errorf("剩余天数 of %s = %q, want %q", c.number, l.Text, c.want)
		}
	}
	it := v.Shown()[row]
	if _, l := cell(v, row, rem); !strings.HasPrefix(l.Text, "超期 ") || l.Importance != widget.DangerImportance {
		t.Errorf("剩余天数 of the overdue item (deadline %s, today %s) = %q", it.Deadline, v.today, l.Text)
	}
	today := reply.Date{Year: 2024, Month: 1, Day: 10}
	if got := remainingDays(&ledger.Item{Deadline: today, Status: ledger.Pending}, today); got != "今日到期" {
		t.Errorf("deadline today: %q", got)
	}
}

// Hidden columns and dragged widths persist in the app's preferences.
func TestLedgerColumnsPersist(t *testing.T) {
	v, l, _ := newTestLedgerView(t)
	n := len(v.cols)
	menu := v.columnsMenu()
	i := slices.IndexFunc(menu.Items, func(m *fyne.MenuItem) bool { return m.Label == "提出人" })
	if i < 0 || !menu.Items[i].Checked {
		t.Fatalf("the columns menu should list 提出人 checked: %+v", menu.Items)
	}
	menu.Items[i].Action()
	if len(v.cols) != n-1 || slices.Contains(v.cols, ledger.FProposers) {
		t.Fatalf("after hiding 提出人 the columns are %v", v.cols)
	}
	if r, c := v.table.Length(); r != len(v.Shown()) || c != n-1 {
		t.Errorf("table length %d×%d", r, c)
	}
	v.showColumn(ledger.FNumber, false)
	if v.cols[0] != ledger.FNumber {
		t.Error("the number column cannot be hidden")
	}
	title := slices.Index(v.cols, ledger.FTitle)
	v.table.SetColumnWidth(title, 333) // as a drag does
	v.table.DragEnd()

	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	again := newLedgerView(l, func() fyne.Window { return w }, func(int64, *reply.Reply) {})
	if slices.Contains(again.cols, ledger.FProposers) || len(again.cols) != n-1 {
		t.Errorf("a new window shows the columns %v", again.cols)
	}
	if again.widths[ledger.FTitle] != 333 {
		t.Errorf("a new window gives the title %v wide, want 333", again.widths[ledger.FTitle])
	}
	again.showColumn(ledger.FProposers, true)
	if !slices.Contains(again.cols, ledger.FProposers) || slices.Index(again.cols, ledger.FProposers) != slices.Index(ledgerColumns, ledger.FProposers) {
		t.Errorf("shown again, the columns are %v", again.cols)
	}
	if got := fyne.CurrentApp().Preferences().StringList(prefHiddenColumns); len(got) != 0 {
		t.Errorf("hidden columns kept: %v", got)
	}
}

// In the window, ↑, ↓ and Enter reach the ledger's table while no field
// has the focus (Fyne's window may not focus the table itself).
func TestLedgerKeysInWindow(t *testing.T) {
	u := newLedgerUI(t)
	u.ShowLedger()
	v := u.Ledger()
	c := u.Window.Canvas()
	test.TapAt(v.table, fyne.NewPos(100, 60)) // the first row
	if v.row != 0 {
		t.Fatalf("tapping the first row selected row %d", v.row)
	}
	c.Unfocus()
	key := c.OnTypedKey()
	key(&fyne.KeyEvent{Name: fyne.KeyDown})
	if v.row != 1 || v.current != v.Shown()[1].ID {
		t.Fatalf("↓ in the window selected row %d", v.row)
	}
	key(&fyne.KeyEvent{Name: fyne.KeyEscape}) // not the table's
	if v.row != 1 {
		t.Errorf("Escape moved the selection to %d", v.row)
	}
	key(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.tabs.SelectedIndex() != tabReply || u.Form("item_title").Text != v.Shown()[1].Title {
		t.Errorf("Enter opened %q on tab %d, want the reply of %q", u.Form("item_title").Text, u.tabs.SelectedIndex(), v.Shown()[1].Title)
	}
	key(&fyne.KeyEvent{Name: fyne.KeyUp}) // the reply tab: not the table's
	if v.row != 1 {
		t.Errorf("↑ on the reply tab moved the ledger to row %d", v.row)
	}
}
