package ui

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/fonts"
	"replydesk/internal/reply"
	"replydesk/internal/store"
	"replydesk/internal/tomlfile"
)

// shortcut types Ctrl (⌘) + key on the window.
func shortcut(u *UI, key fyne.KeyName) {
	u.Window.Canvas().(fyne.Shortcutable).TypedShortcut(
		&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
	writing.Wait() // Ctrl+S writes off the UI goroutine
}

// dialogText is the text of the labels of the topmost dialog, "" when none
// is shown.
func dialogText(u *UI) string {
	top := u.Window.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
		if btn, ok := o.(*widget.Button); ok {
			b.WriteString("[" + btn.Text + "]\n")
		}
	}
	return b.String()
}

// overlayButton finds a button of the topmost dialog by its text.
func overlayButton(t *testing.T, c fyne.Canvas, text string) *widget.Button {
	t.Helper()
	if top := c.Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok && b.Text == text {
				return b
			}
		}
	}
	t.Fatalf("no dialog with a button %q", text)
	return nil
}

func TestNewReplyMarksOnlyAfterExport(t *testing.T) {
	u, _ := newUI(t)
	u.Settle()
	if len(u.Problems()) == 0 {
		t.Fatal("an empty reply has no problems")
	}
	if u.Marked("assembly") {
		t.Error("an empty new reply is marked in red before the user did anything")
	}
	shortcut(u, fyne.KeyE)
	if !u.Marked("assembly") {
		t.Error("after Ctrl+E the empty fields are not marked")
	}
	if got := dialogText(u); !strings.Contains(got, "答复函还有12处错误：\n1. 会议机关未填写\n") || !strings.Contains(got, "……另有4处") || !strings.Contains(got, "[仍然导出]") {
		t.Errorf("Ctrl+E with errors shows %q", got)
	}
}

func TestShortcuts(t *testing.T) {
	u, _ := newUI(t)
	path := filepath.Join(t.TempDir(), "x.reply.toml")
	u.Load(seed(t), 0, path)
	u.Form("number").SetText("245")
	shortcut(u, fyne.KeyS)
	r, err := tomlfile.ReadReplyFile(path)
	if err != nil || r.Number != "245" {
		t.Fatalf("Ctrl+S wrote %+v, %v", r, err)
	}
	shortcut(u, fyne.KeyN)
	if got := dialogText(u); !strings.Contains(got, "提案答复") || !strings.Contains(got, "建议答复") {
		t.Errorf("Ctrl+N shows %q, want the styles", got)
	}
}

func TestApplyFixAndFocus(t *testing.T) {
	u, _ := newUI(t)
	r := seed(t)
	lines := strings.Split(r.Body, "\n")
	lines[2] = "我们认为,这件事要做好."
	r.Body = strings.Join(lines, "\n")
	u.Load(r, 0, "")
	u.Settle()
	var p reply.Problem
	for _, x := range u.Problems() {
		if x.Field == "body" && x.Para == 2 {
			p = x
		}
	}
	if p.Fix == "" {
		t.Fatalf("no fixable problem in paragraph 3: %v", u.Problems())
	}
	u.form.focus(u.Window.Canvas(), p)
	body := u.Form("body")
	if u.Window.Canvas().Focused() != body || body.CursorRow != 2 || u.form.tabs.SelectedIndex() != tabText {
		t.Errorf("focus: row %d, tab %d", body.CursorRow, u.form.tabs.SelectedIndex())
	}
	u.applyFix(p)
	u.Settle()
	if got := strings.Split(body.Text, "\n")[2]; got != "我们认为，这件事要做好。" {
		t.Errorf("fixed paragraph %q", got)
	}
	for _, x := range u.Problems() {
		if x.Field == "body" {
			t.Errorf("problem left after the fix: %v", x)
		}
	}
}

func TestFixListItem(t *testing.T) {
	u, _ := newUI(t)
	u.Load(seed(t), 0, "")
	cc := u.Form("cc")
	cc.SetText("市政协提案委员会\n\n市政府 督查室")
	if !u.form.applyFix(reply.Problem{Field: "cc[1]", Fix: "市政府督查室", Para: -1}) {
		t.Fatal("fix not applied")
	}
	if cc.Text != "市政协提案委员会\n\n市政府督查室" {
		t.Errorf("cc = %q", cc.Text)
	}
	if u.form.applyFix(reply.Problem{Field: "attachments[0].table.rows[0][0]", Fix: "x", Para: -1}) {
		t.Error("a table cell fix was applied to a form field")
	}
}

func TestPreviewPages(t *testing.T) {
	u, _ := newUI(t)
	u.Load(seed(t), 0, "")
	u.Settle()
	if got := u.preview.pageLabel.Text; got != "第 1 / 4 页" {
		t.Fatalf("page label %q", got)
	}
	// The label has room in the bar: the next-page arrow does not cover it.
	label, next := u.preview.pageLabel, u.preview.bar.Objects[2]
	if end := label.Position().X + label.MinSize().Width; end > next.Position().X+0.5 {
		t.Errorf("page label ends at %v, under the arrow at %v", end, next.Position().X)
	}
	first := u.preview.img.Image
	u.preview.turn(1)
	u.preview.Flush()
	if got := u.preview.pageLabel.Text; got != "第 2 / 4 页" || u.preview.img.Image == first {
		t.Errorf("after next page: %q, image changed %v", got, u.preview.img.Image != first)
	}
	w, z := u.preview.img.MinSize().Width, u.preview.zoom
	u.preview.zoomBy(1.25)
	if got, want := u.preview.img.MinSize().Width, fmt.Sprintf("%d%%", int(z*125+0.5)); got <= w || u.preview.zoomLabel.Text != want {
		t.Errorf("zoom in: width %v → %v, label %q", w, got, u.preview.zoomLabel.Text)
	}
	// The page is drawn at its pixel size (the test canvas has scale 1):
	// an image a pixel off would be rescaled in software at every paint.
	u.preview.Flush()
	b, size := u.preview.img.Image.Bounds(), u.preview.img.MinSize()
	if size.Width != float32(b.Dx()) || size.Height != float32(b.Dy()) {
		t.Errorf("page image of %v pixels shown at %v", b.Size(), size)
	}
}

func TestDraftSearchOpenDelete(t *testing.T) {
	u, st := newUI(t)
	r := seed(t)
	other := r.Clone()
	other.Number, other.ItemTitle, other.Proposers = "17", "关于加强校园安全的建议", []string{"王强"}
	for _, x := range []*reply.Reply{r, &other} {
		if _, err := st.CreateDraft(x); err != nil {
			t.Fatal(err)
		}
	}
	u.list.refresh()
	if len(u.list.items) != 2 {
		t.Fatalf("%d drafts listed", len(u.list.items))
	}
	test.Type(u.list.search, "校园")
	u.Settle()
	if len(u.list.items) != 1 || u.list.items[0].Number != "17" {
		t.Fatalf("search listed %+v", u.list.items)
	}
	u.list.list.Select(0)
	if u.Form("number").Text != "17" || u.saver.Draft() != u.list.items[0].ID {
		t.Fatalf("selecting opened number %q", u.Form("number").Text)
	}
	if err := u.deleteDraft(u.saver.Draft()); err != nil {
		t.Fatal(err)
	}
	if len(u.list.items) != 0 || u.Form("number").Text != "" {
		t.Errorf("after delete: list %+v, form number %q", u.list.items, u.Form("number").Text)
	}
}

func TestDatabaseUnavailable(t *testing.T) {
	a := test.NewTempApp(t)
	dbErr := &store.OpenError{Path: "replydesk.db", Kind: store.Locked}
	u := New(a, desk(t), nil, dbErr)
	manual(u)
	if got := dialogText(u); !strings.Contains(got, "正被另一个") || !strings.Contains(got, "保存") {
		t.Errorf("dialog %q", got)
	}
	if !strings.Contains(u.status.Text, "不可用") {
		t.Errorf("status %q", u.status.Text)
	}
	u.Load(seed(t), 0, "")
	u.Settle()
	path := filepath.Join(t.TempDir(), "x.reply.toml")
	if err := u.SaveFile(path); err != nil {
		t.Fatalf("saving a file without a database: %v", err)
	}
	if err := u.RestoreRevision(1); err == nil {
		t.Error("restoring without a database succeeded")
	}
}

func TestSettings(t *testing.T) {
	u, st := newUI(t)
	f := u.settingsForm()
	f.unit.SetText("长春市教育局")
	f.name.SetText("刘丽")
	f.phone.SetText("13578951242")
	f.cc.SetText("市政协提案委员会\n市政府督查室")
	f.style.SetSelected("建议答复")
	dir := filepath.Join(t.TempDir(), "数据")
	f.dataDir.SetText(dir)
	if err := u.applySettings(f); err != nil {
		t.Fatal(err)
	}
	p, err := app.LoadProfile(st)
	if err != nil || p.Unit != "长春市教育局" || len(p.CC) != 2 || p.Style != "建议答复" {
		t.Fatalf("stored profile %+v, %v", p, err)
	}
	u.NewReply(u.defaultStyle())
	r := u.Reply()
	if r.Style != "建议答复" || r.Issuer != "长春市教育局" || r.Contact.Phone != "13578951242" || len(r.CC) != 2 {
		t.Errorf("new reply %+v", r)
	}
	if got := u.App.Preferences().String(app.DataDirKey); got != dir {
		t.Errorf("data folder preference %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, store.FileName)); err != nil {
		t.Errorf("database not copied to the new data folder: %v", err)
	}
}

// TestSettingsAreaCode: the 本地区号 of the settings is checked, stored
// and put to work at once: a local contact number is then accepted.
func TestSettingsAreaCode(t *testing.T) {
	u, st := newUI(t)
	f := u.settingsForm()
	f.area.SetText("431")
	if err := u.applySettings(f); err == nil || !strings.Contains(err.Error(), "本地区号“431”不对") {
		t.Errorf("applySettings with a bad area code = %v", err)
	}
	f.area.SetText("0431")
	if err := u.applySettings(f); err != nil {
		t.Fatal(err)
	}
	if p, err := app.LoadProfile(st); err != nil || p.AreaCode != "0431" || u.desk.AreaCode != "0431" {
		t.Fatalf("stored profile %+v, %v; desk area %q", p, err, u.desk.AreaCode)
	}
	r := seed(t)
	r.Contact.Phone = "66881234"
	for _, p := range u.desk.Check(r) {
		if p.Field == "contact.phone" {
			t.Errorf("a local number is still a problem with the area code set: %v", p)
		}
	}
}

func TestBadFontRefused(t *testing.T) {
	u, _ := newUI(t)
	bad := filepath.Join(t.TempDir(), "bad.ttf")
	if err := os.WriteFile(bad, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := u.settingsForm()
	f.fontSpecs[bad] = bad
	f.fonts[fonts.Body].Options = append(f.fonts[fonts.Body].Options, bad)
	f.fonts[fonts.Body].SetSelected(bad)
	err := u.applySettings(f)
	if err == nil || !strings.Contains(err.Error(), "正文") || !strings.Contains(err.Error(), "bad.ttf") {
		t.Errorf("applySettings = %v", err)
	}
}

// TestFontSettings: each role offers the official font found installed
// (自动), the embedded faces and the installed fonts, says which file the
// choice uses, and saves the choice so that the next start makes the
// same faces.
func TestFontSettings(t *testing.T) {
	u, st := newUI(t)
	seedFont, err := filepath.Abs("../fonts/testdata/cjk-seed.otf")
	if err != nil {
		t.Fatal(err)
	}
	ttc, _ := filepath.Abs("../fonts/testdata/serif-sans.ttc")
	d := *u.desk
	d.Official = map[string]fonts.InstalledFont{fonts.Body: {Path: seedFont, Family: "Noto Sans CJK SC", Style: "Regular"}}
	u.desk = &d
	f := u.settingsForm()
	body, kai := f.fonts[fonts.Body], f.fonts[fonts.Kai]
	if body.Selected != "自动：Noto Sans CJK SC Regular（cjk-seed.otf）" {
		t.Errorf("body select shows %q, want the official font found", body.Selected)
	}
	if got := f.fontUse[fonts.Body].Text; got != "使用 "+seedFont+"（本机已安装的官方字体）" {
		t.Errorf("body uses %q", got)
	}
	if kai.Selected != "自动（未找到已安装的官方字体，用内置字体）" || f.fontUse[fonts.Kai].Text != "使用内置字体" {
		t.Errorf("kai select %q, %q", kai.Selected, f.fontUse[fonts.Kai].Text)
	}
	face := "Noto Serif SC Regular（serif-sans.ttc#NotoSerifSC-Regular）"
	f.fontSpecs[face] = ttc + "#NotoSerifSC-Regular" // as findFonts lists it
	kai.Options = append(kai.Options, face)
	kai.SetSelected(face)
	if got := f.fontUse[fonts.Kai].Text; got != "使用 "+ttc+"#NotoSerifSC-Regular" {
		t.Errorf("kai uses %q after choosing a collection's face", got)
	}
	f.fonts[fonts.Song].SetSelected(builtinFont)
	if err := u.applySettings(f); err != nil {
		t.Fatal(err)
	}
	p, err := app.LoadProfile(st)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{fonts.Kai: ttc + "#NotoSerifSC-Regular", fonts.Song: app.BuiltinFont}
	if len(p.Fonts) != len(want) || p.Fonts[fonts.Kai] != want[fonts.Kai] || p.Fonts[fonts.Song] != want[fonts.Song] {
		t.Errorf("stored fonts %v, want %v (automatic roles not stored)", p.Fonts, want)
	}
	for role, file := range map[string]string{fonts.Body: seedFont, fonts.Kai: want[fonts.Kai], fonts.Song: "", fonts.Title: ""} {
		if got := u.desk.Fonts.File(role); got != file {
			t.Errorf("%s: the window's fonts use %q, want %q", role, got, file)
		}
	}
	g := u.settingsForm() // the next opening shows the stored choices
	if g.fonts[fonts.Kai].Selected != ttc+"#NotoSerifSC-Regular" || g.fonts[fonts.Song].Selected != builtinFont {
		t.Errorf("reopened: kai %q, song %q", g.fonts[fonts.Kai].Selected, g.fonts[fonts.Song].Selected)
	}
}

func TestSaveErrorShown(t *testing.T) {
	u, _ := newUI(t)
	u.Load(seed(t), 0, filepath.Join(t.TempDir(), "missing", "dir", "x.reply.toml"))
	u.Save()
	writing.Wait()
	if got := dialogText(u); got == "" {
		t.Error("a failed save shows no dialog")
	}
	if err := u.SaveFile(filepath.Join(t.TempDir(), "missing", "x.reply.toml")); err == nil {
		t.Error("SaveFile into a missing folder succeeded")
	}
}

func TestIcon(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(appIcon.Content()))
	if err != nil {
		t.Fatalf("icon is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("icon is %v, want 512 × 512", b)
	}
}

func TestCaptureForceDialog(t *testing.T) {
	dir := os.Getenv("REPLYDESK_CAPTURE")
	if dir == "" {
		t.Skip("REPLYDESK_CAPTURE not set")
	}
	u, _ := newUI(t)
	u.Settle()
	u.ExportDialog()
	capture(t, u.Window, filepath.Join(dir, "export-errors.png"))
	r := seed(t)
	r.Contact.Phone = ""
	u.Load(r, 0, "")
	u.Settle()
	u.Print()
	capture(t, u.Window, filepath.Join(dir, "print-errors.png"))
}
