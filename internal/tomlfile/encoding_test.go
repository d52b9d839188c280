package tomlfile

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"replydesk/internal/textenc"
)

// toCRLF gives text Windows line ends.
func toCRLF(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// TestEncodingsKept reads the seed reply stored as Notepad stores text,
// changes the signer and saves: the file keeps its encoding, byte order
// mark and CR LF line ends, reads back with the change, and the user is
// told of a file that is not UTF-8.
func TestEncodingsKept(t *testing.T) {
	src := toCRLF(readExample(t))
	want := mustRead(t, []byte(readExample(t)))
	for _, c := range []struct {
		enc  textenc.Encoding
		note string
	}{
		{textenc.UTF8, ""},
		{textenc.UTF8BOM, ""},
		{textenc.UTF16LE, "UTF-16LE 编码的文本（记事本的“Unicode”），已转换读取"},
		{textenc.UTF16BE, "UTF-16BE 编码的文本"},
		{textenc.GB18030, "GB18030（GBK）编码的文本，已转换读取；保存时仍用 GB18030"},
	} {
		t.Run(c.enc.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "第244号 答复.reply.toml")
			if err := os.WriteFile(path, c.enc.Encode(src), 0o644); err != nil {
				t.Fatal(err)
			}
			r, note, err := ReadReplyFileNote(path)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if !reflect.DeepEqual(r, want) {
				t.Error("the reply differs from the UTF-8 one")
			}
			if c.note == "" && note != "" || !strings.Contains(note, c.note) || c.note != "" && !strings.HasPrefix(note, "第244号 答复.reply.toml 是") {
				t.Errorf("note = %q, want %q", note, c.note)
			}
			r.Signer = "王建国"
			if err := UpdateReplyFile(path, r); err != nil {
				t.Fatalf("save: %v", err)
			}
			out, _ := os.ReadFile(path)
			text, enc, err := textenc.Decode(out)
			if err != nil || enc != c.enc {
				t.Fatalf("saved as %v (%v), want %v", enc, err, c.enc)
			}
			if strings.Count(text, "\n") != strings.Count(text, "\r\n") {
				t.Error("a line end lost its CR")
			}
			if !strings.Contains(text, `signer = "王建国"`) {
				t.Error("the change is not in the file")
			}
			if got, err := ReadReplyFile(path); err != nil || got.Signer != "王建国" {
				t.Errorf("read back: %v", err)
			}
		})
	}
}

// TestWriteReplyFileHabits: a new file gets the system's line ends; a
// file written over (one that no longer reads as a reply) keeps its CR LF
// and byte order mark.
func TestWriteReplyFileHabits(t *testing.T) {
	if eolFor("windows") != "\r\n" || eolFor("linux") != "\n" || eolFor("darwin") != "\n" {
		t.Error("eolFor")
	}
	r := mustRead(t, []byte(readExample(t)))
	dir := t.TempDir()
	defer func(old string) { newFileEOL = old }(newFileEOL)
	for _, eol := range []string{"\r\n", "\n"} {
		newFileEOL = eol
		path := filepath.Join(dir, "new"+map[string]string{"\r\n": "crlf", "\n": "lf"}[eol]+".reply.toml")
		if err := WriteReplyFile(path, r); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(path)
		if crlf := strings.Count(string(b), "\r\n"); eol == "\r\n" && crlf != strings.Count(string(b), "\n") || eol == "\n" && crlf != 0 {
			t.Errorf("new file with %q: %d CR LF of %d line ends", eol, crlf, strings.Count(string(b), "\n"))
		}
		if got := mustRead(t, b); !reflect.DeepEqual(got, r) {
			t.Errorf("new file with %q reads back otherwise", eol)
		}
	}

	// What `replydesk new` prints: CR LF on Windows, LF elsewhere.
	for _, goos := range []string{"windows", "linux"} {
		newFileEOL = eolFor(goos)
		var b strings.Builder
		if err := WriteNewReply(&b, r); err != nil {
			t.Fatal(err)
		}
		crlf, lf := strings.Count(b.String(), "\r\n"), strings.Count(b.String(), "\n")
		if goos == "windows" && crlf != lf || goos != "windows" && crlf != 0 || lf < 20 {
			t.Errorf("WriteNewReply on %s: %d CR LF of %d line ends", goos, crlf, lf)
		}
		if got := mustRead(t, []byte(b.String())); !reflect.DeepEqual(got, r) {
			t.Errorf("WriteNewReply on %s reads back otherwise", goos)
		}
	}

	newFileEOL = "\n"
	path := filepath.Join(dir, "broken.reply.toml")
	os.WriteFile(path, []byte("\xEF\xBB\xBFkind = \"提案\r\n[item\r\n"), 0o644)
	if err := UpdateReplyFile(path, r); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(b), "\xEF\xBB\xBF# ") || strings.Count(string(b), "\r\n") != strings.Count(string(b), "\n") {
		t.Errorf("rewritten file lost its BOM or CR LF: %q…", b[:40])
	}
	if got, err := ReadReplyFile(path); err != nil || !reflect.DeepEqual(got, r) {
		t.Errorf("rewritten file: %v", err)
	}
}

// TestNotTextStillRefused: bytes that are neither Unicode nor clean
// GB18030 are refused with the line of the first bad byte.
func TestNotTextStillRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.reply.toml")
	os.WriteFile(path, []byte("kind = \"提案\"\n[item]\ntitle = \"\x81\x20\x01\"\n"), 0o644)
	if _, _, err := ReadReplyFileNote(path); err == nil || !strings.Contains(err.Error(), "第3行") {
		t.Errorf("read = %v, want a refusal naming line 3", err)
	}
}
