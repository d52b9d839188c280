package style

import (
	"fmt"
	"slices"
	"strings"

	"replydesk/internal/reply"
)

// Resolve returns a copy of r with the derived fields the style has
// formulas for (Title, Salutation, Opening) filled where r leaves them
// empty. What Resolve returns is what is printed: an explicit value in r
// always wins; a field a formula needs and r lacks shows as reply.Blank.
// r is not changed; the copy shares nothing with it.
func (s *Style) Resolve(r *reply.Reply) reply.Reply {
	c := r.Clone()
	for _, d := range s.derivations(&c) {
		*d.field = reply.ExpandBlank(d.formula, r, reply.Blank)
	}
	return c
}

// derivation is a derived field of a reply and the formula that fills it.
type derivation struct {
	field   *string
	formula string
}

// derivations lists the derived fields of r that Resolve fills: those
// left empty that the style has a formula for.
func (s *Style) derivations(r *reply.Reply) []derivation {
	var out []derivation
	for _, d := range []derivation{{&r.Title, s.TitleFormula}, {&r.Salutation, s.SalutationFormula}, {&r.Opening, s.OpeningFormula}} {
		if strings.TrimSpace(*d.field) == "" && d.formula != "" {
			out = append(out, d)
		}
	}
	return out
}

// Formulas returns the formulas Resolve fills r's derived fields with, in
// the order title, salutation, opening: what a reader of the letter sees
// of r's fields through them.
func (s *Style) Formulas(r *reply.Reply) []string {
	c := *r
	var out []string
	for _, d := range s.derivations(&c) {
		out = append(out, d.formula)
	}
	return out
}

// Vocab is what reply.Check needs to know of the style: the category codes
// and disclosure values it allows, and which of them and the contact it
// prints, so must be filled.
func (s *Style) Vocab() reply.Vocab {
	return reply.Vocab{
		Categories:         codes(s.Categories),
		Disclosures:        codes(s.Disclosures),
		CategoryRequired:   s.CategoryMark.printed(),
		DisclosureRequired: !s.DisclosureOptional && (s.DisclosureMark.printed() || len(s.DisclosureNotes) > 0),
		ContactRequired:    s.ContactFormat != "" && s.ContactPlace != None,
		ContactUnitRequired: s.ContactFormat != "" && s.ContactPlace != None &&
			slices.Contains(reply.FormulaFields(s.ContactFormat), "contact.unit"),
		AreaCode: s.AreaCode,
	}
}

func codes(cs []Choice) []string {
	if len(cs) == 0 {
		return nil
	}
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Code
	}
	return out
}

// printed reports whether the mark shows on the letter.
func (m Mark) printed() bool { return m.Format != "" && m.Place != None }

// NewReply returns a fresh reply of the style's kind, named after the
// style, with the default closing and 抄送 and a seal (GB/T 9704: replies
// are sealed). Category and disclosure are left empty for the user to
// choose; the date is left unset.
func (s *Style) NewReply() *reply.Reply {
	return &reply.Reply{
		Style:   s.Name,
		Kind:    s.Kind,
		Closing: s.ClosingDefault,
		CC:      slices.Clone(s.DefaultCC),
		Seal:    true,
	}
}

// HeaderText is the 发文机关标志 of the letter format: the style's Header,
// or else the reply's issuer.
func (s *Style) HeaderText(r *reply.Reply) string {
	if s.Header != "" {
		return s.Header
	}
	return r.Issuer
}

// Label returns the meaning of a category code or disclosure value, e.g.
// "B" → "正在解决或列入计划逐步解决", for forms and spreadsheets; "" when the
// code is not in the list.
func Label(cs []Choice, code string) string {
	for _, c := range cs {
		if c.Code == code {
			return c.Label
		}
	}
	return ""
}

// Select picks the style of a reply from the loaded ones: the style called
// name if there is one, else the first of kind (styles come sorted by name,
// so "提案答复" comes before its variants). It returns nil when none fits.
func Select(styles []*Style, name string, kind reply.Kind) *Style {
	if name != "" {
		for _, s := range styles {
			if s.Name == name {
				return s
			}
		}
	}
	for _, s := range styles {
		if s.Kind == kind {
			return s
		}
	}
	return nil
}

// Check returns what is wrong with the reply as the style would print it:
// reply.Check of the resolved reply with the style's vocabulary, plus what
// only the style knows (the kind it answers, the 签发人 line, the header of
// the letter format). Problems are worst first.
func (s *Style) Check(r *reply.Reply) []reply.Problem {
	resolved := s.Resolve(r)
	ps := append(reply.Check(&resolved, s.Vocab()), reply.CheckTables(r)...)
	add := func(field string, sev reply.Severity, format string, args ...any) {
		ps = append(ps, reply.Problem{Field: field, Severity: sev, Message: fmt.Sprintf(format, args...), Para: -1})
	}
	if r.Kind != "" && s.Kind != "" && r.Kind != s.Kind {
		add("kind", reply.Error, "类型“%s”与样式“%s”不符：该样式用于%s，请换用%s的样式", r.Kind, s.Name, s.Kind, r.Kind)
	}
	if s.SignerLine && r.Signer == "" {
		add("signer", reply.Warning, "样式“%s”在首页印“签发人：”，签发人未填写", s.Name)
	}
	if s.Format == Letter && s.HeaderText(r) == "" {
		add("issuer", reply.Error, "信函格式要印发文机关标志：请填写发文机关署名")
	}
	if s.Format == Letter && r.DocNumber == "" {
		add("doc_number", reply.Info, "信函格式通常在首页右上方印发文字号，发文字号未填写")
	}
	reply.SortProblems(ps)
	return ps
}
