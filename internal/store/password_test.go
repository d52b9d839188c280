package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"
)

// TestKeyringPassword: a password kept in the keyring opens the server
// without PGPASSWORD; a wrong one, or none, is told apart in Chinese.
// (The keyring is go-keyring's in-memory stand-in: CI has no desktop.)
func TestKeyringPassword(t *testing.T) {
	keyring.MockInit()
	url := pgURL(t)
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", t.TempDir()+"/none")
	if err := SavePassword(url, pgPassword); err != nil {
		t.Fatal(err)
	}
	s, err := Open(url)
	if err != nil {
		t.Fatalf("Open with the keyring's password: %v", err)
	}
	s.Close()
	if err := SavePassword(url, "wrong"); err != nil {
		t.Fatal(err)
	}
	_, err = Open(url)
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != BadPassword || !strings.Contains(err.Error(), "钥匙串中保存的密码已不正确") {
		t.Errorf("wrong keyring password: %v", err)
	}
	if err := ForgetPassword(url); err != nil {
		t.Fatal(err)
	}
	_, err = Open(url)
	if !errors.As(err, &oe) || oe.Kind != BadPassword || !strings.Contains(err.Error(), "尚未提供密码") {
		t.Errorf("no password: %v", err)
	}
	t.Setenv("PGPASSWORD", pgPassword)
	if info, err := TestServer(url, ""); err != nil || info.PasswordFrom != "PGPASSWORD 或 pgpass" || info.SchemaVersion != len(pgMigrations) {
		t.Errorf("TestServer = %+v, %v", info, err)
	}
}

func TestServerTooOldMessage(t *testing.T) {
	e := &OpenError{Path: "postgres://u@db:5432/replydesk", Kind: ServerTooOld, Version: 110005}
	if msg := e.Error(); !strings.Contains(msg, "版本过旧（11.5）") || !strings.Contains(msg, "PostgreSQL 12 或更新版本") {
		t.Errorf("message %q", msg)
	}
}
