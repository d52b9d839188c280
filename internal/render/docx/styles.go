package docx

import (
	"strconv"
	"strings"

	"replydesk/internal/fontrole"
	"replydesk/internal/letter"
)

// Word's units: twips (1/20 pt) for lengths, half-points for font sizes,
// eighths of a point for borders.

// twips converts micrometres to twips, rounded.
func twips(um int) int { return (um*72 + 635) / 1270 }

// The page in twips (GB/T 9704-2012 §5.2, constants of package letter).
var (
	pageW   = twips(letter.PaperWidth)
	pageH   = twips(letter.PaperHeight)
	marTop  = twips(letter.MarginTop)
	marLeft = twips(letter.MarginLeft)
	marRght = twips(letter.MarginRight)
	marBot  = twips(letter.MarginBottom)
	// textW is the width of the type area as Word sees it.
	textW = pageW - marLeft - marRght
	// cell is the pitch of a character of the grid: 156 mm / 28.
	cell = textW / letter.CharsPerLine
)

const (
	// linePitch is the pitch of the grid, 28.95 pt: 22 lines fill 225 mm
	// (28.99 pt) less Word's rounding to whole twips, as Word's own
	// 公文 templates set it.
	linePitch = 579
	// charSpacing is the character spacing of the text, in twips: 28
	// characters of 16 pt at −0.25 pt fill 441 pt of the 442.2 pt line,
	// where −0.2 pt would leave the 28th no room.
	charSpacing = -6
	// ruleCC is the 0.35 mm rule of the 版记 (§7.4.1) in eighths of a point.
	ruleCC = 8
	// ruleTable is the 0.25 mm rule of a table in eighths of a point.
	ruleTable = 6
	// red is the red of the header and its rules, as the PDF draws it.
	red = "E60000"
)

// charSpace is the docGrid's character pitch above 16 pt in 1/4096 pt, so
// that 28 characters fill the type area.
var charSpace = (textW*4096+letter.CharsPerLine*10)/(letter.CharsPerLine*20) - letter.BodySize*4096 // −841

// halfPoints is a size in points as Word's w:sz.
func halfPoints(pt int) string { return strconv.Itoa(2 * pt) }

// Official are the official font names of each role (GB/T 9704-2012 §5.1
// and local practice), with their English names and font classification,
// for the font table that lets Word and WPS choose a substitute.
var Official = map[string]Face{
	fontrole.Title: {"方正小标宋简体", "FZXiaoBiaoSong-B05S", "02000000000000000000", "script", "variable"},
	fontrole.Body:  {"仿宋_GB2312", "FangSong_GB2312", "02010609030101010101", "modern", "fixed"},
	fontrole.Hei:   {"黑体", "SimHei", "02010609060101010101", "modern", "fixed"},
	fontrole.Kai:   {"楷体_GB2312", "KaiTi_GB2312", "02010609030101010101", "modern", "fixed"},
	fontrole.Song:  {"宋体", "SimSun", "02010600030101010101", "auto", "variable"},
}

// Face is a font as the font table names it.
type Face struct {
	Name, AltName string
	Panose        string // PANOSE-1 classification, 10 bytes in hex
	Family, Pitch string // w:family and w:pitch
}

// fontsOf returns the face of each role: the official one, or the
// family the options name.
func fontsOf(opt Options) map[string]Face {
	out := make(map[string]Face, len(Official))
	for role, f := range Official {
		if n := strings.TrimSpace(opt.Fonts[role]); n != "" && n != f.Name {
			f = Face{Name: n, Family: f.Family, Pitch: f.Pitch}
		}
		out[role] = f
	}
	return out
}

// roles in the order of the font table.
var roles = []string{fontrole.Body, fontrole.Title, fontrole.Hei, fontrole.Kai, fontrole.Song}

// fontTable is word/fontTable.xml: each face with its alternative name,
// GB2312 character set and classification.
func fontTable(fonts map[string]Face) []byte {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<w:fonts xmlns:w="` + nsW + `">`)
	seen := map[string]bool{}
	for _, role := range roles {
		f := fonts[role]
		if seen[f.Name] {
			continue
		}
		seen[f.Name] = true
		b.WriteString(`<w:font w:name="` + esc(f.Name) + `">`)
		if f.AltName != "" {
			b.WriteString(`<w:altName w:val="` + esc(f.AltName) + `"/>`)
		}
		if f.Panose != "" {
			b.WriteString(`<w:panose1 w:val="` + f.Panose + `"/>`)
		}
		b.WriteString(`<w:charset w:val="86"/><w:family w:val="` + f.Family + `"/><w:pitch w:val="` + f.Pitch + `"/></w:font>`)
	}
	b.WriteString(`</w:fonts>`)
	return []byte(b.String())
}

// nsW is the WordprocessingML namespace.
const nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// rFonts sets every script of a run to the face of role.
func rFonts(fonts map[string]Face, role string) string {
	n := esc(fonts[role].Name)
	return `<w:rFonts w:ascii="` + n + `" w:hAnsi="` + n + `" w:eastAsia="` + n + `" w:cs="` + n + `"/>`
}

// Style ids.
const (
	sNormal     = "Normal"
	sTitle      = "Title"
	sH1         = "Heading1CN"
	sH2         = "Heading2CN"
	sH3         = "Heading3CN"
	sH4         = "Heading4CN"
	sMark       = "Mark"
	sNumber     = "DocNumber"
	sSalutation = "Salutation"
	sIssuer     = "Issuer"
	sDate       = "SignDate"
	sNote       = "Note"
	sList       = "AttachmentList"
	sLabel      = "AttachmentLabel"
	sAttTitle   = "AttachmentTitle"
	sCell       = "TableText"
	sHeadCell   = "TableHead"
	sCC         = "CC"
	sFolio      = "Folio"
	sHeader     = "IssuerMark"
	sTable      = "ReplyTable"
)

// chars is an indent of n hundredths of a grid character, with its length
// in twips for editors that ignore the character unit.
func chars(n int) string { return strconv.Itoa(n) }

// tw is a length in twips.
func tw(n int) string { return strconv.Itoa(n) }

// indent is a w:ind of left, right and first-line (negative: hanging)
// indents, in hundredths of a grid character.
func indent(left, right, first int) string {
	s := `<w:ind w:left="` + tw(left*cell/100) + `" w:leftChars="` + chars(left) + `" w:right="` + tw(right*cell/100) + `" w:rightChars="` + chars(right) + `"`
	switch {
	case first > 0:
		s += ` w:firstLine="` + tw(first*cell/100) + `" w:firstLineChars="` + chars(first) + `"`
	case first < 0:
		s += ` w:hanging="` + tw(-first*cell/100) + `" w:hangingChars="` + chars(-first) + `"`
	default:
		s += ` w:firstLine="0" w:firstLineChars="0"`
	}
	return s + `/>`
}

// styles is word/styles.xml.
func styles(fonts map[string]Face) []byte {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<w:styles xmlns:w="` + nsW + `">`)
	// Defaults: 3号仿宋, black, Chinese; 28.95 pt exact on the grid.
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + rFonts(fonts, fontrole.Body) +
		`<w:kern w:val="0"/><w:sz w:val="` + halfPoints(letter.BodySize) + `"/><w:szCs w:val="` + halfPoints(letter.BodySize) +
		`"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="` + tw(linePitch) +
		`" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	paragraphStyles(&b, fonts)
	tableStyle(&b)
	b.WriteString(`</w:styles>`)
	return []byte(b.String())
}

// paragraphStyle writes a paragraph style: its id and name, the style it
// is based on, its paragraph and run properties.
func paragraphStyle(b *strings.Builder, id, name, based, ppr, rpr string) {
	b.WriteString(`<w:style w:type="paragraph"`)
	if id == sNormal {
		b.WriteString(` w:default="1"`)
	}
	b.WriteString(` w:styleId="` + id + `"><w:name w:val="` + name + `"/>`)
	if based != "" {
		b.WriteString(`<w:basedOn w:val="` + based + `"/>`)
	}
	b.WriteString(`<w:next w:val="` + sNormal + `"/><w:qFormat/>`)
	if ppr != "" {
		b.WriteString(`<w:pPr>` + ppr + `</w:pPr>`)
	}
	if rpr != "" {
		b.WriteString(`<w:rPr>` + rpr + `</w:rPr>`)
	}
	b.WriteString(`</w:style>`)
}

// paragraphStyles writes the paragraph styles of the letter's blocks.
func paragraphStyles(b *strings.Builder, fonts map[string]Face) {
	st := func(id, name, based, ppr, rpr string) { paragraphStyle(b, id, name, based, ppr, rpr) }
	flush := indent(0, 0, 0)
	body := `<w:spacing w:val="` + tw(charSpacing) + `"/><w:sz w:val="32"/><w:szCs w:val="32"/>`
	// 正文 (Normal): paragraphs indented two characters, justified (§7.3.3).
	st(sNormal, "Normal", "", `<w:kinsoku/><w:overflowPunct/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="`+tw(linePitch)+`" w:lineRule="exact"/>`+indent(0, 0, 200)+`<w:jc w:val="both"/>`,
		rFonts(fonts, fontrole.Body)+`<w:color w:val="000000"/>`+body)
	// 标题: 2号小标宋, centred (§7.3.1).
	st(sTitle, "Title", sNormal, `<w:keepNext/>`+flush+`<w:jc w:val="center"/><w:outlineLvl w:val="9"/>`,
		rFonts(fonts, fontrole.Title)+`<w:spacing w:val="0"/><w:sz w:val="`+halfPoints(letter.TitleSize)+`"/><w:szCs w:val="`+halfPoints(letter.TitleSize)+`"/>`)
	// Headings (§7.3.4): 一、 黑体, （一） 楷体, 1. and （1） 仿宋.
	st(sH1, "一级标题", sNormal, `<w:keepNext/><w:outlineLvl w:val="0"/>`, rFonts(fonts, fontrole.Hei))
	st(sH2, "二级标题", sNormal, `<w:keepNext/><w:outlineLvl w:val="1"/>`, rFonts(fonts, fontrole.Kai))
	st(sH3, "三级标题", sNormal, `<w:keepNext/><w:outlineLvl w:val="2"/>`, "")
	st(sH4, "四级标题", sNormal, `<w:keepNext/><w:outlineLvl w:val="3"/>`, "")
	st(sMark, "标记", sNormal, flush+`<w:jc w:val="left"/>`, rFonts(fonts, fontrole.Hei))
	st(sNumber, "发文字号", sNormal, flush+`<w:jc w:val="center"/>`, "")
	st(sSalutation, "主送", sNormal, `<w:keepNext/>`+flush+`<w:jc w:val="left"/>`, "")
	st(sIssuer, "署名", sNormal, `<w:keepNext/>`+flush+`<w:jc w:val="right"/>`, "")
	st(sDate, "成文日期", sNormal, `<w:keepNext/>`+flush+`<w:jc w:val="right"/>`, "")
	st(sNote, "附注", sNormal, `<w:jc w:val="left"/>`, "")
	st(sList, "附件说明", sNormal, `<w:jc w:val="left"/>`, "")
	st(sLabel, "附件标签", sNormal, `<w:keepNext/><w:pageBreakBefore/>`+flush+`<w:jc w:val="left"/>`, rFonts(fonts, fontrole.Hei))
	st(sAttTitle, "附件标题", sTitle, "", "")
	// A cell's line is shorter than the grid's by the rule under it, so
	// that a row of one line takes one line of the grid.
	st(sCell, "表格文字", sNormal, `<w:spacing w:line="`+tw(linePitch-ruleTable*20/8)+`" w:lineRule="exact"/>`+flush+`<w:jc w:val="left"/>`, "")
	st(sHeadCell, "表头", sCell, `<w:jc w:val="center"/>`, rFonts(fonts, fontrole.Hei))
	// 抄送 (§7.4.2): 4号仿宋, one character in from either side.
	st(sCC, "抄送", sNormal, indent(100+300, 100, -300)+`<w:jc w:val="left"/>`,
		`<w:sz w:val="`+halfPoints(letter.CCSize)+`"/><w:szCs w:val="`+halfPoints(letter.CCSize)+`"/>`)
	// 页码 (§7.5): 4号宋体, off the grid.
	st(sFolio, "页码", sNormal, `<w:snapToGrid w:val="0"/><w:spacing w:line="`+tw(20*letter.FolioSize)+`" w:lineRule="exact"/>`+flush,
		rFonts(fonts, fontrole.Song)+`<w:spacing w:val="0"/><w:sz w:val="`+halfPoints(letter.FolioSize)+`"/><w:szCs w:val="`+halfPoints(letter.FolioSize)+`"/>`)
	// 发文机关标志 of the letter format (§10.1): red 小标宋, centred, on a
	// line exactly as high as its size, as the PDF sets it: a line
	// spacing from the font would grow with the ascent and descent of
	// whatever font an editor substitutes (Noto Sans CJK's line is 1.45
	// em), and a header that grows takes its height from page 1's text.
	st(sHeader, "发文机关标志", sNormal, `<w:snapToGrid w:val="0"/><w:spacing w:line="`+tw(20*letter.HeaderSize)+`" w:lineRule="exact"/>`+flush+`<w:jc w:val="center"/>`,
		rFonts(fonts, fontrole.Title)+`<w:color w:val="`+red+`"/><w:spacing w:val="0"/><w:sz w:val="`+halfPoints(letter.HeaderSize)+`"/><w:szCs w:val="`+halfPoints(letter.HeaderSize)+`"/>`)
}

// tableStyle writes the style of the attachments' tables: ruled 0.25 mm,
// cells inset 1.5 mm.
func tableStyle(b *strings.Builder) {
	pad := tw(twips(1500))
	border := `w:val="single" w:sz="` + strconv.Itoa(ruleTable) + `" w:space="0" w:color="000000"`
	b.WriteString(`<w:style w:type="table" w:styleId="` + sTable + `"><w:name w:val="公文表格"/><w:uiPriority w:val="59"/><w:qFormat/>` +
		`<w:pPr><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/></w:pPr>` +
		`<w:tblPr><w:tblBorders><w:top ` + border + `/><w:left ` + border + `/><w:bottom ` + border + `/><w:right ` + border +
		`/><w:insideH ` + border + `/><w:insideV ` + border + `/></w:tblBorders><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="` + pad +
		`" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="` + pad + `" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
}

// settings is word/settings.xml: odd and even footers (§7.5), Chinese line
// breaking rules, no compression of punctuation (the grid holds), and the
// compatibility mode of Word 2013 and later.
const settings = xmlHead + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>` +
	`<w:drawingGridVerticalSpacing w:val="579"/><w:displayHorizontalDrawingGridEvery w:val="0"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:spaceForUL/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>` +
	`<w:adjustLineHeightInTable/><w:useFELayout/>` +
	`<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>`
