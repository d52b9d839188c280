package layout

import (
	"strconv"
	"strings"
	"testing"

	"replydesk/internal/reply"
	"replydesk/internal/segment"
)

// longTitle returns a title of n characters made of real title phrases; with
// manual set, a "\n" follows every 40th character.
func longTitle(n int, manual bool) string {
	const phrase = "对市政协第十四届第二次会议第244号提案的答复关于进一步推进职业教育产教融合、校企合作的建议和《长春市职业教育条例》"
	src := []rune(phrase)
	var b strings.Builder
	for i := range n {
		if manual && i > 0 && i%40 == 0 {
			b.WriteByte('\n')
		}
		b.WriteRune(src[i%len(src)])
	}
	return b.String()
}

// BenchmarkTitleLines measures title breaking on long titles, to show that
// its cost grows linearly with the title's length. The segmenter's
// dictionary is loaded before (see BenchmarkLoad in package segment).
func BenchmarkTitleLines(b *testing.B) {
	segment.Load()
	for _, manual := range []bool{false, true} {
		for _, n := range []int{200, 2000, 20000} {
			name := strconv.Itoa(n)
			if manual {
				name += "-manual"
			}
			title := longTitle(n, manual)
			b.Run(name, func(b *testing.B) {
				ts := newTestSetter()
				ts.r = reply.Reply{Assembly: "市政协", Issuer: "长春市教育局", Proposers: []string{"董妍"}}
				b.ReportAllocs()
				for b.Loop() {
					ts.titleLines(title, areaWidth)
				}
			})
		}
	}
}
