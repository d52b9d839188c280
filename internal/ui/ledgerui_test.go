package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/sheet"
)

// newLedgerUI is the window over a database holding the items of
// testLedger, its ledger read.
func newLedgerUI(t *testing.T) *UI {
	t.Helper()
	u, st := newUI(t)
	l, _ := testLedger(t)
	items, err := l.Items(ledger.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range items {
		items[i].ID = 0
	}
	if _, _, err := st.UpsertItems(items); err != nil {
		t.Fatal(err)
	}
	u.ledger.Today = func() reply.Date { return ledgerDay }
	if err := u.LoadLedger(); err != nil {
		t.Fatal(err)
	}
	return u
}

func selectItem(t *testing.T, v *ledgerView, number string) {
	t.Helper()
	row := slices.IndexFunc(v.Shown(), func(it ledger.Item) bool { return it.Number == number })
	if row < 0 {
		t.Fatalf("item %s not shown", number)
	}
	v.table.Select(widget.TableCellID{Row: row, Col: 0})
}

func shownItem(v *ledgerView, number string) ledger.Item {
	return v.Shown()[slices.IndexFunc(v.Shown(), func(it ledger.Item) bool { return it.Number == number })]
}

// From the ledger to a reply and back: drafting opens the item's reply
// in the form; saving gives the item its category; exporting makes it
// 已答复 with the reply's date.
func TestLedgerDraftSaveExport(t *testing.T) {
	u := newLedgerUI(t)
	v := u.Ledger()
	if got := u.tabs.Items[tabLedger].Text; got != "台账（超期 1 件）" {
		t.Errorf("ledger tab %q", got)
	}
	u.ShowLedger()
	selectItem(t, v, "244")
	test.Tap(v.draftButton)
	if u.tabs.SelectedIndex() != tabReply {
		t.Fatal("drafting a reply should bring the form to the front")
	}
	f := u.form
	if f.entries["item_title"].Text != "关于加快推进我市产教融合发展的建议" || f.entries["number"].Text != "244" || f.entries["proposers"].Text != "董妍" {
		t.Fatalf("form = %q %q %q", f.entries["item_title"].Text, f.entries["number"].Text, f.entries["proposers"].Text)
	}
	draft := u.saver.Draft()
	if draft == 0 {
		t.Fatal("the reply of an item is a draft in the database")
	}
	for _, o := range f.category.Options {
		if choiceCode(o) == "B" {
			f.category.SetSelected(o)
		}
	}
	test.Type(f.entries["body"], "一、基本情况\n我局高度重视。")
	u.Settle()
	if it := shownItem(v, "244"); it.Category != "B" || it.Status != ledger.InProgress || it.DraftID != draft {
		t.Fatalf("after autosave the ledger shows %+v", it)
	}

	for _, kv := range [][2]string{{"issuer", "长春市教育局"}, {"date", "2023-09-08"}} {
		f.entries[kv[0]].SetText(kv[1])
	}
	u.Settle()
	pdf := filepath.Join(t.TempDir(), "244.pdf")
	// Still without 公开属性 and contact: exporting asks first, and a
	// forced export leaves the item as it was.
	u.exportTo(pdf, false)
	writing.Wait()
	if got := dialogText(u); !strings.Contains(got, "答复函还有3处错误：\n1. 公开属性未填写") || !strings.Contains(got, "[仍然导出]") {
		t.Fatalf("export with errors shows %q", got)
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Fatal("a reply with errors was exported before the user confirmed")
	}
	test.Tap(overlayButton(t, u.Window.Canvas(), "仍然导出"))
	writing.Wait()
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("confirmed export: %v", err)
	}
	if got := dialogText(u); !strings.Contains(got, "答复函有3处错误，台账中不会标记为已答复") {
		t.Errorf("after a forced export the window shows %q", got)
	}
	if it, err := u.ledger.Store.ItemOfDraft(draft); err != nil || it.Status != ledger.InProgress || it.Replied != (reply.Date{}) {
		t.Fatalf("after a forced export the item is %+v, %v", it, err)
	}
	if got := shownItem(v, "244"); got.Status != ledger.InProgress {
		t.Errorf("after a forced export the table shows %s", got.Status)
	}
	test.Tap(overlayButton(t, u.Window.Canvas(), "关闭"))

	f.disclosure.SetSelected(f.disclosure.Options[0])
	f.entries["contact.name"].SetText("刘洋")
	f.entries["contact.phone"].SetText("0431-88776655")
	u.Settle()
	u.exportTo(pdf, false)
	writing.Wait()
	it, err := u.ledger.Store.ItemOfDraft(draft)
	if err != nil || it.Status != ledger.Answered || it.Replied != (reply.Date{Year: 2023, Month: 9, Day: 8}) {
		t.Fatalf("after export the item is %+v, %v", it, err)
	}
	if got := shownItem(v, "244"); got.Status != ledger.Answered {
		t.Errorf("the table still shows %s", got.Status)
	}
	if s := v.summary.Text; !strings.Contains(s, "已超期 0 件") {
		t.Errorf("an answered item is no longer overdue: %q", s)
	}
	if got := u.tabs.Items[tabLedger].Text; got != "台账（1 件将到期）" {
		t.Errorf("ledger tab %q", got)
	}
}

// A reply opened from a file, not from the ledger, finds its item by
// meeting and number when saved.
func TestLedgerLinksReplyByNumber(t *testing.T) {
	u := newLedgerUI(t)
	r := seed(t) // 市政协十四届二次会议第244号
	u.Load(r, 0, "")
	u.saver.Touch(r)
	u.Settle()
	it := shownItem(u.Ledger(), "244")
	if it.DraftID == 0 || it.DraftID != u.saver.Draft() || it.Category != r.Category || it.DocNumber != r.DocNumber {
		t.Fatalf("item after saving the seed = %+v (draft %d)", it, u.saver.Draft())
	}
}

func TestEscapeClosesDialogs(t *testing.T) {
	u, _ := newUI(t)
	c := u.Window.Canvas()
	u.ChooseStyle()
	if c.Overlays().Top() == nil {
		t.Fatal("no dialog shown")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := c.Overlays().Top(); top != nil {
		t.Fatalf("Escape left %T open", top)
	}
	// Other keys still reach what was there before.
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyA})
}

func TestCalendarInChinese(t *testing.T) {
	test.NewTempApp(t)
	var got reply.Date
	c := newCalendar(reply.Date{Year: 2023, Month: 6, Day: 20}, func(d reply.Date) { got = d })
	if c.Month() != "2023年6月" {
		t.Fatalf("month header %q", c.Month())
	}
	// June 2023 starts on a Thursday: 7 weekday heads, 3 blanks, then day 1.
	first := c.days.Objects[7+3].(*widget.Button)
	if first.Text != "1" {
		t.Fatalf("first day cell %q", first.Text)
	}
	if c.days.Objects[7+3+19].(*widget.Button).Importance != widget.HighImportance {
		t.Error("the chosen day is not marked")
	}
	test.Tap(c.days.Objects[7+3+29].(*widget.Button))
	if got != (reply.Date{Year: 2023, Month: 6, Day: 30}) {
		t.Fatalf("picked %v", got)
	}
	c.show(c.month.AddDate(0, 1, 0))
	if c.Month() != "2023年7月" {
		t.Fatalf("next month %q", c.Month())
	}
	if isISODate("", "如 2023年6月1日") || !isISODate("", "2023-06-20") || !isISODate("2023-06-20", "") {
		t.Error("isISODate")
	}
}

// 导出汇总表 writes the items the ledger tab shows.
func TestLedgerExportShown(t *testing.T) {
	u := newLedgerUI(t)
	v := u.Ledger()
	v.overdue.SetChecked(true)
	v.dueSoon.SetChecked(true)
	p := filepath.Join(t.TempDir(), "汇总表.xlsx")
	u.exportLedger(p, v.filter, false)
	u.Settle()
	if !strings.Contains(u.status.Text, "已导出汇总表（2 件）") {
		t.Fatalf("status %q", u.status.Text)
	}
	im, err := sheet.ReadLedgerFile(p, sheet.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range im.Rows {
		got = append(got, r.Item.Number)
	}
	if !slices.Equal(got, []string{"244", "17"}) {
		t.Errorf("exported rows %v, want the overdue and the due-soon items", got)
	}
}

// A reply file dropped on the window opens in the form; other files are
// refused with a message.
func TestDropFiles(t *testing.T) {
	u, _ := newUI(t)
	abs, err := filepath.Abs(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	u.Dropped([]fyne.URI{storage.NewFileURI("/tmp/x.pdf"), storage.NewFileURI(abs)})
	if u.Form("number").Text != "244" || u.path != abs {
		t.Fatalf("after the drop the form shows number %q from %q", u.Form("number").Text, u.path)
	}
	u.Dropped([]fyne.URI{storage.NewFileURI("/tmp/x.pdf")})
	if u.Window.Canvas().Overlays().Top() == nil {
		t.Error("dropping a PDF said nothing")
	}
}
