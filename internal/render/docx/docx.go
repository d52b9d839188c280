// Package docx writes a letter (package letter) as a Word document
// (WordprocessingML, ECMA-376 / ISO/IEC 29500) laid out to GB/T 9704-2012:
// A4, the 156 × 225 mm type area at 37 mm from the top and 28 mm from the
// left, a document grid of 22 lines × 28 characters, and — for editors that
// ignore the grid — exact 28.95 pt line spacing and a character spacing at
// which 28 characters of 3号 fill a line. Every part of the letter has a
// paragraph style (正文 is Normal; 标题 is Title; 一级标题 … 四级标题, 主送,
// 署名, 成文日期, 附注, 抄送 …), so a user who edits the document in Word
// keeps the format. Fonts are named, not embedded.
//
// The package writes what package letter decided; it knows nothing of the
// page layout, and the output is byte-stable: no dates unless asked.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"replydesk/internal/letter"
)

// Options of a document. The zero value writes the official font names,
// no dates and no application name.
type Options struct {
	// Fonts maps a font role (fontrole.Title …) to the family Word
	// should use; a role left out takes its official name (see Official).
	Fonts map[string]string
	// Application names the program in docProps/app.xml; "" writes none.
	Application string
	// TitleLines are the lines the title is set in (layout.Result's);
	// when they spell the title, Word breaks it at the same places. nil
	// leaves the breaking to Word, but for forced breaks.
	TitleLines []string
	// SignatureBlanks is how many blank lines stand above the issuer as
	// the PDF sets them (layout.Result's): one where the page had no room
	// for the two under a seal, and Word then has one too. 0 sets the
	// standard's: two under a seal, one without.
	SignatureBlanks int
	// Date, when not zero, is written as the creation and modification
	// date. Zero writes none, so identical letters give identical bytes.
	Date time.Time
}

// Write writes l to w as a .docx.
func Write(w io.Writer, l *letter.Letter, opt Options) error {
	b, err := Bytes(l, opt)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("写出 Word 文档失败：%w", err)
	}
	return nil
}

// part is one file of the package.
type part struct {
	name, contentType string
	body              []byte
}

// Content types of the parts (ECMA-376 Part 1 and Part 2).
const (
	ctMain     = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctStyles   = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	ctSettings = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	ctFonts    = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
	ctFooter   = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	ctHeader   = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
	ctCore     = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp      = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	ctRels     = "application/vnd.openxmlformats-package.relationships+xml"

	relDoc      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relCore     = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relApp      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
	relStyles   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relSettings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
	relFonts    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
	relFooter   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
	relHeader   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
)

// xmlHead opens every XML part.
const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// Bytes returns l as a .docx.
func Bytes(l *letter.Letter, opt Options) ([]byte, error) {
	fonts := fontsOf(opt)
	d := &doc{l: l, fonts: fonts, titleLines: opt.TitleLines, sigBlanks: opt.SignatureBlanks}
	parts := []part{
		{"word/document.xml", ctMain, d.document()},
		{"word/styles.xml", ctStyles, styles(fonts)},
		{"word/settings.xml", ctSettings, []byte(settings)},
		{"word/fontTable.xml", ctFonts, fontTable(fonts)},
		{"word/footer1.xml", ctFooter, footer(fonts, false)},
		{"word/footer2.xml", ctFooter, footer(fonts, true)},
		{"word/footer3.xml", ctFooter, firstFooter(l)},
		{"word/header1.xml", ctHeader, firstHeader(l)},
		{"docProps/core.xml", ctCore, core(l, opt)},
		{"docProps/app.xml", ctApp, app(opt)},
	}
	rels := [][3]string{
		{"rId1", relStyles, "styles.xml"},
		{"rId2", relSettings, "settings.xml"},
		{"rId3", relFonts, "fontTable.xml"},
		{"rId4", relFooter, "footer1.xml"},
		{"rId5", relFooter, "footer2.xml"},
		{"rId6", relFooter, "footer3.xml"},
		{"rId7", relHeader, "header1.xml"},
	}
	pkgRels := [][3]string{
		{"rId1", relDoc, "word/document.xml"},
		{"rId2", relCore, "docProps/core.xml"},
		{"rId3", relApp, "docProps/app.xml"},
	}
	if c := custom(properties(l)); c != nil {
		parts = append(parts, part{"docProps/custom.xml", ctCustom, c})
		pkgRels = append(pkgRels, [3]string{"rId4", relCustom, "docProps/custom.xml"})
	}
	all := []part{{"[Content_Types].xml", "", contentTypes(parts)}, {"_rels/.rels", "", relationships(pkgRels)}}
	all = append(all, part{"word/_rels/document.xml.rels", "", relationships(rels)})
	all = append(all, parts...)

	var buf bytes.Buffer
	buf.Grow(32 << 10)
	z := zip.NewWriter(&buf)
	for _, p := range all {
		// No modification time: the archive is a function of the letter.
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return nil, fmt.Errorf("生成 Word 文档失败：%w", err)
		}
		if _, err := f.Write(p.body); err != nil {
			return nil, fmt.Errorf("生成 Word 文档失败：%w", err)
		}
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("生成 Word 文档失败：%w", err)
	}
	return buf.Bytes(), nil
}

// contentTypes lists the type of every part by name, and of .rels and .xml
// by extension.
func contentTypes(parts []part) []byte {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="` + ctRels + `"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, p := range parts {
		b.WriteString(`<Override PartName="/` + p.name + `" ContentType="` + p.contentType + `"/>`)
	}
	b.WriteString(`</Types>`)
	return []byte(b.String())
}

// relationships writes a relationships part of (id, type, target) rows.
func relationships(rels [][3]string) []byte {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range rels {
		b.WriteString(`<Relationship Id="` + r[0] + `" Type="` + r[1] + `" Target="` + r[2] + `"/>`)
	}
	b.WriteString(`</Relationships>`)
	return []byte(b.String())
}

// core is docProps/core.xml: title, author (the issuer), subject and
// keywords, as the PDF's document information has them.
func core(l *letter.Letter, opt Options) []byte {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	el := func(name, text string) {
		if text != "" {
			b.WriteString("<" + name + ">" + esc(text) + "</" + name + ">")
		}
	}
	el("dc:title", letter.Flat(l.Title))
	el("dc:subject", l.Subject())
	el("dc:creator", l.Issuer)
	el("cp:keywords", l.Keywords())
	if !opt.Date.IsZero() {
		t := opt.Date.UTC().Format(time.RFC3339)
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + t + `</dcterms:created>`)
		b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + t + `</dcterms:modified>`)
	}
	b.WriteString(`</cp:coreProperties>`)
	return []byte(b.String())
}

// app is docProps/app.xml.
func app(opt Options) []byte {
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`)
	if opt.Application != "" {
		b.WriteString(`<Application>` + esc(opt.Application) + `</Application>`)
	}
	b.WriteString(`</Properties>`)
	return []byte(b.String())
}

// esc escapes text for XML character data and attribute values, and
// drops what XML 1.0 cannot hold (C0 controls but tab and line ends, and
// the non-characters U+FFFE and U+FFFF), which a letter never prints.
func esc(s string) string {
	clean := true
	for _, r := range s {
		if strings.ContainsRune(`<>&"'`, r) || !xmlChar(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case xmlChar(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF
}
