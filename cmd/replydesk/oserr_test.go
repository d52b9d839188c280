package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileErrorsInChinese feeds each command that touches files a missing
// file, a folder and a path in a missing folder: the message names the
// path, says what is wrong in Chinese, and keeps the system's English,
// if any, in parentheses.
func TestFileErrorsInChinese(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "无此文件夹")
	folder := filepath.Join(dir, "文件夹")
	os.Mkdir(folder, 0o755)
	xlsxFolder := filepath.Join(dir, "夹.xlsx")
	os.Mkdir(xlsxFolder, 0o755)
	pdfFolder := filepath.Join(dir, "夹.pdf")
	os.Mkdir(pdfFolder, 0o755)
	aFile := filepath.Join(dir, "文件")
	os.WriteFile(aFile, []byte("x"), 0o644)
	db := filepath.Join(dir, "test.db")
	pdf := filepath.Join(dir, "a.pdf")

	for _, c := range []struct {
		name string
		args []string
		path string // the path the message names
		want string
	}{
		{"render missing reply", []string{"render", filepath.Join(dir, "无.reply.toml"), "-o", pdf}, filepath.Join(dir, "无.reply.toml"), "不存在"},
		{"render folder as reply", []string{"render", folder, "-o", pdf}, folder, "这是一个文件夹"},
		{"render reply in missing folder", []string{"render", filepath.Join(missing, "a.reply.toml"), "-o", pdf}, filepath.Join(missing, "a.reply.toml"), "不存在"},
		{"render into missing folder", []string{"render", seed, "-o", filepath.Join(missing, "a.pdf")}, filepath.Join(missing, "a.pdf"), "不存在"},
		{"render onto a folder", []string{"render", seed, "-o", pdfFolder}, pdfFolder, "这是一个文件夹"},
		{"render onto the reply", []string{"render", seed, "-o", seed}, seed, "答复函文件"},
		{"import missing list", []string{"ledger", "import", filepath.Join(dir, "无.xlsx"), "--db", db}, filepath.Join(dir, "无.xlsx"), "不存在"},
		{"import folder", []string{"ledger", "import", xlsxFolder, "--db", db}, xlsxFolder, "这是一个文件夹"},
		{"import from missing folder", []string{"ledger", "import", filepath.Join(missing, "a.xlsx"), "--db", db}, filepath.Join(missing, "a.xlsx"), "不存在"},
		{"export into missing folder", []string{"ledger", "export", filepath.Join(missing, "a.xlsx"), "--db", db}, filepath.Join(missing, "a.xlsx"), "不存在"},
		{"export onto a folder", []string{"ledger", "export", xlsxFolder, "--db", db}, xlsxFolder, "这是一个文件夹"},
		{"export as pdf", []string{"ledger", "export", pdf, "--db", db}, pdf, "以 .xlsx 结尾"},
		{"export onto a reply", []string{"ledger", "export", seed, "--db", db}, seed, "答复函文件"},
		{"export without extension", []string{"ledger", "export", aFile, "--db", db}, aFile, "以 .xlsx 结尾"},
		{"database in missing folder", []string{"ledger", "list", "--db", filepath.Join(missing, "更深", "x.db")}, filepath.Join(missing, "更深", "x.db"), "不存在"},
		{"database under a file", []string{"ledger", "list", "--db", filepath.Join(aFile, "x.db")}, filepath.Join(aFile, "x.db"), "不是文件夹"},
		{"database is a folder", []string{"ledger", "list", "--db", folder}, folder, "这是一个文件夹"},
		{"font missing", []string{"styles", "--font", "body=" + filepath.Join(dir, "无.ttf")}, filepath.Join(dir, "无.ttf"), "不存在"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, err := runCLI(t, c.args...)
			if code != 2 || err == nil {
				t.Fatalf("exit %d, %v\n%s", code, err, out)
			}
			msg := err.Error()
			if !strings.Contains(msg, "“"+c.path+"”") || !strings.Contains(msg, c.want) {
				t.Errorf("message lacks “%s” or %q:\n%s", c.path, c.want, msg)
			}
			if w := englishIn(msg, c.path); len(w) > 0 {
				t.Errorf("bare English %q in:\n%s", w, msg)
			}
		})
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a command made the missing folder")
	}
}

// TestDatabaseEnvInMissingFolder: REPLYDESK_DB into a folder that is not
// there is reported, not made.
func TestDatabaseEnvInMissingFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "无此盘")
	path := filepath.Join(missing, "台账", "replydesk.db")
	t.Setenv("REPLYDESK_DB", path)
	code, _, err := runCLI(t, "ledger", "list")
	if code != 2 || err == nil || !strings.Contains(err.Error(), "“"+path+"”") || !strings.Contains(err.Error(), "不存在") {
		t.Fatalf("exit %d, %v", code, err)
	}
	if w := englishIn(err.Error(), path, missing); len(w) > 0 {
		t.Errorf("bare English %q in %s", w, err)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("the missing folder was made")
	}
}
