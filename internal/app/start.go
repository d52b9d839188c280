package app

import (
	"slices"
	"strings"

	"replydesk/internal/reply"
)

// StartReply fills r, a reply being started, with the defaults of the
// settings p: the issuer (the unit's full name), the contact and its
// phone, and the 抄送 list. It is the one rule of every way a reply
// starts — 新建 from a style, 起草答复 from a ledger item, a letter
// imported from a file or pasted as text: where the settings have a
// value it wins, and r's own value (the item's short unit name, the
// contact of an old letter) stays only where the settings have none.
//
// A reply without a date gets today, unless today is zero (a letter
// pasted over a reply being edited, whose date stays the form's).
//
// It returns, as problem fields ("issuer", "contact.phone", "cc"), the
// fields whose own non-empty value the settings replaced with another, so
// that an import can say what it changed.
func StartReply(r *reply.Reply, p Profile, today reply.Date) (replaced []string) {
	str := func(field string, dst *string, v string) {
		v = strings.TrimSpace(v)
		if v == "" {
			return
		}
		if old := strings.TrimSpace(*dst); old != "" && old != v {
			replaced = append(replaced, field)
		}
		*dst = v
	}
	str("issuer", &r.Issuer, p.Unit)
	str("contact.name", &r.Contact.Name, p.ContactName)
	str("contact.phone", &r.Contact.Phone, p.ContactPhone)
	if cc := nonBlank(p.CC); len(cc) > 0 {
		if len(r.CC) > 0 && !slices.Equal(nonBlank(r.CC), cc) {
			replaced = append(replaced, "cc")
		}
		r.CC = cc
	}
	if r.Date.IsZero() && !today.IsZero() {
		r.Date = today
	}
	return replaced
}

// nonBlank returns the items of list that are not blank, trimmed.
func nonBlank(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Start makes the imported letter a reply being started (StartReply with
// the settings p and today), checks it again, and adds a note for each
// field whose value in the letter the settings replaced, e.g.
// "发文机关署名按设置填为“长春市教育局”（原文为“市教育局”）". A letter
// pasted over a reply being edited passes a zero today: its date is the
// form's business.
func (im *Imported) Start(d *Desk, p Profile, today reply.Date) {
	before := im.Reply.Clone()
	replaced := StartReply(im.Reply, p, today)
	for _, f := range replaced {
		was, now := fieldText(&before, f), fieldText(im.Reply, f)
		im.Notes = append(im.Notes, ImportNote{Para: -1, Field: f,
			Message: reply.FieldLabel(f) + "按设置填为“" + now + "”（原文为“" + was + "”）：如需沿用原文，请在表单中改回"})
	}
	if len(replaced) > 0 || before.Date != im.Reply.Date {
		im.Problems = d.Check(im.Reply)
	}
}

// fieldText is the value of a field StartReply may replace, as text.
func fieldText(r *reply.Reply, field string) string {
	switch field {
	case "issuer":
		return r.Issuer
	case "contact.name":
		return r.Contact.Name
	case "contact.phone":
		return r.Contact.Phone
	case "cc":
		return strings.Join(r.CC, "、")
	}
	return ""
}
