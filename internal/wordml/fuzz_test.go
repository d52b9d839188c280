package wordml

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// checkResult is the invariant of every read: a document within the
// limits, or a refusal with a Chinese message.
func checkResult(t *testing.T, d *Document, err error) {
	t.Helper()
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || !hasHan(e.Msg) || d != nil {
			t.Fatalf("Read = %v, %v; want a document or an *Error with a Chinese message", d, err)
		}
		return
	}
	if len(d.Blocks) > maxItems {
		t.Fatalf("%d blocks, over the limit %d", len(d.Blocks), maxItems)
	}
	text := d.Text()
	if len(text) > maxText+len(d.Blocks)*8 || !utf8.ValidString(text) || !utf8.ValidString(d.Header) {
		t.Fatalf("Text() of %d bytes (valid UTF-8: %v)", len(text), utf8.ValidString(text))
	}
	for i, b := range d.Blocks {
		if b.Table == nil && b.Number != "" && !bytes.HasPrefix([]byte(b.Text), []byte(b.Number)) {
			t.Fatalf("block %d: text %q does not start with its number %q", i, b.Text, b.Number)
		}
	}
}

// FuzzRead reads arbitrary bytes as a .docx.
func FuzzRead(f *testing.F) {
	f.Add(replyLetter(f))
	f.Add(docx(f, paragraphXML("", "答复"), nil))
	f.Add(oleFile("EncryptedPackage"))
	f.Add(oleFile("WordDocument"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Read(bytes.NewReader(b), int64(len(b)))
		checkResult(t, d, err)
	})
}

// FuzzBody reads arbitrary document.xml bodies with the reply letter's
// styles and numbering, where the reader's own logic is exercised.
func FuzzBody(f *testing.F) {
	f.Add(letterBody)
	f.Add(`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>`)
	f.Add(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)
	f.Add(`<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r></w:p>`)
	f.Add(`<w:p><w:r><w:txbxContent><w:p><w:r><w:t>x</w:t></w:r></w:p></w:txbxContent></w:r></w:p>`)
	extra := files{"word/styles.xml": letterStyles, "word/numbering.xml": letterNumbering, "word/header1.xml": letterHeader}
	f.Fuzz(func(t *testing.T, body string) {
		b := docx(t, body, extra)
		d, err := Read(bytes.NewReader(b), int64(len(b)))
		checkResult(t, d, err)
	})
}

// TestMutations reads 2,000 damaged copies of the reply letter and of
// other seeds (bytes overwritten at random, fixed seed): each gives a
// bounded document or a refusal, at a bounded cost.
func TestMutations(t *testing.T) {
	seeds := [][]byte{replyLetter(t), docx(t, paragraphXML("", "答复"), nil), oleFile("EncryptedPackage"), oleFile("WordDocument")}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		b := bytes.Clone(seeds[i%len(seeds)])
		for range 1 + rng.IntN(4) {
			b[rng.IntN(len(b))] = byte(rng.IntN(256))
		}
		var d *Document
		var err error
		if alloc := allocated(func() { d, err = Read(bytes.NewReader(b), int64(len(b))) }); alloc > maxMutationAlloc {
			t.Errorf("mutation %d allocated %d bytes, want at most %d", i, alloc, maxMutationAlloc)
		}
		checkResult(t, d, err)
	}
}
