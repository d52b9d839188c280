package letter_test

import (
	"strings"
	"testing"

	"replydesk/internal/letter"
	"replydesk/internal/reply"
	"replydesk/internal/style"
	"replydesk/internal/tomlfile"
	"replydesk/templates"
)

// shipped returns the shipped style called name.
func shipped(t *testing.T, name string) *style.Style {
	t.Helper()
	sts, err := tomlfile.LoadStyles(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	if s := style.Select(sts, name, ""); s != nil && s.Name == name {
		return s
	}
	t.Fatalf("no shipped style %q", name)
	return nil
}

// full is a reply with every printable field filled.
func full(kind reply.Kind) *reply.Reply {
	return &reply.Reply{Kind: kind, Assembly: "市政协", Term: 14, Session: 2, Number: "244", Proposers: []string{"董妍"},
		ItemTitle: "关于推进产教融合的建议", LeadUnit: "市人社局", Body: "正文。", Issuer: "长春市教育局",
		Date: reply.Date{Year: 2023, Month: 6, Day: 20}, Seal: true, Category: "B", Disclosure: "同意公开",
		DocNumber: "长教函〔2023〕12号", Signer: "张三", Contact: reply.Contact{Name: "刘丽", Phone: "13578951242"}}
}

// TestUnprintedShipped: each shipped style warns of exactly the fields
// it does not print.
func TestUnprintedShipped(t *testing.T) {
	for _, c := range []struct {
		style      string
		kind       reply.Kind
		disclosure string
		want       []string // fields warned of, in order
	}{
		{"提案答复", reply.Proposal, "同意公开", []string{"signer"}},
		{"提案答复-信函格式", reply.Proposal, "同意公开", []string{"signer"}},
		{"建议答复", reply.Suggestion, "主动公开", nil},
		{"建议答复-套红信纸", reply.Suggestion, "主动公开", nil},
		{"协办意见函", reply.CoOpinion, "主动公开", []string{"signer", "category", "disclosure"}},
	} {
		t.Run(c.style, func(t *testing.T) {
			r := full(c.kind)
			r.Disclosure = c.disclosure
			var got []string
			for _, p := range letter.Unprinted(r, shipped(t, c.style)) {
				got = append(got, p.Field)
				if p.Severity != reply.Warning || !strings.Contains(p.Message, "不会印在答复函上") ||
					!strings.Contains(p.Message, "样式“"+c.style+"”") || !strings.Contains(p.Message, "清空") {
					t.Errorf("problem %+v: want a warning naming the style and what to do", p)
				}
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("Unprinted in %s = %v, want %v", c.style, got, c.want)
			}
		})
	}
}

// TestUnprintedFollowsStyle: the warnings follow what the style sets,
// with no list of styles kept anywhere else.
func TestUnprintedFollowsStyle(t *testing.T) {
	base := shipped(t, "提案答复")
	for _, c := range []struct {
		name string
		edit func(s *style.Style)
		want []string
	}{
		{"as shipped", func(s *style.Style) {}, []string{"signer"}},
		{"signer line", func(s *style.Style) { s.SignerLine = true }, nil},
		{"signer in the contact line", func(s *style.Style) { s.ContactFormat += "，签发人：{signer}" }, nil},
		{"signer in the title formula", func(s *style.Style) { s.TitleFormula += "（{signer}签发）" }, nil},
		{"contact without phone", func(s *style.Style) { s.ContactFormat = "联系人：{contact_name}" }, []string{"signer", "contact.phone"}},
		{"no contact", func(s *style.Style) { s.ContactFormat, s.ContactPlace = "", style.None },
			[]string{"signer", "contact.name", "contact.phone"}},
		{"no marks", func(s *style.Style) { s.CategoryMark, s.DisclosureMark = style.Mark{}, style.Mark{} },
			[]string{"signer", "category", "disclosure"}},
		{"category at the end", func(s *style.Style) { s.CategoryMark.Place = style.End }, []string{"signer"}},
		{"disclosure as a note only", func(s *style.Style) {
			s.DisclosureMark = style.Mark{}
			s.DisclosureNotes = map[string]string{"同意公开": "此件公开发布"}
		}, []string{"signer"}},
		{"disclosure without its note", func(s *style.Style) {
			s.DisclosureMark = style.Mark{}
			s.DisclosureNotes = map[string]string{"依申请公开": "此件依申请公开"}
		}, []string{"signer", "disclosure"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := *base
			c.edit(&st)
			var got []string
			for _, p := range letter.Unprinted(full(reply.Proposal), &st) {
				got = append(got, p.Field)
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("Unprinted = %v, want %v", got, c.want)
			}
		})
	}
}

func TestUnprintedEmptyAndCheck(t *testing.T) {
	st := shipped(t, "提案答复")
	r := full(reply.Proposal)
	r.Signer = "  "
	if ps := letter.Unprinted(r, st); len(ps) != 0 {
		t.Errorf("a blank signer is warned of: %v", ps)
	}
	r.Signer = "张三"
	ps := letter.Check(r, st)
	var msg string
	for _, p := range ps {
		if p.Field == "signer" {
			msg = p.Message
		}
	}
	if want := "签发人“张三”不会印在答复函上：样式“提案答复”不印签发人"; !strings.HasPrefix(msg, want) {
		t.Errorf("Check's signer problem = %q, want it to start %q (all: %v)", msg, want, ps)
	}
	for i := 1; i < len(ps); i++ {
		if ps[i].Severity < ps[i-1].Severity {
			t.Fatalf("Check not worst first: %v", ps)
		}
	}
}
