package docx

import (
	"reflect"
	"testing"
)

func TestTitleBreaks(t *testing.T) {
	cases := []struct {
		name        string
		segs, lines []string
		want        []bool
	}{
		{"layout breaks", []string{"对市政协第十四届第二次会议第244号提案的答复"},
			[]string{"对市政协第十四届第二次会议", "第244号提案的答复"}, []bool{false, false}},
		{"a forced break", []string{"关于区十八届人大一次会议", "第9号建议的答复"},
			[]string{"关于区十八届人大一次会议", "第9号建议的答复"}, []bool{false, true}},
		{"both", []string{"关于某自治州人民代表大会第十六届", "第三次会议的答复"},
			[]string{"关于某自治州", "人民代表大会第十六届", "第三次会议的答复"}, []bool{false, false, true}},
		{"lines that do not spell the title", []string{"关于路灯的答复"}, []string{"关于路灯的复函"}, nil},
		{"too few lines", []string{"关于路灯", "的答复"}, []string{"关于路灯"}, nil},
		{"no lines", []string{"关于路灯的答复"}, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := titleBreaks(c.segs, c.lines); !reflect.DeepEqual(got, c.want) {
				t.Errorf("titleBreaks(%q, %q) = %v, want %v", c.segs, c.lines, got, c.want)
			}
		})
	}
}
