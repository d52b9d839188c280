package layout

import (
	"strings"

	"replydesk/internal/page"
)

// line is one laid-out line: glyphs placed at x positions measured from the
// left edge of the type area. Its y is decided when it is put on a page.
type line struct {
	glyphs []placed
	// blank lines hold no glyphs but take a line of the grid
}

// lineText returns the characters of a line.
func lineText(l line) string {
	var b strings.Builder
	for _, g := range l.glyphs {
		b.WriteRune(g.r)
	}
	return b.String()
}

// placed is a glyph at its final horizontal position.
type placed struct {
	glyph
	x page.Length // origin of the glyph, from the left edge of the type area
	w page.Length // width given to it
}

// breakPara breaks p into lines of at most measure, obeying the Chinese
// line-breaking rules (clreq §3.1.7): where a line would start with a
// character that may not start a line, the mark is first pushed in (the
// line's full-width marks are squeezed to make room); if that is not enough,
// the last character is pushed out to the next line, and the line is
// spread. Full lines of justified paragraphs fill the measure exactly.
func (t *typesetter) breakPara(p *para, measure page.Length) []line {
	ps := splitWide(t.pieces(p), measure-max(p.indent, p.hang)-p.right)
	var lines []line
	start := 0
	for start < len(ps) {
		for start < len(ps) && ps[start].space {
			start++
		}
		if start == len(ps) {
			break
		}
		lead := p.hang
		if len(lines) == 0 {
			lead = p.indent
		}
		width := measure - lead - p.right
		end, last := breakAt(ps, start, width)
		lines = append(lines, setLine(ps[start:end], lead, width, p.align, last))
		start = end
	}
	if len(lines) == 0 {
		lines = append(lines, line{})
	}
	return lines
}

// splitWide cuts words wider than width into pieces that fit, so that an
// overlong run of letters or digits breaks where the line is full. It
// returns ps itself when no word is too wide, and is linear in len(ps).
func splitWide(ps []piece, width page.Length) []piece {
	var out []piece // nil until the first cut
	for i, p := range ps {
		if p.width <= width || len(p.glyphs) < 2 {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		if out == nil {
			out = append(make([]piece, 0, len(ps)+8), ps[:i]...)
		}
		for p.width > width && len(p.glyphs) >= 2 {
			var head piece
			gs := p.glyphs
			k := 0
			for k < len(gs) && (k == 0 || head.width+gs[k].w <= width) {
				head.width += gs[k].w
				k++
			}
			head.glyphs = gs[:k:k]
			out = append(out, head)
			p = piece{glyphs: gs[k:], width: p.width - head.width}
		}
		out = append(out, p)
	}
	if out == nil {
		return ps
	}
	return out
}

// breakAt returns where the line starting at ps[start] ends, and whether it
// ends the paragraph.
func breakAt(ps []piece, start int, width page.Length) (end int, last bool) {
	var sum page.Length
	k := start
	for k < len(ps) && sum+ps[k].width <= width {
		sum += ps[k].width
		k++
	}
	if k == len(ps) {
		return k, true
	}
	if k == start { // a piece wider than the line: it stands alone
		return start + 1, start+1 == len(ps)
	}
	if legal(ps, k) {
		return k, false
	}
	// Push in: take the marks that may not start a line onto this line,
	// if squeezing the line's full-width marks makes room for them.
	e := k
	for e < len(ps) && !legal(ps, e) && noStartSet[ps[e].first()] {
		e++
	}
	if e > k && (e == len(ps) || legal(ps, e)) {
		var need, room page.Length
		for i := start; i < e; i++ {
			need += ps[i].width
			room += ps[i].squeeze
		}
		if need-width <= room {
			return e, e == len(ps)
		}
	}
	// Push out: move the break back to the last place it is allowed.
	for e = k - 1; e > start; e-- {
		if legal(ps, e) {
			return e, false
		}
	}
	return k, false // no legal break on the line: break where it is full
}

// squeeze takes over out of the widths of the line's full-width marks,
// shared evenly among them, none giving more than half its width.
func squeeze(ps []piece, widths []page.Length, over page.Length) {
	for over > 0 {
		n := 0
		for i := range ps {
			if ps[i].width-widths[i] < ps[i].squeeze {
				n++
			}
		}
		if n == 0 {
			return
		}
		share := (over + page.Length(n) - 1) / page.Length(n)
		for i := range ps {
			room := ps[i].squeeze - (ps[i].width - widths[i])
			if room <= 0 || over == 0 {
				continue
			}
			s := min(room, share, over)
			widths[i] -= s
			over -= s
		}
	}
}

// legal reports whether a line may break before ps[i].
func legal(ps []piece, i int) bool {
	if i <= 0 || i >= len(ps) {
		return true
	}
	return canBreak(ps[i-1].last(), ps[i].first())
}

// setLine places pieces on a line of the given width starting at lead:
// squeezing full-width marks, from the last one back, when the pieces
// overflow, and spreading the gaps evenly when a justified line falls short.
func setLine(ps []piece, lead, width page.Length, a align, last bool) line {
	for len(ps) > 0 && ps[len(ps)-1].space {
		ps = ps[:len(ps)-1]
	}
	widths := make([]page.Length, len(ps))
	var total page.Length
	for i, p := range ps {
		widths[i] = p.width
		total += p.width
	}
	if total > width {
		squeeze(ps, widths, total-width)
		total = 0
		for _, w := range widths {
			total += w
		}
	}
	var gap, extra page.Length // gap after each piece, and one more unit for the first extra gaps
	x := lead
	switch {
	case a == justify && !last && len(ps) > 1 && total < width:
		gap = (width - total) / page.Length(len(ps)-1)
		extra = (width - total) % page.Length(len(ps)-1)
	case a == center:
		x += (width - total) / 2
	case a == right:
		x += width - total
	}
	var ln line
	for i, p := range ps {
		shift := p.width - widths[i] // squeezed out
		gx := x
		for j, g := range p.glyphs {
			w := g.w
			if j == 0 && shift > 0 {
				w -= shift
				if p.opening {
					gx -= shift
				}
			}
			ln.glyphs = append(ln.glyphs, placed{glyph: g, x: gx, w: w})
			if j == 0 && shift > 0 && p.opening {
				gx += shift
			}
			gx += w
		}
		x += widths[i] + gap
		if page.Length(i) < extra {
			x++
		}
	}
	return ln
}
