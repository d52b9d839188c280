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
	"replydesk/internal/tomlfile"
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

// secrets are the private details of r that its public version in st
// must not show: the contact's name and numbers always, the 签发人 and the
// 承办负责人 when the style drops them, the proposers when it hides them.
type secrets struct {
	words   []string // names and labels
	numbers []string // telephone numbers, digits only
}

func secretsOf(r *reply.Reply, st *style.Style) secrets {
	var s secrets
	word := func(w string) {
		if w = strings.TrimSpace(w); len([]rune(w)) >= 2 {
			s.words = append(s.words, w)
		}
	}
	word(r.Contact.Name)
	word("联系人")
	word("联系电话")
	if !st.Public.Signer {
		word(r.Signer)
		word("签发人")
	}
	if !st.Public.Responsible {
		word(r.Responsible)
		word("承办负责人")
	}
	if st.Public.HideProposers {
		for _, p := range r.Proposers {
			word(p)
		}
	}
	for _, n := range regexp.MustCompile(`[0-9０-９][0-9０-９－-]{5,}[0-9０-９]`).FindAllString(r.Contact.Phone, -1) {
		d := digitsOnly(n)
		s.numbers = append(s.numbers, d)
		if len(d) > 8 && d[0] == '0' {
			s.numbers = append(s.numbers, d[len(d)-7:]) // the local number
		}
	}
	return s
}

// digitsOnly keeps the digits of s, full-width ones as ASCII.
func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		}
	}
	return b.String()
}

// assertNoLeak fails when text (extracted from a public output) holds a
// secret, or a line that the public letter pub does not print.
func assertNoLeak(t *testing.T, what, text string, sec secrets, pub *letter.Letter) {
	t.Helper()
	flat := strings.Join(strings.Fields(text), "")
	for _, w := range sec.words {
		if strings.Contains(flat, w) {
			t.Errorf("%s holds %q", what, w)
		}
	}
	digits := digitsOnly(flat)
	for _, n := range sec.numbers {
		if strings.Contains(digits, n) {
			t.Errorf("%s holds the number %q", what, n)
		}
	}
	allowed := strings.Join(strings.Fields(letterText(pub)), "")
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.Fields(line), "")
		if line == "" || folioLine.MatchString(line) {
			continue
		}
		if !strings.Contains(allowed, line) {
			t.Errorf("%s holds %q, which the public version does not print", what, line)
		}
	}
}

// assertPublicLeaksNothing writes the public version of r as PDF, web
// page and text, and checks each, and the PDF's metadata, for secrets.
// A reply with characters no font has is checked as page and text only.
func assertPublicLeaksNothing(t *testing.T, d *Desk, r *reply.Reply, st *style.Style, path string) {
	t.Helper()
	sec := secretsOf(r, st)
	v, err := d.Public(r)
	if err != nil {
		t.Fatal(err)
	}
	pub := letter.New(v.Reply, v.Style)
	doc, _, err := d.ExportPublic(path, r, true)
	var me *MissingError
	switch {
	case errors.As(err, &me):
	case err != nil:
		t.Fatal(err)
	default:
		text := tool(t, "pdftotext", "-layout", path, "-")
		if n := strings.Count(text, "\f"); n != len(doc.Pages) {
			t.Errorf("pdftotext found %d pages, want %d", n, len(doc.Pages))
		}
		assertNoLeak(t, "PDF", strings.ReplaceAll(text, "\f", "\n"), sec, pub)
		info := tool(t, "pdfinfo", path)
		for _, w := range sec.words {
			if strings.Contains(info, w) {
				t.Errorf("pdfinfo shows %q:\n%s", w, info)
			}
		}
		for _, n := range sec.numbers {
			if strings.Contains(digitsOnly(info), n) {
				t.Errorf("pdfinfo shows the number %q:\n%s", n, info)
			}
		}
		tool(t, "qpdf", "--check", path)
	}
	var page, plain bytes.Buffer
	if err := d.WritePublicHTML(&page, r, html.Options{}); err != nil {
		t.Fatal(err)
	}
	assertNoLeak(t, "HTML", pageText(t, page.Bytes()), sec, pub)
	if err := d.WritePublicText(&plain, r); err != nil {
		t.Fatal(err)
	}
	assertNoLeak(t, "text", plain.String(), sec, pub)
}

// TestPublicLeaksNothing renders the public version of a reply full of
// private details in every shipped style, and checks the PDF's text and
// metadata (pdftotext, pdfinfo), the web page and the text.
func TestPublicLeaksNothing(t *testing.T) {
	d := desk(t)
	dir := t.TempDir()
	for _, st := range d.Styles {
		t.Run(st.Name, func(t *testing.T) {
			r := publicCase(t, d, st)
			path := filepath.Join(dir, st.Name+".pdf")
			if st.Public.Never {
				_, _, err := d.ExportPublic(path, r, false)
				var re *publish.RefusedError
				if !errors.As(err, &re) {
					t.Fatalf("ExportPublic = %v, want a refusal", err)
				}
				if _, err := os.Stat(path); err == nil {
					t.Fatal("a refused reply left a file")
				}
				return
			}
			if _, ps, err := d.ExportPublic(path, r, false); err != nil || len(ps) > 0 {
				t.Fatalf("ExportPublic: %v %v", err, ps)
			}
			assertPublicLeaksNothing(t, d, r, st, path)
		})
	}
}

// TestPublicExamplesLeakNothing does the same for every example reply
// (the shipped one and those of the layout's tests), as they are: those
// that may be published leak nothing, the others are refused.
func TestPublicExamplesLeakNothing(t *testing.T) {
	d := desk(t)
	dir := t.TempDir()
	files, _ := filepath.Glob("../layout/testdata/*.reply.toml")
	files = append(files, seedFile)
	if len(files) < 10 {
		t.Fatalf("found %d example replies", len(files))
	}
	published := 0
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			r, err := tomlfile.ReadReplyFile(f)
			if err != nil {
				t.Fatal(err)
			}
			st, err := d.StyleOf(r)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, filepath.Base(f)+".pdf")
			if why := st.Public.Refusal(st.Name, r.Disclosure); why != "" {
				var re *publish.RefusedError
				if _, _, err := d.ExportPublic(path, r, true); !errors.As(err, &re) || re.Reason != why {
					t.Errorf("ExportPublic = %v, want the refusal %q", err, why)
				}
				return
			}
			published++
			assertPublicLeaksNothing(t, d, r, st, path)
		})
	}
	if published < len(files)/2 {
		t.Errorf("only %d of %d examples may be published", published, len(files))
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
