package reply

import (
	"strings"
	"testing"
)

func TestFixDashes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// Dashes typed for a 破折号 become "——".
		{"主要问题--资金不足", "主要问题——资金不足"},
		{"主要问题—资金不足", "主要问题——资金不足"},
		{"主要问题 — 资金不足", "主要问题——资金不足"},
		{"主要问题 - 资金不足", "主要问题——资金不足"},
		{"主要问题-资金不足", "主要问题——资金不足"},
		{"主要问题－－资金不足", "主要问题——资金不足"},
		{"主要问题――资金不足", "主要问题——资金不足"},
		{"主要问题–资金不足", "主要问题——资金不足"},
		{"主要问题—-资金不足", "主要问题——资金不足"},
		{"A类—所提问题已经解决", "A类——所提问题已经解决"},
		{"一是加强领导—成立专班。", "一是加强领导——成立专班。"},
		{"“一主、六双”--产业布局", "“一主、六双”——产业布局"},
		{"结尾—", "结尾——"},
		{"—开头的说明", "——开头的说明"},
		{"--开头的说明", "——开头的说明"},
		// A dash that is part of something else stays.
		{"主要问题——资金不足", "主要问题——资金不足"},
		{"2023-06-20", "2023-06-20"},
		{"于2023-06-20召开", "于2023-06-20召开"},
		{"联系电话：0763—6269263", "联系电话：0763—6269263"},
		{"联系电话：0431-88888888转8012", "联系电话：0431-88888888转8012"},
		{"第1-3项", "第1-3项"},
		{"1 - 3", "1 - 3"},
		{"2021—2025年", "2021—2025年"},
		{"2021年—2025年", "2021年—2025年"},
		{"6月-8月", "6月-8月"},
		{"气温-5℃", "气温-5℃"},
		{"COVID-19疫情", "COVID-19疫情"},
		{"Wi-Fi覆盖", "Wi-Fi覆盖"},
		{"详见https://www.cz-edu.gov.cn/a-b", "详见https://www.cz-edu.gov.cn/a-b"},
		{"邮箱cz-edu@163.com", "邮箱cz-edu@163.com"},
		{"—", "—"},
		{"-", "-"},
		{"- 第一项", "- 第一项"},
		{"————", "————"},
		{"———", "———"},
		{"长春—吉林高速", "长春—吉林高速"},
		{"开通北京—上海航线", "开通北京—上海航线"},
		{"G102—长春段", "G102—长春段"},
		{"２０２３－０６－２０", "２０２３－０６－２０"},
	} {
		t.Run(c.in, func(t *testing.T) {
			got := FixText(c.in)
			if got != c.want {
				t.Errorf("FixText(%q) = %q, want %q", c.in, got, c.want)
			}
			if again := FixText(got); again != got {
				t.Errorf("FixText not idempotent: FixText(%q) = %q", got, again)
			}
		})
	}
}

// TestCheckDashes: Check reports a dash in a paragraph with the fix Fix
// makes, and check --fix leaves nothing to report.
func TestCheckDashes(t *testing.T) {
	r := seedReply(t)
	r.Opening = FixText(r.Opening)
	lines := strings.Split(r.Body, "\n")
	lines[1] = strings.Replace(lines[1], "主要内容为：", "主要内容为--", 1)
	lines[2] = "　　" + lines[2]
	r.Body = strings.Join(lines, "\n")
	r.Closing = "感谢您对教育工作的关心和支持—欢迎继续提出宝贵意见。"
	ps := Check(r, seedVocab)
	want := []struct {
		field string
		para  int
		sev   Severity
		msg   string
	}{
		{"body", 1, Warning, "正文第2段有“--”，破折号应为“——”"},
		{"body", 2, Info, "正文第3段段首有2个全角空格，排版时自动缩进两字"},
		{"closing", -1, Warning, "结束语有“—”，破折号应为“——”"},
	}
	for _, w := range want {
		found := false
		for _, p := range ps {
			if p.Field == w.field && p.Para == w.para && p.Severity == w.sev && strings.Contains(p.Message, w.msg) {
				found = true
				if fixed := FixText(strings.Split(*fieldText(r, w.field), "\n")[max(w.para, 0)]); p.Fix != fixed {
					t.Errorf("problem %q: fix %q, want %q", p.Message, p.Fix, fixed)
				}
			}
		}
		if !found {
			t.Errorf("Check reports no %v %q at %s[%d]: %v", w.sev, w.msg, w.field, w.para, ps)
		}
	}
	Fix(r)
	if ps := Check(r, seedVocab); len(ps) != 0 {
		t.Errorf("after Fix, Check = %v, want nothing", ps)
	}
}

func fieldText(r *Reply, field string) *string {
	for _, f := range r.textFields() {
		if f.field == field {
			return f.p
		}
	}
	return nil
}
