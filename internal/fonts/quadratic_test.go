package fonts

import (
	"math"
	"math/rand/v2"
	"testing"

	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// cubicAt is the point at t of the cubic p0 c1 c2 p3.
func cubicAt(p0, c1, c2, p3 pt, t float64) pt {
	u := 1 - t
	return p0.mul(u * u * u).add(c1.mul(3 * u * u * t)).add(c2.mul(3 * u * t * t)).add(p3.mul(t * t * t))
}

// splinePoints samples the quadratic spline p0, ctrl…, p3 whose on-curve
// points between controls are implied.
func splinePoints(p0 pt, ctrl []pt, p3 pt, per int) []pt {
	start := p0
	var out []pt
	for i, q := range ctrl {
		end := p3
		if i < len(ctrl)-1 {
			end = q.add(ctrl[i+1]).mul(0.5)
		}
		for k := 0; k <= per; k++ {
			t := float64(k) / float64(per)
			u := 1 - t
			out = append(out, start.mul(u*u).add(q.mul(2*u*t)).add(end.mul(t*t)))
		}
		start = end
	}
	return out
}

// farthest returns the greatest distance from a point of a to the polyline b.
func farthest(a, b []pt) float64 {
	worst := 0.0
	for _, p := range a {
		best := math.Inf(1)
		for i := 1; i < len(b); i++ {
			best = min(best, segDist(p, b[i-1], b[i]))
		}
		worst = max(worst, best)
	}
	return worst
}

func segDist(p, a, b pt) float64 {
	ab := b.sub(a)
	t := 0.0
	if l := ab.dot(ab); l > 0 {
		t = max(0, min(1, p.sub(a).dot(ab)/l))
	}
	return p.sub(a.add(ab.mul(t))).abs()
}

// TestCubicToQuads checks the spline of random and awkward cubics stays
// within the tolerance of the cubic both ways (no point of either strays
// from the other), with fewer pieces for flatter curves.
func TestCubicToQuads(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	type cubic [4]pt
	cases := []cubic{
		{{0, 0}, {0, 0}, {0, 0}, {0, 0}},                 // a point
		{{0, 0}, {100, 0}, {200, 0}, {300, 0}},           // a line
		{{0, 0}, {300, 0}, {-200, 0}, {100, 0}},          // a line doubling back
		{{0, 0}, {0, 552}, {448, 1000}, {1000, 1000}},    // a quarter circle
		{{0, 0}, {1000, 1000}, {0, 1000}, {1000, 0}},     // a loop
		{{0, 0}, {800, 600}, {200, 600}, {1000, 0}},      // a cusp-like arch
		{{100, 100}, {100, 100}, {900, 900}, {900, 900}}, // control points on the ends
	}
	for range 100 {
		var c cubic
		for i := range c {
			c[i] = pt{rnd.Float64()*2000 - 1000, rnd.Float64()*2000 - 1000}
		}
		cases = append(cases, c)
	}
	const tol = 1.0
	for i, c := range cases {
		ctrl := cubicToQuads(c[0], c[1], c[2], c[3], tol)
		if len(ctrl) == 0 {
			t.Fatalf("case %d: no control points", i)
		}
		var cub []pt
		for k := 0; k <= 300; k++ {
			cub = append(cub, cubicAt(c[0], c[1], c[2], c[3], float64(k)/300))
		}
		spl := splinePoints(c[0], ctrl, c[3], 20)
		if d := farthest(spl, cub); d > tol*1.05 {
			t.Errorf("case %d %v: spline strays %.3f units from the cubic (%d pieces)", i, c, d, len(ctrl))
		}
		if d := farthest(cub, spl); d > tol*1.05 {
			t.Errorf("case %d %v: cubic strays %.3f units from the spline (%d pieces)", i, c, d, len(ctrl))
		}
	}
	// The counts fontTools' cu2qu gives for the same curves.
	if n := len(cubicToQuads(pt{0, 0}, pt{0, 552}, pt{448, 1000}, pt{1000, 1000}, 1)); n != 5 {
		t.Errorf("a quarter circle of radius 1000 takes %d pieces, want 5", n)
	}
	if n := len(cubicToQuads(pt{0, 0}, pt{1000, 1000}, pt{0, 1000}, pt{1000, 0}, 1)); n != 11 {
		t.Errorf("the loop takes %d pieces, want 11", n)
	}
}

// TestEncodeGlyph writes contours with long and short deltas, runs of
// equal flags longer than a repeat count holds, and off-curve points, and
// reads them back with go-text's glyf parser.
func TestEncodeGlyph(t *testing.T) {
	var long []ttPoint
	for i := range 600 { // 600 points with equal flags: three repeat runs
		long = append(long, ttPoint{int16(i), 0, true})
	}
	contours := [][]ttPoint{
		{{0, 0, true}, {0, 700, false}, {-300, 700, false}, {-300, -5000, true}, {255, -5000, true}, {-255, 16000, true}},
		long,
		{{10, 10, true}, {10, 10, false}, {11, 10, true}},
	}
	rec, err := encodeGlyph(contours)
	if err != nil {
		t.Fatal(err)
	}
	if rec.xMin != -300 || rec.points != 609 || rec.contours != 3 {
		t.Errorf("xMin, points, contours = %d, %d, %d; want -300, 609, 3", rec.xMin, rec.points, rec.contours)
	}
	g, _, err := tables.ParseGlyph(rec.data)
	if err != nil {
		t.Fatal(err)
	}
	if g.XMin != -300 || g.YMin != -5000 || g.XMax != 599 || g.YMax != 16000 {
		t.Errorf("bounds %d %d %d %d, want -300 -5000 599 16000", g.XMin, g.YMin, g.XMax, g.YMax)
	}
	sg, ok := g.Data.(tables.SimpleGlyph)
	if !ok {
		t.Fatalf("glyph data %T, want a simple glyph", g.Data)
	}
	var want []ttPoint
	var ends []uint16
	for _, c := range contours {
		want = append(want, c...)
		ends = append(ends, uint16(len(want)-1))
	}
	if len(sg.Points) != len(want) || len(sg.EndPtsOfContours) != len(ends) {
		t.Fatalf("%d points in %d contours, want %d in %d", len(sg.Points), len(sg.EndPtsOfContours), len(want), len(ends))
	}
	for i, e := range ends {
		if sg.EndPtsOfContours[i] != e {
			t.Errorf("contour %d ends at %d, want %d", i, sg.EndPtsOfContours[i], e)
		}
	}
	for i, p := range sg.Points {
		if got := (ttPoint{p.X, p.Y, p.Flag&onCurve != 0}); got != want[i] {
			t.Errorf("point %d = %v, want %v", i, got, want[i])
		}
	}
	if rec, err := encodeGlyph(nil); err != nil || len(rec.data) != 0 {
		t.Errorf("encodeGlyph(nil) = %d bytes, %v; want an empty glyph", len(rec.data), err)
	}
}

// TestQuadContours checks closing, repeated points, direction and range.
func TestQuadContours(t *testing.T) {
	seg := func(op ot.SegmentOp, xy ...float32) ot.Segment {
		s := ot.Segment{Op: op}
		for i := 0; i < len(xy); i += 2 {
			s.Args[i/2] = ot.SegmentPoint{X: xy[i], Y: xy[i+1]}
		}
		return s
	}
	square := []ot.Segment{ // counter-clockwise, as CFF draws outer contours
		seg(ot.SegmentOpMoveTo, 0, 0), seg(ot.SegmentOpLineTo, 100, 0), seg(ot.SegmentOpLineTo, 100, 100),
		seg(ot.SegmentOpLineTo, 100, 100), seg(ot.SegmentOpLineTo, 0, 100.2), seg(ot.SegmentOpLineTo, 0, 0),
		seg(ot.SegmentOpMoveTo, 5, 5), seg(ot.SegmentOpLineTo, 6, 6), // no area: dropped
		seg(ot.SegmentOpMoveTo, 10, 10), seg(ot.SegmentOpCubeTo, 10, 50, 50, 90, 90, 90), seg(ot.SegmentOpLineTo, 10, 10),
	}
	cs, err := quadContours(square, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("%d contours, want 2: %v", len(cs), cs)
	}
	want := []ttPoint{{0, 0, true}, {0, 100, true}, {100, 100, true}, {100, 0, true}}
	if len(cs[0]) != len(want) {
		t.Fatalf("square = %v, want %v", cs[0], want)
	}
	for i := range want {
		if cs[0][i] != want[i] {
			t.Errorf("square point %d = %v, want %v (clockwise, closing point dropped)", i, cs[0][i], want[i])
		}
	}
	if cs[1][0] != (ttPoint{10, 10, true}) || cs[1][1] != (ttPoint{90, 90, true}) || cs[1][2].on {
		t.Errorf("curve contour = %v: want (10,10), the closing line reversed to (90,90), then the curve's control points", cs[1])
	}
	if _, err := quadContours([]ot.Segment{seg(ot.SegmentOpMoveTo, 0, 0), seg(ot.SegmentOpLineTo, 30000, 0), seg(ot.SegmentOpLineTo, 0, 10)}, 1); err != errOutline {
		t.Errorf("an outline past the glyf range: %v, want errOutline", err)
	}
}
