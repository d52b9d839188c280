package tomlfile

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// lines patches a multi-line string written one paragraph per line: the
// lines common to the start and to the end of old and now stay as they
// are, those between are written anew. It returns false when the value is
// not written that way (a line continued with a backslash, a "\n" escape
// inside a line, a literal string that cannot hold the new text), for the
// caller to write the whole value.
func (p *patcher) lines(sp span, old, now string) bool {
	delim := p.src[sp.val : sp.val+3]
	raw, lead, adjacent, ok := p.rawLines(sp)
	if !ok {
		return false
	}
	dec, ok := p.decodeLines(raw, delim)
	if !ok || strings.TrimRight(strings.Join(dec, "\n"), "\n") != old {
		return false
	}
	extra := len(dec) - len(strings.Split(old, "\n"))
	if extra < 0 {
		return false
	}
	want := append(strings.Split(now, "\n"), make([]string, extra)...)
	n, m := len(dec), len(want)
	i := 0
	for i < n && i < m && dec[i] == want[i] {
		i++
	}
	j := 0
	for j < n-i && j < m-i && dec[n-1-j] == want[m-1-j] {
		j++
	}
	enc := make([]string, 0, m-i-j)
	for k := i; k < m-j; k++ {
		edge := k == 0 && lead == 0 || k == m-1 && adjacent
		switch {
		case delim == "'''" && (!literal(want[k]) || edge):
			return false
		case delim == "'''":
			enc = append(enc, want[k])
		default:
			enc = append(enc, escape(want[k], !edge))
		}
	}
	return p.splice(raw, i, j, strings.Join(enc, p.eol), len(enc) > 0)
}

// rawLine is a line of a multi-line string in the source: its start and
// its end before the line end.
type rawLine struct{ start, end int }

// rawLines returns the lines of the multi-line string at sp; lead is the
// length of the line end just after the opening delimiter (0 when the
// text starts there), and adjacent tells whether the closing delimiter
// follows the last line on the same line. ok is false for a string too
// short to be one.
func (p *patcher) rawLines(sp span) (raw []rawLine, lead int, adjacent, ok bool) {
	cStart, cEnd := sp.val+3, sp.end-3
	if cEnd < cStart {
		return nil, 0, false, false
	}
	if strings.HasPrefix(p.src[cStart:cEnd], "\n") {
		lead = 1
	} else if strings.HasPrefix(p.src[cStart:cEnd], "\r\n") {
		lead = 2
	}
	for pos := cStart + lead; ; {
		j := strings.IndexByte(p.src[pos:cEnd], '\n')
		if j < 0 {
			raw = append(raw, rawLine{pos, cEnd})
			break
		}
		e := pos + j
		if e > pos && p.src[e-1] == '\r' {
			e--
		}
		raw = append(raw, rawLine{pos, e})
		pos += j + 1
	}
	// A newline just before the closing delimiter ends the last line.
	adjacent = true
	if last := raw[len(raw)-1]; last.start == cEnd && len(raw) > 1 {
		raw, adjacent = raw[:len(raw)-1], false
	}
	return raw, lead, adjacent, true
}

// decodeLines returns the text of each line; ok is false when a line
// holds an escape that breaks it (a continuation, "\n").
func (p *patcher) decodeLines(raw []rawLine, delim string) ([]string, bool) {
	dec := make([]string, len(raw))
	for i, l := range raw {
		s, ok := p.src[l.start:l.end], true
		if delim == `"""` {
			s, ok = unescapeLine(s)
		}
		if !ok || strings.ContainsAny(s, "\r\n") {
			return nil, false
		}
		dec[i] = s
	}
	return dec, true
}

// splice replaces the lines of raw between the i common at the start and
// the j common at the end with text (nonEmpty: there are new lines at
// all); false when it cannot be done in place.
func (p *patcher) splice(raw []rawLine, i, j int, text string, nonEmpty bool) bool {
	n := len(raw)
	switch {
	case n-j > i && nonEmpty:
		p.replace(raw[i].start, raw[n-1-j].end, text)
	case nonEmpty && i < n:
		p.replace(raw[i].start, raw[i].start, text+p.eol)
	case nonEmpty:
		p.replace(raw[n-1].end, raw[n-1].end, p.eol+text)
	case n-j > i && n-j < n:
		p.replace(raw[i].start, raw[n-j].start, "")
	case n-j > i && i > 0:
		p.replace(raw[i-1].end, raw[n-1].end, "")
	case n-j > i:
		return false
	}
	return true
}

// unescapeLine decodes one line of a multi-line basic string; ok is false
// for a line continued with a backslash or an escape it does not know.
func unescapeLine(s string) (string, bool) {
	if !strings.Contains(s, `\`) {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 >= len(s) {
			return "", false
		}
		i++
		switch c := s[i]; c {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case '"', '\\':
			b.WriteByte(c)
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			if i+1+n > len(s) {
				return "", false
			}
			v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil || !utf8.ValidRune(rune(v)) {
				return "", false
			}
			b.WriteRune(rune(v))
			i += n
		default:
			return "", false
		}
	}
	return b.String(), true
}
