package letter

import (
	"strings"
	"unicode/utf8"
)

// Placement of the signature block (GB/T 9704-2012 §7.3.5), in characters
// of the grid, shared by the writers so that the page and Word agree.
const (
	// SealDateIndent: with a seal, the date stands four characters in from
	// the right edge of the type area (§7.3.5.1).
	SealDateIndent = 4
	// SignIndent: without a seal, the issuer stands two characters in from
	// the right (§7.3.5.2); so does, with a seal, an issuer that centred
	// over the date would come closer to the edge.
	SignIndent = 2
	// DateShift: without a seal, the date starts two characters right of
	// the issuer's first character.
	DateShift = 2
	// IssuerMaxCells is the longest issuer set on one line: the measure less
	// two characters at each side. A longer one is broken over lines.
	IssuerMaxCells = CharsPerLine - 2*SignIndent
)

// SignaturePlace returns where the issuer and the date start, measured from
// the left edge of the type area, for an issuer iw wide (its widest line)
// and a date dw wide, on a measure of the given width whose characters are
// cell wide, all in one unit (EMU for the page, hundredths of a character
// for Word). Nothing ever starts left of the type area or ends past it
// while it fits in the measure.
//
// With a seal the date stands SealDateIndent characters in and the issuer
// is centred over it, so that the seal presses both; an issuer too long to
// be centred there without coming closer than SignIndent characters to the
// right edge stands SignIndent characters in, and the date is centred under
// it instead (the block moves left, its centre line kept).
//
// Without a seal the issuer stands SignIndent characters in and the date
// starts DateShift characters right of it; when the date would then come
// closer than SignIndent characters to the edge, the date stands SignIndent
// characters in and the issuer moves left to match.
func SignaturePlace[L ~int | ~int64](iw, dw, measure, cell L, seal bool) (ix, dx L) {
	if seal {
		dx = measure - SealDateIndent*cell - dw
		ix = dx + (dw-iw)/2
		if limit := measure - SignIndent*cell; ix+iw > limit {
			ix = limit - iw
			dx = ix + (iw-dw)/2
		}
	} else {
		ix = measure - SignIndent*cell - iw
		dx = ix + DateShift*cell
		if dx+dw > measure-SignIndent*cell {
			dx = measure - SignIndent*cell - dw
			ix = dx - DateShift*cell
		}
	}
	return max(ix, 0), max(dx, 0)
}

// HalfCells is the width of s in half characters of the grid, as Word's
// grid sets it without the fonts' metrics: a wide character (Han, kana,
// full-width forms and punctuation, the dash, ellipsis and curly quotes)
// takes two, any other one.
func HalfCells(s string) int {
	n := 0
	for _, r := range s {
		n += halfCells(r)
	}
	return n
}

func halfCells(r rune) int {
	if r >= 0x2E80 || r == '—' || r == '…' || r == '“' || r == '”' || r == '‘' || r == '’' {
		return 2
	}
	return 1
}

// IssuerLines returns the lines the issuer is set in: one line, or several
// where the user broke it ("\n") or where it is longer than IssuerMaxCells
// characters (§7.3.5: the name must stay inside the type area). An
// automatic break balances the lines, preferring the end of an organ's
// name (…委员会, …人民政府, …局) or a space near the middle, and never
// falls before a closing or after an opening mark.
func IssuerLines(issuer string) []string {
	var out []string
	for _, part := range strings.Split(issuer, "\n") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, splitIssuer(part)...)
		}
	}
	if len(out) == 0 {
		return []string{""}
	}
	return out
}

// organEnds are ends of organs' names after which an issuer breaks well.
var organEnds = []string{"委员会", "常委会", "办公室", "办公厅", "人民政府", "政府", "代表大会", "管理局", "中心", "公司", "集团", "局", "厅", "省", "县"}

// splitIssuer breaks a line of an issuer longer than IssuerMaxCells into
// balanced lines.
func splitIssuer(s string) []string {
	limit := 2 * IssuerMaxCells
	total := HalfCells(s)
	n := (total + limit - 1) / limit
	if n <= 1 {
		return []string{s}
	}
	var out []string
	for k := n; k > 1; k-- {
		target := total / k // the width of this line, in half cells
		best, bestScore, w := -1, 0, 0
		for i, r := range s {
			if i > 0 && w <= limit && canBreakIssuer(s, i) {
				// Half cells off the balance, less a bonus for a space
				// (six characters) or an organ's end (five).
				score := abs(w - target)
				if s[i-1] == ' ' || strings.HasSuffix(s[:i], "　") {
					score -= 12
				} else if endsOrgan(s[:i]) {
					score -= 10
				}
				if best < 0 || score < bestScore {
					best, bestScore = i, score
				}
			}
			w += halfCells(r)
		}
		if best < 0 {
			break
		}
		out = append(out, strings.TrimSpace(s[:best]))
		s = strings.TrimSpace(s[best:])
		total = HalfCells(s)
	}
	return append(out, s)
}

// canBreakIssuer reports whether s may break before byte i (a rune
// boundary): not before a closing mark, not after an opening one.
func canBreakIssuer(s string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i:])
	return !strings.ContainsRune("（《〔【“‘(", prev) && !strings.ContainsRune("）》〕】”’，、。)", next)
}

func endsOrgan(s string) bool {
	for _, e := range organEnds {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

func abs(x int) int { return max(x, -x) }
