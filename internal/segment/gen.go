//go:build ignore

// gen writes dict.txt, the dictionary of package segment: the words of
// the Chinese dictionary that ships with github.com/go-ego/gse (taken from
// jieba) made of Han characters only and used at least minFreq times,
// and the words of supplement.txt. A line is "word frequency", followed by
// the word's part of speech when it is a proper noun (nr, ns, nt, nz …),
// the only tags package segment reads. Run it with go generate when
// either source changes.
package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

const (
	// minFreq keeps about 36,000 of the 350,000 words: the dictionary then
	// loads in about a tenth of a second, while the words a title is made
	// of are still found (see segment_test.go).
	minFreq = 100
	// supplementFreq is the frequency given to the supplement's words:
	// that of a common word, so that they win over the split a rarer
	// reading would give.
	supplementFreq = 3000
)

func main() {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		fail(err)
	}
	src := filepath.Join(strings.TrimSpace(string(dir)), "data", "dict", "zh", "s_1.txt")
	freq := map[string]int{}
	tag := map[string]string{}
	read(src, func(line string) {
		f := strings.Fields(line)
		if len(f) < 2 || !han(f[0]) {
			return
		}
		n, err := strconv.Atoi(f[1])
		if err == nil && n >= minFreq {
			freq[f[0]] = n
			if len(f) > 2 && strings.HasPrefix(f[2], "n") && len(f[2]) > 1 && strings.ContainsAny(f[2][1:2], "rstz") {
				tag[f[0]] = f[2]
			}
		}
	})
	read("supplement.txt", func(line string) {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			if !han(w) {
				fail(fmt.Errorf("supplement.txt: %q is not a word of Han characters", w))
			}
			freq[w] = max(freq[w], supplementFreq)
			delete(tag, w) // a zone or a unit, not a name (the source tags 高新区 nr)
		}
	})
	words := make([]string, 0, len(freq))
	for w := range freq {
		words = append(words, w)
	}
	sort.Strings(words)
	var b strings.Builder
	for _, w := range words {
		fmt.Fprintf(&b, "%s %d", w, freq[w])
		if tag[w] != "" {
			fmt.Fprintf(&b, " %s", tag[w])
		}
		b.WriteByte('\n')
	}
	if err := os.WriteFile("dict.txt", []byte(b.String()), 0o644); err != nil {
		fail(err)
	}
}

// han reports whether w is a word of two or more Han characters.
func han(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= 2
}

func read(name string, line func(string)) {
	f, err := os.Open(name)
	if err != nil {
		fail(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line(sc.Text())
	}
	if err := sc.Err(); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}
