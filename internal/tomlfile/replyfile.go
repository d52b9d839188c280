// Package tomlfile reads and writes the TOML files users touch: replies
// (*.reply.toml, one reply with every field) and house styles
// (templates/*.toml). It is the only importer of the TOML library. Errors
// are in Chinese and name the file, the line and the key, e.g.
// "reply-244.reply.toml 第12行：date 应为日期，例如 date = 2023-06-20".
//
// The schema of a reply file is documented key by key in
// templates/examples/reply-244.reply.toml; that of a style in
// templates/README.md.
package tomlfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"replydesk/internal/reply"
	"replydesk/internal/textenc"
)

// ReadReply reads a reply file (*.reply.toml) from r. name is the file's
// name for error messages. Every error of the file is reported, sorted by
// line, each an *Error: wrong syntax, a value of the wrong type, an unknown
// key, a file too large or nested too deep (see replyLimits), text that is
// not UTF-8. UTF-16 text (Notepad's "Unicode") is read as well. ReadReply
// checks the form of the file, not the reply: use Check for that.
func ReadReply(r io.Reader, name string) (*reply.Reply, error) {
	d, err := decode(r, name, replyLimits)
	if err != nil {
		return nil, err
	}
	return d.reply()
}

// reply reads d by the schema of a reply file.
func (d *document) reply() (*reply.Reply, error) {
	w := &walker{file: d.file, lines: d.lines}
	rep := decodeReply(w.root(d.m))
	if err := joinErrors(w.errs); err != nil {
		return nil, err
	}
	return rep, nil
}

// document is a decoded TOML file.
type document struct {
	file  string
	src   string           // the text, UTF-8 without byte order mark
	enc   textenc.Encoding // how the text was stored
	m     map[string]any   // the decoded values
	lines map[string]int   // key path → line
}

// decode reads at most lim.file bytes of r and decodes them.
func decode(r io.Reader, name string, lim limits) (*document, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(lim.file)+1))
	if err != nil {
		return nil, &Error{File: name, Msg: "无法读取（" + err.Error() + "）"}
	}
	return parse(data, name, lim)
}

// parse checks data against lim, turns it into UTF-8 text and decodes it:
// TOML into a generic map, and the line of every key.
func parse(data []byte, name string, lim limits) (*document, error) {
	if len(data) > lim.file {
		return nil, &Error{File: name, Msg: fmt.Sprintf("文件太大（超过%s）", size(lim.file))}
	}
	src, f, e := text(data, name)
	if e != nil {
		return nil, e
	}
	if e := prescan(src, lim, name); e != nil {
		return nil, e
	}
	m := map[string]any{}
	if _, err := toml.Decode(src, &m); err != nil {
		return nil, syntaxError(name, src, err)
	}
	return &document{file: name, src: src, enc: f, m: m, lines: keyLines(src)}, nil
}

// size writes a byte count as KB or MB.
func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%dMB", n>>20)
	}
	return fmt.Sprintf("%dKB", n>>10)
}

// ReadReplyFile reads the reply file at path.
func ReadReplyFile(path string) (*reply.Reply, error) {
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &osError{"读取答复件 " + filepath.Base(path) + "：找不到该文件，请检查文件名和所在文件夹", err}
	case errors.Is(err, fs.ErrPermission):
		return nil, &osError{"读取答复件 " + filepath.Base(path) + "：没有读取权限，请检查文件的权限", err}
	case err != nil:
		return nil, fmt.Errorf("读取答复件 %s：%w", filepath.Base(path), err)
	}
	defer f.Close()
	return ReadReply(f, filepath.Base(path))
}

// decodeReply reads a reply by the schema of *.reply.toml.
func decodeReply(root *table) *reply.Reply {
	r := &reply.Reply{Style: root.str("style"), Kind: root.kind("kind")}
	it := root.sub("item")
	r.Assembly = it.str("assembly")
	r.Term = it.ordinal("term", "14")
	r.Session = it.ordinal("session", "2")
	r.Number = it.digits("number")
	r.Proposers = it.names("proposers")
	r.ProposerCount = it.integer("proposer_count", 100000, "7")
	r.ItemTitle = it.str("title")
	r.LeadUnit = it.str("lead_unit")
	it.end()

	res := root.sub("result")
	r.Category = res.str("category")
	r.Disclosure = res.str("disclosure")
	res.end()

	doc := root.sub("document")
	r.DocNumber = doc.str("doc_number")
	r.Signer = doc.str("signer")
	r.CC = doc.strs("cc")
	doc.end()

	txt := root.sub("text")
	r.Title = txt.str("title")
	r.Salutation = txt.str("salutation")
	r.Opening = txt.str("opening")
	r.Body = txt.text("body")
	r.Closing = txt.text("closing")
	r.AsHeading = txt.strs("as_heading")
	r.AsText = txt.strs("as_text")
	txt.end()

	sig := root.sub("signature")
	r.Issuer = sig.str("issuer")
	r.Date = sig.date("date")
	r.Seal = sig.boolean("seal")
	r.Notes = sig.strs("notes")
	sig.end()

	ct := root.sub("contact")
	r.Contact = reply.Contact{Unit: ct.str("unit"), Name: ct.str("name"), Phone: ct.digits("phone")}
	r.Responsible = ct.str("responsible")
	ct.end()

	for _, a := range root.subs("attachments") {
		r.Attachments = append(r.Attachments, decodeAttachment(a))
	}
	root.end()
	return r
}

// kind reads the kind of item: 提案, 建议 or 协办意见.
func (t *table) kind(k string) reply.Kind {
	s := reply.Kind(t.str(k))
	if s != "" && !s.Valid() {
		t.w.fail(t.key(k), "应为“提案”“建议”或“协办意见”，不是“%s”", s)
		return ""
	}
	return s
}

func decodeAttachment(t *table) reply.Attachment {
	a := reply.Attachment{Title: t.str("title"), Body: t.text("body")}
	if _, ok := t.m["table"]; ok {
		tb := t.sub("table")
		a.Table = &reply.Table{Header: tb.strs("header"), Widths: tb.ints("widths")}
		if v, ok := tb.get("rows"); ok {
			a.Table.Rows = tb.rows(v)
		}
		tb.end()
	} else {
		t.known = append(t.known, "table")
	}
	t.end()
	return a
}

// rows reads the rows of a table: an array of arrays of strings.
func (t *table) rows(v any) [][]string {
	arr, ok := v.([]any)
	if !ok {
		t.w.fail(t.key("rows"), "应为行的列表，例如 rows = [[\"甲\", \"1\"], [\"乙\", \"2\"]]")
		return nil
	}
	var out [][]string
	for i, row := range arr {
		out = append(out, t.strList(t.key("rows")+index(i), row, "rows"))
	}
	return out
}

// ints reads an array of positive integers; an empty array is nil.
func (t *table) ints(k string) []int {
	v, ok := t.get(k)
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		t.w.fail(t.key(k), "应为整数列表，例如 %s = [1, 3, 2]", k)
		return nil
	}
	var out []int
	for i, e := range arr {
		n, ok := e.(int64)
		if !ok || n < 0 || n > 1000 {
			t.w.fail(t.key(k)+index(i), "第%d项应为0到1000的整数", i+1)
			continue
		}
		out = append(out, int(n))
	}
	return out
}

// fieldKeys maps the fields of reply.Problem to keys of a reply file.
var fieldKeys = map[string]string{
	"style": "style", "kind": "kind",
	"assembly": "item.assembly", "term": "item.term", "session": "item.session",
	"number": "item.number", "proposers": "item.proposers", "proposer_count": "item.proposer_count",
	"item_title": "item.title", "lead_unit": "item.lead_unit",
	"category": "result.category", "disclosure": "result.disclosure",
	"doc_number": "document.doc_number", "signer": "document.signer", "cc": "document.cc",
	"title": "text.title", "salutation": "text.salutation", "opening": "text.opening",
	"body": "text.body", "closing": "text.closing", "as_heading": "text.as_heading", "as_text": "text.as_text",
	"issuer": "signature.issuer", "date": "signature.date", "seal": "signature.seal",
	"notes":   "signature.notes",
	"contact": "contact", "contact.unit": "contact.unit", "contact.name": "contact.name", "contact.phone": "contact.phone",
	"responsible": "contact.responsible",
}

// FieldKey returns the key of a reply file that holds a reply.Problem
// field: "item_title" → "item.title", "cc[1]" → "document.cc[1]",
// "attachments[0].title" → "attachments[0].title"; "" when unknown.
func FieldKey(field string) string {
	if k, ok := fieldKeys[field]; ok {
		return k
	}
	if strings.HasPrefix(field, "attachments[") {
		return field
	}
	if i := strings.IndexByte(field, '['); i > 0 {
		if k, ok := fieldKeys[field[:i]]; ok {
			return k + field[i:]
		}
	}
	return ""
}

// FieldLine returns the line of a reply file src that holds a
// reply.Problem field, and for a paragraph para ≥ 0 of a multi-line text
// the line of that paragraph. When the file lacks the key (the field was
// left out, or is derived by the style) it returns the line of the key's
// section, and 0 when there is none. The CLI uses it to print problems as
// file:line.
func FieldLine(src []byte, field string, para int) int {
	key := FieldKey(field)
	if key == "" {
		return 0
	}
	lines := keyLines(string(src))
	if para >= 0 {
		if l, ok := lines[key+"#text"]; ok {
			return l + para
		}
	}
	for key != "" {
		if l, ok := lines[key]; ok {
			return l
		}
		i := strings.LastIndexAny(key, ".[")
		if i < 0 {
			break
		}
		key = key[:i]
	}
	return 0
}

// osError is a file error told in Chinese; the system's own (English)
// error stays reachable with errors.Is/As.
type osError struct {
	msg string
	err error
}

func (e *osError) Error() string { return e.msg }
func (e *osError) Unwrap() error { return e.err }
