package ui

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/reply"
)

// mark shows which fields have problems: their label turns red and their
// entry shows the message. While the form is not strict (a reply just
// started), a field left empty is not marked: the problems panel still
// lists it, so a new reply is not a page of red.
func (f *form) mark(ps []reply.Problem) {
	bad := map[string]string{}
	for _, p := range ps {
		k := f.key(p.Field)
		if _, ok := bad[k]; ok || p.Severity > reply.Warning || (!f.strict && f.empty(k)) {
			continue
		}
		bad[k] = p.Message
	}
	for field, l := range f.labels {
		imp := widget.MediumImportance
		if _, ok := bad[field]; ok {
			imp = widget.DangerImportance
		}
		if l.Importance != imp {
			l.Importance = imp
			l.Refresh()
		}
	}
	for field, e := range f.entries {
		var err error
		if msg, ok := bad[field]; ok {
			err = errors.New(msg)
		}
		e.SetValidationError(err)
	}
}

// empty reports whether the form field k holds nothing yet.
func (f *form) empty(k string) bool {
	if e, ok := f.entries[k]; ok {
		return strings.TrimSpace(e.Text) == ""
	}
	switch k {
	case "style":
		return f.style.Selected == ""
	case "kind":
		return f.kind.Selected == ""
	case "category":
		return f.category.Selected == ""
	case "disclosure":
		return f.disclosure.Selected == ""
	}
	return false
}

var indexRe = regexp.MustCompile(`^(notes|cc|attachments)\[(\d+)\](?:\.(title|body))?`)

// key maps a problem field to the form field that edits it.
func (f *form) key(field string) string {
	if _, ok := f.labels[field]; ok {
		return field
	}
	if m := indexRe.FindStringSubmatch(field); m != nil {
		return m[1]
	}
	if strings.HasPrefix(field, "contact") {
		return "contact.name"
	}
	if strings.HasPrefix(field, "as_heading") || strings.HasPrefix(field, "as_text") {
		return "body" // set with the 本段 select under the body
	}
	return field
}

// target is the entry that edits a problem's field and the line of it the
// problem is about (-1: the whole entry).
func (f *form) target(p reply.Problem) (*widget.Entry, int) {
	m := indexRe.FindStringSubmatch(p.Field)
	if m == nil {
		return f.entries[f.key(p.Field)], p.Para
	}
	i, _ := strconv.Atoi(m[2])
	if m[1] != "attachments" {
		return f.entries[m[1]], lineOfItem(f.entries[m[1]].Text, i)
	}
	if i >= len(f.attach.items) {
		return nil, -1
	}
	switch m[3] {
	case "title":
		return f.attach.items[i].title, -1
	case "body":
		return f.attach.items[i].body, p.Para
	}
	return f.attach.items[i].title, -1
}

// lineOfItem returns the line of the i-th non-blank line of a list typed
// one item per line, or -1.
func lineOfItem(text string, i int) int {
	for n, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if i == 0 {
			return n
		}
		i--
	}
	return -1
}

// focus shows the tab of a problem's field, puts the cursor in it (at
// the start of the paragraph the problem is about) and marks the fields
// in error from now on.
func (f *form) focus(c fyne.Canvas, p reply.Problem) {
	k := f.key(p.Field)
	if tab, ok := f.tabOf[k]; ok {
		f.tabs.SelectIndex(tab)
	}
	if !f.strict {
		f.strict = true
		if f.onChange != nil {
			f.onChange()
		}
	}
	if strings.Contains(p.Field, ".table") && f.attach.focusCell(p.Field) {
		return
	}
	e, line := f.target(p)
	if e == nil || c == nil {
		return
	}
	if line >= 0 {
		e.CursorRow, e.CursorColumn = line, 0
		e.Refresh()
	}
	c.Focus(e)
}

// applyFix puts the correction a problem offers into its field and reports
// whether it could.
func (f *form) applyFix(p reply.Problem) bool {
	if p.Fix == "" || strings.Contains(p.Field, ".table") {
		return false
	}
	e, line := f.target(p)
	if e == nil {
		return false
	}
	if line < 0 {
		e.SetText(p.Fix)
		return true
	}
	lines := strings.Split(e.Text, "\n")
	if line >= len(lines) {
		return false
	}
	lines[line] = p.Fix
	e.SetText(strings.Join(lines, "\n"))
	return true
}
