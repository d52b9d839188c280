package app

import (
	"strings"
	"testing"

	"replydesk/internal/reply"
)

// TestPreviewStatesWhatItWillDo checks that a preview states the deadline
// rule of the house styles, warns about doubtful values against the
// ledger's today, and says field by field what each update changes.
func TestPreviewStatesWhatItWillDo(t *testing.T) {
	l, _ := newLedger(t)
	header := []string{"提案号", "案由", "提案人", "承办方式", "办理状态", "交办日期"}
	path := assignmentList(t, header,
		[]string{"12", "关于甲的建议", "董妍", "主办", "未办理", "2023年6月1日"},
		[]string{"13", "关于乙的建议", "李明", "协办", "", "2023-06-02"},
	)
	p, err := l.ImportPreview(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "表中没有“办理期限”列：办理期限按交办日期后计算：协办意见1个月，提案3个月"; p.DeadlineRule != want {
		t.Errorf("rule %q, want %q", p.DeadlineRule, want)
	}
	if len(p.Problems) != 0 {
		t.Errorf("problems %v", p.Problems)
	}
	if _, _, err := l.ImportConfirm(p); err != nil {
		t.Fatal(err)
	}

	path = assignmentList(t, header,
		[]string{"12", "关于甲的建议", "董妍", "协办", "办理中", "2023年6月1日"},
		[]string{"13", "关于乙的建议", "李明", "协办", "", "2023-06-02"},
		[]string{"14", "关于丙的建议", "", "主办", "", "2023-09-06"}, // the day after the ledger's today
	)
	p, err = l.ImportPreview(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Plan[0].Action != Update || p.Plan[1].Action != Keep || p.Plan[2].Action != Add {
		t.Fatalf("actions %v %v %v", p.Plan[0].Action, p.Plan[1].Action, p.Plan[2].Action)
	}
	if got, want := p.Plan[0].Describe(), "第12号提案：承办方式 主办 → 协办；办理状态 未办理 → 办理中"; got != want {
		t.Errorf("update: %q, want %q", got, want)
	}
	if p.Plan[1].Describe() != "" || p.Plan[2].Describe() != "" {
		t.Errorf("keep and add describe %q, %q", p.Plan[1].Describe(), p.Plan[2].Describe())
	}
	var msgs []string
	for _, pr := range p.Problems {
		if pr.Severity != reply.Warning {
			t.Errorf("not a warning: %v", pr)
		}
		msgs = append(msgs, pr.Message)
	}
	want := []string{"第5行“交办日期”列：2023年9月6日晚于今天（2023年9月5日），请核对年份", "第5行“提案人”列为空：答复函无法称呼提出人，请补填"}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}
