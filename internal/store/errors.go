package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// OpenErrorKind says why a database could not be opened.
type OpenErrorKind int

// Reasons Open fails.
const (
	// Unreachable: the folder or file cannot be created, read or written.
	Unreachable OpenErrorKind = iota
	// Corrupt: the file is damaged, truncated or not an SQLite database.
	Corrupt
	// Foreign: the file is an SQLite database of another program.
	Foreign
	// Locked: another ReplyDesk (or another program) holds the database.
	Locked
	// TooNew: the database was written by a newer ReplyDesk.
	TooNew
	// Outdated: opened read-only, the database's schema is older than
	// this program's (or the file is empty) and cannot be brought up to
	// date.
	Outdated
	// The following concern a PostgreSQL server (see IsServer).
	// BadAddress: the postgres:// address cannot be read or holds a password.
	BadAddress
	// BadPassword: the server refused the user name or password.
	BadPassword
	// Refused: the server's pg_hba.conf has no entry for this user and host.
	Refused
	// NoDatabase: the address names a database the server does not have.
	NoDatabase
	// NoPrivilege: the user may not create or read the ledger's tables.
	NoPrivilege
	// TLSRequired: the server accepts only encrypted connections.
	TLSRequired
	// TLSUnavailable: the address asks for encryption the server lacks.
	TLSUnavailable
	// TLSFailed: the server's certificate could not be verified.
	TLSFailed
	// ServerTooOld: the server's version is older than the store supports.
	ServerTooOld
)

// OpenError is the error of Open. Its message is in Chinese, names the file
// and says what the user can do.
type OpenError struct {
	Path    string
	Kind    OpenErrorKind
	Version int   // the database's schema version, for TooNew
	Err     error // the underlying error, if any
	// Cause is the operating system's reason, when Err is SQLite's own
	// code for a file it could not open (see probe); nil if unknown.
	Cause error
	// PasswordFrom says where a server's password came from ("钥匙串",
	// "PGPASSWORD 或 pgpass", "" = nowhere), for BadPassword's advice.
	PasswordFrom string
}

// Error returns the message to show the user.
func (e *OpenError) Error() string {
	if IsServer(e.Path) {
		return pgMessage(e)
	}
	switch e.Kind {
	case Corrupt:
		return fmt.Sprintf("数据库文件“%s”已损坏或不是 ReplyDesk 的数据库：请从备份恢复，或将其改名后重新打开以新建数据库", e.Path)
	case Foreign:
		return fmt.Sprintf("数据库文件“%s”不是 ReplyDesk 的数据库（可能属于其他程序）：请检查所选文件，或将其改名后重新打开以新建数据库", e.Path)
	case Locked:
		return fmt.Sprintf("数据库文件“%s”正被另一个 ReplyDesk 窗口（或其他程序）使用：请切换到那个窗口继续工作，或将其关闭后再打开", e.Path)
	case TooNew:
		return fmt.Sprintf("数据库文件“%s”由更新版本的 ReplyDesk 创建（结构版本 %d，本程序只支持到 %d）：请升级 ReplyDesk 后再打开", e.Path, e.Version, len(migrations))
	case Outdated:
		return fmt.Sprintf("数据库文件“%s”只能以只读方式打开，但它由较早版本的 ReplyDesk 创建，需要先升级结构：请把它复制到可以写入的文件夹，用 ReplyDesk 打开一次后再使用", e.Path)
	}
	if e.Err != nil && isOS(e.Err) {
		return osMessage("创建或打开数据库文件", e.Path, e.Err)
	}
	if e.Cause != nil {
		return osMessage("创建或打开数据库文件", e.Path, e.Cause)
	}
	detail := ""
	if e.Err != nil {
		detail = "（" + e.Err.Error() + "）"
	}
	return fmt.Sprintf("无法创建或打开数据库文件“%s”：请检查该文件夹是否存在、是否有写入权限、磁盘是否已满%s", e.Path, detail)
}

// Unwrap returns the underlying error.
func (e *OpenError) Unwrap() error { return e.Err }

// errReadOnly is the error of a write to a store opened read-only.
var errReadOnly = errors.New("数据库是以只读方式打开的（数据库文件或所在文件夹不可写入），本次修改未写入：请把数据库放到可以写入的位置后重试")

// ErrNotFound is matched (with errors.Is) by the errors about a draft or
// revision that does not exist.
var ErrNotFound = errors.New("记录不存在")

// ErrTrashed is matched (with errors.Is) by the errors about editing a
// draft that is in the trash.
var ErrTrashed = errors.New("草稿在回收站中")

// notFound is the error for a missing draft or revision.
type notFound struct {
	what string // "草稿", "历史版本"
	id   int64
}

func (e *notFound) Error() string {
	return fmt.Sprintf("%s（编号 %d）不存在或已被彻底删除", e.what, e.id)
}

func (e *notFound) Is(target error) bool { return target == ErrNotFound }

// trashed is the error for editing a draft in the trash.
type trashed struct{ id int64 }

func (e *trashed) Error() string {
	return fmt.Sprintf("草稿（编号 %d）在回收站中：请先从回收站恢复再编辑", e.id)
}

func (e *trashed) Is(target error) bool { return target == ErrTrashed }

// Error is a failed operation on an open database. Its message is in
// Chinese; the previous state of the database is intact.
type Error struct {
	Op   string // what failed, in Chinese, e.g. "保存草稿"
	Path string
	Err  error
}

// Error returns the message to show the user.
func (e *Error) Error() string {
	return e.Op + "失败：" + explain(e.Path, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// explain says in Chinese what went wrong with the database at path.
func explain(path string, err error) string {
	if errors.Is(err, sql.ErrConnDone) || err.Error() == "sql: database is closed" {
		return "数据库已关闭：请重新打开 ReplyDesk"
	}
	if m := pgExplain(err); m != "" {
		return m
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		if isOS(err) {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				path = pe.Path
			}
			return osMessage("写入", path, err)
		}
		return err.Error()
	}
	const kept = "此前保存的内容完好"
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_FULL:
		return "磁盘空间已满，本次修改未写入（" + kept + "）：请清理磁盘后重试"
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return fmt.Sprintf("数据库文件“%s”已损坏：请从备份恢复，或将其改名后重新打开以新建数据库", path)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return fmt.Sprintf("数据库文件“%s”正被其他程序占用：请关闭其他 ReplyDesk 窗口后重试", path)
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR:
		return fmt.Sprintf("读写数据库文件“%s”出错，本次修改未写入（%s）：请检查文件权限与磁盘后重试", path, kept)
	}
	return fmt.Sprintf("数据库出错（%s）", se.Error())
}

// fail wraps err of operation op unless it is already a message for the
// user.
func (s *Store) fail(op string, err error) error {
	var nf *notFound
	var tr *trashed
	var e *Error
	var c *ConflictError
	if errors.As(err, &nf) || errors.As(err, &tr) || errors.As(err, &e) || errors.As(err, &c) {
		return err
	}
	return &Error{Op: op, Path: s.path, Err: err}
}

// sqliteCode returns the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// ErrConflict is matched (with errors.Is) by a *ConflictError.
var ErrConflict = errors.New("修改冲突")

// ConflictError is the error of saving a draft or a ledger item over a
// version that someone else saved in the meantime. Nothing was written;
// the caller decides what to keep.
type ConflictError struct {
	What    string // "草稿" or "台账条目"
	ID      int64
	Base    int64 // the version the caller edited
	Current int64 // the version in the database
}

// Error says what happened and what to do.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s（编号 %d）已被他人修改：您编辑的是第 %d 版，数据库中已是第 %d 版。本次保存未写入，请重新打开查看对方的修改后再保存",
		e.What, e.ID, e.Base, e.Current)
}

// Is makes the error match ErrConflict.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }
