package reply

import (
	"strings"
	"testing"
)

func TestValidPhone(t *testing.T) {
	for _, c := range []struct {
		s  string
		ok bool
	}{
		{"13578951242", true}, {"135-7895-1242", true}, {"135 7895 1242", true},
		{"+8613578951242", true}, {"0431-88888888", true}, {"010-12345678", true},
		{"(0431)88888888", true}, {"(0431)-88888888", true}, {"0431 88888888", true},
		{"043188888888", true}, {"0431-8888888", true}, {"0431-88888888转801", true},
		{"0431-88888888-801", true}, {"0431-88888888、13578951242", true},
		{"1357895124", false}, {"23578951242", false}, {"88888888", false},
		{"0431-888", false}, {"", false}, {"刘丽", false}, {"135789512421", false},
		{"（0431）88888888", false}, // full-width: NormalizePhone first
	} {
		t.Run(c.s, func(t *testing.T) {
			if got := ValidPhone(c.s); got != c.ok {
				t.Errorf("ValidPhone(%q) = %v, want %v", c.s, got, c.ok)
			}
		})
	}
	if got := NormalizePhone(" （０４３１）８８８８８８８８ "); got != "(0431)88888888" || !ValidPhone(got) {
		t.Errorf("NormalizePhone = %q", got)
	}
}

func TestDocNumber(t *testing.T) {
	for _, c := range []struct {
		in, want string
		issues   []string
		ok       bool
	}{
		{"长教函〔2023〕12号", "长教函〔2023〕12号", nil, true},
		{"长教函[2023]12号", "长教函〔2023〕12号", []string{"六角括号"}, true},
		{"长教函(2023)12号", "长教函〔2023〕12号", []string{"六角括号"}, true},
		{"长教函【2023】12号", "长教函〔2023〕12号", []string{"六角括号"}, true},
		{"长教函﹝2023﹞12号", "长教函〔2023〕12号", []string{"六角括号"}, true},
		{"长教函〔2023〕第12号", "长教函〔2023〕12号", []string{"第"}, true},
		{"长教函〔2023〕012号", "长教函〔2023〕12号", []string{"前导零"}, true},
		{"长教函〔23〕12号", "长教函〔2023〕12号", []string{"写全"}, true},
		{"长教函〔2023〕12", "长教函〔2023〕12号", []string{"号"}, true},
		{"长教函 〔2023〕 12号", "长教函〔2023〕12号", []string{"空格"}, true},
		{"长教函[2023]第012号", "长教函〔2023〕12号", []string{"六角括号", "第", "前导零"}, true},
		{"〔2023〕12号", "〔2023〕12号", []string{"机关代字"}, true},
		{"长教函2023年12号", "", nil, false},
	} {
		t.Run(c.in, func(t *testing.T) {
			got, issues, ok := docNumberFix(c.in)
			if ok != c.ok || ok && got != c.want || len(issues) != len(c.issues) {
				t.Fatalf("docNumberFix(%q) = %q, %q, %v; want %q, %d issues, %v", c.in, got, issues, ok, c.want, len(c.issues), c.ok)
			}
			for i, w := range c.issues {
				if !strings.Contains(issues[i], w) {
					t.Errorf("issue %d = %q, want it to mention %q", i, issues[i], w)
				}
			}
		})
	}
}

func TestDateCompare(t *testing.T) {
	if (Date{2023, 6, 20}).Compare(Date{2023, 7, 1}) != -1 || (Date{2024, 1, 1}).Compare(Date{2023, 12, 31}) != 1 {
		t.Error("Date.Compare orders dates wrongly")
	}
}
