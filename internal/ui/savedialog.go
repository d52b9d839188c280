package ui

import (
	"io"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog hands over the file chosen as a writer it opened with
// os.Create: an existing file is emptied the moment the user confirms,
// before anything is written to it, and a name typed without extension
// leaves an empty file under that name. It also asks "Overwrite?" in
// English, about the name as typed rather than the one written.
//
// lazyFiles replaces the repository of the "file" scheme with one that
// differs in two ways: Writer returns a writer that touches no file until
// the first byte is written (askSave writes nothing through it: the file
// is written whole by safefile, which replaces the old one only at the
// end), and, while a save dialog of askSave is the topmost thing on its
// window, Exists reports files as new, so that the dialog hands over the
// name without its English prompt and askSave asks in Chinese about the
// file it will really write.
type lazyFiles struct {
	fileRepository

	mu     sync.Mutex
	saving fyne.Canvas       // the canvas of the save dialog shown, if any
	dialog fyne.CanvasObject // the dialog's overlay on saving
}

// fileRepository is what Fyne's repository of the "file" scheme does.
type fileRepository interface {
	repository.Repository
	repository.WritableRepository
	repository.AppendableRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.CopyableRepository
	repository.MovableRepository
	repository.DeleteAllRepository
}

// lazyFileRepository installs lazyFiles over the repository of the
// "file" scheme, once per app (a test app registers its own), and returns
// it; nil if the repository is not Fyne's, which is then left alone.
func lazyFileRepository() *lazyFiles {
	r, err := repository.ForScheme("file")
	if err != nil {
		return nil
	}
	if l, ok := r.(*lazyFiles); ok {
		return l
	}
	inner, ok := r.(fileRepository)
	if !ok {
		return nil
	}
	l := &lazyFiles{fileRepository: inner}
	repository.Register("file", l)
	return l
}

// Exists reports whether u exists, but for the files a save dialog of
// askSave asks about (see lazyFiles).
func (l *lazyFiles) Exists(u fyne.URI) (bool, error) {
	if l.asking() {
		return false, nil
	}
	return l.fileRepository.Exists(u)
}

// asking reports whether a save dialog of askSave is the topmost overlay
// of its window.
func (l *lazyFiles) asking() bool {
	l.mu.Lock()
	c, d := l.saving, l.dialog
	l.mu.Unlock()
	return c != nil && d != nil && c.Overlays().Top() == d
}

// shown records the save dialog that was just shown on canvas c: the top
// overlay.
func (l *lazyFiles) shown(c fyne.Canvas) {
	l.mu.Lock()
	l.saving, l.dialog = c, c.Overlays().Top()
	l.mu.Unlock()
}

// Writer returns a writer to u that opens the file at its first write:
// one closed unwritten leaves the file as it was, or absent.
func (l *lazyFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u, open: l.fileRepository.Writer}, nil
}

// lazyWriter is a writer that opens its file at the first write.
type lazyWriter struct {
	uri  fyne.URI
	open func(fyne.URI) (fyne.URIWriteCloser, error)
	w    fyne.URIWriteCloser
}

// URI returns the file's URI.
func (w *lazyWriter) URI() fyne.URI { return w.uri }

// Write opens the file, the first time, and writes p to it.
func (w *lazyWriter) Write(p []byte) (int, error) {
	if w.w == nil {
		f, err := w.open(w.uri)
		if err != nil {
			return 0, err
		}
		w.w = f
	}
	return w.w.Write(p)
}

// Close closes the file if it was opened.
func (w *lazyWriter) Close() error {
	if w.w == nil {
		return nil
	}
	return w.w.Close()
}

var _ io.WriteCloser = (*lazyWriter)(nil)
