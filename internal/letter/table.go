package letter

import (
	"unicode/utf8"

	"replydesk/internal/reply"
)

// Columns returns the number of columns of tb: its widest row.
func Columns(tb *reply.Table) int {
	cols := len(tb.Header)
	for _, r := range tb.Rows {
		cols = max(cols, len(r))
	}
	return cols
}

// ColumnWeights returns the relative widths of the cols columns of tb: the
// widths the table gives, or else in proportion to each column's longest
// text (at least two and at most twenty characters). A column the given
// widths leave out, or give no positive width, takes one share.
func ColumnWeights(tb *reply.Table, cols int) []int64 {
	weights := make([]int64, cols)
	for c := range weights {
		if c < len(tb.Widths) && tb.Widths[c] > 0 {
			weights[c] = int64(tb.Widths[c]) * 1000
			continue
		}
		longest := cellChars(Cell(tb.Header, c))
		for _, r := range tb.Rows {
			longest = max(longest, cellChars(Cell(r, c)))
		}
		weights[c] = int64(min(max(longest, 2), 20)) * 1000
		if len(tb.Widths) > 0 {
			weights[c] = 1000
		}
	}
	return weights
}

// Cell returns cell c of a row, or "" past its end.
func Cell(cells []string, c int) string {
	if c < len(cells) {
		return cells[c]
	}
	return ""
}

// cellChars counts the characters of a cell that are drawn.
func cellChars(s string) int {
	return utf8.RuneCountInString(reply.StripControls(s, true))
}
