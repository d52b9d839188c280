package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// TestExportPaths: the ledger and an attachment table are written only to
// a .xlsx file; a folder, a reply source, a file of another kind and a
// path into a missing folder are refused in Chinese, with the path.
func TestExportPaths(t *testing.T) {
	l, _ := newLedger(t)
	dir := t.TempDir()
	folder := filepath.Join(dir, "夹.xlsx")
	os.Mkdir(folder, 0o755)
	src := filepath.Join(dir, "答复.reply.toml")
	os.WriteFile(src, []byte("kind = \"提案\"\n"), 0o644)
	pdf := filepath.Join(dir, "答复.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4"), 0o644)
	att := &reply.Attachment{Title: "附表", Table: &reply.Table{Header: []string{"甲"}, Rows: [][]string{{"1"}}}}
	for _, c := range []struct{ path, want string }{
		{folder, "这是一个文件夹"},
		{src, "答复函文件"},
		{pdf, "以 .xlsx 结尾"},
		{filepath.Join(dir, "无此文件夹", "汇总表.xlsx"), "不存在"},
	} {
		for name, export := range map[string]func() error{
			"ExportLedger":     func() error { _, err := l.ExportLedger(c.path, ledger.Filter{}); return err },
			"ExportAttachment": func() error { return ExportAttachment(c.path, att) },
		} {
			err := export()
			if err == nil || !strings.Contains(err.Error(), "“"+c.path+"”") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s(%s) = %v, want the path and %q", name, c.path, err, c.want)
				continue
			}
			if english(err.Error(), c.path) {
				t.Errorf("%s(%s): bare English in %q", name, c.path, err)
			}
		}
	}
	if b, _ := os.ReadFile(src); string(b) != "kind = \"提案\"\n" {
		t.Error("the reply source was overwritten")
	}
}

// TestOpenMissing: a file that is not there is named in Chinese before
// any viewer is run.
func TestOpenMissing(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "无.pdf")
	err := OpenFile(missing)
	if err == nil || !strings.Contains(err.Error(), "“"+missing+"”") || !strings.Contains(err.Error(), "不存在") || english(err.Error(), missing) {
		t.Errorf("OpenFile(missing) = %v", err)
	}
	gone := filepath.Join(t.TempDir(), "无此文件夹")
	err = OpenFolder(filepath.Join(gone, "无.pdf"))
	if err == nil || !strings.Contains(err.Error(), "不存在") || english(err.Error(), gone) {
		t.Errorf("OpenFolder(missing folder) = %v", err)
	}
	dir := t.TempDir()
	if err := OpenFile(dir); err == nil || !strings.Contains(err.Error(), "这是一个文件夹") {
		t.Errorf("OpenFile(folder) = %v", err)
	}
	if err := OpenDir(missing); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("OpenDir(missing) = %v", err)
	}
}

// english reports Latin words in msg outside the path and the system's
// words in parentheses.
func english(msg, path string) bool {
	msg = strings.ReplaceAll(msg, path, "")
	msg = regexp.MustCompile(`（[^（）]*）|PDF|Excel|WPS|xlsx|pdf`).ReplaceAllString(msg, "")
	return regexp.MustCompile(`[A-Za-z]{2,}`).MatchString(msg)
}
