package pdf

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strconv"

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

// nameSubset sets the subset name of the face and its ToUnicode map.
func (uf *usedFace) nameSubset() {
	uf.family = subsetTag(uf.name, uf.sub.Original()) + "+" + pdfName(uf.name)
	uf.unicode = unicodeMap(uf.sub, uf.runes)
}

// embed adds the face's subset, without outlines (see finish), to gp under
// a subset name whose tag derives from the face name and the glyphs used.
func (uf *usedFace) embed(gp *gopdf.GoPdf) error {
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

// pen writes the content streams of the pages, as gopdf v0.33.0 writes
// them for its Text, SetLineWidth, SetStrokeColor and Line, byte for
// byte (TestContentAsGopdf compares them): gopdf spent a quarter of an
// export formatting each glyph with fmt, and its output then depends only
// on the pages' number and size and the glyphs of each face, so that it
// can be kept (see gopdfOutput). It tracks the stroke state, so that an
// unchanged width and colour are not set again for every rule.
type pen struct {
	height float64 // of the page, in points: PDF's y grows upwards
	index  map[string]int
	stroke page.Color
	width  float64
	fresh  bool // a new page: nothing set yet
	b      []byte
}

// drawPage returns the content stream of a page, its runs and then its
// rules, and whether anything is drawn on it (gopdf makes no content
// object for a page without).
func (pn *pen) drawPage(p page.Page, used map[string]*usedFace) ([]byte, bool) {
	pn.fresh = true
	pn.b = pn.b[:0]
	drawn := false
	for _, r := range p.Runs {
		if len(r.Glyphs) == 0 {
			continue
		}
		pn.drawRun(r, used[r.Face])
		drawn = true
	}
	for _, l := range p.Rules {
		pn.drawRule(l)
		drawn = true
	}
	return slices.Clone(pn.b), drawn
}

// f2 appends v with two decimals, as gopdf's %0.2f.
func (pn *pen) f2(v float64) { pn.b = strconv.AppendFloat(pn.b, v, 'f', 2, 64) }

// rgb appends a colour as gopdf's %.3f components and the operator op.
func (pn *pen) rgb(c page.Color, op string) {
	for _, v := range []uint8{c.R, c.G, c.B} {
		pn.b = strconv.AppendFloat(pn.b, float64(v)/255, 'f', 3, 64)
		pn.b = append(pn.b, ' ')
	}
	pn.b = append(pn.b, op...)
	pn.b = append(pn.b, '\n')
}

// drawRule strokes a rule; the default butt caps end it exactly at its
// end points.
func (pn *pen) drawRule(l page.Rule) {
	w := l.Width.Pt()
	if pn.fresh || w != pn.width {
		pn.f2(w)
		pn.b = append(pn.b, " w\n"...)
		pn.width = w
	}
	if pn.fresh || l.Color != pn.stroke {
		pn.rgb(l.Color, "RG")
		pn.stroke = l.Color
	}
	pn.fresh = false
	pn.b = append(pn.b, "q\n"...)
	pn.f2(l.X1.Pt())
	pn.b = append(pn.b, ' ')
	pn.f2(pn.height - l.Y1.Pt())
	pn.b = append(pn.b, " m "...)
	pn.f2(l.X2.Pt())
	pn.b = append(pn.b, ' ')
	pn.f2(pn.height - l.Y2.Pt())
	pn.b = append(pn.b, " l S\nQ\n"...)
}

const hexDigits = "0123456789ABCDEF"

// drawRun places a run's glyphs. Each segment is one text object whose
// origin is the baseline at the segment's first glyph (seg.x, Run.Y);
// within a segment the glyphs advance by their widths plus a constant
// character spacing (Tc), and a new segment starts wherever that would
// drift from the glyphs' own positions.
func (pn *pen) drawRun(r page.Run, uf *usedFace) {
	size := gopdf.FormatFloatTrim(r.Size.Pt())
	font := "/F" + strconv.Itoa(pn.index[r.Face]) + " " + size + " Tf "
	for _, s := range segment(r, uf.sub) {
		pn.b = append(pn.b, "BT\n"...)
		pn.f2(s.x)
		pn.b = append(pn.b, ' ')
		pn.f2(pn.height - r.Y.Pt())
		pn.b = append(pn.b, " TD\n"...)
		pn.b = append(pn.b, font...)
		pn.b = append(pn.b, gopdf.FormatFloatTrim(s.spacing)...)
		pn.b = append(pn.b, " Tc\n"...)
		pn.rgb(r.Color, "rg")
		pn.b = append(pn.b, "[<"...)
		for _, g := range r.Glyphs[s.from:s.to] {
			gid, _, _ := uf.sub.Glyph(g.R)
			pn.b = append(pn.b, hexDigits[gid>>12], hexDigits[gid>>8&15], hexDigits[gid>>4&15], hexDigits[gid&15])
		}
		pn.b = append(pn.b, ">] TJ\nET\n"...)
	}
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
