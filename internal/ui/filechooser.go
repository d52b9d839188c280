package ui

import (
	"errors"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// fileKind is a kind of file a dialog asks for: what its filter is called
// and the names it shows.
type fileKind struct {
	name     string   // the filter's name, shown in the dialog
	patterns []string // the names shown: "*.reply.toml"
	accept   string   // a name saved ending so is kept as it is...
	add      string   // ...else this is added to it
}

// The kinds of files the window reads and writes.
var (
	kindReply  = fileKind{"答复（*.reply.toml）", []string{"*.reply.toml"}, ".toml", ".reply.toml"}
	kindLedger = fileKind{"交办清单（*.xlsx）", []string{"*.xlsx", "*.xlsm"}, ".xlsx", ".xlsx"}
	kindSheet  = fileKind{"Excel 表格（*.xlsx）", []string{"*.xlsx"}, ".xlsx", ".xlsx"}
	kindPDF    = fileKind{"PDF（*.pdf）", []string{"*.pdf"}, ".pdf", ".pdf"}
	kindWord   = fileKind{"Word 文档（*.docx）", []string{"*.docx"}, ".docx", ".docx"}
	kindLetter = fileKind{"答复函（*.docx *.doc *.wps *.txt）", []string{"*.docx", "*.doc", "*.wps", "*.txt"}, ".docx", ".docx"}
)

// matches reports whether the file name name is of kind k, in any case.
func (k fileKind) matches(name string) bool {
	name = strings.ToLower(name)
	for _, p := range k.patterns {
		if strings.HasSuffix(name, strings.TrimPrefix(p, "*")) {
			return true
		}
	}
	return false
}

// fileRequest is what an open or save dialog is asked.
type fileRequest struct {
	title  string   // the dialog's title
	kind   fileKind // the files shown
	dir    string   // the folder it starts in; "" for the system's choice
	name   string   // the file name proposed (save only)
	parent uintptr  // the window it belongs to (X11 window, HWND); 0 if unknown
}

// fileChooser shows the operating system's own file dialogs. Its methods
// block until the user answers and are called off the UI goroutine; they
// return "" when the user cancelled, and errNoChooser when the system has
// no dialog to show (the window then shows Fyne's own).
type fileChooser interface {
	// open asks for a file to read.
	open(r fileRequest) (string, error)
	// save asks where to write a file. asked reports whether the dialog
	// itself asked before choosing a file that exists.
	save(r fileRequest) (path string, asked bool, err error)
}

// errNoChooser is returned by a fileChooser that has no dialog to show.
var errNoChooser = errors.New("no file dialog of the system")

// chooser is the fileChooser of the window; nil shows Fyne's dialogs.
// Tests set it to a fake.
var chooser fileChooser = newSystemChooser()

// dialogs counts the dialogs of the system open; tests wait for them.
var dialogs sync.WaitGroup

// choosing is set while a dialog of the system is open: a second one is
// not opened over it.
var choosing atomic.Bool

// askOpen asks for a file of kind k, starting in dir (nil: the system's
// choice), and calls fn with its path on the UI goroutine.
func askOpen(w fyne.Window, k fileKind, dir fyne.ListableURI, fn func(path string)) {
	c := chooser
	if c == nil || !choosing.CompareAndSwap(false, true) {
		if c == nil {
			fyneOpen(w, k, dir, fn)
		}
		return
	}
	r := fileRequest{title: "打开" + k.short(), kind: k, dir: uriPath(dir), parent: nativeWindow(w)}
	var p string
	var err error
	chooseOff(func() { p, err = c.open(r) }, func() {
		switch {
		case errors.Is(err, errNoChooser):
			fyneOpen(w, k, dir, fn)
		case err != nil:
			showError("打开", "", err, w)
		case p != "":
			fn(p)
		}
	})
}

// askSave asks where to save a file of kind k, proposing name in dir
// (nil: the system's choice), and calls fn with the path on the UI
// goroutine. A path that does not end in k.accept gets k.add appended.
// Nothing is written or emptied before fn writes: when the file exists,
// askSave asks whether to replace it (unless the system's dialog just
// did), in Chinese, and the old file stays as it is until the new one
// replaces it whole.
func askSave(w fyne.Window, k fileKind, name string, dir fyne.ListableURI, fn func(path string)) {
	c := chooser
	if c == nil || !choosing.CompareAndSwap(false, true) {
		if c == nil {
			fyneSave(w, k, name, dir, fn)
		}
		return
	}
	r := fileRequest{title: "保存" + k.short(), kind: k, dir: uriPath(dir), name: name, parent: nativeWindow(w)}
	var p string
	var asked bool
	var err error
	chooseOff(func() { p, asked, err = c.save(r) }, func() {
		switch {
		case errors.Is(err, errNoChooser):
			fyneSave(w, k, name, dir, fn)
		case err != nil:
			showError("保存", "", err, w)
		case p != "":
			chosen(w, p, k, asked, fn)
		}
	})
}

// short is the kind's name without its patterns: "答复".
func (k fileKind) short() string {
	if i := strings.Index(k.name, "（"); i > 0 {
		return k.name[:i]
	}
	return k.name
}

// chooseOff runs ask, which shows a dialog of the system and waits for
// it, off the UI goroutine, then then on it. Tests wait for it on
// dialogs.
func chooseOff(ask, then func()) {
	dialogs.Add(1)
	go func() {
		defer dialogs.Done()
		ask()
		choosing.Store(false)
		fyne.DoAndWait(then)
	}()
}

// uriPath is the path of the folder dir, or "".
func uriPath(dir fyne.ListableURI) string {
	if dir == nil || dir.Scheme() != "file" {
		return ""
	}
	return dir.Path()
}

// nativeWindow returns the handle of w's window in the system (an X11
// window or a HWND), or 0 when there is none.
func nativeWindow(w fyne.Window) uintptr {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var h uintptr
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.X11WindowContext:
			h = c.WindowHandle
		case driver.WindowsWindowContext:
			h = c.HWND
		}
	})
	return h
}
