package ui

import (
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"replydesk/internal/store"
)

// BenchmarkDraftSearch2000 measures the draft search over 2,000 drafts:
// "keystroke" is what a key in the search field costs the UI goroutine
// (the query waits SearchDelay for the next key and then runs off it);
// "query" is that query and showing its result, from the end of the
// wait to the list shown: the time a user waits after the last key,
// beyond SearchDelay.
func BenchmarkDraftSearch2000(b *testing.B) {
	a := test.NewTempApp(b)
	st, err := store.Open(filepath.Join(b.TempDir(), "drafts.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	r := seed(b)
	body := r.Body
	for i := 0; i < 2000; i++ {
		r.Number = strconv.Itoa(i + 1)
		r.Body = body + fmt.Sprintf("\n本件编号为甲%05d。", i)
		if _, err := st.CreateDraft(r); err != nil {
			b.Fatal(err)
		}
	}
	u := New(a, desk(b), st, nil)
	manual(u)
	defer u.saver.SetDraft(0)
	d := u.list
	b.Run("keystroke", func(b *testing.B) {
		d.delay = time.Hour
		for i := 0; i < b.N; i++ {
			if i%8 == 0 {
				d.search.SetText("")
			}
			test.Type(d.search, "甲")
		}
		b.StopTimer()
		d.timer.Stop()
		d.running.Wait()
	})
	for _, q := range []string{"甲01234", "产教融合", ""} {
		b.Run("query/"+q, func(b *testing.B) {
			d.search.SetText(q)
			d.flush()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d.asked++
				d.searchNow()
				d.running.Wait()
			}
		})
	}
}
