package ui

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"replydesk/internal/store"
)

// An edit after a pause reaches the preview at once; one that follows
// another while typing waits to be gathered with the next keys.
func TestPreviewAdaptiveDebounce(t *testing.T) {
	u, _ := newUI(t)
	u.Load(seed(t), 0, "")
	u.Settle()
	p := u.preview
	if p.delay != time.Hour || p.quick != time.Hour { // set by manual
		t.Fatal("the test expects the manual delays")
	}
	p.delay, p.quick, p.gap = 2*time.Hour, time.Hour, TypingGap
	p.edited = time.Time{} // a pause
	body := u.Form("body")
	u.form.tabs.SelectIndex(tabText)
	u.Window.Canvas().Focus(body)
	before := time.Now()
	if w := p.wait(before); w != time.Hour {
		t.Errorf("after a pause the refresh waits %v, want the quick wait", w)
	}
	test.Type(body, "字")
	if !p.edited.After(before) {
		t.Fatal("an edit was not noted")
	}
	if w := p.wait(p.edited.Add(TypingGap / 2)); w != 2*time.Hour {
		t.Errorf("a key typed on waits %v, want the gathering delay", w)
	}
	if w := p.wait(p.edited.Add(TypingGap + time.Millisecond)); w != time.Hour {
		t.Errorf("a key after a pause waits %v", w)
	}
	p.mu.Lock()
	pendingTimer := p.timer != nil
	p.mu.Unlock()
	if !pendingTimer {
		t.Error("the edit scheduled no refresh")
	}
	u.Settle()
	if !strings.Contains(p.pageLabel.Text, "第 1 /") {
		t.Errorf("page label %q", p.pageLabel.Text)
	}

	// A refresh asked for while one runs waits for it, then runs once.
	p.mu.Lock()
	p.busy = true
	p.mu.Unlock()
	p.fire()
	p.mu.Lock()
	pending, busy := p.pending, p.busy
	p.busy, p.pending = false, false
	p.mu.Unlock()
	if !pending || !busy {
		t.Errorf("a refresh during another: pending %v busy %v", pending, busy)
	}
}

// The preview shows the page of the paragraph being edited, and a reply
// loaded anew from its first page.
func TestPreviewFollowsCaret(t *testing.T) {
	u, _ := newUI(t)
	r := seed(t)
	r.Body += "\n最后一段在末页。"
	u.Load(r, 0, "")
	u.Settle()
	p := u.preview
	if p.pageCount() < 3 {
		t.Fatalf("the reply has %d pages, the test needs 3", p.pageCount())
	}
	last := fmt.Sprintf("第 %d /", p.pageCount())
	body := u.Form("body")
	u.form.tabs.SelectIndex(tabText)
	u.Window.Canvas().Focus(body)
	lines := strings.Split(body.Text, "\n")
	body.CursorRow, body.CursorColumn = len(lines)-1, 2
	test.Type(body, "甲")
	u.Settle()
	if p.page != p.pageCount()-1 || !strings.HasPrefix(p.pageLabel.Text, last) {
		t.Errorf("editing the last paragraph shows page %d (%s), want the last", p.page+1, p.pageLabel.Text)
	}
	body.CursorRow, body.CursorColumn = 1, 3
	test.Type(body, "乙")
	u.Settle()
	if !strings.Contains(body.Text, "甲") || !strings.Contains(body.Text, "乙") {
		t.Fatalf("the keys went elsewhere: %q", body.Text[len(body.Text)-40:])
	}
	if p.page != 0 {
		t.Errorf("editing the second paragraph shows page %d, want 1", p.page+1)
	}

	// A page turned stays until the next edit.
	p.turn(1)
	u.Settle()
	if p.page != 1 {
		t.Fatalf("turned to page %d", p.page+1)
	}
	// A reply loaded anew opens at page 1.
	p.turn(1)
	u.Settle()
	u.Load(seed(t), 0, "")
	u.Settle()
	if p.page != 0 || !strings.HasPrefix(p.pageLabel.Text, "第 1 /") {
		t.Errorf("a loaded reply opens at page %d (%s)", p.page+1, p.pageLabel.Text)
	}
}

// The draft search waits for the typing to stop and does not query on
// the UI goroutine's time: its result comes with Settle.
func TestDraftSearchDebounced(t *testing.T) {
	u, st := newUI(t)
	r := seed(t)
	other := r.Clone()
	other.Number, other.ItemTitle = "17", "关于加强校园安全的建议"
	if _, err := st.CreateDraft(r); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateDraft(&other); err != nil {
		t.Fatal(err)
	}
	u.list.refresh()
	if len(u.list.items) != 2 {
		t.Fatalf("%d drafts listed", len(u.list.items))
	}
	counting := &countingDrafts{Store: st}
	u.list.drafts = counting
	test.Type(u.list.search, "校园")
	if counting.n.Load() != 0 || len(u.list.items) != 2 {
		t.Fatalf("typing queried %d times at once; list %d", counting.n.Load(), len(u.list.items))
	}
	u.Settle()
	if counting.n.Load() != 1 || len(u.list.items) != 1 || u.list.items[0].Number != "17" {
		t.Fatalf("after the pause: %d queries, list %+v", counting.n.Load(), u.list.items)
	}
	// (With the real delay the timer runs the search; Fyne's test driver
	// would run it on the timer's goroutine, beside the test's.)
}

type countingDrafts struct {
	*store.Store
	n atomic.Int32
}

func (c *countingDrafts) ListDrafts(q string, limit int) ([]store.DraftSummary, error) {
	c.n.Add(1)
	return c.Store.ListDrafts(q, limit)
}
