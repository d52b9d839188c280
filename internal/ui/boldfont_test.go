package ui

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"replydesk/internal/fonts"
)

// outline reports whether r has a glyph with an outline in the font, and
// the glyph.
func outline(t *testing.T, font []byte, r rune) (bool, uint16) {
	t.Helper()
	f, err := fonts.NewFace(font)
	if err != nil {
		t.Fatalf("not a valid font: %v", err)
	}
	gid, ok := f.Glyph(r)
	if !ok {
		t.Fatalf("%q has no glyph", r)
	}
	segs, _, err := f.Outline(gid, fixed.I(16))
	if err != nil {
		t.Fatalf("glyph of %q: %v", r, err)
	}
	return len(segs) > 0, gid
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

// Bold text keeps the glyphs the shaper substitutes: in a Latin run the
// digits of Noto Sans SC become proportional digits, which no character
// maps to; thinning them away blanked the digits of bold file names.
func TestBoldFaceKeepsSubstitutes(t *testing.T) {
	bold := Theme(desk(t).Fonts).Font(fyne.TextStyle{Bold: true}).Content()
	face, err := font.ParseTTF(bytes.NewReader(bold))
	if err != nil {
		t.Fatal(err)
	}
	thin, err := fonts.NewFace(bold)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"list2024.xlsx", "第5行"} {
		rs := []rune(text)
		out := (&shaping.HarfbuzzShaper{}).Shape(shaping.Input{Text: rs, RunEnd: len(rs), Face: face,
			Size: fixed.I(14), Direction: di.DirectionLTR, Script: language.Latin, Language: language.NewLanguage("en")})
		substituted := false
		for i, g := range out.Glyphs {
			if nominal, _ := face.NominalGlyph(rs[g.ClusterIndex]); nominal != g.GlyphID {
				substituted = true
			}
			segs, _, err := thin.Outline(uint16(g.GlyphID), fixed.I(16))
			if err != nil || len(segs) == 0 {
				t.Errorf("%q: glyph %d (%q) has no outline", text, g.GlyphID, rs[out.Glyphs[i].ClusterIndex])
			}
		}
		if text == "list2024.xlsx" && !substituted {
			t.Error("no glyph was substituted: the test no longer covers GSUB")
		}
	}
}
