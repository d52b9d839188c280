package layout

import (
	"strconv"

	"replydesk/internal/fontrole"
	"replydesk/internal/page"
)

// Inker is implemented by Fonts that know where a glyph's ink lies. Ink
// reports the top and the bottom of r's outline in the face of role's
// chain that draws it, in font units above the baseline, of which an em has
// unitsPerEm; ok is false when the face has no outline for r.
type Inker interface {
	Ink(role string, r rune) (top, bottom, unitsPerEm int, ok bool)
}

// folioDash is the 一字线 beside the page number.
const folioDash = '—'

// folio adds the page number (§7.5): 4号 half-width Arabic digits between
// em dashes, "— 1 —"; odd pages at the right with one character of indent,
// even pages at the left with one.
//
// "一字线上距版心下边缘7mm": the edge measured is the upper edge of the ink
// of the dashes — the top of the dash's outline, as the font draws it —
// 7 mm below the lower edge of the type area, so 28 mm above the bottom
// edge of the page. The baseline stands that far below the type area plus
// the height of the dash's top above the baseline.
func (t *typesetter) folio(pg *page.Page, n int) {
	s := span{text: string(folioDash) + " " + strconv.Itoa(n) + " " + string(folioDash), role: fontrole.Song, size: folioSize, color: page.Black}
	p := &para{spans: []span{s}, align: left, where: where{"folio", -1}}
	l := setLine(t.pieces(p), 0, areaWidth, left, true)
	x := folioSize // one character from the left edge
	if n%2 == 1 {
		x = areaWidth - folioSize - width(l)
	}
	l = shift(l, x)
	y := marginTop + areaHeight + folioDrop + t.dashTop(folioSize)
	for _, r := range runs(l, 0) {
		r.Y = y
		pg.Runs = append(pg.Runs, r)
	}
}

// dashTop returns how far the top of the folio's dash stands above the
// baseline in text of the given size: measured from the font's outline
// when the fonts can tell, else a third of the em, where CJK fonts draw
// the dash (Noto Serif SC 0.29 em, FandolFang 0.33, LXGW WenKai 0.41).
func (t *typesetter) dashTop(size page.Length) page.Length {
	if in, ok := t.fonts.(Inker); ok {
		if top, _, upem, ok := in.Ink(fontrole.Song, folioDash); ok && upem > 0 {
			return page.Length(top) * size / page.Length(upem)
		}
	}
	return size / 3
}
