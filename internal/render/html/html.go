// Package html writes a letter (package letter) as a web page and as plain
// text, for a bureau's 政府信息公开 pages: the public version of a reply
// (package publish) ready to upload or to paste into a website's editor.
//
// The page is self-contained UTF-8 HTML5 in its XML form (polyglot markup,
// so that an XML parser reads it as well as a browser): semantic elements
// only — the title as <h1>, headings <h2>… in the order of their levels
// (WCAG 2.1 SC 1.3.1), paragraphs, a table per attachment table — and one
// small stylesheet of layout rules in the head. No font is named or
// embedded: the reader's browser and the website's own style decide how
// it is drawn.
//
// The package writes what package letter decided, in its order; it knows
// nothing of pages or fonts, and the output is byte-stable.
package html

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"

	"replydesk/internal/letter"
)

// Options of a page. The zero value writes a page of its own with the
// stylesheet.
type Options struct {
	// Lang is the page's language; "" = "zh-CN".
	Lang string
	// Index, when not empty, is the address of the index page the page
	// links back to ("index.html").
	Index string
	// NoStyle leaves out the stylesheet, for a website that has its own.
	NoStyle bool
}

// stylesheet lays the letter out as a reader of a 政府信息公开 page
// expects: paragraphs indented two characters, the title centred, the
// signature at the right. It names no font.
const stylesheet = `body{margin:0 auto;max-width:42em;padding:1em 1.5em;line-height:1.8}
h1{text-align:center;font-size:1.6em;line-height:1.4;margin:1em 0}
h2,h3,h4,h5,h6{font-size:1em;margin:0;text-indent:2em}
h2{font-weight:bold}
p{margin:0;text-indent:2em}
p.mark,p.number,p.salutation,p.cc,p.label{text-indent:0}
p.number{text-align:center}
p.signer,p.issuer,p.date{text-align:right;text-indent:0}
p.issuer{margin-top:2em}
p.cc{margin-top:2em;border-top:1px solid;border-bottom:1px solid;padding:.2em 1em}
section.attachment{margin-top:3em}
table{border-collapse:collapse;margin:.5em 0;width:100%}
th,td{border:1px solid;padding:.2em .4em;text-align:left;vertical-align:top}
nav{margin-bottom:1em}
body.index{max-width:64em}
td.n,th.n{white-space:nowrap}
`

// Write writes l to w as a web page.
func Write(w io.Writer, l *letter.Letter, opt Options) error {
	p := newPrinter(w)
	title := clean(letter.Flat(l.Title))
	p.head(title, opt, "")
	if opt.Index != "" {
		p.raw(`<nav><a href="` + attr(opt.Index) + `">返回目录</a></nav>` + "\n")
	}
	p.raw("<article>\n")
	for _, m := range append(append([]letter.Mark{}, l.TopLeft...), l.TopRight...) {
		p.para("mark", m.Text)
	}
	p.para("number", l.Number)
	if l.Signer != "" {
		p.para("signer", letter.SignerLabel+l.Signer)
	}
	p.h(1, title)
	p.para("salutation", l.Salutation)
	p.paras(l.Text, 1)
	for i, it := range l.List {
		if i == 0 {
			p.para("attachments", letter.AttachmentLabel+it.Text)
			continue
		}
		p.para("attachments", it.Text)
	}
	p.para("issuer", l.Issuer)
	p.para("date", l.Date)
	for _, n := range l.Notes {
		p.para("note", n.Text)
	}
	for _, m := range l.EndMarks {
		p.para("mark", m.Text)
	}
	if cc := l.CCText(); cc != "" {
		p.para("cc", letter.CCLabel+cc)
	}
	for _, a := range l.Attachments {
		p.attachment(a)
	}
	p.raw("</article>\n</body>\n</html>\n")
	return p.flush()
}

// printer writes the page, remembering the last heading level so that
// levels never skip.
type printer struct {
	w     *bufio.Writer
	level int // the last heading level written, 1 after the title
}

func newPrinter(w io.Writer) *printer { return &printer{w: bufio.NewWriter(w)} }

func (p *printer) raw(s string) { p.w.WriteString(s) }

func (p *printer) flush() error { return p.w.Flush() }

// head writes the document up to <body>, of the class given ("" = none).
func (p *printer) head(title string, opt Options, class string) {
	lang := opt.Lang
	if lang == "" {
		lang = "zh-CN"
	}
	p.raw("<!DOCTYPE html>\n")
	p.raw(`<html xmlns="http://www.w3.org/1999/xhtml" lang="` + attr(lang) + `" xml:lang="` + attr(lang) + `">` + "\n")
	p.raw("<head>\n<meta charset=\"utf-8\" />\n")
	p.raw(`<meta name="viewport" content="width=device-width, initial-scale=1" />` + "\n")
	p.raw("<title>" + text(title) + "</title>\n")
	if !opt.NoStyle {
		p.raw("<style>\n" + stylesheet + "</style>\n")
	}
	if class != "" {
		p.raw("</head>\n<body class=\"" + class + "\">\n")
		return
	}
	p.raw("</head>\n<body>\n")
}

// para writes a paragraph of a class; nothing for empty text.
func (p *printer) para(class, s string) {
	s = clean(s)
	if strings.TrimSpace(s) == "" {
		return
	}
	if class == "" {
		p.raw("<p>" + text(s) + "</p>\n")
		return
	}
	p.raw(`<p class="` + class + `">` + text(s) + "</p>\n")
}

// h writes a heading of the given level, or of the next level down from
// the last one written when that is higher, so that levels never skip.
func (p *printer) h(level int, s string) {
	if level > p.level+1 {
		level = p.level + 1
	}
	level = min(max(level, 1), 6)
	p.level = level
	n := string(rune('0' + level))
	p.raw("<h" + n + ">" + text(clean(s)) + "</h" + n + ">\n")
}

// paras writes running text; a heading paragraph of level k becomes a
// heading of level base+k, a run-in heading a paragraph that opens with
// the heading sentence in <strong>.
func (p *printer) paras(ps []letter.Para, base int) {
	for _, para := range ps {
		switch {
		case para.Heading():
			p.h(base+para.Level, para.Head)
		case para.Head != "":
			p.raw("<p><strong>" + text(clean(para.Head)) + "</strong>" + text(clean(para.Rest)) + "</p>\n")
		default:
			p.para("", para.Rest)
		}
	}
}

// attachment writes an 附件 as a section: its label and title as a
// heading, its paragraphs and its table.
func (p *printer) attachment(a letter.Attachment) {
	p.raw(`<section class="attachment">` + "\n")
	p.level = 1
	p.para("label", a.Label)
	p.h(2, a.Title)
	p.paras(a.Body, 2)
	if t := a.Table; t != nil {
		p.raw("<table>\n")
		if len(t.Header) > 0 {
			p.raw("<thead><tr>")
			for _, c := range t.Header {
				p.raw("<th>" + text(clean(c)) + "</th>")
			}
			p.raw("</tr></thead>\n")
		}
		p.raw("<tbody>\n")
		for _, row := range t.Rows {
			p.raw("<tr>")
			for _, c := range row {
				p.raw("<td>" + text(clean(c)) + "</td>")
			}
			p.raw("</tr>\n")
		}
		p.raw("</tbody>\n</table>\n")
	}
	p.raw("</section>\n")
}

// escapes are the characters markup reserves.
var escapes = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

// text escapes s for element content.
func text(s string) string { return escapes.Replace(s) }

// attr escapes s for an attribute value in double quotes.
func attr(s string) string { return escapes.Replace(clean(s)) }

// clean keeps the characters XML 1.0 allows (§2.2), without line breaks:
// a title's forced breaks and stray control characters go, invalid UTF-8
// becomes U+FFFD.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if !xmlChar(r) || r == '\n' || r == '\r' || r == utf8.RuneError {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
		case r == utf8.RuneError:
			b.WriteRune('\uFFFD')
		case xmlChar(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == '\t' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
