package app

import (
	"path/filepath"
	"testing"
)

// memPrefs is a map as preferences.
type memPrefs map[string]string

func (p memPrefs) String(k string) string { return p[k] }
func (p memPrefs) SetString(k, v string)  { p[k] = v }

// TestStoreChoice: the window's choice of ledger survives the
// preferences; the file is the default, and
// REPLYDESK_DB wins over the choice.
func TestStoreChoice(t *testing.T) {
	t.Setenv("REPLYDESK_DB", "")
	p := memPrefs{}
	dir := t.TempDir()
	if c := LoadStoreChoice(p); c.Server || c.Target(dir) != filepath.Join(dir, "replydesk.db") && c.Target(dir) != DatabasePath(dir) {
		t.Errorf("default choice %+v → %s", c, c.Target(dir))
	}
	c := StoreChoice{Server: true, Operator: " 张三 ", Settings: ServerSettings{Host: "db.example", Database: "replydesk", User: "zhangsan", SSLMode: "verify-full"}}
	c.Save(p)
	got := LoadStoreChoice(p)
	if !got.Server || got.Operator != "张三" || got.Settings.Host != "db.example" || got.Settings.User != "zhangsan" || got.Settings.SSLMode != "verify-full" {
		t.Errorf("loaded %+v", got)
	}
	if tg := got.Target(dir); tg != "postgres://zhangsan@db.example:5432/replydesk?sslmode=verify-full" {
		t.Errorf("target %s", tg)
	}
	t.Setenv("REPLYDESK_DB", filepath.Join(dir, "other.db"))
	if tg := got.Target(dir); tg != filepath.Join(dir, "other.db") {
		t.Errorf("REPLYDESK_DB not first: %s", tg)
	}
	// A server choice without an address is the file.
	p2 := memPrefs{StoreKindKey: StoreServer}
	if LoadStoreChoice(p2).Server {
		t.Error("server without address chosen")
	}
}
