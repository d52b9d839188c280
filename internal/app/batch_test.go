package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/store"
)

// withDrafts stores n items, each with a draft that is the seed reply
// under its own number, and returns them.
func withDrafts(tb testing.TB, l *Ledger, s *store.Store, n int) []ledger.Item {
	tb.Helper()
	r := seed(tb)
	items := make([]ledger.Item, n)
	for i := range items {
		c := r.Clone()
		c.Number, c.Title, c.Opening = strconv.Itoa(i+1), "", ""
		id, err := s.CreateDraft(&c)
		if err != nil {
			tb.Fatal(err)
		}
		items[i] = ledger.Item{Kind: reply.Proposal, Assembly: c.Assembly, Term: c.Term, Session: c.Session,
			Number: c.Number, Title: c.ItemTitle, DraftID: id, Status: ledger.InProgress}
	}
	if _, _, err := s.UpsertItems(items); err != nil {
		tb.Fatal(err)
	}
	all, err := l.Items(ledger.Filter{})
	if err != nil {
		tb.Fatal(err)
	}
	ledger.Sort(all, ledger.ByNumber, false)
	return all
}

func TestBatch(t *testing.T) {
	l, s := newLedger(t)
	items := withDrafts(t, l, s, 4)
	// Item 2's reply has a character no font has; item 5 has no draft;
	// item 4 has the same number and title as item 3 in another meeting.
	bad := seed(t)
	bad.Contact.Name = "刘\uE000"
	s.SaveDraft(items[1].DraftID, bad)
	items[3].Number, items[3].Title = items[2].Number, items[2].Title
	items = append(items, ledger.Item{Kind: reply.Suggestion, Number: "12", Title: "关于/路灯:维修?的建议"})

	dir := filepath.Join(t.TempDir(), "导出")
	var mu sync.Mutex
	var seen []int
	results, err := l.Batch(context.Background(), items, dir, BatchOptions{Progress: func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if total != len(items) {
			t.Errorf("total %d", total)
		}
		seen = append(seen, done)
	}})
	if err != nil {
		t.Fatal(err)
	}
	checkProgress(t, seen, len(items))
	title := "关于进一步推进职业教育产教融合、校企合作的建议"
	for i, want := range []struct{ name, err string }{
		{"第1号提案-" + title, ""},
		{"第2号提案-" + title, "第2号提案：无法导出 PDF：联系人第1段中的字符“\uE000”（U+E000）没有任何字体包含"},
		{"第3号提案-" + title, ""},
		{"第3号提案-" + title + "（2）", ""},
		{"第12号建议-关于／路灯：维修？的建议", "第12号建议：尚未起草答复：请先在台账中为其起草答复"},
	} {
		r := results[i]
		if filepath.Base(r.Path) != want.name+".pdf" {
			t.Errorf("result %d path %q, want %q", i, filepath.Base(r.Path), want.name+".pdf")
		}
		if want.err != "" {
			if r.Err == nil || !strings.Contains(r.Err.Error(), want.err) {
				t.Errorf("result %d error %v, want %q", i, r.Err, want.err)
			}
			if _, err := os.Stat(r.Path); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a failed export left %s", r.Path)
			}
			continue
		}
		b, err := os.ReadFile(r.Path)
		if r.Err != nil || err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || r.Pages < 2 {
			t.Errorf("result %d: %v, %v, %d pages", i, r.Err, err, r.Pages)
		}
	}
	if !errors.Is(results[4].Err, ErrNoDraft) {
		t.Errorf("no draft: %v", results[4].Err)
	}
	if got := BatchSummary(results); !strings.HasPrefix(got, "已导出3份答复，2份未导出：第2号提案：无法导出 PDF") {
		t.Errorf("summary %q", got)
	}
	// The items exported are answered; the one that failed is not.
	for i, want := range []ledger.Status{ledger.Answered, ledger.InProgress, ledger.Answered} {
		it, err := s.ItemOfDraft(items[i].DraftID)
		if err != nil || it.Status != want || (want == ledger.Answered) == it.Replied.IsZero() {
			t.Errorf("item %d after the batch: %v, replied %v (%v), want %s", i+1, it.Status, it.Replied, err, want)
		}
	}
}

// checkProgress checks that progress counted from 1 to n.
func checkProgress(t *testing.T, seen []int, n int) {
	t.Helper()
	for i, done := range seen {
		if done != i+1 {
			t.Errorf("progress calls %v, want 1 to %d", seen, n)
			return
		}
	}
	if len(seen) != n {
		t.Errorf("progress calls %v, want 1 to %d", seen, n)
	}
}

func TestBatchCancel(t *testing.T) {
	l, s := newLedger(t)
	items := withDrafts(t, l, s, 12)
	ctx, cancel := context.WithCancel(context.Background())
	dir := t.TempDir()
	results, err := l.Batch(ctx, items, dir, BatchOptions{Progress: func(done, total int) {
		if done == 1 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Batch error %v", err)
	}
	exported, cancelled := 0, 0
	for _, r := range results {
		switch {
		case r.Err == nil:
			exported++
		case errors.Is(r.Err, context.Canceled) && strings.Contains(r.Err.Error(), "已取消"):
			cancelled++
		default:
			t.Errorf("unexpected error %v", r.Err)
		}
	}
	if exported < 1 || exported > 3 || exported+cancelled != 12 {
		t.Errorf("%d exported, %d cancelled", exported, cancelled)
	}
	files, _ := os.ReadDir(dir)
	for _, f := range files {
		if !strings.HasSuffix(f.Name(), ".pdf") {
			t.Errorf("left behind: %s", f.Name())
		}
	}
	if len(files) != exported {
		t.Errorf("%d files for %d exported", len(files), exported)
	}
}

func TestSafeFileName(t *testing.T) {
	long := strings.Repeat("长", 100)
	for _, c := range []struct{ in, want string }{
		{`第1号提案-关于<a>:"b"/c\d|e?f*的建议`, "第1号提案-关于＜a＞：＂b＂／c＼d｜e？f＊的建议"},
		{"  关于\n换行\t和\x00控制符  ", "关于 换行 和 控制符"},
		{"结尾的点...", "结尾的点"},
		{"结尾的点和空格. . ", "结尾的点和空格"},
		{"CON", "_CON"},
		{"con.txt", "_con.txt"},
		{"COM1", "_COM1"},
		{"LPT9 ", "_LPT9"},
		{"CONTACT", "CONTACT"},
		{"...", "答复"},
		{"", "答复"},
		{long, strings.Repeat("长", 80)},
		{strings.Repeat("长", 79) + " .x", strings.Repeat("长", 79)},
	} {
		t.Run(c.in, func(t *testing.T) {
			got := SafeFileName(c.in)
			if got != c.want {
				t.Errorf("SafeFileName(%q) = %q, want %q", c.in, got, c.want)
			}
			if len(got) > 255 {
				t.Errorf("%d bytes", len(got))
			}
		})
	}
	used := map[string]int{}
	names := []string{uniqueName("甲", used), uniqueName("甲", used), uniqueName("甲（2）", used), uniqueName("A", used), uniqueName("a", used)}
	if strings.Join(names, ",") != "甲,甲（2）,甲（2）（2）,A,a（2）" {
		t.Errorf("unique names %q", names)
	}
}

// BenchmarkBatch200 exports 200 seed-size replies (two pages each) to PDF
// files on both cores.
func BenchmarkBatch200(b *testing.B) {
	l, s := newLedger(b)
	items := withDrafts(b, l, s, 200)
	for b.Loop() {
		results, err := l.Batch(context.Background(), items, b.TempDir(), BatchOptions{})
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range results {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
}

// A reply with errors is not exported and its item stays open; forced, it
// is exported but its item still does not become 已答复.
func TestBatchChecksFirst(t *testing.T) {
	for _, force := range []bool{false, true} {
		t.Run(fmt.Sprint("force=", force), func(t *testing.T) {
			l, s := newLedger(t)
			items := withDrafts(t, l, s, 3)
			bad := seed(t)
			bad.Body, bad.Date = "", reply.Date{}
			bad.Contact = reply.Contact{}
			if err := s.SaveDraft(items[1].DraftID, bad); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			results, err := l.Batch(context.Background(), items, dir, BatchOptions{Force: force})
			if err != nil {
				t.Fatal(err)
			}
			r := results[1]
			if len(r.Problems) < 3 {
				t.Errorf("problems of the bad reply: %v, want no body, no date, no contact", r.Problems)
			}
			_, statErr := os.Stat(r.Path)
			if force {
				if r.Err != nil || statErr != nil || !r.Forced() {
					t.Errorf("forced: err %v, file %v, forced %v", r.Err, statErr, r.Forced())
				}
			} else {
				var ce *CheckError
				if !errors.As(r.Err, &ce) || statErr == nil {
					t.Errorf("not forced: err %v, file %v; want a *CheckError and no file", r.Err, statErr)
				}
				if msg := r.Err.Error(); !strings.HasPrefix(msg, "第2号提案：答复函有") || !strings.Contains(msg, "正文") {
					t.Errorf("message %q: want the item and its problems in Chinese", msg)
				}
			}
			for i, want := range []ledger.Status{ledger.Answered, ledger.InProgress, ledger.Answered} {
				it, err := s.ItemOfDraft(items[i].DraftID)
				if err != nil || it.Status != want || (want == ledger.Answered) == it.Replied.IsZero() {
					t.Errorf("item %d: %v replied %v (%v), want %s", i+1, it.Status, it.Replied, err, want)
				}
			}
			sum := BatchSummary(results)
			if force && !strings.Contains(sum, "其中1份有错误，未标记为已答复") {
				t.Errorf("summary %q does not say the forced reply is not marked", sum)
			}
			if !force && !strings.HasPrefix(sum, "已导出2份答复，1份未导出：第2号提案") {
				t.Errorf("summary %q", sum)
			}
		})
	}
}

// ExportChecked refuses a reply with errors unless forced, and never
// writes over the reply source, a workbook or a folder.
func TestExportCheckedRefuses(t *testing.T) {
	d := desk(t)
	dir := t.TempDir()
	bad := seed(t)
	bad.Body = ""
	out := filepath.Join(dir, "a.pdf")
	if _, ps, err := d.ExportChecked(out, bad, false); err == nil || len(ps) == 0 {
		t.Errorf("ExportChecked(no body) = %v, %v", ps, err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a reply with errors was written")
	}
	if _, _, err := d.ExportChecked(out, bad, true); err != nil {
		t.Errorf("forced: %v", err)
	}
	src := filepath.Join(dir, "x.reply.toml")
	xlsx := filepath.Join(dir, "清单.xlsx")
	for _, p := range []string{src, xlsx, dir} {
		os.WriteFile(p, []byte("keep"), 0o600)
		if _, err := d.ExportPDF(p, seed(t)); err == nil {
			t.Errorf("ExportPDF(%s) wrote over it", p)
		}
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			if b, _ := os.ReadFile(p); string(b) != "keep" {
				t.Errorf("%s was changed", p)
			}
		}
	}
}
