package layout

import (
	"replydesk/internal/fontrole"
	"replydesk/internal/letter"
	"replydesk/internal/page"
	"replydesk/internal/reply"
)

// Tables of attachments: ruled, full width of the type area, each text line
// of a cell on a line of the grid. The header row is set in 黑体 and
// repeated at the top of every page the table runs onto; a row never
// splits across pages.

const (
	cellPad   = page.Millimetre * 15 / 10 // text inset from the rules
	tableRule = page.Millimetre / 4       // 0.25 mm
)

// frame is the part of a table's ruling drawn on one line of the grid.
type frame struct {
	xs     []page.Length // vertical rules, from the left edge of the type area
	top    bool          // a rule along the top of the line (first line of a row)
	bottom bool          // a rule along its bottom (last line of a row)
}

// table returns the rows of a ruled table.
func (t *typesetter) table(tb *reply.Table, field string) []row {
	cols := letter.Columns(tb)
	if cols == 0 {
		return nil
	}
	xs := t.columns(tb, cols)
	var header []row
	if len(tb.Header) > 0 {
		header = t.tableRow(tb.Header, xs, fontrole.Hei, center, where{field + ".header", -1})
	}
	rows := append([]row(nil), header...)
	for i, cells := range tb.Rows {
		r := t.tableRow(cells, xs, fontrole.Body, left, where{field + ".rows", i})
		for j := range r {
			r[j].header = header
		}
		rows = append(rows, r...)
	}
	return rows
}

// tableRow sets one row of cells between the column rules xs; it takes as
// many grid lines as its tallest cell.
func (t *typesetter) tableRow(cells []string, xs []page.Length, role string, a align, w where) []row {
	var cols [][]line
	height := 1
	for c := 0; c+1 < len(xs); c++ {
		text := ""
		if c < len(cells) {
			text = cells[c]
		}
		p := &para{spans: []span{t.span(text, role)}, cell: cellWidth, align: a, where: w}
		width := xs[c+1] - xs[c] - 2*cellPad
		lines := t.breakPara(p, width)
		for i := range lines {
			lines[i] = shift(lines[i], xs[c]+cellPad)
		}
		cols = append(cols, lines)
		height = max(height, len(lines))
	}
	rows := make([]row, height)
	for i := range rows {
		for _, lines := range cols {
			if i < len(lines) {
				rows[i].glyphs = append(rows[i].glyphs, lines[i].glyphs...)
			}
		}
		rows[i].frame = &frame{xs: xs, top: i == 0, bottom: i == height-1}
		rows[i].keepNext = i < height-1
	}
	return rows
}

// columns returns the x of the vertical rules: the columns' relative
// widths (letter.ColumnWeights) over the full measure.
func (t *typesetter) columns(tb *reply.Table, cols int) []page.Length {
	weights := letter.ColumnWeights(tb, cols)
	var sum int64
	for _, w := range weights {
		sum += w
	}
	xs := make([]page.Length, cols+1)
	var acc int64
	for c, w := range weights {
		acc += w
		xs[c+1] = page.Length(int64(areaWidth) * acc / sum)
	}
	return xs
}

// frameRules draws a line's part of its table's ruling on grid line slot.
func frameRules(f *frame, slot int) []page.Rule {
	top, bottom := lineTop(slot), lineTop(slot+1)
	x0, x1 := marginLeft+f.xs[0], marginLeft+f.xs[len(f.xs)-1]
	var out []page.Rule
	if f.top {
		out = append(out, page.Rule{X1: x0, Y1: top, X2: x1, Y2: top, Width: tableRule, Color: page.Black})
	}
	if f.bottom {
		out = append(out, page.Rule{X1: x0, Y1: bottom, X2: x1, Y2: bottom, Width: tableRule, Color: page.Black})
	}
	for _, x := range f.xs {
		out = append(out, page.Rule{X1: marginLeft + x, Y1: top, X2: marginLeft + x, Y2: bottom, Width: tableRule, Color: page.Black})
	}
	return out
}
