package wordml

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "write testdata/reply-letter.docx anew")

// letterStyles are the styles of the reply letter, named as Chinese Word
// names them (ids "1", "2", "a3").
var letterStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ` + nsDecl + `>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr>` +
	`<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr>` +
	`<w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>` +
	`<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:ind w:firstLine="640"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>` +
	`<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:ind w:firstLine="640"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:styleId="a4"><w:name w:val="Table Grid"/></w:style>` +
	`</w:styles>`

// letterNumbering numbers headings 一、 and （一） as a 公文 template does.
var letterNumbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ` + nsDecl + `>` +
	`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="2"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>` +
	`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`

// letterHeader is the first-page header: the issuer's name (红头) in a
// text box, as some templates place it, and a red rule.
var letterHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + nsDecl + `>` +
	`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>` +
	`<wps:wsp><wps:txbx><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>某某市交通运输局</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>` +
	`</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` +
	`<w:p><w:r><w:t>某某市交通运输局</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
	`<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:color="FF0000"/></w:pBdr></w:pPr></w:p></w:hdr>`

// letterBody is the body of a reply letter with a text box, tracked
// changes, automatic numbering, a field and a table.
var letterBody = `<w:p><w:r><w:t>B</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>同意公开</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>某交函〔2023〕56号</w:t></w:r>` +
	`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>` +
	`<w:p><w:r><w:t>签发人：张某</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
	`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>签发人：张某</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>关于市政协十三届二次会议</w:t></w:r><w:r><w:br/><w:t>第244号提案的答复</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t>王某某委员：</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t xml:space="preserve">    您提出的《关于缓解城区交通拥堵的提案》</w:t></w:r>` +
	`<w:del w:id="1" w:author="科员" w:date="2023-06-10T09:00:00Z"><w:r><w:delText>已收到</w:delText></w:r></w:del>` +
	`<w:ins w:id="2" w:author="科长" w:date="2023-06-11T09:00:00Z"><w:r><w:t>收悉</w:t></w:r></w:ins>` +
	`<w:r><w:t>，现答复如下：</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>关于交通拥堵治理</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>优化信号配时。</w:t></w:r><w:r><w:t>今年已完成</w:t></w:r>` +
	`<w:r><w:t>42</w:t></w:r><w:r><w:t>处路口改造。</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>增加公交线路。</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>下一步工作</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>我局将继续推进相关工作，详见下表。</w:t></w:r></w:p>` +
	`<w:tbl><w:tblPr><w:tblStyle w:val="a4"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="4000"/></w:tblGrid>` +
	`<w:tr><w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>事项</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>路口改造</w:t></w:r></w:p><w:p><w:r><w:t>年底完成</w:t></w:r></w:p></w:tc></w:tr>` +
	`</w:tbl>` +
	`<w:p><w:r><w:t>感谢您对交通运输工作的关心和支持。</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>某某市交通运输局</w:t></w:r></w:p>` +
	`<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "yyyy年M月d日" </w:instrText></w:r>` +
	`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2023年6月20日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
	`<w:p><w:r><w:t>（联系人：王某，联系电话：0898</w:t></w:r><w:r><w:noBreakHyphen/><w:t>66881234）</w:t></w:r></w:p>` +
	`<w:sectPr><w:headerReference w:type="default" r:id="rIdheader2"/><w:headerReference w:type="first" r:id="rIdheader1"/>` +
	`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>` +
	`<w:titlePg/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/></w:sectPr>`

// replyLetter builds the reply letter .docx.
func replyLetter(t testing.TB) []byte {
	return docx(t, letterBody, files{
		"word/styles.xml":    letterStyles,
		"word/numbering.xml": letterNumbering,
		"word/header1.xml":   letterHeader,
		"word/header2.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:hdr ` + nsDecl + `><w:p><w:r><w:t>续页页眉</w:t></w:r></w:p></w:hdr>`,
	})
}

// letterText is the text of the reply letter as Read gives it.
const letterText = "B\n同意公开\n某交函〔2023〕56号\n签发人：张某\n关于市政协十三届二次会议\n第244号提案的答复\n王某某委员：\n" +
	"    您提出的《关于缓解城区交通拥堵的提案》收悉，现答复如下：\n一、关于交通拥堵治理\n（一）优化信号配时。今年已完成42处路口改造。\n" +
	"（二）增加公交线路。\n二、下一步工作\n我局将继续推进相关工作，详见下表。\n序号\t事项\n1\t路口改造 年底完成\n感谢您对交通运输工作的关心和支持。\n" +
	"某某市交通运输局\n2023年6月20日\n（联系人：王某，联系电话：0898-66881234）"

func TestReplyLetter(t *testing.T) {
	b := replyLetter(t)
	path := filepath.Join("testdata", "reply-letter.docx")
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, in := range map[string][]byte{"built": b, "testdata": mustRead(t, path)} {
		t.Run(name, func(t *testing.T) {
			d := read(t, in)
			if got := d.Text(); got != letterText {
				t.Errorf("Text() =\n%s\nwant\n%s", got, letterText)
			}
			if d.Header != "某某市交通运输局" {
				t.Errorf("Header = %q, want the first-page header 某某市交通运输局", d.Header)
			}
			title := d.Blocks[4]
			if title.Style != "a3" || title.StyleName != "Title" || title.Align != "center" {
				t.Errorf("title block = %+v, want style a3 (Title), centred", title)
			}
			h := d.Blocks[7]
			if h.Number != "一、" || h.StyleName != "heading 1" || h.Align != "both" {
				t.Errorf("heading block = %+v, want number 一、, heading 1, justified", h)
			}
			tbl := d.Blocks[12].Table
			if want := [][]string{{"序号", "事项"}, {"1", "路口改造\n年底完成"}}; !reflect.DeepEqual(tbl, want) {
				t.Errorf("table = %q, want %q", tbl, want)
			}
		})
	}
}

func TestHeaderChoice(t *testing.T) {
	hdr := func(text string) string {
		return `<w:hdr ` + nsDecl + `><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p><w:p/></w:hdr>`
	}
	sect := func(inner string) string {
		return `<w:sectPr>` + inner + `</w:sectPr>`
	}
	refs := `<w:headerReference w:type="default" r:id="rIdheader2"/><w:headerReference w:type="first" r:id="rIdheader1"/>`
	for _, c := range []struct {
		name, body string
		h1, h2     string
		want       string
	}{
		{"first page header", sect(refs + `<w:titlePg/>`), "首页", "续页", "首页"},
		{"default without titlePg", sect(refs), "首页", "续页", "续页"},
		{"titlePg off", sect(refs + `<w:titlePg w:val="0"/>`), "首页", "续页", "续页"},
		{"empty first header falls back", sect(refs + `<w:titlePg/>`), "", "续页", "续页"},
		{"first section in a paragraph wins", `<w:p><w:pPr>` + sect(`<w:headerReference w:type="default" r:id="rIdheader1"/>`) + `</w:pPr></w:p>` + sect(`<w:headerReference w:type="default" r:id="rIdheader2"/>`), "第一节", "第二节", "第一节"},
		{"no section", "", "首页", "续页", ""},
		{"missing part", sect(`<w:headerReference w:type="default" r:id="rIdnone"/>`), "首页", "续页", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := read(t, docx(t, paragraphXML("", "正文")+c.body, files{"word/header1.xml": hdr(c.h1), "word/header2.xml": hdr(c.h2)}))
			if d.Header != c.want {
				t.Errorf("Header = %q, want %q", d.Header, c.want)
			}
			if d.Blocks[0].Text != "正文" {
				t.Errorf("Blocks[0] = %q, want 正文", d.Blocks[0].Text)
			}
		})
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestReplyLetter -update to write it)", err)
	}
	return b
}

func BenchmarkRead(b *testing.B) {
	in := replyLetter(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(in), int64(len(in))); err != nil {
			b.Fatal(err)
		}
	}
}
