package fonts

import (
	"os"
	"testing"
)

// FuzzFontFile feeds damaged font files through everything a chosen file
// goes through: picking a face, checking and measuring it, and converting
// its glyphs. Whatever the bytes, nothing panics, and an accepted CFF face
// gives a TrueType font that is itself accepted.
func FuzzFontFile(f *testing.F) {
	for _, name := range []string{"test.ttf", "test.otf", "pair.ttc", "test.woff", "cjk-pair.ttc"} {
		f.Add(mustReadFile(f, "testdata/"+name), "")
	}
	f.Add(mustReadFile(f, "testdata/cjk-pair.ttc"), "1")
	f.Fuzz(func(t *testing.T, data []byte, want string) {
		one, _, err := singleFont(data, want)
		if err != nil {
			return
		}
		face, err := newFileFace(one)
		if err != nil {
			return
		}
		face.metrics().lookup('中')
		sub, err := face.Subset([]rune("ABC中的答复\U00020000"))
		if err != nil {
			return
		}
		if kind, err := checkFont(sub.Font()); err != nil || kind != glyfOutlines {
			t.Fatalf("subset refused: %v, %v", kind, err)
		}
		if _, err := newFileFace(sub.Font()); err != nil {
			t.Fatalf("subset cannot be measured: %v", err)
		}
	})
}

func mustReadFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
