package docx

import (
	"replydesk/internal/letter"
)

// table writes an attachment's table as a Word table as wide as the type
// area: columns in the proportions package letter gives, the header row in
// 黑体, centred, repeated on every page, rows that never split, each text
// line of a cell on a line of the grid.
func (d *doc) table(a letter.Attachment) {
	tb := a.Table
	cols := letter.Columns(tb)
	if cols == 0 {
		return
	}
	weights := letter.ColumnWeights(tb, cols)
	var sum int64
	for _, w := range weights {
		sum += w
	}
	widths := make([]int, cols)
	var acc, prev int64
	for c, w := range weights {
		acc += w
		x := int64(textW) * acc / sum
		widths[c] = int(x - prev)
		prev = x
	}
	b := &d.b
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="` + sTable + `"/><w:tblW w:w="` + tw(textW) + `" w:type="dxa"/>` +
		`<w:tblLayout w:type="fixed"/><w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + tw(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	row := func(cells []string, header bool) {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for c, w := range widths {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + tw(w) + `" w:type="dxa"/></w:tcPr>`)
			st := sCell
			if header {
				st = sHeadCell
			}
			d.para(st, pp{}, run(letter.Cell(cells, c)))
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	if len(tb.Header) > 0 {
		row(tb.Header, true)
	}
	for _, r := range tb.Rows {
		row(r, false)
	}
	b.WriteString(`</w:tbl>`)
}
