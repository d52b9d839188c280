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
// gopdf as a small TrueType subset of just the glyphs drawn. gopdf writes
// the pages and font dictionaries; the page contents are written by pen,
// as gopdf's text and line operators write them; finish then puts the
// compressed contents, the font programs and correct ToUnicode maps in
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
		uf.nameSubset()
	}
	raw, contents, err := gopdfOutput(d, order)
	if err != nil {
		return nil, err
	}
	pn := &pen{height: d.Height.Pt(), index: make(map[string]int, len(order))}
	for i, uf := range order {
		pn.index[uf.name] = i + 1 // gopdf's /F1, /F2 … in the order added
	}
	var streams [][]byte
	for _, p := range d.Pages {
		if b, drawn := pn.drawPage(p, used); drawn {
			streams = append(streams, b)
		}
	}
	if len(streams) != len(contents) {
		return nil, errLayout
	}
	if out, err = finish(raw, order, contents, streams, d.Meta, opt); err != nil {
		return nil, err
	}
	keepPDF(made, fs, out)
	return out, nil
}

// gopdfOutput has gopdf write the pages of d and the faces used: a page
// holds a placeholder content stream where something is drawn on it,
// which finish replaces by the page's (see pen); each face is given the
// characters drawn with it, in the order of their code points. It returns
// the PDF and the numbers of the page content objects. The output depends
// on nothing else, and is kept (see gopdfKept): a document of the same
// pages and glyphs as one written lately, as after an edit that changes
// no character set, is not written by gopdf again.
func gopdfOutput(d *page.Doc, order []*usedFace) ([]byte, []int, error) {
	key := gopdfKey(d, order)
	if k, ok := gopdfKept.get(key); ok {
		for i, uf := range order {
			uf.ids = k.ids[i]
		}
		return k.raw, k.contents, nil
	}
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
	for _, uf := range order {
		if err := gp.SetFont(uf.family, "", 12); err != nil {
			return nil, nil, fmt.Errorf("设置字体“%s”失败：%w", uf.name, err)
		}
		if _, err := gp.MeasureTextWidth(string(sortedRunes(uf.runes))); err != nil {
			return nil, nil, fmt.Errorf("排入文字失败（字体“%s”）：%w", uf.name, err)
		}
	}
	var contents []int
	for _, p := range d.Pages {
		gp.AddPage()
		if drawnOn(p) {
			contents = append(contents, gp.GetNextObjectID())
			gp.SetLineWidth(0) // makes the page's content object
		}
	}
	var buf bytes.Buffer
	if _, err := gp.WriteTo(&buf); err != nil {
		return nil, nil, fmt.Errorf("生成 PDF 失败：%w", err)
	}
	k := &gopdfWritten{raw: buf.Bytes(), contents: contents}
	for _, uf := range order {
		k.ids = append(k.ids, uf.ids)
	}
	gopdfKept.put(key, k)
	return k.raw, k.contents, nil
}

// drawnOn reports whether anything is drawn on p.
func drawnOn(p page.Page) bool {
	for _, r := range p.Runs {
		if len(r.Glyphs) > 0 {
			return true
		}
	}
	return len(p.Rules) > 0
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
