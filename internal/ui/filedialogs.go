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

// askOpen asks for a file with one of the extensions exts, starting in dir
// (nil: the dialog's default), and calls fn with its path.
func askOpen(w fyne.Window, exts []string, dir fyne.ListableURI, fn func(path string)) {
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
	fd.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir != nil {
		fd.SetLocation(dir)
	}
	fd.Resize(fileDialogSize)
	fd.Show()
	translateFileDialog(w.Canvas())
}

// askSave asks where to save a file, proposing name in dir (nil: the
// dialog's default), and calls fn with the path. A path that does not end
// in accept gets add appended. Nothing is written or emptied before fn
// writes (see lazyFiles): when the file exists, askSave asks whether to
// replace it, in Chinese, and the old file stays as it is until the new
// one replaces it whole.
func askSave(w fyne.Window, name, accept, add string, dir fyne.ListableURI, fn func(path string)) {
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
		chosen(w, pathfmt.Show(wc.URI().Path()), accept, add, fn)
	}, w)
	fd.SetFileName(name)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{accept}))
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

// chosen calls fn with the path to save at when the user chose p in a
// save dialog, after asking whether to replace a file that exists there;
// a folder is refused.
func chosen(w fyne.Window, p, accept, add string, fn func(path string)) {
	isDir := func(p string) bool { fi, err := os.Stat(p); return err == nil && fi.IsDir() }
	if !isDir(p) {
		p = savePath(p, accept, add)
	}
	_, err := os.Stat(p)
	switch {
	case isDir(p):
		dialog.ShowInformation("不能保存", "“"+filepath.Base(p)+"”是一个文件夹，不能用文件替换：请检查文件名后重试", w)
	case err == nil:
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
