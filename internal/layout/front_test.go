package layout_test

import (
	"fmt"
	"strings"
	"testing"

	"replydesk/internal/fonts"
	"replydesk/internal/layout"
	"replydesk/internal/page"
)

// folios returns the page numbers printed on each page of doc ("" for
// none), as "— n —" reads without spaces.
func folios(doc *page.Doc) []string {
	out := make([]string, len(doc.Pages))
	for i, pg := range doc.Pages {
		for _, r := range pg.Runs {
			if t := strings.ReplaceAll(r.Text(), " ", ""); strings.HasPrefix(t, "—") && strings.HasSuffix(t, "—") && len(t) > len("——") {
				out[i] = t
			}
		}
	}
	return out
}

// TestFirstPage typesets the examples from page 7: page numbers run on
// from 7, odd ones at the right and even ones at the left, and nothing
// else moves.
func TestFirstPage(t *testing.T) {
	fs, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, ex := range examples(t) {
		alone := layout.Typeset(ex.r, ex.st, fs).Doc
		doc := layout.TypesetWith(ex.r, ex.st, fs, layout.Options{FirstPage: 7}).Doc
		if len(doc.Pages) != len(alone.Pages) {
			t.Fatalf("%s: %d pages from page 7, %d alone", name, len(doc.Pages), len(alone.Pages))
		}
		fa, fd := folios(alone), folios(doc)
		for i := range doc.Pages {
			want := fmt.Sprintf("—%d—", 7+i)
			if fa[i] == "" {
				want = "" // the letter format's first page has none
			}
			if fd[i] != want {
				t.Errorf("%s page %d: number %q, want %q", name, i+1, fd[i], want)
				continue
			}
			if want == "" {
				continue
			}
			a, d := doc.Pages[i].Runs, alone.Pages[i].Runs
			if len(a) != len(d) {
				t.Errorf("%s page %d: %d runs, %d alone", name, i+1, len(a), len(d))
				continue
			}
			for k := range a[:len(a)-1] { // the folio is the last run
				if a[k].Text() != d[k].Text() || a[k].Y != d[k].Y || a[k].Glyphs[0].X != d[k].Glyphs[0].X {
					t.Errorf("%s page %d: run %d moved", name, i+1, k)
					break
				}
			}
			folio := a[len(a)-1]
			right := folio.Glyphs[0].X > page.Millimetre*100
			if odd := (7+i)%2 == 1; right != odd {
				t.Errorf("%s page %d (number %d): folio at x %v, want it at the %s", name, i+1, 7+i, folio.Glyphs[0].X, map[bool]string{true: "right", false: "left"}[odd])
			}
		}
	}
}

// TestFront lays out the front matter of a volume of many replies: the
// cover, its blank back, contents numbered from page 3 over as many pages
// as needed, ending on an even page, every entry's page at the right.
func TestFront(t *testing.T) {
	fs, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	fr := layout.Front{Title: "长春市教育局2023年建议提案答复汇编", Lines: []string{"长春市教育局", "2023年12月1日"}}
	for i := 1; i <= 60; i++ {
		fr.Entries = append(fr.Entries, layout.Entry{Number: fmt.Sprintf("第%d号提案", i),
			Title: fmt.Sprintf("对市政协第十四届第二次会议第%d号提案的答复", i), Page: 100 + 3*i})
	}
	res := layout.TypesetFront(fr, fs)
	doc := res.Doc
	if len(res.Missing) > 0 || len(doc.Pages) < 6 || len(doc.Pages)%2 != 0 {
		t.Fatalf("%d pages, missing %v; want an even number over 5", len(doc.Pages), res.Missing)
	}
	f := folios(doc)
	if f[0] != "" || f[1] != "" || f[2] != "—3—" {
		t.Errorf("page numbers %q: none on the cover and its back, 3 on the contents", f[:3])
	}
	text := func(pg page.Page) string {
		var b strings.Builder
		for _, r := range pg.Runs {
			b.WriteString(r.Text())
		}
		return b.String()
	}
	if c := text(doc.Pages[0]); !strings.Contains(c, "长春市教育局2023年建议提案答复汇编") || !strings.Contains(c, "2023年12月1日") {
		t.Errorf("cover: %q", c)
	}
	all := ""
	for _, pg := range doc.Pages[2:] {
		all += text(pg)
		for _, r := range pg.Runs {
			for _, g := range r.Glyphs {
				if g.X+g.W > (28+156)*page.Millimetre+page.Millimetre/10 {
					t.Errorf("glyph %q passes the right edge of the type area", g.R)
				}
			}
		}
	}
	for i := 1; i <= 60; i++ {
		if !strings.Contains(all, fmt.Sprintf("第%d号提案的答复", i)) || !strings.Contains(all, fmt.Sprintf("…%d", 100+3*i)) {
			t.Errorf("the contents lack entry %d with its page %d", i, 100+3*i)
		}
	}
	// The number of pages does not depend on the page numbers.
	for i := range fr.Entries {
		fr.Entries[i].Page = 0
	}
	if n := len(layout.TypesetFront(fr, fs).Doc.Pages); n != len(doc.Pages) {
		t.Errorf("without page numbers %d pages, with them %d", n, len(doc.Pages))
	}
}
