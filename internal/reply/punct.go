package reply

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Punctuation in Chinese text (GB/T 15834-2011): Chinese text takes
// full-width punctuation and no spaces between characters. Text copied from
// web pages, PDFs and English editors often carries half-width , ; : ? ! ( )
// " and spaces around numbers ("第 244 号"). FixText repairs what it can tell
// apart safely: a half-width mark next to Chinese text becomes full-width, but
// a mark inside a run of digits or Latin letters (13:30, 3,5, A.B, URLs) stays.

// halfToFull maps the half-width marks FixText converts.
var halfToFull = map[rune]rune{
	',': '，', ';': '；', ':': '：', '?': '？', '!': '！',
	'(': '（', ')': '）', '.': '。',
}

// textEdit describes what a pass over a line changed, for messages.
type textEdit struct {
	marks    []rune   // half-width marks converted, in order, without repeats
	dashes   []string // dashes made "——", as written, in order, without repeats
	spaces   bool     // spaces between Chinese characters and digits/letters removed
	leading  string   // white space removed from the start of the (last) line
	trailing bool     // white space removed from the end of a line
}

func (e *textEdit) mark(r rune) {
	for _, m := range e.marks {
		if m == r {
			return
		}
	}
	e.marks = append(e.marks, r)
}

func (e *textEdit) dash(run string) {
	for _, d := range e.dashes {
		if d == run {
			return
		}
	}
	e.dashes = append(e.dashes, run)
}

func (e *textEdit) changed() bool {
	return len(e.marks) > 0 || len(e.dashes) > 0 || e.spaces || e.leading != "" || e.trailing
}

// FixText returns s with half-width punctuation in Chinese text made
// full-width, quotes "…" made “…”, dashes typed for a 破折号 ("--", "—",
// " - ") made "——" (see fixDashes), spaces between Chinese characters and
// between Chinese and digits or letters removed, and every line trimmed.
// Digits and Latin letters are never changed; lines are kept (a paragraph
// index stays valid). FixText(FixText(s)) == FixText(s).
func FixText(s string) string {
	out, _ := fixText(s)
	return out
}

// fixText is FixText that also says what it changed.
func fixText(s string) (string, textEdit) {
	var e textEdit
	if !strings.ContainsAny(s, "\n") {
		return fixLine(s, &e), e
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = fixLine(l, &e)
	}
	return strings.Join(lines, "\n"), e
}

// fixLine runs passes over one line until nothing changes. Every pass only
// turns half-width marks full-width or removes spaces, so this ends.
func fixLine(line string, e *textEdit) string {
	if t := strings.TrimLeftFunc(line, unicode.IsSpace); t != line {
		e.leading = line[:len(line)-len(t)]
		line = t
	}
	if t := strings.TrimRightFunc(line, unicode.IsSpace); t != line {
		e.trailing = true
		line = t
	}
	if !needsPass(line) {
		return line
	}
	rs := []rune(line)
	for {
		n := len(rs)
		changed := convertMarks(rs, e)
		var dashed bool
		rs, dashed = fixDashes(rs, e)
		rs = dropSpaces(rs, e)
		if !changed && !dashed && len(rs) == n {
			return string(rs)
		}
	}
}

// needsPass is a fast test: a line of no half-width mark, no dash and no
// space is already clean.
func needsPass(line string) bool {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ',', ';', ':', '?', '!', '(', ')', '.', '"', ' ', '\t', '-':
			return true
		case 0xE2, 0xEF: // the lead byte of a dash in UTF-8: U+2010–U+2015, U+FE63, U+FF0D
			if r, _ := utf8.DecodeRuneInString(line[i:]); isDash(r) {
				return true
			}
		}
	}
	return false
}

// isCJK reports whether r belongs to Chinese text: a Han character or a
// full-width form, CJK punctuation, Chinese quotes, … and —.
func isCJK(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF65:
		return true
	case r >= 0x2018 && r <= 0x201F, r == 0x2026, r == 0x2014, r == 0x00B7:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

func isAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' }

// around returns the nearest runes before and after i that are not blanks,
// or 0.
func around(rs []rune, i int) (l, r rune) {
	for j := i - 1; j >= 0; j-- {
		if !isBlank(rs[j]) {
			l = rs[j]
			break
		}
	}
	for j := i + 1; j < len(rs); j++ {
		if !isBlank(rs[j]) {
			r = rs[j]
			break
		}
	}
	return l, r
}

// convertMarks turns half-width marks in Chinese context full-width, in
// place, and reports whether it changed anything.
func convertMarks(rs []rune, e *textEdit) bool {
	changed := convertPairs(rs, '(', ')', '（', '）', e)
	if convertPairs(rs, '"', '"', '“', '”', e) {
		changed = true
	}
	for i, r := range rs {
		full, ok := halfToFull[r]
		if !ok || r == '(' || r == ')' {
			continue
		}
		l, rt := around(rs, i)
		switch {
		case r == '.':
			if !periodEndsSentence(rs, i) {
				continue
			}
		case isAlnum(l) && isAlnum(rt):
			continue // 13:30, 3,5, A;B
		case r == ':' && strings.HasPrefix(string(rs[i+1:]), "//"):
			continue // a URL
		case !isCJK(l) && !isCJK(rt):
			continue
		}
		rs[i] = full
		e.mark(r)
		changed = true
	}
	return changed
}

// periodEndsSentence reports whether the '.' at i closes a Chinese
// sentence: right after a Han character, before the end, a blank or
// Chinese text; not part of "..." or "3.5".
func periodEndsSentence(rs []rune, i int) bool {
	if i == 0 || !unicode.Is(unicode.Han, rs[i-1]) || isHeadingNumber(rs[:i]) {
		return false
	}
	if i+1 == len(rs) {
		return true
	}
	next := rs[i+1]
	return isBlank(next) || isCJK(next)
}

// isHeadingNumber reports whether rs is all Chinese numerals, as in a
// heading "一." that should read "一、" (a change FixText leaves to a person).
func isHeadingNumber(rs []rune) bool {
	for _, r := range rs {
		if digitOf(r) < 0 && unitOf(r) == 0 {
			return false
		}
	}
	return true
}

// convertPairs converts pairs of half-width open/close marks (parentheses,
// or straight double quotes paired in order) when the pair is in Chinese
// context: Chinese text inside, or just outside. Unpaired parentheses are
// converted when a neighbour is Chinese.
func convertPairs(rs []rune, open, close, fullOpen, fullClose rune, e *textEdit) bool {
	changed := false
	var stack []int
	pair := func(i, j int) {
		l, _ := around(rs, i)
		_, r := around(rs, j)
		if isCJK(l) || isCJK(r) || hasCJK(rs[i+1:j]) {
			rs[i], rs[j] = fullOpen, fullClose
			e.mark(open)
			if close != open {
				e.mark(close)
			}
			changed = true
		}
	}
	for i, r := range rs {
		switch {
		case r == open && (open != close || len(stack) == 0):
			stack = append(stack, i)
		case r == close && len(stack) > 0:
			pair(stack[len(stack)-1], i)
			stack = stack[:len(stack)-1]
		case r == close && open != close:
			changed = lone(rs, i, fullClose, e) || changed
		}
	}
	if open != close {
		for _, i := range stack {
			changed = lone(rs, i, fullOpen, e) || changed
		}
	}
	return changed
}

// lone converts an unpaired parenthesis at i when a neighbour is Chinese
// and it does not sit between digits or letters.
func lone(rs []rune, i int, full rune, e *textEdit) bool {
	l, r := around(rs, i)
	if isAlnum(l) && isAlnum(r) || !isCJK(l) && !isCJK(r) {
		return false
	}
	e.mark(rs[i])
	rs[i] = full
	return true
}

func hasCJK(rs []rune) bool {
	for _, r := range rs {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// dropSpaces removes runs of blanks between two Chinese characters or
// between Chinese text and a digit or letter ("第 244 号" → "第244号").
func dropSpaces(rs []rune, e *textEdit) []rune {
	out := rs[:0:0]
	for i := 0; i < len(rs); i++ {
		if !isBlank(rs[i]) {
			out = append(out, rs[i])
			continue
		}
		j := i
		for j < len(rs) && isBlank(rs[j]) {
			j++
		}
		if i > 0 && j < len(rs) && spaceless(rs[i-1], rs[j]) {
			e.spaces = true
		} else {
			out = append(out, rs[i:j]...)
		}
		i = j - 1
	}
	return out
}

func spaceless(l, r rune) bool {
	return isCJK(l) && (isCJK(r) || isAlnum(r)) || isAlnum(l) && isCJK(r)
}
