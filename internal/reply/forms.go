package reply

import (
	"regexp"
	"strings"
)

// 发文字号: a field with a strict written form.

var (
	// yearRe finds the year of a 发文字号 in any bracket: [2023] (2023) 【23】 …
	yearRe = regexp.MustCompile(`^(.*?)\s*([\[\(（【［〔﹝{｛<〈])\s*(\d{2}|\d{4})\s*([\]\)）】］〕﹞}｝>〉])\s*(第?)\s*(\d+)\s*(号?)$`)
)

// docNumberFix checks a 发文字号 against the form GB/T 9704 gives,
// 机关代字〔2023〕12号, and returns the corrected number and what was
// wrong, in Chinese. ok is false when s is too far from the form to correct.
func docNumberFix(s string) (fixed string, issues []string, ok bool) {
	s = strings.TrimSpace(halfDigits.Replace(s))
	m := yearRe.FindStringSubmatch(s)
	if m == nil {
		return s, nil, false
	}
	code, open, year, close, di, num, hao := m[1], m[2], m[3], m[4], m[5], m[6], m[7]
	code = strings.Join(strings.Fields(code), "")
	if code == "" {
		issues = append(issues, "缺少机关代字")
	}
	if open != "〔" || close != "〕" {
		issues = append(issues, "年份应用六角括号〔〕，不用"+open+close)
	}
	if len(year) == 2 {
		year = "20" + year
		issues = append(issues, "年份应写全，如"+year)
	}
	if di != "" {
		issues = append(issues, "序号前不加“第”")
	}
	if t := strings.TrimLeft(num, "0"); t != num {
		if t == "" {
			t = "0"
		}
		if t != num {
			issues = append(issues, "序号不编虚位（不加前导零）")
		}
		num = t
	}
	if hao == "" {
		issues = append(issues, "序号后应加“号”")
	}
	fixed = code + "〔" + year + "〕" + num + "号"
	if fixed != s && len(issues) == 0 {
		issues = append(issues, "不应有空格")
	}
	return fixed, issues, true
}

// halfDigits maps full-width digits to ASCII.
var halfDigits = strings.NewReplacer(
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5",
	"６", "6", "７", "7", "８", "8", "９", "9",
)

// FixDocNumber returns the 发文字号 in the form GB/T 9704 gives:
// "长教函[2023]第012号" → "长教函〔2023〕12号". A number too far from that
// form is returned trimmed.
func FixDocNumber(s string) string {
	fixed, _, ok := docNumberFix(s)
	if !ok {
		return strings.TrimSpace(s)
	}
	return fixed
}

// docYear returns the year of a well-formed 发文字号, or "".
func docYear(s string) string {
	if fixed, issues, ok := docNumberFix(s); ok && len(issues) == 0 && fixed == s {
		i := strings.Index(s, "〔")
		return s[i+len("〔") : i+len("〔")+4]
	}
	return ""
}
