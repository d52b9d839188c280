package reply

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Length limits, in characters, of the texts of a reply. They are set well
// above anything a bureau writes, so that only a slip (a whole document
// pasted into a name, a spreadsheet column shifted by one) reaches them, and
// so that every input the typesetter and the writers get is bounded. Check
// reports a text over its limit as an error; Fix never cuts text.
const (
	// maxTitle bounds the title: real titles run 20 to 60 characters
	// ("对市政协第十四届第二次会议第244号提案的答复" is 24), two or three
	// lines of 二号 at about 20 a line (GB/T 9704-2012 §7.3.3).
	maxTitle = 100
	// maxItemTitle bounds the 案由 as submitted: usually under 40
	// characters, the longest seen about 80.
	maxItemTitle = 200
	// maxUnit bounds the name of a unit or body: 会议机关 ("长春市朝阳区
	// 人大常委会"), 主办单位, 发文机关署名 (a joint signature of two or three
	// bureaus stays under 40) and each 抄送 unit.
	maxUnit = 60
	// maxName bounds the name of a person: 提出人 (each one; a unit as
	// proposer, "九三学社长春市委员会", is under 20), 签发人, 联系人 (one or
	// two names).
	maxName = 30
	// maxCode bounds short coded values: 样式 name, 编号 (digits),
	// 答复类别 (a letter), 公开属性 ("不予公开"), 发文字号
	// ("长人社联函〔2023〕123号" is 15) and the contact's phone.
	maxCode = 40
	// maxSalutation bounds the salutation, which may name every co-signer
	// ("王远健、李明、张伟等7位代表：").
	maxSalutation = 200
	// maxSentence bounds one-paragraph texts: 开头语, 结束语, each 附注, a
	// cell of an attachment's table; a long opening is about 150.
	maxSentence = 1000
	// maxParagraph bounds one paragraph of the body or of an attachment: a
	// long paragraph is 600 to 1,000 characters (a page holds 616).
	maxParagraph = 5000
	// maxBody bounds the body as a whole: long replies run 3,000 to 8,000
	// characters (5 to 13 pages); 50,000 is some 80 pages.
	maxBody = 50000
	// maxClosing bounds the closing paragraphs as a whole: one or two
	// sentences of thanks, each within maxSentence.
	maxClosing = 3000
	// maxAttachmentBody bounds the text of one attachment, which may be a
	// report of its own.
	maxAttachmentBody = 100000
)

// Count limits of the lists of a reply, for the same reasons.
const (
	maxProposers   = 200  // listed 提出人; a joint proposal of a whole group is listed as 等N位
	maxNotes       = 20   // 附注: usually one or two
	maxCC          = 50   // 抄送 units: usually under ten
	maxParaForms   = 500  // entries of AsHeading and of AsText: at most one per paragraph
	maxAttachments = 50   // 附件: usually one to five
	maxColumns     = 30   // columns of an attachment's table; a portrait A4 page fits about ten
	maxRows        = 5000 // rows of an attachment's table; some 200 pages
)

// chars counts the characters of s as printed: surrounding white space and
// line breaks are not counted.
func chars(s string) int {
	s = strings.TrimSpace(s)
	return utf8.RuneCountInString(s) - strings.Count(s, "\n")
}

// tooLong reports a text of field (paragraph para, or -1) with n characters
// over limit.
func (c *checker) tooLong(field, label string, para, n, limit int) {
	c.out = append(c.out, Problem{Field: field, Severity: Error, Para: para,
		Message: Where(label, para) + "过长（共" + strconv.Itoa(n) + "字，最多" + strconv.Itoa(limit) + "字）：" + lengthHint(label, para)})
}

// lengthHint says how to fix an overlong text of field.
func lengthHint(field string, para int) string {
	base, _, _ := strings.Cut(field, "[")
	switch {
	case para >= 0:
		return "请分成几段"
	case field == "title":
		return "请精简标题"
	case field == "item_title":
		return "案由只填提案或建议的标题，请核对"
	case field == "body", strings.HasSuffix(field, ".body"):
		return "请精简，或把详细材料作为附件"
	case base == "proposers":
		return "每项只填一位提出人，多位提出人分项填写"
	case field == "contact.phone":
		return "只填一个电话号码"
	case field == "salutation":
		return "称谓写领衔人即可，例如“王远健等7位代表：”"
	}
	return "请核对是否误粘贴了其他内容"
}

// counts checks the lengths of the lists of the reply.
func (c *checker) counts() {
	r := c.r
	for _, l := range []struct {
		field, what string
		n, max      int
	}{
		{"proposers", "提出人", len(r.Proposers), maxProposers},
		{"notes", "附注", len(r.Notes), maxNotes},
		{"cc", "抄送单位", len(r.CC), maxCC},
		{"as_heading", "按标题排的段落", len(r.AsHeading), maxParaForms},
		{"as_text", "按正文排的段落", len(r.AsText), maxParaForms},
		{"attachments", "附件", len(r.Attachments), maxAttachments},
	} {
		if l.n > l.max {
			c.add(l.field, Error, "", "%s过多（共%d项，最多%d项）：请核对是否误粘贴了其他内容", l.what, l.n, l.max)
		}
	}
	for i, a := range r.Attachments {
		if a.Table == nil {
			continue
		}
		cols := len(a.Table.Header)
		for _, row := range a.Table.Rows {
			cols = max(cols, len(row))
		}
		f := indexField("attachments", i)
		if cols > maxColumns {
			c.add(f+".body", Error, "", "附件%d的表格列数过多（共%d列，最多%d列）：请拆成几个表格", i+1, cols, maxColumns)
		}
		if n := len(a.Table.Rows); n > maxRows {
			c.add(f+".body", Error, "", "附件%d的表格行数过多（共%d行，最多%d行）：请拆分，或另附电子表格", i+1, n, maxRows)
		}
	}
}
