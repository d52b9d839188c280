package fonts

import (
	"encoding/binary"
	"errors"
	"math"

	ot "github.com/go-text/typesetting/font/opentype"
)

// TrueType outlines are quadratic B-splines; CFF outlines are cubic. A
// cubic curve becomes a run of quadratic control points whose on-curve
// points between them are implied (the midpoints of neighbouring control
// points), within a given distance of the cubic. The approximation is
// that of fontTools' cu2qu (Apache-2.0), which fontTools' otf2ttf uses:
// try 1, 2, 3… quadratic pieces until the spline fits the tolerance.

// pt is a point of an outline in font units.
type pt struct{ x, y float64 }

func (a pt) add(b pt) pt             { return pt{a.x + b.x, a.y + b.y} }
func (a pt) sub(b pt) pt             { return pt{a.x - b.x, a.y - b.y} }
func (a pt) mul(k float64) pt        { return pt{a.x * k, a.y * k} }
func (a pt) abs() float64            { return math.Hypot(a.x, a.y) }
func (a pt) dot(b pt) float64        { return a.x*b.x + a.y*b.y }
func (a pt) lerp(b pt, t float64) pt { return a.add(b.sub(a).mul(t)) }

// maxPieces bounds the quadratic pieces of one cubic, as cu2qu does.
const maxPieces = 100

// cubicToQuads returns the quadratic spline of the cubic p0 c1 c2 p3:
// its off-curve control points, between the on-curve end points p0 and
// p3, with implied on-curve points between consecutive ones.
func cubicToQuads(p0, c1, c2, p3 pt, tol float64) []pt {
	for n := 1; n <= maxPieces; n++ {
		if q := splineOf(p0, c1, c2, p3, n, tol); q != nil {
			return q
		}
	}
	// Not reached for a finite cubic: with 100 pieces each is nearly a
	// line. Keep the outline rather than fail the document.
	return []pt{p0.lerp(c1, 0.75).lerp(p3.lerp(c2, 0.75), 0.5)}
}

// splineOf approximates the cubic with n quadratic pieces, or returns nil
// when that spline strays more than tol from the cubic.
func splineOf(p0, c1, c2, p3 pt, n int, tol float64) []pt {
	if n == 1 {
		q, ok := intersect(p0, c1, c2, p3)
		if !ok {
			return nil
		}
		d1 := p0.lerp(q, 2.0/3).sub(c1)
		d2 := p3.lerp(q, 2.0/3).sub(c2)
		if !fitsInside(pt{}, d1, d2, pt{}, tol) {
			return nil
		}
		return []pt{q}
	}
	pieces := splitCubic(p0, c1, c2, p3, n)
	ctrl := make([]pt, n)
	for i, c := range pieces {
		ctrl[i] = approxControl(float64(i)/float64(n-1), c)
	}
	q2, d1 := p0, pt{}
	for i, c := range pieces {
		q0, q1 := q2, ctrl[i]
		if i < n-1 {
			q2 = q1.add(ctrl[i+1]).mul(0.5)
		} else {
			q2 = c[3]
		}
		d0 := d1
		d1 = q2.sub(c[3])
		if d1.abs() > tol || !fitsInside(d0, q0.lerp(q1, 2.0/3).sub(c[1]), q2.lerp(q1, 2.0/3).sub(c[2]), d1, tol) {
			return nil
		}
	}
	return ctrl
}

// approxControl is the control point of a quadratic approximating the
// cubic c, t of the way between the continuations of its two tangents.
func approxControl(t float64, c [4]pt) pt {
	a := c[0].add(c[1].sub(c[0]).mul(1.5))
	b := c[3].add(c[2].sub(c[3]).mul(1.5))
	return a.lerp(b, t)
}

// intersect returns where the lines p0→c1 and c2→p3 cross.
func intersect(p0, c1, c2, p3 pt) (pt, bool) {
	ab, cd := c1.sub(p0), p3.sub(c2)
	perp := pt{-ab.y, ab.x}
	den := perp.dot(cd)
	if den == 0 {
		return pt{}, false
	}
	h := perp.dot(p0.sub(c2)) / den
	q := c2.add(cd.mul(h))
	return q, !math.IsNaN(q.x) && !math.IsInf(q.x, 0) && !math.IsNaN(q.y) && !math.IsInf(q.y, 0)
}

// fitsInside reports whether the cubic of difference vectors p0…p3 stays
// within tol of the origin, splitting it until its hull does.
func fitsInside(p0, p1, p2, p3 pt, tol float64) bool {
	return fitsDepth(p0, p1, p2, p3, tol, 0)
}

func fitsDepth(p0, p1, p2, p3 pt, tol float64, depth int) bool {
	if p2.abs() <= tol && p1.abs() <= tol {
		return true
	}
	mid := p0.add(p1.add(p2).mul(3)).add(p3).mul(0.125)
	if mid.abs() > tol || depth > 32 {
		return false
	}
	d3 := p3.add(p2).sub(p1).sub(p0).mul(0.125)
	return fitsDepth(p0, p0.add(p1).mul(0.5), mid.sub(d3), mid, tol, depth+1) &&
		fitsDepth(mid, mid.add(d3), p2.add(p3).mul(0.5), p3, tol, depth+1)
}

// splitCubic cuts the cubic into n pieces of equal parameter length.
func splitCubic(p0, c1, c2, p3 pt, n int) [][4]pt {
	c := c1.sub(p0).mul(3)
	b := c2.sub(c1).mul(3).sub(c)
	a := p3.sub(p0).sub(c).sub(b)
	dt := 1 / float64(n)
	dt2, dt3 := dt*dt, dt*dt*dt
	out := make([][4]pt, n)
	for i := range out {
		t := float64(i) * dt
		a1 := a.mul(dt3)
		b1 := a.mul(3 * t).add(b).mul(dt2)
		c1 := b.mul(2 * t).add(c).add(a.mul(3 * t * t)).mul(dt)
		d1 := a.mul(t * t * t).add(b.mul(t * t)).add(c.mul(t)).add(p0)
		q1 := c1.mul(1.0 / 3).add(d1)
		q2 := b1.add(c1).mul(1.0 / 3).add(q1)
		out[i] = [4]pt{d1, q1, q2, a1.add(d1).add(c1).add(b1)}
	}
	return out
}

// ttPoint is a point of a TrueType contour in integer font units.
type ttPoint struct {
	x, y int16
	on   bool
}

// maxCoord bounds the coordinates of converted outlines, so that the
// difference of two fits the glyf table's 16 bits.
const maxCoord = 16383

// errOutline is returned for a glyph whose outline TrueType cannot hold.
var errOutline = errors.New("字形轮廓超出 TrueType 的坐标范围")

// quadContours converts the segments of a glyph outline into TrueType
// contours, within tol font units of the original, in TrueType's
// clockwise direction (CFF's outer contours run counter-clockwise).
func quadContours(segs []ot.Segment, tol float64) ([][]ttPoint, error) {
	var out [][]ttPoint
	var cur []ttPoint
	var at pt
	bad := false
	round := func(p pt, on bool) ttPoint {
		x, y := math.Round(p.x), math.Round(p.y)
		if !(math.Abs(x) <= maxCoord && math.Abs(y) <= maxCoord) {
			bad = true
		}
		return ttPoint{int16(x), int16(y), on}
	}
	flush := func() {
		if c := closeContour(cur); len(c) > 0 {
			out = append(out, c)
		}
		cur = nil
	}
	for _, s := range segs {
		a := s.Args
		p := func(i int) pt { return pt{float64(a[i].X), float64(a[i].Y)} }
		if s.Op != ot.SegmentOpMoveTo && len(cur) == 0 { // drawing before any moveto
			cur = append(cur, round(at, true))
		}
		switch s.Op {
		case ot.SegmentOpMoveTo:
			flush()
			at = p(0)
			cur = append(cur, round(at, true))
		case ot.SegmentOpLineTo:
			at = p(0)
			cur = append(cur, round(at, true))
		case ot.SegmentOpQuadTo:
			cur = append(cur, round(p(0), false), round(p(1), true))
			at = p(1)
		case ot.SegmentOpCubeTo:
			for _, q := range cubicToQuads(at, p(0), p(1), p(2), tol) {
				cur = append(cur, round(q, false))
			}
			at = p(2)
			cur = append(cur, round(at, true))
		}
	}
	flush()
	if bad {
		return nil, errOutline
	}
	return out, nil
}

// closeContour drops the end point that repeats the start and repeated
// points, and reverses the contour; nil when nothing encloses an area.
func closeContour(c []ttPoint) []ttPoint {
	if len(c) > 1 && c[len(c)-1] == c[0] {
		c = c[:len(c)-1]
	}
	out := make([]ttPoint, 0, len(c))
	for _, p := range c {
		if n := len(out); n > 0 && out[n-1] == p {
			continue
		}
		out = append(out, p)
	}
	if n := len(out); n > 1 && out[n-1] == out[0] {
		out = out[:n-1]
	}
	if len(out) < 3 {
		return nil
	}
	// Reverse, keeping the on-curve start point first.
	for i, j := 1, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// Simple glyph flags (glyf table).
const (
	onCurve   = 0x01
	xShort    = 0x02
	yShort    = 0x04
	repeat    = 0x08
	xSamePos  = 0x10
	ySamePos  = 0x20
	maxRepeat = 255
)

// glyfRecord is a glyph in the glyf table's form, with what hmtx and maxp
// need of it.
type glyfRecord struct {
	data     []byte // empty for a glyph without contours
	xMin     int16
	points   int
	contours int
}

// encodeGlyph writes contours as a simple glyph without instructions.
func encodeGlyph(contours [][]ttPoint) (glyfRecord, error) {
	if len(contours) == 0 {
		return glyfRecord{}, nil
	}
	n := 0
	for _, c := range contours {
		n += len(c)
	}
	if n > math.MaxUint16 || len(contours) > math.MaxInt16 {
		return glyfRecord{}, errOutline
	}
	first := contours[0][0]
	xMin, yMin, xMax, yMax := first.x, first.y, first.x, first.y
	for _, c := range contours {
		for _, p := range c {
			xMin, xMax = min(xMin, p.x), max(xMax, p.x)
			yMin, yMax = min(yMin, p.y), max(yMax, p.y)
		}
	}
	b := make([]byte, 10, 10+2*len(contours)+2+5*n)
	binary.BigEndian.PutUint16(b, uint16(len(contours)))
	for i, v := range []int16{xMin, yMin, xMax, yMax} {
		binary.BigEndian.PutUint16(b[2+2*i:], uint16(v))
	}
	end := -1
	for _, c := range contours {
		end += len(c)
		b = binary.BigEndian.AppendUint16(b, uint16(end))
	}
	b = binary.BigEndian.AppendUint16(b, 0) // no instructions
	flags := make([]byte, 0, n)
	var xs, ys []byte
	var px, py int16
	for _, c := range contours {
		for _, p := range c {
			var f byte
			if p.on {
				f |= onCurve
			}
			f, xs = coord(f, int(p.x)-int(px), xs, xShort, xSamePos)
			f, ys = coord(f, int(p.y)-int(py), ys, yShort, ySamePos)
			px, py = p.x, p.y
			flags = append(flags, f)
		}
	}
	b = appendFlags(b, flags)
	b = append(append(b, xs...), ys...)
	return glyfRecord{data: b, xMin: xMin, points: n, contours: len(contours)}, nil
}

// coord adds a coordinate delta to f and out in the shortest form.
func coord(f byte, d int, out []byte, short, same byte) (byte, []byte) {
	switch {
	case d == 0:
		return f | same, out
	case d > 0 && d < 256:
		return f | short | same, append(out, byte(d))
	case d < 0 && d > -256:
		return f | short, append(out, byte(-d))
	}
	return f, binary.BigEndian.AppendUint16(out, uint16(int16(d)))
}

// appendFlags writes flags, folding runs of equal flags with repeat.
func appendFlags(b, flags []byte) []byte {
	for i := 0; i < len(flags); {
		j := i + 1
		for j < len(flags) && flags[j] == flags[i] && j-i <= maxRepeat {
			j++
		}
		if j-i > 2 {
			b = append(b, flags[i]|repeat, byte(j-i-1))
		} else {
			b = append(b, flags[i:j]...)
		}
		i = j
	}
	return b
}
