package letter

// Geometry of GB/T 9704-2012, shared by the writers. Lengths are integers
// in micrometres (µm) and font sizes in points, so that each writer
// converts them exactly into its own unit (EMU for the page, twips for
// Word).
const (
	// §5.2.1 paper: A4, 210 × 297 mm.
	PaperWidth  = 210000
	PaperHeight = 297000
	// §5.2.1 type area (版心) 156 × 225 mm, 37 mm from the top (天头) and
	// 28 mm from the left (订口) edge; so 26 mm right and 35 mm bottom.
	MarginTop    = 37000
	MarginLeft   = 28000
	AreaWidth    = 156000
	AreaHeight   = 225000
	MarginRight  = PaperWidth - MarginLeft - AreaWidth
	MarginBottom = PaperHeight - MarginTop - AreaHeight
	// §5.2.2 22 lines of 28 characters fill the type area.
	LinesPerPage = 22
	CharsPerLine = 28

	// §7.5 page numbers 7 mm below the type area.
	FolioDrop = 7000

	// §10.1 the letter format (信函格式): the issuer's mark 30 mm below the
	// top edge of the page, a red double line (thick over thin) 4 mm under
	// it and another (thin over thick) 20 mm above the bottom edge, both
	// 170 mm long.
	LetterTop    = 30000
	LetterGap    = 4000
	LetterRule   = 170000
	LetterBottom = 20000
	ThickRed     = 800 // the thick line of a double line
	ThinRed      = 250 // the thin line
	DoubleGap    = 700 // between the two lines' centres, less their half widths

	// §7.4.1 the rules of the 版记: first and last 0.35 mm.
	CCRule = 350
)

// Font sizes in points (GB/T 9704-2012 §5.1 and the clauses of each element).
const (
	TitleSize  = 22 // 二号: title (§7.3.1)
	BodySize   = 16 // 三号: body (§5.1)
	CCSize     = 14 // 四号: 抄送 (§7.4.2)
	FolioSize  = 14 // 四号: page numbers (§7.5)
	HeaderSize = 26 // 一号: 信函格式 发文机关标志 (its size is the issuer's choice)
)

// LineTop returns the top of line i (0-based) of the grid of a page, in µm
// from the top edge of the page.
func LineTop(i int) int { return MarginTop + AreaHeight*i/LinesPerPage }

// FirstLineBelow returns the first line of the grid whose top is at or
// below y (µm from the top edge of the page): where page 1 starts under a
// header. At least four lines are left for the text.
func FirstLineBelow(y int) int {
	for i := 0; i < LinesPerPage-4; i++ {
		if LineTop(i) >= y {
			return i
		}
	}
	return LinesPerPage - 4
}
