package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/store/pgtest"
)

// TestStoreSettingsSwitch: the store settings test a server connection
// (a wrong password said in Chinese), switch the open window from its
// file to the server and back without a restart, keep the password out
// of the preferences, and record the 经办人 in the 操作记录.
func TestStoreSettingsSwitch(t *testing.T) {
	keyring.MockInit()
	t.Setenv("REPLYDESK_DB", "")
	q := queue(t)
	file := filepath.Join(t.TempDir(), "replydesk.db")
	u := windowOn(t, test.NewTempApp(t), openAs(t, file, "张三"))
	dataDir := t.TempDir()
	u.App.Preferences().SetString(app.DataDirKey, dataDir)
	srv := pgtest.Require(t)
	db := fmt.Sprintf("ui_switch_%d_%d", os.Getpid(), time.Now().UnixNano())
	if err := srv.Psql("postgres", "CREATE DATABASE "+db); err != nil {
		t.Fatal(err)
	}

	u.StoreSettings()
	f := u.storeBox
	if !f.server.Hidden {
		t.Error("server fields shown for the local file")
	}
	f.kind.SetSelected(storeServerChoice)
	if f.server.Hidden {
		t.Error("server fields hidden")
	}
	if f.sslMode.Selected != app.SSLModes[0].Label {
		t.Errorf("default encryption %q, want verify-full", f.sslMode.Selected)
	}
	f.host.SetText("127.0.0.1")
	f.port.SetText(strconv.Itoa(srv.Port))
	f.database.SetText(db)
	f.user.SetText(pgtest.User)
	for _, m := range app.SSLModes {
		if m.Value == "disable" {
			f.sslMode.SetSelected(m.Label)
		}
	}
	testWith := func(pw string) string {
		f.password.SetText(pw)
		done := f.tested
		test.Tap(f.test)
		pump(t, q, 10*time.Second, "test connection", func() bool {
			select {
			case <-done:
				return true
			default:
				return false
			}
		})
		return f.result.Text
	}
	if msg := testWith("wrong-password"); !strings.Contains(msg, "密码") || f.result.Importance != widget.DangerImportance {
		t.Errorf("wrong password: %q", msg)
	}
	if msg := testWith(pgtest.Password); !strings.HasPrefix(msg, "连接成功") {
		t.Fatalf("right password: %q", msg)
	}
	f.operator.SetText("王五")
	if err := u.applyStore(f); err != nil {
		t.Fatal(err)
	}
	pump(t, q, 10*time.Second, "switched to the server", func() bool { return app.Shared(u.drafts) })
	pump(t, q, 10*time.Second, "the server's ledger read", func() bool { return u.ledgerView != nil && u.ledgerView.loaded })
	u.Settle()
	if u.ledgerView == nil || u.tabs.Items[tabLedger].Content != u.ledgerView.view() {
		t.Fatal("ledger tab not on the server's ledger")
	}
	if !strings.Contains(u.status.Text, "共享台账 "+db+"@127.0.0.1") {
		t.Errorf("status %q", u.status.Text)
	}
	prefs := u.App.Preferences()
	for _, k := range []string{app.StoreKindKey, app.StoreServerKey, app.OperatorKey} {
		if strings.Contains(prefs.String(k), pgtest.Password) {
			t.Errorf("preference %s holds the password: %q", k, prefs.String(k))
		}
	}
	if prefs.String(app.StoreKindKey) != app.StoreServer || !strings.Contains(prefs.String(app.StoreServerKey), "/"+db) {
		t.Errorf("choice kept as %q %q", prefs.String(app.StoreKindKey), prefs.String(app.StoreServerKey))
	}
	// The password came from the keyring, not from the address.
	if msg, ok := app.TestConnection(app.LoadStoreChoice(prefs).Settings, ""); !ok {
		t.Errorf("keyring password: %s", msg)
	}
	it := ledger.Item{Kind: "提案", Number: "501", Title: "关于共享台账的提案", Status: ledger.Pending}
	if err := u.ledger.SaveItem(&it); err != nil {
		t.Fatal(err)
	}
	if h, err := u.ledger.ItemHistory(it.ID); err != nil || len(h) == 0 || h[0].Operator != "王五" {
		t.Errorf("操作记录 %+v, %v", h, err)
	}

	// Back to the file.
	u.StoreSettings()
	f = u.storeBox
	if f.kind.Selected != storeServerChoice || f.host.Text != "127.0.0.1" || f.password.Text != "" {
		t.Errorf("dialog shows kind %q host %q password %q", f.kind.Selected, f.host.Text, f.password.Text)
	}
	f.kind.SetSelected(storeFileChoice)
	if err := u.applyStore(f); err != nil {
		t.Fatal(err)
	}
	pump(t, q, 10*time.Second, "switched back to the file", func() bool { return !app.Shared(u.drafts) })
	pump(t, q, 10*time.Second, "the file's ledger read", func() bool { return u.ledgerView != nil && u.ledgerView.loaded })
	u.Settle()
	if p := u.drafts.(interface{ Path() string }).Path(); p != app.DatabasePath(dataDir) {
		t.Errorf("back on %s, want the file in the data folder", p)
	}
}

// TestStoreSettingsRefuseBadServer: a switch to a server that cannot be
// opened keeps the window on its ledger and says why.
func TestStoreSettingsRefuseBadServer(t *testing.T) {
	q := queue(t)
	u, st := oneWindow(t, "sqlite")
	u.StoreSettings()
	f := u.storeBox
	f.kind.SetSelected(storeServerChoice)
	f.host.SetText("127.0.0.1")
	f.port.SetText("1") // nothing listens there
	f.database.SetText("replydesk")
	f.user.SetText("nobody")
	if err := u.applyStore(f); err != nil {
		t.Fatal(err)
	}
	pump(t, q, 20*time.Second, "refused", func() bool { return f.switchError != nil })
	if u.drafts != st || !strings.Contains(u.status.Text, "仍使用") {
		t.Errorf("window left its ledger: status %q", u.status.Text)
	}
	f.port.SetText("abc")
	if err := u.applyStore(f); err == nil || !strings.Contains(err.Error(), "端口") {
		t.Errorf("bad port: %v", err)
	}
}
