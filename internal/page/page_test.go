package page

import (
	"os"
	"testing"
)

func ExampleDoc_Dump() {
	d := &Doc{Width: 210 * Millimetre, Height: 297 * Millimetre, Pages: []Page{{
		Runs: []Run{{Face: "FandolFang-Regular", Size: 16 * Point, Y: 44 * Millimetre,
			Glyphs: []Glyph{{R: '董', X: 28 * Millimetre, W: 200571}, {R: '妍', X: 28*Millimetre + 200571, W: 200571}}}},
		Rules: []Rule{{X1: 28 * Millimetre, Y1: 100 * Millimetre, X2: 184 * Millimetre, Y2: 100 * Millimetre, Width: 35 * Millimetre / 100, Color: Red}},
	}}}
	d.Dump(os.Stdout)
	// Output:
	// doc 210.000mm × 297.000mm, 1 pages
	// page 1
	// run  x=28.000 y=44.000 w=11.143 FandolFang-Regular 16pt #000000 "董妍"
	// rule x=28.000 y=100.000 → x=184.000 y=100.000 width=0.350 #E60000
}

func TestUnits(t *testing.T) {
	if Inch != 254*Millimetre/10 || 72*Point != Inch {
		t.Errorf("units disagree: inch %d, 25.4 mm %d, 72 pt %d", Inch, 254*Millimetre/10, 72*Point)
	}
	if got := (105 * Point / 10).Pt(); got != 10.5 {
		t.Errorf("10.5 pt round-trips as %v", got)
	}
}
