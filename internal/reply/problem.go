package reply

import (
	"fmt"
	"regexp"
	"strconv"
)

// Severity says how much a problem matters.
type Severity int

// Severities, worst first.
const (
	Error   Severity = iota // the letter is wrong or incomplete; do not send it
	Warning                 // probably wrong; look at it
	Info                    // a hint
)

// String names the severity in Chinese: 错误, 警告, 提示.
func (s Severity) String() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	case Info:
		return "提示"
	}
	return "未知"
}

// Problem is one thing Check found wrong with a reply.
type Problem struct {
	// Field is a stable identifier of the field, for the form to focus:
	// "kind", "assembly", "term", "session", "number", "proposers",
	// "proposer_count", "item_title", "lead_unit", "category",
	// "disclosure", "doc_number", "signer", "title", "salutation",
	// "opening", "body", "closing", "issuer", "date", "contact.name",
	// "contact.phone", "notes[i]", "cc[i]", "attachments[i].title",
	// "attachments[i].body", "attachments[i].table.header[j]",
	// "attachments[i].table.rows[j][k]" (indices from 0). A problem of one
	// proposer is the "proposers" field's (the form edits them in one
	// entry); its message says which one.
	Field    string
	Severity Severity
	Message  string // in Chinese, naming the field and what to do
	// Fix is the corrected value of the field (of paragraph Para when Para
	// ≥ 0) that the form can offer to apply, or "" when there is none.
	Fix string
	// Para is the paragraph of a multi-paragraph field (body, an
	// attachment's body), counted as lines of the field from 0; -1 otherwise.
	Para int
}

// String formats p for a terminal: "错误：联系电话“1357895124”应为…".
func (p Problem) String() string {
	return p.Severity.String() + "：" + p.Message
}

// Change is one edit Fix made.
type Change struct {
	Field  string // as in Problem.Field
	Para   int    // paragraph (line) of a multi-paragraph field; -1 otherwise
	Before string
	After  string
}

// String formats c for a terminal: `正文第3段：“…” → “…”`. Control
// characters are written as [U+001B], so that printing a change never
// sends an escape sequence or a bidi override to the terminal; a text
// longer than 200 characters is cut with "…".
func (c Change) String() string {
	return fmt.Sprintf("%s：“%s” → “%s”", Where(c.Field, c.Para), shown(c.Before), shown(c.After))
}

// labels are the Chinese names of the fields, as the form shows them.
var labels = map[string]string{
	"style":          "样式",
	"kind":           "类型",
	"assembly":       "会议机关",
	"term":           "届次",
	"session":        "会次",
	"number":         "编号",
	"proposers":      "提出人",
	"proposer_count": "提出人数",
	"item_title":     "案由",
	"lead_unit":      "主办单位",
	"category":       "答复类别",
	"disclosure":     "公开属性",
	"doc_number":     "发文字号",
	"signer":         "签发人",
	"title":          "标题",
	"salutation":     "称谓",
	"opening":        "开头语",
	"body":           "正文",
	"closing":        "结束语",
	"issuer":         "发文机关署名",
	"date":           "成文日期",
	"seal":           "盖章",
	"contact":        "联系人",
	"contact.unit":   "联系单位",
	"contact.name":   "联系人",
	"contact.phone":  "联系电话",
	"responsible":    "承办负责人",
	"notes":          "附注",
	"cc":             "抄送",
	"attachments":    "附件",
	"as_heading":     "按标题排的段落",
	"as_text":        "按正文排的段落",
}

var indexed = regexp.MustCompile(`^(proposers|notes|cc|as_heading|as_text|attachments)\[(\d+)\](?:\.(title|body|table\.header\[(\d+)\]|table\.rows\[(\d+)\]\[(\d+)\]))?$`)

// FieldLabel names a Problem field in Chinese, e.g. "contact.phone" →
// "联系电话", "attachments[0].title" → "附件1标题", "cc[1]" → "抄送第2项",
// "proposers[0]" → "提出人第1项".
// An unknown field is returned as it is.
func FieldLabel(field string) string {
	if l, ok := labels[field]; ok {
		return l
	}
	m := indexed.FindStringSubmatch(field)
	if m == nil {
		return field
	}
	n := func(s string) string { i, _ := strconv.Atoi(s); return strconv.Itoa(i + 1) }
	switch {
	case m[1] != "attachments":
		return labels[m[1]] + "第" + n(m[2]) + "项"
	case m[3] == "":
		return "附件" + n(m[2])
	case m[3] == "title":
		return "附件" + n(m[2]) + "标题"
	case m[3] == "body":
		return "附件" + n(m[2]) + "正文"
	case m[4] != "":
		return "附件" + n(m[2]) + "表头第" + n(m[4]) + "列"
	}
	return "附件" + n(m[2]) + "表格第" + n(m[5]) + "行第" + n(m[6]) + "列"
}

// Where names a field and paragraph in Chinese: "正文第3段", "称谓".
func Where(field string, para int) string {
	if para < 0 {
		return FieldLabel(field)
	}
	return FieldLabel(field) + "第" + strconv.Itoa(para+1) + "段"
}
