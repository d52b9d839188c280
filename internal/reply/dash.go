package reply

import (
	"strings"
	"unicode"
)

// Dashes (GB/T 15834-2011 4.9 and 4.13). The 破折号 is "——", two em
// dashes taking two characters' room. Text typed in English editors, on
// phones or copied from web pages carries "--", "－－", a single "—" or a
// spaced hyphen instead; fixDashes makes them "——". A dash that is part
// of something else stays: inside numbers, dates (2023-06-20), phone
// numbers (0763—6269263), codes and words of Latin letters (COVID-19),
// URLs, ranges (1-3, 2021—2025年, 6月—8月), a minus sign (-5℃), a cell
// that is only a dash, a list bullet, three or more dashes in a row (a
// drawn line), and the one-character connecting mark between two places
// naming a route ("长春—吉林高速", "北京—上海航线", 4.13.3.2).

// isDash reports whether r is one of the marks typed for a dash.
func isDash(r rune) bool {
	switch r {
	case '-', '－', '—', '–', '―', '‐', '‑', '﹣':
		return true
	}
	return false
}

// routeWords end a name that a one-character dash connects: "长春—吉林段".
var routeWords = []string{"段", "线", "高速", "公路", "铁路", "航线", "方向", "区间", "通道", "城际", "干线", "高铁", "动车", "快速路", "公交"}

// rangeUnits are the units after which a dash before a number is a range:
// "2021年—2025年", "6月-8月", "第3届—第5届".
const rangeUnits = "年月日号时点分秒届次期季周岁天个件人项"

// fixDashes replaces the dashes of rs that stand for a 破折号 with "——"
// and reports whether it changed anything; the kinds replaced are noted in
// e.
func fixDashes(rs []rune, e *textEdit) ([]rune, bool) {
	var out []rune
	changed := false
	urls := &urlCache{}
	for i := 0; i < len(rs); i++ {
		if !isDash(rs[i]) {
			if out != nil {
				out = append(out, rs[i])
			}
			continue
		}
		j := i
		for j < len(rs) && isDash(rs[j]) {
			j++
		}
		run := string(rs[i:j])
		if run == "——" || !dashIsBreak(rs, i, j, urls) {
			if out != nil {
				out = append(out, rs[i:j]...)
			}
			i = j - 1
			continue
		}
		if out == nil {
			out = append(make([]rune, 0, len(rs)+2), rs[:i]...)
		}
		out = append(out, '—', '—')
		e.dash(run)
		changed = true
		i = j - 1
	}
	if out == nil {
		return rs, false
	}
	return out, changed
}

// dashIsBreak reports whether the dashes rs[i:j] stand for a 破折号.
func dashIsBreak(rs []rune, i, j int, urls *urlCache) bool {
	if j-i > 2 {
		return false // a drawn line, or a 破折号 that is already long
	}
	l, r := prevSolid(rs, i), nextSolid(rs, j)
	single := j-i == 1
	switch {
	case l == 0 && r == 0:
		return false // the dash alone: an empty table cell
	case isAlnum(l) && isAlnum(r), isWide(l) && isWide(r):
		return false // 2023-06-20, 1-3, COVID-19, 0763—6269263
	case urls.in(rs, i):
		return false
	case single && isDigitRune(r) && (l == 0 || !isAlnum(l) && strings.ContainsRune(rangeUnits+"零〇", l) || isHyphen(rs[i])):
		return false // 2021年—2025年, -5℃, 零下-5
	case single && l == 0 && isHyphen(rs[i]):
		return false // a list bullet
	case single && rs[i] != '-' && (unicode.Is(unicode.Han, l) || isAlnum(l)) && unicode.Is(unicode.Han, r) && routeAfter(rs, j):
		return false // 长春—吉林高速: the connecting mark
	}
	return true
}

// isHyphen reports whether r is a hyphen or minus rather than a dash.
func isHyphen(r rune) bool { return r == '-' || r == '－' || r == '‐' || r == '‑' || r == '﹣' }

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// isWide reports whether r is a full-width digit or Latin letter.
func isWide(r rune) bool {
	return r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

// prevSolid returns the nearest rune before i that is not a blank, or 0.
func prevSolid(rs []rune, i int) rune {
	for k := i - 1; k >= 0; k-- {
		if !unicode.IsSpace(rs[k]) {
			return rs[k]
		}
	}
	return 0
}

// nextSolid returns the nearest rune from j on that is not a blank, or 0.
func nextSolid(rs []rune, j int) rune {
	for k := j; k < len(rs); k++ {
		if !unicode.IsSpace(rs[k]) {
			return rs[k]
		}
	}
	return 0
}

// urlCache remembers the last run of non-blank ASCII looked at, so that a
// line of many dashes in one long run is scanned once.
type urlCache struct {
	a, b int // the run rs[a:b]; b == 0 when none yet
	url  bool
}

// in reports whether rs[i] is inside a run of non-blank ASCII that looks
// like a URL or an e-mail address.
func (c *urlCache) in(rs []rune, i int) bool {
	if c.b > 0 && i >= c.a && i < c.b {
		return c.url
	}
	a, b := i, i
	for a > 0 && rs[a-1] < 0x80 && !unicode.IsSpace(rs[a-1]) {
		a--
	}
	for b < len(rs) && rs[b] < 0x80 && !unicode.IsSpace(rs[b]) {
		b++
	}
	w := strings.ToLower(string(rs[a:b]))
	c.a, c.b = a, max(b, i+1)
	c.url = strings.Contains(w, "://") || strings.HasPrefix(w, "www.") || strings.Contains(w, "@") ||
		strings.Contains(w, ".cn") || strings.Contains(w, ".com")
	return c.url
}

// routeAfter reports whether the Han text from j names a route within a
// few characters: "吉林高速", "上海航线".
func routeAfter(rs []rune, j int) bool {
	k := j
	for k < len(rs) && k-j < 10 && unicode.Is(unicode.Han, rs[k]) {
		k++
	}
	name := string(rs[j:k])
	for _, w := range routeWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}
