package reply

import (
	"slices"
	"strconv"
	"strings"
)

// Fix applies the safe corrections to r in place and returns what it
// changed, in form order:
//   - in every text: half-width , ; : ? ! ( ) next to Chinese text become
//     full-width, "…" becomes “…”, a half-width period closing a Chinese
//     sentence becomes 。, spaces between Chinese characters and digits or
//     letters go ("第 244 号" → "第244号"), lines are trimmed; digits and
//     Latin letters are never changed, nor marks inside them (13:30, 3.5,
//     URLs);
//   - 发文字号 in the form 机关代字〔2023〕12号: any bracket around the year
//     becomes 〔〕, 第 and leading zeros of the number go;
//   - the item number keeps its digits only ("第244号" → "244");
//   - phone numbers in ASCII digits; 附注 without surrounding parentheses;
//     抄送 units and attachment titles without final punctuation; a title
//     without a final 。.
//
// Fix is idempotent: a second call changes nothing.
func Fix(r *Reply) []Change {
	var all []Change
	for range 8 {
		cs := fixOnce(r)
		if len(cs) == 0 {
			break
		}
		all = mergeChanges(all, cs)
	}
	return all
}

// mergeChanges appends cs to all, folding a second edit of the same field
// and paragraph into the first.
func mergeChanges(all, cs []Change) []Change {
next:
	for _, c := range cs {
		for i := range all {
			if all[i].Field == c.Field && all[i].Para == c.Para {
				all[i].After = c.After
				continue next
			}
		}
		all = append(all, c)
	}
	return slices.DeleteFunc(all, func(c Change) bool { return c.Before == c.After })
}

// fixer collects changes while it edits fields.
type fixer struct{ changes []Change }

// set stores v in *p and records the change, if any.
func (f *fixer) set(field string, para int, p *string, v string) {
	if *p != v {
		f.changes = append(f.changes, Change{Field: field, Para: para, Before: *p, After: v})
		*p = v
	}
}

func fixOnce(r *Reply) []Change {
	f := &fixer{}
	for _, tf := range r.textFields() {
		if !tf.multi {
			f.set(tf.field, -1, tf.p, FixText(*tf.p))
			continue
		}
		lines := strings.Split(*tf.p, "\n")
		changed := false
		for i, l := range lines {
			if fixed := FixText(l); fixed != l {
				f.changes = append(f.changes, Change{Field: tf.field, Para: i, Before: l, After: fixed})
				lines[i], changed = fixed, true
			}
		}
		if changed {
			*tf.p = strings.Join(lines, "\n")
		}
	}
	f.fields(r)
	f.lists(r)
	return f.changes
}

// fields fixes the single-value fields with a strict form.
func (f *fixer) fields(r *Reply) {
	if n := strings.Trim(halfDigits.Replace(r.Number), "第号 \t"); digitsRe.MatchString(n) {
		f.set("number", -1, &r.Number, n)
	} else {
		f.set("number", -1, &r.Number, strings.TrimSpace(r.Number))
	}
	f.set("doc_number", -1, &r.DocNumber, FixDocNumber(r.DocNumber))
	f.set("contact.phone", -1, &r.Contact.Phone, NormalizePhone(r.Contact.Phone))
	f.set("category", -1, &r.Category, strings.TrimSpace(r.Category))
	f.set("disclosure", -1, &r.Disclosure, strings.TrimSpace(r.Disclosure))
	f.set("signer", -1, &r.Signer, strings.TrimSpace(r.Signer))
	for i := range r.Proposers {
		f.set(indexField("proposers", i), -1, &r.Proposers[i], strings.TrimSpace(r.Proposers[i]))
	}
	if strings.HasSuffix(r.Title, "。") {
		f.set("title", -1, &r.Title, strings.TrimRight(r.Title, "。"))
	}
}

// lists fixes 附注, 抄送 and attachment titles.
func (f *fixer) lists(r *Reply) {
	for i := range r.Notes {
		f.set(indexField("notes", i), -1, &r.Notes[i], stripParens(r.Notes[i]))
	}
	for i := range r.CC {
		f.set(indexField("cc", i), -1, &r.CC[i], trimMarks(r.CC[i]))
	}
	for i := range r.Attachments {
		t := &r.Attachments[i].Title
		f.set(indexField("attachments", i)+".title", -1, t, trimMarks(*t))
	}
}

// textField is one text of a reply that FixText applies to.
type textField struct {
	field string
	multi bool // paragraphs, one per line: checked and fixed per line
	p     *string
}

// textFields lists the texts of r in form order, as pointers into r.
func (r *Reply) textFields() []textField {
	fs := []textField{
		{"assembly", false, &r.Assembly},
		{"item_title", false, &r.ItemTitle},
		{"lead_unit", false, &r.LeadUnit},
		{"title", false, &r.Title},
		{"salutation", false, &r.Salutation},
		{"opening", false, &r.Opening},
		{"body", true, &r.Body},
		{"closing", false, &r.Closing},
		{"issuer", false, &r.Issuer},
		{"contact.name", false, &r.Contact.Name},
	}
	for i := range r.Notes {
		fs = append(fs, textField{indexField("notes", i), false, &r.Notes[i]})
	}
	for i := range r.CC {
		fs = append(fs, textField{indexField("cc", i), false, &r.CC[i]})
	}
	for i := range r.Attachments {
		a := &r.Attachments[i]
		at := indexField("attachments", i)
		fs = append(fs, textField{at + ".title", false, &a.Title}, textField{at + ".body", true, &a.Body})
		if a.Table == nil {
			continue
		}
		for j := range a.Table.Header {
			fs = append(fs, textField{at + ".table" + indexField(".header", j), false, &a.Table.Header[j]})
		}
		for j, row := range a.Table.Rows {
			for k := range row {
				f := at + ".table" + indexField(".rows", j) + "[" + strconv.Itoa(k) + "]"
				fs = append(fs, textField{f, false, &row[k]})
			}
		}
	}
	return fs
}

func indexField(name string, i int) string {
	return name + "[" + strconv.Itoa(i) + "]"
}
