package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"replydesk/internal/textenc"
)

func TestConsoleWanted(t *testing.T) {
	exists := func(p string) bool { return p != "丢失.reply.toml" }
	cases := []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{`D:\答复\第244号.reply.toml`}, false},
		{[]string{"清单.XLSX"}, false},
		{[]string{"答复.docx"}, false},
		{[]string{"丢失.reply.toml"}, true},
		{[]string{"render", "a.reply.toml", "-o", "a.pdf"}, true},
		{[]string{"check", "a.reply.toml"}, true},
		{[]string{"ledger", "list"}, true},
		{[]string{"--help"}, true},
		{[]string{"a.reply.toml", "b.reply.toml"}, true},
		{[]string{"说明.pdf"}, true},
	}
	for _, c := range cases {
		if got := consoleWanted(c.args, exists); got != c.want {
			t.Errorf("consoleWanted(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

// TestRenderNotesEncoding: a reply saved as GB18030 renders, and render
// says that it was converted.
func TestRenderNotesEncoding(t *testing.T) {
	src, err := os.ReadFile("../../templates/examples/reply-244.reply.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "第244号.reply.toml")
	os.WriteFile(in, textenc.GB18030.Encode(string(src)), 0o644)
	var stdout, stderr bytes.Buffer
	code, err := run([]string{"render", in, "-o", filepath.Join(dir, "a.pdf")}, &stdout, &stderr)
	if code != 0 || err != nil {
		t.Fatalf("render = %d, %v; %s", code, err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "注意：第244号.reply.toml 是 GB18030") {
		t.Errorf("stderr = %q, want a note on the encoding", stderr.String())
	}
}
