package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// fakeChooser stands for the system's dialogs: it records what it was
// asked and answers with path, after release is closed when it is set.
type fakeChooser struct {
	asked   []fileRequest
	path    string
	dialog  bool  // the dialog asked before replacing a file
	err     error // returned instead of path
	release chan struct{}
	started chan struct{}
}

func (f *fakeChooser) open(r fileRequest) (string, error) {
	p, _, err := f.save(r)
	return p, err
}

func (f *fakeChooser) save(r fileRequest) (string, bool, error) {
	f.asked = append(f.asked, r)
	if f.started != nil {
		close(f.started)
	}
	if f.release != nil {
		<-f.release
	}
	return f.path, f.dialog, f.err
}

// useChooser makes c the window's chooser for the test.
func useChooser(t *testing.T, c fileChooser) {
	t.Helper()
	old := chooser
	chooser = c
	t.Cleanup(func() { dialogs.Wait(); chooser = old })
}

// 导出 PDF asks the system's dialog for a PDF named after the reply in
// the last export folder, and writes where it answers.
func TestExportAsksSystemDialog(t *testing.T) {
	u, _ := newUI(t)
	dir := t.TempDir()
	f := &fakeChooser{path: filepath.Join(dir, "答复 244+1")}
	useChooser(t, f)
	u.Load(seed(t), 0, "")
	u.exportDir = folderOf(filepath.Join(dir, "x"))
	u.ExportDialog()
	dialogs.Wait()
	u.Settle()
	if len(f.asked) != 1 {
		t.Fatalf("the dialog was asked %d times", len(f.asked))
	}
	r := f.asked[0]
	if r.kind.short() != "PDF" || r.kind.patterns[0] != "*.pdf" || r.dir != dir || !strings.HasPrefix(r.name, "reply-") || !strings.HasSuffix(r.name, ".pdf") || r.title != "保存PDF" {
		t.Errorf("asked %+v", r)
	}
	b, err := os.ReadFile(filepath.Join(dir, "答复 244+1.pdf"))
	if err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("the PDF was not written where the dialog said: %v", err)
	}
}

// A file that exists is replaced only after the user said so, in Chinese,
// unless the system's dialog asked already; nothing is written before.
func TestSystemSaveAsksBeforeReplacing(t *testing.T) {
	for _, dialogAsked := range []bool{false, true} {
		u, _ := newUI(t)
		dir := t.TempDir()
		old := filepath.Join(dir, "244.reply.toml")
		if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		f := &fakeChooser{path: old, dialog: dialogAsked}
		useChooser(t, f)
		u.Load(seed(t), 0, "")
		u.SaveAsDialog()
		dialogs.Wait()
		if !dialogAsked {
			if got := readFile(t, old); got != "old" {
				t.Fatalf("written before the user confirmed: %q", got)
			}
			if got := dialogText(u); !strings.Contains(got, "“244.reply.toml”已经存在，要替换它吗？") {
				t.Fatalf("no Chinese question before replacing: %q", got)
			}
			test.Tap(overlayButton(t, u.Window.Canvas(), "替换"))
			writing.Wait()
		} else if got := dialogText(u); strings.Contains(got, "已经存在") {
			t.Fatalf("asked a second time: %q", got)
		}
		u.Settle()
		if got := readFile(t, old); !strings.Contains(got, "[") {
			t.Errorf("dialog asked %v: the reply was not saved: %q", dialogAsked, got)
		}
		if f.asked[0].kind.patterns[0] != "*.reply.toml" {
			t.Errorf("the save dialog shows %v", f.asked[0].kind.patterns)
		}
	}
}

// Each open dialog shows only its kind of file.
func TestOpenDialogsFilterByKind(t *testing.T) {
	u, _ := newUI(t)
	f := &fakeChooser{}
	useChooser(t, f)
	u.OpenDialog()
	dialogs.Wait()
	u.ImportLedgerDialog()
	dialogs.Wait()
	u.ImportLetterDialog()
	dialogs.Wait()
	var got []string
	for _, r := range f.asked {
		got = append(got, r.title+" "+strings.Join(r.kind.patterns, " "))
	}
	want := []string{"打开答复 *.reply.toml", "打开交办清单 *.xlsx *.xlsm", "打开答复函 *.docx *.doc *.wps *.txt"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("dialogs asked %q, want %q", got, want)
	}
	for _, c := range []struct {
		k    fileKind
		name string
		want bool
	}{
		{kindReply, "244.reply.toml", true}, {kindReply, "公文.toml", false},
		{kindLedger, "清单.XLSX", true}, {kindWord, "a.doc", false}, {kindPDF, "a.PDF", true},
	} {
		if c.k.matches(c.name) != c.want {
			t.Errorf("%s matches %s: %v", c.k.name, c.name, !c.want)
		}
	}
}

// While the system's dialog is open the window goes on: askSave returns at
// once, a second dialog is not stacked on the first, and the answer comes
// back on the UI goroutine.
func TestSystemDialogDoesNotBlock(t *testing.T) {
	u, _ := newUI(t)
	f := &fakeChooser{release: make(chan struct{}), started: make(chan struct{})}
	useChooser(t, f)
	done := make(chan struct{})
	go func() {
		u.SaveAsDialog()
		u.SaveAsDialog() // the first is still open: not shown again
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("askSave waited for the dialog")
	}
	<-f.started
	close(f.release)
	dialogs.Wait()
	if len(f.asked) != 1 {
		t.Errorf("%d dialogs opened, want 1", len(f.asked))
	}
}

// Where the system has no dialog, Fyne's translated one is shown.
func TestNoSystemDialogFallsBackToFyne(t *testing.T) {
	u, _ := newUI(t)
	useChooser(t, &fakeChooser{err: errNoChooser})
	u.Window.Resize(fileDialogSize)
	u.OpenDialog()
	dialogs.Wait()
	if got := overlayText(u.Window.Canvas()); !strings.Contains(got, "主文件夹") {
		t.Errorf("no Fyne dialog shown: %q", got)
	}
}
