package recognize

import (
	"reflect"
	"strings"
	"testing"

	"replydesk/internal/reply"
)

// letterParas is a letter as package render/docx writes it: blank
// paragraphs where the layout leaves lines, the title centred.
func letterParas(title string, seal bool, tail ...Para) []Para {
	ps := []Para{
		{Text: "类别：A类"}, {}, {Text: title, Align: "center"}, {},
		{Text: "张红代表："},
		{Text: "您在区人大十八届一次会议上提出的《关于增设社区便民服务点的建议》（第9号）收悉，现答复如下："},
		{Text: "经调查研究，我局已增设便民服务点2处。"},
		{},
	}
	if seal {
		ps = append(ps, Para{})
	}
	ps = append(ps, Para{Text: "某区商务局", Align: "right"}, Para{Text: "2024年6月28日", Align: "right"})
	return append(ps, tail...)
}

func TestParagraphsTitle(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"关于区十八届人大一次会议\n第9号建议的答复", "关于区十八届人大一次会议\n第9号建议的答复"},
		{"关于某自治州人民代表大会第十六届第三次会议第1024号建议“进一步加强农村饮用水安全保障和水源地保护工作”的答复",
			"关于某自治州人民代表大会第十六届第三次会议第1024号建议“进一步加强农村饮用水安全保障和水源地保护工作”的答复"},
	} {
		r := Paragraphs(letterParas(c.title, true), Options{}).Reply
		if r.Title != c.want {
			t.Errorf("Paragraphs title %q = %q", c.title, r.Title)
		}
	}
}

func TestSeal(t *testing.T) {
	for _, seal := range []bool{true, false} {
		r := Paragraphs(letterParas("关于区十八届人大一次会议第9号建议的答复", seal), Options{}).Reply
		if r.Seal != seal || r.Issuer != "某区商务局" {
			t.Errorf("Paragraphs(seal %v): Seal = %v, Issuer %q", seal, r.Seal, r.Issuer)
		}
	}
	// Blank lines between all paragraphs say nothing of the seal.
	text := "张红代表：\n\n您提出的建议收悉，现答复如下：\n\n正文。\n\n某区商务局\n2024年6月28日"
	if r := Letter(text, Options{}).Reply; !r.Seal {
		t.Errorf("Letter(%q).Seal = false, want true", text)
	}
}

func TestDisclosureNote(t *testing.T) {
	notes := map[string]string{"主动公开": "此件公开发布", "不予公开": "此件不予公开"}
	ps := letterParas("关于区十八届人大一次会议第9号建议的答复", true, Para{Text: "（此件不予公开）"}, Para{Text: "（本答复已征求代表意见）"})
	res := Paragraphs(ps, Options{DisclosureNotes: notes})
	if r := res.Reply; r.Disclosure != "不予公开" || !reflect.DeepEqual(r.Notes, []string{"本答复已征求代表意见"}) {
		t.Errorf("Disclosure = %q, Notes = %q", r.Disclosure, r.Notes)
	}
	// Without the style's wording, "此件…" is the disclosure as printed.
	if r := Paragraphs(ps, Options{}).Reply; r.Disclosure != "不予公开" || len(r.Notes) != 1 {
		t.Errorf("without the wording: Disclosure = %q, Notes = %q", r.Disclosure, r.Notes)
	}
}

func TestAttachmentPages(t *testing.T) {
	ps := letterParas("关于区十八届人大一次会议第9号建议的答复", true,
		Para{Text: "附件1"}, Para{}, Para{Text: "若干措施", Align: "center"}, Para{},
		Para{Text: "一、给予激励。"}, Para{Text: "二、给予补助。"},
		Para{Text: "附件2"}, Para{}, Para{Text: "企业名单", Align: "center"}, Para{},
		Para{Table: [][]string{{"序号", "企业名称"}, {"1", "某公司"}, {"2", "某集团"}}},
		Para{Text: "抄送：市政府督查室。"})
	ps = append(ps[:7:7], append([]Para{{}, {Text: "附件：1.若干措施"}, {Text: "2.企业名单"}}, ps[7:]...)...)
	r := Paragraphs(ps, Options{}).Reply
	want := []reply.Attachment{
		{Title: "若干措施", Body: "一、给予激励。\n二、给予补助。"},
		{Title: "企业名单", Table: &reply.Table{Header: []string{"序号", "企业名称"}, Rows: [][]string{{"1", "某公司"}, {"2", "某集团"}}}},
	}
	if !reflect.DeepEqual(r.Attachments, want) {
		t.Errorf("Attachments = %+v\nwant %+v", r.Attachments, want)
	}
	if !reflect.DeepEqual(r.CC, []string{"市政府督查室"}) {
		t.Errorf("CC = %q", r.CC)
	}
	// The same as plain text, a table's cells separated by tabs.
	var lines []string
	for _, p := range ps {
		if p.Table != nil {
			for _, row := range p.Table {
				lines = append(lines, strings.Join(row, "\t"))
			}
			continue
		}
		lines = append(lines, p.Text)
	}
	if got := Letter(strings.Join(lines, "\n"), Options{}).Reply; !reflect.DeepEqual(got.Attachments, want) {
		t.Errorf("Letter: Attachments = %+v\nwant %+v", got.Attachments, want)
	}
}
