package tomlfile

import (
	"fmt"

	"replydesk/internal/textenc"
)

// Every file a user hands us is bounded before the TOML decoder sees it:
// the decoder is recursive in the nesting of arrays and inline tables and
// keeps every key, so a small hostile file (a 200 KB run of "[") could
// otherwise take the stack and the memory of the machine. prescan checks
// the limits in one pass over the bytes, which costs microseconds per
// kilobyte and allocates nothing.

// limits bounds what a file may contain.
type limits struct {
	file   int // bytes in the file
	line   int // bytes on one line
	depth  int // arrays and inline tables inside one another
	keys   int // keys (each "=" outside strings) and table headers
	values int // array and inline-table items (each "," inside brackets)
}

// replyLimits bound a reply file: a reply of a hundred pages is well under
// a megabyte, a paragraph of 20,000 characters under 64 KB, and an
// attachment table of 20,000 cells under the item count.
var replyLimits = limits{file: 8 << 20, line: 64 << 10, depth: 8, keys: 5000, values: 100000}

// styleLimits bound a style file: the shipped ones are 2 KB.
var styleLimits = limits{file: 256 << 10, line: 16 << 10, depth: 8, keys: 2000, values: 10000}

// prescan modes.
const (
	scanCode = iota
	scanComment
	scanBasic     // "…"
	scanLiteral   // '…'
	scanMLBasic   // """…"""
	scanMLLiteral // '''…'''
)

// prescan checks src against lim without parsing it, and reports the first
// limit exceeded with its line.
func prescan(src string, lim limits, file string) *Error {
	p := prescanner{src: src, lim: lim, file: file, line: 1, mode: scanCode, start: true}
	for i := 0; i < len(src); i++ {
		var err *Error
		switch {
		case src[i] == '\n':
			err = p.newline(i)
		case p.mode != scanCode:
			i = p.quoted(i)
		default:
			i, err = p.code(i)
		}
		if err != nil {
			return err
		}
	}
	if len(src)-p.lineStart > lim.line {
		return p.tooLong()
	}
	return nil
}

// prescanner is the state of prescan.
type prescanner struct {
	src  string
	lim  limits
	file string

	line, lineStart     int
	depth, keys, values int
	mode                int
	header              bool // inside a [table] or [[array]] header
	start               bool // only blanks so far on this line
}

func (p *prescanner) fail(format string, args ...any) *Error {
	return &Error{File: p.file, Line: p.line, Msg: fmt.Sprintf(format, args...)}
}

func (p *prescanner) tooLong() *Error {
	return p.fail("这一行太长（超过%d KB）：多段文字请每段写一行，或把内容拆开", p.lim.line>>10)
}

// newline ends the line whose newline is at i.
func (p *prescanner) newline(i int) *Error {
	if i-p.lineStart > p.lim.line {
		return p.tooLong()
	}
	p.line++
	p.lineStart = i + 1
	p.header, p.start = false, true
	if p.mode == scanComment || p.mode == scanBasic || p.mode == scanLiteral {
		p.mode = scanCode
	}
	return nil
}

// quoted reads the byte at i inside a comment or a string and returns the
// index of the last byte it took.
func (p *prescanner) quoted(i int) int {
	src, c := p.src, p.src[i]
	switch p.mode {
	case scanBasic:
		if c == '\\' && i+1 < len(src) && src[i+1] != '\n' {
			i++
		} else if c == '"' {
			p.mode = scanCode
		}
	case scanLiteral:
		if c == '\'' {
			p.mode = scanCode
		}
	case scanMLBasic:
		if c == '\\' && i+1 < len(src) && src[i+1] != '\n' {
			i++
		} else if c == '"' && triple(src, i, '"') {
			i += 2
			p.mode = scanCode
		}
	case scanMLLiteral:
		if c == '\'' && triple(src, i, '\'') {
			i += 2
			p.mode = scanCode
		}
	}
	return i
}

// code reads the byte at i outside comments and strings, counting keys,
// nesting and items, and returns the index of the last byte it took.
func (p *prescanner) code(i int) (int, *Error) {
	src, c := p.src, p.src[i]
	atStart := p.start
	if c != ' ' && c != '\t' {
		p.start = false
	}
	switch c {
	case '#':
		p.mode = scanComment
	case '"', '\'':
		switch {
		case triple(src, i, c) && c == '"':
			p.mode, i = scanMLBasic, i+2
		case triple(src, i, c):
			p.mode, i = scanMLLiteral, i+2
		case c == '"':
			p.mode = scanBasic
		default:
			p.mode = scanLiteral
		}
	case '[':
		if p.depth == 0 && (p.header || atStart) {
			if !p.header {
				p.header = true
				if p.keys++; p.keys > p.lim.keys {
					return i, p.fail("键和小节太多（超过%d个）", p.lim.keys)
				}
			}
			return i, nil
		}
		fallthrough
	case '{':
		if p.depth++; p.depth > p.lim.depth {
			return i, p.fail("嵌套层数过多（方括号或花括号套了%d层以上）", p.lim.depth)
		}
	case ']', '}':
		if p.depth > 0 {
			p.depth--
		}
	case '=':
		if p.keys++; p.keys > p.lim.keys {
			return i, p.fail("键和小节太多（超过%d个）", p.lim.keys)
		}
	case ',':
		if p.depth > 0 {
			if p.values++; p.values > p.lim.values {
				return i, p.fail("列表中的项太多（超过%d项）", p.lim.values)
			}
		}
	}
	return i, nil
}

func triple(src string, i int, q byte) bool {
	return i+2 < len(src) && src[i+1] == q && src[i+2] == q
}

// text turns the bytes of a file into UTF-8 text without a byte order
// mark, and says how they were stored so that an edit is written back the
// same way (textenc knows the encodings). UTF-8 with or without a byte
// order mark, UTF-16 (Notepad's "Unicode"), with a byte order mark or
// recognisably without one, and GB18030 (GBK, Notepad's "ANSI" on a
// Chinese Windows) are read: TOML is UTF-8, but a reply saved by an older
// editor is converted rather than refused (EncodingNote tells the user).
// Other bytes are refused with the line of the first one that is not
// UTF-8.
func text(data []byte, file string) (string, textenc.Encoding, *Error) {
	src, enc, err := textenc.DecodeUnicode(data)
	if err == nil {
		return src, enc, nil
	}
	e := err.(*textenc.Error)
	if e.Enc == textenc.UTF8 {
		if s, enc, gerr := textenc.Decode(data); gerr == nil && enc == textenc.GB18030 {
			return s, enc, nil
		}
	}
	return "", enc, &Error{File: file, Line: e.Line, Msg: e.Msg}
}
