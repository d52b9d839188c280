package store

import (
	"strconv"
	"testing"
	"time"

	"replydesk/internal/ledger"
	"replydesk/internal/store/pgtest"
)

// TestServerStopMidImport stops the server while a 20,000-row import is
// being written: the import fails with a message, and once the server is
// back the ledger holds what it held before, none of the import.
func TestServerStopMidImport(t *testing.T) {
	if testing.Short() {
		t.Skip("stops and starts the test server; skipped with -short")
	}
	p := pgtest.Require(t)
	url := pgtest.NewURL(t)
	s, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	if _, _, err := s.UpsertItems([]ledger.Item{item("1", d(2023, 9, 1), ledger.Pending)}); err != nil {
		t.Fatal(err)
	}
	batch := make([]ledger.Item, 20000)
	for i := range batch {
		batch[i] = item(strconv.Itoa(i+2), d(2023, 9, 1), ledger.Pending)
	}
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, _, err := s.UpsertItems(batch)
		done <- err
	}()
	time.Sleep(150 * time.Millisecond)
	haltErr := p.Halt()
	err = <-done
	if rerr := p.Resume(); rerr != nil {
		t.Fatal(rerr)
	}
	if haltErr != nil {
		t.Fatal(haltErr)
	}
	if err == nil {
		t.Fatalf("the import ended (%v) before the server was stopped: nothing was tested", time.Since(start))
	}
	t.Logf("import cut off after %v: %v", time.Since(start), err)
	s.Close()
	if s, err = Open(url); err != nil {
		t.Fatal(err)
	}
	all, err := s.Items(ledger.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || all[0].Number != "1" {
		t.Errorf("after the stopped import the ledger has %d items, want the 1 it had", len(all))
	}
}
