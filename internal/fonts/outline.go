package fonts

import (
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Outlines for drawing (the raster preview) are scaled by
// golang.org/x/image/font/sfnt, which reads a glyph's outline only when it
// is asked for: TrueType and CFF alike, without hinting.

// SegmentOp is the kind of a Segment.
type SegmentOp uint8

// The kinds of segments of an outline.
const (
	MoveTo SegmentOp = iota // start a contour at Args[0]
	LineTo                  // a line to Args[0]
	QuadTo                  // a quadratic Bézier through Args[0] to Args[1]
	CubeTo                  // a cubic Bézier through Args[0], Args[1] to Args[2]
)

// Segment is one step of a glyph's outline, in pixels from the glyph's
// origin with y growing downwards.
type Segment struct {
	Op   SegmentOp
	Args [3]fixed.Point26_6
}

var sfntBuffers = sync.Pool{New: func() any { return new(sfnt.Buffer) }}

// Outline returns glyph gid's outline at ppem pixels per em, and the box
// of all its points (control points included); no segments for a glyph
// without contours.
func (f *Face) Outline(gid uint16, ppem fixed.Int26_6) ([]Segment, fixed.Rectangle26_6, error) {
	f.sfntOnce.Do(func() {
		data, err := f.bytes()
		if err != nil {
			f.sfntErr = err
			return
		}
		f.sfnt, f.sfntErr = sfnt.Parse(data)
	})
	if f.sfntErr != nil {
		return nil, fixed.Rectangle26_6{}, fmt.Errorf("无法读取字体的轮廓：%w", f.sfntErr)
	}
	b := sfntBuffers.Get().(*sfnt.Buffer)
	defer sfntBuffers.Put(b)
	segs, err := f.sfnt.LoadGlyph(b, sfnt.GlyphIndex(gid), ppem, nil)
	if err != nil {
		return nil, fixed.Rectangle26_6{}, err
	}
	out := make([]Segment, len(segs))
	for i, s := range segs {
		out[i] = Segment{Op: segmentOps[s.Op], Args: s.Args}
	}
	return out, segs.Bounds(), nil
}

// segmentOps maps sfnt's segment kinds (0 to 3) to this package's.
var segmentOps = [...]SegmentOp{
	sfnt.SegmentOpMoveTo: MoveTo,
	sfnt.SegmentOpLineTo: LineTo,
	sfnt.SegmentOpQuadTo: QuadTo,
	sfnt.SegmentOpCubeTo: CubeTo,
}
