package reply

import (
	"slices"
	"strings"
	"testing"
)

func TestHeadingNumber(t *testing.T) {
	for text, want := range map[string][2]int{
		"一、聚焦": {1, len("一、")}, "（十二）加强": {2, len("（十二）")}, "12.简化": {3, 3}, "3．加大": {3, len("3．")},
		"（1）对低保": {4, len("（1）")}, "近年来": {0, 0}, "一是加强": {0, 0}, "2023年": {0, 0},
	} {
		if l, n := HeadingNumber(text); l != want[0] || n != want[1] {
			t.Errorf("HeadingNumber(%q) = %d, %d, want %d, %d", text, l, n, want[0], want[1])
		}
	}
}

func TestParaKey(t *testing.T) {
	for para, want := range map[string]string{
		"一、聚焦主导产业，服务经济社会发展":        "一、聚焦主导产业",
		"  二、深化产教融合。打造":            "二、深化产教融合",
		"三、我市坚持把校企合作作为职业教育办学的基本方式": "三、我市坚持把校企合作作",
		"（一）摸清底数":                  "（一）摸清底数",
		"近年来，党和国家高度重视":             "近年来",
		"":                         "",
	} {
		if got := ParaKey(para); got != want {
			t.Errorf("ParaKey(%q) = %q, want %q", para, got, want)
		}
	}
}

func TestFormOf(t *testing.T) {
	r := &Reply{AsHeading: []string{"一、", " 二、深化 "}, AsText: []string{"一、近几年", "二、深化"}}
	for para, want := range map[string]ParaForm{
		"一、聚焦主导产业":   HeadingForm, // "一、" alone
		"一、近几年，我市……": TextForm,    // the longer entry wins
		"二、深化产教融合":   TextForm,    // a tie: AsText wins
		"三、改革育人模式":   AutoForm,
	} {
		if got := r.FormOf(para); got != want {
			t.Errorf("FormOf(%q) = %d, want %d", para, got, want)
		}
	}
}

func TestSetForm(t *testing.T) {
	r := &Reply{AsHeading: []string{"一、聚焦", "三、改革"}, AsText: []string{"一、聚焦主导"}}
	r.SetForm("一、聚焦主导产业，服务经济社会发展", TextForm)
	if !slices.Equal(r.AsHeading, []string{"三、改革"}) || !slices.Equal(r.AsText, []string{"一、聚焦主导产业"}) {
		t.Errorf("after TextForm: AsHeading %q, AsText %q", r.AsHeading, r.AsText)
	}
	if f := r.FormOf("一、聚焦主导产业，服务经济社会发展"); f != TextForm {
		t.Errorf("FormOf after SetForm = %d, want TextForm", f)
	}
	r.SetForm("一、聚焦主导产业，服务经济社会发展", HeadingForm)
	r.SetForm("三、改革育人模式", AutoForm)
	if !slices.Equal(r.AsHeading, []string{"一、聚焦主导产业"}) || len(r.AsText) != 0 {
		t.Errorf("after HeadingForm and AutoForm: AsHeading %q, AsText %q", r.AsHeading, r.AsText)
	}
}

// TestCheckParaForms checks that entries naming no numbered paragraph are
// warned of, and that Fix keeps an entry naming its paragraph.
func TestCheckParaForms(t *testing.T) {
	r := seedReply(t)
	r.AsHeading = []string{"一、聚焦主导产业", "五、已删去的段落"}
	r.AsText = []string{"近年来，党和国家"}
	var got []string
	for _, p := range Check(r, Vocab{}) {
		if strings.HasPrefix(p.Field, "as_") {
			got = append(got, p.Field+" "+p.Message)
		}
	}
	want := []string{
		"as_heading[1] 按标题排的段落“五、已删去的段落”在正文中找不到，这项设置不起作用：请改成该段开头的文字，或删去",
		"as_text[0] 段落“近年来，党和国家”不以一、（一）1.（1）等序号开头，按正文排的设置只对带序号的段落有效",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Check = %q, want %q", got, want)
	}
	if l := FieldLabel("as_text[0]"); l != "按正文排的段落第1项" {
		t.Errorf("FieldLabel(as_text[0]) = %q", l)
	}

	r = seedReply(t)
	r.Body = "一、聚焦主导产业,服务经济社会发展"
	r.AsText = []string{"一、聚焦主导产业,服务"}
	Fix(r)
	if r.FormOf(r.Body) != TextForm || !strings.Contains(r.Body, "，") {
		t.Errorf("after Fix, %q no longer names %q", r.AsText, r.Body)
	}
}

func TestPruneForms(t *testing.T) {
	r := &Reply{Body: "一、聚焦主导产业\n近年来，我市……", Attachments: []Attachment{{Body: "（一）摸清底数"}},
		AsHeading: []string{"一、聚焦", "二、已删去", "近年来", ""}, AsText: []string{"（一）摸清"}}
	r.PruneForms()
	if !slices.Equal(r.AsHeading, []string{"一、聚焦"}) || !slices.Equal(r.AsText, []string{"（一）摸清"}) {
		t.Errorf("PruneForms left AsHeading %q, AsText %q", r.AsHeading, r.AsText)
	}
}
