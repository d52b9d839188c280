package app

import (
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/sheet"
	"replydesk/internal/store"
)

var testToday = reply.Date{Year: 2023, Month: 9, Day: 5}

// newLedger returns the ledger use cases over a new database.
func newLedger(tb testing.TB) (*Ledger, *store.Store) {
	tb.Helper()
	s, err := store.Open(filepath.Join(tb.TempDir(), "replydesk.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	l := NewLedger(desk(tb), s)
	l.Today = func() reply.Date { return testToday }
	return l, s
}

// assignmentList writes a 交办清单 as offices send it: a title row naming
// the meeting above the header, then the rows.
func assignmentList(tb testing.TB, header []string, rows ...[]string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "交办清单.xlsx")
	if err := sheet.WriteTableFile(path, "市政协十四届二次会议提案交办清单", &reply.Table{Header: header, Rows: rows}); err != nil {
		tb.Fatal(err)
	}
	return path
}

var listHeader = []string{"提案号", "案由", "提案人", "主办单位", "协办单位", "承办方式", "交办日期"}

func TestImportPreviewAndConfirm(t *testing.T) {
	l, s := newLedger(t)
	path := assignmentList(t, listHeader,
		[]string{"244", "关于进一步推进职业教育产教融合、校企合作的建议", "董妍", "长春市教育局", "市财政局", "主办", "2023年6月1日"},
		[]string{"245", "关于加强校园食品安全的建议", "李明", "市市场监管局", "长春市教育局", "协办", "2023-06-02"},
		[]string{"246", "关于发展托育服务的建议", "赵四", "市卫健委", "", "", "2023.6.3"},
	)
	p, err := l.ImportPreview(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Items(ledger.Filter{}); len(all) != 0 {
		t.Fatalf("the preview wrote %d items", len(all))
	}
	if !p.CanConfirm() || p.Added != 3 || p.HeaderRow != 2 || len(p.Problems) != 0 {
		t.Fatalf("preview: %s; problems %v", p.Summary(), p.Problems)
	}
	if want := "读取“附件”工作表第2行表头下的3行：新增3件，更新0件，不变0件，有错误0行；错误0处，提醒0处"; p.Summary() != want {
		t.Errorf("summary %q", p.Summary())
	}
	// 协办 takes the co-handling style's one month; the others three.
	if d1, d2 := p.Plan[1].Item.Deadline, p.Plan[2].Item.Deadline; d1.ISO() != "2023-07-02" || d2.ISO() != "2023-09-03" {
		t.Errorf("deadlines %v (co-handling), %v", d1, d2)
	}
	if added, updated, err := l.ImportConfirm(p); err != nil || added != 3 || updated != 0 {
		t.Fatalf("confirm: %d %d %v", added, updated, err)
	}

	// Work on 244, then import a corrected list: 244 keeps its draft and
	// status, 245 changes, 246 is unchanged, 247 is new.
	items, _ := l.Items(ledger.Filter{Text: "第244号"})
	draftID, _, err := l.DraftFromItem(items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	path = assignmentList(t, listHeader,
		[]string{"244", "关于进一步推进职业教育产教融合、校企合作的建议", "董妍", "长春市教育局", "市财政局", "主办", "2023年6月1日"},
		[]string{"0245", "关于加强校园食品安全工作的建议", "李明", "市市场监管局", "长春市教育局", "协办", "2023-06-02"},
		[]string{"246", "关于发展托育服务的建议", "赵四", "市卫健委", "", "", "2023.6.3"},
		[]string{"247", "关于中小学课后服务的建议", "王五", "长春市教育局", "", "", "2023/6/4"},
	)
	p, err = l.ImportPreview(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	actions := []Action{p.Plan[0].Action, p.Plan[1].Action, p.Plan[2].Action, p.Plan[3].Action}
	if !slices.Equal(actions, []Action{Keep, Update, Keep, Add}) || p.Plan[1].Existing == nil {
		t.Fatalf("actions %v", actions)
	}
	if added, updated, err := l.ImportConfirm(p); err != nil || added != 1 || updated != 1 {
		t.Fatalf("second confirm: %d %d %v", added, updated, err)
	}
	all, _ := l.Items(ledger.Filter{})
	if len(all) != 4 {
		t.Fatalf("%d items after the second import", len(all))
	}
	it, _ := s.ItemOfDraft(draftID)
	if it.Status != ledger.InProgress || it.Number != "244" {
		t.Errorf("244 after re-import: %+v", it)
	}
}

func TestImportRefusedWithErrors(t *testing.T) {
	l, s := newLedger(t)
	path := assignmentList(t, listHeader,
		[]string{"244", "关于甲的建议", "董妍", "长春市教育局", "", "", "2023年6月1日"},
		[]string{"245", "关于乙的建议", "李明", "长春市教育局", "", "", "2023年13月1日"},
		[]string{"244", "关于丙的建议", "赵四", "长春市教育局", "", "", ""},
	)
	p, err := l.ImportPreview(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.CanConfirm() || p.Errors() != 2 || p.Skipped != 2 || p.Added != 1 {
		t.Fatalf("preview: %s", p.Summary())
	}
	_, _, err = l.ImportConfirm(p)
	if err == nil || !strings.Contains(err.Error(), "交办清单还有2处错误，未导入任何条目") ||
		!strings.Contains(err.Error(), "第4行“交办日期”列：“2023年13月1日”不是有效日期") {
		t.Errorf("confirm error: %v", err)
	}
	if all, _ := s.Items(ledger.Filter{}); len(all) != 0 {
		t.Errorf("a refused import wrote %d items", len(all))
	}
}

func TestImportMappingOverride(t *testing.T) {
	l, _ := newLedger(t)
	path := assignmentList(t, []string{"提案号", "内容", "提案人"}, []string{"244", "关于甲的建议", "董妍"})
	p, err := l.ImportPreview(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.CanConfirm() || !strings.Contains(p.Problems[0].Message, "找不到必需的“案由”列") {
		t.Fatalf("without the mapping: %v", p.Problems)
	}
	p, err = l.ImportPreview(path, sheet.Mapping{ledger.FTitle: 1})
	if err != nil || !p.CanConfirm() || p.Plan[0].Item.Title != "关于甲的建议" {
		t.Fatalf("with the mapping: %v %v", err, p.Problems)
	}
}

// TestLedgerExcelRoundTrip exports a ledger and imports the 汇总表 into an
// empty one: the same items come back.
func TestLedgerExcelRoundTrip(t *testing.T) {
	src, s := newLedger(t)
	items := []ledger.Item{
		{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244", Title: "关于进一步推进职业教育产教融合、校企合作的建议",
			Proposers: []string{"董妍"}, CoSigners: []string{"王远健"}, ProposerCount: 7, Delegation: "教育界", LeadUnit: "长春市教育局",
			CoUnits: []string{"市财政局"}, Mode: ledger.Lead, Assigned: reply.Date{Year: 2023, Month: 6, Day: 1},
			Deadline: reply.Date{Year: 2023, Month: 9, Day: 1}, Status: ledger.FedBack, Category: "B", Disclosure: "同意公开",
			Met: true, Satisfaction: ledger.Satisfied, Contact: "刘丽", Phone: "13578951242", Replied: reply.Date{Year: 2023, Month: 6, Day: 20},
			DocNumber: "长教函〔2023〕12号", Signer: "张三", Notes: "=备注"},
		{Kind: reply.Suggestion, Assembly: "区人大", Term: 18, Session: 2, Number: "129", Title: "关于增设公交线路的建议",
			Proposers: []string{"王远健"}, LeadUnit: "区交通局", Mode: ledger.Assist, Assigned: reply.Date{Year: 2023, Month: 6, Day: 1},
			Deadline: reply.Date{Year: 2023, Month: 7, Day: 1}, Status: ledger.Pending},
	}
	if _, _, err := s.UpsertItems(items); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "汇总表.xlsx")
	if n, err := src.ExportLedger(path, ledger.Filter{}); err != nil || n != 2 {
		t.Fatalf("export: %d %v", n, err)
	}
	dst, s2 := newLedger(t)
	p, err := dst.ImportPreview(path, nil)
	if err != nil || !p.CanConfirm() || len(p.Problems) != 0 {
		t.Fatalf("preview: %v %v", err, p.Problems)
	}
	if _, _, err := dst.ImportConfirm(p); err != nil {
		t.Fatal(err)
	}
	back, _ := s2.Items(ledger.Filter{})
	want, _ := s.Items(ledger.Filter{})
	for i := range want {
		back[i].ID, want[i].ID = 0, 0
		if !ledger.Equal(&back[i], &want[i]) {
			t.Errorf("item %d:\n got %+v\nwant %+v", i, back[i], want[i])
		}
	}
	if n, err := src.ExportLedger(path, ledger.Filter{Overdue: true}); err != nil || n != 1 {
		t.Errorf("export of the overdue items: %d %v", n, err)
	}
	st, _ := src.Stats(ledger.Filter{})
	if st.Total != 2 || st.ReplyRate() != 0.5 || st.ByCategory[0].Value != "A" {
		t.Errorf("stats %+v", st)
	}
}

func TestDraftFromItem(t *testing.T) {
	l, s := newLedger(t)
	it := ledger.Item{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244",
		Title: "关于进一步推进职业教育产教融合、校企合作的建议", Proposers: []string{"董妍"}, LeadUnit: "长春市教育局",
		Contact: "刘丽", Phone: "13578951242", Status: ledger.Pending}
	if err := s.SaveItem(&it); err != nil {
		t.Fatal(err)
	}
	id, r, err := l.DraftFromItem(it.ID)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := l.Desk.StyleOf(r)
	resolved := st.Resolve(r)
	if r.Style != "提案答复" || r.Closing == "" || len(r.CC) == 0 || r.Issuer != "长春市教育局" ||
		resolved.Title != "对市政协第十四届第二次会议第244号提案的答复" || resolved.Salutation != "董妍委员：" {
		t.Errorf("reply: %+v\nresolved title %q salutation %q", r, resolved.Title, resolved.Salutation)
	}
	got, _ := s.Item(it.ID)
	if got.DraftID != id || got.Status != ledger.InProgress {
		t.Errorf("item after drafting: %+v", got)
	}
	again, _, err := l.DraftFromItem(it.ID)
	if err != nil || again != id {
		t.Errorf("second draft: %d %v (want %d)", again, err, id)
	}
	s.DeleteDraft(id)
	if again, _, err := l.DraftFromItem(it.ID); err != nil || again != id {
		t.Errorf("draft in the trash: %d %v", again, err)
	}
	if d, _ := s.Draft(id); !d.Deleted.IsZero() {
		t.Error("the draft was not taken out of the trash")
	}
	if _, _, err := l.DraftFromItem(9999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing item: %v", err)
	}
}

func TestReplyEvents(t *testing.T) {
	l, s := newLedger(t)
	a := ledger.Item{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244", Title: "甲", Status: ledger.Pending}
	b := ledger.Item{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "245", Title: "乙", Status: ledger.Pending}
	s.SaveItem(&a)
	s.SaveItem(&b)
	id, r, _ := l.DraftFromItem(a.ID)
	r.Category, r.DocNumber = "A", "长教函〔2023〕15号"
	it, err := l.ReplySaved(id, r)
	if err != nil || it == nil || it.Category != "A" || it.Status != ledger.InProgress {
		t.Fatalf("saved: %+v %v", it, err)
	}
	r.Date = reply.Date{Year: 2023, Month: 6, Day: 20}
	if it, err = l.ReplyExported(id, r); err != nil || it.Status != ledger.Answered || it.Replied != r.Date {
		t.Fatalf("exported: %+v %v", it, err)
	}
	if got, _ := s.Item(a.ID); got.Status != ledger.Answered || got.DocNumber != "长教函〔2023〕15号" {
		t.Errorf("stored: %+v", got)
	}

	// A reply written by hand for 245 finds its item by number and links it.
	hand := &reply.Reply{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "245", Category: "C"}
	handID, _ := s.CreateDraft(hand)
	if it, err = l.ReplyExported(handID, hand); err != nil || it == nil || it.DraftID != handID || it.Replied != testToday {
		t.Fatalf("hand-written reply: %+v %v", it, err)
	}
	// A reply to an item not in the ledger changes nothing.
	other := &reply.Reply{Number: "999"}
	if it, err := l.ReplySaved(0, other); it != nil || err != nil {
		t.Errorf("unknown item: %+v %v", it, err)
	}
	// A second hand-written draft for 245 does not steal the link.
	second, _ := s.CreateDraft(hand)
	if it, err := l.ReplySaved(second, hand); it != nil || err != nil {
		t.Errorf("second draft took over the item: %+v %v", it, err)
	}
}

func TestSaveAndDeleteItem(t *testing.T) {
	l, s := newLedger(t)
	it := ledger.Item{Assembly: "市政协", Term: 14, Session: 2, Number: "第０７号", Title: "甲", Mode: ledger.Assist,
		Assigned: reply.Date{Year: 2023, Month: 6, Day: 1}}
	if err := l.SaveItem(&it); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Item(it.ID)
	if got.Number != "7" || got.Kind != reply.Proposal || got.Status != ledger.Pending ||
		got.Deadline != (reply.Date{Year: 2023, Month: 7, Day: 1}) {
		t.Errorf("saved: %+v", got)
	}
	if err := l.DeleteItem(it.ID); err != nil {
		t.Fatal(err)
	}
	if err := l.DeleteItem(it.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}

// TestAttachmentTable sends a reply's attachment table to Excel and back,
// and typesets the imported one as attachment pages.
func TestAttachmentTable(t *testing.T) {
	r := seed(t)
	var table *reply.Attachment
	for i := range r.Attachments {
		if r.Attachments[i].Table != nil {
			table = &r.Attachments[i]
		}
	}
	if table == nil {
		table = &reply.Attachment{Title: "2023年产教融合型企业名单", Table: &reply.Table{
			Header: []string{"序号", "企业名称"}, Rows: [][]string{{"1", "中国第一汽车集团有限公司"}}, Widths: []int{1, 4}}}
		r.Attachments = append(r.Attachments, *table)
	}
	path := filepath.Join(t.TempDir(), "附件.xlsx")
	if err := ExportAttachment(path, table); err != nil {
		t.Fatal(err)
	}
	back, err := ImportAttachment(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.Title != table.Title || !slices.Equal(back.Table.Header, table.Table.Header) || len(back.Table.Rows) != len(table.Table.Rows) {
		t.Fatalf("back: %+v", back)
	}
	for i := range back.Table.Rows {
		if !slices.Equal(back.Table.Rows[i], table.Table.Rows[i]) {
			t.Errorf("row %d: %q, want %q", i, back.Table.Rows[i], table.Table.Rows[i])
		}
	}
	if err := ExportAttachment(path, &reply.Attachment{Title: "说明"}); err == nil || !strings.Contains(err.Error(), "附件“说明”不是表格") {
		t.Errorf("text attachment: %v", err)
	}
	r.Attachments = []reply.Attachment{back}
	res, _, err := desk(t).Typeset(r)
	if err != nil || len(res.Missing) > 0 {
		t.Fatalf("typeset: %v %v", err, res.Missing)
	}
	var text strings.Builder
	for _, run := range res.Doc.Pages[len(res.Doc.Pages)-1].Runs {
		text.WriteString(run.Text())
	}
	for _, want := range []string{"附件", back.Title, back.Table.Header[1], back.Table.Rows[len(back.Table.Rows)-1][1]} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the last page lacks %q: %s", want, text.String())
		}
	}
}

// BenchmarkImport5000 previews and confirms a 交办清单 of 5,000 rows into
// an empty ledger: what a user waits for, from choosing the file to the
// items in the table.
func BenchmarkImport5000(b *testing.B) {
	rows := make([][]string, 5000)
	for i := range rows {
		rows[i] = []string{strconv.Itoa(i + 1), "关于进一步推进职业教育产教融合、校企合作的建议（第" + strconv.Itoa(i) + "件）",
			"董妍", "长春市教育局", "市财政局、市人社局", "主办", "2023年6月" + strconv.Itoa(1+i%28) + "日"}
	}
	path := assignmentList(b, listHeader, rows...)
	for b.Loop() {
		b.StopTimer()
		l, _ := newLedger(b)
		b.StartTimer()
		p, err := l.ImportPreview(path, nil)
		if err != nil || !p.CanConfirm() {
			b.Fatal(err, p.Summary())
		}
		if added, _, err := l.ImportConfirm(p); err != nil || added != 5000 {
			b.Fatal(added, err)
		}
	}
}

// BenchmarkExportLedger10000 exports the 汇总表 of a ledger of 10,000
// items: reading them from the database and writing the workbook.
func BenchmarkExportLedger10000(b *testing.B) {
	l, s := newLedger(b)
	items := make([]ledger.Item, 10000)
	for i := range items {
		items[i] = ledger.Item{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: strconv.Itoa(i + 1),
			Title: "关于进一步推进职业教育产教融合、校企合作的建议", Proposers: []string{"董妍"}, CoSigners: []string{"王远健", "李明"},
			LeadUnit: "长春市教育局", CoUnits: []string{"市财政局"}, Mode: ledger.Lead, Status: ledger.Statuses[i%4],
			Assigned: reply.Date{Year: 2023, Month: 1 + i%12, Day: 1 + i%28}, Category: []string{"A", "B", "C", ""}[i%4],
			Contact: "刘丽", Phone: "13578951242", Notes: "备注"}
		items[i].FillDeadline(3)
	}
	if _, _, err := s.UpsertItems(items); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "汇总表.xlsx")
	for b.Loop() {
		if n, err := l.ExportLedger(path, ledger.Filter{}); err != nil || n != 10000 {
			b.Fatal(n, err)
		}
	}
}
