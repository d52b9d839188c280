package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
)

// What excelize cannot stream. Its Rows iterator decodes every cell of
// every row, about 25 µs a row, so that a sheet whose million rows were
// given borders takes half a minute to read to its end; and the only way
// it offers to list the merged ranges parses the whole worksheet into
// memory (gigabytes for such a sheet). scanSheet reads the worksheet's XML
// once, as bytes, for what reading needs beyond the cells: the last row
// that holds a value, where the Rows iterator can stop, the merged ranges
// and the column widths (GetColWidth, too, parses the whole worksheet).
// It looks at tags only, never at cell values, which stay excelize's to
// read.

// maxMerges is the most merged ranges a sheet may have.
const maxMerges = 200_000

// sheetScan is what scanSheet finds in a worksheet.
type sheetScan struct {
	lastRow int      // the 1-based last row with a value, formula or inline string; 0 = none
	merges  []string // the merged ranges, e.g. "A1:L1"
	cols    []colWidth
	// defaultWidth is the sheet's default column width (its
	// sheetFormatPr's defaultColWidth, else baseColWidth); 0 = none.
	defaultWidth float64
}

// colWidth is the width of the columns min to max (1-based).
type colWidth struct {
	min, max int
	width    float64
}

// excelDefaultWidth is the width of a column that nothing sizes.
const excelDefaultWidth = 9.140625

// width returns the width of column c (1-based), as excelize's
// GetColWidth would, without parsing the worksheet.
func (s *sheetScan) width(c int) float64 {
	w := 0.0
	for _, cw := range s.cols {
		if cw.min <= c && c <= cw.max && cw.width > 0 {
			w = cw.width
		}
	}
	switch {
	case w > 0:
		return w
	case s.defaultWidth > 0:
		return s.defaultWidth
	}
	return excelDefaultWidth
}

// scanSheet reads the worksheet of the named sheet.
func scanSheet(zr *zip.Reader, sheet string) (sheetScan, error) {
	part, err := sheetPart(zr, sheet)
	if err != nil {
		return sheetScan{}, err
	}
	rc, err := part.Open()
	if err != nil {
		return sheetScan{}, err
	}
	defer rc.Close()
	var s scanner
	if err := s.scan(rc); err != nil {
		return sheetScan{}, err
	}
	return s.out, nil
}

// scanner walks the tags of a worksheet's XML.
type scanner struct {
	out    sheetScan
	row    int  // the current row
	inData bool // inside sheetData
}

// scan reads r to its end in chunks, handing each complete tag to tag.
// Text never holds a '<' (it is escaped), nor do attribute values, so
// every '<' starts a tag; comments and CDATA sections are skipped whole.
func (s *scanner) scan(r io.Reader) error {
	buf := make([]byte, 0, 256<<10)
	var skipTo []byte // the end of a comment or CDATA section being skipped
	for eof := false; !eof; {
		n, err := io.ReadFull(r, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			eof = true
		} else if err != nil {
			return err
		}
		i := 0
		for i < len(buf) {
			if skipTo != nil {
				j := bytes.Index(buf[i:], skipTo)
				if j < 0 {
					i = max(i, len(buf)-len(skipTo)+1)
					break
				}
				i += j + len(skipTo)
				skipTo = nil
				continue
			}
			j := bytes.IndexByte(buf[i:], '<')
			if j < 0 {
				i = len(buf)
				break
			}
			start := i + j
			rest := buf[start+1:]
			if bytes.HasPrefix(rest, []byte("!--")) {
				i, skipTo = start+4, []byte("-->")
				continue
			}
			if bytes.HasPrefix(rest, []byte("![CDATA[")) {
				i, skipTo = start+9, []byte("]]>")
				continue
			}
			if len(rest) < 8 && !eof {
				i = start // too short to tell a comment from a tag yet
				break
			}
			end := bytes.IndexByte(rest, '>')
			if end < 0 {
				i = start
				break
			}
			if err := s.tag(rest[:end]); err != nil {
				return err
			}
			i = start + 1 + end + 1
		}
		// Keep the unfinished tail; a tag longer than the buffer is damage.
		n = copy(buf, buf[i:])
		buf = buf[:n]
		if n == cap(buf) {
			return errors.New("worksheet XML tag too long")
		}
	}
	return nil
}

// tag takes the text between '<' and '>'.
func (s *scanner) tag(t []byte) error {
	end := len(t) > 0 && t[0] == '/'
	if end {
		t = t[1:]
	}
	if len(t) == 0 {
		return nil
	}
	name := t
	if k := bytes.IndexAny(t, " \t\r\n/"); k >= 0 {
		name = t[:k]
	}
	if k := bytes.IndexByte(name, ':'); k >= 0 {
		name = name[k+1:] // a prefixed name, e.g. x:row
	}
	switch string(name) {
	case "sheetData":
		s.inData = !end && t[len(t)-1] != '/'
	case "row":
		if end || !s.inData {
			return nil
		}
		s.row++
		if v, ok := attr(t, "r"); ok {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return errors.New("bad row number " + strconv.Quote(v))
			}
			s.row = n
		}
	case "v", "f", "is":
		if s.inData && !end {
			s.out.lastRow = s.row
		}
	case "col":
		if end || len(s.out.cols) == maxMerges {
			return nil
		}
		lo, _ := attr(t, "min")
		hi, _ := attr(t, "max")
		w, _ := attr(t, "width")
		cw := colWidth{}
		cw.min, _ = strconv.Atoi(lo)
		cw.max, _ = strconv.Atoi(hi)
		cw.width, _ = strconv.ParseFloat(w, 64)
		s.out.cols = append(s.out.cols, cw)
	case "sheetFormatPr":
		for _, a := range []string{"baseColWidth", "defaultColWidth"} {
			if v, ok := attr(t, a); ok {
				if w, err := strconv.ParseFloat(v, 64); err == nil && w > 0 {
					s.out.defaultWidth = w
				}
			}
		}
	case "mergeCell":
		if end {
			return nil
		}
		if len(s.out.merges) == maxMerges {
			return errors.New("too many merged cells")
		}
		if ref, ok := attr(t, "ref"); ok {
			s.out.merges = append(s.out.merges, ref)
		}
	}
	return nil
}

// attr returns the value of the attribute name in a tag's text.
func attr(t []byte, name string) (string, bool) {
	for {
		k := bytes.IndexByte(t, '=')
		if k < 0 {
			return "", false
		}
		key := bytes.TrimSpace(t[:k])
		if sp := bytes.LastIndexAny(key, " \t\r\n"); sp >= 0 {
			key = key[sp+1:]
		}
		rest := bytes.TrimLeft(t[k+1:], " \t\r\n")
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return "", false
		}
		q := bytes.IndexByte(rest[1:], rest[0])
		if q < 0 {
			return "", false
		}
		if string(key) == name {
			return string(rest[1 : 1+q]), true
		}
		t = rest[2+q:]
	}
}

// sheetPart finds the worksheet of a sheet: the workbook (named by the
// package relationships) lists the sheet with a relationship id, which
// the workbook's relationships resolve to a part.
func sheetPart(zr *zip.Reader, sheet string) (*zip.File, error) {
	book := "xl/workbook.xml"
	if rels, err := relationships(zr, "_rels/.rels"); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				book = partName("", r.target)
			}
		}
	}
	id, err := sheetID(zr, book, sheet)
	if err != nil {
		return nil, err
	}
	rels, err := relationships(zr, path.Join(path.Dir(book), "_rels", path.Base(book)+".rels"))
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if r.id == id {
			if f := zipFile(zr, partName(path.Dir(book), r.target)); f != nil {
				return f, nil
			}
		}
	}
	return nil, errors.New("no worksheet for sheet " + strconv.Quote(sheet))
}

// partName resolves a relationship's target against the folder of its
// source.
func partName(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(dir, target)
}

// zipFile returns the part of that name, matched as excelize does
// (case-insensitively, with backslashes as slashes), or nil.
func zipFile(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, "\\", "/"), name) {
			return f
		}
	}
	return nil
}

type relationship struct{ id, typ, target string }

// maxSmallPart bounds the workbook and relationship parts read whole.
const maxSmallPart = 16 << 20

// readSmallPart returns a part that is read whole.
func readSmallPart(zr *zip.Reader, name string) ([]byte, error) {
	f := zipFile(zr, name)
	if f == nil {
		return nil, errors.New("no part " + name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, maxSmallPart))
}

// relationships reads a relationships part.
func relationships(zr *zip.Reader, name string) ([]relationship, error) {
	data, err := readSmallPart(zr, name)
	if err != nil {
		return nil, err
	}
	var out []relationship
	err = eachStart(data, func(e xml.StartElement) {
		if e.Name.Local == "Relationship" {
			out = append(out, relationship{attrOf(e, "Id", false), attrOf(e, "Type", false), attrOf(e, "Target", false)})
		}
	})
	return out, err
}

// sheetID returns the relationship id of a sheet in the workbook.
func sheetID(zr *zip.Reader, book, sheet string) (string, error) {
	data, err := readSmallPart(zr, book)
	if err != nil {
		return "", err
	}
	id := ""
	err = eachStart(data, func(e xml.StartElement) {
		if e.Name.Local == "sheet" && id == "" && attrOf(e, "name", false) == sheet {
			id = attrOf(e, "id", true)
		}
	})
	if err == nil && id == "" {
		err = errors.New("no sheet " + strconv.Quote(sheet))
	}
	return id, err
}

// eachStart calls fn with each start element of an XML document.
func eachStart(data []byte, fn func(xml.StartElement)) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if e, ok := tok.(xml.StartElement); ok {
			fn(e)
		}
	}
}

// attrOf returns an attribute of e by local name; with spaced, only one
// in a namespace (r:id, not id).
func attrOf(e xml.StartElement, local string, spaced bool) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space != "") == spaced {
			return a.Value
		}
	}
	return ""
}
