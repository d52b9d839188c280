package layout

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"replydesk/internal/reply"
	"replydesk/internal/segment"
)

func TestTitleLines(t *testing.T) {
	tests := []struct {
		title string
		names []string
		want  []string
	}{
		{"对市政协第十四届第二次会议第244号提案的答复", nil,
			[]string{"对市政协第十四届第二次会议", "第244号提案的答复"}},
		{"关于市政协十四届二次会议第244号提案的答复", nil,
			[]string{"关于市政协十四届二次会议", "第244号提案的答复"}},
		{"对区十八届人大二次会议第129号建议的复函", nil,
			[]string{"对区十八届人大二次会议第129号建议的复函"}},
		{"关于长教函〔2023〕12号文件执行情况和欧阳建国代表所提建议办理情况的说明", []string{"欧阳建国"},
			[]string{"关于长教函〔2023〕12号文件执行情况", "和欧阳建国代表所提建议办理情况的说明"}},
		{"关于区十八届人大一次会议\n第9号建议的答复", nil,
			[]string{"关于区十八届人大一次会议", "第9号建议的答复"}},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			ts := newTestSetter()
			ts.r = reply.Reply{Proposers: tc.names}
			var got []string
			for _, l := range ts.titleLines(tc.title, areaWidth) {
				got = append(got, lineText(l))
				if w := width(l); w > areaWidth {
					t.Errorf("line %q is %v wide, over the measure", lineText(l), w)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("titleLines(%q) = %q, want %q", tc.title, got, tc.want)
			}
		})
	}
}

// TestTitleConformance sets the titles of testdata/titles.txt and compares
// their lines; whatever the expected lines, no break may fall inside a word
// the segmenter finds, and no line may run past the measure.
func TestTitleConformance(t *testing.T) {
	f, err := os.Open("testdata/titles.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		want := sc.Text()
		if want == "" || strings.HasPrefix(want, "#") {
			continue
		}
		n++
		title := strings.ReplaceAll(want, " | ", "")
		ts := newTestSetter()
		var got []string
		for _, l := range ts.titleLines(title, areaWidth) {
			got = append(got, lineText(l))
			if w := width(l); w > areaWidth {
				t.Errorf("%s: line %q is %v wide, over the measure", title, lineText(l), w)
			}
		}
		if g := strings.Join(got, " | "); g != want {
			t.Errorf("titleLines(%q) = %q, want %q", title, g, want)
		}
		// The rune offsets where a word of the segmenter ends.
		ends := map[int]bool{}
		off := 0
		for _, w := range segment.Words(title) {
			off += utf8.RuneCountInString(w)
			ends[off] = true
		}
		off = 0
		for _, l := range got[:len(got)-1] {
			off += utf8.RuneCountInString(l)
			if !ends[off] {
				t.Errorf("%s: the break after %q falls inside a word of %q", title, l, segment.Words(title))
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 15 {
		t.Errorf("testdata/titles.txt holds %d titles, want at least 15", n)
	}
}
