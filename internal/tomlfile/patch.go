package tomlfile

import (
	"slices"
	"strconv"
	"strings"

	"replydesk/internal/reply"
)

// section patches the keys of one table of a reply file, in the order a
// reply file lists them, so that a key that gains a value is inserted
// after those before it.
type section struct {
	p       *patcher
	path    string   // "" for the top level, "item", "attachments[0].table"…
	keys    []string // the keys patched so far, in order
	created int      // offset where this section was created; -1 when not
}

func (p *patcher) section(path string) *section {
	return &section{p: p, path: path, created: -1}
}

func (s *section) key(k string) string { return join(s.path, k) }

func (s *section) str(k, old, now string) {
	s.keys = append(s.keys, k)
	if old == now {
		return
	}
	sp, ok := s.p.value(s.key(k))
	if !ok {
		if now != "" {
			s.insert(k, quote(now))
		}
		return
	}
	s.p.set(sp, s.p.quoteLike(s.p.src[sp.val:sp.end], now))
}

func (s *section) num(k string, old, now int) {
	s.keys = append(s.keys, k)
	if old == now {
		return
	}
	if sp, ok := s.p.value(s.key(k)); ok {
		s.p.set(sp, strconv.Itoa(now))
	} else if now != 0 {
		s.insert(k, strconv.Itoa(now))
	}
}

func (s *section) boolean(k string, old, now bool) {
	s.keys = append(s.keys, k)
	if old == now {
		return
	}
	if sp, ok := s.p.value(s.key(k)); ok {
		s.p.set(sp, strconv.FormatBool(now))
	} else {
		s.insert(k, strconv.FormatBool(now))
	}
}

// date writes a date; a date that becomes empty has its line commented
// out, since TOML has no empty date.
func (s *section) date(k string, old, now reply.Date) {
	s.keys = append(s.keys, k)
	if old == now {
		return
	}
	sp, ok := s.p.value(s.key(k))
	switch {
	case ok && now.IsZero():
		at := s.p.lineStart(sp.key)
		s.p.replace(at, at, "# ")
	case ok:
		s.p.set(sp, now.ISO())
	default:
		s.insert(k, now.ISO())
	}
}

// list writes a list of strings: only the changed items when the length
// stays, the whole list otherwise.
func (s *section) list(k string, old, now []string) {
	s.items(k, len(old), len(now), slices.Equal(old, now), func(i int) string { return now[i] },
		func(i int) bool { return old[i] == now[i] }, func() string { return quoteList(now) })
}

func (s *section) ints(k string, old, now []int) {
	itoa := func(i int) string { return strconv.Itoa(now[i]) }
	s.items(k, len(old), len(now), slices.Equal(old, now), itoa,
		func(i int) bool { return old[i] == now[i] }, func() string {
			ws := make([]string, len(now))
			for i := range now {
				ws[i] = itoa(i)
			}
			return "[" + strings.Join(ws, ", ") + "]"
		})
}

// items patches an array of n items, item by item when the count stays.
func (s *section) items(k string, nOld, nNow int, equal bool, item func(int) string, same func(int) bool, whole func() string) {
	s.keys = append(s.keys, k)
	if equal {
		return
	}
	key := s.key(k)
	sp, ok := s.p.value(key)
	if !ok {
		if nNow > 0 {
			s.insert(k, whole())
		}
		return
	}
	if nOld != nNow || !strings.HasPrefix(s.p.src[sp.val:sp.end], "[") {
		s.p.set(sp, s.p.eols(whole()))
		return
	}
	for i := range nNow {
		if same(i) {
			continue
		}
		el, ok := s.p.value(key + index(i))
		if !ok {
			s.p.bad = true
			return
		}
		text := item(i)
		if _, err := strconv.Atoi(text); err != nil {
			text = s.p.quoteLike(s.p.src[el.val:el.end], text)
		}
		s.p.set(el, text)
	}
}

// rows writes the rows of a table: cell by cell when the shape stays, the
// whole array otherwise.
func (s *section) rows(k string, old, now [][]string) {
	s.keys = append(s.keys, k)
	if slices.EqualFunc(old, now, slices.Equal) {
		return
	}
	key := s.key(k)
	sp, ok := s.p.value(key)
	shape := len(old) == len(now)
	for i := 0; shape && i < len(old); i++ {
		shape = len(old[i]) == len(now[i])
	}
	whole := "[\n"
	for _, row := range now {
		whole += "  " + quoteList(row) + ",\n"
	}
	whole += "]"
	switch {
	case !ok && len(now) > 0:
		s.insert(k, whole)
	case !ok:
	case !shape:
		s.p.set(sp, s.p.eols(whole))
	default:
		for i := range now {
			for j := range now[i] {
				if old[i][j] == now[i][j] {
					continue
				}
				el, ok := s.p.value(key + index(i) + index(j))
				if !ok {
					s.p.bad = true
					return
				}
				s.p.set(el, s.p.quoteLike(s.p.src[el.val:el.end], now[i][j]))
			}
		}
	}
}

// text writes a multi-line text: only its changed lines when it is written
// one paragraph per line, the whole value otherwise.
func (s *section) text(k, old, now string) {
	s.keys = append(s.keys, k)
	if old == now {
		return
	}
	sp, ok := s.p.value(s.key(k))
	if !ok {
		if now != "" {
			s.insert(k, multilineValue(now))
		}
		return
	}
	raw := s.p.src[sp.val:sp.end]
	triple := strings.HasPrefix(raw, `"""`) || strings.HasPrefix(raw, `'''`)
	switch {
	case !triple && !strings.Contains(now, "\n"):
		s.p.set(sp, s.p.quoteLike(raw, now))
	case old == "" || now == "" || !triple || !s.p.lines(sp, old, now):
		s.p.set(sp, s.p.eols(multilineValue(now)))
	}
}

// multilineValue writes a text as the writer does: one paragraph a line.
func multilineValue(v string) string {
	v = crlf(v)
	if v == "" {
		return `""`
	}
	return "\"\"\"\n" + escape(v, true) + "\n\"\"\""
}

// quoteLike quotes s as a string, in single quotes when the old value raw
// was and s can be.
func (p *patcher) quoteLike(raw, s string) string {
	if strings.HasPrefix(raw, "'") && !strings.HasPrefix(raw, "'''") && literal(s) {
		return "'" + s + "'"
	}
	return quote(s)
}

// literal reports whether s can stand in a literal string: no quote mark,
// no control character but tab.
func literal(s string) bool {
	for _, r := range s {
		if r == '\'' || r < 0x20 && r != '\t' || r == 0x7f {
			return false
		}
	}
	return true
}

// insert writes k = value in the section: over a commented-out line of
// the same key ("# closing = …") when there is one, else after the keys
// before it, else at the section's start; a section the file lacks is
// created before the attachments.
func (s *section) insert(k, value string) {
	p := s.p
	line := k + " = " + value
	value = p.eols(value)
	start, end, header := p.region(s.path)
	if header && !strings.Contains(value, "\n") && s.uncomment(start, end, k, value) {
		return
	}
	if !header && s.path != "" {
		if s.created < 0 {
			s.created = len(p.src)
			if sp, ok := p.sk.spans["attachments[0]"]; ok {
				s.created = p.lineStart(sp.key)
			}
			text := "\n[" + s.path + "]\n"
			if s.created > 0 && p.src[s.created-1] != '\n' {
				text = "\n" + text
			}
			p.replace(s.created, s.created, p.eols(text))
		}
		p.replace(s.created, s.created, p.eols(line+"\n"))
		if s.created < len(p.src) {
			p.replace(s.created, s.created, p.eol)
		}
		return
	}
	at := -1
	before := s.keys[:len(s.keys)-1]
	for i := len(before) - 1; i >= 0 && at < 0; i-- {
		if sp, ok := p.value(s.key(before[i])); ok {
			at = p.lineEnd(sp.end)
		}
	}
	if at < 0 {
		at = start
	}
	text := p.eols(line + "\n")
	if at > 0 && p.src[at-1] != '\n' {
		text = p.eol + text
	}
	p.replace(at, at, text)
}

// region returns where the section's keys stand: from the line after its
// header to the next header; for the top level, the text before the first
// header. header is false when the file has no such section.
func (p *patcher) region(path string) (start, end int, header bool) {
	start, end, header = 0, len(p.src), true
	if path != "" {
		sp, ok := p.sk.spans[path]
		if !ok || p.src[sp.key] != '[' {
			return 0, 0, false
		}
		start = p.lineEnd(sp.end)
	}
	for _, h := range p.sk.headers {
		if h >= start {
			end = p.lineStart(h)
			break
		}
	}
	return start, min(max(start, end), len(p.src)), true
}

// uncomment finds a commented-out line "# k = …" in src[start:end] and
// writes value in it, the rest of the line (its comment) kept.
func (s *section) uncomment(start, end int, k, value string) bool {
	p := s.p
	for at := start; at < end; {
		next := p.lineEnd(at)
		line := strings.TrimRight(p.src[at:next], "\r\n")
		at0 := at
		at = next
		body := strings.TrimLeft(line, " \t")
		rest, ok := strings.CutPrefix(body, "#")
		if !ok {
			continue
		}
		cut := 1
		if strings.HasPrefix(rest, " ") {
			rest, cut = rest[1:], 2
		}
		if !strings.HasPrefix(rest, k) {
			continue
		}
		sk := skim(rest, true)
		sp, ok := sk.spans[k]
		if !ok || len(sk.spans) != 1 && !strings.Contains(rest[sp.end:], "#") {
			continue
		}
		vend := sp.end
		for vend > sp.val && (rest[vend-1] == ' ' || rest[vend-1] == '\t') {
			vend--
		}
		if sp.val >= vend {
			continue
		}
		after := rest[vend:]
		if gap := len(after) - len(strings.TrimLeft(after, " ")); gap >= 2 && strings.HasPrefix(strings.TrimLeft(after, " "), "#") {
			after = strings.Repeat(" ", max(1, gap+cut+width(rest[sp.val:vend])-width(value))) + strings.TrimLeft(after, " ")
		}
		indent := line[:len(line)-len(body)]
		p.replace(at0, at0+len(line), indent+rest[:sp.val]+value+after)
		return true
	}
	return false
}
