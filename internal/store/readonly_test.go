package store

import (
	"bytes"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"replydesk/internal/ledger"
)

// ledgerDB makes a database with one ledger item and closes it.
func ledgerDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "replydesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.UpsertItems([]ledger.Item{{Kind: "提案", Number: "244", Title: "关于甲的建议"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// snapshot is what a read must not change: the folder's file names and
// the database's bytes and modification time.
type snapshot struct {
	names []string
	data  []byte
	mtime int64
}

func take(t *testing.T, path string) snapshot {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	var sn snapshot
	for _, e := range entries {
		sn.names = append(sn.names, e.Name())
	}
	if sn.data, err = os.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	sn.mtime = fi.ModTime().UnixNano()
	return sn
}

func TestOpenReadOnlyWritesNothing(t *testing.T) {
	path := ledgerDB(t)
	before := take(t, path)

	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	if !s.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	items, err := s.Items(ledger.Filter{})
	if err != nil || len(items) != 1 || items[0].Number != "244" {
		t.Fatalf("Items = %v, %v", items, err)
	}
	// While open, SQLite has made no journal, -wal or -shm file.
	if during := take(t, path); strings.Join(during.names, " ") != strings.Join(before.names, " ") {
		t.Errorf("files while open: %v, before: %v", during.names, before.names)
	}
	err = s.SetSetting("k", "v")
	if err == nil || !strings.Contains(err.Error(), "只读方式打开") {
		t.Errorf("a write to a read-only store: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	after := take(t, path)
	if strings.Join(after.names, " ") != strings.Join(before.names, " ") {
		t.Errorf("files after: %v, before: %v", after.names, before.names)
	}
	if !bytes.Equal(after.data, before.data) || after.mtime != before.mtime {
		t.Error("a read-only open changed the database file")
	}
}

func TestOpenReadOnlyRefuses(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "无.db")
	old := ledgerDB(t)
	db, err := sql.Open("sqlite", old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, c := range []struct {
		name, path, want string
	}{
		{"missing", missing, "文件或文件夹不存在"},
		{"older schema", old, "需要先升级结构"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := OpenReadOnly(c.path)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if msg := err.Error(); !strings.Contains(msg, "“"+c.path+"”") || !strings.Contains(msg, c.want) {
				t.Errorf("message %q lacks the path or %q", msg, c.want)
			}
		})
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("OpenReadOnly made the missing file")
	}
}

func TestOpenForReadingFallsBack(t *testing.T) {
	path := ledgerDB(t)
	defer func(o func(string) (*Store, error)) { openWrite = o }(openWrite)
	denied := &OpenError{Path: path, Kind: Unreachable, Err: &fs.PathError{Op: "open", Path: path, Err: fs.ErrPermission}}
	openWrite = func(string) (*Store, error) { return nil, denied }

	s, err := OpenForReading(path)
	if err != nil {
		t.Fatalf("OpenForReading of an unwritable database: %v", err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Error("not read-only")
	}
	if items, err := s.Items(ledger.Filter{}); err != nil || len(items) != 1 {
		t.Errorf("Items = %v, %v", items, err)
	}

	// A database that cannot be written and cannot be read either gets
	// the error of the open for writing; one locked by another program
	// is not opened read-only behind its back.
	openWrite = func(p string) (*Store, error) {
		return nil, &OpenError{Path: p, Kind: Unreachable, Err: &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}}
	}
	missing := filepath.Join(t.TempDir(), "replydesk.db")
	if _, err := OpenForReading(missing); err == nil || !strings.Contains(err.Error(), "没有权限") {
		t.Errorf("unwritable and missing: %v", err)
	}
	locked := &OpenError{Path: path, Kind: Locked}
	openWrite = func(string) (*Store, error) { return nil, locked }
	if _, err := OpenForReading(path); !errors.Is(err, locked) {
		t.Errorf("locked: %v", err)
	}
}

func TestOpenReadOnlyWhileOpen(t *testing.T) {
	path := ledgerDB(t)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	s, err := OpenReadOnly(path)
	if err == nil {
		defer s.Close()
		if _, err := s.Items(ledger.Filter{}); err == nil {
			return // read through the log
		}
	}
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != Locked {
		t.Errorf("read-only open beside a writer: %v", err)
	}
}
