package tomlfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"replydesk/internal/reply"
)

// UpdateReply returns the reply file src with its values changed to those
// of r, and everything else as the user wrote it: comments, blank lines,
// the order of keys, commented-out keys, quoting, line ends (LF or CR LF),
// a UTF-8 byte order mark, UTF-16. Only the values that differ are
// rewritten:
//   - a changed string, number, date or list is written over the old value
//     on its line (a comment after it keeps its column where it can);
//   - a changed multi-line text (the body) has only its changed lines
//     rewritten;
//   - a list of the same length has only its changed items rewritten;
//   - a key that gains a value is written in its section after the keys
//     that come before it in a reply file, or replaces a commented-out
//     line of the same key ("# closing = …"), whose comment stays;
//   - a text or list that becomes empty is written as "" or [] (the line
//     and its comment stay); a date that becomes empty is commented out;
//   - attachments added or removed, or changing between text and table,
//     are too structural to patch: the attachments are written anew in
//     place of the old ones (comments among them are lost).
//
// When nothing differs, UpdateReply returns src itself. When src is not a
// valid reply file it returns its error. The result always reads back as
// r: should a patch not (a layout too unusual to edit in place, such as a
// section written as an inline table), UpdateReply writes the whole file
// as WriteReply does, keeping only the line ends and the encoding.
func UpdateReply(src []byte, r *reply.Reply) ([]byte, error) {
	d, err := parse(src, "答复件", replyLimits)
	if err != nil {
		return nil, err
	}
	old, err := d.reply()
	if err != nil {
		return nil, err
	}
	if reflect.DeepEqual(old, r) {
		return src, nil
	}
	if err := writable(r); err != nil {
		return nil, err
	}
	var canon bytes.Buffer
	if err := WriteReply(&canon, r); err != nil {
		return nil, err
	}
	want, err := ReadReply(bytes.NewReader(canon.Bytes()), "答复件")
	if err != nil {
		return nil, err
	}
	p := newPatcher(d.src)
	p.reply(old, r)
	if out, ok := p.result(); ok {
		if got, err := ReadReply(strings.NewReader(out), "答复件"); err == nil && reflect.DeepEqual(got, want) {
			return d.enc.Encode(out), nil
		}
	}
	return d.enc.Encode(p.eols(canon.String())), nil
}

// UpdateReplyFile changes the reply file at path to r as UpdateReply does,
// and replaces it whole (through a temporary file): path keeps the user's
// comments and layout. A file that does not exist yet, or that is not a
// valid reply file (edited meanwhile into something unreadable), is
// written as WriteReplyFile does. A file whose values already equal r is
// left untouched.
func UpdateReplyFile(path string, r *reply.Reply) error {
	src, err := readBounded(path)
	if errors.Is(err, fs.ErrNotExist) {
		return WriteReplyFile(path, r)
	}
	if err != nil {
		return fmt.Errorf("保存 %s：无法读取原文件（%w）", filepath.Base(path), err)
	}
	out, err := UpdateReply(src, r)
	var fe *Error
	if errors.As(err, &fe) {
		return WriteReplyFile(path, r)
	}
	if err != nil {
		return err
	}
	if bytes.Equal(out, src) {
		return nil
	}
	return writeAtomic(path, func(w io.Writer) error {
		if _, err := w.Write(out); err != nil {
			return fmt.Errorf("保存 %s：%w", filepath.Base(path), err)
		}
		return nil
	})
}

// readBounded reads a file of at most replyLimits.file bytes (and one
// more, so that a larger one fails to parse as too large).
func readBounded(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(replyLimits.file)+1))
}

// patcher collects edits of a reply file's text.
type patcher struct {
	src   string
	eol   string // the file's line end: "\n" or "\r\n"
	sk    *skimmer
	edits []edit
	bad   bool // an edit could not be made in place
}

// edit replaces src[start:end] with text; start == end inserts.
type edit struct {
	start, end int
	text       string
}

func newPatcher(src string) *patcher {
	p := &patcher{src: src, eol: "\n", sk: skim(src, true)}
	if i := strings.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		p.eol = "\r\n"
	}
	return p
}

// eols gives text written with "\n" the file's line ends.
func (p *patcher) eols(text string) string {
	if p.eol == "\n" {
		return text
	}
	return strings.ReplaceAll(text, "\n", p.eol)
}

func (p *patcher) replace(start, end int, text string) {
	p.edits = append(p.edits, edit{start, end, text})
}

// result applies the edits; ok is false when one could not be made or two
// overlap.
func (p *patcher) result() (string, bool) {
	if p.bad {
		return "", false
	}
	slices.SortStableFunc(p.edits, func(a, b edit) int { return a.start - b.start })
	var b strings.Builder
	at := 0
	for _, e := range p.edits {
		if e.start < at {
			return "", false
		}
		b.WriteString(p.src[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.WriteString(p.src[at:])
	return b.String(), true
}

// lineStart is the offset of the start of the line holding i.
func (p *patcher) lineStart(i int) int {
	return strings.LastIndexByte(p.src[:i], '\n') + 1
}

// lineEnd is the offset just past the line end of the line holding i, or
// len(src) on a last line without one.
func (p *patcher) lineEnd(i int) int {
	if j := strings.IndexByte(p.src[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(p.src)
}

// value returns the span of path's value with trailing blanks dropped.
func (p *patcher) value(path string) (span, bool) {
	sp, ok := p.sk.spans[path]
	if !ok {
		return sp, false
	}
	for sp.end > sp.val && strings.ContainsRune(" \t\r", rune(p.src[sp.end-1])) {
		sp.end--
	}
	return sp, true
}

// set writes text over the value of path, keeping the column of a comment
// after it on its line.
func (p *patcher) set(sp span, text string) {
	end := sp.end
	old := p.src[sp.val:sp.end]
	gap := 0
	for end+gap < len(p.src) && p.src[end+gap] == ' ' {
		gap++
	}
	if gap >= 2 && end+gap < len(p.src) && p.src[end+gap] == '#' && !strings.Contains(old, "\n") && !strings.Contains(text, "\n") {
		spaces := max(1, gap+width(old)-width(text))
		p.replace(sp.val, end+gap, text+strings.Repeat(" ", spaces))
		return
	}
	p.replace(sp.val, end, text)
}

// width is the width of s in a monospaced editor: two columns for CJK.
func width(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 && !(r >= 0xFF61 && r <= 0xFFDC) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// reply patches every field of old that r changes.
func (p *patcher) reply(old, r *reply.Reply) {
	sec := p.section("")
	sec.str("style", old.Style, r.Style)
	sec.str("kind", string(old.Kind), string(r.Kind))

	sec = p.section("item")
	sec.str("assembly", old.Assembly, r.Assembly)
	sec.num("term", old.Term, r.Term)
	sec.num("session", old.Session, r.Session)
	sec.str("number", old.Number, r.Number)
	sec.list("proposers", old.Proposers, r.Proposers)
	sec.num("proposer_count", old.ProposerCount, r.ProposerCount)
	sec.str("title", old.ItemTitle, r.ItemTitle)
	sec.str("lead_unit", old.LeadUnit, r.LeadUnit)

	sec = p.section("result")
	sec.str("category", old.Category, r.Category)
	sec.str("disclosure", old.Disclosure, r.Disclosure)

	sec = p.section("document")
	sec.str("doc_number", old.DocNumber, r.DocNumber)
	sec.str("signer", old.Signer, r.Signer)
	sec.list("cc", old.CC, r.CC)

	sec = p.section("text")
	sec.str("title", old.Title, r.Title)
	sec.str("salutation", old.Salutation, r.Salutation)
	sec.str("opening", old.Opening, r.Opening)
	sec.text("body", old.Body, r.Body)
	if strings.Contains(old.Closing+r.Closing, "\n") {
		sec.text("closing", old.Closing, r.Closing) // several paragraphs
	} else {
		sec.str("closing", old.Closing, r.Closing)
	}
	sec.list("as_heading", old.AsHeading, r.AsHeading)
	sec.list("as_text", old.AsText, r.AsText)

	sec = p.section("signature")
	sec.str("issuer", old.Issuer, r.Issuer)
	sec.date("date", old.Date, r.Date)
	sec.boolean("seal", old.Seal, r.Seal)
	sec.list("notes", old.Notes, r.Notes)

	sec = p.section("contact")
	sec.str("unit", old.Contact.Unit, r.Contact.Unit)
	sec.str("name", old.Contact.Name, r.Contact.Name)
	sec.str("phone", old.Contact.Phone, r.Contact.Phone)
	sec.str("responsible", old.Responsible, r.Responsible)

	p.attachments(old.Attachments, r.Attachments)
}

// attachments patches each attachment when their number and kinds (text
// or table) stay; otherwise it writes them anew over the old ones.
func (p *patcher) attachments(old, now []reply.Attachment) {
	same := len(old) == len(now)
	for i := 0; same && i < len(old); i++ {
		same = (old[i].Table == nil) == (now[i].Table == nil)
	}
	if same {
		for i := range old {
			path := "attachments" + index(i)
			sec := p.section(path)
			sec.str("title", old[i].Title, now[i].Title)
			sec.text("body", old[i].Body, now[i].Body)
			if o, n := old[i].Table, now[i].Table; o != nil {
				sec = p.section(path + ".table")
				sec.list("header", o.Header, n.Header)
				sec.ints("widths", o.Widths, n.Widths)
				sec.rows("rows", o.Rows, n.Rows)
			}
		}
		return
	}
	var b bytes.Buffer
	e := &emitter{w: bufio.NewWriter(&b)}
	for _, a := range now {
		e.attachment(a)
	}
	if e.flush() != nil {
		p.bad = true
		return
	}
	text := p.eols(b.String())
	if len(old) == 0 {
		at := len(p.src)
		if at > 0 && p.src[at-1] != '\n' {
			text = p.eol + text
		}
		p.replace(at, at, text)
		return
	}
	// The old attachments run from the line of their first header to the
	// end of the line of their last header or value.
	first, ok := p.sk.spans["attachments[0]"]
	if !ok {
		p.bad = true // written as an inline array: let the fallback rewrite
		return
	}
	start, end := p.lineStart(first.key), 0
	for path, at := range p.sk.last {
		if strings.HasPrefix(path, "attachments[") {
			end = max(end, at)
		}
	}
	end = p.lineEnd(end)
	text = strings.TrimPrefix(text, p.eol)
	p.replace(start, end, text)
}
