// Package textenc turns the bytes of a text file into Go text and tells
// how they were stored, so that a writer can store an edit the same way.
//
// It knows the encodings a Chinese office hands around: UTF-8 with or
// without a byte order mark, UTF-16 (Windows Notepad's "Unicode", with a
// byte order mark or recognisably without one) and GB18030, the national
// standard GB 18030 that contains GBK and GB 2312 ("ANSI" on a Chinese
// Windows). Anything else is refused with a message the user can act on.
// It is the one place of the project that knows about text encodings.
package textenc

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Encoding is how a text was stored. The zero value is UTF-8 without a
// byte order mark.
type Encoding uint8

// The encodings Decode recognises.
const (
	UTF8         Encoding = iota // UTF-8 without a byte order mark
	UTF8BOM                      // UTF-8 starting with EF BB BF
	UTF16LE                      // UTF-16 little-endian starting with FF FE
	UTF16BE                      // UTF-16 big-endian starting with FE FF
	UTF16LENoBOM                 // UTF-16 little-endian without a byte order mark
	UTF16BENoBOM                 // UTF-16 big-endian without a byte order mark
	GB18030                      // GB 18030 (and so GBK and GB 2312)
)

var names = [...]string{"UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "UTF-16LE（无BOM）", "UTF-16BE（无BOM）", "GB18030"}

// String names the encoding as editors show it, e.g. "UTF-16LE".
func (e Encoding) String() string {
	if int(e) < len(names) {
		return names[e]
	}
	return "未知编码"
}

// UTF16 reports whether e is one of the UTF-16 forms.
func (e Encoding) UTF16() bool {
	return e >= UTF16LE && e <= UTF16BENoBOM
}

// Error is a refusal: the bytes are not text in an encoding we know, or
// not in the one the caller allows. Msg is for the user, in Chinese.
type Error struct {
	Enc  Encoding // the encoding the bytes looked like, when Msg names one
	Line int      // 1-based line of the first byte that is not valid, or 0
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// Messages of the refusals.
const (
	msgUnknown   = "无法识别文件的编码：请另存为 UTF-8 文本"
	msgOddUTF16  = "文件是 UTF-16 编码，但字节数不完整：请在记事本中“另存为”，编码选 UTF-8"
	msgNotUTF8   = "文件不是 UTF-8 编码（可能是 GBK 或 GB18030）：请在记事本中“另存为”，编码选 UTF-8"
	utf8BOM      = "\xEF\xBB\xBF"
	byteOrderMrk = '\uFEFF'
)

// Decode returns the text stored in b and its encoding. UTF-8 (with or
// without a byte order mark) and UTF-16 are taken as they are; bytes that
// are not UTF-8 are taken as GB18030 when they decode cleanly as GB18030
// (every byte sequence valid, and encoding the text again gives back the
// same bytes) and contain no control characters that text files do not
// have. Otherwise Decode returns an *Error naming the problem. The text
// never starts with a byte order mark. Valid UTF-8 without a NUL byte is
// returned unchanged.
func Decode(b []byte) (string, Encoding, error) {
	if _, ok := utf16ByStart(b); !ok && bytes.IndexByte(b, 0) >= 0 {
		if enc, ok := utf16ByZeros(b); ok {
			return decodeUTF16(b, enc)
		}
	}
	s, enc, err := DecodeUnicode(b)
	if err == nil || err.(*Error).Enc != UTF8 {
		return s, enc, err
	}
	if s, ok := gb18030(b); ok {
		return s, GB18030, nil
	}
	return "", UTF8, &Error{Msg: msgUnknown}
}

// DecodeUnicode is Decode for formats that must be Unicode, such as TOML:
// it takes UTF-8 and UTF-16 only, and refuses other bytes with the line
// of the first byte that is not UTF-8.
func DecodeUnicode(b []byte) (string, Encoding, error) {
	if enc, ok := utf16ByStart(b); ok {
		return decodeUTF16(b, enc)
	}
	enc := UTF8
	if bytes.HasPrefix(b, []byte(utf8BOM)) {
		enc, b = UTF8BOM, b[len(utf8BOM):]
	}
	if !utf8.Valid(b) {
		return "", enc, &Error{Line: badLine(b), Msg: msgNotUTF8}
	}
	return string(b), enc, nil
}

// utf16ByStart recognises UTF-16 by its byte order mark, or without one
// by a first character in ASCII (a NUL byte beside a byte below 0x80).
func utf16ByStart(b []byte) (Encoding, bool) {
	if len(b) < 2 {
		return 0, false
	}
	switch {
	case b[0] == 0xFF && b[1] == 0xFE:
		return UTF16LE, true
	case b[0] == 0xFE && b[1] == 0xFF:
		return UTF16BE, true
	case b[0] != 0 && b[0] < 0x80 && b[1] == 0:
		return UTF16LENoBOM, true
	case b[0] == 0 && b[1] != 0 && b[1] < 0x80:
		return UTF16BENoBOM, true
	}
	return 0, false
}

// utf16ByZeros recognises UTF-16 without a byte order mark whose first
// character is not ASCII: text has no NUL characters, so NUL bytes that
// stand only at odd (little-endian) or only at even offsets (big-endian)
// are the high bytes of ASCII characters such as line ends.
func utf16ByZeros(b []byte) (Encoding, bool) {
	if len(b)%2 != 0 {
		return 0, false
	}
	var even, odd int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	switch {
	case odd > 0 && even == 0:
		return UTF16LENoBOM, true
	case even > 0 && odd == 0:
		return UTF16BENoBOM, true
	}
	return 0, false
}

// decodeUTF16 decodes b (with its byte order mark, if enc has one).
// Unpaired surrogates become U+FFFD. A byte order mark that follows the
// UTF-16 one (a UTF-8 file converted once too often) is dropped too.
func decodeUTF16(b []byte, enc Encoding) (string, Encoding, error) {
	if enc == UTF16LE || enc == UTF16BE {
		b = b[2:]
	}
	if len(b)%2 != 0 {
		return "", enc, &Error{Enc: enc, Msg: msgOddUTF16}
	}
	big := enc == UTF16BE || enc == UTF16BENoBOM
	units := make([]uint16, len(b)/2)
	for i := range units {
		if big {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	if len(units) > 0 && units[0] == byteOrderMrk {
		units = units[1:]
	}
	return string(utf16.Decode(units)), enc, nil
}

// gb18030 decodes b as GB18030 if it is clean text in it.
func gb18030(b []byte) (string, bool) {
	if !gbStructure(b) {
		return "", false
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return "", false
	}
	back, err := simplifiedchinese.GB18030.NewEncoder().Bytes(out)
	if err != nil || !bytes.Equal(back, b) {
		return "", false
	}
	return string(out), true
}

// gbStructure reports whether b is a sequence of GB 18030 characters
// without control characters other than tab, line ends and form feed:
// one byte 00–7F, two bytes 81–FE 40–7E|80–FE, or four bytes 81–FE 30–39
// 81–FE 30–39 (GB 18030-2022, 5.2).
func gbStructure(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F {
				return false
			}
			i++
		case c == 0x80 || c == 0xFF || i+1 >= len(b):
			return false
		case b[i+1] >= 0x30 && b[i+1] <= 0x39:
			if i+3 >= len(b) || b[i+2] < 0x81 || b[i+2] == 0xFF || b[i+3] < 0x30 || b[i+3] > 0x39 {
				return false
			}
			i += 4
		case b[i+1] >= 0x40 && b[i+1] != 0x7F && b[i+1] != 0xFF:
			i += 2
		default:
			return false
		}
	}
	return true
}

// badLine is the 1-based line of the first byte of b that is not UTF-8.
func badLine(b []byte) int {
	line := 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		if r == '\n' {
			line++
		}
		i += n
	}
	return line
}

// Encode stores text in encoding e, the inverse of Decode: for bytes b
// that Decode takes as UTF-8, UTF-8 with a byte order mark or GB18030,
// Encode(Decode(b)) gives back b. Characters GB18030 cannot store (none
// in Unicode; invalid UTF-8 in text) become "?" there and U+FFFD in the
// Unicode forms.
func (e Encoding) Encode(text string) []byte {
	switch {
	case e == UTF8BOM:
		return append([]byte(utf8BOM), text...)
	case e == GB18030:
		out, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
		if err != nil {
			out, _ = simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(toValid(text)))
		}
		return out
	case e.UTF16():
		units := utf16.Encode([]rune(text))
		out := make([]byte, 0, 2*len(units)+2)
		if e == UTF16LE || e == UTF16BE {
			units = append([]uint16{byteOrderMrk}, units...)
		}
		big := e == UTF16BE || e == UTF16BENoBOM
		for _, u := range units {
			if big {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out
	}
	return []byte(text)
}

// toValid replaces invalid UTF-8 in s by "?".
func toValid(s string) string {
	return string(bytes.ToValidUTF8([]byte(s), []byte("?")))
}
