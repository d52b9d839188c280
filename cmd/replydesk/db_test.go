package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestDBMigrateFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	code, out, err := runCLI(t, "db", "migrate", "--db", db)
	if code != 0 || err != nil || !strings.Contains(out, "结构已是最新") {
		t.Fatalf("db migrate = %d, %q, %v", code, out, err)
	}
	code, _, err = runCLI(t, "db", "copy", "--from", db)
	if code != 2 || err == nil || !strings.Contains(err.Error(), "缺少 --to") {
		t.Errorf("db copy without --to = %d, %v", code, err)
	}
	code, _, err = runCLI(t, "db", "copy", "--from", db, "--to", "postgres://u:secret@127.0.0.1:1/x")
	if code != 2 || err == nil || !strings.Contains(err.Error(), "PGPASSWORD") || strings.Contains(err.Error(), "secret") {
		t.Errorf("db copy to an address with a password = %d, %v", code, err)
	}
	if code, _, err := runCLI(t, "db", "drop"); code != 2 || err == nil || !strings.Contains(err.Error(), "未知的数据库子命令") {
		t.Errorf("db drop = %d, %v", code, err)
	}
	if code, out, err := runCLI(t, "db", "--help"); code != 0 || err != nil || !strings.Contains(out, "db copy") {
		t.Errorf("db --help = %d, %q, %v", code, out, err)
	}
}
