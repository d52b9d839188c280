package app

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"replydesk/internal/reply"
	"replydesk/internal/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestAutosaverCoalesces: five quick edits are saved once, a delay after
// the first. The autosaver's timer runs on synctest's fake clock.
func TestAutosaverCoalesces(t *testing.T) {
	s := openStore(t)
	synctest.Test(t, func(t *testing.T) { autosaverCoalesces(t, s) })
}

func autosaverCoalesces(t *testing.T, s *store.Store) {
	a := NewAutosaver(s, 50*time.Millisecond)
	saved := make(chan int64, 10)
	a.OnSaved = func(id int64, err error) {
		if err != nil {
			t.Error(err)
		}
		saved <- id
	}
	r := &reply.Reply{Kind: reply.Proposal, Number: "1"}
	for i := 0; i < 5; i++ {
		r.Body += "字"
		a.Touch(r)
	}
	r.Body = "changed after touch"
	time.Sleep(49 * time.Millisecond)
	synctest.Wait()
	if len(saved) != 0 {
		t.Fatal("saved before the delay")
	}
	time.Sleep(time.Millisecond)
	synctest.Wait()
	if len(saved) != 1 {
		t.Fatalf("%d saves a delay after five quick edits, want 1", len(saved))
	}
	id := <-saved
	time.Sleep(time.Second)
	synctest.Wait()
	if len(saved) != 0 {
		t.Error("five quick edits saved more than once")
	}
	d, err := s.Draft(id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Reply.Body != "字字字字字" {
		t.Errorf("saved body %q", d.Reply.Body)
	}
	if a.Draft() != id {
		t.Errorf("Draft() = %d, want %d", a.Draft(), id)
	}
}

// TestAutosaverSavesWhileTyping: steady typing, never pausing as long as
// the delay, is still saved every delay. On synctest's fake clock: a key
// every 5 ms for 400 ms with a delay of 42 ms saves at 42, 87, 132 … 357 ms,
// a delay after the first key typed after each save.
func TestAutosaverSavesWhileTyping(t *testing.T) {
	s := openStore(t)
	synctest.Test(t, func(t *testing.T) { autosaverSavesWhileTyping(t, s) })
}

func autosaverSavesWhileTyping(t *testing.T, s *store.Store) {
	a := NewAutosaver(s, 42*time.Millisecond)
	var mu sync.Mutex
	saves := 0
	a.OnSaved = func(int64, error) { mu.Lock(); saves++; mu.Unlock() }
	r := &reply.Reply{Kind: reply.Proposal, Number: "1"}
	for range 80 {
		r.Body += "字"
		a.Touch(r)
		time.Sleep(5 * time.Millisecond)
	}
	synctest.Wait()
	mu.Lock()
	n := saves
	mu.Unlock()
	if n != 8 {
		t.Errorf("%d saves in 400 ms of typing with a 42 ms delay, want 8", n)
	}
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	d, err := s.Draft(a.Draft())
	if err != nil || d.Reply.Body != r.Body {
		t.Errorf("last save %q, %v; want %q", d.Reply.Body, err, r.Body)
	}
}

func TestAutosaverForget(t *testing.T) {
	s := openStore(t)
	a := NewAutosaver(s, time.Hour)
	a.Touch(&reply.Reply{Kind: reply.Proposal, Number: "1"})
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	a.Touch(&reply.Reply{Kind: reply.Proposal, Number: "2"})
	a.Forget()
	if a.Draft() != 0 {
		t.Errorf("Draft() = %d after Forget", a.Draft())
	}
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	list, _ := s.ListDrafts("", 10)
	if len(list) != 1 || list[0].Number != "1" {
		t.Errorf("forgotten edit saved: %+v", list)
	}
}

func TestAutosaverFlushAndSwitch(t *testing.T) {
	s := openStore(t)
	a := NewAutosaver(s, time.Hour)
	a.Touch(&reply.Reply{Kind: reply.Proposal, Number: "7"})
	a.SetDraft(0) // flushes the pending edit into a new draft
	list, err := s.ListDrafts("", 10)
	if err != nil || len(list) != 1 || list[0].Number != "7" {
		t.Fatalf("drafts %v, %v", list, err)
	}
	if err := a.Flush(); err != nil {
		t.Errorf("empty flush: %v", err)
	}
}

type failing struct{ Drafts }

func (failing) CreateDraft(*reply.Reply) (int64, error) { return 0, errors.New("磁盘已满") }

func TestAutosaverReportsError(t *testing.T) {
	a := NewAutosaver(failing{}, time.Hour)
	a.Touch(&reply.Reply{})
	if err := a.Flush(); err == nil || !strings.Contains(err.Error(), "磁盘已满") {
		t.Errorf("Flush = %v", err)
	}
}

func TestProfile(t *testing.T) {
	s := openStore(t)
	if p, err := LoadProfile(s); err != nil || !reflect.DeepEqual(p, Profile{}) {
		t.Fatalf("fresh profile %+v, %v", p, err)
	}
	want := Profile{Unit: "长春市教育局", ContactName: "刘丽", ContactPhone: "13578951242",
		CC: []string{"市政协提案委员会"}, Style: "建议答复", Fonts: map[string]string{"body": "/x/fs.ttf"}}
	if err := SaveProfile(s, want); err != nil {
		t.Fatal(err)
	}
	got, err := LoadProfile(s)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, %v", got, err)
	}
	if err := s.SetSetting(ProfileKey, "{bad"); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadProfile(s); err == nil {
		t.Error("damaged profile not reported")
	}
	if err := SaveProfile(nil, want); err == nil {
		t.Error("saving without a database succeeded")
	}
}

func TestDatabasePath(t *testing.T) {
	t.Setenv("REPLYDESK_DB", "")
	dir := t.TempDir()
	if got, want := DatabasePath(dir), filepath.Join(dir, store.FileName); got != want {
		t.Errorf("DatabasePath(dir) = %q, want %q", got, want)
	}
	if got := DatabasePath(""); got != store.DefaultPath() {
		t.Errorf("DatabasePath(\"\") = %q, want the default %q", got, store.DefaultPath())
	}
	t.Setenv("REPLYDESK_DB", filepath.Join(dir, "x.db"))
	if got := DatabasePath(dir); got != filepath.Join(dir, "x.db") {
		t.Errorf("REPLYDESK_DB not honoured: %q", got)
	}
}
