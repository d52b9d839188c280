package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/sheet"
)

// publishLedger stores four items with drafts — item 2 classified
// 不同意公开, item 3 with an error, item 4 whose ledger classification
// contradicts its reply — and one item without a draft.
func publishLedger(t *testing.T) (*Ledger, []ledger.Item) {
	t.Helper()
	l, s := newLedger(t)
	items := withDrafts(t, l, s, 4)
	r2 := seed(t)
	r2.Number, r2.Title, r2.Opening, r2.Disclosure = "2", "", "", "不同意公开"
	s.SaveDraft(items[1].DraftID, r2)
	r3 := seed(t)
	r3.Number, r3.Title, r3.Opening, r3.Contact.Phone = "3", "", "", "1357895124"
	s.SaveDraft(items[2].DraftID, r3)
	items[3].Disclosure = "依申请公开"
	items = append(items, ledger.Item{Kind: reply.Suggestion, Number: "12", Title: "关于路灯维修的建议"})
	return l, items
}

func TestPublish(t *testing.T) {
	l, items := publishLedger(t)
	dir := filepath.Join(t.TempDir(), "公开")
	var mu sync.Mutex
	var seen []int
	pub, err := l.Publish(context.Background(), items, dir, PublishOptions{Progress: func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, done)
	}})
	if err != nil {
		t.Fatal(err)
	}
	checkProgress(t, seen, len(items))
	title := "关于进一步推进职业教育产教融合、校企合作的建议"
	for i, want := range []string{"", "公开属性为“不同意公开”，不能公开", "答复函有", "台账的公开属性“依申请公开”与答复的“同意公开”不一致", "尚未起草答复"} {
		got := pub.Items[i].Reason
		if want == "" && got != "" || !strings.HasPrefix(got, want) {
			t.Errorf("item %d: reason %q, want %q", i+1, got, want)
		}
	}
	if ok, held := pub.Count(); ok != 1 || held != 4 {
		t.Fatalf("Count = %d, %d; want 1, 4", ok, held)
	}
	if p := pub.Items[0]; p.PDF != "第1号提案-"+title+".pdf" || p.HTML != "第1号提案-"+title+".html" || p.Pages != 4 {
		t.Errorf("item 1 = %+v", p)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	slices.Sort(names)
	want := []string{"index.html", "公开目录.xlsx", "第1号提案-" + title + ".html", "第1号提案-" + title + ".pdf"}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("the folder holds %q, want %q", names, want)
	}
	page, err := os.ReadFile(pub.Index)
	if err != nil {
		t.Fatal(err)
	}
	text := pageText(t, page)
	for _, s := range []string{"长春市教育局建议提案办理复文", "共1件", "第1号提案", title, "董妍", "B", "2023年6月20日", "网页", "PDF"} {
		if !strings.Contains(text, s) {
			t.Errorf("the index lacks %q", s)
		}
	}
	if !strings.Contains(string(page), `href="第1号提案-`+title+`.pdf"`) {
		t.Error("the index does not link the PDF")
	}
	sheetTitle, tb, err := sheet.ReadTableFile(pub.Sheet)
	if err != nil {
		t.Fatal(err)
	}
	if sheetTitle != "长春市教育局建议提案办理复文" || len(tb.Rows) != 1 || tb.Rows[0][0] != "第1号提案" || tb.Rows[0][2] != "董妍" || tb.Rows[0][6] != "第1号提案-"+title+".pdf" {
		t.Errorf("the workbook: %q %q %q", sheetTitle, tb.Header, tb.Rows)
	}
	for _, f := range names {
		b, _ := os.ReadFile(filepath.Join(dir, f))
		for _, bad := range []string{"刘丽", "13578951242"} {
			if strings.Contains(string(b), bad) && !strings.HasSuffix(f, ".pdf") {
				t.Errorf("%s holds %q", f, bad)
			}
		}
	}
	text = tool(t, "pdftotext", filepath.Join(dir, pub.Items[0].PDF), "-")
	if strings.Contains(text, "刘丽") || strings.Contains(text, "13578951242") {
		t.Error("the public PDF holds the contact")
	}
	if s := pub.Summary(); !strings.HasPrefix(s, "已公开1件，目录为 index.html 和 公开目录.xlsx；4件未公开：第2号提案：公开属性为") {
		t.Errorf("Summary = %q", s)
	}
}

// TestPublishLeavesNothingHalf makes the last file unwritable (a folder
// stands in its place): Publish fails and removes the files it created,
// leaving the file that was there before.
func TestPublishLeavesNothingHalf(t *testing.T) {
	l, items := publishLedger(t)
	dir := t.TempDir()
	old := filepath.Join(dir, "第1号提案-关于进一步推进职业教育产教融合、校企合作的建议.html")
	os.WriteFile(old, []byte("旧的"), 0o644)
	if err := os.Mkdir(filepath.Join(dir, IndexXLSX), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := l.Publish(context.Background(), items, dir, PublishOptions{})
	if err == nil || !strings.Contains(err.Error(), IndexXLSX) {
		t.Fatalf("Publish = %v, want an error naming %s", err, IndexXLSX)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(names) != 2 {
		t.Errorf("the folder holds %q, want the old page and the folder only", names)
	}
	if b, err := os.ReadFile(old); err != nil || len(b) == 0 {
		t.Errorf("the page that was there before is gone: %v", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	empty := filepath.Join(t.TempDir(), "x")
	if _, err := l.Publish(ctx, items, empty, PublishOptions{}); err == nil {
		t.Error("a cancelled publication gave no error")
	}
	if _, err := os.Stat(empty); err == nil {
		t.Error("a cancelled publication made its folder")
	}
}
