package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/store/pgtest"
)

// TestColleagueChangesLive: two clerks' windows on one server. A change
// saved in one reaches the other's ledger table within 2 s, in place (its
// selection kept); the item's editor says who changed it last, and an
// editor holding unsaved edits is told instead of overwritten.
func TestColleagueChangesLive(t *testing.T) {
	q := queue(t)
	a, b := twoWindows(t)
	va, vb := a.ledgerView, b.ledgerView
	selectItem(t, va, "9")
	sel := va.current

	selectItem(t, vb, "244")
	vb.editor.fields[ledger.FStatus].set(string(ledger.InProgress))
	test.Tap(vb.editor.save)
	d := pump(t, q, 2*time.Second, "李四's change in 张三's window", func() bool {
		return shownItem(va, "244").Status == ledger.InProgress
	})
	t.Logf("change shown in the other window after %v", d)
	if va.current != sel || va.row < 0 || va.Shown()[va.row].ID != sel || !va.editor.showing(sel) {
		t.Errorf("selection lost: current %d, row %d", va.current, va.row)
	}
	if !strings.Contains(a.status.Text, "李四") {
		t.Errorf("status %q does not name 李四", a.status.Text)
	}

	selectItem(t, va, "244")
	pump(t, q, 2*time.Second, "who changed it last", func() bool { return strings.Contains(va.Note(), "最后修改：李四") })

	// 张三 is editing item 17 when 李四 saves it.
	selectItem(t, va, "17")
	va.editor.fields[ledger.FNotes].set("张三正在写的备注")
	selectItem(t, vb, "17")
	vb.editor.fields[ledger.FStatus].set(string(ledger.Answered))
	test.Tap(vb.editor.save)
	pump(t, q, 2*time.Second, "the editor told", func() bool {
		return strings.HasPrefix(va.Note(), "李四") && strings.Contains(va.Note(), "刚修改了此条目")
	})
	if got := va.editor.fields[ledger.FNotes].get(); got != "张三正在写的备注" {
		t.Errorf("unsaved edit overwritten: %q", got)
	}
	if shownItem(va, "17").Status != ledger.Answered {
		t.Error("the table does not show 李四's status")
	}
	// Saving now asks which side to keep.
	test.Tap(va.editor.save)
	if va.conflict == nil {
		t.Fatal("no conflict dialog")
	}
	test.Tap(va.conflict.merge)
	got, err := a.ledger.Store.Item(shownItem(va, "17").ID)
	if err != nil || got.Status != ledger.Answered || got.Notes != "张三正在写的备注" {
		t.Errorf("merged item %+v, %v", got, err)
	}

	// A new item of 李四's appears.
	it := ledger.Item{Kind: "提案", Number: "400", Title: "关于新增条目的提案", Status: ledger.Pending}
	if err := b.ledger.SaveItem(&it); err != nil {
		t.Fatal(err)
	}
	pump(t, q, 2*time.Second, "new item", func() bool {
		for _, s := range va.Shown() {
			if s.Number == "400" {
				return true
			}
		}
		return false
	})
}

// TestDraftEditedElsewhere: a draft open in 李四's window is marked in
// 张三's drafts list, and opening it there warns.
func TestDraftEditedElsewhere(t *testing.T) {
	q := queue(t)
	a, b := twoWindows(t)
	id, err := b.drafts.CreateDraft(seed(t))
	if err != nil {
		t.Fatal(err)
	}
	b.openDraft(id)
	a.list.refresh()
	d := pump(t, q, 3*time.Second, "mark in the list", func() bool { return strings.Contains(a.list.marks[id], "正在由 李四") })
	t.Logf("mark after %v", d)
	if !strings.Contains(texts(a.list.view()), "【正在由 李四") {
		t.Errorf("list does not show the mark: %q", texts(a.list.view()))
	}
	a.openDraft(id)
	pump(t, q, 2*time.Second, "warning on opening", func() bool { return dialogShows(a, "正在由 李四") })
	if !strings.Contains(a.status.Text, "正在由 李四") {
		t.Errorf("status %q", a.status.Text)
	}
	// 李四 closes it (opens a new reply): the mark goes.
	b.NewReply(b.defaultStyle())
	b.collab.check()
	pump(t, q, 3*time.Second, "mark removed", func() bool { return a.list.marks[id] == "" })
}

// TestOfflineJournal: with the server stopped the status bar says so and
// editing goes on into the local journal; once the server is back the
// text is saved to it and the status bar says that too.
func TestOfflineJournal(t *testing.T) {
	q := queue(t)
	u, st := oneWindow(t, "postgres")
	id, err := st.CreateDraft(seed(t))
	if err != nil {
		t.Fatal(err)
	}
	u.openDraft(id)
	srv := pgtest.Require(t)
	if err := srv.Halt(); err != nil {
		t.Fatal(err)
	}
	halted := true
	t.Cleanup(func() {
		if halted {
			srv.Resume()
		}
	})
	pump(t, q, 10*time.Second, "offline in the status bar", func() bool { return u.Offline() })
	if !strings.Contains(u.status.Text, "服务器无法连接") {
		t.Errorf("status %q", u.status.Text)
	}
	u.Form("body").SetText("断网时写下的正文。")
	u.Settle()
	if !strings.Contains(u.status.Text, "已暂存在本机") {
		t.Errorf("status after the autosave %q", u.status.Text)
	}
	j, err := app.OpenJournal(journalDir())
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := j.Entries(); len(e) != 1 || e[0].Reply.Body != "断网时写下的正文。" {
		t.Fatalf("journal %+v", e)
	}
	if err := srv.Resume(); err != nil {
		t.Fatal(err)
	}
	halted = false
	d := pump(t, q, 15*time.Second, "back online", func() bool {
		return strings.Contains(u.status.Text, "暂存在本机的修改已全部保存到服务器")
	})
	t.Logf("saved to the server %v after it was started again", d)
	got, err := st.Draft(id)
	if err != nil || got.Reply.Body != "断网时写下的正文。" {
		t.Errorf("draft on the server %q, %v", got.Reply.Body, err)
	}
	if e, _ := j.Entries(); len(e) != 0 {
		t.Errorf("journal not emptied: %d", len(e))
	}
}

// TestJournalOfEarlierRun: a save an earlier run kept in the journal
// (the window was closed while the server was away) is sent when the
// window next finds the server.
func TestJournalOfEarlierRun(t *testing.T) {
	q := queue(t)
	st := openAs(t, pgtest.NewURL(t), "张三")
	id, err := st.CreateDraft(seed(t))
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.Draft(id)
	if err != nil {
		t.Fatal(err)
	}
	j, err := app.OpenJournal(journalDir())
	if err != nil {
		t.Fatal(err)
	}
	r := d.Reply.Clone()
	r.Body = "上次断网时写下的正文。"
	if err := j.Put(&app.JournalEntry{DraftID: id, Base: d.Version, Reply: r}); err != nil {
		t.Fatal(err)
	}
	u := windowOn(t, test.NewTempApp(t), st)
	pump(t, q, 5*time.Second, "sent", func() bool {
		return strings.Contains(u.status.Text, "暂存在本机的修改已全部保存到服务器")
	})
	if got, err := st.Draft(id); err != nil || got.Reply.Body != r.Body {
		t.Errorf("draft %q, %v", got.Reply.Body, err)
	}
	if e, _ := j.Entries(); len(e) != 0 {
		t.Errorf("journal keeps %d", len(e))
	}
}
