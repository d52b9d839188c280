package tomlfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"replydesk/internal/reply"
	"replydesk/internal/safefile"
)

// WriteReply writes r as a reply file that reads like one written by hand:
// the keys in a fixed order, section by section, the body as a multi-line
// string with one paragraph per line, empty optional keys left out.
// ReadReply reads it back to an equal reply (line ends CR LF are written
// as LF). It fails on text that is not valid UTF-8 and on a date that does
// not exist.
func WriteReply(w io.Writer, r *reply.Reply) error {
	if err := writable(r); err != nil {
		return err
	}
	e := &emitter{w: bufio.NewWriter(w)}
	e.raw("# ReplyDesk 答复件。各键的含义见 templates/examples/reply-244.reply.toml。\n")
	e.str("style", r.Style, false)
	e.str("kind", string(r.Kind), true)
	e.item(r)
	e.text(r)
	e.signature(r)
	for _, a := range r.Attachments {
		e.attachment(a)
	}
	return e.flush()
}

// item writes the sections of the item answered and of the result, and
// the document's, when it has one.
func (e *emitter) item(r *reply.Reply) {
	e.section("item")
	e.str("assembly", r.Assembly, true)
	e.num("term", r.Term, true)
	e.num("session", r.Session, true)
	e.str("number", r.Number, true)
	e.list("proposers", r.Proposers, true)
	e.num("proposer_count", r.ProposerCount, false)
	e.str("title", r.ItemTitle, true)
	e.str("lead_unit", r.LeadUnit, false)

	e.section("result")
	e.str("category", r.Category, true)
	e.str("disclosure", r.Disclosure, true)

	if r.DocNumber != "" || r.Signer != "" || len(r.CC) > 0 {
		e.section("document")
		e.str("doc_number", r.DocNumber, false)
		e.str("signer", r.Signer, false)
		e.list("cc", r.CC, false)
	}
}

// text writes the section of the letter's text.
func (e *emitter) text(r *reply.Reply) {
	e.section("text")
	e.str("title", r.Title, false)
	e.str("salutation", r.Salutation, false)
	e.str("opening", r.Opening, false)
	e.multiline("body", r.Body)
	if strings.Contains(r.Closing, "\n") {
		e.multiline("closing", r.Closing)
	} else {
		e.str("closing", r.Closing, false)
	}
	e.list("as_heading", r.AsHeading, false)
	e.list("as_text", r.AsText, false)
}

// signature writes the sections of the signature and of the contact.
func (e *emitter) signature(r *reply.Reply) {
	e.section("signature")
	e.str("issuer", r.Issuer, true)
	if !r.Date.IsZero() {
		e.raw("date = " + r.Date.ISO() + "\n")
	}
	e.raw("seal = " + strconv.FormatBool(r.Seal) + "\n")
	e.list("notes", r.Notes, false)

	e.section("contact")
	e.str("unit", r.Contact.Unit, false)
	e.str("name", r.Contact.Name, true)
	e.str("phone", r.Contact.Phone, true)
	e.str("responsible", r.Responsible, false)
}

// writable checks what TOML cannot hold.
func writable(r *reply.Reply) error {
	if !r.Date.IsZero() && !r.Date.Valid() {
		return fmt.Errorf("写入答复件：成文日期%d年%d月%d日不存在", r.Date.Year, r.Date.Month, r.Date.Day)
	}
	c := r
	for _, s := range append(append(append([]string{c.Style, string(c.Kind), c.Assembly, c.Number, c.ItemTitle,
		c.LeadUnit, c.Category, c.Disclosure, c.DocNumber, c.Signer, c.Title, c.Salutation, c.Opening, c.Body,
		c.Closing, c.Issuer, c.Contact.Unit, c.Contact.Name, c.Contact.Phone, c.Responsible}, c.Proposers...), c.CC...), slices.Concat(c.Notes, c.AsHeading, c.AsText)...) {
		if !utf8.ValidString(s) {
			return fmt.Errorf("写入答复件：文字“%s”含无效的 UTF-8 编码", strings.ToValidUTF8(s, "�"))
		}
	}
	for _, a := range c.Attachments {
		cells := []string{a.Title, a.Body}
		if a.Table != nil {
			cells = append(cells, a.Table.Header...)
			for _, row := range a.Table.Rows {
				cells = append(cells, row...)
			}
		}
		for _, s := range cells {
			if !utf8.ValidString(s) {
				return errors.New("写入答复件：附件中的文字含无效的 UTF-8 编码")
			}
		}
	}
	return nil
}

// emitter writes TOML by hand, keeping the first write error.
type emitter struct {
	w   *bufio.Writer
	err error
}

func (e *emitter) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *emitter) flush() error {
	if e.err != nil {
		return fmt.Errorf("写入答复件：%w", e.err)
	}
	if err := e.w.Flush(); err != nil {
		return fmt.Errorf("写入答复件：%w", err)
	}
	return nil
}

func (e *emitter) section(name string) { e.raw("\n[" + name + "]\n") }

// str writes key = "value"; an empty value only when always.
func (e *emitter) str(key, v string, always bool) {
	if v != "" || always {
		e.raw(key + " = " + quote(v) + "\n")
	}
}

func (e *emitter) num(key string, n int, always bool) {
	if n != 0 || always {
		e.raw(key + " = " + strconv.Itoa(n) + "\n")
	}
}

// list writes key = ["a", "b"]; an empty list only when always.
func (e *emitter) list(key string, vs []string, always bool) {
	if len(vs) == 0 && !always {
		return
	}
	e.raw(key + " = " + quoteList(vs) + "\n")
}

func quoteList(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = quote(v)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// multiline writes a text of paragraphs as a multi-line string, one
// paragraph per line.
func (e *emitter) multiline(key, v string) {
	v = crlf(v)
	if v == "" {
		e.raw(key + " = \"\"\n")
		return
	}
	e.raw(key + " = \"\"\"\n" + escape(v, true) + "\n\"\"\"\n")
}

func (e *emitter) attachment(a reply.Attachment) {
	e.raw("\n[[attachments]]\n")
	e.str("title", a.Title, true)
	if a.Body != "" {
		e.multiline("body", a.Body)
	}
	if a.Table == nil {
		return
	}
	e.raw("\n[attachments.table]\n")
	if a.Table.Header != nil {
		e.list("header", a.Table.Header, true)
	}
	if a.Table.Widths != nil {
		ws := make([]string, len(a.Table.Widths))
		for i, w := range a.Table.Widths {
			ws[i] = strconv.Itoa(w)
		}
		e.raw("widths = [" + strings.Join(ws, ", ") + "]\n")
	}
	if a.Table.Rows != nil {
		e.raw("rows = [\n")
		for _, row := range a.Table.Rows {
			e.raw("  " + quoteList(row) + ",\n")
		}
		e.raw("]\n")
	}
}

func crlf(s string) string { return newlines(s) }

// quote writes s as a TOML basic string.
func quote(s string) string { return `"` + escape(crlf(s), false) + `"` }

// escape escapes s for a basic string, or for a multi-line basic string
// (where newlines stay and a quote is escaped only when two precede it).
func escape(s string, multi bool) string {
	var b strings.Builder
	quotes := 0 // unescaped quotes just written, in a multi-line string
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"' && (!multi || quotes == 2):
			b.WriteString(`\"`)
			quotes = 0
			continue
		case r == '"':
			b.WriteByte('"')
			quotes++
			continue
		case r == '\n' && multi, r == '\t':
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
		quotes = 0
	}
	return b.String()
}

// WriteReplyFile writes r to path through a temporary file in the same
// folder, renamed over path when complete: path never holds half a reply.
// A file that exists keeps its line ends (CR LF or LF) and its UTF-8 byte
// order mark; a new file gets the system's line ends (CR LF on Windows).
func WriteReplyFile(path string, r *reply.Reply) error {
	eol, bom := newFileEOL, false
	if old, err := readBounded(path); err == nil && len(old) > 0 {
		eol, bom = habits(old)
	}
	return writeAtomic(path, func(w io.Writer) error {
		var b strings.Builder
		if err := WriteReply(&b, r); err != nil {
			return err
		}
		out := b.String()
		if eol != "\n" {
			out = strings.ReplaceAll(out, "\n", eol)
		}
		if bom {
			out = "\uFEFF" + out
		}
		if _, err := io.WriteString(w, out); err != nil {
			return fmt.Errorf("写入答复件：%w", err)
		}
		return nil
	})
}

// writeAtomic writes path by way of a temporary file and a rename (see
// safefile.Write), keeping the old file's permissions.
func writeAtomic(path string, write func(io.Writer) error) error {
	return safefile.Write(path, write)
}
