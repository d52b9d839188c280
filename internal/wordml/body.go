package wordml

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Namespaces of the elements read. Word writes the transitional
// namespaces; "Strict Open XML" documents use the purl.oclc.org ones.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsM       = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMStrict = "http://purl.oclc.org/ooxml/officeDocument/math"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
)

// ns classifies a namespace: 'w' WordprocessingML, 'm' math, 'c' markup
// compatibility, 0 anything else.
func ns(space string) byte {
	switch space {
	case nsW, nsWStrict:
		return 'w'
	case nsM, nsMStrict:
		return 'm'
	case nsMC:
		return 'c'
	}
	return 0
}

// skipped are the WordprocessingML elements whose content is not text of
// the document as it reads: deletions and moves-from, field codes, the
// old properties of tracked formatting changes, and properties.
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "instrText": true, "delInstrText": true,
	"pPrChange": true, "rPrChange": true, "sectPrChange": true, "tblPrChange": true, "tblGridChange": true,
	"trPrChange": true, "tcPrChange": true, "numberingChange": true,
	"sdtPr": true, "sdtEndPr": true, "tblPr": true, "tcPr": true, "tblPrEx": true,
	"footnoteReference": true, "endnoteReference": true, "commentReference": true, "fldData": true,
}

// walker reads one part (document.xml or a header) as a stream of XML
// tokens, by recursive descent over the elements it knows; other
// elements are transparent (their content is read).
type walker struct {
	dec    *xml.Decoder
	depth  int
	budget *budget
	st     *styles
	num    *numbering
	sinks  []*sink  // where finished blocks go: the part, a table cell, a text box
	paras  []*para  // open paragraphs (a text box's paragraphs are inside another's)
	tables []*table // open tables
	runs   []bool   // open runs: whether each is hidden
	fields []bool   // open complex fields: whether each is still in its code (before "separate")
	sect   *sectPr  // the first section's properties, once read
}

// budget counts what a document has produced, against the limits.
type budget struct {
	items int
	text  int
}

// sink collects blocks. carry is the text of paragraphs whose mark was
// deleted, waiting to join the next paragraph.
type sink struct {
	blocks []Block
	carry  string
}

// para is a paragraph being read.
type para struct {
	text     strings.Builder
	style    string
	align    string
	numID    string
	ilvl     int
	hasNum   bool // the paragraph sets its numbering (numId 0 removes the style's)
	hasLvl   bool
	deleted  bool    // its paragraph mark is a tracked deletion
	before   []Block // text boxes anchored before any of its text
	after    []Block // text boxes anchored after some of its text
	breakDue bool    // a page or column break waits for text to follow
}

// table is a table being read.
type table struct {
	widths     []int // the grid's column widths in twips (w:tblGrid)
	rows       [][]string
	row        []string
	rowDeleted bool
}

// sectPr is what the reader needs of section properties (17.6.17).
type sectPr struct {
	headers map[string]string // header type ("first", "default", "even") → relationship id
	titlePg bool              // the first page has its own header and footer
}

func newWalker(r io.Reader, b *budget, st *styles, num *numbering) *walker {
	dec := xml.NewDecoder(r)
	return &walker{dec: dec, budget: b, st: st, num: num}
}

// part reads a whole part whose root contains the content (w:document
// with w:body, or w:hdr) and returns its blocks.
func (w *walker) part() ([]Block, error) {
	s := &sink{}
	w.sinks = []*sink{s}
	for {
		tok, err := w.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, asError(err)
		}
		if t, ok := tok.(xml.StartElement); ok {
			if err := w.element(t); err != nil {
				return nil, err
			}
		}
	}
	if err := w.flush(s); err != nil {
		return nil, err
	}
	return s.blocks, nil
}

// inner reads the next token inside an element: the end of the part
// there means the part was cut short.
func (w *walker) inner() (xml.Token, error) {
	tok, err := w.dec.Token()
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, asError(err)
	}
	return tok, nil
}

// enter counts one more level of nesting.
func (w *walker) enter() error {
	if w.depth++; w.depth > maxDepth {
		return &Error{Kind: TooLarge, Msg: fmt.Sprintf(msgDepth, maxDepth)}
	}
	return nil
}

// children reads the content of the element just started, up to its end.
func (w *walker) children() error {
	for {
		tok, err := w.inner()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := w.element(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// skip reads past the content of the element just started, counting its
// nesting (the XML decoder's own Skip would follow any depth).
func (w *walker) skip() error {
	level := 0
	for {
		tok, err := w.inner()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			if level++; w.depth+level > maxDepth {
				return &Error{Kind: TooLarge, Msg: fmt.Sprintf(msgDepth, maxDepth)}
			}
		case xml.EndElement:
			if level == 0 {
				return nil
			}
			level--
		}
	}
}

// element reads element t and its content.
func (w *walker) element(t xml.StartElement) error {
	if err := w.enter(); err != nil {
		return err
	}
	defer func() { w.depth-- }()
	name := t.Name.Local
	switch ns(t.Name.Space) {
	case 'c':
		if name == "AlternateContent" {
			return w.alternate()
		}
		return w.children()
	case 'm':
		if name == "t" {
			return w.text()
		}
		return w.children()
	case 'w':
	default:
		return w.children()
	}
	if skipped[name] {
		return w.skip()
	}
	return w.word(t, name)
}

// word reads element t of WordprocessingML, named name, and its content.
func (w *walker) word(t xml.StartElement, name string) error {
	switch name {
	case "p":
		return w.paragraph()
	case "pPr":
		return w.pPr()
	case "sectPr":
		return w.sectPr()
	case "tbl":
		return w.table()
	case "tblGrid":
		return w.tblGrid()
	case "tr":
		return w.row()
	case "trPr":
		return w.trPr()
	case "tc":
		return w.cell()
	case "txbxContent":
		return w.textBox()
	}
	return w.run(t, name)
}

// run reads element t of a run (a run itself, its properties, its text,
// tabs, breaks, symbols and fields), named name, and its content.
func (w *walker) run(t xml.StartElement, name string) error {
	switch name {
	case "r":
		w.runs = append(w.runs, false)
		err := w.children()
		w.runs = w.runs[:len(w.runs)-1]
		return err
	case "rPr":
		return w.rPr()
	case "t":
		return w.text()
	case "tab", "ptab":
		return w.addEmpty("\t")
	case "br":
		if typ := attr(t, "type"); typ == "page" || typ == "column" {
			if p := w.para(); p != nil && p.text.Len() > 0 {
				p.breakDue = true
			}
			return w.skip()
		}
		return w.addEmpty("\n")
	case "cr":
		return w.addEmpty("\n")
	case "noBreakHyphen":
		return w.addEmpty("-")
	case "sym":
		return w.addEmpty(symbol(attr(t, "font"), attr(t, "char")))
	case "fldChar":
		w.fldChar(attr(t, "fldCharType"))
	}
	return w.children()
}

// attr is the value of t's attribute local (in any namespace).
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// alternate reads the first branch of mc:AlternateContent (a Choice, or
// the Fallback) and skips the others: they hold the same content in
// other markup (17.17.1.1; ECMA-376 Part 3, 10.2).
func (w *walker) alternate() error {
	taken := false
	for {
		tok, err := w.inner()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if taken {
				if err := w.enter(); err != nil {
					return err
				}
				err := w.skip()
				w.depth--
				if err != nil {
					return err
				}
				continue
			}
			taken = true
			if err := w.element(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// para is the innermost open paragraph, or nil.
func (w *walker) para() *para {
	if len(w.paras) == 0 {
		return nil
	}
	return w.paras[len(w.paras)-1]
}

// add appends s to the open paragraph, unless it is hidden or in a
// field's code.
func (w *walker) add(s string) error {
	p := w.para()
	if p == nil || s == "" {
		return nil
	}
	if len(w.runs) > 0 && w.runs[len(w.runs)-1] {
		return nil
	}
	for _, code := range w.fields {
		if code {
			return nil
		}
	}
	if p.breakDue {
		p.breakDue = false
		s = "\n" + s
	}
	if w.budget.text += len(s); w.budget.text > maxText {
		return &Error{Kind: TooLarge, Msg: fmt.Sprintf(msgText, maxText>>20)}
	}
	p.text.WriteString(s)
	return nil
}

// addEmpty adds s for an element that has no content of its own, and
// reads past the element.
func (w *walker) addEmpty(s string) error {
	if err := w.add(s); err != nil {
		return err
	}
	return w.skip()
}

// text reads the character content of w:t or m:t.
func (w *walker) text() error {
	for {
		tok, err := w.inner()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if err := w.add(string(t)); err != nil {
				return err
			}
		case xml.StartElement:
			if err := w.enter(); err != nil {
				return err
			}
			err := w.skip()
			w.depth--
			if err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// fldChar follows the complex fields (17.16.18): text between "begin" and
// "separate" is the field's code, text between "separate" and "end" its
// result.
func (w *walker) fldChar(typ string) {
	switch typ {
	case "begin":
		if len(w.fields) < 64 {
			w.fields = append(w.fields, true)
		}
	case "separate":
		if len(w.fields) > 0 {
			w.fields[len(w.fields)-1] = false
		}
	case "end":
		if len(w.fields) > 0 {
			w.fields = w.fields[:len(w.fields)-1]
		}
	}
}

// rPr reads run properties: hidden text (w:vanish, 17.3.2.41).
func (w *walker) rPr() error {
	return w.props(func(path []string, t xml.StartElement) (action, error) {
		if len(path) == 0 && t.Name.Local == "vanish" && len(w.runs) > 0 {
			v := attr(t, "val")
			w.runs[len(w.runs)-1] = v == "" || on(v)
		}
		return descend, nil
	})
}

// action is what props does with an element after its callback.
type action int

const (
	descend  action = iota // read its content (calling back for each element in it)
	skipIt                 // skip its content
	consumed               // the callback read the content itself
)

// props reads a properties element, calling fn for each element in it
// with the names of the elements between.
func (w *walker) props(fn func(path []string, t xml.StartElement) (action, error)) error {
	var path []string
	defer func() { w.depth -= len(path) }()
	for {
		tok, err := w.inner()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := w.enter(); err != nil {
				return err
			}
			a, err := fn(path, t)
			if err == nil && a == skipIt {
				err = w.skip()
			}
			if err != nil {
				return err
			}
			if a != descend {
				w.depth--
				continue
			}
			path = append(path, t.Name.Local)
		case xml.EndElement:
			if len(path) == 0 {
				return nil
			}
			path = path[:len(path)-1]
			w.depth--
		}
	}
}
