package layout

import (
	"replydesk/internal/fontrole"
	"replydesk/internal/letter"
	"replydesk/internal/page"
)

// The letter format (信函格式, GB/T 9704-2012 §10.1): the issuer's mark in red
// centred 30 mm below the top edge of the page, a red double line (thick
// over thin) 4 mm under it and another (thin over thick) 20 mm above the
// bottom edge, both 170 mm long; no page number on page 1.
const (
	letterTop    = letter.LetterTop * page.Millimetre / 1000
	letterGap    = letter.LetterGap * page.Millimetre / 1000
	letterRule   = letter.LetterRule * page.Millimetre / 1000
	letterBottom = letter.LetterBottom * page.Millimetre / 1000
	thickRed     = letter.ThickRed * page.Millimetre / 1000  // the thick line of a double line
	thinRed      = letter.ThinRed * page.Millimetre / 1000   // the thin line
	doubleGap    = letter.DoubleGap * page.Millimetre / 1000 // between the two lines' centres, less their half widths
)

// letterRuleY returns the bottom of the upper double line.
func letterRuleY() page.Length {
	return letterTop + headerSize + letterGap + thickRed + doubleGap + thinRed
}

// letterhead draws the header and double lines of the letter format on pg.
func (t *typesetter) letterhead(pg *page.Page) {
	text := t.l.Header
	size := headerSize
	var l line
	for {
		s := span{text: text, role: fontrole.Title, size: size, color: page.Red}
		l = setLine(t.pieces(&para{spans: []span{s}, where: where{"header", -1}}), 0, pageWidth, left, true)
		if width(l) <= letterRule || size <= bodySize {
			break
		}
		size -= page.Point
	}
	l = shift(l, (pageWidth-width(l))/2-marginLeft)
	for _, r := range runs(l, 0) {
		r.Y = letterTop + size*88/100
		pg.Runs = append([]page.Run{r}, pg.Runs...)
	}
	x1 := (pageWidth - letterRule) / 2
	x2 := x1 + letterRule
	y := letterTop + headerSize + letterGap + thickRed/2
	y2 := y + thickRed/2 + doubleGap + thinRed/2
	yb := pageHeight - letterBottom - thickRed/2
	yb1 := yb - thickRed/2 - doubleGap - thinRed/2
	pg.Rules = append(pg.Rules,
		page.Rule{X1: x1, Y1: y, X2: x2, Y2: y, Width: thickRed, Color: page.Red},
		page.Rule{X1: x1, Y1: y2, X2: x2, Y2: y2, Width: thinRed, Color: page.Red},
		page.Rule{X1: x1, Y1: yb1, X2: x2, Y2: yb1, Width: thinRed, Color: page.Red},
		page.Rule{X1: x1, Y1: yb, X2: x2, Y2: yb, Width: thickRed, Color: page.Red},
	)
}
