package ledger

import (
	"fmt"
	"strings"

	"replydesk/internal/reply"
)

// FieldKey names a column of the ledger.
type FieldKey string

// The ledger's columns, in the order of a 办理情况汇总表.
const (
	FKind         FieldKey = "kind"
	FMeeting      FieldKey = "meeting" // assembly, term and session in one cell
	FNumber       FieldKey = "number"
	FTitle        FieldKey = "title"
	FProposers    FieldKey = "proposers"
	FCoSigners    FieldKey = "cosigners"
	FDelegation   FieldKey = "delegation"
	FLeadUnit     FieldKey = "lead_unit"
	FCoUnits      FieldKey = "co_units"
	FMode         FieldKey = "mode"
	FAssigned     FieldKey = "assigned"
	FDeadline     FieldKey = "deadline"
	FStatus       FieldKey = "status"
	FReplied      FieldKey = "replied"
	FDocNumber    FieldKey = "doc_number"
	FSigner       FieldKey = "signer"
	FCategory     FieldKey = "category"
	FDisclosure   FieldKey = "disclosure"
	FMet          FieldKey = "met"
	FSatisfaction FieldKey = "satisfaction"
	FContact      FieldKey = "contact"
	FPhone        FieldKey = "phone"
	FNotes        FieldKey = "notes"
)

// FieldType says how a field's text is read and written.
type FieldType int

// Field types.
const (
	Text   FieldType = iota
	Date             // a reply.Date, written 2023年6月1日
	List             // names or units joined by 、
	Choice           // one of a vocabulary (status, mode, satisfaction, kind)
	Bool             // 是 / 否
)

// Field describes one column of the ledger, for tables and spreadsheets.
type Field struct {
	Key      FieldKey
	Label    string // the column header, e.g. "交办日期"
	Type     FieldType
	Required bool     // an import needs this column
	Choices  []string // the values of a Choice or Bool field; nil for free text
	Width    int      // a column width that fits typical content, in characters
}

// Fields are the ledger's columns in the order of a 办理情况汇总表.
var Fields = []Field{
	{Key: FKind, Label: "类型", Type: Choice, Choices: []string{string(reply.Proposal), string(reply.Suggestion)}, Width: 6},
	{Key: FMeeting, Label: "届次会议", Width: 18},
	{Key: FNumber, Label: "编号", Required: true, Width: 8},
	{Key: FTitle, Label: "案由", Required: true, Width: 40},
	{Key: FProposers, Label: "提出人", Type: List, Width: 12},
	{Key: FCoSigners, Label: "联名人", Type: List, Width: 16},
	{Key: FDelegation, Label: "代表团/界别", Width: 12},
	{Key: FLeadUnit, Label: "主办单位", Width: 18},
	{Key: FCoUnits, Label: "协办单位", Type: List, Width: 20},
	{Key: FMode, Label: "承办方式", Type: Choice, Choices: modeNames(), Width: 8},
	{Key: FAssigned, Label: "交办日期", Type: Date, Width: 14},
	{Key: FDeadline, Label: "办理期限", Type: Date, Width: 14},
	{Key: FStatus, Label: "办理状态", Type: Choice, Choices: statusNames(), Width: 8},
	{Key: FReplied, Label: "答复日期", Type: Date, Width: 14},
	{Key: FDocNumber, Label: "发文字号", Width: 18},
	{Key: FSigner, Label: "签发人", Width: 8},
	{Key: FCategory, Label: "答复类别", Width: 8},
	{Key: FDisclosure, Label: "公开属性", Width: 10},
	{Key: FMet, Label: "是否见面沟通", Type: Bool, Choices: []string{"是", "否"}, Width: 8},
	{Key: FSatisfaction, Label: "满意度", Type: Choice, Choices: satisfactionNames(), Width: 8},
	{Key: FContact, Label: "联系人", Width: 8},
	{Key: FPhone, Label: "联系电话", Width: 14},
	{Key: FNotes, Label: "备注", Width: 20},
}

func modeNames() []string {
	out := make([]string, len(Modes))
	for i, m := range Modes {
		out[i] = string(m)
	}
	return out
}

func statusNames() []string {
	out := make([]string, len(Statuses))
	for i, s := range Statuses {
		out[i] = string(s)
	}
	return out
}

func satisfactionNames() []string {
	out := make([]string, len(Satisfactions))
	for i, s := range Satisfactions {
		out[i] = string(s)
	}
	return out
}

// FieldOf returns the field of that key; ok is false for an unknown key.
func FieldOf(key FieldKey) (Field, bool) {
	for _, f := range Fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// DateOf returns a pointer to the item's date of a Date field, or nil.
func (it *Item) DateOf(key FieldKey) *reply.Date {
	switch key {
	case FAssigned:
		return &it.Assigned
	case FDeadline:
		return &it.Deadline
	case FReplied:
		return &it.Replied
	}
	return nil
}

// text returns a pointer to the item's string of a Text field, or nil.
func (it *Item) text(key FieldKey) *string {
	switch key {
	case FTitle:
		return &it.Title
	case FDelegation:
		return &it.Delegation
	case FLeadUnit:
		return &it.LeadUnit
	case FDocNumber:
		return &it.DocNumber
	case FSigner:
		return &it.Signer
	case FCategory:
		return &it.Category
	case FDisclosure:
		return &it.Disclosure
	case FContact:
		return &it.Contact
	case FPhone:
		return &it.Phone
	case FNotes:
		return &it.Notes
	}
	return nil
}

// Get returns the field of the item as a table cell shows it: dates as
// 2023年6月1日, lists joined by 、, 是/否 ("" when 见面沟通 was not
// recorded).
func (f Field) Get(it *Item) string {
	if p := it.text(f.Key); p != nil {
		return *p
	}
	if d := it.DateOf(f.Key); d != nil {
		return d.String()
	}
	switch f.Key {
	case FKind:
		return string(it.Kind)
	case FMeeting:
		return Meeting(it.Assembly, it.Term, it.Session)
	case FNumber:
		return it.Number
	case FProposers:
		return ProposersText(it.Proposers, it.ProposerCount)
	case FCoSigners:
		return strings.Join(it.CoSigners, "、")
	case FCoUnits:
		return strings.Join(it.CoUnits, "、")
	case FMode:
		return string(it.Mode)
	case FStatus:
		return string(it.Status)
	case FMet:
		switch {
		case it.Met:
			return "是"
		case it.MetRecorded:
			return "否"
		}
		return ""
	case FSatisfaction:
		return string(it.Satisfaction)
	}
	return ""
}

// Set reads the field of the item from a cell's text. The error, in
// Chinese, quotes the text and says what is expected, without naming the
// row or column (the caller does).
func (f Field) Set(it *Item, s string) error {
	s = strings.TrimSpace(s)
	if p := it.text(f.Key); p != nil {
		*p = cleanText(f.Key, s)
		return nil
	}
	if d := it.DateOf(f.Key); d != nil {
		v, err := ParseDate(s)
		if err != nil {
			return err
		}
		*d = v
		return nil
	}
	switch f.Key {
	case FNumber:
		it.Number = NormalizeNumber(s)
	case FProposers:
		it.Proposers, it.ProposerCount = ParseProposers(s)
	case FCoSigners:
		it.CoSigners = SplitList(s)
	case FCoUnits:
		it.CoUnits = SplitList(s)
	case FMeeting:
		return setMeeting(it, s)
	default:
		return f.setChoice(it, s)
	}
	return nil
}

// cleanText tidies a free-text cell: one line for everything but notes and
// titles, the category without its decoration ("B类" → "B").
func cleanText(key FieldKey, s string) string {
	switch key {
	case FCategory:
		return NormalizeCategory(s)
	case FPhone:
		return reply.NormalizePhone(s)
	case FNotes:
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// setChoice reads a Choice or Bool field.
func (f Field) setChoice(it *Item, s string) error {
	switch f.Key {
	case FKind:
		k, err := ParseKind(s)
		it.Kind = k
		return err
	case FMode:
		m, err := ParseMode(s)
		it.Mode = m
		return err
	case FStatus:
		st, err := ParseStatus(s)
		it.Status = st
		return err
	case FSatisfaction:
		v, err := ParseSatisfaction(s)
		it.Satisfaction = v
		return err
	case FMet:
		v, err := ParseBool(s)
		it.Met, it.MetRecorded = v, err == nil && fold(s) != "" && fold(s) != Unfilled
		return err
	}
	return fmt.Errorf("未知的列“%s”", f.Key)
}
