package ledger

import (
	"slices"
	"strings"
	"testing"

	"replydesk/internal/reply"
)

func date(y, m, d int) reply.Date { return reply.Date{Year: y, Month: m, Day: d} }

func TestAddMonths(t *testing.T) {
	for _, c := range []struct {
		in   reply.Date
		n    int
		want reply.Date
	}{
		{date(2023, 6, 1), 3, date(2023, 9, 1)},
		{date(2023, 11, 30), 3, date(2024, 2, 29)},
		{date(2023, 11, 30), 15, date(2025, 2, 28)},
		{date(2023, 10, 31), 1, date(2023, 11, 30)},
		{date(2023, 12, 15), 1, date(2024, 1, 15)},
		{date(2023, 3, 31), -1, date(2023, 2, 28)},
		{date(2023, 1, 10), -2, date(2022, 11, 10)},
		{reply.Date{}, 3, reply.Date{}},
	} {
		t.Run(c.in.ISO(), func(t *testing.T) {
			if got := AddMonths(c.in, c.n); got != c.want {
				t.Errorf("AddMonths(%v, %d) = %v, want %v", c.in, c.n, got, c.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in, want, err string
	}{
		{"2023年6月1日", "2023-06-01", ""},
		{"2023-06-01", "2023-06-01", ""},
		{"2023.6.1", "2023-06-01", ""},
		{"2023/6/1", "2023-06-01", ""},
		{" ２０２３年６月１日 ", "2023-06-01", ""},
		{"2023 年 6 月 1 日", "2023-06-01", ""},
		{"20230601", "2023-06-01", ""},
		{"2023-06-01 00:00:00", "2023-06-01", ""},
		{"2023年6月1号", "2023-06-01", ""},
		{"", "", ""},
		{"2023年13月1日", "", "“2023年13月1日”不是有效日期"},
		{"2023-02-29", "", "“2023-02-29”不是有效日期"},
		{"6月1日", "", "“6月1日”不是日期，应写作 2023年6月1日 或 2023-06-01"},
		{"明天", "", "“明天”不是日期"},
	} {
		t.Run(c.in, func(t *testing.T) {
			d, err := ParseDate(c.in)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("ParseDate(%q) error = %v, want %q", c.in, err, c.err)
				}
				return
			}
			if err != nil || d.ISO() != c.want {
				t.Fatalf("ParseDate(%q) = %v, %v; want %s", c.in, d.ISO(), err, c.want)
			}
		})
	}
}

func TestParseMeeting(t *testing.T) {
	for _, c := range []struct {
		in            string
		assembly      string
		term, session int
		ok            bool
	}{
		{"市政协十四届二次会议", "市政协", 14, 2, true},
		{"市政协第十四届第二次会议", "市政协", 14, 2, true},
		{"政协第十四届委员会第二次会议", "政协", 14, 2, true},
		{"区十八届人大二次会议", "区人大", 18, 2, true},
		{"市第十六届人民代表大会第三次会议", "市人大", 16, 3, true},
		{"十四届二次", "", 14, 2, true},
		{"14届2次会议", "", 14, 2, true},
		{"十四届", "", 0, 0, false},
		{"二〇二三年", "", 0, 0, false},
	} {
		t.Run(c.in, func(t *testing.T) {
			a, term, session, ok := ParseMeeting(c.in)
			if a != c.assembly || term != c.term || session != c.session || ok != c.ok {
				t.Errorf("ParseMeeting(%q) = %q %d %d %v, want %q %d %d %v", c.in, a, term, session, ok,
					c.assembly, c.term, c.session, c.ok)
			}
		})
	}
	if got := Meeting("市政协", 14, 2); got != "市政协十四届二次会议" {
		t.Errorf("Meeting = %q", got)
	}
}

func TestParseProposers(t *testing.T) {
	for _, c := range []struct {
		in    string
		names []string
		count int
	}{
		{"董妍", []string{"董妍"}, 0},
		{"董妍、王远健", []string{"董妍", "王远健"}, 0},
		{"董妍，王远健;李明", []string{"董妍", "王远健", "李明"}, 0},
		{"王远健等7人", []string{"王远健"}, 7},
		{"王远健等七位代表", []string{"王远健"}, 7},
		{"王远健、李明等１２名委员", []string{"王远健", "李明"}, 12},
		{"王远健等1人", []string{"王远健"}, 0},
		{"", nil, 0},
	} {
		t.Run(c.in, func(t *testing.T) {
			names, count := ParseProposers(c.in)
			if !slices.Equal(names, c.names) || count != c.count {
				t.Errorf("ParseProposers(%q) = %q, %d; want %q, %d", c.in, names, count, c.names, c.count)
			}
			if c.count > 0 {
				back, n := ParseProposers(ProposersText(names, count))
				if !slices.Equal(back, names) || n != count {
					t.Errorf("ProposersText does not read back: %q %d", back, n)
				}
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ fn, in, want string }{
		{"number", "第０２４４号", "244"},
		{"number", " 244 ", "244"},
		{"number", "000", "0"},
		{"number", "A-12", "A-12"},
		{"category", "B类", "B"},
		{"category", "（b）", "B"},
		{"category", "【A】", "A"},
		{"category", "甲类", "甲"},
		{"category", "留作参考", "留作参考"},
	} {
		t.Run(c.fn+"/"+c.in, func(t *testing.T) {
			got := NormalizeNumber(c.in)
			if c.fn == "category" {
				got = NormalizeCategory(c.in)
			}
			if got != c.want {
				t.Errorf("%s(%q) = %q, want %q", c.fn, c.in, got, c.want)
			}
		})
	}
}

func TestChoices(t *testing.T) {
	for _, c := range []struct {
		field FieldKey
		in    string
		want  string
		err   string
	}{
		{FStatus, "已办结", "已答复", ""},
		{FStatus, "正在办理", "办理中", ""},
		{FStatus, "搁置", "", "“搁置”不是有效的办理状态，应为“未办理”、“办理中”、“已答复”、“已反馈”之一"},
		{FSatisfaction, "比较满意", "基本满意", ""},
		{FSatisfaction, "很好", "", "“很好”不是有效的满意度"},
		{FMode, "会办", "会办", ""},
		{FMode, "牵头", "主办", ""},
		{FKind, "代表建议", "建议", ""},
		{FKind, "议案", "", "“议案”不是有效的类型，应为“提案”或“建议”"},
		{FMet, "√", "是", ""},
		{FMet, "未见面", "否", ""},
		{FMet, "电话", "", "“电话”应填写“是”或“否”"},
		{FMet, "否", "否", ""},
		{FMet, "", "", ""}, // not recorded: no made-up 否
		{FMet, "未填", "", ""},
		{FMode, "未填", "", ""},
	} {
		t.Run(string(c.field)+"/"+c.in, func(t *testing.T) {
			f, _ := FieldOf(c.field)
			var it Item
			err := f.Set(&it, c.in)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("Set(%q) error = %v, want %q", c.in, err, c.err)
				}
				return
			}
			if err != nil || f.Get(&it) != c.want {
				t.Fatalf("Set(%q) → %q, %v; want %q", c.in, f.Get(&it), err, c.want)
			}
		})
	}
}

// TestMetRecorded tells 否 from nothing recorded for 是否见面沟通, and
// keeps 是 recorded for items stored before the difference was kept.
func TestMetRecorded(t *testing.T) {
	f, _ := FieldOf(FMet)
	var no, none Item
	f.Set(&no, "否")
	f.Set(&none, "")
	if !no.MetKnown() || none.MetKnown() || Equal(&no, &none) {
		t.Errorf("否: %+v known %v; nothing: %+v known %v; equal %v", no, no.MetKnown(), none, none.MetKnown(), Equal(&no, &none))
	}
	old := Item{Met: true} // stored before MetRecorded
	if !old.MetKnown() || f.Get(&old) != "是" {
		t.Errorf("an old item that says 是: known %v, shows %q", old.MetKnown(), f.Get(&old))
	}
	dst := Item{Met: true, MetRecorded: true}
	if !Merge(&dst, &no, []FieldKey{FMet}) || dst.Met || !dst.MetKnown() {
		t.Errorf("merging 否: %+v", dst)
	}
}

// full returns an item with every field set.
func full() Item {
	return Item{
		Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244",
		Title:     "关于进一步推进职业教育产教融合、校企合作的建议",
		Proposers: []string{"董妍"}, CoSigners: []string{"王远健", "李明"}, ProposerCount: 7,
		Delegation: "教育界", LeadUnit: "长春市教育局", CoUnits: []string{"市财政局", "市人社局"},
		Mode: Lead, Assigned: date(2023, 6, 1), Deadline: date(2023, 9, 1), Status: Answered,
		Category: "B", Disclosure: "同意公开", Met: true, Satisfaction: Basic,
		Contact: "刘丽", Phone: "13578951242", Replied: date(2023, 6, 20),
		DocNumber: "长教函〔2023〕12号", Signer: "张三", Notes: "=需复核\n第二行",
	}
}

// TestFieldsRoundTrip writes every field of a full item as text and reads
// it back into an empty item: the text forms lose nothing.
func TestFieldsRoundTrip(t *testing.T) {
	src := full()
	var back Item
	for _, f := range Fields {
		t.Run(f.Label, func(t *testing.T) {
			if err := f.Set(&back, f.Get(&src)); err != nil {
				t.Fatalf("Set(%q): %v", f.Get(&src), err)
			}
		})
	}
	if !Equal(&src, &back) {
		t.Errorf("round trip changed the item:\n got %+v\nwant %+v", back, src)
	}
}
