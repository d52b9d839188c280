package pdf

import (
	"bytes"
	"io"
	"os"
	"testing"
	"unicode"

	"replydesk/internal/page"
	"replydesk/internal/render/rendertest"
)

// testFaces are the faces of the tests (package rendertest).
var testFaces = rendertest.NewFaces()

// replyText is the body of the seed reply, without blanks: about 1,900
// characters of which some 600 differ, as in a real reply.
var replyText = func() []rune {
	b, err := os.ReadFile("testdata/reply-244.txt")
	if err != nil {
		panic(err)
	}
	var rs []rune
	for _, r := range string(b) {
		if !unicode.IsSpace(r) {
			rs = append(rs, r)
		}
	}
	return rs
}()

// syntheticReply lays out pages×lines×perLine CJK glyphs on A4 the way the
// typesetter does for GB/T 9704 body text: 156 mm lines of 28 characters
// (slightly narrower than the 16 pt em, so glyphs are compressed), a title
// in faces[2], every fifth line in faces[1] and the rest in faces[0], with a
// red rule under the title.
func syntheticReply(faces [3]string, pages, lines, perLine int) *page.Doc {
	text := replyText
	d := &page.Doc{Width: 210 * page.Millimetre, Height: 297 * page.Millimetre,
		Meta: page.Meta{Title: "关于第244号提案的答复", Author: "长春市教育局", Subject: "提案答复", Keywords: "答复函, 提案"}}
	k := 0
	pitch := 156 * page.Millimetre / 28
	for p := 0; p < pages; p++ {
		var pg page.Page
		top := 37 * page.Millimetre
		if p == 0 {
			title := page.Run{Face: faces[2], Size: 22 * page.Point, Color: page.Black, Y: 50 * page.Millimetre}
			for i, r := range []rune("关于进一步推进职业教育产教融合的答复") {
				title.Glyphs = append(title.Glyphs, page.Glyph{R: r, X: 30*page.Millimetre + page.Length(i)*22*page.Point, W: 22 * page.Point})
			}
			pg.Runs = append(pg.Runs, title)
			pg.Rules = append(pg.Rules, page.Rule{X1: 28 * page.Millimetre, Y1: 56 * page.Millimetre,
				X2: 184 * page.Millimetre, Y2: 56 * page.Millimetre, Width: page.Millimetre / 2, Color: page.Red})
			top = 70 * page.Millimetre
		}
		for l := 0; l < lines; l++ {
			face := faces[0]
			if l%5 == 4 {
				face = faces[1]
			}
			r := page.Run{Face: face, Size: 16 * page.Point, Color: page.Black,
				Y: top + page.Length(l+1)*(225*page.Millimetre-(top-37*page.Millimetre))/page.Length(lines)}
			for i := 0; i < perLine; i++ {
				r.Glyphs = append(r.Glyphs, page.Glyph{R: text[k%len(text)], X: 28*page.Millimetre + page.Length(i)*pitch, W: pitch})
				k++
			}
			pg.Runs = append(pg.Runs, r)
		}
		d.Pages = append(d.Pages, pg)
	}
	return d
}

func glyphCount(d *page.Doc) int {
	n := 0
	for _, p := range d.Pages {
		for _, r := range p.Runs {
			n += len(r.Glyphs)
		}
	}
	return n
}

var benchFaces = [3]string{"WenKai", "WenKaiBold", "WenKaiLight"}

// BenchmarkWrite renders a synthetic three-page reply (about 2,500 CJK
// glyphs in three faces of 15–19 MB) with the fonts already parsed.
func BenchmarkWrite(b *testing.B) {
	rendertest.Need(b, benchFaces[:]...)
	d := syntheticReply(benchFaces, 3, 30, 28)
	var buf bytes.Buffer
	if err := Write(&buf, d, testFaces, Options{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, d, testFaces, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/pdf")
	b.ReportMetric(float64(glyphCount(d)), "glyphs")
}

// BenchmarkWriteCold is BenchmarkWrite with new faces for each document:
// the first export after start-up, reading three faces.
func BenchmarkWriteCold(b *testing.B) {
	rendertest.Need(b, benchFaces[:]...)
	d := syntheticReply(benchFaces, 3, 30, 28)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, d, rendertest.NewFaces(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
