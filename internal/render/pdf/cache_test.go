package pdf

import (
	"bytes"
	"testing"

	"replydesk/internal/page"
	"replydesk/internal/render/rendertest"
)

// forget empties the caches of documents, font programs and gopdf's
// output.
func forget() {
	for _, c := range []interface{ clear() }{documents, programs, toUnicodeMaps, gopdfKept, pageStreams} {
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
	if kept := write(); !bytes.Equal(kept, fresh) {
		t.Error("the document written with its font programs and gopdf's output kept differs")
	}
	documents.clear()
	gopdfKept.clear()
	pageStreams.clear()
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
	// A document of the same glyphs in another order on its pages: gopdf's
	// output is the one kept, the contents its own.
	swapped := mixedDoc()
	p := swapped.Pages[0].Runs
	p[0].Glyphs, p[1].Glyphs = p[1].Glyphs, p[0].Glyphs
	documents.clear()
	var sw bytes.Buffer
	if err := Write(&sw, swapped, testFaces, Options{Creator: "ReplyDesk", CompressLevel: -1}); err != nil {
		t.Fatal(err)
	}
	forget()
	var swFresh bytes.Buffer
	if err := Write(&swFresh, swapped, testFaces, Options{Creator: "ReplyDesk", CompressLevel: -1}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(sw.Bytes(), swFresh.Bytes()) {
		t.Error("a document of the same glyphs rearranged differs when gopdf's output is kept")
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
