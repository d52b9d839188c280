package html

import (
	"bufio"
	"io"
	"strings"

	"replydesk/internal/letter"
)

// indent opens a paragraph of plain text: two ideographic spaces, as a
// Chinese paragraph is indented two characters.
const indent = "\u3000\u3000"

// WriteText writes l to w as plain UTF-8 text, one paragraph a line, the
// blocks in the letter's order with a blank line between the parts:
// marks, 文号 and 签发人, the title, the salutation, the text (paragraphs
// indented two characters), the 附件说明, the signature, the notes, the
// 抄送 and the attachments. Line breaks are "\n".
func WriteText(w io.Writer, l *letter.Letter) error {
	b := bufio.NewWriter(w)
	var part []string
	flush := func() {
		if len(part) == 0 {
			return
		}
		for _, s := range part {
			b.WriteString(s)
			b.WriteString("\n")
		}
		b.WriteString("\n")
		part = nil
	}
	add := func(s string) {
		if s = clean(s); strings.TrimSpace(s) != "" {
			part = append(part, s)
		}
	}
	for _, m := range append(append([]letter.Mark{}, l.TopLeft...), l.TopRight...) {
		add(m.Text)
	}
	add(l.Number)
	if l.Signer != "" {
		add(letter.SignerLabel + l.Signer)
	}
	flush()
	add(letter.Flat(l.Title))
	flush()
	add(l.Salutation)
	textParas(l.Text, add)
	flush()
	for i, it := range l.List {
		if i == 0 {
			add(indent + letter.AttachmentLabel + it.Text)
			continue
		}
		add(indent + strings.Repeat("\u3000", 3) + it.Text)
	}
	flush()
	add(l.Issuer)
	add(l.Date)
	for _, n := range l.Notes {
		add(indent + n.Text)
	}
	for _, m := range l.EndMarks {
		add(m.Text)
	}
	flush()
	if cc := l.CCText(); cc != "" {
		add(letter.CCLabel + cc)
	}
	flush()
	for _, a := range l.Attachments {
		add(a.Label)
		add(a.Title)
		textParas(a.Body, add)
		if t := a.Table; t != nil {
			add(strings.Join(cells(t.Header), "\t"))
			for _, r := range t.Rows {
				add(strings.Join(cells(r), "\t"))
			}
		}
		flush()
	}
	return b.Flush()
}

// textParas adds running text, each paragraph indented.
func textParas(ps []letter.Para, add func(string)) {
	for _, p := range ps {
		add(indent + p.Head + p.Rest)
	}
}

// cells are a table row's cells without tabs, which separate them.
func cells(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = strings.ReplaceAll(clean(c), "\t", " ")
	}
	return out
}
