package raster

import (
	"image"
	"math"
	"sync"
	"sync/atomic"

	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"replydesk/internal/fonts"
)

// Glyph origins are rounded to a quarter pixel, so a glyph has at most 16
// masks per size: a position error of at most an eighth of a pixel.
const subpixels = 4

// maskKey identifies a rasterised glyph: face, glyph, size and the origin's
// fraction of a pixel in quarters.
type maskKey struct {
	f      *fonts.Face
	gid    uint16
	ppem   fixed.Int26_6
	fx, fy uint8
}

// cachedMask is a glyph's coverage; off is its top-left corner relative to
// the origin's whole pixel. img is nil for a glyph without outline.
type cachedMask struct {
	img *image.Alpha
	off image.Point
}

// placedMask is a mask and where it lands on the page.
type placedMask struct {
	img  *image.Alpha
	rect image.Rectangle
}

// maxMasks bounds the mask cache (about 10 MB of 16 pt masks at 96 dpi);
// past it the cache starts afresh.
const maxMasks = 20000

var (
	masks     sync.Map // maskKey → cachedMask
	maskCount atomic.Int64
)

// fixedPpem converts a size in pixels to 26.6 fixed point.
func fixedPpem(px float64) fixed.Int26_6 { return fixed.Int26_6(math.Round(px * 64)) }

// mask returns glyph gid of f at ppem with its origin at (x, y) in page
// pixels.
func mask(f *fonts.Face, gid uint16, ppem fixed.Int26_6, x, y float64) (placedMask, error) {
	qx, qy := math.Round(x*subpixels), math.Round(y*subpixels)
	ix, iy := math.Floor(qx/subpixels), math.Floor(qy/subpixels)
	key := maskKey{f: f, gid: gid, ppem: ppem, fx: uint8(qx - ix*subpixels), fy: uint8(qy - iy*subpixels)}
	var m cachedMask
	if v, ok := masks.Load(key); ok {
		m = v.(cachedMask)
	} else {
		var err error
		if m, err = rasterize(key); err != nil {
			return placedMask{}, err
		}
		if maskCount.Add(1) > maxMasks {
			masks.Clear()
			maskCount.Store(1)
		}
		masks.Store(key, m)
	}
	if m.img == nil {
		return placedMask{}, nil
	}
	at := image.Pt(int(ix), int(iy)).Add(m.off)
	return placedMask{img: m.img, rect: m.img.Rect.Add(at)}, nil
}

// rasterize fills the glyph's outline, shifted by the key's fraction of a
// pixel, into a coverage mask just large enough to hold it.
func rasterize(k maskKey) (cachedMask, error) {
	segs, bounds, err := k.f.Outline(k.gid, k.ppem)
	if err != nil {
		return cachedMask{}, err
	}
	if len(segs) == 0 {
		return cachedMask{}, nil
	}
	dx, dy := float32(k.fx)/subpixels, float32(k.fy)/subpixels
	x0 := int(math.Floor(float64(float32(bounds.Min.X)/64 + dx)))
	y0 := int(math.Floor(float64(float32(bounds.Min.Y)/64 + dy)))
	x1 := int(math.Ceil(float64(float32(bounds.Max.X)/64 + dx)))
	y1 := int(math.Ceil(float64(float32(bounds.Max.Y)/64 + dy)))
	if x1 <= x0 || y1 <= y0 {
		return cachedMask{}, nil
	}
	ox, oy := dx-float32(x0), dy-float32(y0)
	pt := func(p fixed.Point26_6) (float32, float32) {
		return float32(p.X)/64 + ox, float32(p.Y)/64 + oy
	}
	z := vector.NewRasterizer(x1-x0, y1-y0)
	for i, s := range segs {
		switch s.Op {
		case fonts.MoveTo:
			if i > 0 {
				z.ClosePath() // a no-op for contours already closed
			}
			z.MoveTo(pt(s.Args[0]))
		case fonts.LineTo:
			z.LineTo(pt(s.Args[0]))
		case fonts.QuadTo:
			bx, by := pt(s.Args[0])
			cx, cy := pt(s.Args[1])
			z.QuadTo(bx, by, cx, cy)
		case fonts.CubeTo:
			bx, by := pt(s.Args[0])
			cx, cy := pt(s.Args[1])
			ex, ey := pt(s.Args[2])
			z.CubeTo(bx, by, cx, cy, ex, ey)
		}
	}
	z.ClosePath()
	img := image.NewAlpha(image.Rect(0, 0, x1-x0, y1-y0))
	z.Draw(img, img.Rect, image.Opaque, image.Point{})
	return cachedMask{img: img, off: image.Pt(x0, y0)}, nil
}
