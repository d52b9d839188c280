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
	line, lineStart := 1, 0
	depth, keys, values := 0, 0, 0
	mode := scanCode
	header := false // inside a [table] or [[array]] header
	start := true   // only blanks so far on this line
	fail := func(format string, args ...any) *Error {
		return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	tooLong := func() *Error {
		return fail("这一行太长（超过%d KB）：多段文字请每段写一行，或把内容拆开", lim.line>>10)
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\n' {
			if i-lineStart > lim.line {
				return tooLong()
			}
			line++
			lineStart = i + 1
			header, start = false, true
			if mode == scanComment || mode == scanBasic || mode == scanLiteral {
				mode = scanCode
			}
			continue
		}
		switch mode {
		case scanComment:
			continue
		case scanBasic:
			if c == '\\' && i+1 < len(src) && src[i+1] != '\n' {
				i++
			} else if c == '"' {
				mode = scanCode
			}
			continue
		case scanLiteral:
			if c == '\'' {
				mode = scanCode
			}
			continue
		case scanMLBasic:
			if c == '\\' && i+1 < len(src) && src[i+1] != '\n' {
				i++
			} else if c == '"' && triple(src, i, '"') {
				i += 2
				mode = scanCode
			}
			continue
		case scanMLLiteral:
			if c == '\'' && triple(src, i, '\'') {
				i += 2
				mode = scanCode
			}
			continue
		}
		atStart := start
		if c != ' ' && c != '\t' {
			start = false
		}
		switch c {
		case '#':
			mode = scanComment
		case '"', '\'':
			switch {
			case triple(src, i, c) && c == '"':
				mode, i = scanMLBasic, i+2
			case triple(src, i, c):
				mode, i = scanMLLiteral, i+2
			case c == '"':
				mode = scanBasic
			default:
				mode = scanLiteral
			}
		case '[':
			if depth == 0 && (header || atStart) {
				if !header {
					header = true
					if keys++; keys > lim.keys {
						return fail("键和小节太多（超过%d个）", lim.keys)
					}
				}
				continue
			}
			fallthrough
		case '{':
			if depth++; depth > lim.depth {
				return fail("嵌套层数过多（方括号或花括号套了%d层以上）", lim.depth)
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		case '=':
			if keys++; keys > lim.keys {
				return fail("键和小节太多（超过%d个）", lim.keys)
			}
		case ',':
			if depth > 0 {
				if values++; values > lim.values {
					return fail("列表中的项太多（超过%d项）", lim.values)
				}
			}
		}
	}
	if len(src)-lineStart > lim.line {
		return tooLong()
	}
	return nil
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
