package docx

import (
	"strings"

	"replydesk/internal/fontrole"
	"replydesk/internal/letter"
	"replydesk/internal/style"
)

// doc writes the body of a letter.
type doc struct {
	l          *letter.Letter
	fonts      map[string]Face
	titleLines []string // the title's lines as the PDF sets them (Options.TitleLines)
	sigBlanks  int      // blank lines above the issuer as the PDF sets them (Options.SignatureBlanks); 0: the standard's
	b          strings.Builder
}

// pp is a paragraph's properties beyond its style, in schema order.
type pp struct {
	keepNext, widow bool
	frame, border   string // w:framePr and w:pBdr, whole elements
	tabs            string // w:tabs, whole element
	ind, jc         string // w:ind, whole element; w:jc value
}

// para writes a paragraph of style st with properties p and the runs.
func (d *doc) para(st string, p pp, runs ...string) {
	b := &d.b
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + st + `"/>`)
	if p.keepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	b.WriteString(p.frame)
	if p.widow {
		b.WriteString(`<w:widowControl/>`)
	}
	b.WriteString(p.border)
	b.WriteString(p.tabs)
	b.WriteString(p.ind)
	if p.jc != "" {
		b.WriteString(`<w:jc w:val="` + p.jc + `"/>`)
	}
	b.WriteString(`</w:pPr>`)
	for _, r := range runs {
		b.WriteString(r)
	}
	b.WriteString(`</w:p>`)
}

// blank writes an empty line of the grid.
func (d *doc) blank(keepNext bool) { d.para(sNormal, pp{keepNext: keepNext}) }

// run is text in the paragraph style's font; ""-text gives no run.
func run(text string) string {
	if text == "" {
		return ""
	}
	return `<w:r><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

// runAs is text in the font of role.
func (d *doc) runAs(text, role string) string {
	if text == "" {
		return ""
	}
	return `<w:r><w:rPr>` + rFonts(d.fonts, role) + `</w:rPr><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

// tab is a tab character.
const tab = `<w:r><w:tab/></w:r>`

// rightTab is a right-aligned tab stop at x twips from the left margin.
func rightTab(x int) string {
	return `<w:tabs><w:tab w:val="right" w:pos="` + tw(x) + `"/></w:tabs>`
}

// document is word/document.xml.
func (d *doc) document() []byte {
	b := &d.b
	b.Grow(16 << 10)
	b.WriteString(xmlHead)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`)
	d.head()
	d.text()
	d.signature()
	d.attachments()
	d.cc()
	d.sectPr()
	b.WriteString(`</w:body></w:document>`)
	return []byte(b.String())
}

// head writes the top of page 1: marks, 发文字号 and 签发人, title and
// salutation. Page 1 of the letterhead format starts under the space left
// for the pre-printed header; that of the letter format under the header
// part, which holds the red header and rules.
func (d *doc) head() {
	l := d.l
	if l.Format == style.Letterhead {
		for range letter.FirstLineBelow(l.HeaderSpace * 1000) {
			d.blank(false)
		}
	}
	rows := 0
	for i := range max(len(l.TopLeft), len(l.TopRight)) {
		var runs []string
		if i < len(l.TopLeft) {
			runs = append(runs, d.runAs(l.TopLeft[i].Text, l.TopLeft[i].Role))
		}
		if i < len(l.TopRight) {
			runs = append(runs, tab, d.runAs(l.TopRight[i].Text, l.TopRight[i].Role))
		}
		d.para(sMark, pp{tabs: rightTab(textW - cell)}, runs...)
		rows++
	}
	if d.numberLine() {
		rows++
	}
	// The title stands two lines below the top of the type area, or one
	// blank line below what is printed above it.
	if rows > 0 {
		d.blank(false)
		rows++
	}
	for ; rows < 2; rows++ {
		d.blank(false)
	}
	d.title(l.Title, sTitle, d.titleLines)
	d.blank(true)
	if l.Salutation != "" {
		d.para(sSalutation, pp{}, run(l.Salutation))
	}
}

// numberLine writes the line of the 发文字号 and 签发人, if there is one (see
// layout): in the letter format the number stands at the right edge and
// the 签发人 at the left with one character of indent; otherwise the number
// is centred, or, beside a 签发人, flush left with one character of indent
// while the 签发人 stands at the right with one character of indent.
func (d *doc) numberLine() bool {
	l := d.l
	if l.Number == "" && l.Signer == "" {
		return false
	}
	signer := []string{run(letter.SignerLabel), d.runAs(l.Signer, fontrole.Kai)}
	switch {
	case l.Signer == "":
		jc := ""
		if l.Format == style.Letter {
			jc = "right"
		}
		d.para(sNumber, pp{jc: jc}, run(l.Number))
	case l.Format == style.Letter:
		runs := append(signer, tab, run(l.Number))
		d.para(sNumber, pp{ind: indent(100, 0, 0), jc: "left", tabs: rightTab(textW)}, runs...)
	default:
		runs := append([]string{run(l.Number), tab}, signer...)
		d.para(sNumber, pp{ind: indent(100, 0, 0), jc: "left", tabs: rightTab(textW - cell)}, runs...)
	}
	return true
}

// title writes a title, its forced line breaks kept as line breaks
// (<w:br/>). lines, when they spell the title, are the lines the PDF
// breaks it into at its phrase boundaries: each starts a paragraph of its
// own, so that Word breaks the title where the PDF does.
func (d *doc) title(title, st string, lines []string) {
	var segs []string
	for _, seg := range strings.Split(title, "\n") {
		if seg = strings.TrimSpace(seg); seg != "" {
			segs = append(segs, seg)
		}
	}
	manual := titleBreaks(segs, lines)
	if manual == nil {
		lines, manual = segs, make([]bool, len(segs))
		for i := range manual {
			manual[i] = i > 0
		}
	}
	var runs []string
	for i, ln := range lines {
		switch {
		case i == 0:
		case manual[i]:
			runs = append(runs, `<w:r><w:br/></w:r>`)
		default:
			d.para(st, pp{keepNext: true}, runs...)
			runs = nil
		}
		runs = append(runs, run(ln))
	}
	d.para(st, pp{keepNext: true}, runs...)
}

// titleBreaks tells, for each of lines, whether a forced break stands
// before it (true) or the line breaks there for lack of room (false). It
// returns nil when lines do not spell segs in order.
func titleBreaks(segs, lines []string) []bool {
	if len(lines) == 0 || len(segs) == 0 {
		return nil
	}
	manual := make([]bool, len(lines))
	j, rest := 0, segs[0]
	for i, ln := range lines {
		if rest == "" {
			if j++; j == len(segs) {
				return nil
			}
			rest, manual[i] = segs[j], true
		}
		if ln == "" || !strings.HasPrefix(rest, ln) {
			return nil
		}
		rest = rest[len(ln):]
	}
	if rest != "" || j != len(segs)-1 {
		return nil
	}
	return manual
}

// headingStyles are the paragraph styles of the heading levels 1–4.
var headingStyles = [...]string{sH1, sH2, sH3, sH4}

// paragraph writes a paragraph of running text: a heading alone in its
// heading style, a run-in heading as its first sentence in the heading's
// font, else 正文. last marks the paragraph the signature follows, which
// keeps lines with it so that the signature never stands alone on a page
// (see lastProps).
func (d *doc) paragraph(p letter.Para, last bool) {
	var props pp
	if last {
		props = lastProps(p.Head + p.Rest)
	}
	switch {
	case p.Heading():
		d.para(headingStyles[p.Level-1], props, run(p.Head))
	case p.Head != "":
		d.para(sNormal, props, d.runAs(p.Head, p.HeadRole()), run(p.Rest))
	default:
		d.para(sNormal, props, run(p.Rest))
	}
}

// text writes the opening, body, closing and the 附件说明.
func (d *doc) text() {
	l := d.l
	for i, p := range l.Text {
		d.paragraph(p, i == len(l.Text)-1 && len(l.List) == 0)
	}
	if len(l.List) == 0 {
		return
	}
	d.blank(false)
	for i, it := range l.List {
		props := pp{ind: indent(500, 0, 0)}
		if i == len(l.List)-1 {
			props = lastProps(it.Text)
			props.ind = indent(500, 0, 0)
		}
		runs := []string{run(it.Text)}
		if i == 0 {
			props.ind = indent(500, 0, -300)
			runs = append([]string{run(letter.AttachmentLabel)}, runs...)
		}
		d.para(sList, props, runs...)
	}
}

// lastProps are the properties of the paragraph the signature follows:
// widow control, so that a paragraph split by the page keeps two lines
// with the signature; and, when it is short (three lines or less), keep
// with next, so that it goes over whole with the signature rather than
// leave the signature alone. A longer paragraph does not keep with next:
// LibreOffice would move it whole to the next page.
func lastProps(text string) pp {
	return pp{widow: true, keepNext: width(text) <= 3*100*letter.CharsPerLine-200}
}

// width is the width of text in hundredths of a grid character: wide
// characters take one, others half (letter.HalfCells).
func width(text string) int { return 50 * letter.HalfCells(text) }

// signature writes the issuer, the date, the notes and the end marks
// (GB/T 9704-2012 §7.3.5, placed by letter.SignaturePlace as package
// layout places them): with a seal, the date right-aligned with four
// characters of indent and the issuer centred over it, two blank lines
// under the text; without, the issuer right-aligned with two characters
// of indent one blank line under the text, and the date starting two
// characters further right (when the date is the longer, it takes the
// two-character indent and the issuer moves to match). A long issuer
// moves the block left, never past the right margin, and one longer than
// letter.IssuerMaxCells is broken over lines (letter.IssuerLines), each
// centred over the date (sealed) or right-aligned. All of it keeps
// together. Where the PDF reduced the blank lines above a sealed signature
// to one (Options.SignatureBlanks), Word gets one too; the seal is told by
// the document's properties (PropSeal), not by the blank lines.
func (d *doc) signature() {
	l := d.l
	lines := letter.IssuerLines(l.Issuer)
	iw := 0
	for _, s := range lines {
		iw = max(iw, width(s))
	}
	dw := width(l.Date)
	const measure = 100 * letter.CharsPerLine
	ix, dx := letter.SignaturePlace(iw, dw, measure, 100, l.Seal)
	gaps := 1
	if l.Seal {
		gaps = 2
	}
	for i := range gaps {
		if d.sigBlanks > 0 && gaps-i > d.sigBlanks {
			// The PDF has no room for this blank line. (A paragraph set a
			// hairline high is not one: LibreOffice gives it a line of
			// the grid, and the signature block then leaves the page.)
			continue
		}
		d.blank(true)
	}
	tail := len(l.Notes) + len(l.EndMarks)
	for _, s := range lines {
		right := measure - ix - iw // right-aligned in the block
		if l.Seal {
			right += (iw - width(s)) / 2
		}
		d.para(sIssuer, pp{keepNext: true, ind: indent(0, max(right, 0), 0)}, run(s))
	}
	d.para(sDate, pp{keepNext: tail > 0, ind: indent(0, max(measure-dx-dw, 0), 0)}, run(l.Date))
	for _, n := range l.Notes {
		tail--
		d.para(sNote, pp{keepNext: tail > 0}, run(n.Text))
	}
	for _, m := range l.EndMarks {
		tail--
		d.para(sNote, pp{keepNext: tail > 0}, d.runAs(m.Text, m.Role))
	}
}

// attachments writes each attachment from a new page (§7.3.6): "附件" or
// "附件1" in 黑体 flush left on line 1, its title centred on line 3, its
// text one blank line under the title, a table as a Word table.
func (d *doc) attachments() {
	for _, a := range d.l.Attachments {
		d.para(sLabel, pp{}, run(a.Label))
		d.blank(true)
		d.title(a.Title, sAttTitle, nil)
		d.blank(true)
		for _, p := range a.Body {
			d.paragraph(p, false)
		}
		if a.Table != nil {
			d.table(a)
		}
	}
}

// cc writes the 抄送 of the 版记 (§7.4.2) in a frame pinned to the foot of
// the type area of the last page, between rules of 0.35 mm as wide as the
// type area.
func (d *doc) cc() {
	l := d.l
	if len(l.CC) == 0 {
		if n := len(l.Attachments); n > 0 && l.Attachments[n-1].Table != nil {
			// Word wants a paragraph after a table; a hairline one does
			// not spill onto a page of its own.
			d.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + sFolio + `"/><w:spacing w:line="20" w:lineRule="exact"/></w:pPr></w:p>`)
		}
		return
	}
	border := `w:val="single" w:sz="` + tw(ruleCC) + `" w:space="0" w:color="000000"`
	d.para(sCC, pp{
		frame:  `<w:framePr w:w="` + tw(textW) + `" w:wrap="notBeside" w:vAnchor="margin" w:hAnchor="margin" w:x="0" w:yAlign="bottom"/>`,
		border: `<w:pBdr><w:top ` + border + `/><w:bottom ` + border + `/></w:pBdr>`,
	}, run(letter.CCLabel), run(l.CCText()))
}

// sectPr writes the page: A4, the GB/T 9704 margins, the grid of 22 lines
// of 28 characters, odd and even footers with the page number, and for the
// letter format a first page with the red header and no number.
func (d *doc) sectPr() {
	b := &d.b
	b.WriteString(`<w:sectPr>`)
	if d.l.Format == style.Letter {
		b.WriteString(`<w:headerReference w:type="first" r:id="rId7"/><w:footerReference w:type="first" r:id="rId6"/>`)
	}
	b.WriteString(`<w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/>`)
	b.WriteString(`<w:pgSz w:w="` + tw(pageW) + `" w:h="` + tw(pageH) + `"/>`)
	b.WriteString(`<w:pgMar w:top="` + tw(marTop) + `" w:right="` + tw(marRght) + `" w:bottom="` + tw(marBot) + `" w:left="` + tw(marLeft) +
		`" w:header="` + tw(twips(letter.LetterTop)) + `" w:footer="` + tw(twips(letter.LetterBottom)) + `" w:gutter="0"/>`)
	b.WriteString(`<w:pgNumType w:start="1"/><w:cols w:space="425"/>`)
	if d.l.Format == style.Letter {
		b.WriteString(`<w:titlePg/>`)
	}
	b.WriteString(`<w:docGrid w:type="linesAndChars" w:linePitch="` + tw(linePitch) + `" w:charSpace="` + tw(charSpace) + `"/></w:sectPr>`)
}
