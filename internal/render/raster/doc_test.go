package raster

import (
	"io"
	"testing"

	"replydesk/internal/page"
	"replydesk/internal/render/rendertest"
)

// testFaces are the faces of the tests (package rendertest).
var testFaces = rendertest.NewFaces()

const mm = page.Millimetre

// bodyText is a passage of a reply letter, repeated to fill pages.
var bodyText = []rune("近年来，党和国家高度重视职业教育，把职业教育摆在前所未有的突出位置，密集出台重大政策，" +
	"修订完善《职业教育法》，支持职业教育发展。党的十八大以来，国家层面陆续出台并实施《关于深化产教融合的若干意见》" +
	"《建设产教融合型企业实施办法（试行）》《职业学校校企合作促进办法》等一系列政策，长春市也抓住了机遇，" +
	"开展现代学徒制、产教融合型城市等一系列试点工作，产教融合、校企合作有了很大发展。但是，目前我们的产教融合、" +
	"校企合作确实还存在着不同程度的问题，最突出的表现就是融合、合作的范围窄、程度浅、形式单一、稳定性差。" +
	"针对这一情况，我市采取了一系列措施，主要内容为：聚焦主导产业，服务经济社会发展。近几年，我市职业教育聚焦" +
	"吉林省“一主、六双”产业布局规划，瞄准长春市现代都市圈产业结构及产业要素，开设17大类百余种专业，" +
	"覆盖我市现代新型汽车、轨道客车等先进制造业领域，累计为全市各行各业培养输送15万高素质劳动者和技术技能人才。")

// replyPage is an A4 page laid out like a reply: a title, a red rule and
// lines×perLine body glyphs of 16 pt on 156 mm lines (every fifth line in
// the bold face).
func replyPage(lines, perLine int) *page.Doc {
	var p page.Page
	title := page.Run{Face: "WenKaiBold", Size: 22 * page.Point, Color: page.Red, Y: 45 * mm,
		Glyphs: rendertest.GlyphsOf("关于进一步推进职业教育产教融合的答复", 30*mm, 22*page.Point)}
	p.Runs = append(p.Runs, title)
	p.Rules = append(p.Rules, page.Rule{X1: 28 * mm, Y1: 52 * mm, X2: 182 * mm, Y2: 52 * mm, Width: mm / 2, Color: page.Red})
	k := 0
	pitch := 156 * mm / page.Length(perLine)
	for l := 0; l < lines; l++ {
		face := "WenKai"
		if l%5 == 4 {
			face = "WenKaiBold"
		}
		r := page.Run{Face: face, Size: 16 * page.Point, Y: 62*mm + page.Length(l)*(200*mm/page.Length(lines))}
		for i := 0; i < perLine; i++ {
			r.Glyphs = append(r.Glyphs, page.Glyph{R: bodyText[k%len(bodyText)], X: 28*mm + page.Length(i)*pitch, W: pitch})
			k++
		}
		p.Runs = append(p.Runs, r)
	}
	return &page.Doc{Width: 210 * mm, Height: 297 * mm, Pages: []page.Page{p}}
}

// BenchmarkRenderPreview draws an A4 reply page of 900 CJK glyphs at 96 dpi,
// the GUI's live preview, with glyph masks cached by earlier drawings.
func BenchmarkRenderPreview(b *testing.B) {
	rendertest.Need(b, "WenKai", "WenKaiBold")
	d := replyPage(30, 30)
	if _, err := Render(d, 0, testFaces, 96); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(d, 0, testFaces, 96); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderPreviewCold is BenchmarkRenderPreview with the glyph mask
// cache emptied before each drawing: the first preview, or one after a zoom.
func BenchmarkRenderPreviewCold(b *testing.B) {
	rendertest.Need(b, "WenKai", "WenKaiBold")
	d := replyPage(30, 30)
	if _, err := Render(d, 0, testFaces, 96); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		masks.Clear()
		if _, err := Render(d, 0, testFaces, 96); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPNG encodes an A4 page drawn at 96 dpi, the command line's
// preview output.
func BenchmarkPNG(b *testing.B) {
	rendertest.Need(b, "WenKai", "WenKaiBold")
	img, err := Render(replyPage(30, 30), 0, testFaces, 96)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := PNG(io.Discard, img); err != nil {
			b.Fatal(err)
		}
	}
}
