package reply

import "testing"

func TestParseChineseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Date
		ok   bool
	}{
		{"二〇二三年六月二十日", Date{2023, 6, 20}, true},
		{"二○一一年五月十八日", Date{2011, 5, 18}, true},
		{"二○一一年五月十日", Date{2011, 5, 10}, true},
		{"二零二四年十二月三十一日", Date{2024, 12, 31}, true},
		{" 二〇二一 年 五月 一日 ", Date{2021, 5, 1}, true},
		{"二〇二三年二月三十日", Date{}, false},
		{"二〇二三年六月", Date{}, false},
		{"二〇二年六月二十日", Date{}, false},
		{"2023年6月20日", Date{}, false},
		{"", Date{}, false},
	} {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseChineseDate(c.in)
			if (err == nil) != c.ok || got != c.want {
				t.Errorf("ParseChineseDate(%q) = %v, %v; want %v, ok=%v", c.in, got, err, c.want, c.ok)
			}
		})
	}
}
