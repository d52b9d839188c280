package layout

import (
	"regexp"
	"slices"
	"strings"

	"replydesk/internal/fontrole"
	"replydesk/internal/page"
	"replydesk/internal/reply"
)

// Title breaking. GB/T 9704-2012 §7.3.3: the title is centred, and a title of
// several lines is broken "回行时，要做到词意完整，排列对称，长短适宜，间距恰当"
// — at phrase boundaries, in a trapezoid or diamond. A break never falls
// inside an item number (第244号), a year in 六角括号 (〔2023〕), a term and
// session (第十四届第二次会议), a short book title, or the name of a person or
// unit of the reply. A "\n" in the title is a manual break and is honoured.

var protectedTitle = []*regexp.Regexp{
	regexp.MustCompile(`第[0-9０-９一二三四五六七八九十百千零〇]+[号届次]`),
	regexp.MustCompile(`〔[0-9]+〕[0-9]*号?`),
	regexp.MustCompile(`第?[一二三四五六七八九十]+届(第?[一二三四五六七八九十]+次)?(会议)?`),
	regexp.MustCompile(`《[^》]{1,16}》`),
	regexp.MustCompile(`[0-9]+[号年月日]`),
}

// titleLines breaks the title into centred lines of at most measure. A word
// of Latin letters or digits wider than the measure is cut where the line
// is full, as in a paragraph.
func (t *typesetter) titleLines(title string, measure page.Length) []line {
	var lines []line
	for _, seg := range strings.Split(title, "\n") {
		// Without its control characters the segment holds exactly the
		// characters of its pieces, as breakPenalties needs.
		seg = strings.TrimSpace(reply.StripControls(seg, false))
		if seg == "" {
			continue
		}
		p := &para{spans: []span{{text: seg, role: fontrole.Title, size: titleSize, color: page.Black}},
			align: center, where: where{"title", -1}}
		ps := splitWide(t.pieces(p), measure)
		for _, br := range t.titleBreaks(seg, ps, measure) {
			lines = append(lines, setLine(ps[br[0]:br[1]], 0, measure, center, true))
		}
	}
	return lines
}

// titleBreaks chooses the lines of one title segment as [start, end) piece
// ranges: the fewest lines that fit, at the best phrase boundaries, with
// lines of balanced length. A break inside a word is taken only when the
// title cannot be set in at most two more lines than it needs without one.
func (t *typesetter) titleBreaks(seg string, ps []piece, measure page.Length) [][2]int {
	var total page.Length
	for _, p := range ps {
		total += p.width
	}
	if total <= measure || len(ps) < 2 {
		return [][2]int{{0, len(ps)}}
	}
	penalty, inWord := t.breakPenalties(seg, ps)
	n := int((total + measure - 1) / measure)
	strict := slices.Clone(penalty)
	for i, in := range inWord {
		if in {
			strict[i] = -1
		}
	}
	for _, pen := range [][]float64{strict, penalty} {
		for lines := n; lines <= n+2 && lines <= len(ps); lines++ {
			if br := bestBreaks(ps, pen, lines, measure, total); br != nil {
				return br
			}
		}
	}
	// No way to honour every rule: break like a paragraph.
	var out [][2]int
	for start := 0; start < len(ps); {
		end, _ := breakAt(ps, start, measure)
		out = append(out, [2]int{start, end})
		start = end
	}
	return out
}

// breakPenalties returns, for each piece boundary i (before ps[i]), the cost
// of breaking there, a negative cost forbidding the break, and whether the
// boundary falls inside a word (see titleWords), which titleBreaks avoids
// first. seg holds exactly the characters of ps, in order. It is linear in
// the length of seg: offsets are mapped from bytes to characters once, and
// no text is copied per boundary.
func (t *typesetter) breakPenalties(seg string, ps []piece) ([]float64, []bool) {
	runes := []rune(seg)
	// at[b] is the index in runes of the character at byte offset b of seg
	// (or of the character that byte is part of).
	at := make([]int32, len(seg)+1)
	for b := range at {
		at[b] = -1
	}
	k := int32(0)
	for b := range seg {
		at[b] = k
		k++
	}
	at[len(seg)] = k
	for b := 1; b < len(seg); b++ {
		if at[b] < 0 {
			at[b] = at[b-1]
		}
	}
	inside := make([]bool, len(runes)+1) // inside[j]: a break before runes[j] cuts a protected span
	protect := func(a, b int) {
		for j := a + 1; j < b && j < len(inside); j++ {
			inside[j] = true
		}
	}
	for _, re := range protectedTitle {
		for _, m := range re.FindAllStringIndex(seg, -1) {
			protect(int(at[m[0]]), int(at[m[1]]))
		}
	}
	for _, name := range t.names() {
		for off := 0; name != ""; {
			k := strings.Index(seg[off:], name)
			if k < 0 {
				break
			}
			protect(int(at[off+k]), int(at[off+k+len(name)]))
			off += k + len(name)
		}
	}
	w := titleWords(seg, len(runes))
	pen := make([]float64, len(ps))
	inWord := make([]bool, len(ps))
	j := 0 // rune offset of ps[i]
	for i := range ps {
		if i > 0 {
			switch {
			case !legal(ps, i) || inside[j]:
				pen[i] = -1
			case w.inside(j):
				pen[i], inWord[i] = wordCost, true
			default:
				pen[i] = boundaryCost(runes, j, w)
			}
		}
		j += len(ps[i].glyphs)
	}
	return pen, inWord
}

// bestBreaks splits ps into exactly lines lines no wider than measure,
// minimising break penalties plus the squared deviation of line widths from
// their mean (in characters), or returns nil when it cannot. The balance
// gives the rectangle (lines of equal length); a smaller term, linear in
// each line's deviation, leans it towards the pyramid (上短下长: upper
// lines shorter), the shape GB/T 9704 titles take when the lines cannot
// be equal. Neither favours the hourglass, a short line between long ones.
//
// It is a dynamic programme over (lines set, pieces set) restricted to the
// states that can lie on a solution: k lines hold ps[:i] only if
// ceil(prefix[i]/measure) ≤ k ≤ lines − ceil((total−prefix[i])/measure).
// As lines is at most two more than the fewest that can hold the title,
// that band holds at most three values of k for each i, so the programme
// takes time and memory linear in len(ps) (times the pieces of a line).
// The states left out cannot reach a solution, so the result is the one
// the full programme gives.
func bestBreaks(ps []piece, pen []float64, lines int, measure, total page.Length) [][2]int {
	b, ok := newBreaker(ps, pen, lines, measure, total)
	if !ok {
		return nil
	}
	n := len(ps)
	b.cost[0] = 0 // lo[0] = 0: no lines hold no pieces
	for i := 1; i <= n; i++ {
		if i < n && pen[i] < 0 {
			continue
		}
		for k := b.lo[i]; k < b.lo[i]+b.band; k++ {
			if k >= 1 && b.inBand(k, i) {
				b.relax(k, i)
			}
		}
	}
	if b.get(lines, n) >= infCost {
		return nil
	}
	out := make([][2]int, lines)
	for k, i := lines, n; k > 0; k-- {
		s := int(b.from[i*b.band+k-b.lo[i]])
		out[k-1] = [2]int{s, i}
		i = s
	}
	return out
}

// infCost is the cost of a state that cannot be reached.
const infCost = 1e18

// breaker is the dynamic programme of bestBreaks.
type breaker struct {
	ps             []piece
	pen            []float64
	lines          int
	measure, total page.Length
	prefix         []page.Length // prefix[i]: the width of ps[:i]
	// The band of k for each i: lo[i] ≤ k < lo[i]+band.
	lo   []int
	band int
	// cost[i*band+k-lo[i]]: best cost of setting ps[:i] in k lines; from:
	// the start of line k.
	cost            []float64
	from            []int32
	mean, mid, unit float64
}

// newBreaker sets up the programme; ok is false when no solution exists.
func newBreaker(ps []piece, pen []float64, lines int, measure, total page.Length) (*breaker, bool) {
	if measure <= 0 {
		return nil, false
	}
	n := len(ps)
	b := &breaker{ps: ps, pen: pen, lines: lines, measure: measure, total: total}
	b.prefix = make([]page.Length, n+1)
	for i, p := range ps {
		b.prefix[i+1] = b.prefix[i] + p.width
	}
	b.band = lines - b.ceilDiv(total) + 1
	if b.band <= 0 {
		return nil, false
	}
	b.lo = make([]int, n+1)
	for i := range b.lo {
		b.lo[i] = b.ceilDiv(b.prefix[i])
	}
	b.mean = float64(total) / float64(lines)
	b.mid = float64(lines+1) / 2 // the middle line, counting from 1
	b.unit = float64(titleSize)
	b.cost = make([]float64, (n+1)*b.band)
	b.from = make([]int32, (n+1)*b.band)
	for x := range b.cost {
		b.cost[x] = infCost
	}
	return b, true
}

func (b *breaker) ceilDiv(a page.Length) int { return int((a + b.measure - 1) / b.measure) }

// inBand reports whether k lines can hold ps[:i] on the way to a solution.
func (b *breaker) inBand(k, i int) bool {
	return k >= b.lo[i] && k < b.lo[i]+b.band && k <= b.lines-b.ceilDiv(b.total-b.prefix[i]) && k <= i
}

// get is the best cost of setting ps[:i] in k lines.
func (b *breaker) get(k, i int) float64 {
	if !b.inBand(k, i) {
		return infCost
	}
	return b.cost[i*b.band+k-b.lo[i]]
}

// relax finds the best start of line k when it ends after ps[i-1].
func (b *breaker) relax(k, i int) {
	n := len(b.ps)
	x := i*b.band + k - b.lo[i]
	for s := i - 1; s >= 0; s-- {
		w := b.prefix[i] - b.prefix[s]
		if w > b.measure {
			break
		}
		prev := b.get(k-1, s)
		if prev >= infCost || (s > 0 && b.pen[s] < 0) {
			continue
		}
		d := (float64(w) - b.mean) / b.unit
		c := prev + d*d*2 + d*shapeBias*(b.mid-float64(k))
		if i < n {
			c += b.pen[i]
		}
		if c < b.cost[x] {
			b.cost[x], b.from[x] = c, int32(s)
		}
	}
}

// names are the words of the reply that a title break must not cut, as
// they are printed: without control characters.
func (t *typesetter) names() []string {
	out := append([]string{t.r.Assembly, t.r.Issuer, t.r.LeadUnit}, t.r.Proposers...)
	for i, n := range out {
		out[i] = reply.StripControls(n, false)
	}
	return out
}
