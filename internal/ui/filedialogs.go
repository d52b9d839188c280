package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fileDialogSize leaves room for long Chinese file names.
var fileDialogSize = fyne.NewSize(900, 600)

// askOpen asks for a file with one of the extensions exts, starting in dir
// (nil: the dialog's default), and calls fn with its path.
func askOpen(w fyne.Window, exts []string, dir fyne.ListableURI, fn func(path string)) {
	fd := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if rc == nil {
			return
		}
		rc.Close()
		fn(rc.URI().Path())
	}, w)
	fd.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir != nil {
		fd.SetLocation(dir)
	}
	fd.Resize(fileDialogSize)
	fd.Show()
}

// askSave asks where to save a file, proposing name in dir (nil: the
// dialog's default), and calls fn with the path. A path that does not end
// in accept gets add appended, and the empty file the dialog made under
// the name as typed is removed.
func askSave(w fyne.Window, name, accept, add string, dir fyne.ListableURI, fn func(path string)) {
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if wc == nil {
			return
		}
		wc.Close()
		p := wc.URI().Path()
		if q := savePath(p, accept, add); q != p {
			_ = os.Remove(p) // the empty file the dialog made
			p = q
		}
		fn(p)
	}, w)
	fd.SetFileName(name)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{accept}))
	if dir != nil {
		fd.SetLocation(dir)
	}
	fd.Resize(fileDialogSize)
	fd.Show()
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
