package segment

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	tests := []struct{ in, want string }{
		// The place names the title breaking must keep whole.
		{"关于加快推进长春新区高新区产业园区建设的建议", "关于/加快/推进/长春/新区/高新区/产业园区/建设/的/建议"},
		{"关于进一步推进职业教育产教融合、校企合作的建议", "关于/进一步/推进/职业教育/产教融合/、/校企合作/的/建议"},
		{"对市政协第244号提案的答复", "对/市政协/第/2/4/4/号/提案/的/答复"},
		{"关于新港产业集聚区自来水管网铺设的建议", "关于/新港/产业集聚区/自来水/管网/铺设/的/建议"},
		{"关于进一步优化营商环境促进民营经济高质量发展的提案", "关于/进一步/优化/营商环境/促进/民营经济/高质量发展/的/提案"},
		{"A1 ，“长春”", "A/1/ /，/“/长春/”"},
		{"", ""},
	}
	for _, tc := range tests {
		got := strings.Join(Words(tc.in), "/")
		if got != tc.want {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestProper(t *testing.T) {
	for w, want := range map[string]bool{
		"长春": true, "深圳": true, "綦江": true, "秀洲": true, // in the dictionary as places, or not in it
		"国家": false, "产业": false, "建设": false, "新": false, "A1": false, "": false,
	} {
		if got := Proper(w); got != want {
			t.Errorf("Proper(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestDictionary checks the embedded dictionary: every line a word of
// Han characters, a positive frequency and perhaps a proper noun's tag,
// sorted, no word twice, and the supplement's words present.
func TestDictionary(t *testing.T) {
	var prev string
	n := 0
	for line := range strings.Lines(dict) {
		fields := strings.Fields(line)
		if len(fields) < 2 || len(fields) > 3 || fields[1][0] == '0' || strings.Trim(fields[1], "0123456789") != "" ||
			len(fields) == 3 && !strings.HasPrefix(fields[2], "n") {
			t.Fatalf("line %d %q: want a word, its frequency and a proper noun's tag", n+1, line)
		}
		w := fields[0]
		for _, r := range w {
			if !isHan(r) {
				t.Fatalf("line %d: %q is not made of Han characters", n+1, w)
			}
		}
		if w <= prev {
			t.Fatalf("line %d: %q after %q: not sorted or twice", n+1, w, prev)
		}
		prev = w
		n++
	}
	if n < 20000 || n > 60000 {
		t.Errorf("dictionary has %d words; gen.go should keep about 32,000", n)
	}
	for _, w := range []string{"高新区", "市政协", "营商环境", "产教融合"} {
		if !strings.Contains(dict, "\n"+w+" ") {
			t.Errorf("dictionary lacks %q", w)
		}
	}
}

// TestWordsConcurrent cuts from several goroutines at once, the first of
// them loading the dictionary (run with -race).
func TestWordsConcurrent(t *testing.T) {
	const s = "关于加快推进长春新区高新区产业园区建设的建议"
	want := Words(s)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				if got := Words(s); !slices.Equal(got, want) {
					t.Errorf("Words(%q) = %q, want %q", s, got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

// FuzzWords checks that the words of any text join into it again, and that
// none is empty.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"关于加快推进长春新区高新区产业园区建设的建议", "第244号〔2023〕", "\xff中文\x00abc", "𠀀𠀁𠀂中"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if utf8.RuneCountInString(s) > 5000 {
			return
		}
		words := Words(s)
		for _, w := range words {
			if w == "" {
				t.Fatalf("Words(%q) has an empty word: %q", s, words)
			}
		}
		if got := strings.Join(words, ""); got != s {
			t.Errorf("Words(%q) joined = %q", s, got)
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		load()
	}
}

func BenchmarkWords(b *testing.B) {
	Load()
	const s = "对市政协第十四届第二次会议第244号提案《关于加快推进长春新区高新区产业园区建设的建议》的答复"
	b.ReportAllocs()
	for b.Loop() {
		Words(s)
	}
}
