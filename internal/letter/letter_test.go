package letter

import (
	"reflect"
	"strings"
	"testing"

	"replydesk/internal/fontrole"
	"replydesk/internal/reply"
	"replydesk/internal/style"
)

func TestNewPara(t *testing.T) {
	const (
		// A whole sentence of several lines after its number: body text.
		sentence = "一、近几年，我市职业教育聚焦吉林省“一主、六双”产业布局规划，开设17大类百余种专业，累计培养输送15万高素质劳动者和技术技能人才。"
		// A heading sentence too long for the first line, text after it.
		longHead = "（二）围绕长春现代化都市圈建设需求不断加大政策供给建立健全职业教育服务区域发展的制度体系。近年来……"
	)
	for _, tc := range []struct {
		text       string
		form       reply.ParaForm
		head, rest string
		level      int
		heading    bool
	}{
		{"一、聚焦主导产业", reply.AutoForm, "一、聚焦主导产业", "", 1, true},
		{"（二）加强合作。具体如下", reply.AutoForm, "（二）加强合作。", "具体如下", 2, false},
		{"1.第一项。", reply.AutoForm, "1.第一项。", "", 3, true},
		{"（3）细目", reply.AutoForm, "（3）细目", "", 4, true},
		{"二、主要做法：一是……", reply.AutoForm, "二、主要做法：", "一是……", 1, false},
		{"三、下一步打算；我们将……", reply.AutoForm, "三、下一步打算；", "我们将……", 1, false},
		{"近年来，党和国家高度重视。", reply.AutoForm, "", "近年来，党和国家高度重视。", 0, false},
		{"近年来，党和国家高度重视。", reply.HeadingForm, "", "近年来，党和国家高度重视。", 0, false},
		{sentence, reply.AutoForm, "", sentence, 0, false},
		{longHead, reply.AutoForm, "", longHead, 0, false},
		// 26 characters fit the first line; 27 do not; digits count half.
		{"一、" + strings.Repeat("中", 24), reply.AutoForm, "一、" + strings.Repeat("中", 24), "", 1, true},
		{"一、" + strings.Repeat("中", 25), reply.AutoForm, "", "一、" + strings.Repeat("中", 25), 0, false},
		{"1." + strings.Repeat("中", 25), reply.AutoForm, "1." + strings.Repeat("中", 25), "", 3, true},
		// The user's word wins over the shape.
		{sentence, reply.HeadingForm, sentence, "", 1, true},
		{longHead, reply.HeadingForm, "（二）围绕长春现代化都市圈建设需求不断加大政策供给建立健全职业教育服务区域发展的制度体系。", "近年来……", 2, false},
		{"一、聚焦主导产业", reply.TextForm, "", "一、聚焦主导产业", 0, false},
		{"（二）加强合作。具体如下", reply.TextForm, "", "（二）加强合作。具体如下", 0, false},
	} {
		p := NewPara(tc.text, "body", 0, tc.form)
		if p.Head != tc.head || p.Rest != tc.rest || p.Level != tc.level || p.Heading() != tc.heading {
			t.Errorf("NewPara(%q, %d) = %+v, want head %q rest %q level %d", tc.text, tc.form, p, tc.head, tc.rest, tc.level)
		}
	}
	if r := NewPara("（一）工作", "body", 0, reply.AutoForm).HeadRole(); r != fontrole.Kai {
		t.Errorf("（一） role = %q, want %q", r, fontrole.Kai)
	}
}

// TestNewForms checks that the reply's overrides reach the paragraphs of
// the body and of the attachments.
func TestNewForms(t *testing.T) {
	r := &reply.Reply{Kind: reply.Proposal, Body: "一、聚焦主导产业\n二、深化产教融合，打造校企命运共同体",
		AsText: []string{"一、聚焦"}, Attachments: []reply.Attachment{{Title: "说明", Body: "（一）很长的一句话"}}}
	r.SetForm("（一）很长的一句话", reply.TextForm)
	l := New(r, &style.Style{})
	if got := []int{l.Text[0].Level, l.Text[1].Level, l.Attachments[0].Body[0].Level}; !reflect.DeepEqual(got, []int{0, 1, 0}) {
		t.Errorf("levels %v, want [0 1 0]: %+v %+v", got, l.Text, l.Attachments[0].Body)
	}
}

// TestNew checks the blocks of a reply in a style that prints every kind
// of block: marks at each place, a derived title, notes, 抄送, attachments.
func TestNew(t *testing.T) {
	st := &style.Style{
		Format:          style.Letter,
		Header:          "某市教育局",
		CategoryMark:    style.Mark{Format: "【{category}】", Place: style.TopLeft},
		DisclosureMark:  style.Mark{Format: "{disclosure}", Place: style.End, Font: "body"},
		TitleFormula:    "关于第{number}号{kind}的答复",
		ContactFormat:   "联系人：{contact_name}",
		ContactPlace:    style.Note,
		SignerLine:      true,
		DisclosureNotes: map[string]string{"同意公开": "此件公开发布"},
	}
	r := &reply.Reply{Kind: reply.Proposal, Number: "7", Category: "B", Disclosure: "同意公开",
		DocNumber: "某教函〔2023〕1号", Signer: "张三", Salutation: "董\u200b妍委员：",
		Body: "一、总体\n\n正文。", Issuer: "某市教育局", Date: reply.Date{Year: 2023, Month: 6, Day: 20},
		Contact: reply.Contact{Name: "刘丽"}, CC: []string{" 市政协提案委员会。", "", "市政府督查室"},
		Attachments: []reply.Attachment{{Title: " 名单 ", Body: "甲\n乙"}, {Title: "表"}}}
	l := New(r, st)
	if l.Title != "关于第7号提案的答复" || l.Salutation != "董妍委员：" {
		t.Errorf("title %q, salutation %q", l.Title, l.Salutation)
	}
	if !reflect.DeepEqual(l.TopLeft, []Mark{{"【B】", fontrole.Hei}}) || !reflect.DeepEqual(l.EndMarks, []Mark{{"同意公开", fontrole.Body}}) {
		t.Errorf("marks %v, end %v", l.TopLeft, l.EndMarks)
	}
	if l.Number != "某教函〔2023〕1号" || l.Signer != "张三" || l.Header != "某市教育局" {
		t.Errorf("number %q, signer %q, header %q", l.Number, l.Signer, l.Header)
	}
	if len(l.Text) != 2 || l.Text[0].Level != 1 || l.Text[1].Index != 2 {
		t.Errorf("text %+v", l.Text)
	}
	if want := []Item{{"（此件公开发布）", "disclosure"}, {"（联系人：刘丽）", "contact"}}; !reflect.DeepEqual(l.Notes, want) {
		t.Errorf("notes %v, want %v", l.Notes, want)
	}
	if l.CCText() != "市政协提案委员会，市政府督查室。" {
		t.Errorf("CCText = %q", l.CCText())
	}
	if len(l.List) != 2 || l.List[0].Text != "1.名单" || l.Attachments[1].Label != "附件2" || len(l.Attachments[0].Body) != 2 {
		t.Errorf("list %v, attachments %+v", l.List, l.Attachments)
	}
	if l.Date != "2023年6月20日" || !reflect.DeepEqual(r.CC, []string{" 市政协提案委员会。", "", "市政府督查室"}) {
		t.Errorf("date %q; reply changed: %q", l.Date, r.CC)
	}
}

// shapeStyle prints a contact block of three lines at the end of the
// notes, the 承办负责人 first, the category as "办复类别：B" at the end and
// allows no disclosure.
func shapeStyle() *style.Style {
	return &style.Style{
		Name: "形态", Kind: reply.Proposal, Format: style.Plain,
		Categories:         []style.Choice{{Code: "A"}, {Code: "B"}},
		CategoryMark:       style.Mark{Format: "办复类别：{category}", Place: style.End, Font: "body"},
		Disclosures:        []style.Choice{{Code: "主动公开"}},
		DisclosureNotes:    map[string]string{"主动公开": "此件公开发布"},
		DisclosureOptional: true,
		ContactFormat:      "联系单位：{contact_unit}\n联系人：{contact_name}\n联系电话：{contact_phone}",
		ContactPlace:       style.Line,
		ResponsibleFormat:  "承办负责人：{responsible}",
		NoteOrder:          []string{style.NoteResponsible, style.NoteNotes},
	}
}

func TestShapes(t *testing.T) {
	r := &reply.Reply{Kind: reply.Proposal, Category: "B", Disclosure: "主动公开",
		Body: "正文。", Closing: "感谢您的关心和支持。\n\n欢迎继续提出意见建议。",
		Contact:     reply.Contact{Unit: "市教育局职成处", Name: "刘丽", Phone: "13578951242"},
		Responsible: "张华", Notes: []string{"本答复已征求代表意见"}}
	l := New(r, shapeStyle())
	var notes []string
	for _, n := range l.Notes {
		notes = append(notes, n.Field+" "+n.Text)
	}
	want := []string{"responsible （承办负责人：张华）", "notes （本答复已征求代表意见）", "disclosure （此件公开发布）",
		"contact 联系单位：市教育局职成处", "contact 联系人：刘丽", "contact 联系电话：13578951242"}
	if !reflect.DeepEqual(notes, want) {
		t.Errorf("Notes = %q\nwant %q", notes, want)
	}
	if len(l.EndMarks) != 1 || l.EndMarks[0] != (Mark{"办复类别：B", fontrole.Body}) {
		t.Errorf("EndMarks = %v", l.EndMarks)
	}
	var closing []string
	for _, p := range l.Text {
		if p.Field == "closing" {
			closing = append(closing, p.Rest)
			if p.Index < 0 {
				t.Errorf("closing paragraph %q has no index", p.Rest)
			}
		}
	}
	if !reflect.DeepEqual(closing, []string{"感谢您的关心和支持。", "欢迎继续提出意见建议。"}) {
		t.Errorf("closing paragraphs = %q", closing)
	}
	for _, f := range []string{"contact.unit", "responsible", "disclosure", "category"} {
		if !l.Prints(f) {
			t.Errorf("Prints(%q) = false", f)
		}
	}

	// Without a unit its line goes; without a 承办负责人 wording the field is
	// not printed, and Unprinted says so.
	r.Contact.Unit = ""
	st := shapeStyle()
	st.ResponsibleFormat = ""
	l = New(r, st)
	for _, n := range l.Notes {
		if strings.Contains(n.Text, "联系单位") || strings.Contains(n.Text, "承办负责人") {
			t.Errorf("note %q printed", n.Text)
		}
	}
	ps := Unprinted(r, st)
	if len(ps) != 1 || ps[0].Field != "responsible" {
		t.Errorf("Unprinted = %v, want the 承办负责人", ps)
	}

	// The disclosure may be left out: no error, and none printed.
	r.Disclosure = ""
	for _, p := range Check(r, shapeStyle()) {
		if p.Field == "disclosure" {
			t.Errorf("Check reports %v for a style that allows no disclosure", p)
		}
	}
	st = shapeStyle()
	st.DisclosureOptional = false
	if !hasField(Check(r, st), "disclosure") {
		t.Errorf("Check reports no missing disclosure for a style that requires it")
	}
	// The unit is required where the contact block prints it.
	if !hasField(Check(r, shapeStyle()), "contact.unit") {
		t.Errorf("Check reports no missing 联系单位")
	}
}

func hasField(ps []reply.Problem, field string) bool {
	for _, p := range ps {
		if p.Field == field && p.Severity == reply.Error {
			return true
		}
	}
	return false
}
