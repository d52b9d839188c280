package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/store"
	"replydesk/internal/tomlfile"
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
	told := filepath.Join(dir, "told.reply.toml")
	os.WriteFile(told, []byte(strings.Replace(string(src), "扩大校企优势互补与资源共享。", "扩大校企优势互补与资源共享。详询13578951242。", 1)), 0o644)
	code, out, err = runCLI(t, "render", told, "--public", "-o", filepath.Join(dir, "told.txt"))
	if code != 0 || err != nil || !strings.Contains(out, "注意：公开版正文中的个人信息已以“×××”代替") {
		t.Errorf("render --public of a body with the phone: %d %v\n%s", code, err, out)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "told.txt")); !strings.Contains(string(b), "详询×××。") {
		t.Errorf("the text keeps the phone:\n%s", b)
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

// TestPublishCommand publishes a ledger of two items, one with a good
// reply and one without a draft, and compiles them.
func TestPublishCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "test.db")
	path := list(t, []string{"编号", "案由", "提案人", "主办单位"},
		[]string{"244", "关于进一步推进职业教育产教融合、校企合作的建议", "董妍", "长春市教育局"},
		[]string{"245", "关于加强校园食品安全的建议", "李明", "长春市教育局"})
	if code, out, err := runCLI(t, "ledger", "import", path, "--db", db); code != 0 || err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	d, err := app.Open(app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l := app.NewLedger(d, s)
	items, _ := l.Items(ledger.Filter{Text: "第244号"})
	draftID, _, err := l.DraftFromItem(items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	r, err := tomlfile.ReadReplyFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft(draftID, r); err != nil {
		t.Fatal(err)
	}
	s.Close()

	dir := filepath.Join(t.TempDir(), "公开")
	vol := filepath.Join(t.TempDir(), "汇编.pdf")
	code, out, err := runCLI(t, "publish", "--out", dir, "--compile", vol, "--db", db, "--title", "长春市教育局2023年建议提案办理复文")
	if code != 1 || err != nil || !strings.Contains(out, "未公开：第245号提案：尚未起草答复") ||
		!strings.Contains(out, "已公开1件，目录为 index.html 和 公开目录.xlsx；1件未公开") || !strings.Contains(out, "已编成答复汇编") {
		t.Fatalf("publish: %d %v\n%s", code, err, out)
	}
	for _, f := range []string{"index.html", "公开目录.xlsx", "第244号提案-关于进一步推进职业教育产教融合、校企合作的建议.pdf", "第244号提案-关于进一步推进职业教育产教融合、校企合作的建议.html"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("publish wrote no %s", f)
		}
	}
	if _, err := os.Stat(vol); err != nil {
		t.Error("publish --compile wrote no volume")
	}
	if code, _, err := runCLI(t, "publish", "--db", db); code != 2 || err == nil || !strings.Contains(err.Error(), "缺少 --out") {
		t.Errorf("publish without --out: %d %v", code, err)
	}
}
