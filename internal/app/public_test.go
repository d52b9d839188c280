package app

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"replydesk/internal/letter"
	"replydesk/internal/publish"
	"replydesk/internal/render/html"
	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// private are the personal details planted in every reply of the leak
// tests: none may reach a public version.
var private = struct{ name, phone, mobile, signer, responsible string }{
	"刘丽", "0431-88881234", "13578951242", "欧阳修远", "司马光华",
}

// publicCase is the example reply made a reply of style st with every
// private detail the style can print, and a disclosure that allows
// publication (the first of the style's choices that does).
func publicCase(t *testing.T, d *Desk, st *style.Style) *reply.Reply {
	t.Helper()
	r := seed(t)
	r.Style, r.Kind = st.Name, st.Kind
	r.Title, r.Salutation, r.Opening = "", "", ""
	if st.Kind == reply.CoOpinion {
		r.LeadUnit = "市人社局"
	}
	if st.Kind == reply.Suggestion {
		r.Assembly = "市人大"
	}
	r.Signer, r.Responsible = private.signer, private.responsible
	r.Contact = reply.Contact{Unit: "市教育局职成处", Name: private.name, Phone: private.phone + "、" + private.mobile}
	r.Body += "\n如有疑问，请与刘丽联系（电话：０４３１－８８８８１２３４）。"
	r.Notes = []string{"联系人：刘丽，手机13578951242"}
	r.Category = ""
	if len(st.Categories) > 0 {
		r.Category = st.Categories[0].Code
	}
	r.Disclosure = ""
	for _, c := range st.Disclosures {
		if st.Public.Refusal(st.Name, c.Code) == "" {
			r.Disclosure = c.Code
			break
		}
	}
	if ps := errorsOf(d.Check(r)); len(ps) > 0 && !st.Public.Never {
		t.Fatalf("%s: the test reply has errors: %v", st.Name, ps)
	}
	return r
}

// letterText is every text the letter prints, without white space, and
// the page numbers' dashes: what the extracted text of a public PDF may
// hold.
func letterText(l *letter.Letter) string {
	var b strings.Builder
	add := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
			b.WriteString("\n")
		}
	}
	for _, m := range append(append(append([]letter.Mark{}, l.TopLeft...), l.TopRight...), l.EndMarks...) {
		add(m.Text)
	}
	add(l.Header, l.Number, l.Title, l.Salutation, l.Issuer, l.Date, letter.CCLabel+l.CCText())
	if l.Signer != "" {
		add(letter.SignerLabel + l.Signer)
	}
	for _, p := range l.Text {
		add(p.Head + p.Rest)
	}
	if len(l.List) > 0 {
		add(letter.AttachmentLabel)
	}
	for _, it := range append(append([]letter.Item{}, l.List...), l.Notes...) {
		add(it.Text)
	}
	for _, a := range l.Attachments {
		add(a.Label, a.Title)
		for _, p := range a.Body {
			add(p.Head + p.Rest)
		}
		if a.Table != nil {
			add(a.Table.Header...)
			for _, r := range a.Table.Rows {
				add(r...)
			}
		}
	}
	return b.String()
}

var folioLine = regexp.MustCompile(`^—\d+—$`)

// assertNoLeak fails when text (extracted from a public output) holds a
// private detail of r, or a line that the public letter pub does not
// print.
func assertNoLeak(t *testing.T, what, text string, st *style.Style, pub *letter.Letter) {
	t.Helper()
	flat := strings.Join(strings.Fields(text), "")
	digits := regexp.MustCompile(`[^0-9０-９]`).ReplaceAllString(flat, "")
	bad := []string{private.name, "联系人", "联系电话"}
	if !st.Public.Signer {
		bad = append(bad, private.signer, "签发人")
	}
	if !st.Public.Responsible {
		bad = append(bad, private.responsible, "承办负责人")
	}
	for _, b := range bad {
		if strings.Contains(flat, b) {
			t.Errorf("%s of %s holds %q", what, st.Name, b)
		}
	}
	for _, n := range []string{"88881234", "８８８８１２３４", private.mobile, "7895"} {
		if strings.Contains(digits, n) {
			t.Errorf("%s of %s holds the number %q", what, st.Name, n)
		}
	}
	allowed := strings.Join(strings.Fields(letterText(pub)), "")
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.Fields(line), "")
		if line == "" || folioLine.MatchString(line) {
			continue
		}
		if !strings.Contains(allowed, line) {
			t.Errorf("%s of %s holds %q, which the public version does not print", what, st.Name, line)
		}
	}
}

// TestPublicPDFLeaksNothing renders the public version of a reply full of
// private details in every shipped style and checks the PDF's text and
// metadata with pdftotext and pdfinfo.
func TestPublicPDFLeaksNothing(t *testing.T) {
	d := desk(t)
	dir := t.TempDir()
	for _, st := range d.Styles {
		t.Run(st.Name, func(t *testing.T) {
			r := publicCase(t, d, st)
			path := filepath.Join(dir, st.Name+".pdf")
			doc, _, err := d.ExportPublic(path, r, false)
			var re *publish.RefusedError
			if st.Public.Never {
				if !errors.As(err, &re) {
					t.Fatalf("ExportPublic = %v, want a refusal", err)
				}
				if _, err := os.Stat(path); err == nil {
					t.Fatal("a refused reply left a file")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			v, err := d.Public(r)
			if err != nil {
				t.Fatal(err)
			}
			pub := letter.New(v.Reply, v.Style)
			text := tool(t, "pdftotext", "-layout", path, "-")
			if n := strings.Count(text, "\f"); n != len(doc.Pages) {
				t.Errorf("pdftotext found %d pages, want %d", n, len(doc.Pages))
			}
			assertNoLeak(t, "PDF", strings.ReplaceAll(text, "\f", "\n"), st, pub)
			info := tool(t, "pdfinfo", path)
			assertNoLeak(t, "PDF metadata", "", st, pub)
			for _, b := range []string{private.name, private.signer, private.responsible, "8888", "1357"} {
				if strings.Contains(info, b) {
					t.Errorf("pdfinfo shows %q:\n%s", b, info)
				}
			}
			tool(t, "qpdf", "--check", path)

			var page, plain bytes.Buffer
			if err := d.WritePublicHTML(&page, r, html.Options{}); err != nil {
				t.Fatal(err)
			}
			assertNoLeak(t, "HTML", pageText(t, page.Bytes()), st, pub)
			if err := d.WritePublicText(&plain, r); err != nil {
				t.Fatal(err)
			}
			assertNoLeak(t, "text", plain.String(), st, pub)
		})
	}
}

// pageText is the text of a web page as a reader sees it: its title and
// the character data of its body, without the stylesheet.
func pageText(t *testing.T, page []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(page))
	var b strings.Builder
	skip := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatalf("the page is not well-formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			skip = e.Name.Local == "style"
		case xml.EndElement:
			skip = false
			b.WriteString("\n")
		case xml.CharData:
			if !skip {
				b.Write(e)
			}
		}
	}
}

// TestPublicRefused checks that a reply whose classification forbids
// publication writes nothing and says why.
func TestPublicRefused(t *testing.T) {
	d := desk(t)
	r := seed(t)
	path := filepath.Join(t.TempDir(), "x.pdf")
	for _, c := range []struct{ disclosure, says string }{
		{"不同意公开", "公开属性为“不同意公开”，不能公开"},
		{"依申请公开", "依申请公开"},
		{"部分公开", "部分公开"},
	} {
		r.Disclosure = c.disclosure
		_, _, err := d.ExportPublic(path, r, true)
		var re *publish.RefusedError
		if !errors.As(err, &re) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("ExportPublic(%s) = %v, want a refusal saying %q", c.disclosure, err, c.says)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatalf("ExportPublic(%s) wrote the file", c.disclosure)
		}
	}
}
