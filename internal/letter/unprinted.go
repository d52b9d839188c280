package letter

import (
	"strings"

	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// dropped are the fields of a reply that exist to be printed and that a
// house style may leave out, with what to do when it does. Whether a style
// prints one is not decided here: Prints asks the letter's blocks.
var dropped = []struct {
	field string
	value func(r *reply.Reply) string
	todo  string
}{
	{"signer", func(r *reply.Reply) string { return r.Signer },
		"如需印出，请换用印“签发人：”一行的样式，或在样式文件中设 [page] signer_line = true"},
	{"doc_number", func(r *reply.Reply) string { return r.DocNumber },
		"如需印出，请换用印发文字号的样式"},
	{"category", func(r *reply.Reply) string { return r.Category },
		"如需印出，请换用印答复类别的样式，或在样式文件的 [category] 中设 format 和 place"},
	{"disclosure", func(r *reply.Reply) string { return r.Disclosure },
		"如需印出，请换用印公开属性的样式，或在样式文件中设 [disclosure] 的 format 和 place 或 [disclosure.notes]"},
	{"contact.unit", func(r *reply.Reply) string { return r.Contact.Unit },
		"如需印出，请换用印联系单位的样式，或在样式文件的 [contact] format 中加上 {contact_unit}"},
	{"contact.name", func(r *reply.Reply) string { return r.Contact.Name },
		"如需印出，请换用印联系人的样式，或在样式文件的 [contact] format 中加上 {contact_name}"},
	{"contact.phone", func(r *reply.Reply) string { return r.Contact.Phone },
		"如需印出，请换用印联系电话的样式，或在样式文件的 [contact] format 中加上 {contact_phone}"},
	{"responsible", func(r *reply.Reply) string { return r.Responsible },
		"如需印出，请换用印承办负责人的样式，或在样式文件中设 [notes] responsible = \"承办负责人：{responsible}\""},
}

// Unprinted returns a warning for each field of r that holds a value the
// style st does not print — a 签发人 in a style without the 签发人 line, a
// category in a style that prints none, a phone number the contact line
// leaves out — so that nothing the user filled in is dropped without a
// word. The letter's own blocks tell what is printed (Prints), so the
// warning follows the style, whatever it sets. Fields that only feed the
// ledger or the derived texts (lead unit, 案由) are not looked at.
func Unprinted(r *reply.Reply, st *style.Style) []reply.Problem {
	l := New(r, st)
	var out []reply.Problem
	for _, d := range dropped {
		v := strings.TrimSpace(reply.StripControls(d.value(r), false))
		if v == "" || l.Prints(d.field) {
			continue
		}
		if rs := []rune(v); len(rs) > 30 {
			v = string(rs[:30]) + "…"
		}
		label := reply.FieldLabel(d.field)
		out = append(out, reply.Problem{Field: d.field, Severity: reply.Warning, Para: -1,
			Message: label + "“" + v + "”不会印在答复函上：样式“" + st.Name + "”不印" + label + "。" + d.todo + "；不需要印出可清空此项"})
	}
	return out
}

// Check returns what is wrong with r as st prints it: the style's rules
// (style.Style.Check) and the fields the style leaves out (Unprinted),
// worst first.
func Check(r *reply.Reply, st *style.Style) []reply.Problem {
	ps := append(st.Check(r), Unprinted(r, st)...)
	reply.SortProblems(ps)
	return ps
}
