package recognize

import (
	"replydesk/internal/letter"
	"replydesk/internal/reply"
)

// maxShares bounds the sum of the small whole numbers tableWidths looks
// for: relative widths a person types ("1, 4", "1, 5, 2, 2") stay well
// under it.
const maxShares = 100

// tableWidths turns a table's column widths as a document gives them
// (Word's grid, in twips) into the relative widths of tb: nil when they
// are the widths ReplyDesk would give tb from its content anyway (so a
// table it wrote comes back as it was), else the smallest whole numbers
// in the same proportions, to the rounding of one unit per column; else
// the widths divided by their greatest common divisor. Widths that do not
// match tb's columns are dropped.
func tableWidths(ws []int, tb *reply.Table) []int {
	cols := letter.Columns(tb)
	if len(ws) != cols || cols == 0 {
		return nil
	}
	total := 0
	for _, w := range ws {
		if w <= 0 {
			return nil
		}
		total += w
	}
	auto := letter.ColumnWeights(&reply.Table{Header: tb.Header, Rows: tb.Rows}, cols)
	own := make([]int, cols)
	for i, w := range auto {
		own[i] = int(w / 1000)
	}
	if proportional(ws, total, own) {
		return nil
	}
	for sum := cols; sum <= maxShares; sum++ {
		v := make([]int, cols)
		ok := true
		for i, w := range ws {
			v[i] = (w*sum + total/2) / total
			if v[i] == 0 {
				ok = false
				break
			}
		}
		if ok && proportional(ws, total, v) {
			return v
		}
	}
	g := 0
	for _, w := range ws {
		g = gcd(g, w)
	}
	v := make([]int, cols)
	for i, w := range ws {
		v[i] = w / g
	}
	return v
}

// proportional tells whether widths ws (summing to total) are v's
// proportions of total, each to within one unit of rounding.
func proportional(ws []int, total int, v []int) bool {
	sum := 0
	for _, x := range v {
		sum += x
	}
	if sum == 0 {
		return false
	}
	for i, w := range ws {
		d := w*sum - v[i]*total
		if d < 0 {
			d = -d
		}
		if d > sum {
			return false
		}
	}
	return true
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
