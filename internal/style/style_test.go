package style

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"replydesk/internal/reply"
)

// proposalStyle is the seed's house style, as templates/提案答复.toml has it.
func proposalStyle() *Style {
	return &Style{
		Name: "提案答复", Kind: reply.Proposal, Format: Plain,
		Categories: []Choice{{"A", "已解决或基本解决"}, {"B", "正在解决或列入计划逐步解决"},
			{"C", "因条件限制需以后解决"}, {"D", "留作参考"}},
		Disclosures:       []Choice{{"同意公开", ""}, {"不同意公开", ""}, {"依申请公开", ""}, {"部分公开", ""}},
		CategoryMark:      Mark{Format: "【{category}】", Place: TopLeft, Font: "hei"},
		DisclosureMark:    Mark{Format: "【{disclosure}】", Place: TopLeft, Font: "hei"},
		TitleFormula:      "对{assembly}第{term_cn}届第{session_cn}次会议第{number}号提案的答复",
		SalutationFormula: "{proposers}委员：",
		OpeningFormula:    "您在{assembly}{term_cn}届{session_cn}次会议上提出的《{item_title}》的提案（第{number}号）收悉，现答复如下：",
		ClosingDefault:    "感谢您对我们工作的关心和支持。",
		ContactFormat:     "联系人姓名及电话：{contact_name} {contact_phone}",
		ContactPlace:      Line,
		DefaultCC:         []string{"市政协提案委员会", "市政府督查室"},
	}
}

// seedReply is the seed reply with its derived fields left empty.
func seedReply() *reply.Reply {
	return &reply.Reply{
		Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244",
		Proposers: []string{"董妍"}, ItemTitle: "关于进一步推进职业教育产教融合、校企合作的建议",
		Category: "B", Disclosure: "同意公开", Body: "近年来，党和国家高度重视职业教育。",
		Issuer: "长春市教育局", Date: reply.Date{Year: 2023, Month: 6, Day: 20}, Seal: true,
		Contact: reply.Contact{Name: "刘丽", Phone: "13578951242"},
	}
}

func TestResolve(t *testing.T) {
	s, r := proposalStyle(), seedReply()
	got := s.Resolve(r)
	for _, c := range []struct{ name, got, want string }{
		{"title", got.Title, "对市政协第十四届第二次会议第244号提案的答复"},
		{"salutation", got.Salutation, "董妍委员："},
		{"opening", got.Opening, "您在市政协十四届二次会议上提出的《关于进一步推进职业教育产教融合、校企合作的建议》的提案（第244号）收悉，现答复如下："},
		{"closing stays empty", got.Closing, ""},
	} {
		if c.got != c.want {
			t.Errorf("Resolve %s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if r.Title != "" || r.Salutation != "" {
		t.Errorf("Resolve changed its argument: %+v", r)
	}
	r.Title = "对市政协第十四届第二次会议\n第244号提案的答复"
	if got := s.Resolve(r); got.Title != r.Title {
		t.Errorf("Resolve overrode an explicit title: %q", got.Title)
	}
	r.CC = []string{"甲"}
	got = s.Resolve(r)
	got.CC[0] = "乙"
	if r.CC[0] != "甲" {
		t.Error("Resolve's copy shares CC with the original")
	}
}

// A new reply's derived texts mark the fields still missing.
func TestResolveMarksMissingFields(t *testing.T) {
	s := proposalStyle()
	got := s.Resolve(&reply.Reply{Kind: reply.Proposal, Assembly: "市政协", Number: "244"})
	for _, c := range []struct{ name, got, want string }{
		{"title", got.Title, "对市政协第××届第××次会议第244号提案的答复"},
		{"salutation", got.Salutation, "××委员："},
		{"opening", got.Opening, "您在市政协××届××次会议上提出的《××》的提案（第244号）收悉，现答复如下："},
	} {
		if c.got != c.want {
			t.Errorf("Resolve %s = %q, want %q", c.name, c.got, c.want)
		}
	}
	// The marks and the contact line print only what is there.
	if got := reply.Expand("【{category}】", &reply.Reply{}); got != "【】" {
		t.Errorf("Expand of an empty field = %q", got)
	}
}

func TestVocab(t *testing.T) {
	st := proposalStyle()
	st.AreaCode = "0431"
	v := st.Vocab()
	want := reply.Vocab{
		Categories:       []string{"A", "B", "C", "D"},
		Disclosures:      []string{"同意公开", "不同意公开", "依申请公开", "部分公开"},
		CategoryRequired: true, DisclosureRequired: true, ContactRequired: true, AreaCode: "0431",
	}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("Vocab() = %+v, want %+v", v, want)
	}
	co := &Style{Kind: reply.CoOpinion, DisclosureNotes: map[string]string{"主动公开": "此件公开发布"}}
	if v := co.Vocab(); v.CategoryRequired || !v.DisclosureRequired || v.ContactRequired {
		t.Errorf("Vocab() of a style without marks = %+v", v)
	}
}

func TestNewReply(t *testing.T) {
	s := proposalStyle()
	r := s.NewReply()
	if r.Style != "提案答复" || r.Kind != reply.Proposal || r.Closing != s.ClosingDefault || !r.Seal ||
		!reflect.DeepEqual(r.CC, s.DefaultCC) || r.Category != "" || r.Disclosure != "" {
		t.Errorf("NewReply() = %+v", r)
	}
	r.CC[0] = "x"
	if s.DefaultCC[0] != "市政协提案委员会" {
		t.Error("NewReply shares DefaultCC with the style")
	}
}

func TestCheck(t *testing.T) {
	s := proposalStyle()
	for _, c := range []struct {
		name  string
		edit  func(r *reply.Reply, s *Style)
		field string
		sev   reply.Severity
		msg   string
	}{
		{"kind", func(r *reply.Reply, s *Style) { r.Kind = reply.Suggestion }, "kind", reply.Error, "与样式“提案答复”不符"},
		{"contact", func(r *reply.Reply, s *Style) { r.Contact = reply.Contact{} }, "contact.phone", reply.Error, "联系电话未填写"},
		{"category", func(r *reply.Reply, s *Style) { r.Category = "E" }, "category", reply.Error, "A、B、C、D"},
		{"signer", func(r *reply.Reply, s *Style) { s.SignerLine = true }, "signer", reply.Warning, "签发人未填写"},
		{"letter header", func(r *reply.Reply, s *Style) { s.Format, r.Issuer = Letter, "" }, "issuer", reply.Error, "发文机关标志"},
		{"derived number", func(r *reply.Reply, s *Style) { r.Opening = "您的提案（第24号）收悉。" }, "opening", reply.Error, "不一致"},
	} {
		t.Run(c.name, func(t *testing.T) {
			st, r := proposalStyle(), seedReply()
			c.edit(r, st)
			for _, p := range st.Check(r) {
				if p.Field == c.field && p.Severity == c.sev && strings.Contains(p.Message, c.msg) {
					return
				}
			}
			t.Errorf("Check() = %v, want a %v on %s with %q", st.Check(r), c.sev, c.field, c.msg)
		})
	}
	if ps := s.Check(seedReply()); len(ps) != 0 {
		t.Errorf("Check(seed) = %v, want none", ps)
	}
}

func TestIssues(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(s *Style)
		key  string
		msg  string
	}{
		{"placeholder", func(s *Style) { s.TitleFormula = "第{numbr}号" }, "text.title", "未知的占位符{numbr}"},
		{"brace", func(s *Style) { s.OpeningFormula = "第{number号" }, "text.opening", "没有配对"},
		{"format", func(s *Style) { s.Format = "a4" }, "page.format", "不是“a4”"},
		{"letterhead space", func(s *Style) { s.Format = Letterhead }, "page.header_space", "1到150毫米"},
		{"space without letterhead", func(s *Style) { s.HeaderSpace = 80 }, "page.header_space", "只用于 letterhead"},
		{"place", func(s *Style) { s.CategoryMark.Place = "middle" }, "category.place", "不是“middle”"},
		{"font", func(s *Style) { s.DisclosureMark.Font = "song" }, "disclosure.font", "不是“song”"},
		{"no place", func(s *Style) { s.CategoryMark.Place = None }, "category.place", "还应设 place"},
		{"no placeholder", func(s *Style) { s.CategoryMark.Format = "【类别】" }, "category.format", "{category}"},
		{"empty vocab", func(s *Style) { s.Categories = nil }, "category.choices", "选项为空"},
		{"duplicate code", func(s *Style) { s.Categories = append(s.Categories, Choice{"A", ""}) }, "category.choices", "“A”重复"},
		{"note key", func(s *Style) { s.DisclosureNotes = map[string]string{"公开": "此件公开发布"} }, "disclosure.notes.公开", "不在"},
		{"note parens", func(s *Style) { s.DisclosureNotes = map[string]string{"同意公开": "（此件公开发布）"} }, "disclosure.notes.同意公开", "不必加括号"},
		{"contact place", func(s *Style) { s.ContactPlace = "top" }, "contact.place", "不是“top”"},
		{"contact format", func(s *Style) { s.ContactFormat = "" }, "contact.format", "还应设 format"},
		{"area code", func(s *Style) { s.AreaCode = "431" }, "contact.area_code", "不是“431”"},
		{"cc", func(s *Style) { s.DefaultCC = []string{"市政府督查室。"} }, "cc", "末尾不加标点"},
		{"kind", func(s *Style) { s.Kind = "答复" }, "kind", "不是“答复”"},
		{"deadline", func(s *Style) { s.DeadlineMonths = 24 }, "deadline_months", "0到12"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := proposalStyle()
			c.edit(s)
			is := s.Issues()
			if len(is) != 1 || is[0].Key != c.key || !strings.Contains(is[0].Message, c.msg) {
				t.Errorf("Issues() = %+v, want one on %s with %q", is, c.key, c.msg)
			}
			if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "提案答复.toml："+c.key) {
				t.Errorf("Validate() = %v, want it to name the file and %s", err, c.key)
			}
		})
	}
	if err := proposalStyle().Validate(); err != nil {
		t.Errorf("Validate(seed style) = %v", err)
	}
}

func TestSelect(t *testing.T) {
	a, b := proposalStyle(), proposalStyle()
	b.Name = "提案答复（信函格式）"
	c := &Style{Name: "建议答复", Kind: reply.Suggestion}
	styles := []*Style{c, a, b}
	for _, tc := range []struct {
		name string
		kind reply.Kind
		want *Style
	}{
		{"提案答复（信函格式）", reply.Proposal, b}, {"", reply.Proposal, a}, {"", reply.Suggestion, c},
		{"不存在", reply.Suggestion, c}, {"", reply.CoOpinion, nil},
	} {
		if got := Select(styles, tc.name, tc.kind); got != tc.want {
			t.Errorf("Select(%q, %s) = %v, want %v", tc.name, tc.kind, got, tc.want)
		}
	}
	if Label(a.Categories, "B") != "正在解决或列入计划逐步解决" || Label(a.Categories, "Z") != "" {
		t.Error("Label finds the wrong meaning")
	}
}

func ExampleStyle_Resolve() {
	s := &Style{Name: "建议答复", Kind: reply.Suggestion,
		TitleFormula:      "关于{assembly}{term_cn}届{session_cn}次会议第{number}号建议的答复",
		SalutationFormula: "{proposers}{address}："}
	r := &reply.Reply{Kind: reply.Suggestion, Assembly: "市人大", Term: 16, Session: 2, Number: "129",
		Proposers: []string{"王远健"}, ProposerCount: 7}
	out := s.Resolve(r)
	fmt.Println(out.Title)
	fmt.Println(out.Salutation)
	// Output:
	// 关于市人大十六届二次会议第129号建议的答复
	// 王远健等7位代表：
}

func BenchmarkCheck(b *testing.B) {
	s, r := proposalStyle(), seedReply()
	b.ReportAllocs()
	for b.Loop() {
		s.Check(r)
	}
}
