// Package pdf writes a laid-out page.Doc as a PDF with gopdf, the only
// importer of gopdf in the project.
//
// Every glyph lands at its own position: text is set on the run's baseline
// at the glyph's left edge, fonts are embedded as subsets named with a
// six-letter tag, and the text extracts in reading order. Identical input
// gives byte-identical output: no date is written unless Options.Date sets
// one.
//
// Fonts come from package fonts: each face a document uses is handed to
// gopdf as a small TrueType subset of just the glyphs drawn. gopdf lays out
// the pages, text operators and font dictionaries; finish then compresses
// the page contents, puts the font programs and correct ToUnicode maps in
// place and adds the document information (see finish for why).
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/signintech/gopdf"

	"replydesk/internal/fonts"
	"replydesk/internal/page"
	"replydesk/internal/safefile"
)

// Options are the settings of one PDF beyond the document itself.
type Options struct {
	// Creator and Producer, when not empty, name the application in the
	// document information.
	Creator, Producer string
	// Date, when not zero, is written as the creation and modification
	// date. Zero writes no date, so identical documents give identical bytes.
	Date time.Time
	// CompressLevel is the zlib level of page content streams: 0 is the
	// default (6), -1 stores them uncompressed, 1…9 as in compress/zlib.
	CompressLevel int
}

// Write renders d to w as a PDF, drawing glyphs with the faces of faces.
// Nothing is written to w unless the whole document rendered.
func Write(w io.Writer, d *page.Doc, faces Faces, opt Options) error {
	b, err := render(d, faces, opt)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("写出 PDF 失败：%w", err)
	}
	return nil
}

// render builds the whole PDF in memory.
func render(d *page.Doc, faces Faces, opt Options) (out []byte, err error) {
	if err := check(d); err != nil {
		return nil, err
	}
	// gopdf panics on some malformed fonts; report that as an error.
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("生成 PDF 失败（字体数据异常？）：%v", r)
		}
	}()
	used, order, err := collectFaces(d, faces)
	if err != nil {
		return nil, err
	}
	made := describe(d, opt)
	fs := make([]*fonts.Face, len(order))
	for i, uf := range order {
		fs[i] = uf.face
	}
	if pdf, ok := cachedPDF(made, fs); ok {
		return pdf, nil
	}
	for _, uf := range order {
		if err := uf.subset(); err != nil {
			return nil, err
		}
	}
	raw, contents, err := gopdfOutput(d, used, order)
	if err != nil {
		return nil, err
	}
	if out, err = finish(raw, order, contents, d.Meta, opt); err != nil {
		return nil, err
	}
	keepPDF(made, fs, out)
	return out, nil
}

// gopdfOutput has gopdf write d with the faces used, its page contents
// uncompressed (finish compresses them); it returns the PDF and the
// numbers of the page content objects.
func gopdfOutput(d *page.Doc, used map[string]*usedFace, order []*usedFace) ([]byte, []int, error) {
	gp := new(gopdf.GoPdf)
	gp.Start(gopdf.Config{
		Unit:     gopdf.UnitPT,
		PageSize: gopdf.Rect{W: d.Width.Pt(), H: d.Height.Pt()},
	})
	gp.SetNoCompression()
	for _, uf := range order {
		if err := uf.embed(gp); err != nil {
			return nil, nil, err
		}
	}
	pn := &pen{gp: gp}
	for i, p := range d.Pages {
		if err := pn.drawPage(p, used); err != nil {
			return nil, nil, fmt.Errorf("第 %d 页：%w", i+1, err)
		}
	}
	var buf bytes.Buffer
	if _, err := gp.WriteTo(&buf); err != nil {
		return nil, nil, fmt.Errorf("生成 PDF 失败：%w", err)
	}
	return buf.Bytes(), pn.contents, nil
}

// check rejects documents gopdf cannot write meaningfully.
func check(d *page.Doc) error {
	switch {
	case d == nil:
		return errors.New("没有可输出的文档")
	case d.Width <= 0 || d.Height <= 0:
		return fmt.Errorf("页面尺寸 %s × %s 无效，宽和高都应大于零", d.Width, d.Height)
	case len(d.Pages) == 0:
		return errors.New("文档没有页面，无法生成 PDF")
	}
	return nil
}

// WriteFile renders d to the PDF file at path. It writes a temporary file in
// the same folder, syncs it and renames it over path, so path holds either
// its old content or the whole new PDF, never half of one; on any error the
// temporary file is removed.
func WriteFile(path string, d *page.Doc, faces Faces, opt Options) error {
	b, err := render(d, faces, opt)
	if err != nil {
		return err
	}
	return safefile.WriteBytes(path, b)
}
