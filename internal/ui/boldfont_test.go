package ui

import (
	"bytes"
	"encoding/binary"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"replydesk/internal/fonts"
)

// outline reports whether r has a glyph with an outline in the font, and
// the font's glyph count.
func outline(t *testing.T, font []byte, r rune) (bool, int) {
	t.Helper()
	f, err := sfnt.Parse(font)
	if err != nil {
		t.Fatalf("not a valid font: %v", err)
	}
	var buf sfnt.Buffer
	gid, err := f.GlyphIndex(&buf, r)
	if err != nil || gid == 0 {
		t.Fatalf("%q has no glyph: %v", r, err)
	}
	segs, err := f.LoadGlyph(&buf, gid, fixed.I(16), nil)
	if err != nil {
		t.Fatalf("glyph of %q: %v", r, err)
	}
	return len(segs) > 0, f.NumGlyphs()
}

func TestThinFont(t *testing.T) {
	full, err := desk(t).Fonts.Data(fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	thin, err := thinFont(full, func(r rune) bool { return r == '中' || r == 'A' })
	if err != nil {
		t.Fatal(err)
	}
	if len(thin) > len(full)/10 {
		t.Errorf("thin font is %d bytes of %d", len(thin), len(full))
	}
	_, n := outline(t, full, '中')
	for _, c := range []struct {
		r    rune
		want bool
	}{{'中', true}, {'A', true}, {'国', false}, {'B', false}} {
		has, m := outline(t, thin, c.r)
		if has != c.want || m != n {
			t.Errorf("%q: outline %v (want %v), %d glyphs (want %d)", c.r, has, c.want, m, n)
		}
	}
	if _, err := thinFont(full[:100], func(rune) bool { return true }); err == nil {
		t.Error("a truncated font was thinned")
	}
}

func TestBoldFace(t *testing.T) {
	th := Theme(desk(t).Fonts)
	bold, regular := th.Font(fyne.TextStyle{Bold: true}), th.Font(fyne.TextStyle{})
	if len(bold.Content()) > len(regular.Content())/3 {
		t.Errorf("bold face %d bytes, regular %d", len(bold.Content()), len(regular.Content()))
	}
	for _, c := range []struct {
		r    rune
		want bool
	}{{'答', true}, {'复', true}, {'，', true}, {'R', true}, {'堃', false}} {
		if has, _ := outline(t, bold.Content(), c.r); has != c.want {
			t.Errorf("bold %q has an outline: %v, want %v", c.r, has, c.want)
		}
	}
}

func TestComponentArgs(t *testing.T) {
	for _, c := range []struct {
		flags uint16
		want  int
	}{{0, 2}, {0x0001, 4}, {0x0008, 4}, {0x0009, 6}, {0x0040, 6}, {0x0081, 12}} {
		if got := componentArgs(c.flags); got != c.want {
			t.Errorf("componentArgs(%#x) = %d, want %d", c.flags, got, c.want)
		}
	}
}

// TestCmap4 reads a hand-made format 4 subtable: A–C by delta, 中 through
// the glyph id array, and the closing segment.
func TestCmap4(t *testing.T) {
	words := []uint16{
		4, 0, 0, 6, 0, 0, 0, // format, length, language, segCountX2, search fields
		0x43, 0x4E2D, 0xFFFF, // end codes
		0,                    // reserved pad
		0x41, 0x4E2D, 0xFFFF, // start codes
		0xFFC0, 0, 1, // deltas: A (0x41) → 1
		0, 4, 0, // range offsets: 中 → glyphIdArray[0]
		7, // glyphIdArray
	}
	sub := make([]byte, 2*len(words))
	for i, w := range words {
		binary.BigEndian.PutUint16(sub[2*i:], w)
	}
	got := map[rune]int{}
	if err := cmap4(sub, func(r rune, gid int) { got[r] = gid }); err != nil {
		t.Fatal(err)
	}
	want := map[rune]int{'A': 1, 'B': 2, 'C': 3, '中': 7}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for r, g := range want {
		if got[r] != g {
			t.Errorf("%q → %d, want %d", r, got[r], g)
		}
	}
}

// Bold text keeps the glyphs the shaper substitutes: in a Latin run the
// digits of Noto Sans SC become proportional digits, which no character
// maps to; thinning them away blanked the digits of bold file names.
func TestBoldFaceKeepsSubstitutes(t *testing.T) {
	bold := Theme(desk(t).Fonts).Font(fyne.TextStyle{Bold: true}).Content()
	face, err := font.ParseTTF(bytes.NewReader(bold))
	if err != nil {
		t.Fatal(err)
	}
	sf, err := sfnt.Parse(bold)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for _, text := range []string{"list2024.xlsx", "第5行"} {
		rs := []rune(text)
		out := (&shaping.HarfbuzzShaper{}).Shape(shaping.Input{Text: rs, RunEnd: len(rs), Face: face,
			Size: fixed.I(14), Direction: di.DirectionLTR, Script: language.Latin, Language: language.NewLanguage("en")})
		substituted := false
		for i, g := range out.Glyphs {
			if nominal, _ := face.NominalGlyph(rs[g.ClusterIndex]); nominal != g.GlyphID {
				substituted = true
			}
			segs, err := sf.LoadGlyph(&buf, sfnt.GlyphIndex(g.GlyphID), fixed.I(16), nil)
			if err != nil || len(segs) == 0 {
				t.Errorf("%q: glyph %d (%q) has no outline", text, g.GlyphID, rs[out.Glyphs[i].ClusterIndex])
			}
		}
		if text == "list2024.xlsx" && !substituted {
			t.Error("no glyph was substituted: the test no longer covers GSUB")
		}
	}
}
