package wordml

import (
	"reflect"
	"testing"
)

// lvlXML writes a numbering level.
func lvlXML(ilvl, start, format, text, extra string) string {
	return `<w:lvl w:ilvl="` + ilvl + `"><w:start w:val="` + start + `"/><w:numFmt w:val="` + format + `"/>` + extra +
		`<w:lvlText w:val="` + text + `"/></w:lvl>`
}

var numberingXML = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + nsDecl + `>` +
	`<w:abstractNum w:abstractNumId="0">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>` +
	`<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>` +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1">` +
	lvlXML("0", "1", "decimal", "%1", "") + lvlXML("1", "1", "decimal", "%1.%2", "") +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="2">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="ideographDigital"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1、"/></w:lvl>` +
	lvlXML("1", "1", "bullet", "●", "") +
	`</w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="5"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>` +
	`</w:numbering>`

func TestNumbering(t *testing.T) {
	styles := `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + nsDecl + `>` +
		`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
		`</w:styles>`
	num := func(id, ilvl, text string) string {
		return paragraphXML(`<w:numPr><w:ilvl w:val="`+ilvl+`"/><w:numId w:val="`+id+`"/></w:numPr>`, text)
	}
	body := num("1", "0", "总体情况") + num("1", "1", "甲") + num("1", "1", "乙") + num("1", "2", "细目") + num("1", "3", "小项") +
		num("1", "0", "下一步") + num("1", "1", "丙") +
		num("3", "0", "同一抽象编号接续") +
		num("2", "0", "重新编号") +
		paragraphXML(`<w:pStyle w:val="1"/>`, "样式编号") +
		paragraphXML(`<w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr>`, "取消编号") +
		num("4", "0", "a") + num("4", "1", "b") + num("4", "1", "c") +
		num("5", "0", "九") + num("5", "0", "十") + num("5", "1", "圆点") +
		num("99", "0", "无此编号")
	d := read(t, docx(t, body, files{"word/numbering.xml": numberingXML, "word/styles.xml": styles}))
	want := []string{
		"一、总体情况", "（一）甲", "（二）乙", "1. 细目", "（1）小项",
		"二、下一步", "（一）丙",
		"三、同一抽象编号接续",
		"一、重新编号",
		"二、样式编号",
		"取消编号",
		"1 a", "1.1 b", "1.2 c",
		"九、九", "一〇、十", "圆点",
		"无此编号",
	}
	if got := texts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("numbered paragraphs =\n%q\nwant\n%q", got, want)
	}
	if d.Blocks[0].Number != "一、" || d.Blocks[3].Number != "1. " || d.Blocks[10].Number != "" {
		t.Errorf("Number = %q, %q, %q; want 一、, \"1. \", \"\"", d.Blocks[0].Number, d.Blocks[3].Number, d.Blocks[10].Number)
	}
}

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		n      int
		format string
		want   string
	}{
		{1, "decimal", "1"}, {7, "decimalZero", "07"}, {12, "decimalZero", "12"},
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {99, "chineseCounting", "九十九"}, {100, "chineseCounting", "一百"},
		{101, "chineseCounting", "一百零一"}, {110, "chineseCounting", "一百一十"}, {1010, "chineseCountingThousand", "一千零一十"},
		{2023, "chineseCounting", "二千零二十三"}, {10000, "chineseCounting", "10000"},
		{10, "ideographDigital", "一〇"}, {2023, "ideographDigital", "二〇二三"},
		{10, "chineseLegalSimplified", "壹拾"}, {13, "chineseLegalSimplified", "壹拾叁"},
		{1, "ideographTraditional", "甲"}, {10, "ideographTraditional", "癸"}, {11, "ideographTraditional", "11"},
		{3, "ideographZodiac", "寅"},
		{1, "decimalEnclosedCircle", "①"}, {20, "decimalEnclosedCircleChinese", "⑳"}, {21, "decimalEnclosedCircle", "21"},
		{2, "decimalEnclosedParen", "⑵"}, {3, "decimalEnclosedFullstop", "⒊"}, {12, "decimalFullWidth", "１２"},
		{1, "lowerLetter", "a"}, {28, "upperLetter", "BB"}, {4, "lowerRoman", "iv"}, {1999, "upperRoman", "MCMXCIX"},
		{5, "ordinalText", "5"},
	} {
		t.Run(c.format+"/"+c.want, func(t *testing.T) {
			if got := formatNumber(c.n, c.format); got != c.want {
				t.Errorf("formatNumber(%d, %q) = %q, want %q", c.n, c.format, got, c.want)
			}
		})
	}
}
