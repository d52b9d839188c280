package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/store"
	"replydesk/internal/store/pgtest"
)

// Helpers of the shared-ledger tests: windows over a real PostgreSQL
// (pgtest) or SQLite database, and the callbacks of their background
// work run on the test's goroutine (pump), as Fyne's test driver would
// run them at once on whatever goroutine calls fyne.Do.

// queue makes the windows' background callbacks wait in a queue that
// pump runs; it also makes the connection checks quick and the journal
// a folder of the test's.
func queue(t *testing.T) chan func() {
	t.Helper()
	q := make(chan func(), 10000)
	oldDeliver, oldPoll, oldJournal, oldRetry := deliver, collabPoll, journalDir, app.RetryDelay
	deliver = func(f func()) { q <- f }
	collabPoll = 200 * time.Millisecond
	dir := t.TempDir()
	journalDir = func() string { return dir }
	app.RetryDelay = time.Hour // the window's connection check sends the saves
	t.Cleanup(func() { deliver, collabPoll, journalDir, app.RetryDelay = oldDeliver, oldPoll, oldJournal, oldRetry })
	return q
}

// pump runs the queued callbacks until cond holds, and fails the test
// after within; it returns how long it took.
func pump(t *testing.T, q chan func(), within time.Duration, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	deadline := time.After(within)
	for !cond() {
		select {
		case f := <-q:
			f()
		case <-deadline:
			t.Fatalf("%s: not within %v", what, within)
		}
	}
	return time.Since(start)
}

// drain runs what is queued now.
func drain(q chan func()) {
	for {
		select {
		case f := <-q:
			f()
		default:
			return
		}
	}
}

// openAs opens the database at target as the clerk operator.
func openAs(t *testing.T, target, operator string) *store.Store {
	t.Helper()
	st, err := app.OpenStore(target, operator)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// windowOn is a window over st (closed with the test), its ledger read.
func windowOn(t *testing.T, a fyne.App, st *store.Store) *UI {
	t.Helper()
	u := New(a, desk(t), st, nil)
	manual(u)
	t.Cleanup(func() {
		u.saver.SetDraft(0)
		u.CloseStore()
	})
	u.ledger.Today = func() reply.Date { return ledgerDay }
	if err := u.LoadLedger(); err != nil {
		t.Fatal(err)
	}
	return u
}

// seedLedger puts the items of testLedger into st.
func seedLedger(t *testing.T, st *store.Store) {
	t.Helper()
	l, _ := testLedger(t)
	items, err := l.Items(ledger.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range items {
		items[i].ID = 0
	}
	if _, _, err := st.UpsertItems(items); err != nil {
		t.Fatal(err)
	}
}

// twoWindows are the windows of two clerks, 张三 (a) and 李四 (b), on one
// new schema of the test server.
func twoWindows(t *testing.T) (a, b *UI) {
	t.Helper()
	url := pgtest.NewURL(t)
	sa, sb := openAs(t, url, "张三"), openAs(t, url, "李四")
	seedLedger(t, sa)
	fa := test.NewTempApp(t)
	return windowOn(t, fa, sa), windowOn(t, fa, sb)
}

// oneWindow is a window over a new SQLite file or schema of the test
// server, as 张三, with the testLedger items; st is its store, through
// which the tests play a colleague.
func oneWindow(t *testing.T, backend string) (*UI, *store.Store) {
	t.Helper()
	target := t.TempDir() + "/replydesk.db"
	if backend == "postgres" {
		target = pgtest.NewURL(t)
	}
	st := openAs(t, target, "张三")
	seedLedger(t, st)
	return windowOn(t, test.NewTempApp(t), st), st
}

func backends(t *testing.T, fn func(t *testing.T, backend string)) {
	for _, b := range []string{"sqlite", "postgres"} {
		t.Run(b, func(t *testing.T) { fn(t, b) })
	}
}

// texts joins the texts of the labels, buttons and rich texts under o
// (the dialogs' widgets, through their renderers).
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
			return
		case *widget.Button:
			b.WriteString(w.Text + "\n")
			return
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}
