package layout_test

import (
	"testing"

	"replydesk/internal/fonts"
	"replydesk/internal/layout"
	"replydesk/internal/page"
)

// TestCCTightened checks that a 版记 which fits once the blank lines above
// a sealed signature are reduced to one stays on the last page.
func TestCCTightened(t *testing.T) {
	fs, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	ex := examples(t)["cc-tight"]
	res := layout.Typeset(ex.r, ex.st, fs)
	doc := res.Doc
	if res.SignatureBlanks != 1 {
		t.Errorf("SignatureBlanks = %d, want 1", res.SignatureBlanks)
	}
	if len(doc.Pages) != 1 {
		t.Fatalf("%d pages, want 1: the 版记 took a page of its own", len(doc.Pages))
	}
	var issuerY, lastTextY page.Length
	for _, run := range doc.Pages[0].Runs {
		switch {
		case run.Text() == ex.r.Issuer:
			issuerY = run.Y
		case issuerY == 0 && run.Size == 16*page.Point:
			lastTextY = run.Y
		}
	}
	// One blank line between the text and the issuer: two lines of the grid.
	if d := issuerY - lastTextY; d < 2*225*page.Millimetre/22-page.Millimetre/10 || d > 2*225*page.Millimetre/22+page.Millimetre/10 {
		t.Errorf("the issuer stands %v under the last line of text, want two lines (one blank)", d)
	}
	// With more text, the 版记 does not fit even so, and goes over.
	r := ex.r.Clone()
	r.Body += "\n三是推进接送区建设。"
	if doc := layout.Typeset(&r, ex.st, fs).Doc; len(doc.Pages) != 2 {
		t.Errorf("one more line: %d pages, want 2", len(doc.Pages))
	}
	// Where there is room, a seal has two blank lines above the issuer.
	r.Body = "很短的答复。"
	if res := layout.Typeset(&r, ex.st, fs); res.SignatureBlanks != 2 || len(res.Doc.Pages) != 1 {
		t.Errorf("short reply: SignatureBlanks = %d on %d pages, want 2 on 1", res.SignatureBlanks, len(res.Doc.Pages))
	}
}
