package layout_test

import (
	"reflect"
	"strings"
	"testing"

	"replydesk/internal/fonts"
	"replydesk/internal/layout"
	"replydesk/internal/page"
	"replydesk/internal/reply"
)

// soil puts an escape sequence, a zero-width space, a right-to-left
// override and a replacement character into text.
func soil(text string) string {
	rs := []rune(text)
	n := len(rs)
	return "\x1b[31m" + string(rs[:n/3]) + "\u200b" + string(rs[n/3:n/2]) + "\u202e" + string(rs[n/2:]) + "\ufffd\x1b[0m"
}

// TestControlsNeverDrawn typesets replies whose texts hold control
// characters, with no Check or Fix run first: the page holds none of
// them, no font is reported missing for them, and the document is the one
// the clean reply gives.
func TestControlsNeverDrawn(t *testing.T) {
	fs, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	exs := examples(t)
	for _, c := range []struct {
		name, example string
		soil          func(r *reply.Reply)
	}{
		{"title", "reply-244", func(r *reply.Reply) { r.Title = soil(r.Title) }},
		{"derived title and salutation", "attachments", func(r *reply.Reply) {
			r.Title, r.Salutation = "", ""
			r.Proposers[0] = soil(r.Proposers[0])
			r.Assembly = soil(r.Assembly)
		}},
		{"body", "reply-244", func(r *reply.Reply) {
			lines := strings.Split(r.Body, "\n")
			for i := range lines {
				lines[i] = soil(lines[i])
			}
			r.Body = strings.Join(lines, "\n")
		}},
		{"contact and signature", "reply-244", func(r *reply.Reply) {
			r.Contact.Name, r.Contact.Phone = soil(r.Contact.Name), soil(r.Contact.Phone)
			r.Issuer = soil(r.Issuer)
		}},
		{"attachments and lists", "attachments", func(r *reply.Reply) {
			for i := range r.CC {
				r.CC[i] = soil(r.CC[i])
			}
			for i := range r.Attachments {
				a := &r.Attachments[i]
				a.Title, a.Body = soil(a.Title), soil(a.Body)
				if a.Table != nil {
					for _, row := range a.Table.Rows {
						for k := range row {
							row[k] = soil(row[k])
						}
					}
				}
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ex, ok := exs[c.example]
			if !ok {
				t.Fatalf("no example %s", c.example)
			}
			clean := ex.r.Clone()
			dirty := ex.r.Clone()
			c.soil(&dirty)
			if reflect.DeepEqual(clean, dirty) {
				t.Fatal("soil changed nothing")
			}
			got := layout.Typeset(&dirty, ex.st, fs)
			for pi, pg := range got.Doc.Pages {
				for _, run := range pg.Runs {
					for _, g := range run.Glyphs {
						if reply.IsControl(g.R) {
							t.Errorf("page %d draws U+%04X in %q", pi+1, g.R, run.Text())
						}
					}
				}
			}
			for _, s := range []string{got.Doc.Meta.Title, got.Doc.Meta.Author, got.Doc.Meta.Subject, got.Doc.Meta.Keywords} {
				if strings.ContainsFunc(s, reply.IsControl) {
					t.Errorf("document information %q holds a control character", s)
				}
			}
			if len(got.Missing) > 0 {
				t.Errorf("missing characters reported: %+v", got.Missing)
			}
			want := layout.Typeset(&clean, ex.st, fs)
			if !reflect.DeepEqual(got.Doc, want.Doc) {
				t.Errorf("layout with control characters differs from the clean one:\n%s", firstDiff(got.Doc, want.Doc))
			}
		})
	}
}

// firstDiff describes the first run where two documents differ.
func firstDiff(a, b *page.Doc) string {
	if a.Meta != b.Meta {
		return "meta " + a.Meta.Title + " / " + b.Meta.Title
	}
	for p := range min(len(a.Pages), len(b.Pages)) {
		for r := range min(len(a.Pages[p].Runs), len(b.Pages[p].Runs)) {
			if !reflect.DeepEqual(a.Pages[p].Runs[r], b.Pages[p].Runs[r]) {
				return a.Pages[p].Runs[r].Text() + "\n" + b.Pages[p].Runs[r].Text()
			}
		}
	}
	return "page or run counts differ"
}
