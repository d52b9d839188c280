package wordml

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// paragraph reads a w:p (17.3.1.22) and puts it in the current sink,
// with the text boxes anchored in it before or after it.
func (w *walker) paragraph() error {
	p := &para{}
	w.paras = append(w.paras, p)
	err := w.children()
	w.paras = w.paras[:len(w.paras)-1]
	if err != nil {
		return err
	}
	s := w.sinks[len(w.sinks)-1]
	for _, b := range p.before {
		if err := w.emit(s, b); err != nil {
			return err
		}
	}
	text := p.text.String()
	if p.deleted {
		// Accepting the deletion of a paragraph mark joins the paragraph
		// to the next one, which keeps its own properties (17.13.5.15).
		s.carry += text
	} else {
		b := Block{Text: s.carry + text, Style: p.style, Align: normAlign(p.align)}
		s.carry = ""
		if b.Align == "" {
			b.Align = normAlign(w.st.align(p.style))
		}
		b.StyleName = w.st.name(p.style)
		if b.Number, err = w.number(p); err != nil {
			return err
		}
		if b.Number != "" {
			b.Text = b.Number + b.Text
		}
		if err := w.emit(s, b); err != nil {
			return err
		}
	}
	for _, b := range p.after {
		if err := w.emit(s, b); err != nil {
			return err
		}
	}
	return nil
}

// number counts paragraph p in its numbering, direct or from its style,
// and returns its number text with what follows it.
func (w *walker) number(p *para) (string, error) {
	numID, ilvl, hasLvl := p.numID, p.ilvl, p.hasLvl
	if !p.hasNum {
		var styleLvl int
		numID, styleLvl, hasLvl = w.st.numbering(p.style)
		if !p.hasLvl {
			ilvl = styleLvl
		}
		hasLvl = hasLvl || p.hasLvl
	}
	if numID == "" || numID == "0" || w.num == nil {
		return "", nil
	}
	if !hasLvl {
		ilvl = w.num.level(numID, p.style)
	}
	n, suffix := w.num.next(numID, ilvl)
	if n == "" {
		return "", nil
	}
	if w.budget.text += len(n); w.budget.text > maxText {
		return "", &Error{Kind: TooLarge, Msg: fmt.Sprintf(msgText, maxText>>20)}
	}
	return n + suffix, nil
}

// emit puts block b in sink s, counting it.
func (w *walker) emit(s *sink, b Block) error {
	if w.budget.items++; w.budget.items > maxItems {
		return &Error{Kind: TooLarge, Msg: fmt.Sprintf(msgItems, maxItems)}
	}
	s.blocks = append(s.blocks, b)
	return nil
}

// flush emits the text left waiting on a deleted paragraph mark at the
// end of sink s.
func (w *walker) flush(s *sink) error {
	if s.carry == "" {
		return nil
	}
	c := s.carry
	s.carry = ""
	return w.emit(s, Block{Text: c})
}

// pPr reads paragraph properties (17.3.1.26): style, alignment,
// numbering, whether the paragraph mark is deleted, and the properties of
// the section the paragraph ends, if any.
func (w *walker) pPr() error {
	p := w.para()
	return w.props(func(path []string, t xml.StartElement) (action, error) {
		if ns(t.Name.Space) != 'w' {
			return skipIt, nil
		}
		name := t.Name.Local
		switch {
		case name == "sectPr":
			return consumed, w.sectPr()
		case skipped[name] && !(len(path) == 1 && path[0] == "rPr"):
			return skipIt, nil
		case p == nil:
		case len(path) == 0 && name == "pStyle":
			p.style = attr(t, "val")
		case len(path) == 0 && name == "jc":
			p.align = attr(t, "val")
		case len(path) == 1 && path[0] == "numPr" && name == "numId":
			p.numID, p.hasNum = attr(t, "val"), true
		case len(path) == 1 && path[0] == "numPr" && name == "ilvl":
			p.ilvl, p.hasLvl = atoi(attr(t, "val")), true
		case len(path) == 1 && path[0] == "rPr" && (name == "del" || name == "moveFrom"):
			p.deleted = true
			return skipIt, nil
		}
		return descend, nil
	})
}

// sectPr reads section properties (17.6.17): of the first section, the
// header references and whether the first page has its own header.
func (w *walker) sectPr() error {
	if w.sect != nil {
		return w.skip()
	}
	sp := &sectPr{headers: map[string]string{}}
	w.sect = sp
	return w.props(func(path []string, t xml.StartElement) (action, error) {
		if len(path) > 0 || ns(t.Name.Space) != 'w' {
			return skipIt, nil
		}
		switch t.Name.Local {
		case "headerReference":
			typ := attr(t, "type")
			if typ == "" {
				typ = "default"
			}
			for _, a := range t.Attr {
				if a.Name.Local == "id" && (a.Name.Space == nsR || a.Name.Space == nsRStrict) {
					sp.headers[typ] = a.Value
				}
			}
		case "titlePg":
			v := attr(t, "val")
			sp.titlePg = v == "" || on(v)
		}
		return skipIt, nil
	})
}

// table reads a w:tbl (17.4.38) and puts it in the current sink.
func (w *walker) table() error {
	t := &table{rows: [][]string{}}
	w.tables = append(w.tables, t)
	err := w.children()
	w.tables = w.tables[:len(w.tables)-1]
	if err != nil {
		return err
	}
	return w.emit(w.sinks[len(w.sinks)-1], Block{Table: t.rows, Widths: t.widths})
}

// maxGridCols bounds the columns of a table grid the reader keeps; Word
// allows 63.
const maxGridCols = 64

// tblGrid reads a table's grid: the width of each column in twips
// (17.4.16). A grid that gives no usable width (missing, zero or not a
// number) is dropped whole: its proportions would be wrong.
func (w *walker) tblGrid() error {
	var widths []int
	ok := true
	err := w.props(func(path []string, t xml.StartElement) (action, error) {
		if len(path) == 0 && ns(t.Name.Space) == 'w' && t.Name.Local == "gridCol" {
			n, err := strconv.Atoi(attr(t, "w"))
			if err != nil || n <= 0 || n > 1<<20 || len(widths) == maxGridCols {
				ok = false
			} else {
				widths = append(widths, n)
			}
		}
		return skipIt, nil
	})
	if err != nil {
		return err
	}
	if ok && len(w.tables) > 0 {
		w.tables[len(w.tables)-1].widths = widths
	}
	return nil
}

// row reads a w:tr; a row whose insertion is deleted is dropped.
func (w *walker) row() error {
	if len(w.tables) == 0 {
		return w.children()
	}
	t := w.tables[len(w.tables)-1]
	t.row, t.rowDeleted = []string{}, false
	if err := w.children(); err != nil {
		return err
	}
	if !t.rowDeleted {
		t.rows = append(t.rows, t.row)
	}
	t.row = nil
	return nil
}

// trPr reads row properties: a deleted row (17.13.5.12).
func (w *walker) trPr() error {
	return w.props(func(path []string, t xml.StartElement) (action, error) {
		if len(path) == 0 && ns(t.Name.Space) == 'w' && t.Name.Local == "del" && len(w.tables) > 0 {
			w.tables[len(w.tables)-1].rowDeleted = true
		}
		return skipIt, nil
	})
}

// cell reads a w:tc: its paragraphs joined by \n, a table in it as its
// rows of cells joined by \t.
func (w *walker) cell() error {
	s, err := w.inSink()
	if err != nil {
		return err
	}
	if len(w.tables) == 0 || w.tables[len(w.tables)-1].row == nil {
		// A cell outside a row: keep its text as paragraphs.
		for _, b := range s.blocks {
			if err := w.emit(w.sinks[len(w.sinks)-1], b); err != nil {
				return err
			}
		}
		return nil
	}
	var b strings.Builder
	for i, bl := range s.blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		if bl.Table != nil {
			writeTable(&b, bl.Table, " ")
		} else {
			b.WriteString(bl.Text)
		}
	}
	if w.budget.items++; w.budget.items > maxItems {
		return &Error{Kind: TooLarge, Msg: fmt.Sprintf(msgItems, maxItems)}
	}
	t := w.tables[len(w.tables)-1]
	t.row = append(t.row, b.String())
	return nil
}

// inSink reads the content of the element just started into a sink of
// its own, and returns it. Paragraphs and tables outside of it are not
// open inside it.
func (w *walker) inSink() (*sink, error) {
	s := &sink{}
	w.sinks = append(w.sinks, s)
	paras, tables := w.paras, w.tables
	w.paras, w.tables = nil, nil
	err := w.children()
	w.paras, w.tables = paras, tables
	w.sinks = w.sinks[:len(w.sinks)-1]
	if err == nil {
		err = w.flush(s)
	}
	return s, err
}

// textBox reads a w:txbxContent (17.17.1.1) and places its blocks where
// the anchor stands: before the anchoring paragraph when no text of it
// comes before the anchor, else after it.
func (w *walker) textBox() error {
	// The blocks are counted when they are placed.
	s, err := w.inSink()
	if err != nil {
		return err
	}
	w.budget.items -= len(s.blocks)
	p := w.para()
	switch {
	case p == nil:
		for _, b := range s.blocks {
			if err := w.emit(w.sinks[len(w.sinks)-1], b); err != nil {
				return err
			}
		}
	case strings.TrimSpace(p.text.String()) == "":
		p.before = append(p.before, s.blocks...)
	default:
		p.after = append(p.after, s.blocks...)
	}
	return nil
}
