package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// fakeCUPS answers lpstat and lp as CUPS would, and records each lp call
// with whether its PDF existed then.
type fakeCUPS struct {
	printers, def string // lpstat -e and lpstat -d output
	listErr       error  // of lpstat -e
	lpOut         string
	lpErr         error

	mu      sync.Mutex
	lp      [][]string
	existed []bool
}

func (f *fakeCUPS) run(_ context.Context, c app.Command) ([]byte, error) {
	switch {
	case c.Name == "lpstat" && c.Args[0] == "-e":
		return []byte(f.printers), f.listErr
	case c.Name == "lpstat" && c.Args[0] == "-d":
		return []byte(f.def), nil
	case c.Name == "lp":
		f.mu.Lock()
		defer f.mu.Unlock()
		f.lp = append(f.lp, c.Args)
		_, err := os.Stat(c.Args[len(c.Args)-1])
		f.existed = append(f.existed, err == nil)
		return []byte(f.lpOut), f.lpErr
	}
	return nil, fmt.Errorf("unexpected %s: %w", c.Name, exec.ErrNotFound)
}

// calls returns the arguments of the lp calls, the PDF's path replaced by
// "PDF", and whether each PDF existed.
func (f *fakeCUPS) calls() ([]string, []bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, args := range f.lp {
		a := slices.Clone(args)
		a[len(a)-1] = "PDF"
		out = append(out, strings.Join(a, " "))
	}
	return out, slices.Clone(f.existed)
}

// twoPrinters is a CUPS with two printers, Canon_LBP the default, that
// accepts every job.
func twoPrinters() *fakeCUPS {
	return &fakeCUPS{printers: "HP_LaserJet\nCanon_LBP\n", def: "system default destination: Canon_LBP\n",
		lpOut: "request id is Canon_LBP-7 (1 file(s))\n"}
}

// newPrintUI is the ledger window showing the seed reply, which answers
// item 244 and has no errors, printing through f; the temporary folder is
// a new one, returned.
func newPrintUI(t *testing.T, f *fakeCUPS) (*UI, string) {
	t.Helper()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	u := newLedgerUI(t)
	u.printing = &app.Printing{Run: f.run, System: "cups"}
	r := seed(t)
	u.Load(r, 0, "")
	u.saver.Touch(r)
	u.Settle()
	for _, p := range u.Problems() {
		if p.Severity == reply.Error {
			t.Fatalf("the seed reply has an error: %s", p.Message)
		}
	}
	return u, tmp
}

// printDirs lists the print folders left in tmp.
func printDirs(t *testing.T, tmp string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(tmp, "replydesk-print-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// shownText is the text of the labels and the buttons shown on the
// topmost dialog; hidden ones are left out.
func shownText(c fyne.Canvas) string {
	top := c.Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if !o.Visible() {
			continue
		}
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + o.Text + "]\n")
		case *widget.Select:
			b.WriteString("<" + o.Selected + ">\n")
		case *widget.Check:
			b.WriteString(fmt.Sprintf("{%s %v}\n", o.Text, o.Checked))
		}
	}
	return b.String()
}

// The dialog shows the system's printers with the default selected, one
// copy, both sides, every page and the preview's page count; 打印 hands
// the PDF to lp with those options, removes it, and the item of a reply
// without errors becomes 已答复.
func TestPrintDialog(t *testing.T) {
	f := twoPrinters()
	u, tmp := newPrintUI(t, f)
	u.Print()
	u.Settle()
	pages := u.preview.pageCount()
	if pages < 2 {
		t.Fatalf("the preview counts %d pages", pages)
	}
	txt := shownText(u.Window.Canvas())
	for _, want := range []string{"<Canon_LBP（默认）>", "{双面打印（长边翻转） true}", fmt.Sprintf("共 %d 页", pages), "[打印]", "[取消]"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the print dialog lacks %q:\n%s", want, txt)
		}
	}
	if got := u.printBox.printer.Options; !slices.Equal(got, []string{"HP_LaserJet", "Canon_LBP（默认）"}) {
		t.Errorf("printers offered %q", got)
	}
	if u.printBox.copies.Text != "1" || u.printBox.which.Selected != allPages || !u.printBox.pages.Disabled() {
		t.Errorf("copies %q, pages %q", u.printBox.copies.Text, u.printBox.which.Selected)
	}
	test.Tap(u.printBox.print)
	u.Settle()
	got, existed := f.calls()
	if want := "-d Canon_LBP -n 1 -o sides=two-sided-long-edge -t 第244号提案答复 PDF"; len(got) != 1 || got[0] != want || !existed[0] {
		t.Fatalf("lp calls %q (PDF there: %v), want %q", got, existed, want)
	}
	if dirs := printDirs(t, tmp); len(dirs) != 0 {
		t.Errorf("after lp returned the print folders %q remain", dirs)
	}
	if it := shownItem(u.Ledger(), "244"); it.Status != ledger.Answered {
		t.Errorf("after printing item 244 is %s, want %s", it.Status, ledger.Answered)
	}
	if s := u.status.Text; !strings.Contains(s, fmt.Sprintf("已送打印机“Canon_LBP”：%d 页 × 1 份（任务 Canon_LBP-7）", pages)) {
		t.Errorf("status %q", s)
	}
	if top := u.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog stays after printing: %q", dialogText(u))
	}
}

// Another printer, copies typed full-width, one side, one page: lp gets
// them; the next print offers the printer used last.
func TestPrintDialogOptions(t *testing.T) {
	f := twoPrinters()
	u, _ := newPrintUI(t, f)
	u.Print()
	u.Settle()
	p := u.printBox
	p.printer.SetSelected("HP_LaserJet")
	p.copies.SetText("２")
	test.Tap(p.duplex)
	p.which.SetSelected(somePages)
	if p.pages.Disabled() {
		t.Fatal("choosing 页码范围 leaves the page entry disabled")
	}
	test.Type(p.pages, "１，2")
	if s := p.count.Text; !strings.Contains(s, "将打印 2 页 × 2 份") {
		t.Errorf("count %q", s)
	}
	test.Tap(p.print)
	u.Settle()
	got, _ := f.calls()
	if want := "-d HP_LaserJet -n 2 -o sides=one-sided -P 1,2 -t 第244号提案答复 PDF"; len(got) != 1 || got[0] != want {
		t.Fatalf("lp calls %q, want %q", got, want)
	}
	u.Print()
	u.Settle()
	if sel := u.printBox.printer.Selected; sel != "HP_LaserJet" {
		t.Errorf("the second print offers %q, want the printer used last", sel)
	}
}

// Copies or pages that cannot be printed are said in the dialog, which
// stays open; nothing is printed.
func TestPrintDialogBadInput(t *testing.T) {
	f := twoPrinters()
	u, _ := newPrintUI(t, f)
	u.Print()
	u.Settle()
	p := u.printBox
	p.which.SetSelected(somePages)
	p.pages.SetText("9")
	if !strings.Contains(p.message.Text, "超出了页数：这件答复共") {
		t.Errorf("page 9 says %q", p.message.Text)
	}
	test.Tap(p.print)
	p.pages.SetText("1")
	p.copies.SetText("0")
	if !strings.Contains(p.message.Text, "份数“0”有误：请填写1到99之间的整数") {
		t.Errorf("0 copies says %q", p.message.Text)
	}
	test.Tap(p.print)
	u.Settle()
	if got, _ := f.calls(); len(got) != 0 {
		t.Errorf("printed with bad input: %q", got)
	}
	if u.Window.Canvas().Overlays().Top() == nil {
		t.Error("the dialog closed on bad input")
	}
	p.copies.SetText("1")
	if p.message.Text != "" {
		t.Errorf("the message stays after correcting: %q", p.message.Text)
	}
}

// Where the machine cannot print, the dialog says why in Chinese and
// offers 导出 PDF instead of 打印.
func TestPrintUnavailable(t *testing.T) {
	for _, c := range []struct {
		name string
		f    *fakeCUPS
		want string
	}{
		{"no CUPS", &fakeCUPS{listErr: fmt.Errorf("exec: \"lpstat\": %w", exec.ErrNotFound)}, "本机没有安装打印服务（CUPS），无法直接打印"},
		{"no printer", &fakeCUPS{def: "no system default destination\n"}, "本机还没有可用的打印机"},
	} {
		t.Run(c.name, func(t *testing.T) {
			u, tmp := newPrintUI(t, c.f)
			u.Print()
			u.Settle()
			txt := shownText(u.Window.Canvas())
			if !strings.Contains(txt, c.want) || !strings.Contains(txt, "[导出 PDF]") || strings.Contains(txt, "[打印]") ||
				strings.Contains(txt, "exec") || strings.Contains(txt, "lpstat") {
				t.Fatalf("the print dialog shows:\n%s", txt)
			}
			test.Tap(u.printBox.export)
			if txt := dialogText(u); !strings.Contains(txt, "[保存]") {
				t.Errorf("导出 PDF shows %q, want the save dialog", txt)
			}
			if dirs := printDirs(t, tmp); len(dirs) != 0 {
				t.Errorf("print folders %q", dirs)
			}
			if it := shownItem(u.Ledger(), "244"); it.Status != ledger.InProgress {
				t.Errorf("item 244 is %s", it.Status)
			}
		})
	}
}

// A job the print service refuses is said in Chinese; nothing is marked
// and no PDF is left.
func TestPrintRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("makes an exit status with sh")
	}
	f := twoPrinters()
	f.lpOut = "lp: Error - The printer or class does not exist."
	f.lpErr = exec.Command("sh", "-c", "exit 1").Run()
	u, tmp := newPrintUI(t, f)
	u.Print()
	u.Settle()
	test.Tap(u.printBox.print)
	u.Settle()
	txt := dialogText(u)
	if !strings.Contains(txt, "打印失败：打印服务没有接受任务（lp 退出码 1）：请检查打印机“Canon_LBP”是否已连接并可用") || strings.Contains(txt, "exec:") {
		t.Errorf("dialog %q", txt)
	}
	if s := u.status.Text; s != "未能打印" {
		t.Errorf("status %q", s)
	}
	if it := shownItem(u.Ledger(), "244"); it.Status != ledger.InProgress {
		t.Errorf("a refused print made item 244 %s", it.Status)
	}
	if dirs := printDirs(t, tmp); len(dirs) != 0 {
		t.Errorf("print folders %q remain", dirs)
	}
}

// A reply with errors is printed only after confirming, and even an
// accepted job then leaves its item as it was.
func TestPrintWithErrorsMarksNothing(t *testing.T) {
	f := twoPrinters()
	u, _ := newPrintUI(t, f)
	u.Form("contact.phone").SetText("")
	u.Settle()
	u.Print()
	if got := dialogText(u); !strings.Contains(got, "答复函还有1处错误：\n1. 联系电话未填写") || !strings.Contains(got, "[仍然打印]") {
		t.Fatalf("print with errors shows %q", got)
	}
	test.Tap(overlayButton(t, u.Window.Canvas(), "仍然打印"))
	u.Settle()
	if got, _ := f.calls(); len(got) != 0 {
		t.Fatalf("printed before the print dialog: %q", got)
	}
	test.Tap(u.printBox.print)
	u.Settle()
	if got, _ := f.calls(); len(got) != 1 {
		t.Fatalf("lp calls %q, want one", got)
	}
	if it := shownItem(u.Ledger(), "244"); it.Status != ledger.InProgress {
		t.Errorf("printing a reply with errors made item 244 %s", it.Status)
	}
	if s := u.status.Text; !strings.Contains(s, "答复函有1处错误，台账状态未改变") {
		t.Errorf("status %q", s)
	}
}

// Print folders an earlier run left are removed when the window starts.
func TestPrintFoldersRemovedAtStart(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	old, recent := filepath.Join(tmp, "replydesk-print-1"), filepath.Join(tmp, "replydesk-print-2")
	for _, d := range []string{old, recent} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "答复.pdf"), []byte("%PDF"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	hour := time.Now().Add(-time.Hour)
	if err := os.Chtimes(old, hour, hour); err != nil {
		t.Fatal(err)
	}
	u, _ := newUI(t)
	u.Settle()
	if dirs := printDirs(t, tmp); !slices.Equal(dirs, []string{recent}) {
		t.Errorf("after start the print folders are %q, want only the recent %q", dirs, recent)
	}
}

// TestCapturePrintDialog saves pictures of the print dialog when
// REPLYDESK_CAPTURE names a folder.
func TestCapturePrintDialog(t *testing.T) {
	dir := os.Getenv("REPLYDESK_CAPTURE")
	if dir == "" {
		t.Skip("REPLYDESK_CAPTURE not set")
	}
	f := twoPrinters()
	f.printers = "HP_LaserJet_Pro_M404\n办公室_Canon_LBP2900\n"
	f.def = "system default destination: 办公室_Canon_LBP2900\n"
	u, _ := newPrintUI(t, f)
	u.Print()
	u.Settle()
	capture(t, u.Window, filepath.Join(dir, "print-dialog.png"))
	u.printBox.dlg.Hide()
	u.printing = &app.Printing{Run: (&fakeCUPS{listErr: errors.Join(exec.ErrNotFound)}).run, System: "cups"}
	u.Print()
	u.Settle()
	capture(t, u.Window, filepath.Join(dir, "print-unavailable.png"))
}

// lp gone between listing and printing: the machine cannot print; the
// window says so and offers 导出 PDF.
func TestPrintServiceGoneAtPrint(t *testing.T) {
	f := twoPrinters()
	f.lpErr = fmt.Errorf("exec: \"lp\": %w", exec.ErrNotFound)
	u, _ := newPrintUI(t, f)
	u.Print()
	u.Settle()
	test.Tap(u.printBox.print)
	u.Settle()
	txt := dialogText(u)
	if !strings.Contains(txt, "本机没有安装打印服务（CUPS）") || !strings.Contains(txt, "[导出 PDF]") || strings.Contains(txt, "exec") {
		t.Fatalf("dialog %q", txt)
	}
	test.Tap(overlayButton(t, u.Window.Canvas(), "导出 PDF"))
	if txt := dialogText(u); !strings.Contains(txt, "[保存]") {
		t.Errorf("导出 PDF shows %q, want the save dialog", txt)
	}
	if s := u.status.Text; s != "未能打印：本机现在无法打印" {
		t.Errorf("status %q", s)
	}
}
