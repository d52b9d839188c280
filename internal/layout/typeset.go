// Package layout typesets a reply to GB/T 9704-2012《党政机关公文格式》: A4
// paper, a 156 × 225 mm type area 37 mm from the top and 28 mm from the left
// edge, 22 lines of 28 characters of 3号 (16 pt) 仿宋. Chinese line breaking
// follows the W3C "Requirements for Chinese Text Layout" (clreq) and GB/T
// 15834. The result is a page.Doc of positioned glyphs; the package is pure:
// it reads no files and imports no renderer, so a layout is a function of
// the reply, the house style and the font metrics.
package layout

import (
	"replydesk/internal/letter"
	"replydesk/internal/page"
	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// GB/T 9704-2012 geometry (see package letter for the clauses), in the
// page's unit.
const (
	pageWidth    = letter.PaperWidth * page.Millimetre / 1000
	pageHeight   = letter.PaperHeight * page.Millimetre / 1000
	marginTop    = letter.MarginTop * page.Millimetre / 1000  // 天头
	marginLeft   = letter.MarginLeft * page.Millimetre / 1000 // 订口
	areaWidth    = letter.AreaWidth * page.Millimetre / 1000
	areaHeight   = letter.AreaHeight * page.Millimetre / 1000
	linesPerPage = letter.LinesPerPage
	charsPerLine = letter.CharsPerLine
	// cellWidth is the width of a character of the grid: 156 mm / 28.
	cellWidth = areaWidth / charsPerLine

	titleSize  = letter.TitleSize * page.Point // 二号
	bodySize   = letter.BodySize * page.Point  // 三号
	ccSize     = letter.CCSize * page.Point    // 四号: 抄送
	folioSize  = letter.FolioSize * page.Point // 四号: page numbers
	folioDrop  = letter.FolioDrop * page.Millimetre / 1000
	headerSize = letter.HeaderSize * page.Point // 信函格式 发文机关标志 (一号; its size is the issuer's choice)
)

// lineTop returns the top of line i (0-based) of the grid of a page.
func lineTop(i int) page.Length {
	return marginTop + areaHeight*page.Length(i)/linesPerPage
}

// baseline returns the baseline of line i for text of the given size: the
// em box is centred in the line, with the baseline at 0.88 em below its top,
// where CJK fonts put the ideographic em box.
func baseline(i int, size page.Length) page.Length {
	pitch := lineTop(i+1) - lineTop(i)
	return lineTop(i) + (pitch-size)/2 + size*88/100
}

// Result is a typeset reply.
type Result struct {
	Doc *page.Doc
	// Missing lists the characters no font has. The document still places
	// them (as the font's .notdef box), but it must not be printed as is.
	Missing []Missing
	// TitleLines are the lines of the title as set, where the title breaks
	// at its phrase boundaries (GB/T 9704 §7.3.3); other writers of the
	// letter (Word) break it at the same places.
	TitleLines []string
	// SignatureBlanks is how many blank lines stand between the text and
	// the issuer: two under a seal and one without (§7.3.5), or one where
	// two would leave the signature or the 版记 without room on the page;
	// other writers of the letter (Word) set as many.
	SignatureBlanks int
}

// typesetter holds the state of one typesetting run.
type typesetter struct {
	fonts Fonts
	st    *style.Style
	l     *letter.Letter
	r     reply.Reply // resolved: derived fields filled in (l.Reply)
	miss  []Missing

	ccRules []page.Rule // rules of the 版记, drawn on the last page
	titles  []string    // the text of the title's lines, as set
	// sigBlanks is the number of blank lines above the issuer, as set.
	sigBlanks int
	// first is the number of the first page.
	first int
}

// Options tune a typesetting. The zero value typesets a reply on its own.
type Options struct {
	// FirstPage is the page number of the reply's first page, for a reply
	// inside a 答复汇编 whose page numbers run on: page i (from 0) is
	// numbered FirstPage+i, odd numbers at the right and even at the left
	// (§7.5). 0 = 1.
	FirstPage int
}

// Typeset lays out r in house style st with the given fonts. Derived fields
// left empty in r (title, salutation, opening) are filled by st. Control
// characters (reply.IsControl) are never drawn, whether or not r was
// checked: every text is set as reply.StripControls leaves it.
func Typeset(r *reply.Reply, st *style.Style, f Fonts) Result {
	return TypesetWith(r, st, f, Options{})
}

// TypesetWith is Typeset with options.
func TypesetWith(r *reply.Reply, st *style.Style, f Fonts, opt Options) Result {
	l := letter.New(r, st)
	t := &typesetter{fonts: f, st: st, l: l, r: l.Reply, first: max(opt.FirstPage, 1)}
	rows, first := t.head()
	rows = append(rows, t.text()...)
	rows = append(rows, t.signature()...)
	rows = append(rows, t.attachments()...)
	doc := &page.Doc{
		Width: pageWidth, Height: pageHeight,
		Meta: page.Meta{
			Title:    letter.Flat(l.Title),
			Author:   reply.StripControls(l.Issuer, false),
			Subject:  reply.StripControls(l.Subject(), false),
			Keywords: reply.StripControls(l.Keywords(), false),
		},
	}
	t.paginate(doc, rows, first)
	if l.Format == style.Letter {
		t.letterhead(&doc.Pages[0])
	}
	return Result{Doc: doc, Missing: t.miss, TitleLines: t.titles, SignatureBlanks: t.sigBlanks}
}

// row is one line of the grid with what paging must know of it.
type row struct {
	line
	keepNext  bool   // keep on the same page as the next row (headings, signature)
	newPage   bool   // start a new page with this row (attachments)
	body      bool   // a line of running text, which may move to the next page with the signature
	signature bool   // part of the signature block, which may not stand alone on a page
	frame     *frame // the table ruling of this line, if it is a line of a table
	header    []row  // the header rows of its table, repeated on a new page
}

// body text style helpers.
func (t *typesetter) span(text, role string) span {
	return span{text: text, role: role, size: bodySize, color: page.Black}
}

// plain is a paragraph of body text in one role.
func (t *typesetter) plain(text, role string, w where) *para {
	return &para{spans: []span{t.span(text, role)}, cell: cellWidth, where: w}
}

// rowsOf breaks p over the full measure and returns its lines as rows.
func (t *typesetter) rowsOf(p *para) []row {
	lines := t.breakPara(p, areaWidth)
	rows := make([]row, len(lines))
	for i, l := range lines {
		rows[i] = row{line: l}
	}
	return rows
}
