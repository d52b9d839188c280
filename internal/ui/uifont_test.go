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

// TestUIFace checks the window's face: regular and bold text share one
// trimmed copy of the UI face, a fraction of its size, that draws the
// characters of GB 2312 and every non-Han one, and lacks (rather than
// blanks) the rarer Han characters, so that the system's fonts draw them.
func TestUIFace(t *testing.T) {
	set := desk(t).Fonts
	full, err := set.Data(fonts.NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	th := Theme(set)
	bold, regular := th.Font(fyne.TextStyle{Bold: true}), th.Font(fyne.TextStyle{})
	if bold != regular {
		t.Error("bold text has a face of its own")
	}
	if n := len(regular.Content()); n > len(full)/2 {
		t.Errorf("UI face %d bytes, the whole face %d", n, len(full))
	}
	for _, r := range "答复，R①《堃" {
		if r == '堃' {
			continue
		}
		if has, _ := outline(t, regular.Content(), r); !has {
			t.Errorf("%q has no outline", r)
		}
	}
	f, err := fonts.NewFace(regular.Content())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.Glyph('堃'); ok {
		t.Error("堃, which GB 2312 lacks, is still in the UI face")
	}
	if th.Font(fyne.TextStyle{Monospace: true}) == regular {
		t.Error("monospace text has the CJK face")
	}
}

// The UI face keeps the glyphs the shaper substitutes: in a Latin run the
// digits of Noto Sans SC become proportional digits, which no character
// maps to; thinning them away blanked the digits of file names.
func TestUIFaceKeepsSubstitutes(t *testing.T) {
	data := Theme(desk(t).Fonts).Font(fyne.TextStyle{}).Content()
	face, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	thin, err := fonts.NewFace(data)
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

// BenchmarkUIFont is what the window's face costs at start: the trimmed
// copy made and parsed as Fyne parses it (every outline). Compare with
// BenchmarkUIFontWhole, the whole face that the window parsed before.
func BenchmarkUIFont(b *testing.B) {
	set := desk(b).Fonts
	b.ReportAllocs()
	for b.Loop() {
		r := uiFont(set)
		if _, err := font.ParseTTF(bytes.NewReader(r.Content())); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUIFontWhole parses the whole UI face as Fyne does.
func BenchmarkUIFontWhole(b *testing.B) {
	full, err := desk(b).Fonts.Data(fonts.NotoSans)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := font.ParseTTF(bytes.NewReader(full)); err != nil {
			b.Fatal(err)
		}
	}
}
