// Package safefile is the one place where ReplyDesk replaces a user's
// file. Every writer (PDF, workbook, reply file, database backup) goes
// through Write: the new content goes to a temporary file in the same
// folder, is synced, and is renamed over the target only when complete, so
// the target holds its old content or the whole new one, never a part.
// A replaced file keeps its permission bits; a new one gets the mode that
// os.Create would give (0666 less the umask). Temporary files that a killed
// process left behind are removed by the next write to the same folder.
//
// CheckOutput refuses output paths that would destroy an input (the reply
// source, a workbook, a folder), and Explain turns the operating system's
// errors into Chinese messages that name the path and say what to do.
package safefile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// tmpMark stands in every temporary file name this package makes:
// ".<name>.rdtmp-<pid>-<random>". The pid lets a later write tell a
// temporary file of a dead process from one still being written.
const tmpMark = ".rdtmp-"

// legacyStale is the age after which a temporary file in the older
// ".<name>.<random>.tmp" form (which names no process) counts as left over.
const legacyStale = 10 * time.Minute

// Write writes path by way of a temporary file in the same folder and a
// rename. write receives the temporary file; if it fails, or anything
// after it fails, the temporary file is removed and path is untouched.
// A path that is a symbolic link has its target replaced. Errors are
// explained in Chinese (see Explain) with op, e.g. "保存", as the verb.
func Write(path string, write func(io.Writer) error) (err error) {
	if path == "" {
		return &Error{Op: "保存", Msg: "没有指定文件名"}
	}
	target := path
	if t, err := filepath.EvalSymlinks(path); err == nil {
		target = t
	}
	mode := fs.FileMode(0)
	if fi, err := os.Stat(target); err == nil {
		if fi.IsDir() {
			return &Error{Op: "保存", Path: path, Msg: "这是一个文件夹，不能作为输出文件：请指定一个文件名"}
		}
		mode = fi.Mode().Perm()
	}
	dir := filepath.Dir(target)
	Clean(dir)
	f, err := create(dir, filepath.Base(target))
	if err != nil {
		return Explain("保存", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		if isOS(err) {
			return Explain("保存", path, err)
		}
		return err
	}
	if mode != 0 {
		if err = f.Chmod(mode); err != nil {
			return Explain("保存", path, err)
		}
	}
	if err = f.Sync(); err != nil {
		return Explain("保存", path, err)
	}
	if err = f.Close(); err != nil {
		return Explain("保存", path, err)
	}
	if err = os.Rename(tmp, target); err != nil {
		return Explain("保存", path, err)
	}
	syncDir(dir)
	return nil
}

// WriteBytes writes b to path as Write does.
func WriteBytes(path string, b []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// create makes a new temporary file for base in dir with the mode
// os.Create gives (0666 less the umask), named after this process.
func create(dir, base string) (*os.File, error) {
	prefix := filepath.Join(dir, "."+base+tmpMark+strconv.Itoa(os.Getpid())+"-")
	for try := 0; ; try++ {
		var r [6]byte
		rand.Read(r[:])
		f, err := os.OpenFile(prefix+hex.EncodeToString(r[:]), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if err == nil || !errors.Is(err, fs.ErrExist) || try == 9 {
			return f, err
		}
	}
}

// Clean removes the temporary files in dir that a process of ReplyDesk
// left behind when it was killed while writing: those of processes that no
// longer run, and those of the older naming that are over ten minutes old.
// It never fails; what it cannot remove stays.
func Clean(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		if i := strings.LastIndex(name, tmpMark); i > 0 {
			pidText, _, ok := strings.Cut(name[i+len(tmpMark):], "-")
			pid, err := strconv.Atoi(pidText)
			if ok && err == nil && pid != os.Getpid() && !alive(pid) {
				os.Remove(filepath.Join(dir, name))
			}
			continue
		}
		if legacyTemp(name) {
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > legacyStale {
				os.Remove(filepath.Join(dir, name))
			}
		}
	}
}

// legacyTemp reports whether name has the form ".<name>.<digits>.tmp" that
// earlier versions gave their temporary files.
func legacyTemp(name string) bool {
	rest, ok := strings.CutSuffix(name, ".tmp")
	if !ok {
		return false
	}
	i := strings.LastIndexByte(rest, '.')
	if i <= 0 {
		return false
	}
	digits := rest[i+1:]
	if digits == "" {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// syncDir makes the rename durable where the system allows syncing a
// folder (not on Windows, where the rename is durable on its own).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
