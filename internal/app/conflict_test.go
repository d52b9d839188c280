package app

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/store"
	"replydesk/internal/store/pgtest"
)

// twoClerks opens the same ledger twice, as two clerks' programs: on the
// server two connections; in a file (one program at a time) one store
// shared by both. Each store names its operator.
func twoClerks(t *testing.T, backend string) (a, b *store.Store) {
	t.Helper()
	open := func(target string) *store.Store {
		s, err := store.Open(target)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	if backend == "sqlite" {
		s := open(filepath.Join(t.TempDir(), "replydesk.db"))
		return s, s
	}
	url := pgtest.NewURL(t)
	a, b = open(url), open(url)
	a.Operator, b.Operator = "张三", "李四"
	return a, b
}

func eachBackend(t *testing.T, fn func(t *testing.T, backend string)) {
	for _, b := range []string{"sqlite", "postgres"} {
		t.Run(b, func(t *testing.T) { fn(t, b) })
	}
}

func TestItemConflict(t *testing.T) {
	eachBackend(t, func(t *testing.T, backend string) {
		a, b := twoClerks(t, backend)
		la, lb := NewLedger(&Desk{}, a), NewLedger(&Desk{}, b)
		it := ledger.Item{Kind: reply.Proposal, Number: "244", Title: "关于甲的建议", Status: ledger.Pending}
		if err := la.SaveItem(&it); err != nil {
			t.Fatal(err)
		}
		base := it.Clone()
		mineA, mineB := it.Clone(), it.Clone()
		a.Operator = "张三"
		mineA.Status, mineA.Notes = ledger.InProgress, "张三的备注"
		if err := la.SaveItemFrom(&base, &mineA); err != nil {
			t.Fatal(err)
		}
		b.Operator = "李四"
		mineB.Status, mineB.Satisfaction = ledger.Answered, ledger.Satisfied
		err := lb.SaveItemFrom(&base, &mineB)
		var c *ItemConflict
		if !errors.As(err, &c) || !errors.Is(err, store.ErrConflict) {
			t.Fatalf("stale save = %v; want an *ItemConflict", err)
		}
		if c.By == "" || !strings.Contains(c.By, "张三") || !strings.Contains(err.Error(), "双方都改了办理状态") {
			t.Errorf("conflict by %q: %v", c.By, err)
		}
		got := map[ledger.FieldKey]FieldConflict{}
		for _, f := range c.Fields {
			got[f.Field] = f
		}
		if f := got[ledger.FStatus]; !f.Clash() || f.Mine != "已答复" || f.Theirs != "办理中" || !strings.Contains(f.By, "张三") {
			t.Errorf("status conflict %+v", f)
		}
		if f := got[ledger.FSatisfaction]; f.Clash() || !f.MineChanged || f.TheirsChanged {
			t.Errorf("satisfaction %+v", f)
		}
		if f := got[ledger.FNotes]; !f.TheirsChanged || f.MineChanged {
			t.Errorf("notes %+v", f)
		}
		// 合并: their status, my satisfaction (only I changed it), their notes.
		merged := c.Merge(nil)
		if merged.Status != ledger.InProgress || merged.Satisfaction != ledger.Satisfied || merged.Notes != "张三的备注" {
			t.Errorf("merged %+v", merged)
		}
		// Choosing my status for the clash.
		merged = c.Merge(map[ledger.FieldKey]Side{ledger.FStatus: Mine})
		if err := lb.SaveItemFrom(&c.Theirs, &merged); err != nil {
			t.Fatalf("saving the merge: %v", err)
		}
		stored, _ := a.Item(it.ID)
		if stored.Status != ledger.Answered || stored.Notes != "张三的备注" || stored.Satisfaction != ledger.Satisfied {
			t.Errorf("stored %+v", stored)
		}
		// 保留我的 over a newer version.
		mineA.Notes = "张三再改"
		err = la.SaveItemFrom(&mineA, &mineA)
		if !errors.As(err, &c) {
			t.Fatalf("second stale save = %v", err)
		}
		keep := c.KeepMine()
		if err := la.SaveItemFrom(&c.Theirs, &keep); err != nil {
			t.Fatal(err)
		}
		if stored, _ := a.Item(it.ID); stored.Notes != "张三再改" || stored.Status != ledger.InProgress {
			t.Errorf("kept mine: %+v", stored)
		}
	})
}

func TestDraftConflict(t *testing.T) {
	eachBackend(t, func(t *testing.T, backend string) {
		a, b := twoClerks(t, backend)
		r := &reply.Reply{Kind: reply.Proposal, Number: "244", Body: "原来的正文。", Closing: "特此答复。"}
		id, err := a.CreateDraft(r)
		if err != nil {
			t.Fatal(err)
		}
		sa, sb := NewAutosaver(a, time.Hour), NewAutosaver(b, time.Hour)
		sa.SetDraftVersion(id, 1)
		sb.SetDraft(id) // reads version 1
		a.Operator = "张三"
		ra := r.Clone()
		ra.Closing = "张三的结束语。"
		sa.Touch(&ra)
		if err := sa.Flush(); err != nil {
			t.Fatal(err)
		}
		b.Operator = "李四"
		rb := r.Clone()
		rb.Body = "李四的正文。"
		sb.Touch(&rb)
		err = sb.Flush()
		var c *DraftConflict
		if !errors.As(err, &c) || sb.Conflict() == nil {
			t.Fatalf("stale autosave = %v; want a *DraftConflict", err)
		}
		if !strings.Contains(c.By, "张三") || strings.Join(c.Fields, "、") != "正文、结束语" {
			t.Errorf("conflict by %q, fields %v", c.By, c.Fields)
		}
		// Typing on while the conflict is open saves nothing and loses nothing.
		rb.Body = "李四的正文，又改了。"
		sb.Touch(&rb)
		if err := sb.Flush(); !errors.As(err, &c) {
			t.Fatalf("autosave during the conflict = %v", err)
		}
		if d, _ := a.Draft(id); d.Reply.Body != "原来的正文。" {
			t.Errorf("written during the conflict: %q", d.Reply.Body)
		}
		final, err := sb.Resolve(MergeBoth, []string{"正文"})
		if err != nil {
			t.Fatal(err)
		}
		if final.Body != "李四的正文，又改了。" || final.Closing != "张三的结束语。" {
			t.Errorf("merged %q / %q", final.Body, final.Closing)
		}
		d, _ := a.Draft(id)
		if d.Reply.Body != final.Body || d.Reply.Closing != final.Closing {
			t.Errorf("stored %q / %q", d.Reply.Body, d.Reply.Closing)
		}
		revs, _ := a.Revisions(id)
		var labels []string
		for _, rv := range revs {
			labels = append(labels, rv.Label)
		}
		all := strings.Join(labels, "|")
		for _, want := range []string{"合并的版本", "我的版本（合并前）", "对方的版本（张三"} {
			if !strings.Contains(all, want) {
				t.Errorf("revisions %q lack %q", all, want)
			}
		}
		// Both texts are in the history.
		var bodies []string
		for _, rv := range revs {
			if got, err := a.Revision(rv.ID); err == nil {
				bodies = append(bodies, got.Body+"/"+got.Closing)
			}
		}
		joined := strings.Join(bodies, "|")
		if !strings.Contains(joined, "原来的正文。/张三的结束语。") || !strings.Contains(joined, "李四的正文，又改了。/特此答复。") {
			t.Errorf("history %q lacks a side", joined)
		}
		// The autosaver goes on from the new version.
		rb2 := final.Clone()
		rb2.Closing = "此复。"
		sb.Touch(&rb2)
		if err := sb.Flush(); err != nil {
			t.Errorf("save after resolving: %v", err)
		}
	})
}
