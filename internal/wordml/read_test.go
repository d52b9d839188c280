package wordml

import (
	"reflect"
	"testing"
)

func TestReadText(t *testing.T) {
	r := func(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
	p := func(content string) string { return `<w:p>` + content + `</w:p>` }
	textBox := func(text string) string {
		return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>` +
			`<wps:wsp><wps:txbx><w:txbxContent>` + p(r(text)) + `</w:txbxContent></wps:txbx></wps:wsp>` +
			`</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
			`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + p(r(text)) + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` +
			`</mc:AlternateContent></w:r>`
	}
	for _, c := range []struct {
		name string
		body string
		want []string
	}{
		{"paragraphs in order", p(r("第一段")) + p(r("第二段")), []string{"第一段", "第二段"}},
		{"runs joined", p(r("答复") + r("函")), []string{"答复函"}},
		{"empty paragraph kept", p("") + p(r("a")), []string{"", "a"}},
		{"tab and line break", p(r("a") + `<w:r><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t></w:r>`), []string{"a\tb\nc\nd"}},
		{"page break between texts", p(r("正文") + `<w:r><w:br w:type="page"/></w:r>` + r("附件")), []string{"正文\n附件"}},
		{"page break at end dropped", p(r("正文") + `<w:r><w:br w:type="page"/></w:r>`), []string{"正文"}},
		{"page break alone", p(`<w:r><w:br w:type="page"/></w:r>`), []string{""}},
		{"non-breaking hyphen", p(r("0898") + `<w:r><w:noBreakHyphen/></w:r>` + r("66881234")), []string{"0898-66881234"}},
		{"soft hyphen dropped", p(r("ab") + `<w:r><w:softHyphen/></w:r>` + r("c")), []string{"abc"}},
		{"sym Symbol bullet and Wingdings box", p(`<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="Wingdings" w:char="F0A8"/><w:sym w:font="Wingdings 2" w:char="F052"/></w:r>`), []string{"•□☑"}},
		{"sym plain code", p(`<w:r><w:sym w:font="宋体" w:char="3007"/></w:r>`), []string{"〇"}},
		{"tracked insertion kept, deletion dropped", p(r("答复") + `<w:ins w:id="1" w:author="a"><w:r><w:t>如下</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>如上</w:delText></w:r></w:del>`), []string{"答复如下"}},
		{"move to kept, move from dropped", p(`<w:moveFrom w:id="1"><w:r><w:t>旧处</w:t></w:r></w:moveFrom>`+r("甲")) + p(`<w:moveTo w:id="2"><w:r><w:t>新处</w:t></w:r></w:moveTo>`), []string{"甲", "新处"}},
		{"deleted paragraph mark joins next", `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>` + r("前半") + `</w:p>` + p(r("后半")), []string{"前半后半"}},
		{"deleted paragraph dropped", `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:del w:id="2" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del></w:p>` + p(r("留下")), []string{"留下"}},
		{"deleted mark at the end kept", p(r("a")) + `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>` + r("末") + `</w:p>`, []string{"a", "末"}},
		{"field code dropped, result kept", p(r("第") + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("3") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` + r("页")), []string{"第3页"}},
		{"nested field in code dropped", p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>` + r("x") + `<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("inner") + `<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("结果") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`), []string{"结果"}},
		{"simple field result kept", p(`<w:fldSimple w:instr=" DATE "><w:r><w:t>2023年6月20日</w:t></w:r></w:fldSimple>`), []string{"2023年6月20日"}},
		{"hyperlink and content control transparent", `<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>` + p(`<w:hyperlink r:id="x">`+r("链接")+`</w:hyperlink>`) + `</w:sdtContent></w:sdt>`, []string{"链接"}},
		{"hidden text dropped", p(`<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>` + `<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r>`), []string{"显示"}},
		{"text box before anchor paragraph", p(textBox("某某市交通运输局")+r("")) + p(r("正文")), []string{"某某市交通运输局", "", "正文"}},
		{"text box after text", p(r("盖章处") + textBox("印")), []string{"盖章处", "印"}},
		{"VML text box alone", p(`<w:r><w:pict><v:shape><v:textbox><w:txbxContent>` + p(r("框内")) + `</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`), []string{"框内", ""}},
		{"table", `<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc><w:tcPr/>` + p(r("序号")) + `</w:tc><w:tc>` + p(r("事项")) + `</w:tc></w:tr><w:tr><w:tc>` + p(r("1")) + `</w:tc><w:tc>` + p(r("第一行")) + p(r("第二行")) + `</w:tc></w:tr></w:tbl>`, []string{"[table]序号\t事项\n1\t第一行/第二行"}},
		{"deleted table row dropped", `<w:tbl><w:tr>` + `<w:tc>` + p(r("a")) + `</w:tc></w:tr><w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr><w:tc>` + p(r("b")) + `</w:tc></w:tr></w:tbl>`, []string{"[table]a"}},
		{"nested table in a cell", `<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>` + p(r("x")) + `</w:tc><w:tc>` + p(r("y")) + `</w:tc></w:tr></w:tbl>` + p("") + `</w:tc></w:tr></w:tbl>`, []string{"[table]x\ty/"}},
		{"rows in a content control", `<w:tbl><w:sdt><w:sdtContent><w:tr><w:tc>` + p(r("行")) + `</w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>`, []string{"[table]行"}},
		{"math text", p(`<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>`), []string{"x+1"}},
		{"old properties of a change ignored", paragraphXML(`<w:pStyle w:val="a"/><w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="old"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange>`, "文"), []string{"文"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := read(t, docx(t, c.body, nil))
			if got := texts(d); !reflect.DeepEqual(got, c.want) {
				t.Errorf("Read(%s) = %q, want %q", c.body, got, c.want)
			}
		})
	}
}

func TestReadProperties(t *testing.T) {
	stylesXML := `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + nsDecl + `>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>` +
		`<w:style w:type="character" w:styleId="a3c"><w:name w:val="Title Char"/></w:style>` +
		`</w:styles>`
	body := paragraphXML(`<w:pStyle w:val="a3"/>`, "标题") + paragraphXML(`<w:pStyle w:val="1"/>`, "一级") + paragraphXML(`<w:jc w:val="right"/>`, "右") +
		paragraphXML(`<w:pStyle w:val="a3"/><w:jc w:val="start"/>`, "直接") + paragraphXML("", "正文")
	d := read(t, docx(t, body, files{"word/styles.xml": stylesXML}))
	want := []Block{
		{Text: "标题", Style: "a3", StyleName: "Title", Align: "center"},
		{Text: "一级", Style: "1", StyleName: "heading 1", Align: "both"},
		{Text: "右", Align: "right"},
		{Text: "直接", Style: "a3", StyleName: "Title", Align: "left"},
		{Text: "正文", Align: "both"},
	}
	if !reflect.DeepEqual(d.Blocks, want) {
		t.Errorf("Read blocks =\n%+v\nwant\n%+v", d.Blocks, want)
	}
}

func TestDocumentText(t *testing.T) {
	d := &Document{Blocks: []Block{{Text: "标题"}, {Table: [][]string{{"a", "b\nc"}, {"d", ""}}}, {Text: "末\t尾"}}}
	if got, want := d.Text(), "标题\na\tb c\nd\t\n末\t尾"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
}
