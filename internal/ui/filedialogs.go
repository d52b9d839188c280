package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"replydesk/internal/pathfmt"
)

// fileDialogSize leaves room for long Chinese file names.
var fileDialogSize = fyne.NewSize(900, 600)

// fyneOpen asks with Fyne's dialog for a file of kind k, starting in dir
// (nil: the dialog's default), and calls fn with its path: where the
// system has no dialog of its own (see askOpen).
func fyneOpen(w fyne.Window, k fileKind, dir fyne.ListableURI, fn func(path string)) {
	fd := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			showError("打开", "", err, w)
			return
		}
		if rc == nil {
			return
		}
		rc.Close()
		fn(pathfmt.Show(rc.URI().Path()))
	}, w)
	fd.SetFilter(k)
	if dir != nil {
		fd.SetLocation(dir)
	}
	fd.Resize(fileDialogSize)
	fd.Show()
	translateFileDialog(w.Canvas())
}

// fyneSave asks with Fyne's dialog where to save a file of kind k,
// proposing name in dir (nil: the dialog's default), and calls fn with the
// path: where the system has no dialog of its own (see askSave). Nothing
// is written or emptied before fn writes (see lazyFiles).
func fyneSave(w fyne.Window, k fileKind, name string, dir fyne.ListableURI, fn func(path string)) {
	files := lazyFileRepository()
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			showError("保存", "", err, w)
			return
		}
		if wc == nil {
			return
		}
		_ = wc.Close() // writes nothing: see lazyFiles
		chosen(w, pathfmt.Show(wc.URI().Path()), k, false, fn)
	}, w)
	fd.SetFileName(name)
	fd.SetFilter(k)
	if dir != nil {
		fd.SetLocation(dir)
	}
	fd.Resize(fileDialogSize)
	fd.Show()
	translateFileDialog(w.Canvas())
	if files != nil {
		files.shown(w.Canvas())
	}
}

// chosen calls fn with the path to save a file of kind k at when the user
// chose p in a save dialog, after asking whether to replace a file that
// exists there (unless the dialog asked already: asked, and p is kept as
// it is); a folder is refused.
func chosen(w fyne.Window, p string, k fileKind, asked bool, fn func(path string)) {
	isDir := func(p string) bool { fi, err := os.Stat(p); return err == nil && fi.IsDir() }
	if !isDir(p) {
		q := savePath(p, k.accept, k.add)
		asked = asked && q == p
		p = q
	}
	_, err := os.Stat(p)
	switch {
	case isDir(p):
		dialog.ShowInformation("不能保存", "“"+filepath.Base(p)+"”是一个文件夹，不能用文件替换：请检查文件名后重试", w)
	case err == nil && !asked:
		confirm("替换文件？", "“"+filepath.Base(p)+"”已经存在，要替换它吗？\n新文件完整写好后才替换原文件；写入失败时原文件保持不变。",
			"替换", "取消", func() { fn(p) }, w)
	default:
		fn(p)
	}
}

// savePath is the path a file is saved at when the user chose p: p itself
// when it ends in accept (in any case), else p with add appended.
func savePath(p, accept, add string) string {
	if strings.HasSuffix(strings.ToLower(p), accept) {
		return p
	}
	return p + add
}

// folderOf returns the folder of path for the next file dialog to start
// in, or nil.
func folderOf(path string) fyne.ListableURI {
	dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(path)))
	if err != nil {
		return nil
	}
	return dir
}

// Matches reports whether Fyne's dialog shows u: a file of kind k.
func (k fileKind) Matches(u fyne.URI) bool {
	return k.matches(u.Name())
}
