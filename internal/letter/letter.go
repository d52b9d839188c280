// Package letter turns a reply and its house style into the letter's
// blocks, in the order GB/T 9704-2012《党政机关公文格式》prints them: marks,
// 发文字号 and 签发人, title, salutation, paragraphs with their heading level,
// the 附件说明, signature and date, 附注 and contact, end marks, 抄送 and the
// attachments. What the letter says and in which order is decided here,
// once; the writers (package layout for the page and the PDF, package
// render/docx for Word) only decide how it is drawn, so no output can
// disagree with another about the content.
//
// The package is pure: it reads no files and knows no fonts.
package letter

import (
	"strconv"
	"strings"

	"replydesk/internal/fontrole"
	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// Fixed wording of the letter.
const (
	SignerLabel     = "签发人："
	AttachmentLabel = "附件：" // opens the 附件说明 (§7.3.6)
	CCLabel         = "抄送：" // opens the 抄送 of the 版记 (§7.4.2)
)

// Letter is a reply as it is printed: resolved by its house style
// (derived title, salutation and opening filled), without control
// characters, and cut into blocks.
type Letter struct {
	// Reply is the resolved reply the blocks come from.
	Reply reply.Reply
	// Format is the page format of the style.
	Format style.Format
	// Header is the 发文机关标志 of the letter format (the style's header
	// or else the issuer); it is printed only when Format is style.Letter.
	Header string
	// HeaderSpace is the blank space at the top of page 1 of the
	// letterhead format, in millimetres from the top edge of the page.
	HeaderSpace int

	// TopLeft and TopRight are the marks printed on lines of their own at
	// the top of page 1, the i-th of each on the same line.
	TopLeft, TopRight []Mark
	// Number is the 发文字号 followed by the marks printed after it; ""
	// when neither is printed.
	Number string
	// Signer is the name of the 签发人 when the style prints the line; "".
	Signer string
	// Title may hold "\n" where the user forces a line break.
	Title      string
	Salutation string
	// Text is the opening, the paragraphs of the body and the closing.
	Text []Para
	// List is the 附件说明: one entry per attachment, numbered "1." … when
	// there are several; printed after AttachmentLabel.
	List []Item

	Issuer string
	Date   string // as printed, e.g. "2023年6月20日"; "" when unset
	Seal   bool   // sealed: the issuer is centred over the date

	// Notes are the lines under the date: 附注 in parentheses and the
	// contact line, in the order the style prints them.
	Notes []Item
	// EndMarks are the marks printed after the signature block.
	EndMarks []Mark
	// CC are the units of the 抄送, without trailing punctuation; see CCText.
	CC []string
	// Attachments each start a new page.
	Attachments []Attachment

	// printed holds the reply fields whose values the blocks show, as
	// reply.Problem fields ("signer", "contact.phone"); see Prints.
	printed map[string]bool
}

// Prints reports whether the letter shows the value of a field of its
// reply, named as in reply.Problem.Field ("signer", "category",
// "contact.phone"): set in a block, a mark, the contact line or through a
// formula of the style. What a style leaves out is known here, where the
// blocks are made, and nowhere else (see Unprinted).
func (l *Letter) Prints(field string) bool { return l.printed[field] }

// show notes that the blocks show the fields.
func (l *Letter) show(fields ...string) {
	if l.printed == nil {
		l.printed = map[string]bool{}
	}
	for _, f := range fields {
		l.printed[f] = true
	}
}

// Mark is a printed mark (category or disclosure) in its font role.
type Mark struct{ Text, Role string }

// Item is a line of text and the reply field it comes from.
type Item struct {
	Text  string
	Field string // e.g. "notes", "contact", "attachments[0].title"
}

// Attachment is one 附件 as printed.
type Attachment struct {
	Label string // "附件", or "附件1" … when there are several
	Title string
	Body  []Para
	Table *reply.Table // nil when the attachment has none
	Field string       // "attachments[i]"
}

// New resolves r with st and returns its blocks. r is not changed.
func New(r *reply.Reply, st *style.Style) *Letter {
	clean := r.WithoutControls()
	resolved := st.Resolve(&clean)
	res := resolved.WithoutControls()
	l := &Letter{Reply: res, Format: st.Format, HeaderSpace: st.HeaderSpace}
	l.Header = st.HeaderText(&l.Reply)
	l.TopLeft, l.TopRight = l.marks(st, style.TopLeft), l.marks(st, style.TopRight)
	l.Number = res.DocNumber
	if l.Number != "" {
		l.show("doc_number")
	}
	for _, m := range l.marks(st, style.AfterNumber) {
		l.Number = strings.TrimSpace(l.Number + " " + m.Text)
	}
	if st.SignerLine && res.Signer != "" {
		l.Signer = res.Signer
		l.show("signer")
	}
	for _, f := range st.Formulas(&clean) {
		l.show(reply.FormulaFields(f)...)
	}
	l.Title, l.Salutation = res.Title, res.Salutation
	l.Text = text(&res)
	l.List = list(res.Attachments)
	l.Issuer, l.Date, l.Seal = res.Issuer, res.Date.String(), res.Seal
	l.Notes = notes(&res, st)
	for _, n := range l.Notes {
		switch n.Field {
		case "disclosure":
			l.show("disclosure")
		case "contact":
			l.show(reply.FormulaFields(st.ContactFormat)...)
		case "responsible":
			l.show("responsible")
		}
	}
	l.EndMarks = l.marks(st, style.End)
	l.CC = units(res.CC)
	l.Attachments = attachments(&res)
	return l
}

// marks returns the marks the style prints at place p, in order: category,
// then disclosure. A mark's role defaults to 黑体.
func (l *Letter) marks(st *style.Style, p style.Place) []Mark {
	var out []Mark
	add := func(m style.Mark, value string) {
		if m.Place != p || m.Format == "" || value == "" {
			return
		}
		l.show(reply.FormulaFields(m.Format)...)
		role := m.Font
		if role == "" {
			role = fontrole.Hei
		}
		out = append(out, Mark{reply.Expand(m.Format, &l.Reply), role})
	}
	add(st.CategoryMark, l.Reply.Category)
	add(st.DisclosureMark, l.Reply.Disclosure)
	return out
}

// CCText is the text of the 抄送 after CCLabel: the units separated by
// "，" and closed by "。"; "" when there are none.
func (l *Letter) CCText() string {
	if len(l.CC) == 0 {
		return ""
	}
	return strings.Join(l.CC, "，") + "。"
}

// units trims the 抄送 units of spaces and the punctuation the letter adds.
func units(cc []string) []string {
	var out []string
	for _, u := range cc {
		if u = strings.TrimRight(strings.TrimSpace(u), "，,。.；;、"); u != "" {
			out = append(out, u)
		}
	}
	return out
}

// list is the 附件说明's entries.
func list(as []reply.Attachment) []Item {
	var out []Item
	for i, a := range as {
		label := ""
		if len(as) > 1 {
			label = strconv.Itoa(i+1) + "."
		}
		out = append(out, Item{label + strings.TrimSpace(a.Title), "attachments[" + strconv.Itoa(i) + "].title"})
	}
	return out
}

// notes are the 附注 (in parentheses) and the contact lines, in the order
// the style sets (style.Style.Notes): the disclosure note, the reply's own
// notes, the 承办负责人 and the contact block by default. Each line of the
// contact block is an item of its own; a line whose placeholders are all
// empty is left out.
func notes(r *reply.Reply, st *style.Style) []Item {
	var out []Item
	paren := func(s string) string {
		s = strings.TrimSpace(s)
		if strings.HasPrefix(s, "（") && strings.HasSuffix(s, "）") {
			return s
		}
		return "（" + s + "）"
	}
	for _, kind := range st.Notes() {
		switch kind {
		case style.NoteDisclosure:
			if n := st.DisclosureNotes[r.Disclosure]; n != "" {
				out = append(out, Item{paren(n), "disclosure"})
			}
		case style.NoteNotes:
			for _, n := range r.Notes {
				if strings.TrimSpace(n) != "" {
					out = append(out, Item{paren(n), "notes"})
				}
			}
		case style.NoteResponsible:
			if st.ResponsibleFormat != "" && strings.TrimSpace(r.Responsible) != "" {
				out = append(out, Item{paren(reply.Expand(st.ResponsibleFormat, r)), "responsible"})
			}
		case style.NoteContact:
			out = append(out, contact(r, st, paren)...)
		}
	}
	return out
}

// contact returns the lines of the contact block, as 附注 or as lines of
// their own as the style places it.
func contact(r *reply.Reply, st *style.Style, paren func(string) string) []Item {
	if st.ContactFormat == "" || st.ContactPlace == style.None || (r.Contact == reply.Contact{}) {
		return nil
	}
	var out []Item
	for _, line := range strings.Split(st.ContactFormat, "\n") {
		if strings.TrimSpace(line) == "" || reply.EmptyFormula(line, r) {
			continue
		}
		text := reply.Expand(line, r)
		if st.ContactPlace == style.Note {
			text = paren(text)
		}
		out = append(out, Item{text, "contact"})
	}
	return out
}

// attachments returns the attachments of r as printed.
func attachments(r *reply.Reply) []Attachment {
	as := r.Attachments
	var out []Attachment
	for i, a := range as {
		label := "附件"
		if len(as) > 1 {
			label += strconv.Itoa(i + 1)
		}
		f := "attachments[" + strconv.Itoa(i) + "]"
		at := Attachment{Label: label, Title: strings.TrimSpace(a.Title), Table: a.Table, Field: f}
		for j, text := range strings.Split(a.Body, "\n") {
			if text = strings.TrimSpace(text); text != "" {
				at.Body = append(at.Body, NewPara(text, f+".body", j, r.FormOf(text)))
			}
		}
		out = append(out, at)
	}
	return out
}

// Subject is the document's subject for its metadata: the 案由, or else
// the kind.
func (l *Letter) Subject() string {
	if l.Reply.ItemTitle != "" {
		return l.Reply.ItemTitle
	}
	return string(l.Reply.Kind)
}

// Keywords are the document's keywords for its metadata, e.g.
// "提案 第244号 类别B 同意公开".
func (l *Letter) Keywords() string {
	k := string(l.Reply.Kind)
	if l.Reply.Number != "" {
		k += " 第" + l.Reply.Number + "号"
	}
	if l.Reply.Category != "" {
		k += " 类别" + l.Reply.Category
	}
	if l.Reply.Disclosure != "" {
		k += " " + l.Reply.Disclosure
	}
	return k
}

// Flat returns s on one line and without control characters: a title's
// manual line breaks go.
func Flat(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range reply.StripControls(s, true) {
		if r != '\n' {
			out = append(out, r)
		}
	}
	return string(out)
}
