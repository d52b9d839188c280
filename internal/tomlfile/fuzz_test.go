package tomlfile

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzReadReply checks ReadReply by invariant: it never panics, every error
// is in Chinese and names the file, and every reply it accepts comes back
// equal through WriteReply and ReadReply.
func FuzzReadReply(f *testing.F) {
	if src, err := os.ReadFile("../../templates/examples/reply-244.reply.toml"); err == nil {
		f.Add(string(src))
	}
	var buf bytes.Buffer
	if err := WriteReply(&buf, full()); err == nil {
		f.Add(buf.String())
	}
	for _, s := range []string{minimal, "", "kind = \"建议\"\n[text]\nbody = '''\na\n'''", "[[attachments]]\n[attachments.table]\nrows=[[]]",
		"[item]\nterm = \"十四\"\nnumber = 7\nproposers = \"甲、乙\"", "[signature]\ndate = \"2023年6月20日\"", "a.b.c = 1", "[x]\n[x.y]\n[[x.z]]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		r, err := ReadReply(strings.NewReader(src), "f.reply.toml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.reply.toml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		var out bytes.Buffer
		if err := WriteReply(&out, r); err != nil {
			t.Fatalf("WriteReply of an accepted reply: %v", err)
		}
		back, err := ReadReply(bytes.NewReader(out.Bytes()), "f.reply.toml")
		if err != nil {
			t.Fatalf("ReadReply(WriteReply(r)): %v\n%s", err, out.String())
		}
		if !reflect.DeepEqual(back, r) {
			t.Fatalf("round trip changed the reply:\n%#v\n%#v\nfile:\n%s", r, back, out.String())
		}
	})
}

// FuzzWriteReply checks the writer's quoting: any reply of valid UTF-8 text
// comes back equal (line ends as LF, trailing newlines of the body dropped).
func FuzzWriteReply(f *testing.F) {
	for _, s := range []string{"a\"b", `"""`, "\\", "\x00\x7f", "\r\n", "'''", "\"\"\"\"", "末尾\"", "\t#注释"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		r := full()
		r.Title, r.ItemTitle, r.Body, r.Proposers[0], r.Attachments[0].Body = a, b, a+"\n"+b, b, b
		r.Attachments[1].Table.Rows[0][1] = a
		var buf bytes.Buffer
		if err := WriteReply(&buf, r); err != nil {
			t.Fatal(err)
		}
		back, err := ReadReply(bytes.NewReader(buf.Bytes()), "w.reply.toml")
		if err != nil {
			t.Fatalf("ReadReply(WriteReply(r)): %v\n%s", err, buf.String())
		}
		norm := func(s string) string { return newlines(s) }
		want := r.Clone()
		want.Title, want.ItemTitle, want.Proposers[0] = norm(a), norm(b), norm(b)
		want.Body = strings.TrimRight(norm(a+"\n"+b), "\n")
		want.Attachments[0].Body = strings.TrimRight(norm(b), "\n")
		want.Attachments[1].Table.Rows[0][1] = norm(a)
		if !reflect.DeepEqual(*back, want) {
			t.Fatalf("round trip changed the reply:\n%q\n%q\nfile:\n%s", back.Body, want.Body, buf.String())
		}
	})
}
