package docx

import (
	"strings"

	"replydesk/internal/letter"
	"replydesk/internal/style"
)

// folioLift raises the page number above the footer's edge (20 mm above
// the bottom of the page, where the letter format's lower double line
// lies) so that the upper edge of its dashes stands 7 mm below the type
// area (§7.5: 一字线上距版心下边缘7mm). The number's line is exactly one
// em high, so its em box's top is the line's top; a CJK 宋体 (SimSun, as
// Word uses it) draws the 一字线 across the middle of its em box, so the
// dash's top stands folioDashDepth below the em box's top. Word's file
// cannot measure the font that will draw it; package layout, which can,
// places the PDF's dash by its outline.
var folioLift = twips(letter.PaperHeight-letter.MarginTop-letter.AreaHeight-letter.FolioDrop-letter.FolioSize*25400/72+folioDashDepth) - twips(letter.LetterBottom)

// folioDashDepth is how far the dash's top stands below the top of the
// em box of the page number, in micrometres: half an em of 4号.
const folioDashDepth = letter.FolioSize * 25400 / 72 / 2

// hdrFtr opens a header or footer part.
func hdrFtr(tag string) *strings.Builder {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<w:` + tag + ` xmlns:w="` + nsW + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	return &b
}

// footer is the footer of odd pages (right-aligned, one character of
// 4号 in from the right) or even pages (left-aligned, one in from the
// left): the page number as "— 1 —" in 4号宋体 (§7.5).
func footer(fonts map[string]Face, even bool) []byte {
	b := hdrFtr("ftr")
	one := tw(20 * letter.FolioSize)
	ind, jc := `<w:ind w:left="0" w:leftChars="0" w:right="`+one+`" w:rightChars="0" w:firstLine="0" w:firstLineChars="0"/>`, "right"
	if even {
		ind, jc = `<w:ind w:left="`+one+`" w:leftChars="0" w:right="0" w:rightChars="0" w:firstLine="0" w:firstLineChars="0"/>`, "left"
	}
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + sFolio + `"/><w:spacing w:after="` + tw(folioLift) + `"/>` + ind + `<w:jc w:val="` + jc + `"/></w:pPr>`)
	b.WriteString(run("— ") + `<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>` + run(" —") + `</w:p></w:ftr>`)
	return []byte(b.String())
}

// doubleLine is a red double line (§10.1) as the bottom border of a
// paragraph 170 mm wide, centred on the page, space points under its
// text: thick over thin under the header, thin over thick at the foot of
// the page. It returns the paragraph's w:pBdr and w:ind.
func doubleLine(foot bool, space int) (string, string) {
	val := "thickThinSmallGap"
	if foot {
		val = "thinThickSmallGap"
	}
	left := twips(letter.MarginLeft - (letter.PaperWidth-letter.LetterRule)/2)
	right := twips(letter.MarginRight - (letter.PaperWidth-letter.LetterRule)/2)
	return `<w:pBdr><w:bottom w:val="` + val + `" w:sz="24" w:space="` + tw(space) + `" w:color="` + red + `"/></w:pBdr>`,
		`<w:ind w:left="-` + tw(left) + `" w:leftChars="0" w:right="-` + tw(right) + `" w:rightChars="0" w:firstLine="0" w:firstLineChars="0"/>`
}

// firstHeader is the header of page 1 of the letter format: the issuer's
// mark in red 30 mm from the top of the page, the double line 4 mm under
// it.
func firstHeader(l *letter.Letter) []byte {
	b := hdrFtr("hdr")
	if l.Format == style.Letter {
		bdr, ind := doubleLine(false, letter.LetterGap*72/25400) // 4 mm in points
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + sHeader + `"/>` + bdr + ind + `<w:jc w:val="center"/></w:pPr>` + run(l.Header) + `</w:p>`)
	} else {
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + sFolio + `"/></w:pPr></w:p>`)
	}
	b.WriteString(`</w:hdr>`)
	return []byte(b.String())
}

// firstFooter is the footer of page 1 of the letter format: no page number,
// the lower double line 20 mm above the bottom edge.
func firstFooter(l *letter.Letter) []byte {
	b := hdrFtr("ftr")
	if l.Format == style.Letter {
		bdr, ind := doubleLine(true, 0)
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + sFolio + `"/>` + bdr + `<w:spacing w:line="20" w:lineRule="exact"/>` + ind + `</w:pPr></w:p>`)
	} else {
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + sFolio + `"/></w:pPr></w:p>`)
	}
	b.WriteString(`</w:ftr>`)
	return []byte(b.String())
}
