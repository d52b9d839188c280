package publish

import (
	"strings"
	"unicode/utf8"

	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// minNameRunes is the shortest name that is looked for in running text: a
// single character would hide too much.
const minNameRunes = 2

// minNumberDigits is the shortest telephone number (without its area code)
// looked for in running text: local numbers have 7 or 8 digits.
const minNumberDigits = 7

// scrubber replaces private details in running text by style.ProposerMask:
// the contact person's name, the contact's numbers written in any way
// (dashes, full-width digits, with or without the area code), any mobile
// number, and, when the style hides them, the proposers' names.
type scrubber struct {
	names   []string // longest first, so that a name inside another is not cut
	numbers []string // ASCII digits only
}

func newScrubber(r *reply.Reply, hideProposers bool) *scrubber {
	sc := &scrubber{}
	addName := func(n string) {
		n = strings.TrimSpace(n)
		if utf8.RuneCountInString(n) >= minNameRunes && n != style.ProposerMask {
			sc.names = append(sc.names, n)
		}
	}
	addName(r.Contact.Name)
	if hideProposers {
		for _, p := range r.Proposers {
			addName(p)
		}
	}
	for i := 1; i < len(sc.names); i++ { // longest first
		for j := i; j > 0 && utf8.RuneCountInString(sc.names[j]) > utf8.RuneCountInString(sc.names[j-1]); j-- {
			sc.names[j], sc.names[j-1] = sc.names[j-1], sc.names[j]
		}
	}
	for _, run := range numberRuns(r.Contact.Phone) {
		d := digitsOf(run)
		if len(d) >= minNumberDigits {
			sc.numbers = append(sc.numbers, d)
			// Without the area code: a landline as written locally.
			if len(d) > 8 && d[0] == '0' && !mobile(d) {
				sc.numbers = append(sc.numbers, d[len(d)-8:], d[len(d)-7:])
			}
		}
	}
	return sc
}

// text returns s with the private details replaced, and whether anything
// was.
func (sc *scrubber) text(s string) (string, bool) {
	if s == "" {
		return s, false
	}
	out := s
	for _, n := range sc.names {
		out = strings.ReplaceAll(out, n, style.ProposerMask)
	}
	out = sc.numbersIn(out)
	return out, out != s
}

// numbersIn replaces each run of digits (with dashes between them) that holds a mobile number or one of the contact's numbers.
func (sc *scrubber) numbersIn(s string) string {
	var b strings.Builder
	rest := s
	for rest != "" {
		i, j := nextRun(rest)
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		run := rest[i:j]
		if sc.private(digitsOf(run)) {
			b.WriteString(style.ProposerMask)
		} else {
			b.WriteString(run)
		}
		rest = rest[j:]
	}
	return b.String()
}

// private reports whether a run's digits are a telephone number to hide.
func (sc *scrubber) private(d string) bool {
	if mobile(d) || len(d) == 13 && strings.HasPrefix(d, "86") && mobile(d[2:]) {
		return true
	}
	for _, n := range sc.numbers {
		if strings.Contains(d, n) {
			return true
		}
	}
	return false
}

// mobile reports whether d is a mainland mobile number: 11 digits from 13 to 19.
func mobile(d string) bool {
	return len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9'
}

// digit returns the value of an ASCII or full-width digit, or -1.
func digit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// joiner reports whether r may stand between the digits of one number:
// dashes and a plus sign. A space ends a number, so that numbers listed
// with spaces between them stay apart.
func joiner(r rune) bool {
	return strings.ContainsRune("-－—–‐‑+＋", r)
}

// nextRun returns the byte span of the next run of digits in s, joiners
// allowed between digits; -1 when there is none.
func nextRun(s string) (int, int) {
	start := -1
	end := -1
	for i, r := range s {
		switch {
		case digit(r) >= 0:
			if start < 0 {
				start = i
			}
			end = i + utf8.RuneLen(r)
		case start >= 0 && joiner(r):
			// keep going: the run ends at the last digit
		case start >= 0:
			return start, end
		}
	}
	return start, end
}

// numberRuns splits a phone field into its runs of digits.
func numberRuns(s string) []string {
	var out []string
	for s != "" {
		i, j := nextRun(s)
		if i < 0 {
			break
		}
		out = append(out, s[i:j])
		s = s[j:]
	}
	return out
}

// digitsOf keeps the digits of s, in ASCII.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if d := digit(r); d >= 0 {
			b.WriteByte(byte('0' + d))
		}
	}
	return b.String()
}
