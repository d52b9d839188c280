// Package page holds a laid-out document: pages of positioned glyph runs and
// rules, in integer lengths. It is what the typesetter produces and what the
// PDF and raster renderers draw, so the preview and the printed page agree.
//
// Coordinates have their origin at the top-left corner of the page, x to the
// right and y downwards. Every length is a Length in EMU (English Metric
// Units, as in OOXML): 1 pt = 12,700 EMU and 1 mm = 36,000 EMU, so the sizes
// of GB/T 9704-2012 (millimetres) and of Chinese font sizes (points, including
// 10.5 pt) are all exact integers.
package page

import "fmt"

// Length is a distance in EMU (914,400 per inch).
type Length int64

// Units of Length.
const (
	EMU        Length = 1
	Point      Length = 12700
	Millimetre Length = 36000
	Inch       Length = 914400
)

// Pt returns l in points, for renderers that speak points.
func (l Length) Pt() float64 { return float64(l) / float64(Point) }

// Mm returns l in millimetres.
func (l Length) Mm() float64 { return float64(l) / float64(Millimetre) }

// String formats l in millimetres with three decimals, e.g. "37.000mm".
func (l Length) String() string { return fmt.Sprintf("%.3fmm", l.Mm()) }

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// Colours used by official documents.
var (
	Black = Color{0, 0, 0}
	// Red is the red of the header and rules (GB/T 9704 asks for red; this is
	// the pure red printers expect).
	Red = Color{0xE6, 0, 0}
)

// Doc is a laid-out document.
type Doc struct {
	Width, Height Length // page size; A4 is 210 × 297 mm
	Meta          Meta
	Pages         []Page
}

// Meta is the document information a PDF carries.
type Meta struct {
	Title, Author, Subject, Keywords string
}

// Page is one page: runs of glyphs and straight rules, in drawing order.
type Page struct {
	Runs  []Run
	Rules []Rule
}

// Run is a sequence of glyphs of one face, size and colour on one baseline.
// Runs appear in reading order, so text extracted run by run reads as the
// reply does.
type Run struct {
	Face   string // font face name, as known to package fonts, e.g. "FandolFang-Regular"
	Size   Length // em size, e.g. 16 pt = 203,200
	Color  Color
	Y      Length  // baseline
	Glyphs []Glyph // left to right
}

// Glyph is one character placed at an absolute position on the run's baseline.
type Glyph struct {
	R rune
	X Length // where the glyph's origin is drawn (left edge of its advance box as designed)
	W Length // width the layout gave the glyph: its advance, less compression of
	// punctuation, plus justification; the next glyph starts at or after X+W
}

// Text returns the run's characters.
func (r Run) Text() string {
	b := make([]rune, len(r.Glyphs))
	for i, g := range r.Glyphs {
		b[i] = g.R
	}
	return string(b)
}

// Rule is a straight line from (X1, Y1) to (X2, Y2) with a stroke Width,
// centred on that line.
type Rule struct {
	X1, Y1, X2, Y2 Length
	Width          Length
	Color          Color
}
