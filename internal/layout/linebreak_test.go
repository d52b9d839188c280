package layout

import (
	"strings"
	"testing"
	"unicode/utf8"

	"replydesk/internal/fontrole"
	"replydesk/internal/page"
)

// fakeFonts gives every grid character a full em and everything else half
// an em, from two imaginary faces; runes in lack are in no face.
type fakeFonts struct{ lack string }

func (f fakeFonts) Glyph(role string, r rune) (string, int, int, bool) {
	if strings.ContainsRune(f.lack, r) {
		return "fake-" + role, 1000, 1000, false
	}
	if isWide(r) {
		return "fake-" + role, 1000, 1000, true
	}
	return "fake-latin", 500, 1000, true
}

func newTestSetter() *typesetter { return &typesetter{fonts: fakeFonts{lack: "\uE000"}} }

func bodyPara(text string) *para {
	return &para{spans: []span{{text: text, role: fontrole.Body, size: bodySize}}, indent: 2 * cellWidth, cell: cellWidth}
}

func TestBreakPara(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"fills 26 then 28 characters",
			strings.Repeat("中", 26) + strings.Repeat("文", 28) + "末",
			[]string{strings.Repeat("中", 26), strings.Repeat("文", 28), "末"}},
		{"push-in: a comma that would start a line is squeezed onto the line",
			strings.Repeat("甲", 10) + "，" + strings.Repeat("乙", 15) + "，" + "丙",
			[]string{strings.Repeat("甲", 10) + "，" + strings.Repeat("乙", 15) + "，", "丙"}},
		{"push-in of two closing marks",
			strings.Repeat("甲", 9) + "，" + strings.Repeat("乙", 9) + "，" + strings.Repeat("丙", 6) + "”。" + "后",
			[]string{strings.Repeat("甲", 9) + "，" + strings.Repeat("乙", 9) + "，" + strings.Repeat("丙", 6) + "”。", "后"}},
		{"push-out when the line has too little to squeeze",
			strings.Repeat("中", 26) + "，" + "文",
			[]string{strings.Repeat("中", 25), "中，文"}},
		{"push-out: an opening mark never ends a line",
			strings.Repeat("中", 25) + "《法》",
			[]string{strings.Repeat("中", 25), "《法》"}},
		{"digits are never split",
			strings.Repeat("中", 24) + "电话13578951242",
			[]string{strings.Repeat("中", 24) + "电话", "13578951242"}},
		{"ellipsis stays whole and does not start a line",
			strings.Repeat("中", 25) + "……",
			[]string{strings.Repeat("中", 24), "中……"}},
		{"a word longer than the line is split: 26 cells hold 52 half-width letters",
			strings.Repeat("A", 70),
			[]string{strings.Repeat("A", 52), strings.Repeat("A", 18)}},
		{"half-width digits take half a cell: 22 characters and 8 digits fill the 26 cells of a first line",
			strings.Repeat("中", 22) + "12345678" + strings.Repeat("文", 28) + "末",
			[]string{strings.Repeat("中", 22) + "12345678", strings.Repeat("文", 28), "末"}},
		{"a line with digits holds 28 cells",
			strings.Repeat("中", 26) + strings.Repeat("文", 20) + "2023" + strings.Repeat("年", 6) + "末",
			[]string{strings.Repeat("中", 26), strings.Repeat("文", 20) + "2023" + strings.Repeat("年", 6), "末"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestSetter()
			lines := ts.breakPara(bodyPara(tc.text), areaWidth)
			var got []string
			for _, l := range lines {
				got = append(got, lineText(l))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("breakPara(%q) =\n%q\nwant\n%q", tc.text, got, tc.want)
			}
		})
	}
}

// TestJustified checks that every line but the last of a justified
// paragraph ends exactly at the right margin.
func TestJustified(t *testing.T) {
	text := "近几年，我市职业教育聚焦吉林省“一主、六双”产业布局规划，开设17大类百余种专业，一线新增从业人员70%以上来自职业学校毕业生，为长春产业链、供应链保持强大韧性提供了基础性保障。"
	lines := newTestSetter().breakPara(bodyPara(text), areaWidth)
	if len(lines) < 3 {
		t.Fatalf("got %d lines, want at least 3", len(lines))
	}
	for i, l := range lines[:len(lines)-1] {
		if end := lineEnd(l); end != areaWidth {
			t.Errorf("line %d %q ends at %v, want %v", i, lineText(l), end, page.Length(areaWidth))
		}
	}
}

func lineEnd(l line) page.Length {
	g := l.glyphs[len(l.glyphs)-1]
	return g.x + g.w
}

func TestMissingReported(t *testing.T) {
	ts := newTestSetter()
	lines := ts.breakPara(bodyPara("张\uE000同志"), areaWidth)
	if got := lineText(lines[0]); got != "张\uE000同志" {
		t.Errorf("missing character dropped: got %q", got)
	}
	if len(ts.miss) != 1 || ts.miss[0].R != '\uE000' {
		t.Errorf("miss = %+v, want one report of U+E000", ts.miss)
	}
}

// FuzzBreakPara checks the invariants of line breaking on any text: every
// character placed once, in order; no line wider than the measure; no line
// starting with a mark that may not start a line unless no legal break
// existed on that line.
func FuzzBreakPara(f *testing.F) {
	seeds := []string{
		"您在市政协十四届二次会议上提出的《关于进一步推进职业教育产教融合、校企合作的建议》的提案（第244号）收悉，现答复如下：",
		strings.Repeat("中", 27) + "，。”》文",
		"联系人姓名及电话：刘丽 13578951242",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ",
		"……——（（（《《“",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || strings.ContainsRune(text, utf8.RuneError) {
			return
		}
		ts := newTestSetter()
		lines := ts.breakPara(bodyPara(text), areaWidth)
		var placed []rune
		for i, l := range lines {
			for _, g := range l.glyphs {
				if !isSpace(g.r) { // spaces at line edges are dropped
					placed = append(placed, g.r)
				}
			}
			if len(l.glyphs) == 0 {
				continue
			}
			if end := lineEnd(l); end > areaWidth {
				t.Errorf("line %d %q ends at %v, past the measure", i, lineText(l), end)
			}
			if i > 0 && noStartSet[l.glyphs[0].r] && !forced(lines[i-1], l) {
				t.Errorf("line %d starts with %q after %q", i, l.glyphs[0].r, lineText(lines[i-1]))
			}
		}
		var want []rune
		for _, r := range text {
			if r != '\n' && r != '\r' && !isSpace(r) {
				want = append(want, r)
			}
		}
		if string(placed) != string(want) {
			t.Errorf("placed %q, want %q", string(placed), string(want))
		}
	})
}

// forced reports whether the previous line had no legal break at all, so
// that a forbidden line start was unavoidable.
func forced(prev, cur line) bool {
	rs := []rune(lineText(prev) + string(cur.glyphs[0].r))
	for i := 1; i < len(rs); i++ {
		if canBreak(rs[i-1], rs[i]) {
			return false
		}
	}
	return true
}
