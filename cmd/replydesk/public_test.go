package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderPublic renders the public version of the example: no contact
// line, and a refusal, with nothing written, for a reply not to publish.
func TestRenderPublic(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "public.pdf")
	code, out, err := runCLI(t, "render", seed, "--public", "-o", pdf)
	if code != 0 || err != nil || !strings.Contains(out, "公开版") {
		t.Fatalf("render --public: %d %v\n%s", code, err, out)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	if strings.Contains(flat, "刘丽") || strings.Contains(flat, "13578951242") || !strings.Contains(flat, "董妍委员：") {
		t.Errorf("the public PDF prints the contact or lost the salutation:\n%s", text)
	}

	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	closed := filepath.Join(dir, "closed.reply.toml")
	os.WriteFile(closed, []byte(strings.Replace(string(src), `disclosure = "同意公开"`, `disclosure = "不同意公开"`, 1)), 0o644)
	refused := filepath.Join(dir, "closed.pdf")
	code, out, err = runCLI(t, "render", closed, "--public", "-o", refused)
	if code != 2 || err == nil || !strings.Contains(err.Error(), "不同意公开") {
		t.Errorf("render --public of a 不同意公开 reply: %d %v\n%s", code, err, out)
	}
	if _, err := os.Stat(refused); err == nil {
		t.Error("a refused public version was written")
	}
}
