package wordml

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// Automatic numbering (ECMA-376 Part 1, 17.9). A numbered paragraph names
// a numbering instance (w:num, by numId) and a level (ilvl, 0–8); the
// instance refers to an abstract numbering (w:abstractNum) whose level
// gives the number format (w:numFmt), the level text with placeholders
// %1…%9 for the counters of levels 1…9 (w:lvlText, e.g. "%1、" or
// "（%2）"), the start value and what follows the number (w:suff).
//
// Counters are kept per abstract numbering and level, as Word does:
// instances of the same abstract numbering continue one another's
// counting, unless the instance overrides the start of a level
// (w:lvlOverride/w:startOverride), which restarts that level where the
// instance is first used. Counting a level restarts the deeper levels.
//
// Formats written: decimal, decimalZero, the Chinese counting formats
// (chineseCounting, chineseCountingThousand, japaneseCounting: 一…十、
// 十一…九十九、一百零一), ideographDigital (digit by digit: 一〇),
// chineseLegalSimplified (壹贰叁…壹拾), ideographTraditional (甲乙丙…),
// ideographZodiac (子丑寅…), the enclosed numbers ①⑴⒈ up to 20, full-width
// digits, letters and Roman numerals. Other formats are written as
// decimal. Bullets (and "none") put no number before the text.
//
// The number is followed by nothing when Word puts nothing after it
// (w:suff="nothing") or when it ends in full-width punctuation ("一、",
// "（一）"), else by one space (for Word's tab or space): a numbered
// "一、关于…" reads as the same heading typed by hand.
type numbering struct {
	abstract map[string]*abstractNum // by abstractNumId
	nums     map[string]*num         // by numId
	counters map[string]*counters    // by abstractNumId
	started  map[string]bool         // numIds whose start overrides have been applied
}

// counters are the last numbers of the levels of an abstract numbering.
type counters struct {
	v   [9]int
	set [9]bool // v[i] holds a number: level i was counted (or its start overridden) since it last restarted
}

type abstractNum struct {
	ID   string `xml:"abstractNumId,attr"`
	Lvls []*lvl `xml:"lvl"`
	lvls [9]*lvl
}

type lvl struct {
	Ilvl    string `xml:"ilvl,attr"`
	Start   *val   `xml:"start"`
	Fmt     *val   `xml:"numFmt"`
	Text    *val   `xml:"lvlText"`
	Suff    *val   `xml:"suff"`
	PStyle  *val   `xml:"pStyle"`
	IsLgl   *val   `xml:"isLgl"`
	Restart *val   `xml:"lvlRestart"`
	// Word 2010 and later write a custom format inside
	// mc:AlternateContent with a standard one as the fallback.
	Alt []struct {
		Fallback struct {
			Fmt *val `xml:"numFmt"`
		} `xml:"Fallback"`
	} `xml:"AlternateContent"`
}

type num struct {
	ID        string `xml:"numId,attr"`
	Abstract  val    `xml:"abstractNumId"`
	Overrides []struct {
		Ilvl  string `xml:"ilvl,attr"`
		Start *val   `xml:"startOverride"`
		Lvl   *lvl   `xml:"lvl"`
	} `xml:"lvlOverride"`
}

// parseNumbering reads numbering.xml.
func parseNumbering(b []byte) (*numbering, error) {
	var x struct {
		Abstract []*abstractNum `xml:"abstractNum"`
		Nums     []*num         `xml:"num"`
	}
	if err := xml.Unmarshal(b, &x); err != nil {
		return nil, damaged(err)
	}
	n := &numbering{abstract: map[string]*abstractNum{}, nums: map[string]*num{}}
	for _, a := range x.Abstract {
		for _, l := range a.Lvls {
			if i := atoi(l.Ilvl); i < 9 && a.lvls[i] == nil {
				a.lvls[i] = l
			}
		}
		n.abstract[a.ID] = a
	}
	for _, m := range x.Nums {
		n.nums[m.ID] = m
	}
	return n, nil
}

// reset forgets the counters, for reading another part.
func (n *numbering) reset() {
	if n != nil {
		n.counters, n.started = map[string]*counters{}, map[string]bool{}
	}
}

// level returns the level of instance numID whose paragraph style is
// styleID, for a style that names the instance but not the level.
func (n *numbering) level(numID, styleID string) int {
	if m := n.nums[numID]; m != nil {
		if a := n.abstract[m.Abstract.Val]; a != nil {
			for i, l := range a.lvls {
				if l != nil && l.PStyle != nil && l.PStyle.Val == styleID {
					return i
				}
			}
		}
	}
	return 0
}

// next counts a paragraph of instance numID at level ilvl and returns
// its number text and what follows it; "" when it has none.
func (n *numbering) next(numID string, ilvl int) (number, suffix string) {
	if n == nil || ilvl < 0 || ilvl > 8 {
		return "", ""
	}
	m := n.nums[numID]
	if m == nil {
		return "", ""
	}
	a := n.abstract[m.Abstract.Val]
	if a == nil {
		return "", ""
	}
	if n.counters == nil {
		n.reset()
	}
	lv := n.lvl(m, a, ilvl)
	if lv == nil {
		return "", ""
	}
	c := n.count(numID, m, a, ilvl)
	format := fmtOf(lv)
	if format == "bullet" || format == "none" || lv.Text == nil {
		return "", ""
	}
	number = n.text(m, a, lv, c)
	if number == "" {
		return "", ""
	}
	return number, suffixAfter(number, lv)
}

// count counts a paragraph of instance numID (m, of abstract a) at level
// ilvl: the level's counter goes up and the deeper levels that restart
// after it start again. It returns the abstract's counters.
func (n *numbering) count(numID string, m *num, a *abstractNum, ilvl int) *counters {
	c := n.counters[a.ID]
	if c == nil {
		c = new(counters)
		n.counters[a.ID] = c
	}
	if !n.started[numID] {
		n.started[numID] = true
		for _, o := range m.Overrides {
			if i := atoi(o.Ilvl); i < 9 && o.Start != nil {
				c.v[i], c.set[i] = atoi(o.Start.Val)-1, true
			}
		}
	}
	if !c.set[ilvl] {
		c.v[ilvl], c.set[ilvl] = n.start(m, a, ilvl)-1, true
	}
	c.v[ilvl]++
	for j := ilvl + 1; j < 9; j++ {
		if l := n.lvl(m, a, j); l == nil || l.Restart == nil || l.Restart.Val != "0" {
			c.set[j] = false
		}
	}
	return c
}

// text writes level lv's number text: its %1…%9 placeholders filled with
// the counters c of the levels they name, each in its level's format (in
// decimal digits for a legal-style level, isLgl).
func (n *numbering) text(m *num, a *abstractNum, lv *lvl, c *counters) string {
	var b strings.Builder
	t := lv.Text.Val
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			v := c.v[k]
			if !c.set[k] {
				v = n.start(m, a, k)
			}
			f := "decimal"
			if l := n.lvl(m, a, k); l != nil && (lv.IsLgl == nil || lv.IsLgl.Val == "0" || lv.IsLgl.Val == "false") {
				f = fmtOf(l)
			}
			b.WriteString(formatNumber(v, f))
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}

// lvl is level i of instance m, which may override its abstract's level.
func (n *numbering) lvl(m *num, a *abstractNum, i int) *lvl {
	for _, o := range m.Overrides {
		if atoi(o.Ilvl) == i && o.Lvl != nil {
			return o.Lvl
		}
	}
	return a.lvls[i]
}

// start is the start value of level i (17.9.25; 0 when absent).
func (n *numbering) start(m *num, a *abstractNum, i int) int {
	if l := n.lvl(m, a, i); l != nil && l.Start != nil {
		return atoi(l.Start.Val)
	}
	return 0
}

// fmtOf is the number format of l, the fallback of a custom one.
func fmtOf(l *lvl) string {
	if l.Fmt != nil {
		return l.Fmt.Val
	}
	for _, a := range l.Alt {
		if a.Fallback.Fmt != nil {
			return a.Fallback.Fmt.Val
		}
	}
	return "decimal"
}

// suffixAfter is what the reader puts between number and text.
func suffixAfter(number string, l *lvl) string {
	if l.Suff != nil && l.Suff.Val == "nothing" {
		return ""
	}
	last := []rune(number)
	switch last[len(last)-1] {
	case '、', '）', '．', '。', '，', '：', '】', '〕', ' ', '\u3000':
		return ""
	}
	return " "
}

// Digits and units of the Chinese formats.
var (
	cnDigits    = []rune("〇一二三四五六七八九")
	legalDigits = []rune("零壹贰叁肆伍陆柒捌玖")
	cnUnits     = []rune("十百千")
	legalUnits  = []rune("拾佰仟")
	stems       = []rune("甲乙丙丁戊己庚辛壬癸")
	branches    = []rune("子丑寅卯辰巳午未申酉戌亥")
)

// formatNumber writes n in number format f (ST_NumberFormat, 17.18.59);
// in decimal digits where f is unknown or cannot write n.
func formatNumber(n int, f string) string {
	if s, ok := ideographic(n, f); ok {
		return s
	}
	if s, ok := western(n, f); ok {
		return s
	}
	return strconv.Itoa(n)
}

// ideographic writes n in the Chinese and Japanese formats f names; ok is
// false for another format or a number it cannot write.
func ideographic(n int, f string) (string, bool) {
	switch f {
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand":
		if s := counting(n, cnDigits, cnUnits, '零', true); s != "" {
			return s, true
		}
	case "chineseLegalSimplified", "japaneseLegal":
		if s := counting(n, legalDigits, legalUnits, '零', false); s != "" {
			return s, true
		}
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		if n >= 0 {
			var b strings.Builder
			for _, d := range strconv.Itoa(n) {
				b.WriteRune(cnDigits[d-'0'])
			}
			return b.String(), true
		}
	case "ideographTraditional":
		if n >= 1 && n <= len(stems) {
			return string(stems[n-1]), true
		}
	case "ideographZodiac":
		if n >= 1 && n <= len(branches) {
			return string(branches[n-1]), true
		}
	}
	return "", false
}

// western writes n in the decimal, enclosed, letter and Roman formats f
// names; ok is false for another format or a number it cannot write.
func western(n int, f string) (string, bool) {
	switch f {
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n), true
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		if n >= 1 && n <= 20 {
			return string(rune(0x2460 + n - 1)), true
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune(0x2474 + n - 1)), true
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune(0x2488 + n - 1)), true
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, d := range strconv.Itoa(n) {
			if d >= '0' && d <= '9' {
				d += '０' - '0'
			}
			b.WriteRune(d)
		}
		return b.String(), true
	case "lowerLetter", "upperLetter":
		if n >= 1 && n <= 26*20 {
			c := 'a'
			if f == "upperLetter" {
				c = 'A'
			}
			return strings.Repeat(string(c+rune((n-1)%26)), (n-1)/26+1), true
		}
	case "lowerRoman", "upperRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if f == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s, true
		}
	}
	return "", false
}

// counting writes 1 ≤ n ≤ 9999 in Chinese counting: 一, 十, 十一, 二十,
// 一百零一, 一千零一十; with short, 10–19 are written 十… rather than 一十….
// It returns "" for other n.
func counting(n int, digits, units []rune, zero rune, short bool) string {
	if n < 1 || n > 9999 {
		return ""
	}
	var b []rune
	pending := false // a zero digit since the last one written
	for p := 3; p >= 0; p-- {
		pow := [4]int{1, 10, 100, 1000}[p]
		d := n / pow % 10
		if d == 0 {
			if len(b) > 0 {
				pending = true
			}
			continue
		}
		if pending {
			b = append(b, zero)
			pending = false
		}
		if !(short && p == 1 && d == 1 && len(b) == 0) {
			b = append(b, digits[d])
		}
		if p > 0 {
			b = append(b, units[p-1])
		}
	}
	return string(b)
}

// roman writes 1 ≤ n < 4000 in Roman numerals.
func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
