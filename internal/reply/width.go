package reply

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// HalfWidth writes the full-width forms of ASCII (“２４４”, “ＡＢ”, “．”,
// “－”) in ASCII and the ideographic space U+3000 as a space; every other
// character is kept, Chinese punctuation such as “、” and “。” included.
// It is the one width folding of the program: numbers, dates, headers,
// search text and queries are all compared through it.
func HalfWidth(s string) string { return strings.Map(halfWidthRune, s) }

// halfWidthRune folds one character as HalfWidth does. Unicode's
// decomposition tables (golang.org/x/text/width) say which characters are
// full-width forms and what they stand for; only those that stand for
// ASCII are folded, so that “￥” or “⦅” stay as they are.
func halfWidthRune(r rune) rune {
	if r < 0x3000 {
		return r // no full-width form below the CJK symbols block
	}
	if p := width.LookupRune(r); p.Kind() == width.EastAsianFullwidth {
		if n := p.Narrow(); n != 0 && n < utf8.RuneSelf {
			return n
		}
	}
	return r
}
