package app

import (
	"reflect"
	"slices"

	"replydesk/internal/reply"
)

// FillFrom returns the reply a form shows when a letter whose fields found
// were recognised is pasted over the reply in it: every field found
// replaces the form's, every field the letter does not have keeps the
// form's value (recognition never empties a field). replaced names, as
// problem fields ("title", "contact.phone"), the fields whose non-empty
// value in the form is replaced by another one; the caller asks before.
//
// The kind and style follow the letter only when it names another kind
// than the form (then found.Style, the style of that kind, is taken); a
// seal is taken only when one was recognised; the proposers come with
// their count.
func FillFrom(form, found *reply.Reply) (out *reply.Reply, replaced []string) {
	r := form.Clone()
	str := func(field string, dst *string, v string) {
		if v == "" {
			return
		}
		if *dst != "" && *dst != v {
			replaced = append(replaced, field)
		}
		*dst = v
	}
	num := func(field string, dst *int, v int) {
		if v == 0 {
			return
		}
		if *dst != 0 && *dst != v {
			replaced = append(replaced, field)
		}
		*dst = v
	}
	list := func(field string, dst *[]string, v []string) {
		if len(v) == 0 {
			return
		}
		if len(*dst) > 0 && !slices.Equal(*dst, v) {
			replaced = append(replaced, field)
		}
		*dst = slices.Clone(v)
	}
	if found.Kind != "" && found.Kind != r.Kind {
		if r.Kind != "" {
			replaced = append(replaced, "kind")
		}
		r.Kind, r.Style = found.Kind, found.Style
	} else if r.Style == "" {
		r.Style = found.Style
	}
	str("assembly", &r.Assembly, found.Assembly)
	num("term", &r.Term, found.Term)
	num("session", &r.Session, found.Session)
	str("number", &r.Number, found.Number)
	if len(found.Proposers) > 0 {
		list("proposers", &r.Proposers, found.Proposers)
		r.ProposerCount = found.ProposerCount
	}
	str("item_title", &r.ItemTitle, found.ItemTitle)
	str("lead_unit", &r.LeadUnit, found.LeadUnit)
	str("category", &r.Category, found.Category)
	str("disclosure", &r.Disclosure, found.Disclosure)
	str("doc_number", &r.DocNumber, found.DocNumber)
	str("signer", &r.Signer, found.Signer)
	str("title", &r.Title, found.Title)
	str("salutation", &r.Salutation, found.Salutation)
	str("opening", &r.Opening, found.Opening)
	str("body", &r.Body, found.Body)
	str("closing", &r.Closing, found.Closing)
	str("issuer", &r.Issuer, found.Issuer)
	if !found.Date.IsZero() {
		if !r.Date.IsZero() && r.Date != found.Date {
			replaced = append(replaced, "date")
		}
		r.Date = found.Date
	}
	r.Seal = r.Seal || found.Seal
	str("contact.name", &r.Contact.Name, found.Contact.Name)
	str("contact.phone", &r.Contact.Phone, found.Contact.Phone)
	list("notes", &r.Notes, found.Notes)
	list("cc", &r.CC, found.CC)
	if len(found.Attachments) > 0 {
		if len(r.Attachments) > 0 && !reflect.DeepEqual(r.Attachments, found.Attachments) {
			replaced = append(replaced, "attachments")
		}
		r.Attachments = found.Clone().Attachments
	}
	return &r, replaced
}
