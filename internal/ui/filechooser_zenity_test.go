//go:build linux

package ui

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// xvfb starts a virtual X display for the test and points DISPLAY at it.
func xvfb(t *testing.T) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatalf("Xvfb (Debian package xvfb, see scripts/setup.sh): %v", err)
	}
	w.Close()
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if n == "" {
			t.Fatal("Xvfb gave no display")
		}
		t.Setenv("DISPLAY", ":"+n)
	case <-time.After(10 * time.Second):
		t.Fatal("Xvfb did not start in 10 s")
	}
}

// xdotool runs xdotool with args and returns what it printed.
func xdotool(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("xdotool", args...).Output()
	if err != nil {
		t.Fatalf("xdotool %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out))
}

// dialogWait is how long a dialog may take to show or close: GTK starts
// in about 2 s on a loaded 2-core machine.
const dialogWait = 45 * time.Second

// answer waits for the dialog titled title, focuses it and presses keys:
// each is typed as text, or sent as a key when it starts with "key:".
func answer(t *testing.T, title string, keys ...string) {
	t.Helper()
	var win string
	for end := time.Now().Add(dialogWait); win == "" && time.Now().Before(end); {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", title).Output()
		win, _, _ = strings.Cut(strings.TrimSpace(string(out)), "\n")
		if win == "" || exec.Command("xdotool", "windowfocus", "--sync", win).Run() != nil {
			win = ""
			time.Sleep(100 * time.Millisecond)
		}
	}
	if win == "" {
		out, _ := exec.Command("xwininfo", "-root", "-tree").Output()
		t.Fatalf("no dialog %q to focus after %v; windows:\n%s", title, dialogWait, out)
	}
	time.Sleep(300 * time.Millisecond) // the dialog's entry takes focus once shown
	for _, k := range keys {
		if key, ok := strings.CutPrefix(k, "key:"); ok {
			xdotool(t, "key", "--delay", "50", key)
		} else {
			xdotool(t, "type", "--delay", "20", k)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestZenityDialogs drives the real zenity dialogs on a virtual display
// as a user would: the save dialog proposes the name in the start folder
// and takes a typed path (with a space and a "+"), the open dialog starts
// in its folder and takes a typed name.
func TestZenityDialogs(t *testing.T) {
	xvfb(t)
	t.Setenv("LANG", "C.UTF-8")
	// GTK without a session bus: no accessibility bus to wait for, no
	// dconf to write to.
	t.Setenv("NO_AT_BRIDGE", "1")
	t.Setenv("GSETTINGS_BACKEND", "memory")
	dir := t.TempDir()
	z := zenityChooser{}
	type result struct {
		path string
		err  error
	}
	run := func(f func() (string, error), title string, keys ...string) (string, error) {
		t.Helper()
		got := make(chan result, 1)
		go func() { p, err := f(); got <- result{p, err} }()
		select {
		case r := <-got:
			t.Fatalf("dialog %q ended before it was answered: %q, %v", title, r.path, r.err)
		case <-time.After(200 * time.Millisecond):
		}
		answer(t, title, keys...)
		select {
		case r := <-got:
			return r.path, r.err
		case <-time.After(dialogWait):
			t.Fatalf("dialog %q still open", title)
		}
		return "", nil
	}
	save := func(r fileRequest) func() (string, error) {
		return func() (string, error) { p, _, err := z.save(r); return p, err }
	}

	// The name proposed, in the start folder: Enter takes it.
	p, err := run(save(fileRequest{title: "保存PDF", kind: kindPDF, dir: dir, name: "reply-244.pdf"}), "保存PDF", "key:Return")
	if err != nil || p != filepath.Join(dir, "reply-244.pdf") {
		t.Errorf("save with the proposed name: %q, %v", p, err)
	}
	// A path typed over the proposed name.
	typed := filepath.Join(dir, "a b+c.pdf")
	p, err = run(save(fileRequest{title: "另存为PDF", kind: kindPDF, dir: dir, name: "reply-244.pdf"}), "另存为PDF", "key:ctrl+a", typed, "key:Return")
	if err != nil || p != typed {
		t.Errorf("save with a typed path: %q, %v, want %q", p, err, typed)
	}
	// Cancelled: no path and no error.
	p, err = run(save(fileRequest{title: "保存答复", kind: kindReply, dir: dir, name: "x.reply.toml"}), "保存答复", "key:Escape")
	if err != nil || p != "" {
		t.Errorf("cancelled save: %q, %v", p, err)
	}
	// Nothing was written by the dialogs.
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the dialogs left %d files", len(entries))
	}
	// zenity matches any case by rewriting the patterns it is given: the
	// kinds' own stay as they are (else they grow with each dialog).
	if strings.Join(kindPDF.patterns, " ") != "*.pdf" || strings.Join(kindReply.patterns, " ") != "*.reply.toml" {
		t.Errorf("the dialogs changed the kinds' patterns: %q, %q", kindPDF.patterns, kindReply.patterns)
	}
	// Open: a name typed into the location of the start folder.
	want := filepath.Join(dir, "244.reply.toml")
	if err := os.WriteFile(want, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err = run(func() (string, error) {
		return z.open(fileRequest{title: "打开答复", kind: kindReply, dir: dir})
	}, "打开答复", "key:ctrl+l", "244.reply.toml", "key:Return")
	if err != nil || p != want {
		t.Errorf("open: %q, %v, want %q", p, err, want)
	}
}
