package layout

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"replydesk/internal/fontrole"
	"replydesk/internal/page"
	"replydesk/internal/reply"
)

// FuzzTitleLines checks title breaking by invariant on any title: every
// character but spaces (ideographic ones too at the ends of a manual line)
// and control characters is placed once, in order; no line runs past the
// measure; no line starts with a mark that may not start a line unless the
// user broke the line there or the line before had no legal break; no
// control character is drawn; and for titles up to 120 characters the breaks are
// those of the full (quadratic) dynamic programme the linear one replaced.
func FuzzTitleLines(f *testing.F) {
	for _, s := range []string{
		"对市政协第十四届第二次会议第244号提案的答复",
		"关于长教函〔2023〕12号文件执行情况和欧阳建国代表所提建议办理情况的说明",
		"关于区十八届人大一次会议\n第9号建议的答复",
		longTitle(150, false), longTitle(90, true),
		strings.Repeat("A", 80) + "的答复", "，，，。。。》》》" + strings.Repeat("中", 30),
		"\x1b[31m对\u200b市政协\u202e第244号\ufffd提案的答复\r\n", "  \n\t\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		if utf8.RuneCountInString(title) > 2000 {
			return
		}
		ts := newTestSetter()
		ts.r = reply.Reply{Assembly: "市政协", Proposers: []string{"欧阳建国"}}
		lines := ts.titleLines(title, areaWidth)
		// manual[i]: line i starts a line the user began with "\n", where
		// any character may start it.
		manual := map[int]bool{}
		n := 0
		for _, seg := range strings.Split(title, "\n") {
			manual[n] = true
			n += len(ts.titleLines(seg, areaWidth))
		}
		var placed []rune
		for i, l := range lines {
			if len(l.glyphs) == 0 {
				t.Fatalf("line %d of %q is empty", i, title)
			}
			for _, g := range l.glyphs {
				if reply.IsControl(g.r) {
					t.Errorf("line %d %q draws U+%04X", i, lineText(l), g.r)
				}
				if !isSpace(g.r) {
					placed = append(placed, g.r)
				}
			}
			if l.glyphs[0].x < 0 || lineEnd(l) > areaWidth {
				t.Errorf("line %d %q spans %v to %v, outside the measure", i, lineText(l), l.glyphs[0].x, lineEnd(l))
			}
			if i > 0 && !manual[i] && noStartSet[l.glyphs[0].r] && !forced(lines[i-1], l) {
				t.Errorf("line %d starts with %q after %q", i, l.glyphs[0].r, lineText(lines[i-1]))
			}
		}
		// A centred line has no leading or trailing space: ideographic
		// spaces at the ends of a line of the title are dropped too.
		var want []rune
		for _, seg := range strings.Split(reply.StripControls(title, true), "\n") {
			for _, r := range strings.TrimSpace(seg) {
				if !isSpace(r) {
					want = append(want, r)
				}
			}
		}
		if string(placed) != string(want) {
			t.Errorf("titleLines(%q) placed %q, want %q", title, string(placed), string(want))
		}
		for _, seg := range strings.Split(title, "\n") {
			seg = strings.TrimSpace(reply.StripControls(seg, false))
			if seg == "" || utf8.RuneCountInString(seg) > 120 {
				continue
			}
			p := &para{spans: []span{{text: seg, role: fontrole.Title, size: titleSize}}, align: center}
			ps := splitWide(ts.pieces(p), areaWidth)
			got, ref := ts.titleBreaks(seg, ps, areaWidth), refTitleBreaks(ts, seg, ps, areaWidth)
			if !slices.Equal(got, ref) {
				t.Errorf("titleBreaks(%q) = %v, the full programme gives %v", seg, got, ref)
			}
		}
	})
}

// refTitleBreaks is titleBreaks as it was before it was made linear: the
// reference the fuzz target compares with.
func refTitleBreaks(t *typesetter, seg string, ps []piece, measure page.Length) [][2]int {
	var total page.Length
	for _, p := range ps {
		total += p.width
	}
	if total <= measure || len(ps) < 2 {
		return [][2]int{{0, len(ps)}}
	}
	penalty, inWord := refBreakPenalties(t, seg, ps)
	n := int((total + measure - 1) / measure)
	strict := slices.Clone(penalty)
	for i := range strict {
		if inWord[i] {
			strict[i] = -1
		}
	}
	for _, pen := range [][]float64{strict, penalty} {
		for lines := n; lines <= n+2 && lines <= len(ps); lines++ {
			if br := refBestBreaks(ps, pen, lines, measure, total); br != nil {
				return br
			}
		}
	}
	var out [][2]int
	for start := 0; start < len(ps); {
		end, _ := breakAt(ps, start, measure)
		out = append(out, [2]int{start, end})
		start = end
	}
	return out
}

// refBreakPenalties finds the protected spans as the first version did;
// the costs of words come from titleWords and boundaryCost.
func refBreakPenalties(t *typesetter, seg string, ps []piece) ([]float64, []bool) {
	runes := []rune(seg)
	inside := make([]bool, len(runes)+1)
	protect := func(a, b int) {
		for j := a + 1; j < b && j < len(inside); j++ {
			inside[j] = true
		}
	}
	for _, re := range protectedTitle {
		for _, m := range re.FindAllStringIndex(seg, -1) {
			protect(len([]rune(seg[:m[0]])), len([]rune(seg[:m[1]])))
		}
	}
	for _, name := range t.names() {
		for off := 0; name != ""; {
			k := strings.Index(seg[off:], name)
			if k < 0 {
				break
			}
			a := len([]rune(seg[:off+k]))
			protect(a, a+len([]rune(name)))
			off += k + len(name)
		}
	}
	w := titleWords(seg, len(runes))
	pen := make([]float64, len(ps))
	inWord := make([]bool, len(ps))
	j := 0
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

func refBestBreaks(ps []piece, pen []float64, lines int, measure, total page.Length) [][2]int {
	n := len(ps)
	prefix := make([]page.Length, n+1)
	for i, p := range ps {
		prefix[i+1] = prefix[i] + p.width
	}
	mean := float64(total) / float64(lines)
	mid := float64(lines+1) / 2
	unit := float64(titleSize)
	const inf = 1e18
	cost := make([][]float64, lines+1)
	from := make([][]int, lines+1)
	for k := range cost {
		cost[k] = make([]float64, n+1)
		from[k] = make([]int, n+1)
		for i := range cost[k] {
			cost[k][i] = inf
		}
	}
	cost[0][0] = 0
	for k := 1; k <= lines; k++ {
		for i := 1; i <= n; i++ {
			if i < n && pen[i] < 0 {
				continue
			}
			for s := i - 1; s >= 0; s-- {
				w := prefix[i] - prefix[s]
				if w > measure {
					break
				}
				if cost[k-1][s] >= inf || (s > 0 && pen[s] < 0) {
					continue
				}
				d := (float64(w) - mean) / unit
				c := cost[k-1][s] + d*d*2 + d*shapeBias*(mid-float64(k))
				if i < n {
					c += pen[i]
				}
				if c < cost[k][i] {
					cost[k][i], from[k][i] = c, s
				}
			}
		}
	}
	if cost[lines][n] >= inf {
		return nil
	}
	out := make([][2]int, lines)
	for k, i := lines, n; k > 0; k-- {
		s := from[k][i]
		out[k-1] = [2]int{s, i}
		i = s
	}
	return out
}
