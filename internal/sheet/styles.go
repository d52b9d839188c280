package sheet

import (
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// DateFormat is the number format of date cells: 2023年6月20日, as GB/T
// 9704 writes dates (Arabic numerals, no padding).
const DateFormat = `yyyy"年"m"月"d"日"`

// Fonts and colours of the workbooks.
const (
	fontFamily   = "宋体"
	headerFill   = "DDEBF7"
	overdueFill  = "FFC7CE"
	overdueFont  = "9C0006"
	dueSoonFill  = "FFEB9C"
	dueSoonFont  = "9C5700"
	borderColour = "808080"
)

// styles are the cell styles of a workbook.
type styles struct {
	title, header, text, wrap, center, date, count, percent, label int
	overdue, dueSoon                                               int // conditional formats

	f      *excelize.File
	quoted map[int]int // style → the same with Excel's quote prefix
}

// textCell is a cell holding s as text in style. Text that Excel would
// take for a formula once the cell is edited (beginning with = + - or @)
// gets the style's quote-prefixed twin, as Excel marks such text typed
// after an apostrophe; the value is a string either way, never a formula.
func (s *styles) textCell(style int, v string) excelize.Cell {
	if v != "" && strings.ContainsRune("=+-@", rune(v[0])) {
		style = s.quote(style)
	}
	return excelize.Cell{StyleID: style, Value: v}
}

// quote returns the twin of a style that has Excel's quote prefix
// (quotePrefix="1" on its cell format). excelize's Style has no field for
// it, so the twin is a copy of the style's format record, added to the
// workbook's style sheet, which excelize exposes as File.Styles.
func (s *styles) quote(style int) int {
	if q, ok := s.quoted[style]; ok {
		return q
	}
	xfs := s.f.Styles.CellXfs
	xf := xfs.Xf[style]
	on := true
	xf.QuotePrefix = &on
	xfs.Xf = append(xfs.Xf, xf)
	xfs.Count = len(xfs.Xf)
	s.quoted[style] = len(xfs.Xf) - 1
	return s.quoted[style]
}

func thinBorder() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: borderColour, Style: 1})
	}
	return out
}

// newStyles registers the styles in f.
func newStyles(f *excelize.File) (*styles, error) {
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: fontFamily, Size: size, Bold: bold}
	}
	align := func(h string, wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
	}
	dateFmt, pctFmt := DateFormat, "0.0%"
	s := &styles{f: f, quoted: map[int]int{}}
	defs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.title, excelize.Style{Font: font(true, 16), Alignment: align("center", false)}},
		{&s.header, excelize.Style{Font: font(true, 11), Alignment: align("center", true), Border: thinBorder(),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}}}},
		{&s.text, excelize.Style{Font: font(false, 11), Alignment: align("left", false), Border: thinBorder()}},
		{&s.wrap, excelize.Style{Font: font(false, 11), Alignment: align("left", true), Border: thinBorder()}},
		{&s.center, excelize.Style{Font: font(false, 11), Alignment: align("center", false), Border: thinBorder()}},
		{&s.date, excelize.Style{Font: font(false, 11), Alignment: align("center", false), Border: thinBorder(), CustomNumFmt: &dateFmt}},
		{&s.count, excelize.Style{Font: font(false, 11), Alignment: align("right", false), Border: thinBorder(), NumFmt: 1}},
		{&s.percent, excelize.Style{Font: font(true, 11), Alignment: align("right", false), Border: thinBorder(), CustomNumFmt: &pctFmt}},
		{&s.label, excelize.Style{Font: font(true, 11), Alignment: align("left", false), Border: thinBorder(),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return nil, err
		}
		*d.dst = id
	}
	var err error
	if s.overdue, err = f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: overdueFont},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{overdueFill}}}); err != nil {
		return nil, err
	}
	s.dueSoon, err = f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: dueSoonFont},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{dueSoonFill}}})
	return s, err
}

// textWidth is the width of s in Excel column units: a CJK character or
// full-width mark takes two, other characters one.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == '\n':
			return n // a wrapped cell is as wide as its first line
		case unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF ||
			r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—':
			n += 2
		default:
			n++
		}
	}
	return n
}

// fitWidth returns a column width fitting the widest of the texts, with a
// little padding, between lo and hi.
func fitWidth(widest, lo, hi int) float64 {
	return float64(min(max(widest+2, lo), hi))
}
