package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"replydesk/internal/app"
	"replydesk/internal/store/pgtest"
)

// TestReconnectAtStart: a window started while the shared ledger's server
// is down works with files, says so, and tries again; once the server is
// back it takes the ledger up without a restart, and the reply typed
// meanwhile becomes a draft on the server.
func TestReconnectAtStart(t *testing.T) {
	q := queue(t)
	old := RetryStoreEvery
	RetryStoreEvery = 100 * time.Millisecond
	t.Cleanup(func() { RetryStoreEvery = old })
	url := pgtest.NewURL(t)
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
	_, openErr := app.OpenStore(url, "张三")
	if openErr == nil {
		t.Fatal("the halted server was reached")
	}
	u := New(test.NewTempApp(t), desk(t), nil, errors.New("无法连接共享台账"))
	manual(u)
	t.Cleanup(func() { u.saver.SetDraft(0); u.CloseStore() })
	tries := 0
	u.RetryStore(func() (app.Drafts, error) {
		tries++
		st, err := app.OpenStore(url, "张三")
		if err != nil {
			return nil, err
		}
		return st, nil
	})
	if !strings.Contains(u.status.Text, "正在重试") {
		t.Errorf("status %q", u.status.Text)
	}
	u.Form("body").SetText("服务器不在时写下的正文。")
	u.Settle()
	time.Sleep(500 * time.Millisecond)
	drain(q)
	if u.drafts != nil {
		t.Fatal("the window took up a database while the server was down")
	}
	if err := srv.Resume(); err != nil {
		t.Fatal(err)
	}
	halted = false
	d := pump(t, q, 15*time.Second, "the ledger taken up", func() bool { return u.drafts != nil })
	t.Logf("taken up %v after the server was back, after %d tries", d, tries)
	if !strings.Contains(u.status.Text, "已连接共享台账") || u.ledgerView == nil {
		t.Errorf("status %q, ledger view %v", u.status.Text, u.ledgerView != nil)
	}
	if got := u.Form("body").Text; got != "服务器不在时写下的正文。" {
		t.Errorf("the form lost the reply: %q", got)
	}
	u.Settle()
	st := openAs(t, url, "李四")
	defer st.Close()
	drafts, err := st.ListDrafts("", 0)
	if err != nil || len(drafts) != 1 {
		t.Fatalf("drafts on the server: %v, %v", drafts, err)
	}
	got, err := st.Draft(drafts[0].ID)
	if err != nil || got.Reply.Body != "服务器不在时写下的正文。" {
		t.Errorf("the draft on the server: %q, %v", got.Reply.Body, err)
	}
}
