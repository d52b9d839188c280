package layout

import (
	"replydesk/internal/fontrole"
	"replydesk/internal/letter"
	"replydesk/internal/page"
)

// signature returns the signature block (GB/T 9704-2012 §7.3.5): the issuer
// and the date, then the 附注 and the contact line. With a seal, the date
// stands right-aligned with four characters of indent and the issuer is
// centred over it, two blank lines under the text so that the seal presses
// both. Without a seal, the issuer stands right-aligned with two characters
// of indent one blank line under the text, and the date starts two
// characters further right on the next line; when the date is the longer,
// it takes the two-character indent and the issuer moves to match. The
// block never passes the right edge of the type area: a long issuer moves
// it left (see letter.SignaturePlace), and one longer than
// letter.IssuerMaxCells characters is broken over lines (letter.IssuerLines),
// each centred over the date (sealed) or right-aligned (not sealed).
func (t *typesetter) signature() []row {
	var issuer []line
	var iw page.Length
	for _, text := range letter.IssuerLines(t.l.Issuer) {
		l := t.natural(text, fontrole.Body, where{"issuer", -1})
		issuer = append(issuer, l)
		iw = max(iw, width(l))
	}
	date := t.natural(t.l.Date, fontrole.Body, where{"date", -1})
	ix, dx := letter.SignaturePlace(iw, width(date), areaWidth, cellWidth, t.l.Seal)
	gaps := 1
	if t.l.Seal {
		gaps = 2
	}
	rows := make([]row, gaps, gaps+len(issuer)+3)
	for _, l := range issuer {
		x := ix + iw - width(l) // right-aligned in the block
		if t.l.Seal {
			x = ix + (iw-width(l))/2
		}
		rows = append(rows, row{line: shift(l, x)})
	}
	rows = append(rows, row{line: shift(date, dx)})
	for i, n := range t.l.Notes {
		p := t.plain(n.Text, fontrole.Body, where{n.Field, i})
		p.indent, p.align = 2*cellWidth, left
		rows = append(rows, t.rowsOf(p)...)
	}
	for _, m := range t.l.EndMarks {
		p := t.plain(m.Text, m.Role, where{"marks", -1})
		p.indent, p.align = 2*cellWidth, left
		rows = append(rows, t.rowsOf(p)...)
	}
	for i := range rows {
		rows[i].signature = true
		rows[i].keepNext = i < len(rows)-1
	}
	return rows
}

// natural sets text on one line at its natural width from x = 0.
func (t *typesetter) natural(text, role string, w where) line {
	p := t.plain(text, role, w)
	p.align = left
	ps := t.pieces(p)
	return setLine(ps, 0, areaWidth*4, left, true)
}

// width is the extent of a line's glyphs.
func width(l line) page.Length {
	if len(l.glyphs) == 0 {
		return 0
	}
	g := l.glyphs[len(l.glyphs)-1]
	return g.x + g.w - l.glyphs[0].x
}

// shift moves a line's glyphs right by dx.
func shift(l line, dx page.Length) line {
	for i := range l.glyphs {
		l.glyphs[i].x += dx
	}
	return l
}
