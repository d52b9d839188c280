package app

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"replydesk/internal/reply"
	"replydesk/internal/store"
	"replydesk/internal/store/pgtest"
)

// TestServerRestartMidSave types into a draft (an autosave every few
// milliseconds) while the server is stopped and started again: the saves
// during the outage go to the local journal, the autosaver sends them
// when the server is back, and the draft ends with the last text typed.
// A program that ends during the outage leaves its text in the journal,
// which Replay sends. A colleague's watcher, cut off by the restart,
// reconnects and receives the changes made after it.
func TestServerRestartMidSave(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	p := pgtest.Require(t)
	url := pgtest.NewURL(t)
	s, err := store.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	j, err := OpenJournal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer func(d time.Duration) { RetryDelay = d }(RetryDelay)
	RetryDelay = 100 * time.Millisecond

	colleague, err := store.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer colleague.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var afterRestart atomic.Bool
	var events atomic.Int32
	if err := Watch(ctx, colleague, false, func(e Event) {
		if e.DraftID != 0 && afterRestart.Load() {
			events.Add(1)
		}
	}); err != nil {
		t.Fatal(err)
	}

	saver := NewAutosaver(s, 5*time.Millisecond)
	saver.SetJournal(j)
	var offline atomic.Int32
	saver.OnSaved = func(_ int64, err error) {
		var off *OfflineError
		if errors.As(err, &off) {
			offline.Add(1)
		} else if err != nil && !store.IsUnreachable(err) {
			t.Errorf("autosave: %v", err)
		}
	}
	r := &reply.Reply{Kind: reply.Proposal, Number: "244"}
	saver.Touch(r)
	if err := saver.Flush(); err != nil {
		t.Fatal(err)
	}
	id := saver.Draft()
	typed := 0
	typeFor := func(d time.Duration) {
		end := time.Now().Add(d)
		for time.Now().Before(end) {
			typed++
			r.Body = fmt.Sprintf("第%d次输入的正文。", typed)
			saver.Touch(r)
			time.Sleep(3 * time.Millisecond)
		}
	}
	typeFor(300 * time.Millisecond)
	halted := make(chan error, 1)
	go func() { halted <- p.Halt() }()
	typeFor(time.Second) // the server stops meanwhile
	if err := <-halted; err != nil {
		t.Fatal(err)
	}
	typeFor(500 * time.Millisecond)
	if !saver.Offline() {
		t.Error("the autosaver did not notice the outage")
	}
	entries, _ := j.Entries()
	if len(entries) != 1 || entries[0].DraftID != id {
		t.Fatalf("journal during the outage: %+v", entries)
	}
	if err := p.Resume(); err != nil {
		t.Fatal(err)
	}
	afterRestart.Store(true)
	typeFor(300 * time.Millisecond)
	want := r.Body
	deadline := time.Now().Add(15 * time.Second)
	for {
		err := saver.Flush()
		if err == nil && !saver.Offline() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not saved 15 s after the server came back: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	d, err := s.Draft(id)
	if err != nil || d.Reply.Body != want {
		t.Fatalf("stored %q, %v; typed last %q", d.Reply.Body, err, want)
	}
	if left, _ := j.Entries(); len(left) != 0 {
		t.Errorf("journal after reconnecting: %+v", left)
	}
	if offline.Load() == 0 {
		t.Error("no save was reported as kept locally")
	}
	t.Logf("%d edits typed, %d autosaves kept locally during the outage", typed, offline.Load())

	// A program that ends during an outage: its journal is sent later.
	if err := p.Halt(); err != nil {
		t.Fatal(err)
	}
	crashed := NewAutosaver(s, time.Hour)
	crashed.SetJournal(j)
	crashed.SetDraftVersion(id, d.Version)
	r.Body = "停机期间最后输入的正文。"
	crashed.Touch(r)
	var off *OfflineError
	if err := crashed.Flush(); !errors.As(err, &off) {
		t.Fatalf("save during the outage = %v", err)
	}
	crashed.Forget() // the program ends; only the journal remembers
	if err := p.Resume(); err != nil {
		t.Fatal(err)
	}
	var sent int
	deadline = time.Now().Add(15 * time.Second)
	for {
		n, conflicts, err := j.Replay(s)
		sent += n
		if len(conflicts) > 0 {
			t.Fatalf("replay conflicts: %v", conflicts[0])
		}
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("replay: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if d, _ := s.Draft(id); sent != 1 || d.Reply.Body != "停机期间最后输入的正文。" {
		t.Errorf("after replay (%d sent): %q", sent, d.Reply.Body)
	}
	deadline = time.Now().Add(5 * time.Second)
	for events.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if events.Load() == 0 {
		t.Error("the colleague's watcher saw no change after the restarts")
	}
}
