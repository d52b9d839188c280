package raster

import (
	"fmt"
	"image"
	"math"
	"sync"
	"sync/atomic"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// face is one parsed font; sfnt.Font is safe for concurrent use, given a
// Buffer per goroutine.
type face struct {
	data []byte
	sf   *sfnt.Font
	once sync.Once
	err  error
}

// faceCache holds one parsed face per face name; a face whose data slice
// changes is parsed again.
var faceCache = struct {
	sync.Mutex
	m map[string]*face
}{m: make(map[string]*face)}

var buffers = sync.Pool{New: func() any { return new(sfnt.Buffer) }}

// loadFace returns the parsed face for name, parsing it once, outside the
// cache lock.
func loadFace(faces Faces, name string) (*face, error) {
	data, err := faces.Data(name)
	if err != nil {
		return nil, fmt.Errorf("读取字体“%s”失败：%w", name, err)
	}
	faceCache.Lock()
	f := faceCache.m[name]
	if f == nil || len(f.data) != len(data) || (len(data) > 0 && &f.data[0] != &data[0]) {
		f = &face{data: data}
		faceCache.m[name] = f
	}
	faceCache.Unlock()
	f.once.Do(func() { f.sf, f.err = sfnt.Parse(f.data) })
	if f.err != nil {
		return nil, fmt.Errorf("无法使用字体“%s”：%w", name, f.err)
	}
	return f, nil
}

// glyphIndex returns r's glyph, or .notdef (0) and false when the face lacks r.
func (f *face) glyphIndex(r rune) (sfnt.GlyphIndex, bool) {
	b := buffers.Get().(*sfnt.Buffer)
	x, err := f.sf.GlyphIndex(b, r)
	buffers.Put(b)
	if err != nil || x == 0 {
		return 0, false
	}
	return x, true
}

// Glyph origins are rounded to a quarter pixel, so a glyph has at most 16
// masks per size: a position error of at most an eighth of a pixel.
const subpixels = 4

// maskKey identifies a rasterised glyph: face, glyph, size and the origin's
// fraction of a pixel in quarters.
type maskKey struct {
	f      *face
	gid    sfnt.GlyphIndex
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

// mask returns glyph gid at ppem with its origin at (x, y) in page pixels.
func (f *face) mask(gid sfnt.GlyphIndex, ppem fixed.Int26_6, x, y float64) (placedMask, error) {
	qx, qy := math.Round(x*subpixels), math.Round(y*subpixels)
	ix, iy := math.Floor(qx/subpixels), math.Floor(qy/subpixels)
	key := maskKey{f: f, gid: gid, ppem: ppem, fx: uint8(qx - ix*subpixels), fy: uint8(qy - iy*subpixels)}
	var m cachedMask
	if v, ok := masks.Load(key); ok {
		m = v.(cachedMask)
	} else {
		var err error
		if m, err = f.rasterize(key); err != nil {
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
func (f *face) rasterize(k maskKey) (cachedMask, error) {
	b := buffers.Get().(*sfnt.Buffer)
	defer buffers.Put(b)
	segs, err := f.sf.LoadGlyph(b, k.gid, k.ppem, nil)
	if err != nil {
		return cachedMask{}, err
	}
	if len(segs) == 0 {
		return cachedMask{}, nil
	}
	dx, dy := float32(k.fx)/subpixels, float32(k.fy)/subpixels
	bounds := segs.Bounds()
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
		case sfnt.SegmentOpMoveTo:
			if i > 0 {
				z.ClosePath() // a no-op for contours sfnt already closed
			}
			z.MoveTo(pt(s.Args[0]))
		case sfnt.SegmentOpLineTo:
			z.LineTo(pt(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			bx, by := pt(s.Args[0])
			cx, cy := pt(s.Args[1])
			z.QuadTo(bx, by, cx, cy)
		case sfnt.SegmentOpCubeTo:
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
