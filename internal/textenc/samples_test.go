package textenc

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSamples decodes the seed reply as iconv stores it: GB18030 (the
// same bytes as GBK here), UTF-16LE with a byte order mark, and
// UTF-16BE without one and with CR LF line ends.
func TestSamples(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "reply-244.utf8.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file string
		enc  Encoding
		crlf bool
	}{
		{"reply-244.utf8.txt", UTF8, false},
		{"reply-244.gb18030.txt", GB18030, false},
		{"reply-244.utf16le.txt", UTF16LE, false},
		{"reply-244.utf16be-nobom-crlf.txt", UTF16BENoBOM, true},
	} {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			got, enc, err := Decode(b)
			if c.crlf {
				got = strings.TrimSuffix(strings.ReplaceAll(got, "\r\n", "\n"), "\r") // sed ended the last line too
			}
			if err != nil || enc != c.enc || got != string(want) {
				t.Fatalf("Decode(%s) = %d bytes, %v, %v; want the seed reply as %v", c.file, len(got), enc, err, c.enc)
			}
			if text, _, _ := Decode(b); !bytes.Equal(enc.Encode(text), b) {
				t.Errorf("%v.Encode(Decode(%s)) differs from the file", enc, c.file)
			}
		})
	}
}
