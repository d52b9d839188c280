package app

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"replydesk/internal/reply"
	"replydesk/internal/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestAutosaverCoalesces(t *testing.T) {
	s := openStore(t)
	a := NewAutosaver(s, 50*time.Millisecond)
	saved := make(chan int64, 10)
	a.OnSaved = func(id int64, err error) {
		if err != nil {
			t.Error(err)
		}
		saved <- id
	}
	r := &reply.Reply{Kind: reply.Proposal, Number: "1"}
	for i := 0; i < 5; i++ {
		r.Body += "字"
		a.Touch(r)
	}
	r.Body = "changed after touch"
	var id int64
	select {
	case id = <-saved:
	case <-time.After(2 * time.Second):
		t.Fatal("no autosave")
	}
	select {
	case <-saved:
		t.Error("five quick edits saved more than once")
	case <-time.After(150 * time.Millisecond):
	}
	d, err := s.Draft(id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Reply.Body != "字字字字字" {
		t.Errorf("saved body %q", d.Reply.Body)
	}
	if a.Draft() != id {
		t.Errorf("Draft() = %d, want %d", a.Draft(), id)
	}
}

// TestAutosaverSavesWhileTyping: steady typing, never pausing as long as
// the delay, is still saved every delay.
func TestAutosaverSavesWhileTyping(t *testing.T) {
	s := openStore(t)
	a := NewAutosaver(s, 40*time.Millisecond)
	var mu sync.Mutex
	saves := 0
	a.OnSaved = func(int64, error) { mu.Lock(); saves++; mu.Unlock() }
	r := &reply.Reply{Kind: reply.Proposal, Number: "1"}
	for end := time.Now().Add(400 * time.Millisecond); time.Now().Before(end); {
		r.Body += "字"
		a.Touch(r)
		time.Sleep(5 * time.Millisecond)
	}
	mu.Lock()
	n := saves
	mu.Unlock()
	if n < 4 {
		t.Errorf("%d saves in 400 ms of typing with a 40 ms delay, want about 10", n)
	}
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	d, err := s.Draft(a.Draft())
	if err != nil || d.Reply.Body != r.Body {
		t.Errorf("last save %q, %v; want %q", d.Reply.Body, err, r.Body)
	}
}

func TestAutosaverForget(t *testing.T) {
	s := openStore(t)
	a := NewAutosaver(s, time.Hour)
	a.Touch(&reply.Reply{Kind: reply.Proposal, Number: "1"})
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	a.Touch(&reply.Reply{Kind: reply.Proposal, Number: "2"})
	a.Forget()
	if a.Draft() != 0 {
		t.Errorf("Draft() = %d after Forget", a.Draft())
	}
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	list, _ := s.ListDrafts("", 10)
	if len(list) != 1 || list[0].Number != "1" {
		t.Errorf("forgotten edit saved: %+v", list)
	}
}

func TestAutosaverFlushAndSwitch(t *testing.T) {
	s := openStore(t)
	a := NewAutosaver(s, time.Hour)
	a.Touch(&reply.Reply{Kind: reply.Proposal, Number: "7"})
	a.SetDraft(0) // flushes the pending edit into a new draft
	list, err := s.ListDrafts("", 10)
	if err != nil || len(list) != 1 || list[0].Number != "7" {
		t.Fatalf("drafts %v, %v", list, err)
	}
	if err := a.Flush(); err != nil {
		t.Errorf("empty flush: %v", err)
	}
}

type failing struct{ Drafts }

func (failing) CreateDraft(*reply.Reply) (int64, error) { return 0, errors.New("磁盘已满") }

func TestAutosaverReportsError(t *testing.T) {
	a := NewAutosaver(failing{}, time.Hour)
	a.Touch(&reply.Reply{})
	if err := a.Flush(); err == nil || !strings.Contains(err.Error(), "磁盘已满") {
		t.Errorf("Flush = %v", err)
	}
}

func TestProfile(t *testing.T) {
	s := openStore(t)
	if p, err := LoadProfile(s); err != nil || !reflect.DeepEqual(p, Profile{}) {
		t.Fatalf("fresh profile %+v, %v", p, err)
	}
	want := Profile{Unit: "长春市教育局", ContactName: "刘丽", ContactPhone: "13578951242",
		CC: []string{"市政协提案委员会"}, Style: "建议答复", Fonts: map[string]string{"body": "/x/fs.ttf"}}
	if err := SaveProfile(s, want); err != nil {
		t.Fatal(err)
	}
	got, err := LoadProfile(s)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, %v", got, err)
	}
	if err := s.SetSetting(ProfileKey, "{bad"); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadProfile(s); err == nil {
		t.Error("damaged profile not reported")
	}
	if err := SaveProfile(nil, want); err == nil {
		t.Error("saving without a database succeeded")
	}
}

func TestPrintCommand(t *testing.T) {
	has := func(string) (string, error) { return "/usr/bin/lp", nil }
	none := func(string) (string, error) { return "", errors.New("no") }
	for _, c := range []struct {
		name    string
		look    func(string) (string, error)
		goos    string
		want    string
		spooled bool
	}{
		{"cups", has, "linux", "lp a.pdf", true},
		{"linux", none, "linux", "xdg-open a.pdf", false},
		{"windows", none, "windows", "rundll32 url.dll,FileProtocolHandler a.pdf", false},
		{"mac", none, "darwin", "open a.pdf", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			argv, spooled := PrintCommand("a.pdf", c.look, c.goos)
			if got := strings.Join(argv, " "); got != c.want || spooled != c.spooled {
				t.Errorf("got %q (spooled %v), want %q (%v)", got, spooled, c.want, c.spooled)
			}
		})
	}
}

func TestRun(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses Unix commands")
	}
	for _, c := range []struct {
		name    string
		argv    []string
		mustEnd bool
		wantErr string
	}{
		{"works", []string{"true"}, false, ""},
		{"fails", []string{"sh", "-c", "echo 没有默认打印机 >&2; exit 3"}, false, "退出码 3）：请检查默认的 PDF 阅读程序（没有默认打印机）"},
		{"missing", []string{"replydesk-no-such-command"}, false, "找不到打开 PDF 的程序（replydesk-no-such-command）"},
		{"stays open", []string{"sleep", "5"}, false, ""},
		{"job not taken", []string{"sleep", "5"}, true, "没有响应"},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			err := run(c.argv, "打印", 300*time.Millisecond, c.mustEnd)
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("run took %v", took)
			}
			switch {
			case c.wantErr == "" && err != nil:
				t.Errorf("error %v", err)
			case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.HasPrefix(err.Error(), "打印失败：")):
				t.Errorf("error %v, want one with %q", err, c.wantErr)
			case err != nil && strings.Contains(err.Error(), "exec:"):
				t.Errorf("error %q has Go's own words", err)
			}
		})
	}
}

// fakeCommands makes PATH a folder holding only the given shell scripts,
// by name; each logs its arguments, and whether its first argument is a
// file, to log.
func fakeCommands(t *testing.T, scripts map[string]string) (log string) {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	log = filepath.Join(dir, "calls.log")
	for name, body := range scripts {
		script := "#!" + sh + "\n" +
			`for a; do f=$a; done; if [ -f "$f" ]; then echo "` + name + ` $f exists" >>` + log + `; else echo "` + name + ` $f missing" >>` + log + "; fi\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	return log
}

// Print says whether the print service took the job, only opened a viewer,
// or failed, in Chinese.
func TestPrint(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("fakes lp and xdg-open")
	}
	pdf := filepath.Join(t.TempDir(), "答复.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		scripts map[string]string
		want    PrintResult
		wantErr string
		called  string
	}{
		{"lp accepts", map[string]string{"lp": "echo request id is p-1; exit 0", "xdg-open": "exit 0"}, Printed, "", "lp " + pdf + " exists"},
		{"lp refuses", map[string]string{"lp": "echo 'lp: Error - No default destination.' >&2; exit 1", "xdg-open": "exit 0"}, NotPrinted,
			"打印失败：lp 报告了错误（退出码 1），打印服务没有接受任务：请检查是否已连接并设置了默认打印机（lp: Error - No default destination.）", "lp " + pdf + " exists"},
		{"viewer only", map[string]string{"xdg-open": "exit 0"}, Viewed, "", "xdg-open " + pdf + " exists"},
		{"viewer fails", map[string]string{"xdg-open": "exit 4"}, NotPrinted, "打印失败：xdg-open 报告了错误（退出码 4）", "xdg-open " + pdf + " exists"},
		{"nothing", nil, NotPrinted, "打印失败：本机没有打印服务，也找不到打开 PDF 的程序（xdg-open）：请安装打印服务（CUPS）或 PDF 阅读器", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			log := fakeCommands(t, c.scripts)
			got, err := Print(pdf)
			if got != c.want {
				t.Errorf("Print = %v, want %v", got, c.want)
			}
			switch {
			case c.wantErr == "" && err != nil:
				t.Errorf("error %v", err)
			case c.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), c.wantErr)):
				t.Errorf("error %v, want one starting %q", err, c.wantErr)
			case err != nil && strings.Contains(err.Error(), "exec:"):
				t.Errorf("error %q has Go's own words", err)
			}
			calls, _ := os.ReadFile(log)
			if strings.TrimSpace(string(calls)) != c.called {
				t.Errorf("calls %q, want %q", calls, c.called)
			}
		})
	}
}

func TestDatabasePath(t *testing.T) {
	t.Setenv("REPLYDESK_DB", "")
	dir := t.TempDir()
	if got, want := DatabasePath(dir), filepath.Join(dir, store.FileName); got != want {
		t.Errorf("DatabasePath(dir) = %q, want %q", got, want)
	}
	if got := DatabasePath(""); got != store.DefaultPath() {
		t.Errorf("DatabasePath(\"\") = %q, want the default %q", got, store.DefaultPath())
	}
	t.Setenv("REPLYDESK_DB", filepath.Join(dir, "x.db"))
	if got := DatabasePath(dir); got != filepath.Join(dir, "x.db") {
		t.Errorf("REPLYDESK_DB not honoured: %q", got)
	}
}
