package wordml

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Relationship types (ECMA-376 Part 1, 11.3 and 15.2).
const (
	relDocument    = "/officeDocument"
	relStyles      = "/styles"
	relNumbering   = "/numbering"
	relHeader      = "/header"
	relCustomProps = "/custom-properties"
)

// pkg is an opened .docx: its zip directory and the main part's name.
type pkg struct {
	parts map[string]*zip.File // by lower-case part name (OPC names are case-insensitive)
	main  string               // the main document part, e.g. "word/document.xml"
	rels  map[string]string    // the main part's relationships: id → part name
	types map[string][]string  // relationship type suffix → part names, in order
	props string               // the custom properties part (docProps/custom.xml), or ""
}

// openPackage checks what the file is and opens its zip directory.
func openPackage(r io.ReaderAt, size int64) (*pkg, error) {
	var head [8]byte
	n, _ := r.ReadAt(head[:], 0)
	switch {
	case n == 8 && bytes.Equal(head[:], oleMagic):
		if oleHas(r, size, "EncryptedPackage") {
			return nil, &Error{Kind: Encrypted, Msg: msgEncrypted}
		}
		return nil, &Error{Kind: Legacy, Msg: msgLegacy}
	case n >= 5 && string(head[:5]) == "{\\rtf":
		return nil, &Error{Kind: Legacy, Msg: msgRTF}
	case n < 4 || string(head[:4]) != "PK\x03\x04":
		return nil, damaged(errors.New("not a zip archive"))
	}
	if err := checkDirectory(r, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, damaged(err)
	}
	p := &pkg{parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := p.parts[name]; !dup {
			p.parts[name] = f
		}
	}
	if err := p.findMain(); err != nil {
		return nil, err
	}
	return p, nil
}

// checkDirectory reads the end of central directory record (APPNOTE
// 4.3.16) and refuses an archive with too many entries before the zip
// reader allocates them.
func checkDirectory(r io.ReaderAt, size int64) error {
	const eocdLen, maxComment = 22, 65535
	tail := int64(eocdLen + maxComment)
	if tail > size {
		tail = size
	}
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return damaged(err)
	}
	i := bytes.LastIndex(buf, []byte("PK\x05\x06"))
	if i < 0 || len(buf)-i < eocdLen {
		return damaged(errors.New("no end of central directory"))
	}
	if entries := binary.LittleEndian.Uint16(buf[i+10:]); entries > maxEntries {
		return &Error{Kind: TooLarge, Msg: fmt.Sprintf(msgEntries, maxEntries)}
	}
	return nil
}

// findMain finds the main document part through the package
// relationships (_rels/.rels), or at its usual name.
func (p *pkg) findMain() error {
	if f := p.parts["mimetype"]; f != nil && f.UncompressedSize64 < 100 {
		if b, err := p.read("mimetype", 100); err == nil && strings.Contains(string(b), "opendocument") {
			return &Error{Kind: Legacy, Msg: msgODT}
		}
	}
	rels, err := p.relationships("")
	if err != nil {
		return err
	}
	for _, r := range rels {
		name := strings.ToLower(r.target)
		switch {
		case p.parts[name] == nil:
		case strings.HasSuffix(r.Type, relDocument) && p.main == "":
			p.main = name
		case strings.HasSuffix(r.Type, relCustomProps) && p.props == "":
			p.props = name
		}
	}
	if p.main == "" {
		if p.parts["word/document.xml"] == nil {
			return damaged(errors.New("no main document part"))
		}
		p.main = "word/document.xml"
	}
	mainRels, err := p.relationships(p.main)
	if err != nil {
		return err
	}
	p.rels = make(map[string]string, len(mainRels))
	p.types = make(map[string][]string)
	for _, r := range mainRels {
		p.rels[r.ID] = r.target
		if i := strings.LastIndexByte(r.Type, '/'); i >= 0 {
			p.types[r.Type[i:]] = append(p.types[r.Type[i:]], r.target)
		}
	}
	return nil
}

// rel is one relationship of a part (ECMA-376 Part 2, 9.3).
type rel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
	target string // the part name Target resolves to
}

// relationships reads the relationships of part src ("" for the package)
// and resolves their targets to part names. A part without relationships
// has none.
func (p *pkg) relationships(src string) ([]rel, error) {
	dir, file := path.Split(src)
	name := dir + "_rels/" + file + ".rels"
	if p.parts[name] == nil {
		return nil, nil
	}
	b, err := p.read(name, maxPart)
	if err != nil {
		return nil, err
	}
	var x struct {
		Rels []rel `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &x); err != nil {
		return nil, damaged(err)
	}
	out := x.Rels[:0]
	for _, r := range x.Rels {
		if strings.EqualFold(r.Mode, "External") {
			continue
		}
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = path.Clean(t[1:])
		} else {
			t = path.Join(dir, t)
		}
		r.target = strings.ToLower(t)
		out = append(out, r)
	}
	return out, nil
}

// open opens part name for reading, at most limit bytes: the size the zip
// directory declares is checked first, and the bytes actually inflated are
// capped, so a zip bomb costs no more than limit.
func (p *pkg) open(name string, limit int64) (io.ReadCloser, error) {
	f := p.parts[name]
	if f == nil {
		return nil, damaged(fmt.Errorf("no part %s", name))
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, tooLarge(name, int64(f.UncompressedSize64), limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, damaged(err)
	}
	return &capped{r: rc, left: limit, name: name, limit: limit}, nil
}

// read reads part name whole, at most limit bytes.
func (p *pkg) read(name string, limit int64) ([]byte, error) {
	rc, err := p.open(name, limit)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, asError(err)
	}
	return b, nil
}

// capped reads at most left bytes of r, then fails with a TooLarge error
// (when the zip directory understated the size).
type capped struct {
	r     io.ReadCloser
	left  int64
	name  string
	limit int64
}

func (c *capped) Read(b []byte) (int, error) {
	if c.left <= 0 {
		// Anything beyond the limit is too much, even if the entry would
		// end right here: probe one byte.
		var one [1]byte
		if n, _ := c.r.Read(one[:]); n > 0 {
			return 0, tooLarge(c.name, c.limit+1, c.limit)
		}
		return 0, io.EOF
	}
	if int64(len(b)) > c.left {
		b = b[:c.left]
	}
	n, err := c.r.Read(b)
	c.left -= int64(n)
	return n, err
}

func (c *capped) Close() error { return c.r.Close() }

// tooLarge refuses part name of size bytes beyond limit.
func tooLarge(name string, size, limit int64) *Error {
	what := "“" + name + "”部件"
	if strings.HasSuffix(name, "document.xml") {
		what = "正文"
	}
	return &Error{Kind: TooLarge, Msg: fmt.Sprintf(msgPart, what, human(size), limit>>20)}
}

// human writes a byte count in KB or MB.
func human(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)>>10)
}
