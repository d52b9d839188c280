package pdf

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/signintech/gopdf"

	"replydesk/internal/page"
	"replydesk/internal/render/rendertest"
)

// TestContentAsGopdf checks that pen writes each page's content stream
// byte for byte as gopdf writes it when drawing the same runs and rules
// with its Text, SetLineWidth, SetStrokeColor and Line: documents of
// several faces, sizes, colours and character spacings, with rules.
func TestContentAsGopdf(t *testing.T) {
	rendertest.Need(t, "WenKai", "DejaVuSans")
	mm := page.Millimetre
	ruled := mixedDoc()
	ruled.Pages[0].Rules = []page.Rule{
		{X1: 28 * mm, Y1: 60 * mm, X2: 184 * mm, Y2: 60 * mm, Width: page.Point, Color: page.Color{R: 0xE6}},
		{X1: 28 * mm, Y1: 61 * mm, X2: 184 * mm, Y2: 61 * mm, Width: page.Point / 4, Color: page.Color{R: 0xE6}},
		{X1: 28 * mm, Y1: 90 * mm, X2: 184 * mm, Y2: 90 * mm, Width: page.Point / 4},
	}
	ruled.Pages = append(ruled.Pages, page.Page{}, page.Page{Rules: ruled.Pages[0].Rules[2:]})
	for name, d := range map[string]*page.Doc{"mixed": mixedDoc(), "ruled": ruled, "spaced": syntheticReply([3]string{"WenKai", "WenKai", "WenKai"}, 3, 11, 26)} {
		t.Run(name, func(t *testing.T) {
			used, order, err := collectFaces(d, testFaces)
			if err != nil {
				t.Fatal(err)
			}
			gp := new(gopdf.GoPdf)
			gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: d.Width.Pt(), H: d.Height.Pt()}})
			gp.SetNoCompression()
			pn := &pen{height: d.Height.Pt(), index: map[string]int{}}
			for i, uf := range order {
				if err := uf.subset(); err != nil {
					t.Fatal(err)
				}
				uf.nameSubset()
				if err := uf.embed(gp); err != nil {
					t.Fatal(err)
				}
				pn.index[uf.name] = i + 1
			}
			old := &gopdfPen{gp: gp}
			var want [][]byte
			for i, p := range d.Pages {
				if err := old.drawPage(p, used); err != nil {
					t.Fatalf("page %d: %v", i+1, err)
				}
				if b, drawn := pn.drawPage(p, used); drawn {
					want = append(want, b)
				}
			}
			var raw bytes.Buffer
			if _, err := gp.WriteTo(&raw); err != nil {
				t.Fatal(err)
			}
			if len(old.contents) != len(want) {
				t.Fatalf("gopdf made %d content streams, pen %d", len(old.contents), len(want))
			}
			for i, id := range old.contents {
				at := bytes.Index(raw.Bytes(), fmt.Appendf(nil, "\n%d 0 obj\n<<\n/Length ", id))
				if at < 0 {
					t.Fatalf("no content object %d", id)
				}
				var n int
				fmt.Sscanf(string(raw.Bytes()[at+len(fmt.Sprintf("\n%d 0 obj\n<<\n/Length ", id)):]), "%d", &n)
				start := bytes.Index(raw.Bytes()[at:], []byte("stream\n")) + at + len("stream\n")
				if got := raw.Bytes()[start : start+n]; !bytes.Equal(got, want[i]) {
					t.Errorf("content stream %d: gopdf wrote\n%s\npen wrote\n%s", i+1, got, want[i])
				}
			}
		})
	}
}

// gopdfPen draws pages with gopdf's own text and line operators, as this
// package did before pen wrote the content streams itself.
type gopdfPen struct {
	gp       *gopdf.GoPdf
	face     string
	size     float64
	spacing  float64
	stroke   page.Color
	width    float64
	fresh    bool  // a new page: nothing set yet
	contents []int // the page content objects gopdf made
}

// drawPage adds one page and draws its runs, then its rules.
// gopdf makes the page's content object when the page is first drawn on:
// its number is recorded for finish.
func (pn *gopdfPen) drawPage(p page.Page, used map[string]*usedFace) error {
	pn.gp.AddPage()
	pn.fresh = true
	next := pn.gp.GetNextObjectID()
	defer func() {
		if pn.gp.GetNextObjectID() == next+1 {
			pn.contents = append(pn.contents, next)
		}
	}()
	for _, r := range p.Runs {
		if len(r.Glyphs) == 0 {
			continue
		}
		if err := pn.drawRun(r, used[r.Face]); err != nil {
			return err
		}
	}
	for _, l := range p.Rules {
		pn.drawRule(l)
	}
	return nil
}

// drawRule strokes a rule; gopdf's default butt caps end it exactly at its
// end points.
func (pn *gopdfPen) drawRule(l page.Rule) {
	w := l.Width.Pt()
	if pn.fresh || w != pn.width {
		pn.gp.SetLineWidth(w)
		pn.width = w
	}
	if pn.fresh || l.Color != pn.stroke {
		pn.gp.SetStrokeColor(l.Color.R, l.Color.G, l.Color.B)
		pn.stroke = l.Color
	}
	pn.fresh = false
	pn.gp.Line(l.X1.Pt(), l.Y1.Pt(), l.X2.Pt(), l.Y2.Pt())
}

// drawRun places a run's glyphs. gopdf's Text puts the current point on the
// baseline, so each segment starts at (seg.x, Run.Y); within a segment the
// glyphs advance by their widths plus a constant character spacing (Tc),
// and a new segment starts wherever that would drift from the glyphs' own
// positions.
func (pn *gopdfPen) drawRun(r page.Run, uf *usedFace) error {
	size := r.Size.Pt()
	if r.Face != pn.face || size != pn.size {
		if err := pn.gp.SetFont(uf.family, "", size); err != nil {
			return fmt.Errorf("设置字体“%s”失败：%w", r.Face, err)
		}
		pn.face, pn.size = r.Face, size
	}
	pn.gp.SetTextColor(r.Color.R, r.Color.G, r.Color.B)
	for _, s := range segment(r, uf.sub) {
		if s.spacing != pn.spacing {
			pn.gp.SetCharSpacing(s.spacing)
			pn.spacing = s.spacing
		}
		pn.gp.SetXY(s.x, r.Y.Pt())
		if err := pn.gp.Text(runText(r.Glyphs[s.from:s.to])); err != nil {
			return fmt.Errorf("排入文字失败（字体“%s”）：%w", r.Face, err)
		}
	}
	return nil
}

func runText(gs []page.Glyph) string {
	b := make([]rune, len(gs))
	for i, g := range gs {
		b[i] = g.R
	}
	return string(b)
}
