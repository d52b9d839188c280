package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"replydesk/internal/reply"
	"replydesk/internal/style"
	"replydesk/internal/tomlfile"
	"replydesk/internal/wordml"
)

// TestImportOwnDOCX: the .docx ReplyDesk exports of every example reads
// back, through Word import, as the same reply (its derived fields filled
// in by the style, as the document prints them).
func TestImportOwnDOCX(t *testing.T) {
	files, _ := filepath.Glob("../../templates/examples/*.reply.toml")
	more, _ := filepath.Glob("../layout/testdata/*.reply.toml")
	d := desk(t)
	for _, f := range append(files, more...) {
		name := strings.TrimSuffix(filepath.Base(f), ".reply.toml")
		t.Run(name, func(t *testing.T) {
			r, err := tomlfile.ReadReplyFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := roundTrip(t, d, r)
			if diff := fieldDiff(printed(t, d, got), printed(t, d, r)); diff != "" {
				t.Errorf("imported reply differs:\n%s", diff)
			}
		})
	}
}

// TestImportOwnDOCXStyles round-trips the seed reply in every style, so
// that each style's marks, formulas, contact and notes are read back.
func TestImportOwnDOCXStyles(t *testing.T) {
	d := desk(t)
	if len(d.Styles) < 5 {
		t.Fatalf("%d styles loaded, want the 5 of templates", len(d.Styles))
	}
	for _, st := range d.Styles {
		t.Run(st.Name, func(t *testing.T) {
			r := inStyle(seed(t), st)
			got := roundTrip(t, d, r)
			if diff := fieldDiff(printed(t, d, got), printed(t, d, r)); diff != "" {
				t.Errorf("imported reply differs:\n%s", diff)
			}
		})
	}
}

// inStyle is r rewritten for st: its kind, a category and disclosure the
// style knows, a lead unit for an opinion to the lead unit.
func inStyle(r *reply.Reply, st *style.Style) *reply.Reply {
	c := r.Clone()
	c.Style, c.Kind = st.Name, st.Kind
	c.Title, c.Salutation, c.Opening = "", "", "" // the style's formulas
	if len(st.Categories) > 0 && style.Label(st.Categories, c.Category) == "" {
		c.Category = st.Categories[1%len(st.Categories)].Code
	}
	if len(st.Disclosures) > 0 && style.Label(st.Disclosures, c.Disclosure) == "" {
		c.Disclosure = st.Disclosures[0].Code
	}
	if st.Kind == reply.CoOpinion {
		c.LeadUnit = "长春市教育局"
	}
	c.Signer = "王明"
	c.DocNumber = "长教提字〔2023〕12号"
	return &c
}

// TestImportEditExport: a reply imported from .docx, edited and exported
// again keeps its content exactly: the second import gives the edited
// reply.
func TestImportEditExport(t *testing.T) {
	d := desk(t)
	edits := []struct {
		name string
		edit func(r *reply.Reply)
	}{
		{"body", func(r *reply.Reply) {
			r.Body += "\n三、下一步，我局将继续跟踪落实，确保各项措施见到实效。"
		}},
		{"closing", func(r *reply.Reply) { r.Closing = "再次感谢您对我们工作的理解和支持。" }},
		{"date", func(r *reply.Reply) { r.Date = reply.Date{Year: 2024, Month: 12, Day: 31} }},
		{"contact", func(r *reply.Reply) { r.Contact.Phone = "0431-88990011" }},
		{"notes", func(r *reply.Reply) { r.Notes = append(r.Notes, "本答复已征求委员意见") }},
		{"cc", func(r *reply.Reply) { r.CC = append(r.CC, "市财政局") }},
		{"seal", func(r *reply.Reply) { r.Seal = !r.Seal }},
		{"attachment", func(r *reply.Reply) {
			r.Attachments = append(r.Attachments, reply.Attachment{Title: "办理情况统计", Body: "一、已解决3项。\n二、正在解决2项。"})
		}},
	}
	files := []string{seedFile, "../layout/testdata/attachments.reply.toml", "../layout/testdata/manual-title.reply.toml"}
	for _, f := range files {
		orig, err := tomlfile.ReadReplyFile(f)
		if err != nil {
			t.Fatal(err)
		}
		imported := roundTrip(t, d, orig)
		for _, e := range edits {
			t.Run(strings.TrimSuffix(filepath.Base(f), ".reply.toml")+"/"+e.name, func(t *testing.T) {
				edited := imported.Clone()
				e.edit(&edited)
				got := roundTrip(t, d, &edited)
				if diff := fieldDiff(printed(t, d, got), printed(t, d, &edited)); diff != "" {
					t.Errorf("edited reply differs after export and import:\n%s", diff)
				}
			})
		}
	}
}

// roundTrip exports r as .docx and imports the file in r's style.
func roundTrip(t *testing.T, d *Desk, r *reply.Reply) *reply.Reply {
	t.Helper()
	var b bytes.Buffer
	if err := d.WriteDOCX(&b, r); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "reply.docx")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	im, err := d.ImportLetterFile(path, r.Style)
	if err != nil {
		t.Fatal(err)
	}
	return im.Reply
}

// printed is r as its letter gives it back: resolved by its style
// (derived fields filled). A category, disclosure or 签发人 that the style
// does not print, and proposers the letter does not name, come back from
// the document's properties.
// The words that name the paragraphs set as heading or as body text are
// compared as the reader names them (ParaKey): it finds the setting from
// the paragraph's style.
func printed(t *testing.T, d *Desk, r *reply.Reply) reply.Reply {
	t.Helper()
	st, err := d.StyleOf(r)
	if err != nil {
		t.Fatal(err)
	}
	c := st.Resolve(r)
	forms := reply.Reply{}
	for _, p := range strings.Split(c.Body, "\n") {
		if f := c.FormOf(p); f != reply.AutoForm {
			forms.SetForm(p, f)
		}
	}
	c.AsHeading, c.AsText = forms.AsHeading, forms.AsText
	return c
}

// fieldDiff lists the fields of two replies that differ, one a line.
func fieldDiff(got, want reply.Reply) string {
	var b strings.Builder
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := 0; i < gv.NumField(); i++ {
		if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			b.WriteString(gv.Type().Field(i).Name + ": got " + short(gv.Field(i).Interface()) + "\n\twant " + short(wv.Field(i).Interface()) + "\n")
		}
	}
	return b.String()
}

func short(v any) string {
	s := strings.ReplaceAll(fmtAny(v), "\n", "⏎")
	if r := []rune(s); len(r) > 240 {
		return string(r[:240]) + "…"
	}
	return s
}

// fmtAny prints v with the tables of attachments spelled out.
func fmtAny(v any) string {
	if as, ok := v.([]reply.Attachment); ok {
		var parts []string
		for _, a := range as {
			s := fmt.Sprintf("{%q %q", a.Title, a.Body)
			if a.Table != nil {
				s += fmt.Sprintf(" %+v", *a.Table)
			}
			parts = append(parts, s+"}")
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	return fmt.Sprintf("%q", fmt.Sprint(v))
}

// TestParaFormsFromStyles checks the overrides read from paragraph styles,
// and that a document without heading styles gets none.
func TestParaFormsFromStyles(t *testing.T) {
	long := "一、近年来，我市把发展社区嵌入式养老服务作为保障和改善民生的重要内容，连续三年列入市政府民生实事"
	body := "二、加强部门协作\n" + long + "\n三、完善扶持政策"
	doc := func(styles ...string) *wordml.Document {
		d := &wordml.Document{}
		for i, p := range strings.Split(body, "\n") {
			d.Blocks = append(d.Blocks, wordml.Block{Text: p, StyleName: styles[i]})
		}
		return d
	}
	r := &reply.Reply{Body: body}
	paraForms(doc("", "", ""), r)
	if len(r.AsHeading)+len(r.AsText) != 0 {
		t.Errorf("no heading styles: AsHeading %q, AsText %q, want none", r.AsHeading, r.AsText)
	}
	paraForms(doc("一级标题", "一级标题", "正文"), r)
	if !slices.Equal(r.AsHeading, []string{reply.ParaKey(long)}) || !slices.Equal(r.AsText, []string{"三、完善扶持政策"}) {
		t.Errorf("AsHeading %q, AsText %q", r.AsHeading, r.AsText)
	}
}
