package ui

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
)

func TestSavePath(t *testing.T) {
	for _, c := range []struct{ p, accept, add, want string }{
		{"/d/答复", ".toml", ".reply.toml", "/d/答复.reply.toml"},
		{"/d/答复.toml", ".toml", ".reply.toml", "/d/答复.toml"},
		{"/d/汇总表.XLSX", ".xlsx", ".xlsx", "/d/汇总表.XLSX"},
		{"/d/汇总表.xls", ".xlsx", ".xlsx", "/d/汇总表.xls.xlsx"},
		{"/d/244", ".pdf", ".pdf", "/d/244.pdf"},
	} {
		if got := savePath(c.p, c.accept, c.add); got != c.want {
			t.Errorf("savePath(%q, %q, %q) = %q, want %q", c.p, c.accept, c.add, got, c.want)
		}
	}
	if folderOf("/nonexistent/x/y.pdf") != nil {
		t.Error("folderOf a missing folder")
	}
}

// saveAs types name into the save dialog on top of u's window and taps
// 保存.
func saveAs(t *testing.T, u *UI, name string) {
	t.Helper()
	top := u.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no save dialog shown")
	}
	var entry *widget.Entry
	for _, o := range test.LaidOutObjects(top) {
		if e, ok := o.(*widget.Entry); ok && e.Visible() {
			entry = e
		}
	}
	if entry == nil {
		t.Fatal("the save dialog has no file name entry")
	}
	entry.SetText(name)
	test.Tap(overlayButton(t, u.Window.Canvas(), "保存"))
	writing.Wait()
}

// exportUnprintable starts 导出 PDF of a reply that cannot be exported
// (a character no font has) and confirms it, in dir: the save dialog is
// then on top.
func exportUnprintable(t *testing.T, u *UI, dir string) {
	t.Helper()
	r := seed(t)
	r.Contact.Name = "刘\uE000"
	u.Load(r, 0, "")
	u.exportDir = folderOf(filepath.Join(dir, "x"))
	u.ExportDialog()
	test.Tap(overlayButton(t, u.Window.Canvas(), "仍然导出"))
	writing.Wait()
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Choosing an existing PDF in the save dialog asks in Chinese, and an
// export that then fails leaves the old PDF as it was.
func TestSaveDialogKeepsExistingFile(t *testing.T) {
	u, _ := newUI(t)
	dir := t.TempDir()
	old := filepath.Join(dir, "244.pdf")
	if err := os.WriteFile(old, []byte("%PDF-1.7 the old reply"), 0o644); err != nil {
		t.Fatal(err)
	}
	exportUnprintable(t, u, dir)
	saveAs(t, u, "244.pdf")
	if got := readFile(t, old); got != "%PDF-1.7 the old reply" {
		t.Fatalf("after choosing it in the dialog the old PDF holds %q", got)
	}
	got := dialogText(u)
	if !strings.Contains(got, "“244.pdf”已经存在，要替换它吗？") || !strings.Contains(got, "[替换]") || strings.Contains(got, "Overwrite") {
		t.Fatalf("overwrite prompt %q, want it in Chinese", got)
	}
	if dir := os.Getenv("REPLYDESK_CAPTURE"); dir != "" {
		capture(t, u.Window, filepath.Join(dir, "overwrite-confirm.png"))
	}
	test.Tap(overlayButton(t, u.Window.Canvas(), "替换"))
	writing.Wait()
	if got := dialogText(u); !strings.Contains(got, "没有任何字体包含") {
		t.Errorf("the failed export shows %q", got)
	}
	if got := readFile(t, old); got != "%PDF-1.7 the old reply" {
		t.Errorf("after a failed export the old PDF holds %q", got)
	}
}

// A name typed without extension is saved with one; no file is made
// under the name as typed, and a file of the user's with that name is
// left alone.
func TestSaveDialogMakesNoStrayFiles(t *testing.T) {
	u, _ := newUI(t)
	dir := t.TempDir()
	mine := filepath.Join(dir, "246")
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"245", "246"} {
		exportUnprintable(t, u, dir)
		saveAs(t, u, name)
		if got := dialogText(u); !strings.Contains(got, "没有任何字体包含") {
			t.Errorf("saving as %s shows %q", name, got)
		}
		test.Tap(overlayButton(t, u.Window.Canvas(), "确定"))
	}
	// A folder is not replaced, and Fyne's English refusal is not shown.
	if err := os.Mkdir(filepath.Join(dir, "文件夹"), 0o755); err != nil {
		t.Fatal(err)
	}
	exportUnprintable(t, u, dir)
	saveAs(t, u, "文件夹")
	if got := dialogText(u); !strings.Contains(got, "“文件夹”是一个文件夹，不能用文件替换") {
		t.Errorf("saving as a folder shows %q", got)
	}
	test.Tap(overlayButton(t, u.Window.Canvas(), "确定"))
	if err := os.Remove(filepath.Join(dir, "文件夹")); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 1 || names[0] != "246" || readFile(t, mine) != "mine" {
		t.Errorf("folder holds %q (246: %q), want only the user's 246", names, readFile(t, mine))
	}
}

// A file that is not exported through the dialog is not touched: the
// dialog's writer opens nothing until written.
func TestLazyWriter(t *testing.T) {
	test.NewTempApp(t)
	files := lazyFileRepository()
	if files == nil {
		t.Fatal("the file repository was not wrapped")
	}
	if again := lazyFileRepository(); again != files {
		t.Error("the file repository was wrapped twice")
	}
	p := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := storage.Writer(storage.NewFileURI(p))
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "old" {
		t.Fatalf("opening a writer made the file %q", got)
	}
	if _, err := w.Write([]byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "new" {
		t.Errorf("written file holds %q", got)
	}
	if ok, err := storage.Exists(storage.NewFileURI(p)); !ok || err != nil {
		t.Errorf("Exists = %v, %v outside a save dialog", ok, err)
	}
}

func TestExplain(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "答复.xlsx"))
	got := explain("导入", "答复.xlsx", err).Error()
	if want := "无法导入“答复.xlsx”：文件或文件夹不存在：请检查路径是否正确（no such file or directory）"; got != want {
		t.Errorf("explain(%v) = %q, want %q", err, got, want)
	}
	own := errors.New("第3行：嵌套层数过多")
	if got := explain("打开", "x.toml", own); got != own {
		t.Errorf("explain changed a Chinese error to %q", got)
	}
}

// Opening an exported file where the system has no program for it says
// so in Chinese, without Go's own words.
func TestOpenWithoutOpener(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("empties PATH to hide xdg-open")
	}
	w := test.NewTempApp(t).NewWindow("")
	chineseDialogs()
	t.Setenv("PATH", t.TempDir())
	pdf := filepath.Join(t.TempDir(), "244.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	openInBackground(pdf, w, app.OpenFile)
	opening.Wait()
	got := overlayText(w.Canvas())
	if !strings.Contains(got, "找不到打开文件的程序（xdg-open）") || strings.Contains(got, "exec:") || strings.Contains(got, "not found") {
		t.Errorf("dialog %q", got)
	}
}
