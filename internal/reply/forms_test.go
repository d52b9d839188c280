package reply

import (
	"strings"
	"testing"
)

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
