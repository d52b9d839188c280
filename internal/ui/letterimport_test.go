package ui

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/reply"
)

// seedText is the seed reply as published, the letter a clerk pastes.
const seedText = "../recognize/testdata/changchun-edu-2023-244.txt"

// seedDOCX writes the seed reply as a Word document in a temporary folder.
func seedDOCX(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "答复244.docx")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := desk(t).WriteDOCX(f, seed(t)); err != nil {
		t.Fatal(err)
	}
	return p
}

// sameLetter reports the fields of got that differ from want's, among
// those a letter shows.
func sameLetter(t *testing.T, got, want *reply.Reply) {
	t.Helper()
	for _, c := range []struct{ field, got, want string }{
		{"number", got.Number, want.Number},
		{"item_title", got.ItemTitle, want.ItemTitle},
		{"salutation", got.Salutation, want.Salutation},
		{"body", got.Body, want.Body},
		{"closing", got.Closing, want.Closing},
		{"issuer", got.Issuer, want.Issuer},
		{"date", got.Date.ISO(), want.Date.ISO()},
		{"contact.phone", got.Contact.Phone, want.Contact.Phone},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
}

// A Word document imported through the window becomes a new draft in
// the form, with no file yet: the import's result is shown, and saving
// asks where, proposing the document's name beside it.
func TestImportLetterFromWord(t *testing.T) {
	u, _ := newUI(t)
	p := seedDOCX(t)
	u.ImportLetter(p)
	u.Settle()
	sameLetter(t, u.Reply(), seed(t))
	if u.path != "" || u.source != p {
		t.Errorf("after the import: path %q, source %q", u.path, u.source)
	}
	if got := u.Window.Title(); !strings.Contains(got, "导入自 答复244.docx（未保存）") {
		t.Errorf("title %q", got)
	}
	got := dialogText(u)
	for _, want := range []string{"已从“答复244.docx”（Word 文档）导入", "点“保存”时会询问保存位置", "[确定]"} {
		if !strings.Contains(got, want) {
			t.Errorf("the import's dialog lacks %q:\n%s", want, got)
		}
	}
	if u.saver.Draft() == 0 {
		t.Error("the imported reply was not kept as a draft")
	}
	test.Tap(overlayButton(t, u.Window.Canvas(), "确定"))

	shortcut(u, fyne.KeyS)
	var name string
	for _, o := range test.LaidOutObjects(u.Window.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok && e.Visible() {
			name = e.Text
		}
	}
	if name != "答复244.reply.toml" {
		t.Errorf("saving an imported reply proposes %q", name)
	}
	saveAs(t, u, "答复244.reply.toml")
	want := filepath.Join(filepath.Dir(p), "答复244.reply.toml")
	if _, err := os.Stat(want); err != nil || u.path != want {
		t.Errorf("saved at %q (%v), want beside the document", u.path, err)
	}
}

// A .doc, a damaged .docx and an empty text are refused in Chinese and
// leave the form as it was.
func TestImportLetterRefused(t *testing.T) {
	u, _ := newUI(t)
	u.Load(seed(t), 0, "")
	dir := t.TempDir()
	good, err := os.ReadFile(seedDOCX(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"旧答复.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), ".docx"},
		{"损坏.docx", good[:len(good)/2], "损坏.docx"},
		{"空白.txt", []byte(" \n"), "没有文字"},
	} {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		u.ImportLetter(p)
		u.Settle()
		got := dialogText(u)
		if !strings.Contains(got, c.want) || !strings.ContainsFunc(got, func(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }) {
			t.Errorf("%s: dialog %q, want %q in Chinese", c.name, got, c.want)
		}
		if u.Form("number").Text != "244" || u.source != "" {
			t.Errorf("%s: a refused import changed the form", c.name)
		}
		u.Window.Canvas().Overlays().Top().Hide()
		u.Window.Canvas().Overlays().Remove(u.Window.Canvas().Overlays().Top())
	}
}

// A text file dropped on the window is imported; a PDF beside it is
// passed over.
func TestDropLetter(t *testing.T) {
	u, _ := newUI(t)
	abs, err := filepath.Abs(seedText)
	if err != nil {
		t.Fatal(err)
	}
	u.Dropped([]fyne.URI{storage.NewFileURI("/tmp/x.pdf"), storage.NewFileURI(abs)})
	u.Settle()
	r := u.Reply()
	if r.Number != "244" || r.Issuer != "长春市教育局" || u.source != abs {
		t.Errorf("after the drop: number %q, issuer %q, source %q", r.Number, r.Issuer, u.source)
	}
	if got := dialogText(u); !strings.Contains(got, "文本（") {
		t.Errorf("dialog %q", got)
	}
}

// formButton finds a button of the form's 正文 tab by its text.
func formButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	u.form.tabs.SelectIndex(tabText)
	for _, o := range test.LaidOutObjects(u.form.tabs) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in the form", text)
	return nil
}

// paste opens 粘贴全文 from the 正文 tab and pastes text into it.
func paste(t *testing.T, u *UI, text string) {
	t.Helper()
	test.Tap(formButton(t, u, "粘贴全文…"))
	fill := overlayButton(t, u.Window.Canvas(), "识别并填入")
	if !fill.Disabled() {
		t.Error("识别并填入 is enabled before anything was pasted")
	}
	var entry *widget.Entry
	for _, o := range test.LaidOutObjects(u.Window.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok {
			entry = e
		}
	}
	if entry == nil || u.Window.Canvas().Focused() != entry {
		t.Fatal("the paste dialog has no focused entry")
	}
	entry.SetText(text)
	test.Tap(fill)
	u.Settle()
}

func readText(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A whole letter pasted into an empty form fills it; what the letter does
// not have keeps the form's value; the dialog says so.
func TestPasteWholeLetter(t *testing.T) {
	u, _ := newUI(t)
	u.Form("lead_unit").SetText("长春市人力资源和社会保障局")
	u.Settle()
	before := len(u.Problems())
	closing := u.Form("closing").Text
	text := readText(t, seedText)
	paste(t, u, text)
	im, err := desk(t).ImportPasted(text, "")
	if err != nil {
		t.Fatal(err)
	}
	want := im.Reply.Clone()
	if want.Closing == "" {
		want.Closing = closing // the style's closing stays
	}
	r := u.Reply()
	sameLetter(t, r, &want)
	if r.Number != "244" || r.Body == "" {
		t.Errorf("the form after the paste: number %q, body of %d bytes", r.Number, len(r.Body))
	}
	if got := u.Form("lead_unit").Text; got != "长春市人力资源和社会保障局" {
		t.Errorf("a field the letter lacks became %q", got)
	}
	got := dialogText(u)
	if !strings.Contains(got, "已识别粘贴的全文") || strings.Contains(got, "识别并填入") {
		t.Errorf("after the paste the window shows %q", got)
	}
	if n := len(u.Window.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs open, want the result only", n)
	}
	if got := len(u.Problems()); got >= before {
		t.Errorf("%d problems after the paste, %d before: %v", got, before, u.Problems())
	}
}

// Pasted over a form filled in otherwise, the letter replaces fields only
// after the user confirmed a list of them.
func TestPasteAsksBeforeReplacing(t *testing.T) {
	u, _ := newUI(t)
	r := seed(t)
	r.Body, r.Contact.Phone = "旧的正文。", "0431-88888888"
	u.Load(r, 0, "")
	paste(t, u, readText(t, seedText))
	got := dialogText(u)
	if !strings.Contains(got, "正文") || !strings.Contains(got, "联系电话") || !strings.Contains(got, "[替换]") {
		t.Fatalf("replacing asks %q", got)
	}
	test.Tap(overlayButton(t, u.Window.Canvas(), "取消"))
	if u.Form("body").Text != "旧的正文。" {
		t.Fatal("取消 replaced the body")
	}
	// The paste dialog is still there, with the text.
	test.Tap(overlayButton(t, u.Window.Canvas(), "识别并填入"))
	u.Settle()
	test.Tap(overlayButton(t, u.Window.Canvas(), "替换"))
	writing.Wait()
	if b := u.Form("body").Text; b == "旧的正文。" || !strings.Contains(b, "一、聚焦主导产业") {
		t.Errorf("body after 替换: %.60q", b)
	}
	if u.Form("contact.phone").Text == "0431-88888888" {
		t.Error("the phone was not replaced")
	}
}

// isDOCX reports whether p is a zip with a word/document.xml part.
func isDOCX(t *testing.T, p string) bool {
	t.Helper()
	z, err := zip.OpenReader(p)
	if err != nil {
		return false
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			return true
		}
	}
	return false
}

// 导出 Word writes a Word document, asks first when the reply has errors,
// and offers to open the file.
func TestExportWord(t *testing.T) {
	u, _ := newUI(t)
	r := seed(t)
	r.Contact.Phone = ""
	u.Load(r, 0, "")
	u.Settle()
	p := filepath.Join(t.TempDir(), "答复.docx")
	u.exportWordTo(p, false)
	writing.Wait()
	if got := dialogText(u); !strings.Contains(got, "联系电话未填写") || !strings.Contains(got, "[仍然导出]") {
		t.Fatalf("export with errors shows %q", got)
	}
	if _, err := os.Stat(p); err == nil {
		t.Fatal("written before the user confirmed")
	}
	test.Tap(overlayButton(t, u.Window.Canvas(), "仍然导出"))
	writing.Wait()
	if !isDOCX(t, p) {
		t.Fatal("the forced export is not a Word document")
	}
	if got := dialogText(u); !strings.Contains(got, "台账中不会标记为已答复") || !strings.Contains(u.status.Text, "台账状态未改变") {
		t.Errorf("after a forced export: %q, status %q", got, u.status.Text)
	}
	test.Tap(overlayButton(t, u.Window.Canvas(), "关闭"))

	u.Load(seed(t), 0, "")
	u.Settle()
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	u.exportWordTo(p, false)
	writing.Wait()
	if !isDOCX(t, p) || u.status.Text != "已导出 "+p {
		t.Errorf("export: Word %v, status %q", isDOCX(t, p), u.status.Text)
	}
	if got := dialogText(u); !strings.Contains(got, p) || !strings.Contains(got, "[打开文件]") {
		t.Errorf("after the export: %q", got)
	}
	if u.exportDir == nil || u.exportDir.Path() != filepath.Dir(p) {
		t.Errorf("the next export starts in %v", u.exportDir)
	}
}

// The menu and the toolbar offer the import and the Word export.
func TestWordCommandsOffered(t *testing.T) {
	u, _ := newUI(t)
	var items []string
	for _, it := range u.Window.MainMenu().Items[0].Items {
		if it.Action != nil {
			items = append(items, it.Label)
		}
	}
	for _, want := range []string{"从 Word 或文本导入…", "导出 Word…"} {
		if !strings.Contains(strings.Join(items, "|"), want) {
			t.Errorf("文件 menu %q lacks %q", items, want)
		}
	}
	var buttons []string
	for _, o := range test.LaidOutObjects(u.Window.Content()) {
		if b, ok := o.(*widget.Button); ok {
			buttons = append(buttons, b.Text)
		}
	}
	formButton(t, u, "粘贴全文…")
	for _, want := range []string{"从 Word 导入", "导出 Word"} {
		if !strings.Contains(strings.Join(buttons, "|"), want) {
			t.Errorf("the window lacks a button %q", want)
		}
	}
	// The toolbar's 导出 Word checks the reply first, as 导出 PDF does.
	for _, o := range test.LaidOutObjects(u.Window.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "导出 Word" {
			test.Tap(b)
		}
	}
	if got := dialogText(u); !strings.Contains(got, "[仍然导出]") {
		t.Errorf("导出 Word of an empty reply shows %q", got)
	}
}

// TestCaptureWord draws the import's result, the window after it, the
// paste dialog and the question before replacing to PNG files in the
// folder REPLYDESK_CAPTURE names, to look at them.
func TestCaptureWord(t *testing.T) {
	dir := os.Getenv("REPLYDESK_CAPTURE")
	if dir == "" {
		t.Skip("REPLYDESK_CAPTURE not set")
	}
	u, _ := newUI(t)
	letter := filepath.Join(t.TempDir(), "第244号提案答复.txt")
	if err := os.WriteFile(letter, []byte(readText(t, seedText)), 0o644); err != nil {
		t.Fatal(err)
	}
	u.ImportLetter(letter)
	u.Settle()
	capture(t, u.Window, filepath.Join(dir, "import-result.png"))
	test.Tap(overlayButton(t, u.Window.Canvas(), "确定"))
	u.form.tabs.SelectIndex(tabText)
	u.Settle()
	capture(t, u.Window, filepath.Join(dir, "import-window.png"))

	u.Form("body").SetText("旧的正文。")
	test.Tap(formButton(t, u, "粘贴全文…"))
	for _, o := range test.LaidOutObjects(u.Window.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok {
			e.SetText(readText(t, seedText))
		}
	}
	capture(t, u.Window, filepath.Join(dir, "paste-dialog.png"))
	test.Tap(overlayButton(t, u.Window.Canvas(), "识别并填入"))
	u.Settle()
	capture(t, u.Window, filepath.Join(dir, "paste-replace.png"))
}
