package pdf

import (
	"bytes"
	"testing"

	"replydesk/internal/page"
	"replydesk/internal/render/rendertest"
)

// forget empties the caches of documents and font programs.
func forget() {
	for _, c := range []interface{ clear() }{documents, programs, toUnicodeMaps} {
		c.clear()
	}
}

// TestCachesGiveFreshBytes: a document written from the caches (the whole
// PDF, or its font programs) is byte for byte the one written afresh.
func TestCachesGiveFreshBytes(t *testing.T) {
	rendertest.Need(t, "WenKai", "DejaVuSans")
	d := mixedDoc()
	write := func() []byte {
		var b bytes.Buffer
		if err := Write(&b, d, testFaces, Options{Creator: "ReplyDesk"}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	forget()
	fresh := write()
	if again := write(); !bytes.Equal(again, fresh) {
		t.Error("the document written again differs")
	}
	documents.clear()
	if programsOnly := write(); !bytes.Equal(programsOnly, fresh) {
		t.Error("the document written with its font programs kept differs")
	}
	// Another document, then the first again: the first is not disturbed,
	// and the second is not the first.
	other := mixedDoc()
	other.Pages[0].Runs[0].Glyphs[0].X += page.Point
	var b bytes.Buffer
	if err := Write(&b, other, testFaces, Options{Creator: "ReplyDesk"}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(b.Bytes(), fresh) {
		t.Error("a moved glyph gave the same PDF")
	}
	if again := write(); !bytes.Equal(again, fresh) {
		t.Error("the first document differs after another")
	}
	var o bytes.Buffer
	if err := Write(&o, d, testFaces, Options{Creator: "ReplyDesk", Producer: "x"}); err != nil || bytes.Equal(o.Bytes(), fresh) {
		t.Errorf("other options gave the same PDF (%v)", err)
	}
}

// TestLRU keeps the most recently used values.
func TestLRU(t *testing.T) {
	c := &lru[int, string]{size: 2}
	c.put(1, "a")
	c.put(2, "b")
	c.get(1)
	c.put(3, "c")
	if _, ok := c.get(2); ok {
		t.Error("the least recently used value was kept")
	}
	if v, ok := c.get(1); !ok || v != "a" {
		t.Error("a recently used value was dropped")
	}
}
