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
	t := &textWriter{b: bufio.NewWriter(w)}
	for _, m := range append(append([]letter.Mark{}, l.TopLeft...), l.TopRight...) {
		t.add(m.Text)
	}
	t.add(l.Number)
	if l.Signer != "" {
		t.add(letter.SignerLabel + l.Signer)
	}
	t.flush()
	t.add(letter.Flat(l.Title))
	t.flush()
	t.add(l.Salutation)
	textParas(l.Text, t.add)
	t.flush()
	for i, it := range l.List {
		if i == 0 {
			t.add(indent + letter.AttachmentLabel + it.Text)
			continue
		}
		t.add(indent + strings.Repeat("\u3000", 3) + it.Text)
	}
	t.flush()
	t.add(l.Issuer)
	t.add(l.Date)
	for _, n := range l.Notes {
		t.add(indent + n.Text)
	}
	for _, m := range l.EndMarks {
		t.add(m.Text)
	}
	t.flush()
	if cc := l.CCText(); cc != "" {
		t.add(letter.CCLabel + cc)
	}
	t.flush()
	for _, a := range l.Attachments {
		t.attachment(a)
	}
	return t.b.Flush()
}

// textWriter writes the letter as text a part at a time: the lines of a
// part, then a blank line.
type textWriter struct {
	b    *bufio.Writer
	part []string
}

// add adds a line to the part, unless it is blank.
func (t *textWriter) add(s string) {
	if s = clean(s); strings.TrimSpace(s) != "" {
		t.part = append(t.part, s)
	}
}

// flush writes the part, if it has lines, and a blank line after it.
func (t *textWriter) flush() {
	if len(t.part) == 0 {
		return
	}
	for _, s := range t.part {
		t.b.WriteString(s)
		t.b.WriteString("\n")
	}
	t.b.WriteString("\n")
	t.part = nil
}

// attachment writes an attachment as a part: label, title, text and the
// rows of its table, cells separated by tabs.
func (t *textWriter) attachment(a letter.Attachment) {
	t.add(a.Label)
	t.add(a.Title)
	textParas(a.Body, t.add)
	if tb := a.Table; tb != nil {
		t.add(strings.Join(cells(tb.Header), "\t"))
		for _, r := range tb.Rows {
			t.add(strings.Join(cells(r), "\t"))
		}
	}
	t.flush()
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
