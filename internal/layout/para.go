package layout

import (
	"unicode/utf8"

	"replydesk/internal/page"
	"replydesk/internal/reply"
)

// align is how a paragraph's lines sit between their margins.
type align uint8

const (
	justify align = iota // full lines fill the measure; the last line is ragged
	left
	center
	right
)

// span is a stretch of text in one font role, size and colour.
type span struct {
	text  string
	role  string
	size  page.Length
	color page.Color
}

// para is a paragraph to be broken into lines.
type para struct {
	spans  []span
	indent page.Length // first line starts this far right of the left margin
	hang   page.Length // the other lines start this far right of the left margin
	right  page.Length // lines end this far left of the right margin
	cell   page.Length // width of a full-width character; 0 = its natural advance
	align  align
	where  where // the field the text comes from, for reports
}

// where names the field (and paragraph) a piece of text comes from.
type where struct {
	field string
	para  int // paragraph index within the field, -1 when the field is one line
}

// glyph is a character with its face and natural width, before placement.
type glyph struct {
	r     rune
	face  string
	size  page.Length
	color page.Color
	w     page.Length
}

// piece is an unbreakable unit of a paragraph: one grid character, a word of
// Latin letters or digits, a space, or an inseparable …… or ——.
type piece struct {
	glyphs  []glyph
	width   page.Length // natural width
	squeeze page.Length // how much of it may be squeezed out (half a full-width mark)
	opening bool        // the squeezable half is on the left (opening brackets)
	space   bool        // a breakable space, dropped at line edges
}

func (p *piece) first() rune { return p.glyphs[0].r }
func (p *piece) last() rune  { return p.glyphs[len(p.glyphs)-1].r }

// Missing is a character that no font of its role's fallback chain has.
type Missing struct {
	R     rune
	Role  string
	Field string // the reply field, e.g. "body", "title", "contact.name"
	Para  int    // paragraph index within the field, -1 when the field is one line
}

// pieces splits p into pieces, looking up every character's face and width.
// Characters no face has are reported to miss and still placed (as the
// chain's first face's .notdef), so that nothing is ever dropped silently.
// Control characters are the exception: they are never drawn (see
// reply.IsControl; reply.Check reports them), a tab is set as a space, and
// line breaks are the caller's business.
func (t *typesetter) pieces(p *para) []piece {
	n := 0
	for _, s := range p.spans {
		n += utf8.RuneCountInString(s.text)
	}
	// One backing array holds the glyphs of every piece: a piece only
	// ever grows at the end of the paragraph read so far, so each piece's
	// glyphs are the run of it from start, with no allocation per piece.
	all := make([]glyph, 0, n)
	out := make([]piece, 0, n)
	start := 0 // index in all of the last piece's first glyph
	grow := func(g glyph) {
		all = append(all, g)
		last := &out[len(out)-1]
		last.glyphs = all[start:len(all):len(all)]
		last.width += g.w
	}
	add := func(pc piece, g glyph) {
		all = append(all, g)
		start = len(all) - 1
		pc.glyphs = all[start:len(all):len(all)]
		pc.width = g.w
		out = append(out, pc)
	}
	for _, s := range p.spans {
		cell := p.cell * s.size / bodySize
		word := false // the last piece is a Latin word being extended
		for _, r := range reply.StripControls(s.text, true) {
			if r == '\n' || r == '\r' {
				continue
			}
			g := t.glyph(s, r, cell, p.where)
			wide := isWide(r)
			switch {
			case isSpace(r):
				word = false
				add(piece{space: true}, g)
			case !wide && word:
				grow(g)
			case wide && len(out) > 0 && (r == '…' || r == '—') && out[len(out)-1].last() == r && len(out[len(out)-1].glyphs) == 1:
				grow(g)
				word = false
			default:
				pc := piece{}
				if closingSet[r] || openingSet[r] {
					pc.squeeze = g.w / 2
					pc.opening = openingSet[r]
				}
				add(pc, g)
				word = !wide
			}
		}
	}
	return out
}

// glyph resolves r of span s: its face and its width, which is its advance
// scaled to the grid's cell when the paragraph sets one (a full-width
// character takes a cell, a half-width one half a cell).
func (t *typesetter) glyph(s span, r rune, cell page.Length, w where) glyph {
	face, adv, upem, ok := t.fonts.Glyph(s.role, r)
	if !ok {
		t.missing(r, s.role, w)
	}
	if upem <= 0 {
		upem = 1000
	}
	width := page.Length(adv) * s.size / page.Length(upem)
	if cell > 0 {
		// On the grid every character is set at the grid's pitch, not
		// only the full-width ones: a half-width digit takes half a cell
		// (half of 156/28 mm, not half of the 16 pt em), a Latin letter
		// its advance scaled alike. So a line with digits holds as many
		// cells as one without (§5.2.2: 28 characters fill 156 mm).
		width = page.Length(adv) * cell / page.Length(upem)
	}
	return glyph{r: r, face: face, size: s.size, color: s.color, w: width}
}

func (t *typesetter) missing(r rune, role string, w where) {
	for _, m := range t.miss {
		if m.R == r && m.Field == w.field && m.Para == w.para {
			return
		}
	}
	t.miss = append(t.miss, Missing{R: r, Role: role, Field: w.field, Para: w.para})
}
