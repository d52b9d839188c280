package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheck builds a small Windows program for each subsystem and checks
// that check tells them apart.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "hello.go")
	if err := os.WriteFile(src, []byte("package main\n\nfunc main() { println(\"你好\") }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build := func(out string, ldflags string) string {
		exe := filepath.Join(dir, out)
		cmd := exec.Command("go", "build", "-ldflags", ldflags, "-o", exe, src)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=", "GO111MODULE=off")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, b)
		}
		return exe
	}
	gui := build("gui.exe", "-s -w -H=windowsgui")
	con := build("con.exe", "-s -w")
	if err := check(gui, "gui"); err != nil {
		t.Errorf("gui: %v", err)
	}
	if err := check(con, "console"); err != nil {
		t.Errorf("console: %v", err)
	}
	if err := check(gui, "console"); err == nil || !strings.Contains(err.Error(), "subsystem 2") {
		t.Errorf("gui exe as console = %v, want a subsystem error", err)
	}
	if err := check(con, "gui"); err == nil {
		t.Error("console exe passed as gui")
	}
	if err := check(src, "gui"); err == nil {
		t.Error("a Go source file passed as an executable")
	}
}
