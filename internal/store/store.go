// Package store keeps ReplyDesk's drafts, their revision history and the
// settings in one SQLite database in the user's data folder (see
// DefaultPath). It is the only package that imports database/sql and the
// SQLite driver (modernc.org/sqlite, pure Go).
//
// Durability: the database runs in WAL mode with synchronous=FULL, so every
// committed write (an autosave, a few seconds after the last keystroke) is
// on disk before the call returns. Killing the program loses nothing that
// was committed, and neither does a power cut or an operating-system crash;
// the cost is one fsync per changed save.
//
// One program at a time: the connection holds SQLite's exclusive lock
// (locking_mode=EXCLUSIVE) from Open to Close, so a second ReplyDesk that
// opens the same file gets an *OpenError of kind Locked, and the lock goes
// away with the process, however it ends.
package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"replydesk/internal/datadir"

	"github.com/jackc/pgx/v5"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// busyTimeout is how long Open waits for another program to release the
// database, e.g. a ReplyDesk window that is just closing.
var busyTimeout = 1500 * time.Millisecond

// Store is an open ReplyDesk database. Its methods are safe for concurrent
// use; each write is one transaction.
type Store struct {
	// Now is the clock; nil means time.Now. Tests inject their own.
	Now func() time.Time
	// Coalesce is how long autosaves keep updating the latest revision in
	// place before a new one is started; 0 means 60 seconds.
	Coalesce time.Duration
	// MaxRevisions is how many of a draft's newest revisions are kept;
	// older ones are deleted unless they are checkpoints. 0 means 200.
	MaxRevisions int
	// Operator is who makes the changes, recorded with each in the
	// 操作记录 (see History): the clerk's name from the settings. On a
	// server the database user is recorded beside it.
	Operator string

	path     string          // the file, or the server's address without password
	origin   string          // this store's session, recorded with its changes (see Watch)
	pgcfg    *pgx.ConnConfig // the server's connection settings; nil for a file
	seen     seenItems       // items' stored content by version, for one-statement saves
	notify   notifier        // NOTIFYs after commits on a server (see Watch)
	db       *conn
	readOnly bool // opened by OpenReadOnly: every write fails
}

// Open opens the database at path, creating the file if needed, and
// brings its schema up to date. The folder of the default location (see
// DefaultPath) is made when missing; of any other path only the last
// folder is, so that a path that names a missing drive or share, or has a
// typing error, is reported rather than silently made. Its errors are
// *OpenError.
func Open(path string) (*Store, error) {
	if IsServer(path) {
		return openPostgres(path)
	}
	if strings.ContainsAny(path, "?#") {
		return nil, &OpenError{Path: path, Kind: Unreachable, Err: errors.New("路径中不能含有“?”或“#”")}
	}
	if err := makeFolder(path); err != nil {
		return nil, &OpenError{Path: path, Kind: Unreachable, Err: err}
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, &OpenError{Path: path, Kind: Unreachable, Err: err}
	}
	// One connection: it holds the exclusive lock, and it serializes the
	// writers of this process.
	db.SetMaxOpenConns(1)
	db.SetConnMaxLifetime(0)
	if err := prepare(db); err != nil {
		db.Close()
		oe := openError(path, err)
		if oe.Kind == Unreachable && !isOS(err) {
			oe.Cause = probe(path)
		}
		return nil, oe
	}
	return &Store{path: path, db: &conn{db: db}, origin: newOrigin()}, nil
}

// makeFolder makes the folder of the database at path, if missing: all of
// it for the default location, else only its last level.
func makeFolder(path string) error {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return &os.PathError{Op: "mkdir", Path: dir, Err: syscall.ENOTDIR}
		}
		return nil
	}
	noEnv := func(k string) string {
		if k == "REPLYDESK_DB" {
			return ""
		}
		return os.Getenv(k)
	}
	if filepath.Clean(path) == filepath.Clean(defaultPath(runtime.GOOS, noEnv, os.UserHomeDir)) {
		return os.MkdirAll(dir, 0o700)
	}
	return os.Mkdir(dir, 0o700)
}

// dsn is the driver's data source name: the plain file name (not a file:
// URI, so Windows paths need no escaping) and the connection's pragmas.
// locking_mode must precede journal_mode so that WAL never uses shared
// memory; the driver runs _pragma entries before _journal_mode.
func dsn(path string) string {
	return path + "?_pragma=busy_timeout(" + fmt.Sprint(busyTimeout.Milliseconds()) + ")" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=locking_mode(EXCLUSIVE)" +
		"&_pragma=synchronous(FULL)" +
		"&_journal_mode=WAL"
}

// prepare connects, checks that the file is a sound ReplyDesk database and
// migrates it.
func prepare(db *sql.DB) error {
	if err := db.Ping(); err != nil {
		return err
	}
	h, err := readHeader(db)
	if err != nil {
		return err
	}
	fresh := h.appID == 0 && h.version == 0 && h.objects == 0
	if !fresh && h.appID != applicationID {
		return &OpenError{Kind: Foreign}
	}
	if h.version > len(migrations) {
		return &OpenError{Kind: TooNew, Version: h.version}
	}
	if !fresh {
		var res string
		if err := db.QueryRow("PRAGMA quick_check(1)").Scan(&res); err != nil {
			return err
		}
		if res != "ok" {
			return &OpenError{Kind: Corrupt, Err: errors.New(res)}
		}
	}
	return migrate(db, migrations)
}

// openError classifies an error of prepare.
func openError(path string, err error) *OpenError {
	var oe *OpenError
	if errors.As(err, &oe) {
		oe.Path = path
		return oe
	}
	kind := Unreachable
	switch sqliteCode(err) {
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		kind = Corrupt
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		kind = Locked
	}
	return &OpenError{Path: path, Kind: kind, Err: err}
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close checkpoints the write-ahead log into the database file and releases
// the lock.
func (s *Store) Close() error {
	s.stopNotify()
	if err := s.db.Close(); err != nil {
		return s.fail("关闭数据库", err)
	}
	return nil
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// errUnchanged ends a write transaction that found nothing to write.
var errUnchanged = errors.New("unchanged")

// write runs fn in one transaction: all of it is committed or none.
func (s *Store) write(op string, fn func(tx *txn) error) error {
	if s.readOnly {
		return &Error{Op: op, Path: s.path, Err: errReadOnly}
	}
	tx, err := s.db.Begin()
	if err != nil {
		return s.fail(op, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		if errors.Is(err, errUnchanged) {
			return nil
		}
		return s.fail(op, err)
	}
	if err := tx.Commit(); err != nil {
		return s.fail(op, err)
	}
	s.committed()
	return nil
}

// Setting returns the value stored under key, or "" if there is none.
func (s *Store) Setting(key string) (string, error) {
	var v string
	err := s.db.QueryRow("SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", s.fail("读取设置“"+key+"”", err)
	}
	return v, nil
}

// SetSetting stores value under key, replacing any earlier value.
func (s *Store) SetSetting(key, value string) error {
	return s.write("保存设置“"+key+"”", func(tx *txn) error {
		_, err := tx.Exec(`INSERT INTO settings(key, value, updated) VALUES (?, ?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated = excluded.updated`,
			key, value, s.now().UnixMilli())
		return err
	})
}

// Backup writes a consistent copy of the database to dst (which must not
// exist yet) while the store stays open. The copy is written to a temporary
// file beside dst and renamed, so dst is never half-written.
func (s *Store) Backup(dst string) error {
	op := "备份数据库到“" + dst + "”"
	if s.db.pg {
		return &Error{Op: op, Path: s.path, Err: errors.New("共享台账在 PostgreSQL 服务器上，请由信息中心用 pg_dump 备份")}
	}
	if _, err := os.Stat(dst); err == nil {
		return &Error{Op: op, Path: s.path, Err: errors.New("目标文件已存在，请换一个文件名")}
	}
	if fi, err := os.Stat(filepath.Dir(dst)); err != nil {
		return &Error{Op: op, Path: dst, Err: err}
	} else if !fi.IsDir() {
		return &Error{Op: op, Path: dst, Err: &os.PathError{Op: "stat", Path: filepath.Dir(dst), Err: syscall.ENOTDIR}}
	}
	tmp := dst + ".tmp"
	os.Remove(tmp)
	if _, err := s.db.Exec("VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		if c := sqliteCode(err); c == sqlite3.SQLITE_CANTOPEN || c == sqlite3.SQLITE_READONLY || c == sqlite3.SQLITE_PERM {
			if cause := probe(tmp); cause != nil {
				return &Error{Op: op, Path: dst, Err: cause}
			}
		}
		return s.fail(op, err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return &Error{Op: op, Path: dst, Err: err}
	}
	return nil
}

// FileName is the database's file name inside the data folder.
const FileName = "replydesk.db"

// DefaultPath returns where the database lives for the current user, in
// the data folder (see package datadir):
//
//   - $REPLYDESK_DB, if set (a portable install, tests, a shared drive);
//   - Windows: %APPDATA%\ReplyDesk\replydesk.db (the roaming profile, so
//     drafts follow a staff member to another office computer);
//   - macOS: ~/Library/Application Support/ReplyDesk/replydesk.db;
//   - Linux and other Unix: $XDG_DATA_HOME/replydesk/replydesk.db, by
//     default ~/.local/share/replydesk/replydesk.db.
//
// On Linux the database goes to the data folder, not ~/.config: it is the
// user's work, growing and binary, while ~/.config holds small settings
// that people copy between machines or keep in version control. On
// Windows and macOS the data and configuration folders are the same.
// Without a home folder it falls back to replydesk.db in the working folder.
func DefaultPath() string {
	return defaultPath(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

func defaultPath(goos string, getenv func(string) string, home func() (string, error)) string {
	if p := getenv("REPLYDESK_DB"); p != "" {
		return p
	}
	if d := datadir.For(goos, getenv, home); d != "" {
		return filepath.Join(d, FileName)
	}
	return FileName
}
