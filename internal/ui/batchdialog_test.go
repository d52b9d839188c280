package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/store"
)

// draftedItems stores n items of 市政协十四届二次会议, numbered from 1,
// each with the seed reply as its draft.
func draftedItems(t *testing.T, st *store.Store, n int) []ledger.Item {
	t.Helper()
	items := make([]ledger.Item, n)
	for i := range items {
		r := seed(t)
		r.Number, r.Title, r.Opening = strconv.Itoa(i+1), "", ""
		id, err := st.CreateDraft(r)
		if err != nil {
			t.Fatal(err)
		}
		items[i] = ledger.Item{Kind: reply.Proposal, Assembly: r.Assembly, Term: r.Term, Session: r.Session,
			Number: r.Number, Title: r.ItemTitle, DraftID: id, Status: ledger.InProgress}
	}
	return items
}

// runBatch shows the batch dialog and waits for the export to end.
func runBatch(t *testing.T, d *batchExport) (results []app.BatchResult, calls int) {
	t.Helper()
	d.done = func(r []app.BatchResult) { results, calls = r, calls+1 }
	d.start()
	d.pending.Wait()
	return results, calls
}

func pdfs(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".pdf") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestBatchDialog(t *testing.T) {
	w, l, st := dialogWindow(t)
	items := append(draftedItems(t, st, 3), ledger.Item{Kind: reply.Suggestion, Number: "17", Title: "关于改善老旧小区停车条件的建议"})
	dir := filepath.Join(t.TempDir(), "答复PDF")
	d := newBatchExport(w, l, items, dir, nil)
	results, calls := runBatch(t, d)
	if calls != 1 || len(results) != 4 {
		t.Fatalf("done called %d times with %d results", calls, len(results))
	}
	for i, r := range results[:3] {
		if r.Err != nil || r.Pages < 2 {
			t.Errorf("item %d: %v, %d pages", i, r.Err, r.Pages)
		}
	}
	if !errors.Is(results[3].Err, app.ErrNoDraft) {
		t.Errorf("item without draft: %v", results[3].Err)
	}
	if files := pdfs(t, dir); len(files) != 3 {
		t.Errorf("files %q", files)
	}
	txt := overlayText(w.Canvas())
	for _, want := range []string{"已导出3份答复，1份未导出\n", "第17号建议：尚未起草答复：请先在台账中为其起草答复", "已导出 3 / 4 件", "未导出的答复", "[打开文件夹]", "[关闭]"} {
		if !strings.Contains(txt, want) {
			t.Errorf("dialog lacks %q:\n%s", want, txt)
		}
	}
	if strings.Contains(txt, "[取消]") || d.bar.Value != 1 || d.openBtn.Importance != widget.HighImportance {
		t.Errorf("after the end: bar %v, dialog %q", d.bar.Value, txt)
	}
	test.Tap(d.stopBtn)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("关闭 leaves the dialog open")
	}
}

// Cancelling from the first progress report stops the export before
// most items, and the dialog says how many were exported.
func TestBatchDialogCancel(t *testing.T) {
	w, l, st := dialogWindow(t)
	// Each worker finishes the reply it is writing: at most one per core.
	workers := runtime.GOMAXPROCS(0)
	items := draftedItems(t, st, max(16, 2*workers+2))
	dir := t.TempDir()
	d := newBatchExport(w, l, items, dir, nil)
	d.export = func(ctx context.Context, items []ledger.Item, dir string, opt app.BatchOptions) ([]app.BatchResult, error) {
		progress := opt.Progress
		return l.Batch(ctx, items, dir, app.BatchOptions{Progress: func(done, total int) {
			progress(done, total)
			if done == 1 {
				test.Tap(d.stopBtn)
			}
		}})
	}
	results, calls := runBatch(t, d)
	exported := 0
	for _, r := range results {
		if r.Err == nil {
			exported++
		} else if !errors.Is(r.Err, context.Canceled) {
			t.Errorf("unexpected error %v", r.Err)
		}
	}
	if calls != 1 || len(results) != len(items) || exported == 0 || exported > workers {
		t.Fatalf("done called %d times; %d of %d exported", calls, exported, len(results))
	}
	if files := pdfs(t, dir); len(files) != exported {
		t.Errorf("%d files for %d exported", len(files), exported)
	}
	txt := overlayText(w.Canvas())
	want := "已取消：已导出" + strconv.Itoa(exported) + "份答复；另有" + strconv.Itoa(len(items)-exported) + "件因取消未导出"
	if !strings.Contains(txt, want) || d.failBox.Visible() {
		t.Errorf("dialog lacks %q:\n%s", want, txt)
	}
	// Escape now closes the dialog and gives the key back.
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape leaves the finished dialog open")
	}
}

// Escape while exporting cancels, as 取消 does.
func TestBatchDialogEscapeCancels(t *testing.T) {
	w, l, st := dialogWindow(t)
	items := draftedItems(t, st, 16)
	d := newBatchExport(w, l, items, t.TempDir(), nil)
	d.export = func(ctx context.Context, items []ledger.Item, dir string, opt app.BatchOptions) ([]app.BatchResult, error) {
		return l.Batch(ctx, items, dir, app.BatchOptions{Progress: func(done, total int) {
			opt.Progress(done, total)
			if done == 1 {
				w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
			}
		}})
	}
	results, _ := runBatch(t, d)
	if !d.cancelled || !errors.Is(results[len(results)-1].Err, context.Canceled) {
		t.Fatal("Escape did not cancel the export")
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Error("Escape while exporting closed the dialog before it said what was exported")
	}
}

// batchWithErrors stores three drafted items, the second without 联系电话
// (an error), and shows the batch dialog for them, not started.
func batchWithErrors(t *testing.T) (fyne.Window, *store.Store, *batchExport, string) {
	t.Helper()
	w, l, st := dialogWindow(t)
	items := draftedItems(t, st, 3)
	bad := seed(t)
	bad.Number, bad.Title, bad.Opening, bad.Contact.Phone = "2", "", "", ""
	if err := st.SaveDraft(items[1].DraftID, bad); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.UpsertItems(items); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "答复PDF")
	d := newBatchExport(w, l, items, dir, nil)
	d.show()
	return w, st, d, dir
}

// statuses are the statuses of the items of drafts 1 to 3.
func statuses(t *testing.T, st *store.Store, d *batchExport) []ledger.Status {
	t.Helper()
	var out []ledger.Status
	for _, it := range d.items {
		got, err := st.ItemOfDraft(it.DraftID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, got.Status)
	}
	return out
}

// The dialog asks before it starts, with a checkbox for the replies with
// errors; unticked, such a reply is not exported and is listed with its
// number and problems.
func TestBatchDialogSkipsErrors(t *testing.T) {
	w, st, d, dir := batchWithErrors(t)
	txt := overlayText(w.Canvas())
	if !strings.Contains(txt, "将把3件答复导出为 PDF") || !strings.Contains(txt, "[开始导出]") || d.force.Text != "有错误的答复也导出（不标记为已答复）" || d.force.Checked {
		t.Fatalf("before starting the dialog shows %q, checkbox %q %v", txt, d.force.Text, d.force.Checked)
	}
	if dirEntries, _ := os.ReadDir(dir); len(dirEntries) != 0 {
		t.Fatal("the export started before 开始导出")
	}
	if dir := os.Getenv("REPLYDESK_CAPTURE"); dir != "" {
		capture(t, w, filepath.Join(dir, "batch-ready.png"))
	}
	test.Tap(d.startBtn)
	d.pending.Wait()
	if files := pdfs(t, dir); len(files) != 2 {
		t.Errorf("files %q, want the two replies without errors", files)
	}
	txt = overlayText(w.Canvas())
	for _, want := range []string{"已导出2份答复，1份未导出\n", "未导出的答复（1件）", "第2号提案：有1处错误，未导出\n· 联系电话未填写"} {
		if !strings.Contains(txt, want) {
			t.Errorf("dialog lacks %q:\n%s", want, txt)
		}
	}
	if strings.Contains(txt, "已导出但有错误") || d.force.Disabled() == false {
		t.Errorf("after the end: checkbox enabled %v, dialog %q", !d.force.Disabled(), txt)
	}
	if got := statuses(t, st, d); got[0] != ledger.Answered || got[1] != ledger.InProgress || got[2] != ledger.Answered {
		t.Errorf("statuses %v", got)
	}
}

// Ticked, a reply with errors is exported too but not marked 已答复, and
// the dialog lists it with its problems.
func TestBatchDialogForce(t *testing.T) {
	w, st, d, dir := batchWithErrors(t)
	test.Tap(d.force)
	test.Tap(d.startBtn)
	d.pending.Wait()
	if files := pdfs(t, dir); len(files) != 3 {
		t.Errorf("files %q, want all three", files)
	}
	txt := overlayText(w.Canvas())
	for _, want := range []string{"已导出3份答复（其中1份有错误，未标记为已答复）", "已导出但有错误的答复，未标记为已答复（1件）", "第2号提案：有1处错误，已导出\n· 联系电话未填写"} {
		if !strings.Contains(txt, want) {
			t.Errorf("dialog lacks %q:\n%s", want, txt)
		}
	}
	if strings.Contains(txt, "未导出的答复") {
		t.Errorf("nothing failed, yet the dialog shows %q", txt)
	}
	if got := statuses(t, st, d); got[0] != ledger.Answered || got[1] != ledger.InProgress || got[2] != ledger.Answered {
		t.Errorf("statuses %v", got)
	}
	if dir := os.Getenv("REPLYDESK_CAPTURE"); dir != "" {
		capture(t, w, filepath.Join(dir, "batch-forced.png"))
	}
}

func TestBatchDialogBadFolder(t *testing.T) {
	w, l, st := dialogWindow(t)
	file := filepath.Join(t.TempDir(), "文件")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	d := newBatchExport(w, l, draftedItems(t, st, 1), filepath.Join(file, "答复"), nil)
	_, calls := runBatch(t, d)
	if txt := overlayText(w.Canvas()); calls != 0 || !d.closed || !strings.Contains(txt, "无法建立文件夹") {
		t.Errorf("done called %d times; shown %q", calls, txt)
	}
}

func TestCaptureBatchDialog(t *testing.T) {
	dir := os.Getenv("REPLYDESK_CAPTURE")
	if dir == "" {
		t.Skip("REPLYDESK_CAPTURE not set")
	}
	w, l, st := dialogWindow(t)
	items := draftedItems(t, st, 6)
	bad := seed(t)
	bad.Contact.Name = "刘\uE000"
	if err := st.SaveDraft(items[2].DraftID, bad); err != nil {
		t.Fatal(err)
	}
	items = append(items, ledger.Item{Kind: reply.Suggestion, Assembly: "市人大", Term: 16, Session: 2, Number: "17", Title: "关于改善老旧小区停车条件的建议"})
	d := newBatchExport(w, l, items, filepath.Join(t.TempDir(), "答复PDF"), nil)
	runBatch(t, d)
	capture(t, w, filepath.Join(dir, "batch-dialog.png"))

	w2, l2, st2 := dialogWindow(t)
	d2 := newBatchExport(w2, l2, draftedItems(t, st2, 8), t.TempDir(), nil)
	d2.export = func(ctx context.Context, items []ledger.Item, dir string, opt app.BatchOptions) ([]app.BatchResult, error) {
		progress := opt.Progress
		return l2.Batch(ctx, items, dir, app.BatchOptions{Progress: func(done, total int) {
			progress(done, total)
			if done == 3 {
				capture(t, w2, filepath.Join(os.Getenv("REPLYDESK_CAPTURE"), "batch-running.png"))
			}
		}})
	}
	runBatch(t, d2)
}
