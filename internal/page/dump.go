package page

import (
	"bufio"
	"fmt"
	"io"
)

// Dump writes a stable, readable text form of d for golden tests: one row per
// run or rule, with positions in millimetres.
//
//	page 1
//	run  x=28.000 y=44.683 w=156.000 FandolFang-Regular 16pt #000000 "董妍委员："
//	rule x=28.000 y=100.000 → x=184.000 y=100.000 width=0.350 #E60000
func (d *Doc) Dump(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "doc %s × %s, %d pages\n", d.Width, d.Height, len(d.Pages))
	for i, p := range d.Pages {
		fmt.Fprintf(bw, "page %d\n", i+1)
		for _, r := range p.Runs {
			if len(r.Glyphs) == 0 {
				continue
			}
			first, last := r.Glyphs[0], r.Glyphs[len(r.Glyphs)-1]
			fmt.Fprintf(bw, "run  x=%.3f y=%.3f w=%.3f %s %gpt #%02X%02X%02X %q\n",
				first.X.Mm(), r.Y.Mm(), (last.X + last.W - first.X).Mm(),
				r.Face, r.Size.Pt(), r.Color.R, r.Color.G, r.Color.B, r.Text())
		}
		for _, l := range p.Rules {
			fmt.Fprintf(bw, "rule x=%.3f y=%.3f → x=%.3f y=%.3f width=%.3f #%02X%02X%02X\n",
				l.X1.Mm(), l.Y1.Mm(), l.X2.Mm(), l.Y2.Mm(), l.Width.Mm(), l.Color.R, l.Color.G, l.Color.B)
		}
	}
	return bw.Flush()
}
