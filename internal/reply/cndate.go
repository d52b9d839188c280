package reply

import "strings"

// Dates in Chinese numerals, as 成文日期 were printed before GB/T 9704-2012
// and as many bureaus still print them: "二〇二三年六月二十日". The year is
// written digit by digit, with 〇 for zero — or, as typed on keyboards
// and found in published replies, the circle ○ (U+25CB), the large circle
// ◯, 零, the letter O or the digit 0 ("二○一一年五月十日"); month and day
// are numerals (十二, 二十, 三十一), where old and informal texts write
// 廿 for 二十 and 卅 for 三十 ("廿一日").

// cnYearDigits maps the characters a year in Chinese numerals is written
// with, digit by digit, to their values. ASCII digits are there too, for a
// year typed in Arabic before a month and day in words.
var cnYearDigits = map[rune]int{
	'〇': 0, '○': 0, '◯': 0, '零': 0, 'О': 0, 'O': 0, 'o': 0, '0': 0,
	'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
	'1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9,
}

// chineseDate reads t, full-width forms already folded, as a date with
// Chinese numerals in any of its parts: "二〇二三年六月二十日",
// "二〇二三年6月20日", "2023年六月二十日", "二千零二十三年…". Spaces are
// ignored. ok is false when t is not of the form 年…月…日; the date
// returned may still be invalid (二月三十日).
func chineseDate(t string) (Date, bool) {
	t = strings.Join(strings.Fields(t), "")
	ys, rest, ok := strings.Cut(t, "年")
	if !ok {
		return Date{}, false
	}
	ms, ds, ok := strings.Cut(rest, "月")
	if !ok {
		return Date{}, false
	}
	if d, ok := strings.CutSuffix(ds, "日"); ok {
		ds = d
	} else if d, ok := strings.CutSuffix(ds, "号"); ok {
		ds = d
	}
	year, ok := cnYear(ys)
	if !ok {
		return Date{}, false
	}
	mo, ok := cnDayNumber(ms)
	if !ok {
		return Date{}, false
	}
	d, ok := cnDayNumber(ds)
	if !ok {
		return Date{}, false
	}
	return Date{Year: year, Month: mo, Day: d}, true
}

// cnYear reads a year of four digits in words ("二〇二三") or as a
// numeral ("二千零二十三").
func cnYear(s string) (int, bool) {
	year, n := 0, 0
	for _, r := range s {
		v, ok := cnYearDigits[r]
		if !ok {
			n = -1
			break
		}
		year, n = year*10+v, n+1
	}
	if n == 4 {
		return year, true
	}
	if strings.ContainsRune(s, '千') {
		if y, err := ParseNumeral(s); err == nil {
			return y, true
		}
	}
	return 0, false
}

// cnDayNumber reads a month or a day: a numeral of at most three
// characters (十二, 二十, 三十一, 廿一, 卅) or up to two Arabic digits.
func cnDayNumber(s string) (int, bool) {
	if s == "" || len([]rune(s)) > 3 {
		return 0, false
	}
	if rest, ok := strings.CutPrefix(s, "廿"); ok {
		s = "二十" + rest
	} else if rest, ok := strings.CutPrefix(s, "卅"); ok {
		s = "三十" + rest
	}
	n, err := ParseNumeral(s)
	if err != nil || n > 99 {
		return 0, false
	}
	return n, true
}
