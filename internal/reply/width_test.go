package reply

import "testing"

func TestHalfWidth(t *testing.T) {
	for in, want := range map[string]string{
		"第０２４４号":          "第0244号",
		"ＡＢｃ！～":           "ABc!~",
		"２０２３．６．１":        "2023.6.1",
		"a\u3000b":        "a b",
		"、。「」《》“”":        "、。「」《》“”",
		"，（）；":            ",();",
		"￥１００ ⦅x⦆ ｱ ←":    "￥100 ⦅x⦆ ｱ ←",
		"plain ascii 123": "plain ascii 123",
	} {
		if got := HalfWidth(in); got != want {
			t.Errorf("HalfWidth(%q) = %q, want %q", in, got, want)
		}
	}
	// Exactly U+FF01–U+FF5E and U+3000 change, as the ranges of the
	// forms say.
	for r := rune(0); r <= 0x10FFFF; r++ {
		want := r
		switch {
		case r >= '！' && r <= '～':
			want = r - ('！' - '!')
		case r == '\u3000':
			want = ' '
		}
		if got := halfWidthRune(r); got != want {
			t.Fatalf("halfWidthRune(%U) = %U, want %U", r, got, want)
		}
	}
}
