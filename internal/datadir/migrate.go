package datadir

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Migrate brings the folders of earlier versions into the data folder,
// once (later starts find nothing to move):
//
//   - a data folder spelt otherwise (replydesk for ReplyDesk, on Windows
//     and macOS where the styles made it first) is renamed to the one
//     spelling;
//   - the styles folder of the configuration folder is moved into the
//     data folder's templates.
//
// Nothing is overwritten or deleted: a file whose name is taken in the
// data folder by a different file is moved under a free name ("公函 (2).toml");
// one identical to the file already there is removed. Folders left empty
// are removed. Moved lists the new paths of what was moved; on an error
// the rest stays where it was and Migrate says which folder it could not
// move.
func Migrate() (moved []string, err error) {
	return migrate(Dir(), oldStyleDir())
}

func migrate(data, oldStyles string) ([]string, error) {
	if data == "" {
		return nil, nil
	}
	var m mover
	if err := m.respell(data); err != nil {
		return m.moved, err
	}
	if oldStyles == "" {
		return m.moved, nil
	}
	styles := filepath.Join(data, "templates")
	fi, err := os.Stat(oldStyles)
	if err != nil || !fi.IsDir() {
		return m.moved, nil // nothing of an earlier version
	}
	if same(oldStyles, styles) {
		return m.moved, nil // the same folder (Windows, macOS: case-insensitive names)
	}
	if err := m.merge(oldStyles, styles); err != nil {
		return m.moved, fmt.Errorf("无法把旧的样式文件夹 %s 移到 %s：%w；请手动移动其中的文件", oldStyles, styles, err)
	}
	os.Remove(filepath.Dir(oldStyles)) // the old replydesk folder, when nothing else is left in it
	return m.moved, nil
}

// mover moves files and keeps the list of what it moved.
type mover struct{ moved []string }

// respell renames a folder beside data whose name differs from data's only
// in case to data's spelling, or merges it into data when both exist as
// different folders (a case-sensitive file system).
func (m *mover) respell(data string) error {
	parent, want := filepath.Dir(data), filepath.Base(data)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil // no parent folder yet: nothing to respell
	}
	for _, e := range entries {
		if !e.IsDir() || e.Name() == want || !strings.EqualFold(e.Name(), want) {
			continue
		}
		old := filepath.Join(parent, e.Name())
		if _, err := os.Stat(data); err == nil && !same(old, data) {
			if err := m.merge(old, data); err != nil {
				return fmt.Errorf("无法把文件夹 %s 并入 %s：%w；请手动移动其中的文件", old, data, err)
			}
			continue
		}
		// A case-only rename goes through a third name: some file
		// systems take renaming "replydesk" to "ReplyDesk" for a no-op.
		tmp := filepath.Join(parent, want+".rename")
		if err := os.Rename(old, tmp); err != nil {
			return fmt.Errorf("无法把文件夹 %s 改名为 %s：%w", old, want, err)
		}
		if err := os.Rename(tmp, data); err != nil {
			os.Rename(tmp, old)
			return fmt.Errorf("无法把文件夹 %s 改名为 %s：%w", old, want, err)
		}
		m.moved = append(m.moved, data)
	}
	return nil
}

// merge moves everything in src into dst (creating it), then removes src
// if it is left empty.
func (m *mover) merge(src, dst string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		from, to := filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())
		fi, err := os.Lstat(to)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := move(from, to); err != nil {
				return err
			}
			m.moved = append(m.moved, to)
			continue
		case err != nil:
			return err
		case e.IsDir() && fi.IsDir():
			if err := m.merge(from, to); err != nil {
				return err
			}
			continue
		case !e.IsDir() && fi.Mode().IsRegular() && sameContent(from, to):
			if err := os.Remove(from); err != nil {
				return err
			}
			continue
		}
		to = freeName(to)
		if err := move(from, to); err != nil {
			return err
		}
		m.moved = append(m.moved, to)
	}
	os.Remove(src) // only when empty
	return nil
}

// move renames from to to. Across file systems, where a rename cannot go,
// a file is copied and then removed (a folder is left where it is).
func move(from, to string) error {
	err := os.Rename(from, to)
	if err == nil {
		return nil
	}
	fi, serr := os.Lstat(from)
	if serr != nil || !fi.Mode().IsRegular() {
		return err
	}
	if err := copyFile(from, to, fi.Mode().Perm()); err != nil {
		return err
	}
	return os.Remove(from)
}

// copyFile copies from to a new file to (never over an existing one).
func copyFile(from, to string, perm fs.FileMode) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(to)
		return err
	}
	if err := out.Close(); err != nil {
		os.Remove(to)
		return err
	}
	return nil
}

// freeName returns path, or path with " (2)", " (3)"… before its
// extension, whichever does not exist yet.
func freeName(path string) string {
	ext := filepath.Ext(path)
	if strings.HasSuffix(path, ".reply.toml") {
		ext = ".reply.toml"
	}
	stem := strings.TrimSuffix(path, ext)
	for i := 2; ; i++ {
		p := fmt.Sprintf("%s (%d)%s", stem, i, ext)
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
	}
}

// same reports whether a and b are one folder.
func same(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// sameContent reports whether the files a and b hold the same bytes.
func sameContent(a, b string) bool {
	x, err := os.ReadFile(a)
	if err != nil {
		return false
	}
	y, err := os.ReadFile(b)
	return err == nil && string(x) == string(y)
}
