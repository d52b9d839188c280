package sheet

import (
	"strings"
	"testing"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// TestDoubtfulValues warns, by row and column, about values that are
// legal but doubtful, judged on a fixed today.
func TestDoubtfulValues(t *testing.T) {
	const zx = "市政协十四届二次会议"
	im := read(t, book(t, [][]any{
		{"类型", "届次会议", "编号", "案由", "提出人", "交办日期"},
		{"提案", zx, "244", "甲", "董妍", "2023-06-01"},
		{"提案", zx, "A-12", "乙", "李明", "2023-06-01"},
		{"提案", zx, "246", "丙", "赵四", "2023-09-06"},
		{"提案", zx, "247", "丁", "王五", "2021-09-04"},
		{"建议", zx, "248", "戊", "钱六", "2023-06-01"},
		{"提案", "区人大十八届二次会议", "249", "己", "孙七", "2023-06-01"},
		{"提案", zx, "250", "庚", "", "2023-06-01"},
		{"提案", zx, "251", "辛", "周八", ""},
		{"提案", zx, "252", "壬", "吴九", "2021-09-05"},
	}, nil), ImportOptions{Today: reply.Date{Year: 2023, Month: 9, Day: 5}})
	want := []Problem{
		{3, "编号", ledger.FNumber, reply.Warning, "第3行“编号”列：“A-12”不是纯数字编号，请核对是否与交办清单上的编号一致"},
		{4, "交办日期", ledger.FAssigned, reply.Warning, "第4行“交办日期”列：2023年9月6日晚于今天（2023年9月5日），请核对年份"},
		{5, "交办日期", ledger.FAssigned, reply.Warning, "第5行“交办日期”列：2021年9月4日已是两年多以前，请核对年份"},
		{6, "类型", ledger.FKind, reply.Warning, "第6行“类型”列：政协收到的是提案，这一行却是建议（市政协十四届二次会议）：请核对类型和届次会议"},
		{7, "类型", ledger.FKind, reply.Warning, "第7行“类型”列：人大收到的是建议，这一行却是提案（区人大十八届二次会议）：请核对类型和届次会议"},
		{8, "提出人", ledger.FProposers, reply.Warning, "第8行“提出人”列为空：答复函无法称呼提出人，请补填"},
		{9, "交办日期", ledger.FAssigned, reply.Warning, "第9行“交办日期”列为空：无法计算办理期限，该件不会提示超期，请补填"},
	}
	if len(im.Problems) != len(want) {
		t.Errorf("%d problems, want %d:\n%s", len(im.Problems), len(want), strings.Join(messages(im), "\n"))
	}
	for i, w := range want {
		if i < len(im.Problems) && im.Problems[i] != w {
			t.Errorf("problem %d:\n got %+v\nwant %+v", i, im.Problems[i], w)
		}
	}
	if im.Errors() != 0 || len(im.Items()) != 9 {
		t.Errorf("%d errors, %d items", im.Errors(), len(im.Items()))
	}
	if want := "表中没有“办理期限”列：办理期限按交办日期后3个月计算"; im.DeadlineRule != want {
		t.Errorf("rule %q, want %q", im.DeadlineRule, want)
	}
}

// TestKindFromMeetingColumn puts the warning about a kind that does not
// fit the meeting on the 届次会议 column when the kind comes from the
// title.
func TestKindFromMeetingColumn(t *testing.T) {
	im := read(t, book(t, [][]any{
		{"市政协十四届二次会议提案交办清单"},
		{"届次会议", "编号", "案由", "提出人", "交办日期"},
		{"区人大十八届二次会议", "1", "甲", "董妍", "2023-06-01"},
	}, nil), ImportOptions{Defaults: ledger.Item{Kind: reply.Proposal}, Today: reply.Date{Year: 2023, Month: 9, Day: 5}})
	if len(im.Problems) != 1 || im.Problems[0].Field != ledger.FMeeting || im.Problems[0].Row != 3 ||
		!strings.HasPrefix(im.Problems[0].Message, "第3行“届次会议”列：人大收到的是建议") {
		t.Errorf("problems %q", messages(im))
	}
}

// TestDeadlineRule states the rule applied to the rows without a
// deadline, naming the months of each kind of reply when they differ,
// and nothing when every row has its deadline.
func TestDeadlineRule(t *testing.T) {
	byMode := func(it *ledger.Item) int {
		if it.Mode.CoHandling() {
			return 1
		}
		return 3
	}
	for _, c := range []struct {
		name string
		rows [][]any
		want string
	}{
		{"by kind", [][]any{{"编号", "案由", "承办方式", "交办日期"}, {"1", "甲", "主办", "2023-06-01"}, {"2", "乙", "协办", "2023-06-01"}},
			"表中没有“办理期限”列：办理期限按交办日期后计算：协办意见1个月，提案3个月"},
		{"some empty", [][]any{{"编号", "案由", "交办日期", "办理期限"}, {"1", "甲", "2023-06-01", "2023-08-01"}, {"2", "乙", "2023-06-01", ""}},
			"“办理期限”为空的，办理期限按交办日期后3个月计算"},
		{"none empty", [][]any{{"编号", "案由", "交办日期", "办理期限"}, {"1", "甲", "2023-06-01", "2023-08-01"}}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			im := read(t, book(t, c.rows, nil), ImportOptions{DeadlineMonths: byMode, Today: reply.Date{Year: 2023, Month: 9, Day: 5},
				Defaults: ledger.Item{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2}})
			if im.DeadlineRule != c.want {
				t.Errorf("rule %q, want %q", im.DeadlineRule, c.want)
			}
			if c.name == "by kind" && (im.Items()[1].Deadline != reply.Date{Year: 2023, Month: 7, Day: 1}) {
				t.Errorf("co-handled item's deadline %v", im.Items()[1].Deadline)
			}
		})
	}
}
