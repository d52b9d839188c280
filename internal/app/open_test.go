package app

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestOpenCommands(t *testing.T) {
	for _, c := range []struct{ goos, open, reveal string }{
		{"linux", "xdg-open /d/a.pdf", "xdg-open /d"},
		{"windows", "rundll32 url.dll,FileProtocolHandler /d/a.pdf", "explorer /select,/d/a.pdf"},
		{"darwin", "open /d/a.pdf", "open -R /d/a.pdf"},
	} {
		if got := strings.Join(OpenCommand("/d/a.pdf", c.goos), " "); got != c.open {
			t.Errorf("OpenCommand on %s = %q, want %q", c.goos, got, c.open)
		}
		if got := strings.Join(RevealCommand("/d/a.pdf", c.goos), " "); got != c.reveal {
			t.Errorf("RevealCommand on %s = %q, want %q", c.goos, got, c.reveal)
		}
	}
}

func TestRun(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses Unix commands")
	}
	for _, c := range []struct {
		name    string
		argv    []string
		wantErr string
	}{
		{"works", []string{"true"}, ""},
		{"fails", []string{"sh", "-c", "echo 没有关联的程序 >&2; exit 3"}, "打开文件失败：sh 报告了错误（退出码 3）：请检查系统中打开这类文件的默认程序（没有关联的程序）"},
		{"missing", []string{"replydesk-no-such-command"}, "打开文件失败：找不到打开文件的程序（replydesk-no-such-command）"},
		{"stays open", []string{"sleep", "5"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			err := run(c.argv, "打开文件", 300*time.Millisecond)
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("run took %v", took)
			}
			switch {
			case c.wantErr == "" && err != nil:
				t.Errorf("error %v", err)
			case c.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), c.wantErr)):
				t.Errorf("error %v, want one starting %q", err, c.wantErr)
			case err != nil && strings.Contains(err.Error(), "exec:"):
				t.Errorf("error %q has Go's own words", err)
			}
		})
	}
}
