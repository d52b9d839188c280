package layout_test

import (
	"strings"
	"testing"

	"replydesk/internal/fontrole"
	"replydesk/internal/fonts"
	"replydesk/internal/layout"
	"replydesk/internal/page"
)

// TestFolioByDash checks that the top of the dash of every page number
// stands 7 mm below the type area (§7.5), by the dash's outline.
func TestFolioByDash(t *testing.T) {
	fs, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	top, _, upem, ok := fs.Ink(fontrole.Song, '—')
	if !ok {
		t.Fatal("no outline for the dash")
	}
	want := (37 + 225 + 7) * page.Millimetre
	for name, ex := range examples(t) {
		doc := layout.Typeset(ex.r, ex.st, fs).Doc
		for i, pg := range doc.Pages {
			for _, run := range pg.Runs {
				if !strings.HasPrefix(run.Text(), "—") {
					continue
				}
				if got := run.Y - page.Length(top)*run.Size/page.Length(upem); got != want {
					t.Errorf("%s page %d: the dash's top at %v, want %v", name, i+1, got, want)
				}
			}
		}
	}
}
