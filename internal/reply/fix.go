package reply

import (
	"slices"
	"strconv"
	"strings"
)

// Fix applies the safe corrections to r in place and returns what it
// changed, in form order:
//   - in every text field: control characters, escape sequences, U+FFFD,
//     zero-width and bidi characters (see IsControl) go, a tab becomes a
//     space, and a line break goes from a field of one line (it is kept in
//     the body, an attachment's body and the title);
//   - in every text: half-width , ; : ? ! ( ) next to Chinese text become
//     full-width, "…" becomes “…”, a half-width period closing a Chinese
//     sentence becomes 。, a dash typed for a 破折号 ("--", "—", " - ")
//     becomes "——", spaces between Chinese characters and digits or
//     letters go ("第 244 号" → "第244号"), lines are trimmed (a paragraph
//     loses the spaces of a hand-made indent); digits and Latin letters
//     are never changed, nor marks inside them (13:30, 3.5, 2023-06-20,
//     0763—6269263, 1-3, URLs);
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
			v := StripControls(*tf.p, tf.breaks)
			if !tf.strict {
				v = FixText(v)
			}
			f.set(tf.field, -1, tf.p, v)
			continue
		}
		lines := strings.Split(*tf.p, "\n")
		changed := false
		for i, l := range lines {
			if fixed := FixText(StripControls(l, false)); fixed != l {
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

// textField is one text of a reply, with what Check and Fix apply to it.
type textField struct {
	field  string
	multi  bool // paragraphs, one per line: checked and fixed per line
	breaks bool // a "\n" is legal in it: multi, or the title's manual breaks
	strict bool // a value of a strict form (number, phone…): FixText does not apply
	limit  int  // most characters of the text, or of each paragraph when multi
	total  int  // most characters of a multi text as a whole
	p      *string
}

// textFields lists every text of r in form order, as pointers into r.
func (r *Reply) textFields() []textField {
	one, code := oneField, codeField
	fs := []textField{
		code("style", maxCode, &r.Style),
		one("assembly", maxUnit, &r.Assembly),
		code("number", maxCode, &r.Number),
	}
	for i := range r.Proposers {
		fs = append(fs, code(indexField("proposers", i), maxName, &r.Proposers[i]))
	}
	fs = append(fs,
		one("item_title", maxItemTitle, &r.ItemTitle),
		one("lead_unit", maxUnit, &r.LeadUnit),
		code("category", maxCode, &r.Category),
		code("disclosure", maxCode, &r.Disclosure),
		code("doc_number", maxCode, &r.DocNumber),
		code("signer", maxName, &r.Signer),
		textField{field: "title", breaks: true, limit: maxTitle, p: &r.Title},
		one("salutation", maxSalutation, &r.Salutation),
		one("opening", maxSentence, &r.Opening),
		textField{field: "body", multi: true, breaks: true, limit: maxParagraph, total: maxBody, p: &r.Body},
		closing(&r.Closing),
		one("issuer", maxUnit, &r.Issuer),
		one("contact.unit", maxUnit, &r.Contact.Unit),
		one("contact.name", maxName, &r.Contact.Name),
		code("contact.phone", maxCode, &r.Contact.Phone),
		one("responsible", maxName, &r.Responsible),
	)
	fs = listFields(fs, "notes", maxSentence, r.Notes)
	fs = listFields(fs, "cc", maxUnit, r.CC)
	// The entries naming paragraphs are fixed as the paragraphs are, so
	// that they still name them.
	fs = listFields(fs, "as_heading", maxSentence, r.AsHeading)
	fs = listFields(fs, "as_text", maxSentence, r.AsText)
	for i := range r.Attachments {
		fs = attachmentFields(fs, indexField("attachments", i), &r.Attachments[i])
	}
	return fs
}

// oneField is a text of one line.
func oneField(field string, limit int, p *string) textField {
	return textField{field: field, limit: limit, p: p}
}

// codeField is a value of a strict form.
func codeField(field string, limit int, p *string) textField {
	return textField{field: field, strict: true, limit: limit, p: p}
}

// listFields appends the texts of list, named field[i], to fs.
func listFields(fs []textField, field string, limit int, list []string) []textField {
	for i := range list {
		fs = append(fs, oneField(indexField(field, i), limit, &list[i]))
	}
	return fs
}

// attachmentFields appends the texts of attachment a, named at, to fs:
// title, body and the cells of its table.
func attachmentFields(fs []textField, at string, a *Attachment) []textField {
	fs = append(fs, oneField(at+".title", maxTitle, &a.Title),
		textField{field: at + ".body", multi: true, breaks: true, limit: maxParagraph, total: maxAttachmentBody, p: &a.Body})
	if a.Table == nil {
		return fs
	}
	fs = listFields(fs, at+".table.header", maxSentence, a.Table.Header)
	for j, row := range a.Table.Rows {
		for k := range row {
			f := at + ".table" + indexField(".rows", j) + "[" + strconv.Itoa(k) + "]"
			fs = append(fs, oneField(f, maxSentence, &row[k]))
		}
	}
	return fs
}

// closing is the text field of the closing: one paragraph, or several
// paragraphs one per line, checked and fixed per line as the body is.
func closing(p *string) textField {
	if !strings.Contains(*p, "\n") {
		return textField{field: "closing", limit: maxSentence, p: p}
	}
	return textField{field: "closing", multi: true, breaks: true, limit: maxSentence, total: maxClosing, p: p}
}

// problemField is the Problem.Field of a text field: a proposer's problems
// are the proposers field's, as the form edits them in one entry.
func problemField(field string) string {
	if strings.HasPrefix(field, "proposers[") {
		return "proposers"
	}
	return field
}

func indexField(name string, i int) string {
	return name + "[" + strconv.Itoa(i) + "]"
}
