package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// fakePrinting makes PATH a folder holding only the given shell scripts
// (lp, xdg-open), and the temporary folder a new one. Each script logs
// its last argument (the PDF) to the returned log, with "exists" or
// "missing".
func fakePrinting(t *testing.T, scripts map[string]string) (log, tmp string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("fakes lp and xdg-open")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	bin := t.TempDir()
	log = filepath.Join(bin, "calls.log")
	for name, body := range scripts {
		script := "#!" + sh + "\n" +
			`for a; do f=$a; done; if [ -f "$f" ]; then s=exists; else s=missing; fi; echo "` + name + ` $f $s" >>` + log + "\n" +
			body + "\n"
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin)
	tmp = t.TempDir()
	t.Setenv("TMPDIR", tmp)
	return log, tmp
}

// calls reads the log of fakePrinting: one "command pdf exists" per call.
func calls(t *testing.T, log string) []string {
	t.Helper()
	b, err := os.ReadFile(log)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return strings.Fields(string(b))
}

// printDirs lists the print folders left in tmp.
func printDirs(t *testing.T, tmp string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(tmp, printDirPrefix+"*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// newPrintUI is the ledger window showing the seed reply, which answers
// item 244 and has no errors.
func newPrintUI(t *testing.T) *UI {
	t.Helper()
	u := newLedgerUI(t)
	r := seed(t)
	u.Load(r, 0, "")
	u.saver.Touch(r)
	u.Settle()
	for _, p := range u.Problems() {
		if p.Severity == reply.Error {
			t.Fatalf("the seed reply has an error: %s", p.Message)
		}
	}
	return u
}

// Only a job the print service accepted makes the item 已答复; the
// temporary PDF is gone once lp returned.
func TestPrintMarksOnlyAcceptedJobs(t *testing.T) {
	for _, c := range []struct {
		name   string
		lp     string
		status ledger.Status
		shown  string
	}{
		{"accepted", "echo request id is PDF-1; exit 0", ledger.Answered, ""},
		{"refused", "echo 'lp: Error - No default destination.' >&2; exit 1", ledger.InProgress,
			"打印失败：lp 报告了错误（退出码 1），打印服务没有接受任务"},
	} {
		t.Run(c.name, func(t *testing.T) {
			log, tmp := fakePrinting(t, map[string]string{"lp": c.lp, "xdg-open": "exit 0"})
			u := newPrintUI(t)
			u.Print()
			u.Settle()
			got := calls(t, log)
			if len(got) != 3 || got[0] != "lp" || got[2] != "exists" || !strings.HasPrefix(got[1], tmp) {
				t.Fatalf("calls %q, want lp with an existing PDF in the temporary folder", got)
			}
			if dirs := printDirs(t, tmp); len(dirs) != 0 {
				t.Errorf("after lp returned the print folders %q remain", dirs)
			}
			if it := shownItem(u.Ledger(), "244"); it.Status != c.status {
				t.Errorf("after printing item 244 is %s, want %s", it.Status, c.status)
			}
			if txt := dialogText(u); c.shown != "" && !strings.Contains(txt, c.shown) || c.shown == "" && txt != "" {
				t.Errorf("dialog %q, want %q", txt, c.shown)
			}
		})
	}
}

// Without a print service the PDF opens in a viewer, which is not
// printing: nothing is marked, and the PDF stays until the window closes.
func TestPrintViewerIsNotPrinting(t *testing.T) {
	log, tmp := fakePrinting(t, map[string]string{"xdg-open": "exit 0"})
	u := newPrintUI(t)
	u.Print()
	u.Settle()
	if got := calls(t, log); len(got) != 3 || got[0] != "xdg-open" || got[2] != "exists" {
		t.Fatalf("calls %q, want xdg-open with an existing PDF", got)
	}
	if it := shownItem(u.Ledger(), "244"); it.Status != ledger.InProgress {
		t.Errorf("opening a viewer made item 244 %s", it.Status)
	}
	if s := u.status.Text; !strings.Contains(s, "本机没有打印服务") || !strings.Contains(s, "台账状态未改变") {
		t.Errorf("status %q", s)
	}
	if dirs := printDirs(t, tmp); len(dirs) != 1 {
		t.Fatalf("print folders %q, want the one the viewer reads", dirs)
	}
	u.Window.Close()
	if dirs := printDirs(t, tmp); len(dirs) != 0 {
		t.Errorf("after the window closed the print folders %q remain", dirs)
	}
}

// With no print service and no viewer, printing fails in Chinese.
func TestPrintNothingToPrintWith(t *testing.T) {
	_, tmp := fakePrinting(t, nil)
	u := newPrintUI(t)
	u.Print()
	u.Settle()
	txt := dialogText(u)
	if !strings.Contains(txt, "本机没有打印服务，也找不到打开 PDF 的程序（xdg-open）") || strings.Contains(txt, "exec:") {
		t.Errorf("dialog %q", txt)
	}
	if it := shownItem(u.Ledger(), "244"); it.Status != ledger.InProgress {
		t.Errorf("a failed print made item 244 %s", it.Status)
	}
	if dirs := printDirs(t, tmp); len(dirs) != 0 {
		t.Errorf("print folders %q remain", dirs)
	}
}

// A reply with errors is printed only after confirming, and even an
// accepted job then leaves its item as it was.
func TestPrintWithErrorsMarksNothing(t *testing.T) {
	log, _ := fakePrinting(t, map[string]string{"lp": "exit 0"})
	u := newPrintUI(t)
	u.Form("contact.phone").SetText("")
	u.Settle()
	u.Print()
	if got := dialogText(u); !strings.Contains(got, "答复函还有1处错误：\n1. 联系电话未填写") || !strings.Contains(got, "[仍然打印]") {
		t.Fatalf("print with errors shows %q", got)
	}
	if got := calls(t, log); len(got) != 0 {
		t.Fatalf("printed before the user confirmed: %q", got)
	}
	test.Tap(overlayButton(t, u.Window.Canvas(), "仍然打印"))
	u.Settle()
	if got := calls(t, log); len(got) != 3 || got[0] != "lp" {
		t.Fatalf("calls %q, want lp", got)
	}
	if it := shownItem(u.Ledger(), "244"); it.Status != ledger.InProgress {
		t.Errorf("printing a reply with errors made item 244 %s", it.Status)
	}
	if s := u.status.Text; !strings.Contains(s, "有1处错误，台账状态未改变") {
		t.Errorf("status %q", s)
	}
}

// Print folders left by an earlier run are removed at the next print once
// they are a day old.
func TestPrintRemovesStaleFolders(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	old, recent := filepath.Join(tmp, printDirPrefix+"1"), filepath.Join(tmp, printDirPrefix+"2")
	for _, d := range []string{old, recent} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.Local)
	if err := os.Chtimes(old, now.Add(-25*time.Hour), now.Add(-25*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(recent, now.Add(-time.Hour), now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	f := printFiles{now: func() time.Time { return now }}
	dir, err := f.create()
	if err != nil {
		t.Fatal(err)
	}
	f.done(dir, app.Printed)
	if got := printDirs(t, tmp); len(got) != 1 || got[0] != recent {
		t.Errorf("print folders %q, want only %q", got, recent)
	}
}
