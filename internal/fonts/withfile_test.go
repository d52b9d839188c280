package fonts

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const testFace = "ReplyDeskTest-Regular" // PostScript name of testdata/test.ttf

// copyFile writes testdata/name, with extra bytes appended, to dir/as.
func copyFile(t *testing.T, name, dir, as string, extra ...byte) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, as)
	if err := os.WriteFile(p, append(data, extra...), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWithFile(t *testing.T) {
	s := set(t)
	c, err := s.WithFile(Body, copyFile(t, "test.ttf", t.TempDir(), "mine.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Chain(Body), " "); got != testFace+" FandolFang-Regular NotoSerifSC-Regular" {
		t.Fatalf("Chain(body) = %s, want the file's face, then the default chain", got)
	}
	tests := []struct {
		r         rune
		face      string
		adv, upem int
		why       string
	}{
		{'A', testFace, 1200, 2048, "simple glyph"},
		{'B', testFace, 1300, 2048, "composite of a simple glyph"},
		{'C', testFace, 1400, 2048, "nested composite: its subset carries every component"},
		{'中', testFace, 2048, 2048, "CJK"},
		{'\U00020000', testFace, 2048, 2048, "beyond the BMP"},
		{'堃', NotoSerif, 1000, 1000, "fallback"},
	}
	for _, tc := range tests {
		face, adv, upem, ok := c.Glyph(Body, tc.r)
		if face != tc.face || adv != tc.adv || upem != tc.upem || !ok {
			t.Errorf("%s: Glyph(body, %q) = %s, %d, %d, %v; want %s, %d, %d", tc.why, tc.r, face, adv, upem, ok, tc.face, tc.adv, tc.upem)
		}
	}
	if face, adv, upem, ok := c.Glyph(Body, '\uE000'); face != testFace || adv != 1024 || upem != 2048 || ok {
		t.Errorf("Glyph(body, U+E000) = %s, %d, %d, %v; want the file's .notdef", face, adv, upem, ok)
	}
	if face, _, _, _ := s.Glyph(Body, 'A'); face != FandolFang {
		t.Errorf("WithFile changed the original set: body A from %s", face)
	}
	if got := strings.Join(c.Chain(Kai), " "); got != "LXGWWenKai-Regular NotoSerifSC-Regular" {
		t.Errorf("Chain(kai) = %s: WithFile changed another role", got)
	}
	want, _ := os.ReadFile(filepath.Join("testdata", "test.ttf"))
	if got, err := c.Data(testFace); err != nil || !bytes.Equal(got, want) {
		t.Errorf("Data(%s) = %d bytes, %v; want the file's %d", testFace, len(got), err, len(want))
	}
}

func TestWithFileNames(t *testing.T) {
	dir := t.TempDir()
	p1 := copyFile(t, "test.ttf", dir, "one.ttf")
	p2 := copyFile(t, "test.ttf", dir, "two.ttf", 0, 0, 0, 0) // same names, other bytes
	s1, err := set(t).WithFile(Body, p1)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		role, path, want string
	}{
		{Kai, p2, testFace + "-2"}, // a different face of that name is in the set
		{Title, p1, testFace},      // the same file keeps its name
		{Body, p2, testFace + "-2"},
	}
	s := s1
	for _, st := range steps {
		if s, err = s.WithFile(st.role, st.path); err != nil {
			t.Fatal(err)
		}
		if got := s.Chain(st.role)[0]; got != st.want {
			t.Errorf("WithFile(%s, %s): face %s, want %s", st.role, filepath.Base(st.path), got, st.want)
		}
	}
	a, _ := s.Data(testFace)
	b, _ := s.Data(testFace + "-2")
	if len(a)+4 != len(b) {
		t.Errorf("faces %s and -2 have %d and %d bytes: want one.ttf and two.ttf", testFace, len(a), len(b))
	}
}

// TestWithFileEmbeddedName picks a copy of an embedded font: its face must
// not take the embedded face's name, or the PDF would mix them up.
func TestWithFileEmbeddedName(t *testing.T) {
	s := set(t)
	data, _ := s.Data(FandolFang)
	p := filepath.Join(t.TempDir(), "fang.ttf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := s.WithFile(Body, p)
	if err != nil {
		t.Fatal(err)
	}
	want := "FandolFang-Regular-2 FandolFang-Regular NotoSerifSC-Regular"
	if got := strings.Join(c.Chain(Body), " "); got != want {
		t.Errorf("Chain(body) = %s, want %s", got, want)
	}
}

func TestWithFileCache(t *testing.T) {
	p := copyFile(t, "test.ttf", t.TempDir(), "cached.ttf")
	a, _ := set(t).WithFile(Song, p)
	b, _ := set(t).WithFile(Song, p)
	da, _ := a.Data(testFace)
	db, _ := b.Data(testFace)
	if &da[0] != &db[0] {
		t.Error("the same unchanged file was read twice")
	}
	copyFile(t, "test.ttf", filepath.Dir(p), "cached.ttf", 0, 0, 0, 0)
	later := time.Now().Add(time.Minute)
	os.Chtimes(p, later, later)
	c, _ := set(t).WithFile(Song, p)
	if dc, _ := c.Data(testFace); len(dc) != len(da)+4 {
		t.Errorf("a changed file was not reread: %d bytes, want %d", len(dc), len(da)+4)
	}
}

// TestWithFileSystemFont uses a real installed font: DejaVu Sans has
// nested composites (Ǆ U+01C4), which it draws itself.
func TestWithFileSystemFont(t *testing.T) {
	const path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	if _, err := os.Stat(path); err != nil {
		t.Fatal("DejaVu Sans not installed: install fonts-dejavu-core (scripts/setup.sh)")
	}
	c, err := set(t).WithFile(Song, path)
	if err != nil {
		t.Fatal(err)
	}
	if face, adv, upem, ok := c.Glyph(Song, '1'); face != "DejaVuSans" || adv != 1303 || upem != 2048 || !ok {
		t.Errorf("Glyph(song, 1) = %s, %d, %d, %v; want DejaVuSans, 1303, 2048", face, adv, upem, ok)
	}
	if face, _, _, ok := c.Glyph(Song, 'Ǆ'); face != "DejaVuSans" || !ok {
		t.Errorf("Glyph(song, Ǆ) = %s, %v; want DejaVuSans: a nested composite is the face's own", face, ok)
	}
}

func TestWithFileRefuses(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.ttf")
	os.WriteFile(garbage, []byte("这不是字体文件，只是一些文字而已。"), 0o644)
	empty := filepath.Join(dir, "empty.ttf")
	os.WriteFile(empty, nil, 0o644)
	ttf, _ := os.ReadFile(filepath.Join("testdata", "test.ttf"))
	cut := filepath.Join(dir, "cut.ttf")
	os.WriteFile(cut, ttf[:200], 0o644)
	tests := []struct {
		path, msg string
		unusable  bool
	}{
		{copyFile(t, "pair.ttc", dir, "simsun.ttc") + "#SimSun", "中没有名为“SimSun”的字体；其中的字体有：0 ReplyDeskTest-Regular（答复测试体）、1 ReplyDeskTest-Regular（答复测试体）", true},
		{copyFile(t, "pair.ttc", dir, "pair.ttc") + "#2", "只有 2 个字体（编号 0–1），没有编号 2", true},
		{copyFile(t, "test.ttf", dir, "single.ttf") + "#Other", "中没有名为“Other”的字体", true},
		{copyFile(t, "mac.ttf", dir, "mac.ttf"), "没有 Windows Unicode 字符映射表", true},
		{garbage, "不是有效的字体文件", true},
		{empty, "不是有效的字体文件", true},
		{cut, "已损坏", true},
		{dir, "是文件夹", true},
		{filepath.Join(dir, "absent.ttf"), "不存在", false},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			_, err := set(t).WithFile(Body, tc.path)
			file, _, _ := strings.Cut(tc.path, "#")
			if err == nil || !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), "“"+file+"”") {
				t.Fatalf("WithFile(%s) error = %v; want one naming the file and %q", tc.path, err, tc.msg)
			}
			if errors.Is(err, ErrUnusable) != tc.unusable {
				t.Errorf("errors.Is(%v, ErrUnusable) = %v, want %v", err, !tc.unusable, tc.unusable)
			}
		})
	}
	if _, err := set(t).WithFile("bold", garbage); err == nil || !strings.Contains(err.Error(), "未知的字体角色“bold”") {
		t.Errorf("unknown role: %v", err)
	}
}
