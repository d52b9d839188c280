package store

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"replydesk/internal/ledger"
)

// twoClients opens the same database twice (two clerks' programs). SQLite
// allows one program at a time, so there both clients share one store.
func twoClients(t *testing.T, open opener) (*Store, *Store) {
	a := open(t)
	if !a.db.pg {
		return a, a
	}
	b, err := Open(pgURLOf(a))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return a, b
}

// pgURLOf is the address a store was opened with (tests have no password
// in it).
func pgURLOf(s *Store) string { return s.path }

func TestDraftConflict(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		a, b := twoClients(t, open)
		id, err := a.CreateDraft(seedReply(t))
		if err != nil {
			t.Fatal(err)
		}
		da, _ := a.Draft(id)
		db, _ := b.Draft(id)
		if da.Version != 1 || db.Version != 1 {
			t.Fatalf("versions %d, %d; want 1", da.Version, db.Version)
		}
		da.Reply.Closing = "张三的结尾。"
		v, err := a.SaveDraftVersion(id, da.Version, &da.Reply)
		if err != nil || v != 2 {
			t.Fatalf("first save = %d, %v", v, err)
		}
		db.Reply.Closing = "李四的结尾。"
		_, err = b.SaveDraftVersion(id, db.Version, &db.Reply)
		var ce *ConflictError
		if !errors.As(err, &ce) || !errors.Is(err, ErrConflict) || ce.Base != 1 || ce.Current != 2 {
			t.Fatalf("stale save = %v; want a conflict 1 → 2", err)
		}
		if got, _ := a.Draft(id); got.Reply.Closing != "张三的结尾。" || got.Version != 2 {
			t.Errorf("after the refused save: %q v%d", got.Reply.Closing, got.Version)
		}
		// Saving the same content again changes nothing and keeps the version.
		if v, err := a.SaveDraftVersion(id, 2, &da.Reply); err != nil || v != 2 {
			t.Errorf("unchanged save = %d, %v", v, err)
		}
	})
}

func TestItemConflict(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		a, b := twoClients(t, open)
		it := item("244", d(2023, 9, 1), ledger.Pending)
		if err := a.SaveItem(&it); err != nil || it.Version != 1 {
			t.Fatalf("SaveItem = v%d, %v", it.Version, err)
		}
		ia, _ := a.Item(it.ID)
		ib, _ := b.Item(it.ID)
		ia.Status = ledger.InProgress
		if err := a.SaveItem(ia); err != nil || ia.Version != 2 {
			t.Fatalf("first save = v%d, %v", ia.Version, err)
		}
		ib.Status = ledger.Answered
		err := b.SaveItem(ib)
		if !errors.Is(err, ErrConflict) {
			t.Fatalf("stale save = %v; want a conflict", err)
		}
		if got, _ := b.Item(it.ID); got.Status != ledger.InProgress {
			t.Errorf("stale save overwrote: %s", got.Status)
		}
		// An import counts as a change too.
		if _, _, err := b.UpsertItems([]ledger.Item{item("244", d(2023, 10, 1), ledger.InProgress)}); err != nil {
			t.Fatal(err)
		}
		if err := a.SaveItem(ia); !errors.Is(err, ErrConflict) {
			t.Errorf("save over an import = %v; want a conflict", err)
		}
	})
}

// TestConcurrentUpdates: 20 clients (each its own connections) update
// overlapping items; every update either lands or is reported as a
// conflict, none is lost, and the final counts add up.
func TestConcurrentUpdates(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	url := pgURL(t)
	const clients, items = 20, 10
	dur := 3 * time.Second
	if d := concurrencyDuration(); d > 0 {
		dur = d
	}
	setup, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer setup.Close()
	var ids []int64
	for i := range items {
		it := item(fmt.Sprint(i+1), d(2023, 9, 1), ledger.Pending)
		it.Notes = "0"
		if err := setup.SaveItem(&it); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, it.ID)
	}
	var landed, conflicts atomic.Int64
	perItem := make([]atomic.Int64, items)
	var wg sync.WaitGroup
	deadline := time.Now().Add(dur)
	errs := make(chan error, clients)
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			s, err := Open(url)
			if err != nil {
				errs <- err
				return
			}
			defer s.Close()
			for n := 0; time.Now().Before(deadline) && n < 500; n++ {
				k := (c + n) % items
				it, err := s.Item(ids[k])
				if err != nil {
					errs <- err
					return
				}
				var count int
				fmt.Sscan(it.Notes, &count)
				it.Notes = fmt.Sprint(count + 1)
				switch err := s.SaveItem(it); {
				case err == nil:
					landed.Add(1)
					perItem[k].Add(1)
				case errors.Is(err, ErrConflict):
					conflicts.Add(1)
				default:
					errs <- err
					return
				}
			}
		}(c)
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	// Each item's counter equals the updates that landed on it, and its
	// version one more: no update was lost or silently overwritten.
	for k, id := range ids {
		it, err := setup.Item(id)
		if err != nil {
			t.Fatal(err)
		}
		var count int
		fmt.Sscan(it.Notes, &count)
		if int64(count) != perItem[k].Load() || it.Version != perItem[k].Load()+1 {
			t.Errorf("item %d: counter %d, version %d; %d updates landed", k+1, count, it.Version, perItem[k].Load())
		}
	}
	rate := float64(landed.Load()+conflicts.Load()) / elapsed.Seconds()
	t.Logf("%d clients, %v: %d updates landed, %d conflicts reported, %.0f attempts/s, %.0f landed/s",
		clients, elapsed.Round(time.Millisecond), landed.Load(), conflicts.Load(), rate, float64(landed.Load())/elapsed.Seconds())
	if landed.Load() == 0 {
		t.Error("no update landed")
	}
}

// BenchmarkPostgresImport20k imports 20,000 new items into the server in
// one transaction (the issue asks for ≤ 5 s). Run with -benchtime=1x.
func BenchmarkPostgresImport20k(b *testing.B) {
	items := manyItems(20000)
	for b.Loop() {
		b.StopTimer()
		s := openPG(b)
		b.StartTimer()
		added, _, err := s.UpsertItems(items)
		if err != nil || added != len(items) {
			b.Fatalf("UpsertItems = %d, %v", added, err)
		}
	}
}
