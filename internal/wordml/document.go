package wordml

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// document reads the main part, with the styles and numbering it uses,
// and the header of its first section.
func (p *pkg) document() (*Document, error) {
	var st *styles
	if names := p.types[relStyles]; len(names) > 0 && p.parts[names[0]] != nil {
		b, err := p.read(names[0], maxPart)
		if err != nil {
			return nil, err
		}
		if st, err = parseStyles(b); err != nil {
			return nil, err
		}
	}
	var num *numbering
	if names := p.types[relNumbering]; len(names) > 0 && p.parts[names[0]] != nil {
		b, err := p.read(names[0], maxPart)
		if err != nil {
			return nil, err
		}
		if num, err = parseNumbering(b); err != nil {
			return nil, err
		}
	}
	rc, err := p.open(p.main, maxDocument)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	budget := &budget{}
	w := newWalker(rc, budget, st, num)
	blocks, err := w.part()
	if err != nil {
		return nil, err
	}
	d := &Document{Blocks: blocks}
	if d.Header, err = p.header(w.sect, budget, st, num); err != nil {
		return nil, err
	}
	if d.Properties, err = p.properties(); err != nil {
		return nil, err
	}
	return d, nil
}

// Bounds of the custom properties read: a document that carries more is
// not refused, the rest is ignored.
const (
	maxProps     = 64
	maxPropValue = 4096 // bytes
)

// properties reads the custom document properties (docProps/custom.xml,
// ECMA-376 Part 1, 22.3) that hold text: name → value. Properties of other
// types (numbers, dates, booleans) are left out. The properties are
// extras: a part that is not well-formed XML is ignored, not an error.
func (p *pkg) properties() (map[string]string, error) {
	if p.props == "" {
		return nil, nil
	}
	b, err := p.read(p.props, maxPart)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Props []struct {
			Name  string  `xml:"name,attr"`
			Text  *string `xml:"lpwstr"`
			Text2 *string `xml:"lpstr"`
			BStr  *string `xml:"bstr"`
		} `xml:"property"`
	}
	if xml.Unmarshal(b, &doc) != nil {
		return nil, nil
	}
	m := map[string]string{}
	for _, pr := range doc.Props {
		v := pr.Text
		if v == nil {
			v = pr.Text2
		}
		if v == nil {
			v = pr.BStr
		}
		if v == nil || pr.Name == "" || len(*v) > maxPropValue || len(m) == maxProps {
			continue
		}
		m[pr.Name] = *v
	}
	return m, nil
}

// header returns the text of the first section's header as its first page
// shows it: the first-page header when the section has one (w:titlePg),
// else the default one; the other is taken when the one shown is empty.
// Paragraphs are joined by \n, empty ones left out.
func (p *pkg) header(sect *sectPr, b *budget, st *styles, num *numbering) (string, error) {
	if sect == nil {
		return "", nil
	}
	order := []string{"default", "first"}
	if sect.titlePg {
		order = []string{"first", "default"}
	}
	for _, typ := range order {
		name, ok := p.rels[sect.headers[typ]]
		if !ok || p.parts[name] == nil {
			continue
		}
		rc, err := p.open(name, maxPart)
		if err != nil {
			return "", err
		}
		num.reset()
		blocks, err := newWalker(rc, b, st, num).part()
		rc.Close()
		if err != nil {
			return "", err
		}
		var lines []string
		for _, bl := range blocks {
			text := bl.Text
			if bl.Table != nil {
				var sb strings.Builder
				writeTable(&sb, bl.Table, " ")
				text = sb.String()
			}
			if strings.TrimSpace(text) != "" {
				lines = append(lines, text)
			}
		}
		if len(lines) > 0 {
			return strings.Join(lines, "\n"), nil
		}
	}
	return "", nil
}

// symbol returns the character of a w:sym (17.3.3.30): char is its code
// in hexadecimal, font its symbol font. Symbol fonts put their characters
// at F000 plus their 8-bit code; the common ones of Symbol and Wingdings
// are mapped to Unicode, others are kept as the code itself.
func symbol(font, char string) string {
	c, err := strconv.ParseUint(char, 16, 32)
	if err != nil || c == 0 || c > 0x10FFFF || c >= 0xD800 && c < 0xE000 {
		return ""
	}
	if c >= 0xF000 && c <= 0xF0FF {
		code := byte(c - 0xF000)
		f := strings.ToLower(font)
		switch {
		case f == "symbol":
			if r, ok := symbolFont[code]; ok {
				return string(r)
			}
			if code >= 0x20 && code < 0x7F && !(code >= 'A' && code <= 'Z' || code >= 'a' && code <= 'z') {
				return string(rune(code)) // Symbol keeps ASCII punctuation and digits
			}
		case strings.HasPrefix(f, "wingdings"):
			if r, ok := wingdings[symKey{f, code}]; ok {
				return string(r)
			}
		}
	}
	return string(rune(c))
}

// symbolFont maps common characters of the Symbol font to Unicode.
var symbolFont = map[byte]rune{
	0xB7: '•', 0xD7: '×', 0xB8: '÷', 0xB1: '±', 0xA3: '≤', 0xB3: '≥', 0xB9: '≠', 0xBB: '≈',
	0xAE: '→', 0xAC: '←', 0xAD: '↑', 0xAF: '↓', 0xB0: '°', 0xA5: '∞', 0xD6: '√', 0xE5: '∑',
	0xB4: '×', 0xA7: '♣', 0xA8: '♦', 0xA9: '♥', 0xAA: '♠', 0xC5: '⊕', 0xBE: '—', 0xBC: '…',
	'a': 'α', 'b': 'β', 'g': 'γ', 'd': 'δ', 'e': 'ε', 'p': 'π', 'm': 'μ', 's': 'σ', 'W': 'Ω', 'D': 'Δ',
}

// symKey is a character of a symbol font.
type symKey struct {
	font string // lower case
	code byte
}

// wingdings maps the check boxes and marks of forms in Wingdings fonts.
var wingdings = map[symKey]rune{
	{"wingdings", 0xA8}: '□', {"wingdings", 0xFE}: '☑', {"wingdings", 0xFD}: '☒', {"wingdings", 0xFC}: '✓',
	{"wingdings", 0xFB}: '✗', {"wingdings", 0x6C}: '●', {"wingdings", 0x6F}: '□', {"wingdings", 0x6E}: '■',
	{"wingdings", 0x9F}: '•', {"wingdings", 0xA7}: '▪',
	{"wingdings 2", 0x50}: '✓', {"wingdings 2", 0x52}: '☑', {"wingdings 2", 0x53}: '☒', {"wingdings 2", 0xA3}: '□',
	{"wingdings 2", 0x4F}: '✗',
}
