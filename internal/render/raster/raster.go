// Package raster draws a page of a laid-out page.Doc into an image: the live
// preview of the GUI and the golden images of tests. It reads the same
// page.Doc as the PDF renderer, so the preview shows what prints.
//
// Glyphs are the faces' outlines (package fonts scales them), filled with
// anti-aliasing; rules are filled rectangles. Rasterised glyph masks are
// cached for the life of the process and shared by concurrent calls.
package raster

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"golang.org/x/image/vector"

	"replydesk/internal/fonts"
	"replydesk/internal/page"
)

// Faces gives the face of a run by the name runs carry in page.Run.Face
// (fonts.Set implements it); glyphs and their outlines come from package
// fonts. Masks are cached by face, so Face should return the same *Face
// on every call for a name.
type Faces = fonts.Faces

// MissingGlyphError reports a character that a face cannot draw.
type MissingGlyphError = fonts.MissingGlyphError

// maxPixels bounds the image Render makes (A4 at 1,200 dpi is 140 million).
const maxPixels = 200_000_000

// Render draws page pageIndex (from 0) of d at dpi dots per inch: a white
// page with its glyphs and rules in their colours. The image is
// ceil(width × dpi) by ceil(height × dpi) pixels, with the page's top-left
// corner at (0, 0).
//
// A character its face lacks is drawn as the face's .notdef glyph (usually
// an empty box) and reported: Render then returns the whole image together
// with a *MissingGlyphError for the first such character. Any other error
// returns no image.
func Render(d *page.Doc, pageIndex int, faces Faces, dpi float64) (*image.RGBA, error) {
	if d == nil || pageIndex < 0 || pageIndex >= len(d.Pages) {
		n := 0
		if d != nil {
			n = len(d.Pages)
		}
		return nil, fmt.Errorf("没有第 %d 页（文档共 %d 页）", pageIndex+1, n)
	}
	if !(dpi > 0) || d.Width <= 0 || d.Height <= 0 {
		return nil, fmt.Errorf("无法按 %g dpi 绘制 %s × %s 的页面", dpi, d.Width, d.Height)
	}
	scale := dpi / float64(page.Inch) // pixels per EMU
	w, h := int(math.Ceil(float64(d.Width)*scale)), int(math.Ceil(float64(d.Height)*scale))
	if float64(w)*float64(h) > maxPixels {
		return nil, fmt.Errorf("预览图过大（%d × %d 像素），请降低分辨率", w, h)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	// White: set some bytes, then double the filled part by copying.
	img.Pix[0] = 0xFF
	for n := 1; n < len(img.Pix); n *= 2 {
		copy(img.Pix[n:], img.Pix[:n])
	}
	p := d.Pages[pageIndex]
	var missing error
	for _, r := range p.Runs {
		err := drawRun(img, r, faces, scale)
		var me *MissingGlyphError
		switch {
		case errors.As(err, &me):
			if missing == nil {
				missing = err
			}
		case err != nil:
			return nil, err
		}
	}
	for _, l := range p.Rules {
		drawRule(img, l, scale)
	}
	return img, missing
}

// drawRun draws a run's glyphs, each at its own position.
func drawRun(img *image.RGBA, r page.Run, faces Faces, scale float64) error {
	if len(r.Glyphs) == 0 {
		return nil
	}
	f, err := faces.Face(r.Face)
	if err != nil {
		return fmt.Errorf("读取字体“%s”失败：%w", r.Face, err)
	}
	ppem := fixedPpem(float64(r.Size) * scale)
	if ppem <= 0 {
		return nil // too small to see
	}
	src := image.NewUniform(rgba(r.Color))
	y := float64(r.Y) * scale
	var missing error
	for _, g := range r.Glyphs {
		gid, ok := f.Glyph(g.R)
		if !ok {
			gid = 0 // .notdef
			if missing == nil {
				missing = &MissingGlyphError{Face: r.Face, Rune: g.R}
			}
		}
		m, err := mask(f, gid, ppem, float64(g.X)*scale, y)
		if err != nil {
			return fmt.Errorf("绘制字体“%s”中的“%c”失败：%w", r.Face, g.R, err)
		}
		if m.img != nil {
			draw.DrawMask(img, m.rect, src, image.Point{}, m.img, image.Point{}, draw.Over)
		}
	}
	return missing
}

// PNG encodes img as PNG to w, for the command line's preview output and
// golden files.
func PNG(w io.Writer, img image.Image) error {
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img); err != nil {
		return fmt.Errorf("写出 PNG 图像失败：%w", err)
	}
	return nil
}

// rgba converts a page colour to an opaque colour.
func rgba(c page.Color) color.RGBA { return color.RGBA{R: c.R, G: c.G, B: c.B, A: 0xFF} }

// drawRule fills the rectangle a rule's stroke covers: the segment from
// (X1, Y1) to (X2, Y2) widened by Width, centred on it, with butt ends as
// in the PDF.
func drawRule(img *image.RGBA, l page.Rule, scale float64) {
	x1, y1 := float64(l.X1)*scale, float64(l.Y1)*scale
	x2, y2 := float64(l.X2)*scale, float64(l.Y2)*scale
	half := float64(l.Width) * scale / 2
	length := math.Hypot(x2-x1, y2-y1)
	if length == 0 || half <= 0 {
		return
	}
	nx, ny := -(y2-y1)/length*half, (x2-x1)/length*half // normal, half the width long
	corners := [4][2]float64{{x1 + nx, y1 + ny}, {x2 + nx, y2 + ny}, {x2 - nx, y2 - ny}, {x1 - nx, y1 - ny}}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range corners {
		minX, maxX = math.Min(minX, c[0]), math.Max(maxX, c[0])
		minY, maxY = math.Min(minY, c[1]), math.Max(maxY, c[1])
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY)))
	clip := box.Intersect(img.Rect)
	if clip.Empty() {
		return
	}
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	for i, c := range corners {
		x, y := float32(c[0]-float64(box.Min.X)), float32(c[1]-float64(box.Min.Y))
		if i == 0 {
			z.MoveTo(x, y)
		} else {
			z.LineTo(x, y)
		}
	}
	z.ClosePath()
	mask := image.NewAlpha(image.Rect(0, 0, box.Dx(), box.Dy()))
	z.Draw(mask, mask.Rect, image.Opaque, image.Point{})
	draw.DrawMask(img, clip, image.NewUniform(rgba(l.Color)), image.Point{}, mask, clip.Min.Sub(box.Min), draw.Over)
}
