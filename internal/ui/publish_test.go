package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// TestPublishRun publishes three drafted items and one without a draft
// from the dialog, with a 答复汇编: the files are written, the dialog
// says so and lists the item held back with its reason.
func TestPublishRun(t *testing.T) {
	w, l, st := dialogWindow(t)
	items := append(draftedItems(t, st, 3), ledger.Item{Kind: reply.Suggestion, Number: "17", Title: "关于改善老旧小区停车条件的建议"})
	dir := filepath.Join(t.TempDir(), "公开")
	d := newPublishRun(w, l, items, dir)
	d.show()
	test.Type(d.title, "长春市教育局2023年建议提案办理复文")
	d.compile.SetChecked(true)
	test.Tap(d.startBtn)
	d.pending.Wait()
	if d.err != nil || d.pub == nil || d.vol == nil {
		t.Fatalf("publication: %v, %v, %v", d.err, d.pub, d.vol)
	}
	if ok, held := d.pub.Count(); ok != 3 || held != 1 {
		t.Errorf("Count = %d, %d", ok, held)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	for _, want := range []string{"index.html", "公开目录.xlsx", CompileName, "第1号提案-关于进一步推进职业教育产教融合、校企合作的建议.html"} {
		if !slices.Contains(names, want) {
			t.Errorf("the folder lacks %s: %q", want, names)
		}
	}
	if len(names) != 3*2+3 {
		t.Errorf("the folder holds %d files: %q", len(names), names)
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if !strings.Contains(string(index), "长春市教育局2023年建议提案办理复文") {
		t.Error("the index does not carry the title typed")
	}
	txt := overlayText(w.Canvas())
	for _, want := range []string{"已公开3件", "1件未公开，原因见下。", "答复汇编：答复汇编.pdf（3件，", "目录：index.html、公开目录.xlsx", "未公开的答复", "第17号建议：尚未起草答复", "[打开文件夹]", "[关闭]"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the dialog lacks %q:\n%s", want, txt)
		}
	}
	test.Tap(d.closeBtn)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("关闭 leaves the dialog open")
	}
}

// TestExportPublic writes the public version of the window's reply: a
// PDF, a page and a text without the contact; a reply that may not be
// published is refused with the reason and writes nothing.
func TestExportPublic(t *testing.T) {
	u, _ := newUI(t)
	r := seed(t)
	u.Load(r, 0, "")
	p := filepath.Join(t.TempDir(), "公开版.pdf")
	u.exportPublicTo(p, false)
	u.Settle()
	for _, f := range []string{p, strings.TrimSuffix(p, ".pdf") + ".html", strings.TrimSuffix(p, ".pdf") + ".txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("not written: %v", err)
		}
		if !strings.HasSuffix(f, ".pdf") && (strings.Contains(string(b), "刘丽") || !strings.Contains(string(b), "董妍委员：")) {
			t.Errorf("%s prints the contact or lost the salutation", f)
		}
	}
	if txt := overlayText(u.Window.Canvas()); !strings.Contains(txt, "已写入") || !strings.Contains(txt, "公开版.txt") {
		t.Errorf("the dialog: %q", txt)
	}
	u.Window.Canvas().Overlays().Top().Hide()

	closed := seed(t)
	closed.Disclosure = "不同意公开"
	u.Load(closed, 0, "")
	u.ExportPublicDialog()
	if txt := overlayText(u.Window.Canvas()); !strings.Contains(txt, "公开属性为“不同意公开”，不能公开") {
		t.Errorf("the refusal: %q", txt)
	}
}
