package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"replydesk/internal/ledger"
)

// filesOf lists the names of the files in dir ending in ext.
func filesOf(t *testing.T, dir, ext string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ext) {
			out = append(out, e.Name())
		}
	}
	return out
}

// The batch dialog offers PDF, Word or both; Word skips the reply with
// errors as PDF does and names each document after its item.
func TestBatchDialogWord(t *testing.T) {
	for _, c := range []struct {
		choice, says string
		pdfs, docs   int
	}{
		{"Word（.docx）", "导出为 Word 文档（.docx）", 0, 2},
		{"两者", "导出为 PDF 和 Word 文档（.docx）", 2, 2},
	} {
		t.Run(c.choice, func(t *testing.T) {
			w, st, d, dir := batchWithErrors(t)
			if d.format.Selected != "PDF" || !slices.Equal(d.format.Options, []string{"PDF", "Word（.docx）", "两者"}) {
				t.Fatalf("format choice %q of %q", d.format.Selected, d.format.Options)
			}
			d.format.SetSelected(c.choice)
			if txt := overlayText(w.Canvas()); !strings.Contains(txt, "将把3件答复"+c.says) {
				t.Errorf("with %s the dialog says %q", c.choice, txt)
			}
			if dir := os.Getenv("REPLYDESK_CAPTURE"); dir != "" && c.docs > 0 && c.pdfs > 0 {
				capture(t, w, filepath.Join(dir, "batch-format.png"))
			}
			test.Tap(d.startBtn)
			d.pending.Wait()
			if !d.format.Disabled() {
				t.Error("the format can still be changed after the start")
			}
			docs := filesOf(t, dir, ".docx")
			if len(docs) != c.docs || len(filesOf(t, dir, ".pdf")) != c.pdfs {
				t.Fatalf("files: %q and %d PDFs", docs, len(filesOf(t, dir, ".pdf")))
			}
			for _, f := range docs {
				if !isDOCX(t, filepath.Join(dir, f)) {
					t.Errorf("%s is not a Word document", f)
				}
			}
			if !slices.Contains(docs, "第1号提案-关于进一步推进职业教育产教融合、校企合作的建议.docx") {
				t.Errorf("documents %q", docs)
			}
			txt := overlayText(w.Canvas())
			if !strings.Contains(txt, "已导出2份答复，1份未导出") || !strings.Contains(txt, "第2号提案：有1处错误，未导出") {
				t.Errorf("the end of the batch shows %q", txt)
			}
			if got := statuses(t, st, d); !slices.Equal(got, []ledger.Status{ledger.Answered, ledger.InProgress, ledger.Answered}) {
				t.Errorf("statuses %v", got)
			}
		})
	}
}
