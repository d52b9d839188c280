package layout

import "unicode"

// Character classes for Chinese line breaking, after the W3C "Requirements
// for Chinese Text Layout" (clreq) §3.1.7 and GB/T 15834-2011.
const (
	// noStart may not begin a line: closing punctuation, pause and stop
	// marks, and the second halves of …… and ——.
	noStart = "，。、；：？！）》」』】〉〕］｝”’…—％·‧" + ",.;:?!)]}%"
	// noEnd may not end a line: opening brackets and quotes.
	noEnd = "（《「『【〈〔［｛“‘" + "([{"
	// closingPunct are full-width marks drawn in the left half of their em box,
	// so their right half may be squeezed out (push-in, and before other marks).
	closingPunct = "，。、；：）》」』】〉〕］｝”’"
	// openingPunct are full-width marks drawn in the right half of their em box.
	openingPunct = "（《「『【〈〔［｛“‘"
)

var (
	noStartSet = runeSet(noStart)
	noEndSet   = runeSet(noEnd)
	closingSet = runeSet(closingPunct)
	openingSet = runeSet(openingPunct)
)

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}

// isWide reports whether r is set on the character grid: Han ideographs,
// full-width punctuation and forms, kana and the ideographic space. Other
// characters (Latin letters, digits, half-width punctuation) are set
// proportionally and grouped into unbreakable words.
func isWide(r rune) bool {
	switch {
	case r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·':
		return true
	case r >= 0x2E80 && r <= 0x9FFF, // CJK radicals … unified ideographs, incl. punctuation, kana
		r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // compatibility forms
		r >= 0xFF01 && r <= 0xFF60, // full-width forms
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFF, // ideographs, extensions B…
		r >= 0xE000 && r <= 0xF8FF:   // private use: user-made characters for names
		return true
	}
	return false
}

// isSpace reports whether r is a breakable space that disappears at a line
// edge. The ideographic space U+3000 is not one: it is a character of the grid.
func isSpace(r rune) bool { return r != '\u3000' && unicode.IsSpace(r) }

// canBreak reports whether a line may break between the adjacent characters a
// and b (clreq 禁则): never inside a run of Latin letters or digits, never
// inside …… or ——, never before a character that may not start a line and
// never after one that may not end a line.
func canBreak(a, b rune) bool {
	if isSpace(a) || isSpace(b) {
		return !noStartSet[b] && !noEndSet[a]
	}
	if !isWide(a) && !isWide(b) {
		return false
	}
	if a == b && (a == '…' || a == '—') {
		return false
	}
	return !noStartSet[b] && !noEndSet[a]
}
