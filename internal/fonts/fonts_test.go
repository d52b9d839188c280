package fonts

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func set(tb testing.TB) *Set {
	tb.Helper()
	s, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestGlyphChains(t *testing.T) {
	s := set(t)
	tests := []struct {
		role string
		r    rune
		face string
		adv  int
	}{
		{Body, '中', fandolFang, 1000},
		{Body, '，', fandolFang, 1000},
		{Body, '堃', notoSerif, 1000}, // beyond GB2312: FandolFang lacks it
		{Body, '喆', notoSerif, 1000},
		{Title, '答', notoSerifB, 1000},
		{Hei, '一', notoSans, 1000},
		{Kai, '楷', lxgwWenKai, 1000},
		{Song, '1', notoSerif, 0},
	}
	for _, tc := range tests {
		t.Run(tc.role+string(tc.r), func(t *testing.T) {
			face, adv, upem, ok := s.Glyph(tc.role, tc.r)
			if !ok || face != tc.face || upem != 1000 {
				t.Fatalf("Glyph(%s, %q) = %s, %d, %d, %v; want %s", tc.role, tc.r, face, adv, upem, ok, tc.face)
			}
			if tc.adv != 0 && adv != tc.adv {
				t.Errorf("advance of %q = %d, want %d", tc.r, adv, tc.adv)
			}
			if tc.adv == 0 && (adv <= 0 || adv >= 1000) {
				t.Errorf("advance of %q = %d, want a proportional width", tc.r, adv)
			}
		})
	}
	if _, _, _, ok := s.Glyph(Body, '\uE000'); ok {
		t.Error("U+E000 (private use) reported as present")
	}
}

func TestMissing(t *testing.T) {
	got := set(t).Missing(Body, "王\uE000堃 同\uE000志\n\U000F0000")
	if string(got) != "\uE000\U000F0000" {
		t.Errorf("Missing = %q, want U+E000 and U+F0000", string(got))
	}
}

func TestData(t *testing.T) {
	s := set(t)
	a, err := s.Data(fandolFang)
	if err != nil || len(a) < 1<<20 || string(a[:4]) != "\x00\x01\x00\x00" {
		t.Fatalf("Data(%s): %d bytes, %v", fandolFang, len(a), err)
	}
	b, _ := s.Data(fandolFang)
	if &a[0] != &b[0] {
		t.Error("Data returned a new slice: the renderers' caches key on it")
	}
	if _, err := s.Data("nope"); err == nil {
		t.Error("Data of an unknown face gave no error")
	}
}

func TestWithFile(t *testing.T) {
	s := set(t)
	kai, _ := s.Data(lxgwWenKai)
	p := filepath.Join(t.TempDir(), "mykai.ttf")
	if err := os.WriteFile(p, kai, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := s.WithFile(Body, p)
	if err != nil {
		t.Fatal(err)
	}
	chain := c.Chain(Body)
	if len(chain) != 3 || chain[1] != fandolFang || chain[2] != notoSerif {
		t.Fatalf("chain = %v, want the file's face, then the default chain", chain)
	}
	if face, _, _, _ := c.Glyph(Body, '中'); face != chain[0] {
		t.Errorf("body 中 from %s, want %s", face, chain[0])
	}
	if face, _, _, _ := s.Glyph(Body, '中'); face != fandolFang {
		t.Errorf("WithFile changed the original set: %s", face)
	}
	if d, _ := c.Data(chain[0]); len(d) != len(kai) {
		t.Errorf("Data of the file's face: %d bytes, want %d", len(d), len(kai))
	}
}

func TestWithFileRefuses(t *testing.T) {
	dir := t.TempDir()
	files := map[string]struct {
		data []byte
		msg  string
	}{
		"simsun.ttc":  {append([]byte("ttcf"), make([]byte, 64)...), "字体集合"},
		"cff.otf":     {append([]byte("OTTO"), make([]byte, 64)...), "CFF"},
		"garbage.ttf": {[]byte("这不是字体文件，只是一些文字而已。"), "已损坏"},
		"empty.ttf":   {nil, "已损坏"},
	}
	for name, f := range files {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			os.WriteFile(p, f.data, 0o644)
			_, err := set(t).WithFile(Body, p)
			if err == nil || !strings.Contains(err.Error(), f.msg) || !strings.Contains(err.Error(), name) || !errors.Is(err, ErrUnusable) {
				t.Errorf("WithFile(%s) error = %v, want one naming the file and %q", name, err, f.msg)
			}
		})
	}
	if _, err := set(t).WithFile("bold", filepath.Join(dir, "x.ttf")); err == nil || !strings.Contains(err.Error(), "角色") {
		t.Errorf("unknown role: %v", err)
	}
	if _, err := set(t).WithFile(Body, filepath.Join(dir, "absent.ttf")); err == nil || !strings.Contains(err.Error(), "无法读取") {
		t.Errorf("absent file: %v", err)
	}
}

func TestInstalled(t *testing.T) {
	s := set(t)
	dir := t.TempDir()
	for _, name := range []string{notoSans, lxgwWenKai} {
		d, _ := s.Data(name)
		os.WriteFile(filepath.Join(dir, name+".ttf"), d, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "broken.ttf"), []byte("garbage"), 0o644)
	got, err := installedIn([]string{dir, filepath.Join(dir, "absent")})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("Installed found %+v, want the two fonts and not the broken file", got)
	}
	for _, f := range got {
		if !f.CJK || !f.Usable || f.Family == "" {
			t.Errorf("%+v: want a usable CJK font with a family name", f)
		}
	}
	if !strings.Contains(got[0].Family+got[1].Family, "霞鹜文楷") {
		t.Errorf("families %q, %q: want the Chinese family name 霞鹜文楷", got[0].Family, got[1].Family)
	}
}

func TestConcurrentGlyph(t *testing.T) {
	s := set(t)
	text := []rune("您在市政协十四届二次会议上提出的提案收悉现答复如下堃喆镕0123456789")
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, role := range Roles {
				for _, r := range text {
					if _, _, _, ok := s.Glyph(role, r); !ok {
						t.Errorf("%s lacks %q", role, r)
					}
				}
			}
		}()
	}
	wg.Wait()
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		Default()
	}
}

func BenchmarkGlyph(b *testing.B) {
	s := set(b)
	text := []rune("近几年我市职业教育聚焦吉林省一主六双产业布局规划，开设17大类百余种专业。")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s.Glyph(Body, text[i%len(text)])
	}
}

func BenchmarkMissing(b *testing.B) {
	s := set(b)
	text := strings.Repeat("近几年我市职业教育聚焦吉林省产业布局规划，开设17大类百余种专业。", 40)
	for b.Loop() {
		s.Missing(Body, text)
	}
}

func BenchmarkInstalled(b *testing.B) {
	for b.Loop() {
		Installed()
	}
}
