package reply

import (
	"fmt"
	"strings"
)

// cnYearDigits maps the characters a year in Chinese numerals is written
// with, digit by digit ("二〇二三", "二○一一", "二零二四"), to their values.
var cnYearDigits = map[rune]int{
	'〇': 0, '○': 0, '零': 0, 'О': 0, 'O': 0, 'o': 0, '０': 0, '0': 0,
	'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

// ParseChineseDate reads a date written in Chinese numerals, as 成文日期 were
// printed before GB/T 9704-2012: "二〇二三年六月二十日", "二○一一年五月十日"
// (with the circle ○ in place of 〇), "二零二四年十二月三日". The year is read
// digit by digit, month and day as numerals (ParseNumeral). Spaces are
// ignored. The error, in Chinese, shows the expected form.
func ParseChineseDate(s string) (Date, error) {
	t := strings.Join(strings.Fields(s), "")
	bad := fmt.Errorf("“%s”不是中文日期，应写作 二〇二三年六月二十日", s)
	ys, rest, ok := strings.Cut(t, "年")
	if !ok {
		return Date{}, bad
	}
	ms, ds, ok := strings.Cut(rest, "月")
	if !ok {
		return Date{}, bad
	}
	ds = strings.TrimSuffix(strings.TrimSuffix(ds, "日"), "号")
	year, n := 0, 0
	for _, r := range ys {
		v, ok := cnYearDigits[r]
		if !ok {
			return Date{}, bad
		}
		year, n = year*10+v, n+1
	}
	if n != 4 {
		return Date{}, bad
	}
	mo, err1 := ParseNumeral(ms)
	d, err2 := ParseNumeral(ds)
	if err1 != nil || err2 != nil {
		return Date{}, bad
	}
	date := Date{Year: year, Month: mo, Day: d}
	if !date.Valid() {
		return Date{}, fmt.Errorf("日期“%s”不存在，请核对", s)
	}
	return date, nil
}
