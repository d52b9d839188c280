// Package publish makes the public version of a reply (公开版): the reply
// as the bureau publishes it on its 政府信息公开 pages, with the personal
// data removed that the 政府信息公开条例 and GB/T 35273 keep private. The
// contact person's name and telephone never appear in it; the 签发人, the
// 承办负责人, the disclosure mark, the contact unit and the proposers' names
// appear as the house style's [public] section says (style.Public). A reply
// whose disclosure classification forbids publication is refused.
//
// The public version is a reply and a style like any other, so every
// writer (layout and PDF, HTML, text) prints it unchanged: what is not in
// it cannot leak. The package is pure: a function of the reply and the
// style.
package publish

import (
	"fmt"
	"slices"
	"strings"

	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// Version is the public version of a reply.
type Version struct {
	// Reply is the public reply, its derived fields (title, salutation,
	// opening) filled as the signed reply prints them.
	Reply *reply.Reply
	// Style prints it: the reply's style without what the public version
	// leaves out (contact lines naming the person, 签发人 line, marks).
	Style *style.Style
	// Removed says, in Chinese, what the public version left out of the
	// reply's text beyond the fields the style drops, e.g.
	// "附注第1条（含联系人姓名或电话）"; for the clerk to review.
	Removed []string
}

// RefusedError is returned for a reply whose disclosure classification
// (or style) forbids publication.
type RefusedError struct {
	Disclosure string // the reply's 公开属性
	Reason     string // in Chinese
}

func (e *RefusedError) Error() string { return "不能生成公开版：" + e.Reason }

// Allowed returns the refusal of r in st, or nil when r may be published.
func Allowed(r *reply.Reply, st *style.Style) error {
	if why := st.Public.Refusal(st.Name, r.Disclosure); why != "" {
		return &RefusedError{Disclosure: strings.TrimSpace(r.Disclosure), Reason: why}
	}
	return nil
}

// Make returns the public version of r in style st, or a *RefusedError.
// Neither r nor st is changed.
func Make(r *reply.Reply, st *style.Style) (*Version, error) {
	if err := Allowed(r, st); err != nil {
		return nil, err
	}
	p := st.Public
	pub := st.Resolve(r) // the derived fields as the signed reply prints them
	pst := publicStyle(st)
	v := &Version{Reply: &pub, Style: pst}

	sc := newScrubber(r, p.HideProposers)
	pub.Contact.Name, pub.Contact.Phone = "", ""
	if p.HideUnit {
		pub.Contact.Unit = ""
	}
	if !p.Signer {
		pub.Signer = ""
	}
	if !p.Responsible {
		pub.Responsible = ""
	}
	if p.HideProposers {
		for i := range pub.Proposers {
			pub.Proposers[i] = style.ProposerMask
		}
	}
	v.Removed = sc.reply(&pub)
	return v, nil
}

// publicStyle is st without what the public version never prints: the
// contact lines that name the person or the telephone, the 签发人 line and
// the marks the [public] section drops.
func publicStyle(st *style.Style) *style.Style {
	c := *st
	p := st.Public
	var keep []string
	for _, line := range strings.Split(st.ContactFormat, "\n") {
		fields := reply.FormulaFields(line)
		if slices.Contains(fields, "contact.name") || slices.Contains(fields, "contact.phone") {
			continue
		}
		if p.HideUnit && slices.Contains(fields, "contact.unit") {
			continue
		}
		if strings.TrimSpace(line) != "" {
			keep = append(keep, line)
		}
	}
	c.ContactFormat = strings.Join(keep, "\n")
	if c.ContactFormat == "" {
		c.ContactPlace = style.None
	}
	if !p.Signer {
		c.SignerLine = false
	}
	if !p.Responsible {
		c.ResponsibleFormat = ""
	}
	if p.HideMark {
		c.DisclosureMark = style.Mark{}
		c.DisclosureNotes = nil
	}
	// The formulas have been applied by Make; they stay for Resolve,
	// which leaves filled fields alone.
	c.Categories = slices.Clone(st.Categories)
	c.Disclosures = slices.Clone(st.Disclosures)
	c.DefaultCC = slices.Clone(st.DefaultCC)
	c.NoteOrder = slices.Clone(st.NoteOrder)
	return &c
}

// reply scrubs the texts of pub in place and returns what it removed.
func (sc *scrubber) reply(pub *reply.Reply) []string {
	var removed []string
	note := func(where string, changed bool) {
		if changed {
			removed = append(removed, where+"中的个人信息已以“"+style.ProposerMask+"”代替")
		}
	}
	for _, f := range []struct {
		where string
		s     *string
	}{
		{"标题", &pub.Title}, {"称谓", &pub.Salutation}, {"开头语", &pub.Opening},
		{"正文", &pub.Body}, {"结束语", &pub.Closing}, {"案由", &pub.ItemTitle},
	} {
		var changed bool
		*f.s, changed = sc.text(*f.s)
		note(f.where, changed)
	}
	for _, keys := range [][]string{pub.AsHeading, pub.AsText} {
		for i := range keys {
			keys[i], _ = sc.text(keys[i])
		}
	}
	var notes []string
	for i, n := range pub.Notes {
		if _, changed := sc.text(n); changed {
			removed = append(removed, fmt.Sprintf("附注第%d条（含联系人或提出人的个人信息）已去掉", i+1))
			continue
		}
		notes = append(notes, n)
	}
	pub.Notes = notes
	for i := range pub.Attachments {
		a := &pub.Attachments[i]
		where := fmt.Sprintf("附件%d", i+1)
		var c1, c2 bool
		a.Title, c1 = sc.text(a.Title)
		a.Body, c2 = sc.text(a.Body)
		note(where, c1 || c2)
		if a.Table != nil {
			changed := false
			for j := range a.Table.Header {
				var c bool
				a.Table.Header[j], c = sc.text(a.Table.Header[j])
				changed = changed || c
			}
			for _, row := range a.Table.Rows {
				for j := range row {
					var c bool
					row[j], c = sc.text(row[j])
					changed = changed || c
				}
			}
			note(where+"的表格", changed)
		}
	}
	return removed
}
