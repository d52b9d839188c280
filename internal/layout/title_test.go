package layout

import (
	"strings"
	"testing"

	"replydesk/internal/reply"
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
