package reply

import (
	"strings"
	"testing"
)

func TestCheckLengths(t *testing.T) {
	long := func(n int) string { return strings.Repeat("长", n) }
	for _, c := range []struct {
		name    string
		edit    func(r *Reply)
		field   string
		para    int
		message string
	}{
		{"title", func(r *Reply) { r.Title = long(312) }, "title", -1, "标题过长（共312字，最多100字）：请精简标题"},
		{"title lines", func(r *Reply) { r.Title = long(60) + "\n" + long(41) }, "title", -1, "标题过长（共101字，最多100字）"},
		{"item title", func(r *Reply) { r.ItemTitle = long(201) }, "item_title", -1, "案由过长（共201字，最多200字）"},
		{"proposer", func(r *Reply) { r.Proposers = []string{"董妍", long(31)} }, "proposers", -1,
			"提出人第2项过长（共31字，最多30字）：每项只填一位提出人"},
		{"proposers", func(r *Reply) { r.Proposers = strings.Split(strings.Repeat("甲,", 201), ",")[:201] }, "proposers", -1,
			"提出人过多（共201项，最多200项）"},
		{"issuer", func(r *Reply) { r.Issuer = long(61) }, "issuer", -1, "发文机关署名过长（共61字，最多60字）"},
		{"signer", func(r *Reply) { r.Signer = long(31) }, "signer", -1, "签发人过长"},
		{"contact name", func(r *Reply) { r.Contact.Name = long(31) }, "contact.name", -1, "联系人过长（共31字，最多30字）"},
		{"contact phone", func(r *Reply) { r.Contact.Phone = strings.Repeat("1", 41) }, "contact.phone", -1, "联系电话过长（共41字，最多40字）：只填一个电话号码"},
		{"doc number", func(r *Reply) { r.DocNumber = long(41) }, "doc_number", -1, "发文字号过长"},
		{"salutation", func(r *Reply) { r.Salutation = long(201) + "委员：" }, "salutation", -1, "称谓过长"},
		{"category", func(r *Reply) { r.Category = long(41) }, "category", -1, "答复类别过长"},
		{"disclosure", func(r *Reply) { r.Disclosure = long(41) }, "disclosure", -1, "公开属性过长"},
		{"note", func(r *Reply) { r.Notes = []string{long(1001)} }, "notes[0]", -1, "附注第1项过长（共1001字，最多1000字）"},
		{"cc", func(r *Reply) { r.CC = []string{"市政府督查室", long(61)} }, "cc[1]", -1, "抄送第2项过长"},
		{"cc count", func(r *Reply) { r.CC = strings.Split(strings.Repeat("甲,", 51), ",")[:51] }, "cc", -1, "抄送单位过多（共51项，最多50项）"},
		{"body paragraph", func(r *Reply) { r.Body = "第一段。\n" + long(5001) }, "body", 1,
			"正文第2段过长（共5001字，最多5000字）：请分成几段"},
		{"body", func(r *Reply) { r.Body = strings.Repeat(long(4000)+"\n", 13) }, "body", -1,
			"正文过长（共52000字，最多50000字）：请精简，或把详细材料作为附件"},
		{"attachment title", func(r *Reply) { r.Attachments = []Attachment{{Title: long(101), Body: "甲"}} },
			"attachments[0].title", -1, "附件1标题过长"},
		{"table cell", func(r *Reply) {
			r.Attachments = []Attachment{{Title: "表", Table: &Table{Rows: [][]string{{"甲", long(1001)}}}}}
		}, "attachments[0].table.rows[0][1]", -1, "附件1表格第1行第2列过长"},
		{"table rows", func(r *Reply) {
			r.Attachments = []Attachment{{Title: "表", Table: &Table{Rows: make([][]string, 5001)}}}
		}, "attachments[0].body", -1, "表格行数过多（共5001行，最多5000行）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := seedReply(t)
			r.Opening = FixText(r.Opening)
			c.edit(r)
			got := find(Check(r, seedVocab), c.field)
			for _, p := range got {
				if p.Para == c.para && strings.Contains(p.Message, c.message) {
					if p.Severity != Error {
						t.Errorf("%q is a %v, want an error", p.Message, p.Severity)
					}
					return
				}
			}
			t.Errorf("Check problems of %s = %v, want %q at para %d", c.field, got, c.message, c.para)
		})
	}
}

// TestCheckLengthsReal checks that values of the length real replies use
// raise no length problem.
func TestCheckLengthsReal(t *testing.T) {
	r := seedReply(t)
	r.Opening = FixText(r.Opening)
	r.Title = "关于长教函〔2023〕12号文件执行情况和欧阳建国等7位代表所提关于进一步加强中小学校园周边交通安全治理的建议办理情况的说明"
	r.Proposers = strings.Split("王远健、李明、张伟、九三学社长春市委员会、民革长春市委员会", "、")
	r.Issuer = "长春市人力资源和社会保障局　长春市教育局　长春市财政局"
	r.DocNumber = "长人社联函〔2023〕123号"
	r.Contact = Contact{Name: "刘丽、张伟", Phone: "0431-88888888"}
	r.Body = strings.Repeat(strings.Repeat("字", 900)+"\n", 20)
	for _, p := range Check(r, seedVocab) {
		if strings.Contains(p.Message, "过长") || strings.Contains(p.Message, "过多") {
			t.Errorf("real value reported: %v", p)
		}
	}
}
