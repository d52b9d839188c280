package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// slowDisk makes every write off the UI goroutine wait until the returned
// function is called.
func slowDisk(t *testing.T) (started <-chan struct{}, release func()) {
	t.Helper()
	s, r := make(chan struct{}, 8), make(chan struct{})
	beforeWrite = func() { s <- struct{}{}; <-r }
	t.Cleanup(func() { writing.Wait(); beforeWrite = nil })
	var once bool
	return s, func() {
		if !once {
			once = true
			close(r)
		}
	}
}

// returnsAtOnce fails the test when f takes longer than a UI goroutine
// may be held.
func returnsAtOnce(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s held the UI goroutine while the disk was slow", what)
	}
}

// Exports to PDF and Word and saving the reply file leave the UI
// goroutine free while the disk is slow: the status says what is being
// written, the window takes keys, and the result comes when the write
// is done.
func TestWritesLeaveUIFree(t *testing.T) {
	for _, c := range []struct {
		what, status, done, file string
		start                    func(u *UI, p string)
	}{
		{"导出 PDF", "正在导出 PDF…", "已导出", "a.pdf", func(u *UI, p string) { u.exportTo(p, false) }},
		{"导出 Word", "正在导出 Word…", "已导出", "a.docx", func(u *UI, p string) { u.exportWordTo(p, false) }},
		{"保存", "正在保存…", "已保存", "a.reply.toml", func(u *UI, p string) { u.saveFileOff(p) }},
	} {
		t.Run(c.what, func(t *testing.T) {
			u, _ := newUI(t)
			u.Load(seed(t), 0, "")
			u.Settle()
			started, release := slowDisk(t)
			defer release()
			p := filepath.Join(t.TempDir(), c.file)
			returnsAtOnce(t, c.what, func() { c.start(u, p) })
			<-started
			if got := u.status.Text; got != c.status {
				t.Errorf("status while writing %q, want %q", got, c.status)
			}
			// The window takes keys meanwhile.
			returnsAtOnce(t, "typing", func() { test.Type(u.Form("body"), "经") })
			if _, err := os.Stat(p); err == nil {
				t.Fatal("written before the slow disk let it")
			}
			release()
			writing.Wait()
			if !strings.HasPrefix(u.status.Text, c.done) {
				t.Errorf("status after writing %q", u.status.Text)
			}
			if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
				t.Errorf("%s not written: %v", p, err)
			}
		})
	}
}
