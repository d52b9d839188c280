package app

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// fakeSystem answers the print commands: out and err by the command's
// name and first argument ("lpstat -e", "lp", "powershell.exe"), and
// records each call, with the PDF it was given and how many pages it had
// then (-1: no PDF).
type fakeSystem struct {
	out   map[string]string
	err   map[string]error
	calls []fakeCall
}

type fakeCall struct {
	Command
	pdf   string
	pages int
}

func (f *fakeSystem) run(_ context.Context, c Command) ([]byte, error) {
	key := c.Name
	if c.Name == "lpstat" {
		key += " " + c.Args[0]
	}
	call := fakeCall{Command: c, pages: -1}
	for _, a := range append(c.Args, decodedScript(c)) {
		if m := regexp.MustCompile(`(/[^'"\s]+\.pdf)`).FindString(a); m != "" {
			call.pdf = m
			if b, err := os.ReadFile(m); err == nil {
				call.pages = len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(b, -1))
			}
		}
	}
	f.calls = append(f.calls, call)
	return []byte(f.out[key]), f.err[key]
}

// decodedScript is the script of a powershell command, "" for another.
func decodedScript(c Command) string {
	if c.Name != "powershell.exe" {
		return ""
	}
	b, err := base64.StdEncoding.DecodeString(c.Args[len(c.Args)-1])
	if err != nil || len(b)%2 != 0 {
		return "undecodable"
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return string(utf16.Decode(u))
}

// exitErr is a real *exec.ExitError with the given status.
func exitErr(t *testing.T, code int) error {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("makes an exit status with sh")
	}
	err := exec.Command("sh", "-c", fmt.Sprintf("exit %d", code)).Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("no exit error: %v", err)
	}
	return err
}

var notFound = fmt.Errorf("exec: not found: %w", exec.ErrNotFound)

func TestCUPSPrinters(t *testing.T) {
	for _, c := range []struct {
		name     string
		out      map[string]string
		err      map[string]error
		want     []Printer
		unusable string
	}{
		{"default", map[string]string{"lpstat -e": "HP_LaserJet\nCanon_LBP\n", "lpstat -d": "system default destination: Canon_LBP\n"}, nil,
			[]Printer{{"HP_LaserJet", false}, {"Canon_LBP", true}}, ""},
		{"default instance", map[string]string{"lpstat -e": "HP\nHP/duplex\n", "lpstat -d": "system default destination: HP/duplex"}, nil,
			[]Printer{{"HP", false}, {"HP/duplex", true}}, ""},
		{"no default", map[string]string{"lpstat -e": "HP\n", "lpstat -d": "no system default destination\n"}, nil,
			[]Printer{{"HP", false}}, ""},
		{"no CUPS", nil, map[string]error{"lpstat -e": notFound}, nil, "本机没有安装打印服务（CUPS），无法直接打印"},
		{"no printer", map[string]string{"lpstat -e": "\n"}, nil, nil, "本机还没有可用的打印机"},
		{"scheduler down", map[string]string{"lpstat -e": "lpstat: Scheduler is not running."}, map[string]error{"lpstat -e": exitErr(t, 1)},
			nil, "无法读取打印机列表：lpstat 报告了错误（退出码 1，lpstat: Scheduler is not running.）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := &fakeSystem{out: c.out, err: c.err}
			p := &Printing{Run: f.run, System: "cups"}
			got, err := p.Printers()
			var pu *PrintUnavailable
			switch {
			case c.unusable != "" && (!errors.As(err, &pu) || !strings.HasPrefix(err.Error(), c.unusable) || !strings.Contains(err.Error(), "导出 PDF")):
				t.Errorf("Printers error %v, want a PrintUnavailable starting %q and offering 导出 PDF", err, c.unusable)
			case c.unusable == "" && (err != nil || !slices.Equal(got, c.want)):
				t.Errorf("Printers = %v, %v; want %v", got, err, c.want)
			}
			for _, call := range f.calls {
				if !slices.Contains(call.Env, "LC_ALL=C") {
					t.Errorf("%s %q runs in the user's language", call.Name, call.Args)
				}
			}
		})
	}
}

func TestPrintReplyCUPS(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	f := &fakeSystem{out: map[string]string{"lp": "request id is Canon_LBP-12 (1 file(s))\n"}}
	p := &Printing{Run: f.run, System: "cups"}
	pages, _ := ParsePageRange("1-2", 0)
	job := PrintJob{Printer: "Canon_LBP", Copies: 2, Duplex: true, Pages: pages, Title: "第244号提案答复"}
	done, errs, err := p.PrintReply(desk(t), seed(t), job, false)
	if err != nil || len(errs) != 0 {
		t.Fatalf("PrintReply: %v, errors %v", err, errs)
	}
	if done.ID != "Canon_LBP-12" {
		t.Errorf("job id %q", done.ID)
	}
	if len(f.calls) != 1 {
		t.Fatalf("calls %v", f.calls)
	}
	c := f.calls[0]
	want := []string{"-d", "Canon_LBP", "-n", "2", "-o", "sides=two-sided-long-edge", "-P", "1-2", "-t", "第244号提案答复", c.pdf}
	if c.Name != "lp" || !slices.Equal(c.Args, want) {
		t.Errorf("lp %q, want %q", c.Args, want)
	}
	if c.pages < 2 || !strings.HasPrefix(c.pdf, tmp) {
		t.Errorf("lp was given %q with %d pages, want the whole reply in the temporary folder", c.pdf, c.pages)
	}
	if _, err := os.Stat(c.pdf); !os.IsNotExist(err) {
		t.Errorf("the PDF handed to lp is still there: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, printDirPrefix+"*")); len(left) != 0 {
		t.Errorf("print folders left: %q", left)
	}

	// One side, all pages.
	f.calls = nil
	if _, _, err := p.PrintReply(desk(t), seed(t), PrintJob{Printer: "HP"}, false); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.calls[0].Args[:6], " "); got != "-d HP -n 1 -o sides=one-sided" || slices.Contains(f.calls[0].Args, "-P") {
		t.Errorf("lp %q", f.calls[0].Args)
	}
}

func TestPrintReplyRefused(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	f := &fakeSystem{out: map[string]string{"lp": "lp: Error - The printer or class does not exist."},
		err: map[string]error{"lp": exitErr(t, 1)}}
	p := &Printing{Run: f.run, System: "cups"}
	_, _, err := p.PrintReply(desk(t), seed(t), PrintJob{Printer: "HP"}, false)
	if err == nil || !strings.HasPrefix(err.Error(), "打印失败：打印服务没有接受任务（lp 退出码 1）：请检查打印机“HP”是否已连接并可用（lp: Error") {
		t.Errorf("refused job: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, printDirPrefix+"*")); len(left) != 0 {
		t.Errorf("print folders left after a refused job: %q", left)
	}

	// A reply with errors is not printed unless forced.
	r := seed(t)
	r.Contact.Phone = ""
	f.calls = nil
	_, errs, err := p.PrintReply(desk(t), r, PrintJob{Printer: "HP"}, false)
	var ce *CheckError
	if !errors.As(err, &ce) || len(errs) == 0 || len(f.calls) != 0 {
		t.Errorf("a reply with errors: %v, %d errors, %d calls", err, len(errs), len(f.calls))
	}
	f.err = nil
	if _, errs, err := p.PrintReply(desk(t), r, PrintJob{Printer: "HP"}, true); err != nil || len(errs) == 0 || len(f.calls) != 1 {
		t.Errorf("forced: %v, %d errors, %d calls", err, len(errs), len(f.calls))
	}
	// A page past the end is refused before anything is written.
	f.calls = nil
	pr := PageRange{{From: 9, To: 9}}
	if _, _, err := p.PrintReply(desk(t), seed(t), PrintJob{Printer: "HP", Pages: pr}, false); err == nil || !strings.Contains(err.Error(), "超出了页数") || len(f.calls) != 0 {
		t.Errorf("page 9: %v, %d calls", err, len(f.calls))
	}
}

func TestWindowsPrinting(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	f := &fakeSystem{out: map[string]string{"powershell.exe": "\uFEFF-Microsoft Print to PDF\r\n*财务科 HP M404\r\n-\r\n"}}
	p := &Printing{Run: f.run, System: "windows"}
	if caps := p.Caps(); caps.Duplex || caps.Pages {
		t.Errorf("caps %+v: the print verb takes neither sides nor pages", caps)
	}
	list, err := p.Printers()
	want := []Printer{{"Microsoft Print to PDF", false}, {"财务科 HP M404", true}}
	if err != nil || !slices.Equal(list, want) {
		t.Fatalf("Printers = %v, %v; want %v", list, err, want)
	}
	if s := decodedScript(f.calls[0].Command); !strings.Contains(s, "Win32_Printer") || !strings.Contains(s, "UTF8") {
		t.Errorf("list script %q", s)
	}

	f.calls, f.out = nil, nil
	job := PrintJob{Printer: "O'Brien 的打印机", Copies: 3, Pages: PageRange{{From: 2, To: 2}}, Title: "第244号提案答复"}
	if _, _, err := p.PrintReply(desk(t), seed(t), job, false); err != nil {
		t.Fatal(err)
	}
	c := f.calls[0]
	s := decodedScript(c.Command)
	for _, w := range []string{"-Verb PrintTo", "$printer = 'O''Brien 的打印机'", "-lt 3;", "Wait-Process", "$file = '" + c.pdf + "'"} {
		if !strings.Contains(s, w) {
			t.Errorf("print script lacks %q:\n%s", w, s)
		}
	}
	if c.pages != 1 {
		t.Errorf("the PDF for page 2 has %d pages, want 1", c.pages)
	}
	if _, err := os.Stat(c.pdf); !os.IsNotExist(err) {
		t.Errorf("the PDF is still there after the verb's program ended: %v", err)
	}

	f.err = map[string]error{"powershell.exe": notFound}
	if _, err := p.Printers(); err == nil || !strings.Contains(err.Error(), "找不到 Windows PowerShell") {
		t.Errorf("no PowerShell: %v", err)
	}
}

func TestPSQuote(t *testing.T) {
	for in, want := range map[string]string{
		"HP":          "'HP'",
		"O'Brien":     "'O''Brien'",
		"‘财务’":        "'‘‘财务’’'",
		`C:\a $b "c"`: `'C:\a $b "c"'`,
	} {
		if got := psQuote(in); got != want {
			t.Errorf("psQuote(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParsePageRange(t *testing.T) {
	for _, c := range []struct {
		in    string
		n     int
		want  string
		count int
		err   string
	}{
		{"", 5, "", 0, ""},
		{"1-3,5", 5, "1-3,5", 4, ""},
		{"１－３，５", 5, "1-3,5", 4, ""},
		{"2至4、 1", 5, "2-4,1", 4, ""},
		{"3", 0, "3", 1, ""},
		{"3-1", 5, "", 0, "前大后小"},
		{"a", 5, "", 0, "有误：请写成 1-3,5"},
		{"0", 5, "", 0, "有误"},
		{"4-6", 5, "", 0, "超出了页数：这件答复共5页"},
		{",,", 5, "", 0, "有误"},
	} {
		pr, err := ParsePageRange(c.in, c.n)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("ParsePageRange(%q, %d) error %v, want %q", c.in, c.n, err, c.err)
		case c.err == "" && (err != nil || pr.String() != c.want || pr.Count() != c.count):
			t.Errorf("ParsePageRange(%q, %d) = %q (%d pages), %v; want %q (%d)", c.in, c.n, pr, pr.Count(), err, c.want, c.count)
		}
	}
}

func TestCleanPrintFolders(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.Local)
	old, recent, other := filepath.Join(tmp, printDirPrefix+"1"), filepath.Join(tmp, printDirPrefix+"2"), filepath.Join(tmp, "else")
	for _, d := range []string{old, recent, other} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(d, now.Add(-time.Hour), now.Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(recent, now.Add(-time.Minute), now.Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if n := CleanPrintFolders(now, 10*time.Minute); n != 1 {
		t.Errorf("removed %d folders, want 1", n)
	}
	for d, want := range map[string]bool{old: false, recent: true, other: true} {
		if _, err := os.Stat(d); (err == nil) != want {
			t.Errorf("%s exists %v, want %v", d, err == nil, want)
		}
	}
}
