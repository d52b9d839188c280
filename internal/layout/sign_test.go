package layout_test

import (
	"strings"
	"testing"

	"replydesk/internal/fonts"
	"replydesk/internal/layout"
	"replydesk/internal/page"
)

// Edges of the type area, in the page's unit.
const (
	areaLeft  = 28 * page.Millimetre
	areaRight = 184 * page.Millimetre
	cell      = 156 * page.Millimetre / 28
)

// TestSignatureInside typesets the seed with issuers of many lengths, with
// and without a seal: every glyph of the signature stays inside the type
// area, two characters from its right edge; a sealed issuer is centred
// over the date; one longer than 24 characters is broken over lines.
func TestSignatureInside(t *testing.T) {
	fs, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	ex := examples(t)["reply-244"]
	for _, n := range []int{6, 10, 13, 15, 20, 24, 30, 45} {
		for _, seal := range []bool{true, false} {
			r := ex.r.Clone()
			r.Issuer = strings.Repeat("某", n-3) + "委员会"
			r.Seal = seal
			doc := layout.Typeset(&r, ex.st, fs).Doc
			last := doc.Pages[len(doc.Pages)-1]
			var issuer []page.Run
			var date page.Run
			for _, run := range last.Runs {
				switch {
				case strings.HasPrefix(run.Text(), "某") || strings.HasSuffix(run.Text(), "委员会"):
					issuer = append(issuer, run)
				case strings.HasPrefix(run.Text(), "2023年"):
					date = run
				}
			}
			if len(issuer) == 0 || len(date.Glyphs) == 0 {
				t.Fatalf("%d characters, seal %v: no issuer or date on the last page", n, seal)
			}
			if got, want := len(issuer), 1+(n-1)/24; got != want {
				t.Errorf("%d characters, seal %v: issuer on %d lines, want %d", n, seal, got, want)
			}
			for _, run := range append(issuer, date) {
				x0, x1 := extent(run)
				if x0 < areaLeft || x1 > areaRight-2*cell+page.Millimetre/100 {
					t.Errorf("%d characters, seal %v: %q spans %v…%v, outside the type area less two characters", n, seal, run.Text(), x0, x1)
				}
			}
			d0, d1 := extent(date)
			for _, run := range issuer {
				x0, x1 := extent(run)
				if seal && abs(int64((x0+x1)-(d0+d1))) > int64(page.Millimetre/50) {
					t.Errorf("%d characters, sealed: issuer line %q centred at %v, date at %v", n, run.Text(), (x0+x1)/2, (d0+d1)/2)
				}
			}
		}
	}
}

// extent returns where a run's glyphs start and end.
func extent(r page.Run) (page.Length, page.Length) {
	g := r.Glyphs[len(r.Glyphs)-1]
	return r.Glyphs[0].X, g.X + g.W
}

func abs(x int64) int64 { return max(x, -x) }
