package ui

import (
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/store"
	"replydesk/internal/store/pgtest"
)

// BenchmarkLedgerOpen20k opens the ledger view of 20,000 items as the
// window does (loadLedgerAsync): read from the database, then indexed for
// search, sorted by deadline and shown in the table (the issue asks ≤ 1 s
// from a server).
func BenchmarkLedgerOpen20k(b *testing.B) {
	for _, backend := range []string{"postgres", "sqlite"} {
		b.Run(backend, func(b *testing.B) {
			target := filepath.Join(b.TempDir(), "replydesk.db")
			if backend == "postgres" {
				target = pgtest.NewURL(b)
			}
			st, err := store.Open(target)
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			if _, _, err := st.UpsertItems(benchItems(20000)); err != nil {
				b.Fatal(err)
			}
			test.NewTempApp(b)
			l := app.NewLedger(desk(b), st)
			l.Today = func() reply.Date { return ledgerDay }
			w := test.NewWindow(nil)
			defer w.Close()
			var read, show time.Duration
			for b.Loop() {
				v := newLedgerView(l, func() fyne.Window { return w }, func(int64, *reply.Reply) {})
				w.SetContent(v.view())
				w.Resize(fyne.NewSize(1280, 800))
				start := time.Now()
				items, err := l.Items(ledger.Filter{})
				if err != nil {
					b.Fatal(err)
				}
				mid := time.Now()
				v.all, v.loaded = items, true
				v.changed()
				v.apply()
				read, show = read+mid.Sub(start), show+time.Since(mid)
				if len(v.Shown()) != 20000 {
					b.Fatal(len(v.Shown()))
				}
			}
			// Where the time goes: reading from the database, and
			// indexing, sorting and showing in the table.
			b.ReportMetric(float64(read.Milliseconds())/float64(b.N), "read-ms/op")
			b.ReportMetric(float64(show.Milliseconds())/float64(b.N), "show-ms/op")
		})
	}
}

func benchItems(n int) []ledger.Item {
	titles := []string{"关于加快推进我市产教融合发展的建议", "关于改善老旧小区停车条件的建议", "关于加强中小学体育教育的提案"}
	out := make([]ledger.Item, n)
	for i := range out {
		out[i] = ledger.Item{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2,
			Number: strconv.Itoa(i + 1), Title: titles[i%3], Proposers: []string{"董妍", "王远健"}, LeadUnit: "市教育局",
			CoUnits: []string{"市财政局", "市发改委"}, Deadline: reply.Date{Year: 2023, Month: 7 + i%6, Day: 1 + i%28},
			Status: ledger.Statuses[i%4], Notes: "备注" + strconv.Itoa(i)}
	}
	return out
}
