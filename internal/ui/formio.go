package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"replydesk/internal/reply"
)

// load shows r in the form.
func (f *form) load(r *reply.Reply) {
	f.loading = true
	defer func() { f.loading = false }()
	f.style.SetSelected(r.Style)
	if r.Style == "" {
		f.style.ClearSelected()
	}
	f.styleChanged()
	f.kind.SetSelected(string(r.Kind))
	st := f.currentStyle()
	if st != nil {
		f.category.Options = choiceOptions(st.Categories)
		f.disclosure.Options = choiceOptions(st.Disclosures)
		selectCode(f.category, st.Categories, r.Category)
		selectCode(f.disclosure, st.Disclosures, r.Disclosure)
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	values := map[string]string{
		"assembly": r.Assembly, "term": num(r.Term), "session": num(r.Session), "number": r.Number,
		"proposers": strings.Join(r.Proposers, "、"), "proposer_count": num(r.ProposerCount),
		"item_title": r.ItemTitle, "lead_unit": r.LeadUnit, "doc_number": r.DocNumber, "signer": r.Signer,
		"title": r.Title, "salutation": r.Salutation, "opening": r.Opening, "body": r.Body,
		"closing": r.Closing, "issuer": r.Issuer, "date": r.Date.ISO(),
		"contact.unit": r.Contact.Unit, "contact.name": r.Contact.Name, "contact.phone": r.Contact.Phone,
		"responsible": r.Responsible, "notes": strings.Join(r.Notes, "\n"), "cc": strings.Join(r.CC, "\n"),
	}
	for field, v := range values {
		f.entries[field].SetText(v)
	}
	f.seal.SetChecked(r.Seal)
	f.asHeading, f.asText = slices.Clone(r.AsHeading), slices.Clone(r.AsText)
	f.syncParaForm()
	f.attach.load(r.Attachments)
	f.derived(r)
}

// read returns the reply the form shows; values it cannot read (a date
// that is not one, a term that is not a number) are left zero and
// reported in f.extra.
func (f *form) read() *reply.Reply {
	f.extra = nil
	text := func(field string) string { return f.entries[field].Text }
	r := &reply.Reply{
		Style: f.style.Selected, Kind: reply.Kind(f.kind.Selected),
		Assembly: strings.TrimSpace(text("assembly")), Number: strings.TrimSpace(text("number")),
		Proposers: splitList(text("proposers"), "、，,;；\n"), ItemTitle: text("item_title"),
		LeadUnit: text("lead_unit"), Category: choiceCode(f.category.Selected),
		Disclosure: choiceCode(f.disclosure.Selected), DocNumber: text("doc_number"), Signer: text("signer"),
		Title: text("title"), Salutation: text("salutation"), Opening: text("opening"),
		Body: text("body"), Closing: text("closing"), Issuer: text("issuer"), Seal: f.seal.Checked,
		Contact:     reply.Contact{Unit: text("contact.unit"), Name: text("contact.name"), Phone: text("contact.phone")},
		Responsible: text("responsible"),
		Notes:       splitList(text("notes"), "\n"), CC: splitList(text("cc"), "\n"),
		Attachments: f.attach.read(),
		AsHeading:   slices.Clone(f.asHeading), AsText: slices.Clone(f.asText),
	}
	// Overrides of paragraphs no longer there stay in the form, should the
	// paragraph come back as it was, but are not part of the reply.
	r.PruneForms()
	for _, n := range []struct {
		field string
		to    *int
	}{{"term", &r.Term}, {"session", &r.Session}, {"proposer_count", &r.ProposerCount}} {
		v, err := ordinal(text(n.field))
		if err != nil {
			f.problem(n.field, fmt.Sprintf("%s“%s”%s", reply.FieldLabel(n.field), text(n.field), err))
		}
		*n.to = v
	}
	if d := strings.TrimSpace(text("date")); d != "" {
		date, err := reply.ParseDate(d)
		if err != nil {
			f.problem("date", "成文日期"+err.Error())
		}
		r.Date = date
	}
	return r
}

func (f *form) problem(field, msg string) {
	f.extra = append(f.extra, reply.Problem{Field: field, Severity: reply.Error, Message: msg, Para: -1})
}

// derived shows, as placeholders of the title, salutation and opening,
// what the style will print while they are left empty.
func (f *form) derived(r *reply.Reply) {
	st := f.currentStyle()
	if st == nil {
		return
	}
	res := st.Resolve(&reply.Reply{Kind: r.Kind, Assembly: r.Assembly, Term: r.Term, Session: r.Session,
		Number: r.Number, Proposers: r.Proposers, ProposerCount: r.ProposerCount, ItemTitle: r.ItemTitle, LeadUnit: r.LeadUnit})
	for field, v := range map[string]string{"title": res.Title, "salutation": res.Salutation, "opening": res.Opening} {
		e := f.entries[field]
		if e.PlaceHolder != v {
			e.SetPlaceHolder(v)
		}
	}
}

// dateRow is the date entry with a calendar button.
func (f *form) dateRow() fyne.CanvasObject { return dateField(f.entries["date"]) }
