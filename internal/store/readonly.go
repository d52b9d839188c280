package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	sqlite3 "modernc.org/sqlite/lib"
)

// OpenReadOnly opens the existing database at path for reading only: it
// migrates nothing and leaves the file's bytes and time stamps as they
// are; when the database was closed cleanly (no -wal file beside it) it
// creates no file either (see readOnlyDSN). A
// database whose schema is older than this program's cannot be read
// this way (it must be opened once with Open to be brought up to date).
// The store's writes fail with an *Error that says the database was
// opened read-only. Its errors are *OpenError.
func OpenReadOnly(path string) (*Store, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, &OpenError{Path: path, Kind: Unreachable, Err: errors.New("路径中不能含有“?”或“#”")}
	}
	if _, err := os.Stat(path); err != nil {
		return nil, &OpenError{Path: path, Kind: Unreachable, Err: err}
	}
	db, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		return nil, &OpenError{Path: path, Kind: Unreachable, Err: err}
	}
	db.SetMaxOpenConns(1)
	db.SetConnMaxLifetime(0)
	if err := prepareReadOnly(db); err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	return &Store{path: path, db: &conn{db: db}, readOnly: true}, nil
}

// readOnlyDSN is the driver's name for a read-only connection: a file:
// URI with mode=ro, since only URIs carry SQLite's own open flags.
//
// A read-only connection to a database in WAL mode still makes the -wal
// and -shm files beside it where it can. When there is no -wal file, the
// database file holds every committed write (ReplyDesk checkpoints and
// removes the log when it closes; a ReplyDesk that has the database open
// keeps a log), so it is opened immutable: SQLite then reads the file
// alone, takes no lock and makes no file. With a log, SQLite is left to
// read it (in memory, if the folder cannot be written).
func readOnlyDSN(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/…
	}
	p = strings.ReplaceAll(p, "%", "%25")
	dsn := "file://" + p + "?mode=ro"
	if _, err := os.Lstat(path + "-wal"); errors.Is(err, fs.ErrNotExist) {
		dsn += "&immutable=1"
	}
	return dsn + "&_pragma=busy_timeout(" + fmt.Sprint(busyTimeout.Milliseconds()) + ")" +
		"&_pragma=query_only(1)"
}

// prepareReadOnly checks that the file is a ReplyDesk database of this
// program's schema.
func prepareReadOnly(db *sql.DB) error {
	if err := db.Ping(); err != nil {
		return err
	}
	h, err := readHeader(db)
	if err != nil {
		return err
	}
	if h.appID != applicationID {
		if h.appID == 0 && h.version == 0 && h.objects == 0 {
			return &OpenError{Kind: Outdated}
		}
		return &OpenError{Kind: Foreign}
	}
	switch {
	case h.version > len(migrations):
		return &OpenError{Kind: TooNew, Version: h.version}
	case h.version < len(migrations):
		return &OpenError{Kind: Outdated, Version: h.version}
	}
	return nil
}

// openWrite opens a database for writing; tests replace it.
var openWrite = Open

// OpenForReading opens the database at path for a command that only
// reads (listing, exporting): like Open, so that a new database is made
// and an older one brought up to date, but when the file or its folder
// cannot be written (a read-only share, a write-protected drive or file)
// it opens the database read-only instead (see OpenReadOnly). ReadOnly
// tells which happened.
func OpenForReading(path string) (*Store, error) {
	s, err := openWrite(path)
	if err == nil || !unwritable(err) {
		return s, err
	}
	ro, rerr := OpenReadOnly(path)
	if rerr != nil {
		var oe *OpenError
		if errors.As(rerr, &oe) && oe.Kind != Unreachable {
			return nil, rerr // e.g. outdated: the reason it cannot be read
		}
		return nil, err
	}
	return ro, nil
}

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// unwritable reports whether an error of Open says the database or its
// folder cannot be written (as opposed to missing, damaged or locked).
func unwritable(err error) bool {
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != Unreachable {
		return false
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_AUTH:
		return true
	}
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}
