package reply

import (
	"strings"
	"testing"
)

// find returns the problems of field, or nil.
func find(ps []Problem, field string) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.Field == field {
			out = append(out, p)
		}
	}
	return out
}

func TestCheckSeed(t *testing.T) {
	r := seedReply(t)
	ps := Check(r, seedVocab)
	if HasErrors(ps) {
		t.Errorf("seed has errors: %v", ps)
	}
	op := find(ps, "opening")
	if len(op) != 1 {
		t.Fatalf("Check(seed) problems of opening = %v, want one", op)
	}
	want := "您在市政协十四届二次会议上提出的《关于进一步推进职业教育产教融合、校企合作的建议》的提案（第244号）收悉，现答复如下："
	if op[0].Severity != Warning || op[0].Fix != want || op[0].Para != -1 {
		t.Errorf("opening problem = %+v, want a warning with fix %q", op[0], want)
	}
	for _, w := range []string{"开头语", "“(”", "“（”", "空格"} {
		if !strings.Contains(op[0].Message, w) {
			t.Errorf("opening message %q does not mention %s", op[0].Message, w)
		}
	}
	if len(ps) != 1 {
		t.Errorf("Check(seed) = %v, want only the opening problem", ps)
	}
}

func TestCheckRequired(t *testing.T) {
	ps := Check(&Reply{}, Vocab{ContactRequired: true, CategoryRequired: true, Categories: []string{"A", "B"}, Today: Date{2024, 1, 1}})
	for _, f := range []string{"kind", "assembly", "term", "session", "number", "proposers", "item_title",
		"body", "issuer", "date", "contact.name", "contact.phone", "category"} {
		got := find(ps, f)
		if len(got) != 1 || got[0].Severity != Error {
			t.Errorf("Check(empty) on %s = %v, want one error", f, got)
		}
	}
	if find(ps, "disclosure") != nil || find(ps, "lead_unit") != nil {
		t.Errorf("Check(empty) flags fields not required: %v", ps)
	}
	co := Check(&Reply{Kind: CoOpinion}, Vocab{})
	if find(co, "proposers") != nil || len(find(co, "lead_unit")) != 1 {
		t.Errorf("协办意见 must need a lead unit, not proposers: %v", co)
	}
}

func TestCheckField(t *testing.T) {
	for _, c := range []struct {
		name    string
		edit    func(r *Reply)
		field   string
		sev     Severity
		message string // a substring
		fix     string
		para    int
	}{
		{"phone short", func(r *Reply) { r.Contact.Phone = "1357895124" }, "contact.phone", Error,
			"联系电话“1357895124”是10位：手机号应为11位", "", -1},
		{"phone full-width", func(r *Reply) { r.Contact.Phone = "１３５７８９５１２４２" }, "contact.phone", Error,
			"应写作“13578951242”", "13578951242", -1},
		{"phone em dash", func(r *Reply) { r.Contact.Phone = "0763—6269263" }, "contact.phone", Error,
			"应写作“0763-6269263”", "0763-6269263", -1},
		{"phone second of two", func(r *Reply) { r.Contact.Phone = "0431-88888888、1357895124" }, "contact.phone", Error,
			"联系电话“0431-88888888、1357895124”中的“1357895124”是10位", "", -1},
		{"phone letters", func(r *Reply) { r.Contact.Phone = "刘丽 13578951242" }, "contact.phone", Error,
			"含有“刘”，电话号码只能有数字和“-”。应为11位手机号", "", -1},
		{"local no area", func(r *Reply) { r.Contact.Phone = "66881234" }, "contact.phone", Warning,
			"联系电话“66881234”没有区号", "", -1},
		{"local no area of two", func(r *Reply) { r.Contact.Phone = "13578951242、2125429" }, "contact.phone", Warning,
			"联系电话“2125429”没有区号", "", -1},
		{"doc number brackets", func(r *Reply) { r.DocNumber = "长教函[2023]第012号" }, "doc_number", Error,
			"发文字号“长教函[2023]第012号”不规范：年份应用六角括号〔〕", "长教函〔2023〕12号", -1},
		{"doc number shape", func(r *Reply) { r.DocNumber = "长教函2023-12" }, "doc_number", Error, "格式不对", "", -1},
		{"doc number year", func(r *Reply) { r.DocNumber = "长教函〔2022〕12号" }, "doc_number", Warning, "年份2022", "", -1},
		{"date future", func(r *Reply) { r.Date = Date{2024, 3, 1} }, "date", Warning, "晚于今天", "", -1},
		{"date invalid", func(r *Reply) { r.Date = Date{2023, 2, 30} }, "date", Error, "不存在", "", -1},
		{"salutation kind", func(r *Reply) { r.Salutation = "董妍代表：" }, "salutation", Error,
			"答复提案应称“委员”", "董妍委员：", -1},
		{"salutation name", func(r *Reply) { r.Salutation = "李明委员：" }, "salutation", Error, "没有写提出人“董妍”", "董妍委员：", -1},
		{"salutation colon", func(r *Reply) { r.Salutation = "董妍委员" }, "salutation", Error, "全角冒号", "董妍委员：", -1},
		{"title number", func(r *Reply) { r.Title = "对市政协第十四届第二次会议第245号提案的答复" }, "title", Error,
			"标题中的编号“第245号”与编号“244”不一致", "对市政协第十四届第二次会议第244号提案的答复", -1},
		{"opening number", func(r *Reply) { r.Opening = "您的提案（第24号）收悉。" }, "opening", Error, "第24号", "您的提案（第244号）收悉。", -1},
		{"number form", func(r *Reply) { r.Number = "第244号" }, "number", Error, "只写数字", "244", -1},
		{"category vocab", func(r *Reply) { r.Category = "b类" }, "category", Error, "答复类别“b类”不在", "B", -1},
		{"disclosure vocab", func(r *Reply) { r.Disclosure = "公开" }, "disclosure", Error, "同意公开、不同意公开", "", -1},
		{"body punctuation", func(r *Reply) { r.Body = "第一段。\n按照要求,我们开展了工作。" }, "body", Warning,
			"正文第2段有半角标点“,”", "按照要求，我们开展了工作。", 1},
		{"body indent", func(r *Reply) { r.Body = "　　第一段。" }, "body", Info, "缩进", "第一段。", 0},
		{"cc punctuation", func(r *Reply) { r.CC = []string{"市政协提案委员会，", "市政府督查室"} }, "cc[0]", Error,
			"末尾不加标点", "市政协提案委员会", -1},
		{"attachment title", func(r *Reply) { r.Attachments = []Attachment{{Title: "企业名单。", Body: "甲"}} },
			"attachments[0].title", Error, "附件1标题“企业名单。”末尾不加标点符号", "企业名单", -1},
		{"attachment empty", func(r *Reply) { r.Attachments = []Attachment{{Title: "企业名单"}} },
			"attachments[0].body", Warning, "没有内容", "", -1},
		{"note parens", func(r *Reply) { r.Notes = []string{"（此件公开发布）"} }, "notes[0]", Info, "不必加括号", "此件公开发布", -1},
		{"table cell", func(r *Reply) {
			r.Attachments = []Attachment{{Title: "表", Table: &Table{Rows: [][]string{{"甲", "已完成(70%)"}}}}}
		}, "attachments[0].table.rows[0][1]", Warning, "附件1表格第1行第2列有半角标点", "已完成（70%）", -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := seedReply(t)
			r.Opening = FixText(r.Opening)
			c.edit(r)
			got := find(Check(r, seedVocab), c.field)
			for _, p := range got {
				if p.Severity == c.sev && strings.Contains(p.Message, c.message) && p.Fix == c.fix && p.Para == c.para {
					return
				}
			}
			t.Errorf("Check problems of %s = %+v\nwant %v %q fix %q para %d", c.field, got, c.sev, c.message, c.fix, c.para)
		})
	}
}

func TestCheckCoOpinion(t *testing.T) {
	r := seedReply(t)
	r.Opening = FixText(r.Opening)
	r.Kind, r.LeadUnit, r.Salutation = CoOpinion, "市人社局", "董妍委员："
	ps := find(Check(r, Vocab{Today: Date{2024, 1, 1}}), "salutation")
	if len(ps) != 1 || ps[0].Fix != "市人社局：" {
		t.Errorf("协办意见 salutation problems = %v, want one with fix 市人社局：", ps)
	}
	r.Salutation = "市人社局："
	if ps := Check(r, Vocab{Today: Date{2024, 1, 1}}); HasErrors(ps) {
		t.Errorf("协办意见 to the lead unit has errors: %v", ps)
	}
}

func TestCheckOrder(t *testing.T) {
	r := seedReply(t)
	r.Contact.Phone = "123"
	ps := Check(r, seedVocab)
	for i := 1; i < len(ps); i++ {
		if ps[i].Severity < ps[i-1].Severity {
			t.Fatalf("problems not worst first: %v", ps)
		}
	}
	if ps[0].Field != "contact.phone" {
		t.Errorf("first problem = %v, want the phone error", ps[0])
	}
}

func BenchmarkCheck(b *testing.B) {
	r := seedReply(b)
	b.ReportAllocs()
	for b.Loop() {
		Check(r, seedVocab)
	}
}
