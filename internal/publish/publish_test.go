package publish

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"replydesk/internal/letter"
	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// proposalStyle is a style like the shipped 提案答复, with 签发人 and the
// contact on three lines.
func proposalStyle() *style.Style {
	return &style.Style{
		Name: "提案答复", Kind: reply.Proposal, Format: style.Plain, SignerLine: true,
		Categories:        []style.Choice{{Code: "A"}, {Code: "B"}},
		Disclosures:       []style.Choice{{Code: "同意公开"}, {Code: "不同意公开"}, {Code: "依申请公开"}, {Code: "部分公开"}},
		CategoryMark:      style.Mark{Format: "【{category}】", Place: style.TopLeft},
		DisclosureMark:    style.Mark{Format: "【{disclosure}】", Place: style.TopLeft},
		DisclosureNotes:   map[string]string{"同意公开": "此件公开发布"},
		TitleFormula:      "对{assembly}第{term_cn}届第{session_cn}次会议第{number}号提案的答复",
		SalutationFormula: "{proposers}委员：",
		OpeningFormula:    "您提出的《{item_title}》的提案（第{number}号）收悉，现答复如下：",
		ContactFormat:     "联系单位：{contact_unit}\n联系人：{contact_name}\n联系电话：{contact_phone}",
		ContactPlace:      style.Line,
		ResponsibleFormat: style.DefaultResponsibleFormat,
	}
}

func sample() *reply.Reply {
	return &reply.Reply{
		Style: "提案答复", Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244",
		Proposers: []string{"董妍"}, ItemTitle: "关于推进产教融合的建议",
		Category: "B", Disclosure: "同意公开", Signer: "张三",
		Body:    "一、聚焦主导产业\n我局已与董妍委员当面沟通。\n如有疑问请致电刘丽，电话0431－88881234或135-7895-1242，热线12345。",
		Closing: "感谢您对教育工作的关心和支持。",
		Issuer:  "长春市教育局", Date: reply.Date{Year: 2023, Month: 6, Day: 20}, Seal: true,
		Contact:     reply.Contact{Unit: "市教育局职成处", Name: "刘丽", Phone: "0431-88881234"},
		Responsible: "张华",
		Notes:       []string{"此件经局长办公会审定", "联系人：刘丽，联系电话：88881234"},
		CC:          []string{"市政协提案委员会"},
		Attachments: []reply.Attachment{{Title: "联系人名单", Table: &reply.Table{Header: []string{"姓名", "电话"}, Rows: [][]string{{"刘丽", "13578951242"}}}}},
	}
}

// printed returns every text the letter of v prints, one per line.
func printed(v *Version) string {
	l := letter.New(v.Reply, v.Style)
	var b strings.Builder
	add := func(s ...string) {
		for _, x := range s {
			b.WriteString(x + "\n")
		}
	}
	for _, m := range append(append(append([]letter.Mark{}, l.TopLeft...), l.TopRight...), l.EndMarks...) {
		add(m.Text)
	}
	add(l.Number, l.Signer, l.Title, l.Salutation, l.Issuer, l.Date, l.CCText())
	for _, p := range l.Text {
		add(p.Head + p.Rest)
	}
	for _, it := range append(append([]letter.Item{}, l.List...), l.Notes...) {
		add(it.Text)
	}
	for _, a := range l.Attachments {
		add(a.Label, a.Title)
		for _, p := range a.Body {
			add(p.Head + p.Rest)
		}
		if a.Table != nil {
			add(a.Table.Header...)
			for _, r := range a.Table.Rows {
				add(r...)
			}
		}
	}
	return b.String()
}

func TestMakeRemovesPrivate(t *testing.T) {
	r, st := sample(), proposalStyle()
	before := r.Clone()
	v, err := Make(r, st)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*r, before) {
		t.Error("Make changed the reply")
	}
	if !st.SignerLine || !strings.Contains(st.ContactFormat, "contact_name") {
		t.Error("Make changed the style")
	}
	text := printed(v)
	for _, bad := range []string{"刘丽", "88881234", "8888", "13578951242", "1242", "张三", "签发人", "张华", "承办负责人"} {
		if strings.Contains(text, bad) {
			t.Errorf("the public version prints %q:\n%s", bad, text)
		}
	}
	for _, good := range []string{"联系单位：市教育局职成处", "【同意公开】", "（此件公开发布）", "董妍委员：", "热线12345", "此件经局长办公会审定",
		"对市政协第十四届第二次会议第244号提案的答复", "感谢您对教育工作的关心和支持。", "市政协提案委员会"} {
		if !strings.Contains(text, good) {
			t.Errorf("the public version lost %q:\n%s", good, text)
		}
	}
	if len(v.Removed) == 0 {
		t.Error("Removed says nothing was removed")
	}
}

func TestMakeFollowsStyle(t *testing.T) {
	st := proposalStyle()
	st.Public = style.Public{Signer: true, Responsible: true, HideMark: true, HideUnit: true, HideProposers: true}
	v, err := Make(sample(), st)
	if err != nil {
		t.Fatal(err)
	}
	text := printed(v)
	for _, bad := range []string{"董妍", "【同意公开】", "此件公开发布", "联系单位", "市教育局职成处", "刘丽"} {
		if strings.Contains(text, bad) {
			t.Errorf("the public version prints %q:\n%s", bad, text)
		}
	}
	for _, good := range []string{"张三", "承办负责人：张华", "×××委员：", "我局已与×××委员当面沟通"} {
		if !strings.Contains(text, good) {
			t.Errorf("the public version lost %q:\n%s", good, text)
		}
	}
}

func TestRefusal(t *testing.T) {
	for _, c := range []struct {
		disclosure string
		pub        style.Public
		refused    string // a part of the reason; "" = allowed
	}{
		{"同意公开", style.Public{}, ""},
		{"主动公开", style.Public{}, ""},
		{"不同意公开", style.Public{}, "不能公开"},
		{"不予公开", style.Public{}, "不能公开"},
		{"部分公开", style.Public{}, "部分公开"},
		{"依申请公开", style.Public{}, "on_request"},
		{"依申请公开", style.Public{OnRequest: true}, ""},
		{"", style.Public{}, "未注明公开属性"},
		{" ", style.Public{Unstated: true}, ""},
		{"同意公开", style.Public{Never: true}, "不单独公开"},
		{"部分公开", style.Public{Withheld: []string{"不同意公开"}}, ""},
		{"同意公开", style.Public{Withheld: []string{"同意公开"}}, "不能公开"},
	} {
		st := proposalStyle()
		st.Public = c.pub
		r := sample()
		r.Disclosure = c.disclosure
		v, err := Make(r, st)
		var re *RefusedError
		switch {
		case c.refused == "" && err != nil:
			t.Errorf("Make(%q, %+v) = %v, want the public version", c.disclosure, c.pub, err)
		case c.refused != "" && (!errors.As(err, &re) || !strings.Contains(err.Error(), c.refused) || v != nil):
			t.Errorf("Make(%q, %+v) = %v, want a refusal saying %q", c.disclosure, c.pub, err, c.refused)
		}
	}
}

func TestScrubNumbers(t *testing.T) {
	r := &reply.Reply{Contact: reply.Contact{Name: "王浪", Phone: "0431-66223882、13578951242"}}
	sc := newScrubber(r, false)
	for _, c := range []struct{ in, want string }{
		{"请拨打66223882。", "请拨打×××。"},
		{"请拨打０４３１－６６２２３８８２。", "请拨打×××。"},
		{"手机+86-135-7895-1242", "手机+×××"},
		{"另一手机18600001111可用", "另一手机×××可用"},
		{"2023年6月20日，投入4600万元，热线12345", "2023年6月20日，投入4600万元，热线12345"},
		{"联系人王浪", "联系人×××"},
		{"王浪潮", "×××潮"},
	} {
		if got, _ := sc.text(c.in); got != c.want {
			t.Errorf("text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzScrub(f *testing.F) {
	f.Add("请拨打０４３１－６６２２３８８２或13578951242", "0431-66223882")
	f.Add("--1-", "1")
	f.Fuzz(func(t *testing.T, text, phone string) {
		sc := newScrubber(&reply.Reply{Contact: reply.Contact{Name: "刘丽", Phone: phone}}, false)
		out, _ := sc.text(text)
		if d := digitsOf(phone); len(d) >= minNumberDigits && strings.Contains(digitsOf(out), d) && !strings.Contains(digitsOf(text), d+d) {
			// The number may only survive where digits around it made
			// another number of it.
			for _, run := range numberRuns(out) {
				if strings.Contains(digitsOf(run), d) {
					t.Errorf("text(%q) with phone %q = %q keeps the number", text, phone, out)
				}
			}
		}
		if strings.Contains(out, "刘丽") {
			t.Errorf("text(%q) = %q keeps the name", text, out)
		}
	})
}
