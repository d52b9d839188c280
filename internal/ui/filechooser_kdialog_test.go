//go:build !windows && !darwin

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeKDialog puts a kdialog program in a folder that writes its
// arguments, one a line, to args and answers with answer and status.
func fakeKDialog(t *testing.T, answer string, status int) (kdialogChooser, string) {
	t.Helper()
	dir := t.TempDir()
	args := filepath.Join(dir, "args")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + args + "'\n" +
		"printf '%s\\n' '" + answer + "'\nexit " + string(rune('0'+status)) + "\n"
	p := filepath.Join(dir, "kdialog")
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	k, ok := newKDialog().(kdialogChooser)
	if !ok {
		t.Fatal("kdialog on PATH not found")
	}
	return k, args
}

// kdialog is asked with the start folder and name, the kind's filter, the
// title and the parent window, and its answer is the path; its "cancel"
// status is no path and no error.
func TestKDialogChooser(t *testing.T) {
	k, args := fakeKDialog(t, "/d/答复 1+2.pdf", 0)
	p, asked, err := k.save(fileRequest{title: "保存PDF", kind: kindPDF, dir: "/d", name: "reply-244.pdf", parent: 42})
	if err != nil || asked || p != "/d/答复 1+2.pdf" {
		t.Errorf("save: %q, %v, %v", p, asked, err)
	}
	got := strings.Split(strings.TrimSpace(readFile(t, args)), "\n")
	want := []string{"--getsavefilename", "/d/reply-244.pdf", "PDF (*.pdf)", "--title", "保存PDF", "--attach", "42"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("kdialog asked with %q, want %q", got, want)
	}
	k, args = fakeKDialog(t, "", 1)
	p, err = k.open(fileRequest{title: "打开答复", kind: kindReply, dir: "/d"})
	if err != nil || p != "" {
		t.Errorf("cancelled open: %q, %v", p, err)
	}
	if got := readFile(t, args); !strings.Contains(got, "--getopenfilename\n/d\n答复 (*.reply.toml)\n") {
		t.Errorf("open asked with %q", got)
	}
	k, _ = fakeKDialog(t, "", 2)
	if _, err := k.open(fileRequest{title: "打开答复", kind: kindReply}); err != errNoChooser {
		t.Errorf("a kdialog that failed: %v, want errNoChooser", err)
	}
}
