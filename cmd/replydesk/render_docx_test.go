package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderDOCX renders the seed as .docx, chosen by the extension of -o
// or by --format, and refuses a format it does not know or a name that
// does not match the format.
func TestRenderDOCX(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"render", seed, "-o", filepath.Join(dir, "a.docx")},
		{"render", seed, "--format", "docx", "-o", filepath.Join(dir, "b.DOCX")},
	} {
		code, out, err := runCLI(t, args...)
		if code != 0 || err != nil || !strings.Contains(out, "已导出") {
			t.Fatalf("%q: %d %v\n%s", args, code, err, out)
		}
		b, err := os.ReadFile(args[len(args)-1])
		if err != nil || !bytes.HasPrefix(b, []byte("PK\x03\x04")) || !bytes.Contains(b, []byte("word/document.xml")) {
			t.Fatalf("%q: no .docx written: %v", args, err)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"render", seed, "--format", "odt", "-o", filepath.Join(dir, "c.odt")}, "pdf 或 docx"},
		{[]string{"render", seed, "--format", "docx", "-o", filepath.Join(dir, "c.pdf")}, ".docx"},
	} {
		code, out, err := runCLI(t, tc.args...)
		if code != 2 || err == nil || !strings.Contains(err.Error()+out, tc.want) {
			t.Errorf("%q: %d %v, want code 2 and %q\n%s", tc.args, code, err, tc.want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "c.pdf")); err == nil {
		t.Error("a refused render wrote c.pdf")
	}
}
