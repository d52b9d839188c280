package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/reply"
)

// The 公开属性 choices read as words, each once; the 答复类别 marks keep
// their meaning beside them; what is chosen reads back as the code.
func TestChoicesReadCleanly(t *testing.T) {
	u, _ := newUI(t)
	for _, st := range u.desk.Styles {
		u.form.style.SetSelected(st.Name)
		for _, o := range u.form.disclosure.Options {
			code := choiceCode(o)
			if o != code {
				t.Errorf("style %s: 公开属性 choice %q says more than its code %q", st.Name, o, code)
			}
		}
		for _, o := range u.form.category.Options {
			if code := choiceCode(o); len([]rune(code)) <= maxMarkRunes && !strings.Contains(o, "　") {
				t.Errorf("style %s: 答复类别 choice %q has no meaning beside it", st.Name, o)
			}
		}
	}
	u.form.style.SetSelected("建议答复")
	if got := u.form.disclosure.Options; !slices.Equal(got, []string{"主动公开", "依申请公开", "不予公开"}) {
		t.Errorf("建议答复 offers %q", got)
	}
	u.form.style.SetSelected("提案答复")
	if !slices.Contains(u.form.category.Options, "B　正在解决或列入计划逐步解决") {
		t.Errorf("提案答复 categories %q", u.form.category.Options)
	}
	u.form.disclosure.SetSelected("不同意公开")
	if got := u.Reply().Disclosure; got != "不同意公开" {
		t.Errorf("chosen 不同意公开 reads back %q", got)
	}
}

// An attachment table with a header and no rows is a problem, pointing
// at its first cell.
func TestEmptyTableIsAProblem(t *testing.T) {
	u, _ := newUI(t)
	r := tableReply(t)
	r.Attachments[1].Table.Rows = nil
	u.Load(r, 0, "")
	u.Settle()
	i := slices.IndexFunc(u.Problems(), func(p reply.Problem) bool {
		return strings.Contains(p.Message, "附件2的表格只有表头，没有内容")
	})
	if i < 0 {
		t.Fatalf("problems %v, want the empty table", u.Problems())
	}
	if f := u.Problems()[i].Field; f != "attachments[1].table.header[0]" {
		t.Errorf("the problem points at %q", f)
	}
}

// The export-done dialog has an information icon and opens the file or
// its folder.
func TestExportDoneDialog(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("fakes xdg-open")
	}
	u, _ := newUI(t)
	u.Load(seed(t), 0, "")
	u.Settle()
	dir := t.TempDir()
	p := filepath.Join(dir, "答复.pdf")
	u.exportTo(p, false)
	writing.Wait()
	top := u.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog after the export")
	}
	var icon bool
	for _, o := range test.LaidOutObjects(top) {
		if i, ok := o.(*widget.Icon); ok && i.Resource != nil && i.Resource.Name() == theme.InfoIcon().Name() {
			icon = true
		}
	}
	txt := dialogText(u)
	if !icon || !strings.Contains(txt, "[打开文件]") || !strings.Contains(txt, "[打开文件夹]") || !strings.Contains(txt, "[关闭]") || !strings.Contains(txt, p) {
		t.Fatalf("the export dialog (information icon %v) shows %q", icon, txt)
	}

	bin := t.TempDir()
	log := filepath.Join(bin, "opened")
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte("#!/bin/sh\necho \"$1\" >>"+log+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	test.Tap(overlayButton(t, u.Window.Canvas(), "打开文件夹"))
	opening.Wait()
	u.exportTo(p, false)
	writing.Wait()
	test.Tap(overlayButton(t, u.Window.Canvas(), "打开文件"))
	opening.Wait()
	b, _ := os.ReadFile(log)
	if got := strings.Fields(string(b)); !slices.Equal(got, []string{dir, p}) {
		t.Errorf("opened %q, want the folder then the file", got)
	}
	if top := u.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog stays: %q", dialogText(u))
	}
}

// A file a later start hands over opens in this window, as a draft that
// holds it.
func TestHandedOver(t *testing.T) {
	u, st := newUI(t)
	abs, err := filepath.Abs(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	u.HandedOver([]string{abs})
	u.Settle()
	if n := u.Reply().Number; n != "244" {
		t.Errorf("after the hand-over the form shows number %q", n)
	}
	if d, err := st.DraftOfFile(abs); err != nil || d.ID != u.saver.Draft() {
		t.Errorf("the handed file is not the draft's: %v", err)
	}
	u.HandedOver(nil)
	if s := u.status.Text; s != "答复函起草台已在运行" {
		t.Errorf("status %q", s)
	}
}
