package fonts

import (
	"fmt"
	"math/bits"
	"runtime"
	"strings"
	"sync"
	"testing"

	"replydesk/assets"
)

// set returns the process's default Set.
func set(tb testing.TB) *Set {
	tb.Helper()
	s, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// freshSet returns a default Set whose faces no other test has read.
func freshSet(tb testing.TB) (*Set, map[string]*Face) {
	tb.Helper()
	faces := newEmbeddedFaces()
	s, err := newSet(faces)
	if err != nil {
		tb.Fatal(err)
	}
	return s, faces
}

// count returns how many code points m maps.
func (m *metrics) count() int {
	n := len(m.astral)
	for _, w := range m.has {
		n += bits.OnesCount64(w)
	}
	return n
}

func TestEmbeddedFonts(t *testing.T) {
	// Code points as fontTools counts them (assets/fonts/SOURCES.md).
	want := map[string]int{FandolFang: 10273, NotoSerif: 30928, NotoSerifBold: 30928, NotoSans: 30890, LXGWWenKai: 28872}
	s := set(t)
	for name, n := range want {
		t.Run(name, func(t *testing.T) {
			data, err := s.Data(name)
			if err != nil {
				t.Fatal(err)
			}
			if kind, err := checkFont(data); err != nil || kind != glyfOutlines {
				t.Errorf("checkFont = %v, %v; want TrueType outlines", kind, err)
			}
			m := s.byName[name].metrics()
			if got := m.count(); got != n || m.upem != 1000 {
				t.Errorf("%d code points, %d units per em; want %d, 1000", got, m.upem, n)
			}
		})
	}
}

func TestGlyph(t *testing.T) {
	s := set(t)
	tests := []struct {
		role string
		r    rune
		face string
		adv  int
		ok   bool
	}{
		{Body, '中', FandolFang, 1000, true},
		{Body, '，', FandolFang, 1000, true},
		{Body, '1', FandolFang, 500, true},
		{Body, 'A', FandolFang, 739, true},
		{Body, '堃', NotoSerif, 1000, true}, // beyond GB2312: FandolFang lacks it
		{Body, '喆', NotoSerif, 1000, true},
		{Body, '镕', NotoSerif, 1000, true},
		{Body, '\uE000', FandolFang, 1000, false}, // private use: no face has it
		{Body, '\U00020000', FandolFang, 1000, false},
		{Title, '答', NotoSerifBold, 1000, true},
		{Title, '1', NotoSerifBold, 466, true},
		{Hei, '一', NotoSans, 1000, true},
		{Hei, '1', NotoSans, 555, true},
		{Hei, '\u9FFF', NotoSans, 1000, false}, // hei has no fallback
		{Kai, '楷', LXGWWenKai, 1000, true},
		{Kai, '\u4DB5', NotoSerif, 1000, true}, // Ext-A: LXGW WenKai lacks it
		{Song, '1', NotoSerif, 471, true},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%U", tc.role, tc.r), func(t *testing.T) {
			face, adv, upem, ok := s.Glyph(tc.role, tc.r)
			if face != tc.face || adv != tc.adv || upem != 1000 || ok != tc.ok {
				t.Errorf("Glyph(%s, %q) = %s, %d, %d, %v; want %s, %d, 1000, %v",
					tc.role, tc.r, face, adv, upem, ok, tc.face, tc.adv, tc.ok)
			}
		})
	}
}

// An unknown role is a mistake of the program and stops it, naming the
// role: it never falls back to the body text's faces unnoticed.
func TestUnknownRole(t *testing.T) {
	s := set(t)
	defer func() {
		err, _ := recover().(error)
		if err == nil || !strings.Contains(err.Error(), "未知的字体角色“bold”") {
			t.Errorf("Glyph(bold) recovered %v, want an error naming the role", err)
		}
	}()
	face, _, _, _ := s.Glyph("bold", '中')
	t.Errorf("Glyph(bold) = %s, want a panic", face)
}

func TestFandolLacksNameCharacters(t *testing.T) {
	m := set(t).byName[FandolFang].metrics()
	for _, r := range "堃喆镕" {
		if _, ok := m.lookup(r); ok {
			t.Errorf("FandolFang has %q: the fallback test above proves nothing", r)
		}
	}
}

func TestChain(t *testing.T) {
	s := set(t)
	for role, want := range map[string]string{
		Title: "NotoSerifSC-Bold NotoSerifSC-Regular",
		Body:  "FandolFang-Regular NotoSerifSC-Regular",
		Hei:   "NotoSansSC-Regular",
		Kai:   "LXGWWenKai-Regular NotoSerifSC-Regular",
		Song:  "NotoSerifSC-Regular",
	} {
		if got := strings.Join(s.Chain(role), " "); got != want {
			t.Errorf("Chain(%s) = %s, want %s", role, got, want)
		}
	}
}

func TestMissing(t *testing.T) {
	s := set(t)
	tests := []struct {
		role, text, want string
	}{
		{Body, "王\uE000堃 同\uE000志\n\U00020000\t\u3000。", "\uE000\U00020000"},
		{Body, "您在市政协十四届二次会议上提出的提案收悉。", ""},
		{Hei, "一、\u9FFF总体情况\u9FFF", "\u9FFF"},
		{Kai, "（一）\u4DB5", ""},
		{Song, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.role, func(t *testing.T) {
			if got := string(s.Missing(tc.role, tc.text)); got != tc.want {
				t.Errorf("Missing(%s, %q) = %q, want %q", tc.role, tc.text, got, tc.want)
			}
		})
	}
}

func TestData(t *testing.T) {
	s := set(t)
	a, err := s.Data(FandolFang)
	if err != nil || len(a) < 1<<20 || string(a[:4]) != "\x00\x01\x00\x00" {
		t.Fatalf("Data(%s): %d bytes, %v", FandolFang, len(a), err)
	}
	if b, _ := s.Data(FandolFang); &a[0] != &b[0] {
		t.Error("Data returned a new slice: the renderers' caches key on it")
	}
	if _, err := s.Data("SimSun"); err == nil || !strings.Contains(err.Error(), "SimSun") {
		t.Errorf("Data of an unknown face: %v, want an error naming it", err)
	}
}

// TestDataNotCopied checks that the bytes of an embedded face are the
// font embedded in the binary, not a copy: fetching all five faces (63 MB)
// allocates next to nothing, and the renderers and the window's theme
// share the one array.
func TestDataNotCopied(t *testing.T) {
	s, _ := freshSet(t)
	names := []string{FandolFang, NotoSerif, NotoSerifBold, NotoSans, LXGWWenKai}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got := make([][]byte, len(names))
	for i, name := range names {
		var err error
		if got[i], err = s.Data(name); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("Data of the embedded faces allocated %d bytes: the fonts are copied", n)
	}
	for i, name := range names {
		want, ok := assets.Font(name + ".ttf")
		if !ok || len(got[i]) != len(want) || &got[i][0] != &want[0] {
			t.Errorf("Data(%s) is not the embedded array", name)
		}
	}
}

// TestLazy checks that Default reads nothing and a lookup reads only the
// faces it needs: render must not parse fonts a document does not use.
func TestLazy(t *testing.T) {
	s, faces := freshSet(t)
	read := func() string {
		var out []string
		for _, name := range []string{FandolFang, NotoSerif, NotoSerifBold, NotoSans, LXGWWenKai} {
			f := faces[name]
			if f.met != nil {
				out = append(out, name)
			}
			if f.data != nil {
				out = append(out, name+"(data)")
			}
		}
		return strings.Join(out, " ")
	}
	steps := []struct {
		do   func()
		want string
	}{
		{func() {}, ""},
		{func() { s.Glyph(Body, '中') }, FandolFang},
		{func() { s.Glyph(Body, '堃') }, FandolFang + " " + NotoSerif},
		{func() { s.Data(NotoSans) }, FandolFang + " " + NotoSerif + " " + NotoSans + "(data)"},
	}
	for i, st := range steps {
		st.do()
		if got := read(); got != st.want {
			t.Errorf("step %d: faces read: %q, want %q", i, got, st.want)
		}
	}
}

// TestConcurrent looks characters up and fetches bytes from many
// goroutines while the faces are read for the first time (run with -race).
func TestConcurrent(t *testing.T) {
	s, _ := freshSet(t)
	text := []rune("您在市政协十四届二次会议上提出的提案收悉现答复如下堃喆镕0123456789")
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range Roles {
				role := Roles[(i+g)%len(Roles)]
				for _, r := range text {
					if _, _, _, ok := s.Glyph(role, r); !ok {
						t.Errorf("%s lacks %q", role, r)
					}
				}
				if _, err := s.Data(s.Chain(role)[0]); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
}

func ExampleSet_Glyph() {
	s, _ := Default()
	for _, r := range "中堃1" {
		face, adv, upem, ok := s.Glyph(Body, r)
		fmt.Println(string(r), face, adv, upem, ok)
	}
	// Output:
	// 中 FandolFang-Regular 1000 1000 true
	// 堃 NotoSerifSC-Regular 1000 1000 true
	// 1 FandolFang-Regular 500 1000 true
}
