package app

import (
	"archive/zip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"replydesk/internal/ledger"
)

// isWordFile reports whether path is a zip package with a
// word/document.xml part.
func isWordFile(t *testing.T, path string) bool {
	t.Helper()
	z, err := zip.OpenReader(path)
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

// TestBatchWord exports Word documents only, then both formats: the files
// are named as the PDFs would be, an item with errors writes no file of
// either format unless forced, and only the items without errors become
// 已答复.
func TestBatchWord(t *testing.T) {
	for _, tc := range []struct {
		name      string
		format    BatchFormat
		pdf, docx bool
	}{
		{"docx", BatchDOCX, false, true},
		{"both", BatchBoth, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, s := newLedger(t)
			items := withDrafts(t, l, s, 2)
			bad := seed(t)
			bad.Contact.Phone = "1357895124" // an error of the style's checks
			s.SaveDraft(items[1].DraftID, bad)
			dir := t.TempDir()
			results, err := l.Batch(context.Background(), items, dir, BatchOptions{Format: tc.format})
			if err != nil {
				t.Fatal(err)
			}
			ok, failed := results[0], results[1]
			if ok.Err != nil || (ok.Path != "") != tc.pdf || (ok.DOCX != "") != tc.docx {
				t.Fatalf("result: %v, pdf %q, docx %q", ok.Err, ok.Path, ok.DOCX)
			}
			if want := "第1号提案-关于进一步推进职业教育产教融合、校企合作的建议.docx"; filepath.Base(ok.DOCX) != want {
				t.Errorf("Word file %q, want %q", filepath.Base(ok.DOCX), want)
			}
			if !isWordFile(t, ok.DOCX) {
				t.Errorf("%s is not a Word document", ok.DOCX)
			}
			if tc.pdf {
				if b, err := os.ReadFile(ok.Path); err != nil || !strings.HasPrefix(string(b), "%PDF-") || ok.Pages < 2 {
					t.Errorf("PDF %s: %v, %d pages", ok.Path, err, ok.Pages)
				}
			} else if ok.Pages != 0 {
				t.Errorf("Word only: %d pages", ok.Pages)
			}
			var ce *CheckError
			if !errors.As(failed.Err, &ce) || len(failed.Problems) == 0 {
				t.Errorf("reply with errors: %v, %d problems", failed.Err, len(failed.Problems))
			}
			for _, p := range []string{failed.Path, failed.DOCX} {
				if _, err := os.Stat(p); p != "" && !errors.Is(err, os.ErrNotExist) {
					t.Errorf("a reply with errors left %s", p)
				}
			}
			if it, err := s.ItemOfDraft(items[0].DraftID); err != nil || it.Status != ledger.Answered {
				t.Errorf("item exported: %v (%v)", it.Status, err)
			}

			forced, err := l.Batch(context.Background(), items[1:], t.TempDir(), BatchOptions{Format: tc.format, Force: true})
			if err != nil || !forced[0].Forced() || !isWordFile(t, forced[0].DOCX) {
				t.Fatalf("forced: %v, %v, %q", err, forced[0].Err, forced[0].DOCX)
			}
			if it, err := s.ItemOfDraft(items[1].DraftID); err != nil || it.Status == ledger.Answered {
				t.Errorf("item forced with errors: %v (%v)", it.Status, err)
			}
		})
	}
}
