// Package reply is the domain of ReplyDesk: a reply (答复) of a bureau to a
// CPPCC member's proposal (政协提案) or a people's congress deputy's suggestion
// (人大代表建议), or a co-handling unit's opinion (协办意见), with every element
// the printed letter carries. It knows nothing of fonts, pages or files.
package reply

// Kind is the kind of item being answered.
type Kind string

// Kinds of item.
const (
	Proposal   Kind = "提案"   // 政协提案, answered to 委员
	Suggestion Kind = "建议"   // 人大代表建议, answered to 代表
	CoOpinion  Kind = "协办意见" // a co-handling unit's opinion, sent to the lead unit
)

// Reply is one reply letter. The zero value of an optional field means "not
// printed"; the zero value of a derivable field (Title, Salutation, Opening)
// means "derive it with the house style".
type Reply struct {
	Style string // house style name, e.g. "提案答复"; empty = the kind's default
	Kind  Kind

	// The item answered.
	Assembly      string   // the body and its level, e.g. "市政协", "区人大"
	Term          int      // 届, e.g. 14 for 第十四届
	Session       int      // 次会议, e.g. 2 for 第二次会议
	Number        string   // item number as printed, digits, e.g. "244"
	Proposers     []string // 提案人/领衔代表 first, then co-signers; e.g. ["董妍"]
	ProposerCount int      // people behind the item when more than listed ("王远健等7位代表"); 0 = len(Proposers)
	ItemTitle     string   // 案由 as submitted, e.g. "关于进一步推进职业教育产教融合、校企合作的建议"
	LeadUnit      string   // 主办单位; the addressee of a CoOpinion

	// Result and handling.
	Category   string // 答复类别 in the style's scheme, e.g. "B"
	Disclosure string // 公开属性 in the style's vocabulary, e.g. "同意公开"
	DocNumber  string // 发文字号, e.g. "长教函〔2023〕12号"; empty = none
	Signer     string // 签发人; empty = not printed

	// Text. Empty derivable fields are filled by the style's formulas.
	Title      string // e.g. "对市政协第十四届第二次会议第244号提案的答复"; "\n" forces a line break
	Salutation string // e.g. "董妍委员："
	Opening    string // first paragraph
	Body       string // paragraphs, one per line; headings start with 一、 （一） 1. （1）
	// Closing is the closing paragraphs, one per line, e.g.
	// "感谢您对教育工作的关心和支持。"; empty = none. Most replies close
	// with one; some thank and then invite further contact in a second.
	Closing string
	// AsHeading and AsText override how numbered paragraphs are set (see
	// ParaForm): each entry is the beginning of a paragraph ("一、聚焦主导
	// 产业"). A paragraph that starts with an entry of AsHeading is a
	// heading however long its numbered sentence; one that starts with an
	// entry of AsText is body text with a number. Empty = every numbered
	// paragraph is set by its shape.
	AsHeading []string
	AsText    []string

	// Signature.
	Issuer string // 发文机关署名, e.g. "长春市教育局"
	Date   Date   // 成文日期
	Seal   bool   // the letter is sealed (盖章): issuer centred over the date

	Contact Contact
	// Responsible is the 承办负责人, the head of the handling office, printed
	// as a named 附注 in the wording of the style ("承办负责人：张华");
	// empty = not printed.
	Responsible string
	Notes       []string     // 附注, printed in parentheses under the date
	CC          []string     // 抄送 units
	Attachments []Attachment // 附件, listed after the body and printed on pages of their own
}

// Contact is the person a member can call about the reply, and the unit
// (联系单位, 承办处室) that person works in.
type Contact struct {
	Unit  string // e.g. "市教育局职成处"; empty = not given
	Name  string // e.g. "刘丽"
	Phone string // mobile (11 digits, starts with 1) or landline with area code ("0431-88888888")
}

// Attachment is one 附件: a title and either text paragraphs or a table.
type Attachment struct {
	Title string // e.g. "2023年产教融合型企业名单"
	Body  string // paragraphs, one per line
	Table *Table // nil when the attachment is text
}

// Table is a simple ruled table: a header row and data rows of cells.
type Table struct {
	Header []string
	Rows   [][]string
	Widths []int // relative column widths; nil = from content
}
