// Package segment finds the words of Chinese text, so that a line may be
// broken where "词意完整" (GB/T 9704-2012 §7.3.3: a title breaks so that
// each line keeps its words and meaning whole).
//
// Runs of Han characters are cut with github.com/go-ego/gse: the most
// likely reading after a dictionary of word frequencies, and for the
// characters the dictionary lacks (names of people and places) a hidden
// Markov model of how words are formed. The dictionary (dict.txt, see
// gen.go and LICENSE-dict.txt) is a trimmed copy of the one gse ships:
// about 32,000 common words of Han characters and the words of replies to
// deputies' suggestions and members' proposals, 0.4 MB instead of 5 MB,
// loaded once, on first use, in about a tenth of a second.
//
// This package is the only importer of gse. It is pure: the dictionary is
// embedded, and no file is read.
package segment

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

//go:generate go run gen.go

//go:embed dict.txt
var dict string

var (
	once sync.Once
	seg  gse.Segmenter
)

// Load reads the dictionary if it has not been read yet. Words calls it;
// a program may call it early, from another goroutine, so that the first
// Words does not wait. It is safe for concurrent use.
func Load() { once.Do(load) }

func load() {
	seg.SkipLog = true
	seg.Dict = gse.NewDict()
	seg.Init() // sets the defaults and loads the hidden Markov model
	for line := range strings.Lines(dict) {
		fields := strings.Fields(line) // word, frequency and, for proper nouns, the part of speech
		if len(fields) < 2 {
			continue
		}
		f, err := strconv.ParseFloat(fields[1], 64)
		if err != nil || f <= 0 {
			continue
		}
		// gse's LoadDictStr would also precompute the sub-words of every
		// word for its search mode, which Words does not use: adding the
		// tokens directly loads the dictionary in two thirds of the time.
		seg.Dict.AddToken(seg.ToToken(fields[0], f, fields[2:]...))
	}
}

// Words returns the words of s in order: joined, they give s again. A
// run of Han characters is cut into words; every other character (digits,
// letters, punctuation, spaces) is a word of its own, for the caller's
// own rules to join. Words is safe for concurrent use.
func Words(s string) []string {
	var out []string
	for len(s) > 0 {
		n := hanPrefix(s)
		switch {
		case n == 0:
			_, size := utf8.DecodeRuneInString(s)
			out = append(out, s[:size])
			n = size
		case utf8.RuneCountInString(s[:n]) == 1:
			out = append(out, s[:n])
		default:
			out = append(out, cut(s[:n])...)
		}
		s = s[n:]
	}
	return out
}

// Proper reports whether word is likely a proper noun: a word of two or
// more Han characters that the dictionary marks as the name of a person,
// place or organisation (长春, 綦江), or that it lacks, as Words then found
// it by its model of how names are formed. A suffix such as 新区 or 市
// belongs with the proper noun before it.
func Proper(word string) bool {
	if utf8.RuneCountInString(word) < 2 || hanPrefix(word) != len(word) {
		return false
	}
	Load()
	_, pos, ok := seg.Find(word)
	return !ok || len(pos) > 1 && pos[0] == 'n' && strings.ContainsRune("rstz", rune(pos[1]))
}

// hanPrefix returns the length in bytes of the run of Han characters that
// s starts with.
func hanPrefix(s string) int {
	for i, r := range s {
		if !isHan(r) {
			return i
		}
	}
	return len(s)
}

// isHan reports whether r is a Han character; 〇 counts, as it is written
// in numbers (二〇二三年).
func isHan(r rune) bool { return r == '〇' || unicode.Is(unicode.Han, r) }

// cut cuts a run of Han characters into words. Should the segmenter ever
// return words that do not join into run, run is returned as single
// characters: no boundary is then hidden from the caller.
func cut(run string) []string {
	Load()
	words := seg.Cut(run, true)
	var n int
	for _, w := range words {
		if w == "" || !strings.HasPrefix(run[n:], w) {
			return chars(run)
		}
		n += len(w)
	}
	if n != len(run) {
		return chars(run)
	}
	return words
}

func chars(s string) []string {
	out := make([]string, 0, len(s)/3)
	for i, r := range s {
		out = append(out, s[i:i+utf8.RuneLen(r)])
	}
	return out
}
