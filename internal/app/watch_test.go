package app

import (
	"context"
	"testing"
	"time"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// TestWatch: a change by one client reaches the other within 2 s, naming
// who made it. On the server two clients; in a file (one program) the
// program's own changes, asked for.
func TestWatch(t *testing.T) {
	eachBackend(t, func(t *testing.T, backend string) {
		a, b := twoClerks(t, backend)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		events := make(chan Event, 100)
		if err := Watch(ctx, a, backend == "sqlite", func(e Event) { events <- e }); err != nil {
			t.Fatal(err)
		}
		b.Operator = "李四"
		wait := func(what string, match func(Event) bool) time.Duration {
			t.Helper()
			start := time.Now()
			deadline := time.After(2 * time.Second)
			for {
				select {
				case e := <-events:
					if match(e) {
						return time.Since(start)
					}
				case <-deadline:
					t.Fatalf("%s: no event within 2 s", what)
				}
			}
		}
		it := ledger.Item{Kind: reply.Proposal, Number: "244", Title: "关于甲的建议"}
		start := time.Now()
		if err := b.SaveItem(&it); err != nil {
			t.Fatal(err)
		}
		wait("new item", func(e Event) bool { return e.ItemID == it.ID && e.Action == "新建" && e.Who != "" })
		t.Logf("%s: item event after %v", backend, time.Since(start))
		it.Status = ledger.Answered
		start = time.Now()
		if err := b.SaveItem(&it); err != nil {
			t.Fatal(err)
		}
		wait("edited item", func(e Event) bool {
			return e.ItemID == it.ID && e.Action == "修改" && (backend == "sqlite" || e.Who == "李四（replydesk）")
		})
		id, err := b.CreateDraft(&reply.Reply{Number: "244"})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.SaveDraft(id, &reply.Reply{Number: "244", Body: "正文。"}); err != nil {
			t.Fatal(err)
		}
		wait("draft", func(e Event) bool { return e.DraftID == id && e.Action == "保存草稿" })
		t.Logf("%s: draft events after %v", backend, time.Since(start))
	})
}

// TestPresence: a draft open in one program is marked in the other
// (正在由 张三 编辑) until released.
func TestPresence(t *testing.T) {
	a, b := twoClerks(t, "postgres")
	id, err := a.CreateDraft(&reply.Reply{Number: "244"})
	if err != nil {
		t.Fatal(err)
	}
	a.Operator = "张三"
	h := HoldDraft(a, id)
	note, err := EditingNote(b, id)
	if err != nil || note != "正在由 张三（replydesk） 编辑" {
		t.Errorf("note in the other program = %q, %v", note, err)
	}
	if note, _ := EditingNote(a, id); note != "" {
		t.Errorf("own hold noted: %q", note)
	}
	if notes, _ := EditingNotes(b); notes[id] == "" {
		t.Errorf("EditingNotes = %v", notes)
	}
	h.Release()
	if note, _ := EditingNote(b, id); note != "" {
		t.Errorf("after release: %q", note)
	}
}
