package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"replydesk/internal/tomlfile"
)

// seedText is the seed reply as published (a copy of shared/seed/reply-244.txt).
const seedText = "../../internal/recognize/testdata/changchun-edu-2023-244.txt"

// TestImportCommand imports the published text of the seed reply and a
// Word export of it, and compares the fields with the example.
func TestImportCommand(t *testing.T) {
	want, err := tomlfile.ReadReplyFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	docx := filepath.Join(dir, "244.docx")
	if code, out, err := runCLI(t, "render", seed, "-o", docx); code != 0 || err != nil {
		t.Fatalf("render docx: %d %v %s", code, err, out)
	}
	for _, in := range []string{seedText, docx} {
		out := filepath.Join(dir, filepath.Base(in)+".reply.toml")
		code, msg, err := runCLI(t, "import", in, "-o", out)
		if code != 0 || err != nil || !strings.Contains(msg, "已从") {
			t.Fatalf("import %s: %d %v\n%s", in, code, err, msg)
		}
		got, err := tomlfile.ReadReplyFile(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []struct{ name, got, want string }{
			{"number", got.Number, want.Number},
			{"item title", got.ItemTitle, want.ItemTitle},
			{"proposers", strings.Join(got.Proposers, "、"), strings.Join(want.Proposers, "、")},
			{"category", got.Category, want.Category},
			{"disclosure", got.Disclosure, want.Disclosure},
			{"issuer", got.Issuer, want.Issuer},
			{"date", got.Date.ISO(), want.Date.ISO()},
			{"contact", got.Contact.Name + got.Contact.Phone, want.Contact.Name + want.Contact.Phone},
			{"body", got.Body, want.Body},
		} {
			if f.got != f.want {
				t.Errorf("import %s: %s = %q, want %q", filepath.Base(in), f.name, f.got, f.want)
			}
		}
	}
	// The default output is beside the input, and never over a file.
	if code, _, err := runCLI(t, "import", docx); code != 0 || err != nil {
		t.Fatalf("import without -o: %d %v", code, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "244.reply.toml")); err != nil {
		t.Fatal(err)
	}
	if code, _, err := runCLI(t, "import", docx); code != 2 || err == nil || !strings.Contains(err.Error(), "不会覆盖") {
		t.Errorf("import over an existing reply file: %d %v", code, err)
	}
}

// TestImportRefuses: files that are not a letter to import get a message
// that says what to do.
func TestImportRefuses(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "旧.doc")
	os.WriteFile(doc, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), 0o644)
	gbk := filepath.Join(dir, "乱码.txt")
	os.WriteFile(gbk, []byte{0xff, 0xfe, 0xfd, 0x00, 0x01, 0x80, 0x81}, 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"import", doc, "-o", filepath.Join(dir, "a.reply.toml")}, "另存为 .docx"},
		{[]string{"import", seed, "-o", filepath.Join(dir, "b.reply.toml")}, "已经是答复函文件"},
		{[]string{"import", filepath.Join(dir, "无.docx")}, "不存在"},
		{[]string{"import", dir}, "文件夹"},
		{[]string{"import", doc, "-o", filepath.Join(dir, "a.pdf")}, ".toml"},
	}
	for _, c := range cases {
		code, _, err := runCLI(t, c.args...)
		if code != 2 || err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %d %v, want a message with %q", c.args, code, err, c.want)
		}
	}
}
