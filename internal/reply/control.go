package reply

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Control characters. Text pasted from terminals, web pages, PDFs and chat
// programs can carry characters that print nothing a reader should see:
// C0 and C1 controls and the escape sequences they start (ESC [ 31 m),
// U+FFFD left where a converter lost a character, zero-width characters,
// bidirectional controls that reorder what follows, the byte order mark
// inside text. A font draws them as boxes or gaps, and an override can make
// a line read differently on screen than it does in the file. Check reports
// them, Fix removes them, and the typesetter never draws them.

// IsControl reports whether r has no place in the text of a letter: a C0
// control (tab, line feed and carriage return included: callers that allow
// them test for them first), DEL, a C1 control, a format character of
// Unicode category Cf (zero-width space, joiners, word joiner, bidi marks,
// embeddings, overrides and isolates, the Arabic letter mark, the soft hyphen,
// U+FEFF, tag characters), the line and paragraph separators U+2028 and
// U+2029, the object replacement character U+FFFC, the replacement character
// U+FFFD (and so every byte of invalid UTF-8) and the noncharacters U+FFFE
// and U+FFFF. Variation selectors, which choose the form of an ideograph in a
// rare name, are kept.
func IsControl(r rune) bool {
	switch {
	case r < 0x20 || r >= 0x7F && r <= 0x9F:
		return true
	case r < 0xAD, r > 0x206F && r < 0xFEFF:
		return false // fast path: ASCII, Latin and the CJK blocks hold no format character
	case r == 0x2028, r == 0x2029, r >= 0xFFFC && r <= 0xFFFF:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// StripControls returns s without the characters IsControl reports and
// without the escape sequences an ESC or CSI starts ("\x1b[31m" goes whole).
// A tab becomes a space; a line feed is kept when newlines is true and
// becomes a space otherwise (FixText then drops it between Chinese
// characters); a carriage return goes. StripControls returns s itself when there is nothing to
// remove, and it never changes any other character.
func StripControls(s string, newlines bool) string {
	if !hasControl(s, newlines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' && newlines:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte(' ')
		case r == '\t':
			b.WriteByte(' ')
		case r == 0x1B || r == 0x9B:
			size = escapeLen(s[i:])
		case !IsControl(r):
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// hasControl reports whether StripControls would change s.
func hasControl(s string, newlines bool) bool {
	for _, r := range s {
		if IsControl(r) && !(r == '\n' && newlines) {
			return true
		}
	}
	return false
}

// maxEscape bounds the length of an escape sequence (in bytes), so that an
// unterminated string sequence costs no more than a look this far ahead.
const maxEscape = 256

// escapeLen returns the length in bytes of the escape sequence at the start
// of s, which begins with ESC (U+001B) or CSI (U+009B), after ECMA-48:
// ESC, intermediates 0x20–0x2F, a final 0x30–0x7E; a CSI (ESC [ or U+009B)
// goes on with parameters 0x30–0x3F, intermediates and a final 0x40–0x7E; a
// control string (ESC ] P X ^ _) runs to BEL or ESC \ on the same line.
// What does not match the grammar is left: only the ESC itself goes.
func escapeLen(s string) int {
	i := 1
	csi := false
	if strings.HasPrefix(s, "\u009b") {
		i, csi = len("\u009b"), true
	} else {
		for i < len(s) && i < maxEscape && s[i] >= 0x20 && s[i] <= 0x2F {
			i++
		}
		if i == len(s) || s[i] < 0x30 || s[i] > 0x7E {
			return 1
		}
		switch s[i] {
		case '[':
			csi = i == 1
		case ']', 'P', 'X', '^', '_':
			if i == 1 {
				return stringLen(s)
			}
		}
		i++
		if !csi {
			return i
		}
	}
	start := i
	for i < len(s) && i < maxEscape && s[i] >= 0x30 && s[i] <= 0x3F {
		i++
	}
	for i < len(s) && i < maxEscape && s[i] >= 0x20 && s[i] <= 0x2F {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7E {
		return i + 1
	}
	if start == len("\u009b") && s[0] != 0x1B {
		return start // a lone CSI
	}
	return 1 // no final byte: drop the ESC only
}

// stringLen returns the length of a control string ESC ] … BEL or ESC ] …
// ESC \ at the start of s, or 1 (the ESC alone) when it is not terminated on
// its line within maxEscape bytes.
func stringLen(s string) int {
	for i := 2; i < len(s) && i < maxEscape; i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1B && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == '\n' || s[i] == 0x1B:
			return 1
		}
	}
	return 1
}

// controlNames are the short names of the C0 controls, as printed after
// their code point in messages.
var controlNames = [...]string{
	"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "Tab", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
}

// formatNames are the Chinese names of the format characters met in
// pasted text.
var formatNames = map[rune]string{
	0x00AD: "软连字符", 0x061C: "阿拉伯字母标记", 0x180E: "蒙古文元音分隔符",
	0x200B: "零宽空格", 0x200C: "零宽不连字", 0x200D: "零宽连字", 0x200E: "从左到右标记", 0x200F: "从右到左标记",
	0x202A: "从左到右嵌入", 0x202B: "从右到左嵌入", 0x202C: "方向格式结束", 0x202D: "从左到右覆盖", 0x202E: "从右到左覆盖",
	0x2060: "词连接符", 0x2066: "从左到右隔离", 0x2067: "从右到左隔离", 0x2068: "首字强隔离", 0x2069: "方向隔离结束",
	0x2028: "行分隔符", 0x2029: "段分隔符", 0xFEFF: "字节顺序标记或零宽不换行空格",
	0xFFFC: "对象替换字符", 0xFFFD: "多为转换时丢失的字", 0xFFFE: "非字符", 0xFFFF: "非字符",
}

// controlClass says how a message names the kind of r: 制表符, 换行符,
// 回车符, 控制字符, 零宽字符, 文字方向控制字符, 替换字符 or 格式字符.
func controlClass(r rune) string {
	switch {
	case r == '\t':
		return "制表符"
	case r == '\n':
		return "换行符"
	case r == '\r':
		return "回车符"
	case r < 0x20 || r >= 0x7F && r <= 0x9F:
		return "控制字符"
	case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF:
		return "零宽字符"
	case r == 0x200E, r == 0x200F, r == 0x061C, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return "文字方向控制字符"
	case r == 0xFFFD:
		return "替换字符"
	}
	return "格式字符"
}

// describeControl names r for a message: "控制字符 U+001B（ESC）",
// "零宽字符 U+200B（零宽空格）".
func describeControl(r rune) string {
	name := formatNames[r]
	switch {
	case r == '\n', r == '\r':
		name = ""
	case r < 0x20:
		name = controlNames[r]
	case r == 0x7F:
		name = "DEL"
	case r == 0x85:
		name = "NEL"
	case r == 0x9B:
		name = "CSI"
	case r >= 0x80 && r <= 0x9F:
		name = "C1"
	}
	if name == "" {
		return fmt.Sprintf("%s U+%04X", controlClass(r), r)
	}
	return fmt.Sprintf("%s U+%04X（%s）", controlClass(r), r, name)
}

// controlSeverity is how much a character of IsControl matters: controls,
// escape sequences, bidi controls and U+FFFD are errors (they hide or
// reorder text, or stand for a character lost); zero-width and other format
// characters, tabs and line breaks in one-line fields are warnings.
func controlSeverity(r rune) Severity {
	switch controlClass(r) {
	case "控制字符", "文字方向控制字符", "替换字符":
		return Error
	}
	return Warning
}

// WithoutControls returns a copy of r with StripControls applied to every
// text, line feeds kept (each writer treats them as it does): the reply as
// it is printed, whether or not Fix was run. A text that held only control
// characters becomes empty, so a derivable field is then derived.
func (r *Reply) WithoutControls() Reply {
	c := r.Clone()
	for _, f := range c.textFields() {
		*f.p = StripControls(*f.p, true)
	}
	return c
}

// maxShown is how many characters of a text a message quotes.
const maxShown = 200

// shown returns s as a message quotes it: every control character written
// as its code point in brackets ("[U+001B]", a line break as "[U+000A]"),
// and a text longer than maxShown characters cut with "…", so that a
// message is safe to print on a terminal and bounded in length.
func shown(s string) string {
	if utf8.RuneCountInString(s) <= maxShown && !hasControl(s, false) {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == maxShown {
			b.WriteString("…")
			break
		}
		if IsControl(r) {
			fmt.Fprintf(&b, "[U+%04X]", r)
		} else {
			b.WriteRune(r)
		}
		n++
	}
	return b.String()
}
