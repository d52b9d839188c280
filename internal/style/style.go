// Package style holds house styles: the local conventions a bureau follows
// on top of GB/T 9704-2012, loaded at run time from templates/*.toml so that a
// bureau adds its own without code. A style says how the result category and
// disclosure are printed, the formulas of the derived fields (title,
// salutation, opening), where the contact goes, the default 抄送, and the page
// format (plain, 信函格式, or paper with a pre-printed letterhead).
package style

import (
	"slices"

	"replydesk/internal/reply"
)

// Format is the page format of a style.
type Format string

// Page formats.
const (
	Plain      Format = "plain"      // type area from the top; no header
	Letter     Format = "letter"     // 信函格式: red header, red double lines, 发文字号 top right, no number on page 1
	Letterhead Format = "letterhead" // pre-printed letterhead paper: the first page leaves HeaderSpace blank
)

// Place is where an element of the letter is printed.
type Place string

// Places for marks and the contact line.
const (
	None        Place = ""         // not printed
	TopLeft     Place = "top-left" // own line at the top of page 1, flush left (the seed's 【B】)
	TopRight    Place = "top-right"
	AfterNumber Place = "after-number" // after the 发文字号, e.g. "琼土环资函〔2006〕187号 B"
	End         Place = "end"          // own line after the signature block, e.g. "办复类别：B"
	Line        Place = "line"         // own line after the date, indented two characters (the seed's contact)
	Note        Place = "note"         // a 附注 in parentheses, indented two characters, under the date
)

// Kinds of the lines under the date, for Style.NoteOrder.
const (
	NoteDisclosure  = "disclosure"  // the note of the disclosure (DisclosureNotes)
	NoteNotes       = "notes"       // the reply's own 附注
	NoteResponsible = "responsible" // the 承办负责人
	NoteContact     = "contact"     // the contact block, as a note or on lines of its own
)

// NoteKinds lists the kinds of lines under the date in their default
// order.
var NoteKinds = []string{NoteDisclosure, NoteNotes, NoteResponsible, NoteContact}

// DefaultResponsibleFormat is the wording of the 承办负责人 note of a style
// that does not set one.
const DefaultResponsibleFormat = "承办负责人：{responsible}"

// Notes returns the order of the lines under the date: NoteOrder, then the
// kinds it leaves out, without repeats or unknown kinds.
func (s *Style) Notes() []string {
	var out []string
	for _, k := range slices.Concat(s.NoteOrder, NoteKinds) {
		if slices.Contains(NoteKinds, k) && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// Choice is one value of a vocabulary, e.g. category "B" meaning
// "正在解决或列入计划逐步解决".
type Choice struct {
	Code  string // what is stored and printed, e.g. "B", "同意公开"
	Label string // what it means, shown in the form
}

// Mark says how a value (category or disclosure) is printed.
type Mark struct {
	Format string // e.g. "【{category}】", "类别：{category}类"; empty = not printed
	Place  Place
	Font   string // font role: "hei" (default), "body", "kai"
}

// Style is one house style.
type Style struct {
	Name        string     // e.g. "提案答复"; the file name without .toml
	Description string     // one line shown in the "new reply" chooser
	Kind        reply.Kind // the kind of item the style answers

	Format      Format
	Header      string // 发文机关标志 of the letter format, e.g. "长春市教育局"; empty = the reply's Issuer
	HeaderSpace int    // letterhead format: blank space at the top of page 1, in mm from the top edge of the page

	Categories  []Choice // the category scheme, e.g. A/B/C/D, A/B/C, 甲/乙/丙
	Disclosures []Choice // the disclosure vocabulary

	CategoryMark   Mark
	DisclosureMark Mark
	// DisclosureNotes maps a disclosure code to the 附注 it adds, e.g.
	// "同意公开" → "此件公开发布" (printed as "（此件公开发布）").
	DisclosureNotes map[string]string
	// DisclosureOptional allows a reply to state no disclosure at all:
	// check then asks for none even though the style prints it, and
	// nothing is printed for it. False = a style that prints the
	// disclosure (mark or note) requires it. A style without disclosure
	// choices, mark and notes that sets it states no disclosure.
	DisclosureOptional bool

	// Formulas of the derived fields. Placeholders in braces are filled from
	// the reply; see Expand for the list.
	TitleFormula      string // e.g. "对{assembly}第{term_cn}届第{session_cn}次会议第{number}号{kind}的答复"
	SalutationFormula string // e.g. "{proposers}{address}："
	OpeningFormula    string // e.g. "您在{assembly}{term_cn}届{session_cn}次会议上提出的《{item_title}》的提案（第{number}号）收悉，现答复如下："
	ClosingDefault    string // e.g. "感谢您对教育工作的关心和支持。"

	// ContactFormat is the contact block, e.g. "联系人姓名及电话：
	// {contact_name} {contact_phone}"; a "\n" starts a new line, so that
	// "联系单位：{contact_unit}\n联系人：{contact_name}\n联系电话：
	// {contact_phone}" prints three. A line whose placeholders are all
	// empty is left out. Empty = no contact.
	ContactFormat string
	ContactPlace  Place // Line or Note

	// ResponsibleFormat is the wording of the 承办负责人 note, e.g.
	// "承办负责人：{responsible}"; empty = not printed.
	ResponsibleFormat string
	// NoteOrder is the order of the lines under the date, by kind (see
	// NoteKinds); kinds not listed follow in the order of NoteKinds.
	// Empty = NoteKinds' order.
	NoteOrder  []string
	SignerLine bool // print "签发人：×××" on page 1

	// AreaCode is the area code of the bureau's local telephone numbers,
	// e.g. "0431": a contact number written without it (66881234) is
	// then accepted. "" = not given (the settings may give it).
	AreaCode string

	DefaultCC      []string
	DeadlineMonths int // handling period from assignment, for the ledger; 0 = 3

	// Public is how the public version of a reply differs from the signed
	// one ([public]); the zero value is the default.
	Public Public
}
