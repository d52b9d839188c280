package ui

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/store"
)

// ledgerDay is the day the ledger tests are judged on.
var ledgerDay = reply.Date{Year: 2023, Month: 9, Day: 10}

// testLedger is a ledger over a fresh database holding four items: one
// overdue, one due in four days, one due later, one answered after its
// deadline (not overdue: it is done).
func testLedger(t *testing.T) (*app.Ledger, *store.Store) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "drafts.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	l := app.NewLedger(desk(t), st)
	l.Today = func() reply.Date { return ledgerDay }
	items := []ledger.Item{
		{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244", Title: "关于加快推进我市产教融合发展的建议",
			Proposers: []string{"董妍"}, LeadUnit: "市教育局", Assigned: reply.Date{Year: 2023, Month: 6, Day: 1}, Deadline: reply.Date{Year: 2023, Month: 9, Day: 1}, Status: ledger.Pending},
		{Kind: reply.Suggestion, Assembly: "市人大", Term: 16, Session: 2, Number: "17", Title: "关于改善老旧小区停车条件的建议",
			Proposers: []string{"王远健"}, LeadUnit: "市住建局", Deadline: reply.Date{Year: 2023, Month: 9, Day: 14}, Status: ledger.InProgress},
		{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "9", Title: "关于加强中小学体育教育的提案",
			Proposers: []string{"李明"}, LeadUnit: "市教育局", Deadline: reply.Date{Year: 2023, Month: 12, Day: 1}, Status: ledger.Pending},
		{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "31", Title: "关于职业教育实训基地建设的提案",
			Proposers: []string{"张华"}, LeadUnit: "市教育局", Deadline: reply.Date{Year: 2023, Month: 8, Day: 1}, Status: ledger.Answered, Category: "A"},
	}
	for i := range items {
		if err := l.SaveItem(&items[i]); err != nil {
			t.Fatal(err)
		}
	}
	return l, st
}

type draftOpened struct {
	id int64
	r  *reply.Reply
}

func newTestLedgerView(t *testing.T) (*ledgerView, *app.Ledger, *[]draftOpened) {
	t.Helper()
	test.NewTempApp(t)
	l, _ := testLedger(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	var opened []draftOpened
	v := newLedgerView(l, func() fyne.Window { return w }, func(id int64, r *reply.Reply) {
		opened = append(opened, draftOpened{id, r})
	})
	w.SetContent(v.view())
	w.Resize(fyne.NewSize(1280, 800))
	if err := v.load(); err != nil {
		t.Fatal(err)
	}
	return v, l, &opened
}

func numbers(items []ledger.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Number)
	}
	return out
}

func TestLedgerViewSortsByDeadline(t *testing.T) {
	v, _, _ := newTestLedgerView(t)
	if got, want := numbers(v.Shown()), []string{"31", "244", "17", "9"}; !slices.Equal(got, want) {
		t.Fatalf("rows by deadline = %v, want %v", got, want)
	}
	v.sortColumn(ledger.ByDeadline) // a second click reverses
	if got, want := numbers(v.Shown()), []string{"9", "17", "244", "31"}; !slices.Equal(got, want) {
		t.Fatalf("rows by deadline, descending = %v, want %v", got, want)
	}
	v.sortColumn(ledger.ByNumber)
	if got, want := numbers(v.Shown()), []string{"9", "17", "31", "244"}; !slices.Equal(got, want) {
		t.Fatalf("rows by number = %v, want %v", got, want)
	}
	if !strings.Contains(headerText(v, 0), "▲") || strings.Contains(headerText(v, 6), "▲") {
		t.Errorf("the sorted column's header should carry the arrow: %q, %q", headerText(v, 0), headerText(v, 6))
	}
}

func headerText(v *ledgerView, col int) string {
	b := v.table.CreateHeader().(*widget.Button)
	v.table.UpdateHeader(widget.TableCellID{Row: -1, Col: col}, b)
	return b.Text
}

// cell renders one cell of the table as the table does.
func cell(v *ledgerView, row, col int) (*canvas.Rectangle, *widget.Label) {
	o := v.table.CreateCell()
	v.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	c := o.(*fyne.Container)
	return c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
}

func TestLedgerViewHighlightsUrgentItems(t *testing.T) {
	v, _, _ := newTestLedgerView(t)
	deadline := slices.Index(ledgerColumns, ledger.FDeadline)
	for row, it := range v.Shown() {
		bg, l := cell(v, row, deadline)
		switch it.Number {
		case "244": // overdue
			if l.Importance != widget.DangerImportance || !strings.Contains(l.Text, "超期") || bg.FillColor == urgencyColor(ledger.Normal) {
				t.Errorf("overdue item: %q importance %v background %v", l.Text, l.Importance, bg.FillColor)
			}
		case "17": // due in 4 days
			if l.Importance != widget.WarningImportance || bg.FillColor != urgencyColor(ledger.UrgencyDueSoon) {
				t.Errorf("item due soon: %q importance %v background %v", l.Text, l.Importance, bg.FillColor)
			}
		case "9", "31": // later; answered
			if l.Importance != widget.MediumImportance || bg.FillColor != urgencyColor(ledger.Normal) || strings.Contains(l.Text, "超期") {
				t.Errorf("item %s should not be highlighted: %q importance %v", it.Number, l.Text, l.Importance)
			}
		}
	}
	if s := v.summary.Text; !strings.Contains(s, "共 4 件") || !strings.Contains(s, "已超期 1 件") || !strings.Contains(s, "7日内到期 1 件") {
		t.Errorf("summary = %q", s)
	}
}

func TestLedgerViewFilters(t *testing.T) {
	v, _, _ := newTestLedgerView(t)
	v.overdue.SetChecked(true)
	if got := numbers(v.Shown()); !slices.Equal(got, []string{"244"}) {
		t.Fatalf("overdue = %v", got)
	}
	v.dueSoon.SetChecked(true) // overdue or due soon
	if got := numbers(v.Shown()); !slices.Equal(got, []string{"244", "17"}) {
		t.Fatalf("overdue or due soon = %v", got)
	}
	v.overdue.SetChecked(false)
	v.dueSoon.SetChecked(false)
	v.kind.SetSelected(string(reply.Suggestion))
	if got := numbers(v.Shown()); !slices.Equal(got, []string{"17"}) {
		t.Fatalf("建议 = %v", got)
	}
	v.kind.SetSelected(allKinds)
	v.status.SetSelected(string(ledger.Pending))
	if got := numbers(v.Shown()); !slices.Equal(got, []string{"244", "9"}) {
		t.Fatalf("未办理 = %v", got)
	}
	v.status.SetSelected(allStatuses)
	v.category.SetSelected("A类")
	if got := numbers(v.Shown()); !slices.Equal(got, []string{"31"}) {
		t.Fatalf("A类 = %v", got)
	}
	v.category.SetSelected(allCategories)
	test.Type(v.search, "教育 董")
	if got := numbers(v.Shown()); !slices.Equal(got, []string{"244"}) {
		t.Fatalf("search 教育 董 = %v", got)
	}
	if s := v.summary.Text; !strings.Contains(s, "筛选出 1 件") {
		t.Errorf("summary = %q", s)
	}
}

func TestLedgerViewDraftReply(t *testing.T) {
	v, l, opened := newTestLedgerView(t)
	row := slices.IndexFunc(v.Shown(), func(it ledger.Item) bool { return it.Number == "244" })
	v.table.Select(widget.TableCellID{Row: row, Col: 2})
	if v.draftButton.Disabled() {
		t.Fatal("起草答复 stays disabled with a row selected")
	}
	test.Tap(v.draftButton)
	if len(*opened) != 1 {
		t.Fatalf("draft opened %d times", len(*opened))
	}
	d := (*opened)[0]
	if d.id == 0 || d.r.Number != "244" || d.r.ItemTitle != "关于加快推进我市产教融合发展的建议" ||
		!slices.Equal(d.r.Proposers, []string{"董妍"}) || d.r.Assembly != "市政协" || d.r.Term != 14 {
		t.Fatalf("draft %d = %+v", d.id, d.r)
	}
	it, err := l.Store.ItemOfDraft(d.id)
	if err != nil || it.Number != "244" || it.Status != ledger.InProgress {
		t.Fatalf("item of the draft = %+v, %v", it, err)
	}
	if got := v.Shown()[slices.IndexFunc(v.Shown(), func(it ledger.Item) bool { return it.Number == "244" })].Status; got != ledger.InProgress {
		t.Errorf("the table still shows %s", got)
	}
	// A second time opens the same draft.
	test.Tap(v.draftButton)
	if (*opened)[1].id != d.id {
		t.Errorf("second draft %d, want the same %d", (*opened)[1].id, d.id)
	}
}

func TestLedgerItemEditor(t *testing.T) {
	v, l, _ := newTestLedgerView(t)
	row := slices.IndexFunc(v.Shown(), func(it ledger.Item) bool { return it.Number == "17" })
	v.table.Select(widget.TableCellID{Row: row, Col: 0})
	e := v.editor
	if got := e.fields[ledger.FTitle].get(); got != "关于改善老旧小区停车条件的建议" {
		t.Fatalf("editor shows %q", got)
	}
	e.fields[ledger.FSatisfaction].set("满意")
	e.fields[ledger.FReplied].set("2023年13月1日")
	e.fields[ledger.FMet].set("是")
	if _, err := e.read(); err == nil || !strings.Contains(err.Error(), "答复日期") {
		t.Fatalf("a bad date should name its field: %v", err)
	}
	test.Tap(e.save) // refused: nothing stored
	if it, _ := l.Store.ItemByKey(ledger.Key{Assembly: "市人大", Term: 16, Session: 2, Number: "17"}); it.Satisfaction != "" {
		t.Fatalf("an item with a bad field was stored: %+v", it)
	}
	e.fields[ledger.FReplied].set("2023.9.8")
	test.Tap(e.save)
	it, err := l.Store.ItemByKey(ledger.Key{Assembly: "市人大", Term: 16, Session: 2, Number: "17"})
	if err != nil || it.Satisfaction != ledger.Satisfied || !it.Met || it.Replied != (reply.Date{Year: 2023, Month: 9, Day: 8}) {
		t.Fatalf("stored item = %+v, %v", it, err)
	}
	sat := slices.Index(ledgerColumns, ledger.FSatisfaction)
	row = slices.IndexFunc(v.Shown(), func(it ledger.Item) bool { return it.Number == "17" })
	if _, lab := cell(v, row, sat); lab.Text != "满意" {
		t.Errorf("table shows satisfaction %q", lab.Text)
	}

	// A new item needs its number and title.
	v.edit(nil)
	e.fields[ledger.FKind].set(string(reply.Suggestion))
	e.fields[ledger.FTitle].set("关于增设公交线路的建议")
	if _, err := e.read(); err == nil || !strings.Contains(err.Error(), "编号") {
		t.Fatalf("a new item without number: %v", err)
	}
	e.fields[ledger.FNumber].set("５８")
	e.fields[ledger.FMeeting].set("市人大十六届二次会议")
	e.fields[ledger.FAssigned].set("2023-06-01")
	test.Tap(e.save)
	it, err = l.Store.ItemByKey(ledger.Key{Assembly: "市人大", Term: 16, Session: 2, Number: "58"})
	if err != nil || it.Deadline != (reply.Date{Year: 2023, Month: 9, Day: 1}) {
		t.Fatalf("new item = %+v, %v (deadline should be assigned + 3 months)", it, err)
	}
	if len(v.all) != 5 {
		t.Errorf("the view holds %d items", len(v.all))
	}
}

// BenchmarkLedgerSearch10000 is one keystroke in the search field of a
// ledger of 10,000 items: filter, sort by deadline, refresh the table.
func BenchmarkLedgerSearch10000(b *testing.B) {
	test.NewTempApp(b)
	l := app.NewLedger(desk(b), nil)
	l.Today = func() reply.Date { return ledgerDay }
	w := test.NewWindow(nil)
	defer w.Close()
	v := newLedgerView(l, func() fyne.Window { return w }, func(int64, *reply.Reply) {})
	w.SetContent(v.view())
	w.Resize(fyne.NewSize(1280, 800))
	titles := []string{"关于加快推进我市产教融合发展的建议", "关于改善老旧小区停车条件的建议", "关于加强中小学体育教育的提案"}
	for i := 0; i < 10000; i++ {
		v.all = append(v.all, ledger.Item{ID: int64(i + 1), Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2,
			Number: strconv.Itoa(i + 1), Title: titles[i%3], Proposers: []string{"董妍", "王远健"}, LeadUnit: "市教育局",
			Deadline: reply.Date{Year: 2023, Month: 7 + i%6, Day: 1 + i%28}, Status: ledger.Statuses[i%4]})
	}
	v.loaded = true
	queries := []string{"教育", "教育 董", "停车", ""}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v.search.SetText(queries[i%len(queries)])
	}
}

// A new item records no 见面沟通 until the clerk says so: the editor
// proposes neither 是 nor 否.
func TestLedgerNewItemMetUnset(t *testing.T) {
	v, _, _ := newTestLedgerView(t)
	v.editor.load(&ledger.Item{})
	v.editor.fields[ledger.FNumber].set("300")
	v.editor.fields[ledger.FTitle].set("关于增设公交线路的建议")
	if got := v.editor.fields[ledger.FMet].get(); got != "" {
		t.Errorf("a new item's 是否见面沟通 = %q, want nothing recorded", got)
	}
	it, err := v.editor.read()
	if err != nil {
		t.Fatal(err)
	}
	if it.MetRecorded {
		t.Error("a new item counts as having 见面沟通 recorded")
	}
}
