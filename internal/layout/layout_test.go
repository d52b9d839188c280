package layout

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestKinsokuConformance checks canBreak against testdata/kinsoku.txt.
func TestKinsokuConformance(t *testing.T) {
	f, err := os.Open("testdata/kinsoku.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for ln := 1; sc.Scan(); ln++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		rs := []rune(text)
		for i := 1; i+1 < len(rs); i += 2 {
			a, mark, b := rs[i-1], rs[i], rs[i+1]
			want := mark == '÷'
			if mark != '÷' && mark != '×' {
				t.Fatalf("kinsoku.txt:%d: %q at %d is neither ÷ nor ×", ln, mark, i)
			}
			if got := canBreak(a, b); got != want {
				t.Errorf("kinsoku.txt:%d: canBreak(%q, %q) = %v, want %v", ln, a, b, got, want)
			}
			n++
		}
	}
	if n < 50 {
		t.Fatalf("only %d cases read", n)
	}
}
