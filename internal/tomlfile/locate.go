package tomlfile

import (
	"sort"
	"strconv"
	"strings"
)

// The toml package reports the line of a syntax error but not where each
// key is, and a Chinese error should point at the line of the key it is
// about. keyLines skims a document that toml has already parsed and notes
// the line of every key.

// keyLines maps every key of a valid TOML document to its 1-based line.
// Paths join keys with dots and number array elements from 0:
// "item.title", "attachments[1].title", "category.choices[2].code". The
// first line of the text of a multi-line string is recorded under
// path+"#text".
func keyLines(src string) map[string]int {
	return skim(src, false).lines
}

// skim runs a skimmer over src; with spans it also notes where every key,
// value and table stands.
func skim(src string, spans bool) *skimmer {
	s := &skimmer{src: src, lines: map[string]int{}, aot: map[string]int{}}
	if spans {
		s.spans, s.last = map[string]span{}, map[string]int{}
	}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			s.starts = append(s.starts, i+1)
		}
	}
	s.run()
	return s
}

type skimmer struct {
	src    string
	i      int
	starts []int          // byte offsets where lines 2, 3, … start
	lines  map[string]int // path → line
	aot    map[string]int // array-of-tables path → elements so far

	// Only when asked for (see skim):
	spans   map[string]span // path → where its key and value stand
	last    map[string]int  // table path → end of its header or of its last value
	headers []int           // offsets of the table headers, in order
}

// span is where a key and its value stand in the text: for a key, the key
// and the value; for a table header, the header (val = end = after "]");
// for an array element, the element (key = val).
type span struct {
	key, val, end int
}

// note records the span of path, first occurrence only.
func (s *skimmer) note(path string, sp span) {
	if s.spans == nil || path == "" {
		return
	}
	if _, ok := s.spans[path]; !ok {
		s.spans[path] = sp
	}
}

func (s *skimmer) lineAt(i int) int {
	return sort.SearchInts(s.starts, i+1) + 1
}

func (s *skimmer) record(path string, at int) {
	if _, ok := s.lines[path]; !ok && path != "" {
		s.lines[path] = s.lineAt(at)
	}
}

func (s *skimmer) eof() bool { return s.i >= len(s.src) }

// rest is the text from the current position.
func (s *skimmer) rest() string {
	if s.eof() {
		return ""
	}
	return s.src[s.i:]
}

func (s *skimmer) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

// skip passes blanks and, when nl, newlines and comments too.
func (s *skimmer) skip(nl bool) {
	for !s.eof() {
		switch c := s.src[s.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case nl && c == '\n':
			s.i++
		case nl && c == '#':
			for !s.eof() && s.src[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

func (s *skimmer) run() {
	table := ""
	for {
		s.skip(true)
		if s.eof() {
			return
		}
		start := s.i
		if s.peek() == '[' {
			table = s.header()
		} else {
			s.keyValue(table)
			if s.last != nil {
				s.last[table] = s.i
			}
		}
		if s.i == start {
			s.i++ // never stall on input the parser would have refused
		}
	}
}

// header reads [table] or [[array]] and returns the table's path.
func (s *skimmer) header() string {
	start := s.i
	aot := strings.HasPrefix(s.rest(), "[[")
	s.i++
	if aot {
		s.i++
	}
	parts := s.keyParts()
	for !s.eof() && s.src[s.i] == ']' {
		s.i++
	}
	path := ""
	for k, part := range parts {
		path = join(path, part)
		if n, ok := s.aot[path]; ok && !(aot && k == len(parts)-1) {
			path += index(n - 1)
		}
	}
	if aot {
		n := s.aot[path]
		s.aot[path] = n + 1
		path += index(n)
	}
	s.record(path, start)
	s.note(path, span{start, s.i, s.i})
	if s.spans != nil {
		s.headers = append(s.headers, start)
		s.last[path] = s.i
	}
	return path
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(i int) string { return "[" + strconv.Itoa(i) + "]" }

// keyParts reads a dotted key.
func (s *skimmer) keyParts() []string {
	var parts []string
	for {
		s.skip(false)
		switch s.peek() {
		case '"', '\'':
			q := s.peek()
			s.i++
			start := s.i
			for !s.eof() && s.src[s.i] != q && s.src[s.i] != '\n' {
				if q == '"' && s.src[s.i] == '\\' {
					s.i++
				}
				s.i++
			}
			parts = append(parts, unquoteKey(s.src[start:min(s.i, len(s.src))], q))
			s.i++
		default:
			start := s.i
			for !s.eof() && !strings.ContainsRune(" \t\r\n.=]", rune(s.src[s.i])) {
				s.i++
			}
			parts = append(parts, s.src[start:s.i])
		}
		s.skip(false)
		if s.peek() != '.' {
			return parts
		}
		s.i++
	}
}

func unquoteKey(raw string, q byte) string {
	if q == '"' {
		if u, err := strconv.Unquote(`"` + raw + `"`); err == nil {
			return u
		}
	}
	return raw
}

// keyValue reads key = value inside table.
func (s *skimmer) keyValue(table string) {
	start := s.i
	path := table
	for _, p := range s.keyParts() {
		path = join(path, p)
	}
	s.record(path, start)
	s.skip(false)
	if s.peek() == '=' {
		s.i++
	}
	s.skip(false)
	val := s.i
	s.value(path)
	s.note(path, span{start, val, s.i})
}

// value reads one value and notes the keys inside arrays and inline tables.
func (s *skimmer) value(path string) {
	switch rest := s.rest(); {
	case strings.HasPrefix(rest, `"""`), strings.HasPrefix(rest, `'''`):
		s.multiline(path, rest[:3])
	case strings.HasPrefix(rest, `"`), strings.HasPrefix(rest, `'`):
		q := rest[0]
		s.i++
		for !s.eof() && s.src[s.i] != q && s.src[s.i] != '\n' {
			if q == '"' && s.src[s.i] == '\\' {
				s.i++
			}
			s.i++
		}
		s.i++
	case strings.HasPrefix(rest, "["):
		s.array(path)
	case strings.HasPrefix(rest, "{"):
		s.inline(path)
	default:
		for !s.eof() && !strings.ContainsRune(",]}\n#", rune(s.src[s.i])) {
			s.i++
		}
	}
	s.i = min(s.i, len(s.src))
}

func (s *skimmer) multiline(path, delim string) {
	s.i += 3
	if strings.HasPrefix(s.rest(), "\n") {
		s.i++
	} else if strings.HasPrefix(s.rest(), "\r\n") {
		s.i += 2
	}
	s.record(path+"#text", s.i)
	for !s.eof() {
		if delim == `"""` && s.src[s.i] == '\\' {
			s.i += 2
			continue
		}
		if strings.HasPrefix(s.rest(), delim) {
			s.i += 3
			for extra := 0; extra < 2 && s.peek() == delim[0]; extra++ {
				s.i++
			}
			return
		}
		s.i++
	}
}

func (s *skimmer) array(path string) {
	s.i++
	for n := 0; ; n++ {
		s.skip(true)
		if s.eof() || s.peek() == ']' {
			s.i++
			return
		}
		start := s.i
		s.record(path+index(n), start)
		s.value(path + index(n))
		s.note(path+index(n), span{start, start, s.i})
		s.skip(true)
		if s.peek() == ',' {
			s.i++
		}
		if s.i == start {
			s.i++
		}
	}
}

func (s *skimmer) inline(path string) {
	s.i++
	for {
		s.skip(true)
		if s.eof() || s.peek() == '}' {
			s.i++
			return
		}
		start := s.i
		s.keyValue(path)
		s.skip(true)
		if s.peek() == ',' {
			s.i++
		}
		if s.i == start {
			s.i++
		}
	}
}
