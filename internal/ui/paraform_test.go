package ui

import (
	"slices"
	"strings"
	"testing"
)

// TestParaFormSelect sets a numbered paragraph of the seed as body text
// with the 本段 select, as a clerk would, and back.
func TestParaFormSelect(t *testing.T) {
	u, _ := newUI(t)
	f := u.form
	f.load(seed(t))
	body := f.entries["body"]
	const para = "一、聚焦主导产业，服务经济社会发展"
	row := slices.Index(strings.Split(body.Text, "\n"), para)
	if row < 0 {
		t.Fatalf("the seed's body lacks %q", para)
	}
	moveTo := func(row int) {
		body.CursorRow, body.CursorColumn = row, 0
		body.OnCursorChanged()
	}
	font := func() string {
		for _, l := range strings.Split(dump(t, f.read()), "\n") {
			if strings.Contains(l, "\""+para+"\"") {
				return strings.Fields(l)[4]
			}
		}
		t.Fatalf("the page lacks %q", para)
		return ""
	}

	moveTo(row - 1) // the paragraph before: not numbered
	if !f.paraForm.Disabled() || f.paraForm.Selected != "自动判断" {
		t.Errorf("on a paragraph without a number: disabled %v, selected %q", f.paraForm.Disabled(), f.paraForm.Selected)
	}
	moveTo(row)
	if f.paraForm.Disabled() || f.paraForm.Selected != "自动判断" {
		t.Errorf("on %q: disabled %v, selected %q", para, f.paraForm.Disabled(), f.paraForm.Selected)
	}
	if got := font(); !strings.HasPrefix(got, "NotoSans") {
		t.Errorf("%q set in %s, want the 黑体 of a heading", para, got)
	}

	f.paraForm.SetSelected("按正文排")
	if r := f.read(); !slices.Equal(r.AsText, []string{"一、聚焦主导产业"}) || len(r.AsHeading) != 0 {
		t.Errorf("after 按正文排: AsText %q, AsHeading %q", r.AsText, r.AsHeading)
	}
	if got := font(); !strings.HasPrefix(got, "Fandol") {
		t.Errorf("%q set in %s after 按正文排, want 仿宋", para, got)
	}
	moveTo(row + 1)
	moveTo(row)
	if f.paraForm.Selected != "按正文排" {
		t.Errorf("back on %q the select shows %q", para, f.paraForm.Selected)
	}

	// Editing the paragraph's first words: the setting no longer names it
	// and is not saved, but comes back with the words.
	body.SetText(strings.Replace(body.Text, "一、聚焦", "一、集中", 1))
	if r := f.read(); len(r.AsText) != 0 {
		t.Errorf("after editing the paragraph: AsText %q, want none", r.AsText)
	}
	body.SetText(strings.Replace(body.Text, "一、集中", "一、聚焦", 1))
	if r := f.read(); len(r.AsText) != 1 {
		t.Errorf("after restoring the paragraph: AsText %q", r.AsText)
	}

	moveTo(row)
	f.paraForm.SetSelected("自动判断")
	if r := f.read(); len(r.AsText) != 0 || len(r.AsHeading) != 0 {
		t.Errorf("after 自动判断: AsText %q, AsHeading %q", r.AsText, r.AsHeading)
	}
}

// TestFormKeepsShapes: the contact unit, the 承办负责人 and closing
// paragraphs go through the form unchanged.
func TestFormKeepsShapes(t *testing.T) {
	u, _ := newUI(t)
	f := u.form
	r := seed(t)
	r.Closing = "感谢您对教育工作的关心和支持。\n欢迎继续提出宝贵意见和建议。"
	r.Contact.Unit, r.Responsible = "市教育局职成处", "张华"
	f.load(r)
	got := f.read()
	if got.Closing != r.Closing || got.Contact != r.Contact || got.Responsible != r.Responsible {
		t.Errorf("form read back closing %q, contact %+v, responsible %q", got.Closing, got.Contact, got.Responsible)
	}
}
