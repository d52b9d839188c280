package fonts

import (
	"bytes"
	"slices"
	"testing"

	"github.com/go-text/typesetting/font"
	"golang.org/x/image/math/fixed"
)

// TestSubsetOfTrueType subsets an embedded face and checks the font with
// go-text's own reader: every rune maps to a glyph with the original's
// advance and the original's outline, and there are no other glyphs.
func TestSubsetOfTrueType(t *testing.T) {
	f, err := set(t).Face(FandolFang)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune("关于第244号提案的答复，A")
	sub, err := f.Subset(append(runes, '\U00020BB7')) // one FandolFang lacks
	if err != nil {
		t.Fatal(err)
	}
	data, _ := f.bytes()
	orig, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	conv, err := font.ParseTTF(bytes.NewReader(sub.Font()))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runes {
		og, _ := orig.NominalGlyph(r)
		cg, ok := conv.NominalGlyph(r)
		gid, adv, sok := sub.Glyph(r)
		if !ok || !sok || font.GID(gid) != cg || sub.Original()[gid] != uint16(og) {
			t.Errorf("%q: subset glyph %d (cmap %d, %v), original %d", r, gid, cg, ok, og)
			continue
		}
		if a := conv.HorizontalAdvance(cg); a != orig.HorizontalAdvance(og) || int(a) != adv {
			t.Errorf("%q: advance %v (Glyph: %d), want %v", r, a, adv, orig.HorizontalAdvance(og))
		}
		if d := coverageDiff(rasterize(conv.GlyphData(cg), 0.1), rasterize(orig.GlyphData(og), 0.1)); d != 0 {
			t.Errorf("%q: outline differs from the original in %.1f%% of its ink", r, 100*d)
		}
	}
	if _, _, ok := sub.Glyph('\U00020BB7'); ok {
		t.Error("a rune the face lacks is in the subset")
	}
	if n := len(sub.Original()); n != len(slices.Compact(slices.Sorted(slices.Values(runes))))+1 {
		t.Errorf("%d glyphs, want .notdef and one per rune", n)
	}
	if !slices.IsSorted(sub.Original()) {
		t.Error("subset glyphs are not in the face's order")
	}
	if kind, err := checkFont(sub.Outlines()); err == nil || kind != glyfOutlines {
		t.Errorf("Outlines carries a cmap or names: %v", err)
	}
	dir := tableDir(sub.Outlines())
	for _, tag := range outlineTables {
		if dir[tag] == nil && tableDir(data)[tag] != nil {
			t.Errorf("Outlines lacks %q", tag)
		}
	}
}

// TestSubsetCarriesNestedComponents subsets the test font's C, a composite
// of the composite B, itself made of A: all three glyphs are in the subset,
// renumbered, and C draws as A's outline.
func TestSubsetCarriesNestedComponents(t *testing.T) {
	f, err := NewFace(mustRead(t, "testdata/test.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	sub, err := f.Subset([]rune("C"))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := f.Glyph('A')
	b, _ := f.Glyph('B')
	c, _ := f.Glyph('C')
	if got, want := sub.Original(), slices.Sorted(slices.Values([]uint16{0, a, b, c})); !slices.Equal(got, want) {
		t.Fatalf("subset glyphs %v, want %v", got, want)
	}
	conv, err := font.ParseTTF(bytes.NewReader(sub.Font()))
	if err != nil {
		t.Fatal(err)
	}
	orig, err := font.ParseTTF(bytes.NewReader(mustRead(t, "testdata/test.ttf")))
	if err != nil {
		t.Fatal(err)
	}
	cg, _ := conv.NominalGlyph('C')
	og, _ := orig.NominalGlyph('C')
	got, want := rasterize(conv.GlyphData(cg), 0.05), rasterize(orig.GlyphData(og), 0.05)
	if d := coverageDiff(got, want); d != 0 || !bytes.ContainsFunc(got.Pix, func(r rune) bool { return r != 0 }) {
		t.Errorf("C in the subset differs from the original in %.1f%% of its ink", 100*d)
	}
}

// TestOutline scales a glyph: an em-wide CJK glyph at 16 pixels per em
// lies within the 16-pixel square above the baseline.
func TestOutline(t *testing.T) {
	f, err := set(t).Face(NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	gid, ok := f.Glyph('国')
	if !ok {
		t.Fatal("NotoSans lacks 国")
	}
	segs, box, err := f.Outline(gid, fixed.I(16))
	if err != nil || len(segs) == 0 || segs[0].Op != MoveTo {
		t.Fatalf("Outline = %d segments, %v", len(segs), err)
	}
	if box.Min.X < 0 || box.Max.X > fixed.I(16) || box.Min.Y < -fixed.I(16) || box.Max.Y > fixed.I(4) || box.Max.Y <= box.Min.Y {
		t.Errorf("box %v is not that of a 16-pixel CJK glyph", box)
	}
	space, _ := f.Glyph(' ')
	if segs, _, err := f.Outline(space, fixed.I(16)); err != nil || len(segs) != 0 {
		t.Errorf("space: %d segments, %v", len(segs), err)
	}
}

// TestWithoutOutlines: the same font, glyphs and metrics, no outlines.
func TestWithoutOutlines(t *testing.T) {
	f, err := set(t).Face(FandolFang)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := f.Subset([]rune("答复"))
	if err != nil {
		t.Fatal(err)
	}
	bare, err := NewFace(sub.WithoutOutlines())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "答复" {
		gid, adv, _ := sub.Glyph(r)
		g, ok := bare.Glyph(r)
		segs, _, err := bare.Outline(g, fixed.I(16))
		if !ok || g != gid || bare.metrics().adv[r] != uint16(adv) || err != nil || len(segs) != 0 {
			t.Errorf("%q: glyph %d (want %d), %d segments, %v", r, g, gid, len(segs), err)
		}
	}
	if len(sub.WithoutOutlines()) >= len(sub.Font()) {
		t.Error("WithoutOutlines is not smaller than Font")
	}
}

// TestSubsetKept: the same runes in another order give the same subset;
// a face keeps subsetsKept of them.
func TestSubsetKept(t *testing.T) {
	f, err := NewFace(mustRead(t, "testdata/test.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := f.Subset([]rune("ABC"))
	if b, _ := f.Subset([]rune("CBAA")); b != a {
		t.Error("the same runes gave another subset")
	}
	for i := range subsetsKept {
		f.Subset([]rune{'A', rune('a' + i)})
	}
	if b, _ := f.Subset([]rune("ABC")); b == a {
		t.Error("a subset was kept past subsetsKept others")
	}
}
