package fonts

import (
	"testing"

	"golang.org/x/image/math/fixed"
)

func TestThin(t *testing.T) {
	full, err := set(t).Data(NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	thin, err := Thin(full, func(r rune) bool { return r == '中' || r == 'A' })
	if err != nil {
		t.Fatal(err)
	}
	if len(thin) > len(full)/10 {
		t.Errorf("thin font is %d bytes of %d", len(thin), len(full))
	}
	f, err := NewFace(thin)
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := NewFace(full)
	for _, c := range []struct {
		r    rune
		want bool
	}{{'中', true}, {'A', true}, {'国', false}, {'B', false}} {
		gid, ok := f.Glyph(c.r)
		ogid, _ := orig.Glyph(c.r)
		segs, _, err := f.Outline(gid, fixed.I(16))
		if !ok || gid != ogid || err != nil || (len(segs) > 0) != c.want {
			t.Errorf("%q: glyph %d (was %d), %d segments, %v; want an outline: %v", c.r, gid, ogid, len(segs), err, c.want)
		}
	}
	if _, err := Thin(full[:100], func(rune) bool { return true }); err == nil {
		t.Error("a truncated font was thinned")
	}
}

// TestThinKeepsComponents thins the test font to C alone: B and A, which
// C is built from, keep their outlines.
func TestThinKeepsComponents(t *testing.T) {
	thin, err := Thin(mustRead(t, "testdata/test.ttf"), func(r rune) bool { return r == 'C' })
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewFace(thin)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "ABC" {
		gid, _ := f.Glyph(r)
		if segs, _, err := f.Outline(gid, fixed.I(16)); err != nil || len(segs) == 0 {
			t.Errorf("%q has no outline: %v", r, err)
		}
	}
	gid, _ := f.Glyph('中')
	if segs, _, _ := f.Outline(gid, fixed.I(16)); len(segs) != 0 {
		t.Error("中 kept its outline")
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

// TestTrim checks that a trimmed font lacks the runes refused, keeps the
// glyph ids of the others, and still reads as a face.
func TestTrim(t *testing.T) {
	full, err := set(t).Data(NotoSans)
	if err != nil {
		t.Fatal(err)
	}
	trimmed, err := Trim(full, func(r rune) bool { return r == '中' || r == 'A' || r == '堃' })
	if err != nil {
		t.Fatal(err)
	}
	if len(trimmed) > len(full)/10 {
		t.Errorf("trimmed font is %d bytes of %d", len(trimmed), len(full))
	}
	f, err := NewFace(trimmed)
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := NewFace(full)
	for _, r := range "中A堃" {
		gid, ok := f.Glyph(r)
		ogid, _ := orig.Glyph(r)
		segs, _, err := f.Outline(gid, fixed.I(16))
		if !ok || gid != ogid || err != nil || len(segs) == 0 {
			t.Errorf("%q: glyph %d (was %d), %d segments, %v", r, gid, ogid, len(segs), err)
		}
	}
	for _, r := range "国B" {
		if gid, ok := f.Glyph(r); ok {
			t.Errorf("%q is still in the cmap (glyph %d)", r, gid)
		}
	}
}
