package reply

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Numbered paragraphs (GB/T 9704-2012 §7.3.4). A paragraph that starts with
// a heading number — 一、 （一） 1. （1）, levels 1 to 4 — is a heading when
// its numbered sentence is a heading: a short line ("一、聚焦主导产业") or a
// sentence up to its first 。；：？！ that fits on the paragraph's first line
// ("二、下一步打算。我们将……", a run-in heading). A numbered paragraph whose
// first sentence runs over more than a line is body text with a number.
// The user may override that per paragraph (Reply.AsHeading, AsText).

// headingNumbers match the number of each heading level at the start of a
// paragraph.
var headingNumbers = []*regexp.Regexp{
	regexp.MustCompile(`^[一二三四五六七八九十]+、`),
	regexp.MustCompile(`^（[一二三四五六七八九十]+）`),
	regexp.MustCompile(`^[0-9]+[.．]`),
	regexp.MustCompile(`^（[0-9]+）`),
}

// HeadingNumber returns the level (1–4) of the heading number text starts
// with and the number's length in bytes, or 0, 0 when it starts with none.
func HeadingNumber(text string) (level, n int) {
	for i, re := range headingNumbers {
		if m := re.FindStringIndex(text); m != nil {
			return i + 1, m[1]
		}
	}
	return 0, 0
}

// ParaForm is how a numbered paragraph is set.
type ParaForm uint8

// Forms of a numbered paragraph.
const (
	// AutoForm: by its shape (see above).
	AutoForm ParaForm = iota
	// HeadingForm: a heading, its numbered sentence in the heading's font
	// however long.
	HeadingForm
	// TextForm: body text with a number, all in the body font.
	TextForm
)

// maxParaKey is the most characters of a paragraph that ParaKey keeps.
const maxParaKey = 12

// ParaKey returns the beginning of a paragraph that AsHeading and AsText
// name it by: its text up to the first mark of punctuation after its
// number (，、。；：？！), at most 12 characters: "一、聚焦主导产业".
func ParaKey(para string) string {
	para = strings.TrimSpace(para)
	_, start := HeadingNumber(para)
	end := len(para)
	if k := strings.IndexAny(para[start:], "，、。；：？！,;:?!"); k >= 0 {
		end = start + k
	}
	n := 0
	for i := range para[:end] {
		if n == maxParaKey {
			return para[:i]
		}
		n++
	}
	return para[:end]
}

// FormOf returns how r sets the paragraph para: the form of the longest
// entry of AsHeading or AsText that para starts with, AsText winning a
// tie; AutoForm when none does.
func (r *Reply) FormOf(para string) ParaForm {
	para = strings.TrimSpace(para)
	form, best := AutoForm, -1
	for _, l := range []struct {
		entries []string
		form    ParaForm
	}{{r.AsHeading, HeadingForm}, {r.AsText, TextForm}} {
		for _, e := range l.entries {
			if e = strings.TrimSpace(e); e != "" && strings.HasPrefix(para, e) && len(e) >= best {
				form, best = l.form, len(e)
			}
		}
	}
	return form
}

// SetForm sets how r sets the paragraph para: the entries that name para
// are removed, and for HeadingForm or TextForm its ParaKey is added to
// AsHeading or AsText.
func (r *Reply) SetForm(para string, f ParaForm) {
	para = strings.TrimSpace(para)
	keep := func(entries []string) []string {
		var out []string
		for _, e := range entries {
			if t := strings.TrimSpace(e); t == "" || !strings.HasPrefix(para, t) {
				out = append(out, e)
			}
		}
		return out
	}
	r.AsHeading, r.AsText = keep(r.AsHeading), keep(r.AsText)
	if key := ParaKey(para); key != "" {
		switch f {
		case HeadingForm:
			r.AsHeading = append(r.AsHeading, key)
		case TextForm:
			r.AsText = append(r.AsText, key)
		}
	}
}

// paragraphs returns every paragraph of r that may be numbered: the
// opening, the body, the closing and the attachments' text.
func (r *Reply) paragraphs() []string {
	out := []string{r.Opening}
	out = append(out, strings.Split(r.Body, "\n")...)
	out = append(out, strings.Split(r.Closing, "\n")...)
	for _, a := range r.Attachments {
		out = append(out, strings.Split(a.Body, "\n")...)
	}
	return out
}

// PruneForms removes the entries of AsHeading and AsText that name no
// numbered paragraph of r: they do nothing (see Check's warning).
func (r *Reply) PruneForms() {
	paras := r.paragraphs()
	keep := func(entries []string) []string {
		var out []string
		for _, e := range entries {
			if found, numbered := names(paras, e); found && numbered {
				out = append(out, e)
			}
		}
		return out
	}
	r.AsHeading, r.AsText = keep(r.AsHeading), keep(r.AsText)
}

// names reports whether entry names a paragraph of paras, and whether one
// of the paragraphs it names is numbered.
func names(paras []string, entry string) (found, numbered bool) {
	entry = strings.TrimSpace(entry)
	if entry == "" {
		return false, false
	}
	for _, p := range paras {
		if p = strings.TrimSpace(p); strings.HasPrefix(p, entry) {
			found = true
			if lv, _ := HeadingNumber(p); lv > 0 {
				numbered = true
			}
		}
	}
	return found, numbered
}

// paraForms warns of the entries of AsHeading and AsText that name no
// numbered paragraph: they do nothing (the paragraph was edited or
// deleted, or is not numbered).
func (c *checker) paraForms() {
	paras := c.r.paragraphs()
	for _, l := range []struct {
		field, what string
		entries     []string
	}{{"as_heading", "按标题排", c.r.AsHeading}, {"as_text", "按正文排", c.r.AsText}} {
		for i, e := range l.entries {
			e = strings.TrimSpace(e)
			if e == "" || utf8.RuneCountInString(e) > maxSentence {
				continue // empty entries do nothing; overlong ones are reported by the limits
			}
			found, numbered := names(paras, e)
			field := indexField(l.field, i)
			switch {
			case !found:
				c.add(field, Warning, "", "%s的段落“%s”在正文中找不到，这项设置不起作用：请改成该段开头的文字，或删去", l.what, e)
			case !numbered:
				c.add(field, Warning, "", "段落“%s”不以一、（一）1.（1）等序号开头，%s的设置只对带序号的段落有效", e, l.what)
			}
		}
	}
}
