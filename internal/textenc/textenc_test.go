package textenc

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		want string
		enc  Encoding
	}{
		{"empty", nil, "", UTF8},
		{"ASCII", []byte("abc\r\n"), "abc\r\n", UTF8},
		{"UTF-8", []byte("答复函\n"), "答复函\n", UTF8},
		{"UTF-8 BOM", []byte("\xEF\xBB\xBF答复"), "答复", UTF8BOM},
		{"UTF-16LE BOM", []byte{0xFF, 0xFE, 0x54, 0x7B, 0x0D, 0x59, 0x0A, 0x00}, "答复\n", UTF16LE},
		{"UTF-16BE BOM", []byte{0xFE, 0xFF, 0x7B, 0x54, 0x59, 0x0D, 0x00, 0x0A}, "答复\n", UTF16BE},
		{"UTF-16LE no BOM, ASCII first", []byte{'A', 0, 0x54, 0x7B}, "A答", UTF16LENoBOM},
		{"UTF-16BE no BOM, ASCII first", []byte{0, 'A', 0x7B, 0x54}, "A答", UTF16BENoBOM},
		{"UTF-16LE no BOM, Chinese first", []byte{0x54, 0x7B, 0x0D, 0x59, 0x0A, 0x00}, "答复\n", UTF16LENoBOM},
		{"UTF-16BE no BOM, Chinese first", []byte{0x7B, 0x54, 0x59, 0x0D, 0x00, 0x0A}, "答复\n", UTF16BENoBOM},
		{"UTF-16 surrogate pair", []byte{0xFF, 0xFE, 0x40, 0xD8, 0x00, 0xDC}, "𠀀", UTF16LE},
		// GBK two-byte characters: 中文 = D6D0 CEC4, 答复 = B4F0 B8B4, 〇 = A996.
		{"GBK", []byte{0xD6, 0xD0, 0xCE, 0xC4, '\r', '\n', 0xB4, 0xF0, 0xB8, 0xB4}, "中文\r\n答复", GB18030},
		{"GBK 〇 and ASCII", []byte{'2', 0xA9, 0x96, '2', '3'}, "2〇23", GB18030},
		// GB18030 four-byte: U+20000 = 95 32 82 36, U+0080 = 81 30 81 30.
		{"GB18030 four-byte", []byte{0xD6, 0xD0, 0x95, 0x32, 0x82, 0x36}, "中𠀀", GB18030},
		{"GB18030 U+0080", []byte{0xD6, 0xD0, 0x81, 0x30, 0x81, 0x30}, "中\u0080", GB18030},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, enc, err := Decode(c.in)
			if err != nil || got != c.want || enc != c.enc {
				t.Fatalf("Decode(% x) = %q, %v, %v; want %q, %v", c.in, got, enc, err, c.want, c.enc)
			}
			if back := enc.Encode(got); !bytes.Equal(back, c.in) {
				t.Errorf("%v.Encode(%q) = % x, want % x", enc, got, back, c.in)
			}
		})
	}
}

func TestDecodeRefuses(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
	zip := []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4\xd2lZ\x01")
	for _, c := range []struct {
		name string
		in   []byte
		msg  string
	}{
		{"PNG", png, "无法识别文件的编码"},
		{"zip", zip, "无法识别文件的编码"},
		{"Latin-1 é with 0xFF", []byte("caf\xe9 \xff"), "无法识别文件的编码"},
		{"truncated GBK", []byte{0xD6, 0xD0, 0xCE}, "无法识别文件的编码"},
		{"GBK with control byte", []byte{0xD6, 0xD0, 0x01, 0xCE, 0xC4}, "无法识别文件的编码"},
		{"lone 0x80 (€ in cp936 only)", []byte{0xD6, 0xD0, 0x80}, "无法识别文件的编码"},
		{"odd UTF-16", []byte{0xFF, 0xFE, 0x54, 0x7B, 0x0D}, "UTF-16"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, enc, err := Decode(c.in)
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(e.Msg, c.msg) {
				t.Fatalf("Decode(% x) = %q, %v, %v; want an error containing %q", c.in, got, enc, err, c.msg)
			}
		})
	}
}

func TestDecodeUnicode(t *testing.T) {
	// GBK is refused here, with the line of the first bad byte.
	_, _, err := DecodeUnicode([]byte("a = 1\nb = 2\nc = \"\xD6\xD0\"\n"))
	var e *Error
	if !errors.As(err, &e) || e.Line != 3 || !strings.Contains(e.Msg, "GBK") {
		t.Fatalf("DecodeUnicode(GBK on line 3) = %v, want an error at line 3 naming GBK", err)
	}
	if s, enc, err := DecodeUnicode([]byte("\xEF\xBB\xBFa")); s != "a" || enc != UTF8BOM || err != nil {
		t.Errorf("DecodeUnicode(BOM a) = %q, %v, %v", s, enc, err)
	}
}

func TestUTF16DoubleBOM(t *testing.T) {
	// A UTF-8 file with a BOM converted to UTF-16 keeps a second mark.
	in := []byte{0xFF, 0xFE, 0xFF, 0xFE, 'a', 0}
	s, enc, err := Decode(in)
	if s != "a" || enc != UTF16LE || err != nil {
		t.Errorf("Decode(% x) = %q, %v, %v; want \"a\", UTF-16LE", in, s, enc, err)
	}
}

func TestString(t *testing.T) {
	for e, want := range map[Encoding]string{UTF8: "UTF-8", UTF16LE: "UTF-16LE", GB18030: "GB18030", 99: "未知编码"} {
		if got := e.String(); got != want {
			t.Errorf("Encoding(%d).String() = %q, want %q", e, got, want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range [][]byte{
		[]byte("答复函\n"), []byte("\xEF\xBB\xBF答"), {0xFF, 0xFE, 0x54, 0x7B}, {0xD6, 0xD0, 0xCE, 0xC4},
		{0x95, 0x32, 0x82, 0x36}, {'A', 0}, {0, 'A'}, {0x80}, []byte("\x89PNG\r\n"),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, enc, err := Decode(b)
		if err != nil {
			if s != "" {
				t.Fatalf("Decode(% x) returned text %q with error %v", b, s, err)
			}
			return
		}
		if strings.HasPrefix(s, "\uFEFF") {
			t.Fatalf("Decode(% x) = %q starts with a byte order mark", b, s)
		}
		if utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 && !bytes.HasPrefix(b, []byte(utf8BOM)) && s != string(b) {
			t.Fatalf("Decode(valid UTF-8 %q) = %q, %v", b, s, enc)
		}
		if !enc.UTF16() && !bytes.Equal(enc.Encode(s), b) {
			t.Fatalf("Decode(% x) = %q, %v; encoded back % x", b, s, enc, enc.Encode(s))
		}
		if !utf8.ValidString(s) {
			t.Fatalf("Decode(% x) = %q is not valid UTF-8", b, s)
		}
	})
}

func BenchmarkDecodeGB18030(b *testing.B) {
	in := GB18030.Encode(strings.Repeat("关于市政协十三届二次会议第244号提案的答复\r\n", 200))
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, enc, err := Decode(in); err != nil || enc != GB18030 {
			b.Fatal(enc, err)
		}
	}
}
