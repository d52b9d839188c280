package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"

	"replydesk/internal/safefile"
)

// probe finds the operating system's reason why the database file at path
// cannot be opened for writing, when SQLite gave only its own code
// (SQLITE_CANTOPEN and the like): the folder is missing or not a folder,
// the file or the folder cannot be written. It returns nil when it finds
// nothing wrong. It leaves no file behind.
func probe(path string) error {
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return &fs.PathError{Op: "stat", Path: dir, Err: syscall.ENOTDIR}
	}
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return &fs.PathError{Op: "open", Path: path, Err: syscall.EISDIR}
		}
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return err
		}
		f.Close()
	}
	// SQLite makes its journal beside the file: the folder must take
	// new files.
	name := filepath.Join(dir, ".replydesk-probe-"+strconv.Itoa(os.Getpid()))
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return &fs.PathError{Op: "create", Path: dir, Err: pe.Err} // the folder, not the probe
		}
		return err
	}
	f.Close()
	os.Remove(name)
	return nil
}

// isOS reports whether err comes from the operating system.
func isOS(err error) bool {
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	return errors.As(err, &pe) || errors.As(err, &le) || errors.As(err, &se) ||
		errors.Is(err, fs.ErrPermission) || errors.Is(err, fs.ErrNotExist)
}

// osMessage says in Chinese what the operating system's err means for
// the file at path, which op (e.g. "创建或打开数据库文件") was about: the
// reason and what to do (see safefile.Explain), naming the folder when
// the error is about the folder, and the system's words in parentheses.
func osMessage(op, path string, err error) string {
	var pe *fs.PathError
	folder := ""
	if errors.As(err, &pe) && filepath.Clean(pe.Path) != filepath.Clean(path) {
		folder = "文件夹“" + filepath.FromSlash(pe.Path) + "”："
	}
	var se *safefile.Error
	if !errors.As(safefile.Explain(op, path, err), &se) {
		return err.Error()
	}
	return (&safefile.Error{Op: op, Path: path, Msg: folder + se.Msg, Err: err}).Error()
}
