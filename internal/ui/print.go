package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"replydesk/internal/app"
	"replydesk/internal/reply"
	"replydesk/internal/safefile"
)

// printDirPrefix names the temporary folders of the PDFs sent to print.
const printDirPrefix = "replydesk-print-"

// printStale is the age from which a print folder left by an earlier run
// (a viewer held its PDF, or the program was killed) is removed.
const printStale = 24 * time.Hour

// printFiles are the temporary PDFs of the prints: a PDF handed to the
// print service is removed as soon as lp returns (the service has its own
// copy); one opened in a viewer, where there is no print service, is kept
// while the window is open, for the viewer to read, print or reload it,
// and removed when the window closes.
type printFiles struct {
	mu     sync.Mutex
	viewed []string // folders of PDFs opened in a viewer
	// now is the clock that tells a stale folder; tests set it.
	now func() time.Time
}

// create makes a new folder for a print, first removing the stale folders
// of earlier runs.
func (f *printFiles) create() (string, error) {
	tmp := os.TempDir()
	if entries, err := os.ReadDir(tmp); err == nil {
		now := time.Now
		if f.now != nil {
			now = f.now
		}
		for _, e := range entries {
			if !e.IsDir() || !strings.HasPrefix(e.Name(), printDirPrefix) {
				continue
			}
			if fi, err := e.Info(); err == nil && now().Sub(fi.ModTime()) > printStale {
				_ = os.RemoveAll(filepath.Join(tmp, e.Name()))
			}
		}
	}
	dir, err := os.MkdirTemp(tmp, printDirPrefix)
	return dir, safefile.Explain("建立临时文件夹", tmp, err)
}

// done disposes of a print folder after app.Print said what it did.
func (f *printFiles) done(dir string, res app.PrintResult) {
	if res == app.Viewed {
		f.mu.Lock()
		f.viewed = append(f.viewed, dir)
		f.mu.Unlock()
		return
	}
	_ = os.RemoveAll(dir)
}

// close removes the PDFs opened in a viewer; one a viewer still locks
// (Windows) is left for a later run to remove.
func (f *printFiles) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, dir := range f.viewed {
		_ = os.RemoveAll(dir)
	}
	f.viewed = nil
}

// Print sends the reply to the print service as a PDF. A reply with
// errors is printed only after the user confirms, and then does not change
// its item's status; a clean one makes its item 已答复 once the print
// service accepted the job. Where there is no print service the PDF opens
// in the default viewer, which is not printing: nothing is marked.
func (u *UI) Print() {
	u.whenReady("打印", u.print)
}

// print writes the reply to a temporary PDF and hands it to app.Print off
// the UI goroutine; force prints a reply with errors.
func (u *UI) print(force bool) {
	r := u.form.read()
	dir, err := u.printFiles.create()
	if err != nil {
		dialog.ShowError(fmt.Errorf("无法打印：%w", err), u.Window)
		return
	}
	p := filepath.Join(dir, app.SafeFileName(u.baseName())+".pdf")
	_, errs, err := u.desk.ExportChecked(p, r, force)
	if err != nil {
		_ = os.RemoveAll(dir)
		var ce *app.CheckError
		if errors.As(err, &ce) {
			u.askForce("打印", ce.Problems, func() { u.print(true) })
			return
		}
		dialog.ShowError(fmt.Errorf("无法打印：%w", err), u.Window)
		return
	}
	_ = u.saver.Flush()
	draft := u.saver.Draft()
	u.status.SetText("正在送打印…")
	u.background.Add(1)
	go func() {
		defer u.background.Done()
		res, err := app.Print(p)
		u.printFiles.done(dir, res)
		fyne.Do(func() { u.printed(draft, r, len(errs), res, err) })
	}()
}

// printed reports the outcome of a print of draft's reply r, which has
// errs errors, and marks its item 已答复 when the print service took a
// reply without errors.
func (u *UI) printed(draft int64, r *reply.Reply, errs int, res app.PrintResult, err error) {
	switch {
	case err != nil:
		u.status.SetText("未能打印")
		dialog.ShowError(err, u.Window)
	case res == app.Viewed:
		u.status.SetText("本机没有打印服务：已在 PDF 阅读程序中打开，请从中打印（台账状态未改变）")
	case errs > 0:
		u.status.SetText(fmt.Sprintf("已送打印机（答复函有%d处错误，台账状态未改变）", errs))
	default:
		u.replyEventOf(draft, r, true)
		u.status.SetText("已送打印机：" + u.baseName())
	}
}
