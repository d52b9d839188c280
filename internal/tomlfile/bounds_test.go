package tomlfile

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"
	"unicode/utf16"
)

// hostile are files of about 200 KB built to make a reader slow or greedy.
func hostile() []struct{ name, src, want string } {
	var keys strings.Builder
	for i := 0; keys.Len() < 200<<10; i++ {
		keys.WriteString("k" + strconv.Itoa(i) + " = 1\n")
	}
	var items strings.Builder
	items.WriteString("a = [")
	for items.Len() < 200<<10 {
		items.WriteString("1,")
	}
	items.WriteString("]\n")
	return []struct{ name, src, want string }{
		{"deep arrays", "# 深\na = " + strings.Repeat("[", 200<<10), "第2行：嵌套层数过多"},
		{"deep inline tables", "a = " + strings.Repeat("{b=", 200<<10/3), "第1行：嵌套层数过多"},
		{"deep after a header", "[x]\n[[y]]\nb = [[[[[[[[[[[[[[[[[[[[[[" + strings.Repeat("[", 200<<10), "第3行：嵌套层数过多"},
		{"many keys", keys.String(), "键和小节太多"},
		{"many headers", strings.Repeat("[[a]]\n", 200<<10/6), "键和小节太多"},
		{"many items", items.String(), "第1行：列表中的项太多"},
		{"long line", "title = \"" + strings.Repeat("长", 200<<10/3) + "\"\n", "第1行：这一行太长"},
		{"long body line", "[text]\nbody = \"\"\"\n" + strings.Repeat("x", 200<<10) + "\n\"\"\"\n", "第3行：这一行太长"},
	}
}

// cost runs f and returns its time and the bytes it allocated, heap and
// goroutine stack together.
func cost(f func()) (time.Duration, uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	if after.StackSys > before.StackSys {
		alloc += after.StackSys - before.StackSys
	}
	return took, alloc
}

func TestHostileFilesRefused(t *testing.T) {
	for _, c := range hostile() {
		t.Run(c.name, func(t *testing.T) {
			var rerr, serr error
			took, alloc := cost(func() {
				_, rerr = ReadReply(strings.NewReader(c.src), "h.reply.toml")
				_, serr = LoadStyle(fstest.MapFS{"h.toml": {Data: []byte(c.src)}}, "h")
			})
			t.Logf("%d KB: %v, %.1f MB allocated", len(c.src)>>10, took, float64(alloc)/(1<<20))
			for _, err := range []error{rerr, serr} {
				var e *Error
				if !errors.As(err, &e) || !strings.Contains(err.Error(), c.want) {
					t.Errorf("error = %v, want an *Error with %q", err, c.want)
				}
			}
			if took > time.Second || alloc > 64<<20 {
				t.Errorf("refusing took %v and %d MB, want ≤ 1 s and ≤ 64 MB", took, alloc>>20)
			}
		})
	}
}

// TestBoundsLeaveRealFilesAlone checks that the limits do not refuse what
// a reply legitimately holds: long paragraphs, big tables, brackets and
// "=" inside text.
func TestBoundsLeaveRealFilesAlone(t *testing.T) {
	var rows strings.Builder
	for i := range 3000 {
		rows.WriteString(`  ["` + strconv.Itoa(i) + `", "[[{{=,#'单位", "甲"],` + "\n")
	}
	src := minimal + "\n[[attachments]]\ntitle = \"名单\"\n[attachments.table]\nrows = [\n" + rows.String() + "]\n"
	src = strings.Replace(src, "第一段。", strings.Repeat("很长的一段[[{{=,", 2000), 1)
	r, err := ReadReply(strings.NewReader(src), "r.reply.toml")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(r.Attachments[0].Table.Rows); n != 3000 {
		t.Errorf("read %d rows, want 3000", n)
	}
}

func utf16Bytes(s string, big, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	var out []byte
	for _, u := range units {
		if big {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestUTF16Read(t *testing.T) {
	src, err := os.ReadFile("../../templates/examples/reply-244.reply.toml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := ReadReply(bytes.NewReader(src), "r.reply.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		big, bom bool
	}{{"LE with BOM", false, true}, {"BE with BOM", true, true}, {"LE", false, false}, {"BE", true, false}} {
		got, err := ReadReply(bytes.NewReader(utf16Bytes(string(src), c.big, c.bom)), "r.reply.toml")
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("UTF-16 %s: %v", c.name, err)
		}
		s, err := LoadStyle(fstest.MapFS{"u.toml": {Data: utf16Bytes(goodStyle, c.big, c.bom)}}, "u")
		if err != nil || s.Description != "测试" {
			t.Errorf("UTF-16 style %s: %v", c.name, err)
		}
	}
	bom := append([]byte{0xEF, 0xBB, 0xBF}, src...)
	if got, err := ReadReply(bytes.NewReader(bom), "r.reply.toml"); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("UTF-8 with BOM: %v", err)
	}
}

func TestNotUTF8(t *testing.T) {
	// "中文" in GB18030 on line 3.
	src := []byte("kind = \"提案\"\n[item]\ntitle = \"\xd6\xd0\xce\xc4\"\n")
	_, err := ReadReply(bytes.NewReader(src), "g.reply.toml")
	if err == nil || !strings.HasPrefix(err.Error(), "g.reply.toml 第3行：文件不是 UTF-8 编码") {
		t.Errorf("GB18030 file: %v", err)
	}
	_, err = ReadReply(bytes.NewReader([]byte{0xFF, 0xFE, 'a', 0, '='}), "o.reply.toml")
	if err == nil || !strings.Contains(err.Error(), "UTF-16") || !chineseFirst(err.(*Error).Msg) {
		t.Errorf("truncated UTF-16 file: %v", err)
	}
}

// chineseFirst reports whether msg says what it says in Chinese first:
// after an optional "TOML ", its first character is a Han character.
func chineseFirst(msg string) bool {
	for _, r := range strings.TrimPrefix(msg, "TOML ") {
		return unicode.Is(unicode.Han, r)
	}
	return false
}

// TestSyntaxErrorsInChinese checks that no message of the TOML library
// reaches the user without a Chinese explanation before it.
func TestSyntaxErrorsInChinese(t *testing.T) {
	for _, src := range []string{
		"a = 1\n[", "a = 0xZZ", "a = 1.e5x", "[a]\n[a]", "a = \"\\q\"", "a = \"\\u12\"",
		"a = 1 b = 2", "a\n", "= 1", ".a = 1", "a = 1,", "a = [1 2]", "a = {b = 1 c = 2}", "a = {b = 1,,}", "[]\n", "[a\n",
		"[[a]\n", "a = 99999999999999999999", "a = 'x", "a = '''x", "a = \"\"\"x", "a = \"x", "a = \x01",
		"a = 2023-13-45", "a = 01", "a = 1__0", "a = [1,,2]", "a.b = 1\na.b = 2", "a = \"\x00\"",
	} {
		_, err := ReadReply(strings.NewReader(src), "s.reply.toml")
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: %v is not an *Error", src, err)
			continue
		}
		hint, ok := strings.CutPrefix(e.Msg, "TOML 格式错误：")
		if e.Key != "" {
			hint, ok = e.Msg, true
		}
		if !ok || !chineseFirst(hint) || strings.Contains(e.Msg, "写法有误，请对照示例") {
			t.Errorf("%q: message %q is not told in Chinese", src, e.Msg)
		}
	}
}

// FuzzLoadStyle checks the style reader by invariant: whatever the bytes,
// it returns within the limits, never panics, and every error is an
// *Error naming the file, with a line unless it is about a key the file
// lacks or the file as a whole.
func FuzzLoadStyle(f *testing.F) {
	f.Add([]byte(goodStyle))
	for _, c := range hostile() {
		f.Add([]byte(c.src[:min(len(c.src), 2000)]))
	}
	if b, err := os.ReadFile("../../templates/提案答复.toml"); err == nil {
		f.Add(b)
		f.Add(utf16Bytes(string(b), false, true))
	}
	for _, s := range []string{"", "\xff\xfe", "[page]\nformat = 1", "kind = \"提案\"\n[category]\nchoices = [[1]]", "a = [{}]\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := LoadStyle(fstest.MapFS{"f.toml": {Data: data}}, "f")
		if err == nil {
			return
		}
		var list []error
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			list = j.Unwrap()
		} else {
			list = []error{err}
		}
		for _, e := range list {
			te, ok := e.(*Error)
			if !ok {
				t.Fatalf("error %v is a %T, not an *Error", e, e)
			}
			if te.File != "f.toml" || !chineseFirst(te.Msg) && te.Key == "" {
				t.Fatalf("error %q does not name the file or is not in Chinese", te)
			}
			if te.Line == 0 && te.Key == "" && !strings.HasPrefix(te.Msg, "文件") {
				t.Fatalf("error %q has no line", te)
			}
		}
	})
}
