package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain runs the program's main instead of the tests when the test
// binary is started by runProcess: the test binary holds the same packages
// as the program, so its package initialisation is the program's.
func TestMain(m *testing.M) {
	if os.Getenv("REPLYDESK_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// runProcess runs the command line in a process of its own, from package
// initialisation on, with the locale variables of env and no others.
func runProcess(t *testing.T, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	cmd := exec.Command(exe, args...)
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if name == "LANG" || name == "LANGUAGE" || strings.HasPrefix(name, "LC_") || name == "REPLYDESK_DB" {
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	cmd.Env = append(cmd.Env, "REPLYDESK_TEST_MAIN=1", "HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_DATA_HOME="+home)
	cmd.Env = append(cmd.Env, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), out.String(), errb.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, out.String(), errb.String()
}

// TestQuietUnderCLocale runs commands under the C locales of servers and
// containers: nothing of the GUI toolkit and no English reaches stderr.
func TestQuietUnderCLocale(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	missing := filepath.Join(dir, "无.reply.toml")
	for _, locale := range []string{"LANG=C.UTF-8", "LANG=C", "LC_ALL=C.UTF-8", "LANG=POSIX"} {
		for _, c := range []struct {
			args []string
			code int
		}{
			{[]string{"styles"}, 0},
			{[]string{"new", "--style", "建议答复"}, 0},
			{[]string{"check", seed}, 0},
			{[]string{"render", seed, "-o", filepath.Join(dir, "a.pdf")}, 0},
			{[]string{"ledger", "list", "--db", db}, 0},
			{[]string{"ledger", "export", filepath.Join(dir, "a.xlsx"), "--db", db}, 0},
			{[]string{"render", "--help"}, 0},
			{[]string{"render", missing, "-o", filepath.Join(dir, "b.pdf")}, 2},
			{[]string{"ledger", "list", "--foo"}, 2},
		} {
			t.Run(locale+" "+strings.Join(c.args, " "), func(t *testing.T) {
				code, _, stderr := runProcess(t, []string{locale}, c.args...)
				if code != c.code {
					t.Errorf("exit %d, want %d:\n%s", code, c.code, stderr)
				}
				if strings.Contains(stderr, "Fyne") {
					t.Errorf("the toolkit spoke:\n%s", stderr)
				}
				if w := englishIn(stderr, missing, dir); len(w) > 0 {
					t.Errorf("English on stderr %q:\n%s", w, stderr)
				}
			})
		}
	}
}
