package reply

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// TestParseDate reads dates in every form the one parser knows, among
// them the forms of published replies (recognize/testdata): 2019年07月26日,
// 二○一一年五月十日.
func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Date // zero: an error
	}{
		{"2023年6月20日", Date{2023, 6, 20}},
		{"2023-06-20", Date{2023, 6, 20}},
		{"2023-6-20", Date{2023, 6, 20}},
		{"2023/6/20", Date{2023, 6, 20}},
		{"2023.6.20", Date{2023, 6, 20}},
		{"2023、6、20", Date{2023, 6, 20}},
		{"20230620", Date{2023, 6, 20}},
		{"2023-06-20 00:00:00", Date{2023, 6, 20}},
		{"2019年07月26日", Date{2019, 7, 26}},
		{"2023年6月20号", Date{2023, 6, 20}},
		{"２０２３年６月２０日", Date{2023, 6, 20}},
		{" 2023 年 6 月 20 日 ", Date{2023, 6, 20}},
		{"二〇二三年六月二十日", Date{2023, 6, 20}},
		{"二○二一年五月十八日", Date{2021, 5, 18}},
		{"二○一一年五月十日", Date{2011, 5, 10}},
		{"二零二四年十二月三十一日", Date{2024, 12, 31}},
		{"二O二二年一月一日", Date{2022, 1, 1}},
		{"二Ｏ二二年一月一日", Date{2022, 1, 1}},
		{"二◯二二年三月三日", Date{2022, 3, 3}},
		{"二〇二三年六月廿日", Date{2023, 6, 20}},
		{"二〇二三年六月廿一日", Date{2023, 6, 21}},
		{"二〇二三年十二月卅一日", Date{2023, 12, 31}},
		{"二〇二三年六月二十号", Date{2023, 6, 20}},
		{"二〇二三年6月20日", Date{2023, 6, 20}},
		{"2023年六月二十日", Date{2023, 6, 20}},
		{"二千零二十三年六月二十日", Date{2023, 6, 20}},
		{" 二〇二一 年 五月 一日 ", Date{2021, 5, 1}},
		{"二〇二三年　六月　二十日", Date{2023, 6, 20}},
		{"二〇二三年二月三十日", Date{}},
		{"二〇二三年十三月一日", Date{}},
		{"二〇二三年六月", Date{}},
		{"二〇二年六月二十日", Date{}},
		{"二〇二三年六月二十一二日", Date{}},
		{"2023年13月1日", Date{}},
		{"6月20日", Date{}},
		{"下周一", Date{}},
		{"", Date{}},
	} {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseDate(c.in)
			if (err == nil) != !c.want.IsZero() || got != c.want {
				t.Fatalf("ParseDate(%q) = %v, %v; want %v", c.in, got, err, c.want)
			}
			if err != nil && !strings.Contains(err.Error(), "“"+c.in+"”") {
				t.Errorf("ParseDate(%q) error %q does not quote the text", c.in, err)
			}
		})
	}
	if _, err := ParseDate("二〇二三年二月三十日"); err == nil || !strings.Contains(err.Error(), "没有这一天") {
		t.Errorf("ParseDate of 2月30日: error %v, want it to say the day does not exist", err)
	}
}

// chineseForm writes d in Chinese numerals as 成文日期 were printed:
// 二〇二三年六月二十日.
func chineseForm(d Date, zero rune) string {
	var b strings.Builder
	for _, c := range strconv.Itoa(d.Year) {
		if c == '0' {
			b.WriteRune(zero)
		} else {
			b.WriteRune(cnDigits[c-'0'])
		}
	}
	return b.String() + "年" + Numeral(d.Month) + "月" + Numeral(d.Day) + "日"
}

// FuzzParseDate checks the date parser by invariant: it never panics; a
// text it reads is a valid date whose written forms (2023年6月20日,
// 2023-06-20, 二〇二三年六月二十日 with each zero) read back the same; an
// error quotes the text (or, for a long one, its start).
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023年6月20日", "2023-06-20", "20230620", "2023-06-20 08:00", "二〇二三年六月二十日",
		"二○二一年五月十八日", "二O二二年一月一日", "二〇二三年十二月卅一日", "二〇二三年六月廿一日", "二千零二十三年六月二十日",
		"二〇二三年二月三十日", "2023年六月二十日", "年月日", "二〇二三年六月二十一二日", "〇〇〇〇年〇月〇日", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) || !strings.Contains(s, strings.TrimSuffix(de.Text, "…")) {
				t.Fatalf("ParseDate(%q) error %v does not quote the text", s, err)
			}
			return
		}
		if !d.Valid() {
			t.Fatalf("ParseDate(%q) = invalid %v", s, d)
		}
		for _, form := range []string{d.String(), d.ISO(), chineseForm(d, '〇'), chineseForm(d, '○'), chineseForm(d, '零')} {
			if back, err := ParseDate(form); err != nil || back != d {
				t.Fatalf("ParseDate(%q) = %v, but its form %q reads %v, %v", s, d, form, back, err)
			}
		}
	})
}
