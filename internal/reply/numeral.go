package reply

import (
	"fmt"
	"strings"
)

// Chinese numerals, as printed in 届次 and 会次: 第十四届, 第二次会议.

var (
	cnDigits = []rune("零一二三四五六七八九")
	cnUnits  = []string{"", "十", "百", "千"}
)

// maxNumeral is the largest number Numeral writes in words.
const maxNumeral = 99999999

// Numeral writes n in Chinese numerals the way 届次 and 会次 are printed:
// 2 → 二, 10 → 十, 14 → 十四, 20 → 二十, 21 → 二十一, 100 → 一百,
// 101 → 一百零一, 110 → 一百一十, 10000 → 一万. Zero is 零; a negative n
// takes 负; beyond 99,999,999 n is written in Arabic digits.
func Numeral(n int) string {
	switch {
	case n < 0:
		return "负" + Numeral(-n)
	case n == 0:
		return "零"
	case n > maxNumeral:
		return fmt.Sprint(n)
	}
	hi, lo := n/10000, n%10000
	if hi == 0 {
		return below10000(lo, true)
	}
	s := below10000(hi, true) + "万"
	if lo == 0 {
		return s
	}
	if lo < 1000 {
		s += "零"
	}
	return s + below10000(lo, false)
}

// below10000 writes 1 ≤ n ≤ 9999. leading says n starts the numeral, so
// 10–19 drop their 一 (十四, not 一十四).
func below10000(n int, leading bool) string {
	var b strings.Builder
	zero := false // a zero is pending between two non-zero digits
	started := false
	for i := 3; i >= 0; i-- {
		p := pow10(i)
		d := n / p % 10
		if d == 0 {
			zero = started
			continue
		}
		if zero {
			b.WriteRune(cnDigits[0])
			zero = false
		}
		if !(d == 1 && i == 1 && !started && leading) {
			b.WriteRune(cnDigits[d])
		}
		b.WriteString(cnUnits[i])
		started = true
	}
	return b.String()
}

func pow10(i int) int {
	p := 1
	for ; i > 0; i-- {
		p *= 10
	}
	return p
}

// ParseNumeral reads a Chinese numeral back: 十四 → 14, 一十四 → 14,
// 二十 → 20, 一百零一 → 101, 两百 → 200, 〇 → 0. Arabic digits are accepted
// too. It is the inverse of Numeral for 0 ≤ n ≤ 99,999,999.
func ParseNumeral(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("数字为空")
	}
	if n, ok := arabic(s); ok {
		return n, nil
	}
	bad := func(why string) (int, error) {
		return 0, fmt.Errorf("“%s”不是中文数字：%s", s, why)
	}
	total, section, digit, last := 0, 0, -1, 10000 // last: the unit just used
	seen := false
	for _, r := range s {
		d := digitOf(r)
		unit := unitOf(r)
		switch {
		case d == 0:
			seen = true
		case d > 0:
			if digit >= 0 {
				return bad("数位不明")
			}
			digit, seen = d, true
		case unit >= 10 && unit <= 1000:
			if digit < 0 {
				if unit != 10 || section != 0 {
					return bad(fmt.Sprintf("“%c”前缺少数字", r))
				}
				digit, seen = 1, true
			}
			if unit >= last {
				return bad("数位顺序不对")
			}
			section += digit * unit
			digit, last = -1, unit
		case unit == 10000:
			if digit > 0 {
				section += digit
			}
			if section == 0 || total != 0 {
				return bad("“万”用法不对")
			}
			total, section, digit, last = section*10000, 0, -1, 10000
		default:
			return bad(fmt.Sprintf("含有“%c”", r))
		}
	}
	if !seen {
		return bad("缺少数字")
	}
	if digit > 0 {
		section += digit
	}
	return total + section, nil
}

// unitOf returns the value of a Chinese unit character, or 0.
func unitOf(r rune) int {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	case '万':
		return 10000
	}
	return 0
}

// digitOf returns the value of a Chinese digit, or -1.
func digitOf(r rune) int {
	switch r {
	case '零', '〇':
		return 0
	case '两':
		return 2
	}
	for i, d := range cnDigits {
		if d == r {
			return i
		}
	}
	return -1
}

// arabic parses a string of ASCII digits of reasonable length.
func arabic(s string) (int, bool) {
	if len(s) > 9 {
		return 0, false
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}
