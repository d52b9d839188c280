package pdf

import (
	"fmt"
	"hash/fnv"
	"math"

	"github.com/signintech/gopdf"

	"replydesk/internal/fonts"
	"replydesk/internal/page"
)

// usedFace is a face as one document uses it.
type usedFace struct {
	name    string
	face    *fonts.Face
	sub     *fonts.Subset // .notdef and the glyphs of runes
	runes   []rune        // in order of first use
	seen    map[rune]bool
	family  string // gopdf family and PDF font name: tag + "+" + escaped face name
	unicode []glyphRune
	ids     fontObjects // the objects gopdf writes for it
}

// collectFaces loads every face the document uses and the characters
// drawn with each; it returns the faces in order of first use, keyed by
// name too.
func collectFaces(d *page.Doc, faces Faces) (map[string]*usedFace, []*usedFace, error) {
	byName := make(map[string]*usedFace)
	var order []*usedFace
	for _, p := range d.Pages {
		for _, r := range p.Runs {
			if len(r.Glyphs) == 0 {
				continue
			}
			uf := byName[r.Face]
			if uf == nil {
				uf = &usedFace{name: r.Face, seen: make(map[rune]bool)}
				byName[r.Face] = uf
				order = append(order, uf)
			}
			for _, g := range r.Glyphs {
				if !uf.seen[g.R] {
					uf.seen[g.R] = true
					uf.runes = append(uf.runes, g.R)
				}
			}
		}
	}
	for _, uf := range order {
		f, err := faces.Face(uf.name)
		if err != nil {
			return nil, nil, fmt.Errorf("读取字体“%s”失败：%w", uf.name, err)
		}
		uf.face = f
	}
	return byName, order, nil
}

// subset checks that the face has every character drawn with it and gets
// its subset.
func (uf *usedFace) subset() error {
	for _, r := range uf.runes {
		if _, ok := uf.face.Glyph(r); !ok {
			return &MissingGlyphError{Face: uf.name, Rune: r}
		}
	}
	var err error
	if uf.sub, err = uf.face.Subset(uf.runes); err != nil {
		return fmt.Errorf("字体“%s”：%w", uf.name, err)
	}
	return nil
}

// embed adds the face's subset, without outlines (see finish), to gp under
// a subset name whose tag derives from the face name and the glyphs used.
func (uf *usedFace) embed(gp *gopdf.GoPdf) error {
	uf.family = subsetTag(uf.name, uf.sub.Original()) + "+" + pdfName(uf.name)
	uf.unicode = unicodeMap(uf.sub, uf.runes)
	opt := gopdf.TtfOption{Style: gopdf.Regular}
	// Coverage is checked before drawing; never substitute silently.
	opt.OnGlyphNotFoundSubstitute = func(r rune) rune { return r }
	uf.ids = nextFontObjects(gp)
	if err := gp.AddTTFFontDataWithOption(uf.family, uf.sub.WithoutOutlines(), opt); err != nil {
		return fmt.Errorf("嵌入字体“%s”失败：%w", uf.name, err)
	}
	if gp.GetNextObjectID() != uf.ids.font+1 {
		return fmt.Errorf("%w（字体“%s”）", errLayout, uf.name)
	}
	return nil
}

// width returns r's advance in thousandths of an em, truncated as gopdf
// writes the widths of a font (TestGopdfDecimals checks them).
func width(sub *fonts.Subset, r rune) int {
	_, adv, _ := sub.Glyph(r)
	return adv * 1000 / sub.UnitsPerEm()
}

// subsetTag derives the six-letter subset tag from the face name and the
// glyphs used (sorted original glyph indices), so the same input always
// gives the same PDF and different subsets get different names.
func subsetTag(face string, gids []uint16) string {
	h := fnv.New64a()
	h.Write([]byte(face))
	for _, g := range gids {
		h.Write([]byte{0, byte(g >> 8), byte(g)})
	}
	sum := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + sum%26)
		sum /= 26
	}
	return string(tag)
}

// pen tracks the graphics state already set in gopdf, so unchanged font,
// colour and spacing are not set again for every segment.
type pen struct {
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
func (pn *pen) drawPage(p page.Page, used map[string]*usedFace) error {
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
func (pn *pen) drawRule(l page.Rule) {
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
func (pn *pen) drawRun(r page.Run, uf *usedFace) error {
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

// seg is glyphs [from, to) of a run drawn by one text operator from x with
// character spacing spacing, in points.
type seg struct {
	from, to   int
	x, spacing float64
}

// tolerance is how far, in points, a glyph drawn by advancing may sit from
// its own position before a new segment starts (about 3.5 µm).
const tolerance = 0.01

// segment splits a run into the fewest segments whose glyphs land within
// tolerance of their positions when advanced by width plus spacing. A
// segment's start is given to 0.01 pt and its spacing to 0.001 pt, which
// gopdf writes as they are (TestGopdfDecimals), so the glyphs land where
// segment computes them to, not where gopdf's rounding would put them.
func segment(r page.Run, sub *fonts.Subset) []seg {
	size := r.Size.Pt()
	gs := r.Glyphs
	adv := func(i int) float64 { return float64(width(sub, gs[i].R)) * size / 1000 }
	var out []seg
	for from := 0; from < len(gs); {
		to := from + 1
		start := math.Round(gs[from].X.Pt()*100) / 100
		spacing := 0.0
		if to < len(gs) {
			spacing = math.Round((gs[to].X.Pt()-gs[from].X.Pt()-adv(from))*1000) / 1000
			x := start
			for ; to < len(gs); to++ {
				x += adv(to-1) + spacing
				if math.Abs(x-gs[to].X.Pt()) > tolerance {
					break
				}
			}
		}
		if spacing == 0 { // normalise -0
			spacing = 0
		}
		out = append(out, seg{from: from, to: to, x: start, spacing: spacing})
		from = to
	}
	return out
}

func runText(gs []page.Glyph) string {
	b := make([]rune, len(gs))
	for i, g := range gs {
		b[i] = g.R
	}
	return string(b)
}
