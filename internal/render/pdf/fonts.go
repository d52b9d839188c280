package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// Faces gives the font file of a face by the name runs carry in
// page.Run.Face. Data should return the same slice on every call for a
// face: parsed fonts are cached by face name and slice identity, so a new
// slice per call means a new parse per document. Data must be a TrueType
// (glyf outlines) font unless Faces is also a Subsetter.
type Faces interface {
	Data(face string) ([]byte, error)
}

// Subsetter is implemented by Faces whose faces may have outlines that
// gopdf cannot embed (CFF). TrueTypeSubset returns a TrueType font with
// the glyphs of runes, which the PDF embeds in place of the face's Data;
// or nil when Data is TrueType already (fonts.Set implements it).
type Subsetter interface {
	TrueTypeSubset(face string, runes []rune) ([]byte, error)
}

// loadUsedFace returns the parsed face to draw runes of face with: the
// face's own TrueType font, parsed once per process, or the TrueType
// subset the Subsetter makes of a CFF face for this document.
func loadUsedFace(faces Faces, name string, runes []rune) (*parsedFace, error) {
	if s, ok := faces.(Subsetter); ok {
		data, err := s.TrueTypeSubset(name, runes)
		if err != nil {
			return nil, err
		}
		if data != nil {
			pf := &parsedFace{data: data}
			pf.once.Do(pf.parse)
			if pf.err != nil {
				return nil, fmt.Errorf("无法使用字体“%s”转换后的 TrueType 轮廓：%w", name, pf.err)
			}
			return pf, nil
		}
	}
	return loadFace(faces, name)
}

// MissingGlyphError reports a character that a face cannot draw. Coverage is
// checked upstream; this error keeps a gap from silently printing a space.
type MissingGlyphError struct {
	Face string
	Rune rune
}

// Error describes the missing character in Chinese, for the user.
func (e *MissingGlyphError) Error() string {
	return fmt.Sprintf("字体“%s”缺少字符“%c”（U+%04X），请换用包含该字的字体", e.Face, e.Rune, e.Rune)
}

// parsedFace is one face's font file, parsed once and then only read, so
// documents written concurrently share it. tables are sub-slices of data.
type parsedFace struct {
	data        []byte
	sf          *sfnt.Font // cmap lookups, the same as the raster preview's
	tables      map[string][]byte
	upem        int
	numGlyphs   int
	numHMetrics int
	longLoca    bool

	once   sync.Once
	err    error
	glyphs sync.Map // rune → glyphInfo, memoised cmap lookups
}

// glyphInfo is a rune's glyph index in the original font (0: the face lacks
// the rune) and its advance in thousandths of an em, truncated as gopdf
// writes widths.
type glyphInfo struct {
	gid uint16
	adv int
}

// faceCache holds one parsed face per face name. A face whose data slice
// changes (another font installed under the same name) is parsed again.
var faceCache = struct {
	sync.Mutex
	m map[string]*parsedFace
}{m: make(map[string]*parsedFace)}

var sfntBuffers = sync.Pool{New: func() any { return new(sfnt.Buffer) }}

// sameBytes reports whether a and b are the same slice (same backing array
// start and length), which is cheaper than comparing 15 MB of font data.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// loadFace returns the parsed face for name, parsing it on first use. Parsing
// happens outside the cache lock, once per entry, so documents needing other
// faces are not held up.
func loadFace(faces Faces, name string) (*parsedFace, error) {
	data, err := faces.Data(name)
	if err != nil {
		return nil, fmt.Errorf("读取字体“%s”失败：%w", name, err)
	}
	faceCache.Lock()
	pf := faceCache.m[name]
	if pf == nil || !sameBytes(pf.data, data) {
		pf = &parsedFace{data: data}
		faceCache.m[name] = pf
	}
	faceCache.Unlock()
	pf.once.Do(pf.parse)
	if pf.err != nil {
		return nil, fmt.Errorf("无法使用字体“%s”（需要 TrueType 轮廓的 .ttf 文件）：%w", name, pf.err)
	}
	return pf, nil
}

var errTables = errors.New("字体文件缺少必需的表或表已损坏")

// parse reads the table directory and the numbers the subsetter needs.
func (pf *parsedFace) parse() {
	d := pf.data
	if len(d) < 12 || binary.BigEndian.Uint32(d) != 0x00010000 {
		pf.err = errors.New("不是单个 TrueType 轮廓的字体")
		return
	}
	n := int(binary.BigEndian.Uint16(d[4:]))
	if len(d) < 12+16*n {
		pf.err = errTables
		return
	}
	pf.tables = make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		e := d[12+16*i:]
		off, size := uint64(binary.BigEndian.Uint32(e[8:])), uint64(binary.BigEndian.Uint32(e[12:]))
		if off+size > uint64(len(d)) {
			pf.err = errTables
			return
		}
		pf.tables[string(e[:4])] = d[off : off+size]
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "OS/2", "post"} {
		if pf.tables[t] == nil {
			pf.err = fmt.Errorf("字体文件缺少“%s”表", strings.TrimSpace(t))
			return
		}
	}
	head, hhea, maxp := pf.tables["head"], pf.tables["hhea"], pf.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		pf.err = errTables
		return
	}
	pf.upem = int(binary.BigEndian.Uint16(head[18:]))
	pf.longLoca = binary.BigEndian.Uint16(head[50:]) != 0
	pf.numGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))
	pf.numHMetrics = int(binary.BigEndian.Uint16(hhea[34:]))
	locaEntry := 2
	if pf.longLoca {
		locaEntry = 4
	}
	if pf.upem == 0 || pf.numHMetrics == 0 || pf.numHMetrics > pf.numGlyphs ||
		len(pf.tables["loca"]) < locaEntry*(pf.numGlyphs+1) ||
		len(pf.tables["hmtx"]) < 4*pf.numHMetrics+2*(pf.numGlyphs-pf.numHMetrics) {
		pf.err = errTables
		return
	}
	pf.sf, pf.err = sfnt.Parse(d)
}

// glyph returns r's glyph index and advance; ok is false when the face lacks r.
func (pf *parsedFace) glyph(r rune) (gid uint16, adv int, ok bool) {
	if v, hit := pf.glyphs.Load(r); hit {
		g := v.(glyphInfo)
		return g.gid, g.adv, g.gid != 0
	}
	var g glyphInfo
	b := sfntBuffers.Get().(*sfnt.Buffer)
	x, err := pf.sf.GlyphIndex(b, r)
	sfntBuffers.Put(b)
	if err == nil && x != 0 && int(x) < pf.numGlyphs {
		g = glyphInfo{gid: uint16(x), adv: pf.advance(uint16(x)) * 1000 / pf.upem}
	}
	pf.glyphs.Store(r, g)
	return g.gid, g.adv, g.gid != 0
}

// advance returns glyph gid's advance width in font units.
func (pf *parsedFace) advance(gid uint16) int {
	i := min(int(gid), pf.numHMetrics-1)
	return int(binary.BigEndian.Uint16(pf.tables["hmtx"][4*i:]))
}

// lsb returns glyph gid's left side bearing in font units.
func (pf *parsedFace) lsb(gid uint16) uint16 {
	hmtx := pf.tables["hmtx"]
	if int(gid) < pf.numHMetrics {
		return binary.BigEndian.Uint16(hmtx[4*int(gid)+2:])
	}
	return binary.BigEndian.Uint16(hmtx[4*pf.numHMetrics+2*(int(gid)-pf.numHMetrics):])
}

// outline returns glyph gid's bytes in the glyf table (empty for a glyph
// without contours), or nil when the loca table points outside glyf.
func (pf *parsedFace) outline(gid uint16) []byte {
	loca, glyf := pf.tables["loca"], pf.tables["glyf"]
	var from, to int
	if pf.longLoca {
		from, to = int(binary.BigEndian.Uint32(loca[4*int(gid):])), int(binary.BigEndian.Uint32(loca[4*int(gid)+4:]))
	} else {
		from, to = 2*int(binary.BigEndian.Uint16(loca[2*int(gid):])), 2*int(binary.BigEndian.Uint16(loca[2*int(gid)+2:]))
	}
	if from > to || to > len(glyf) {
		return nil
	}
	return glyf[from:to]
}

// pdfName escapes a face name into the characters a PDF name may hold bare,
// writing every other byte as #XX, so distinct faces keep distinct names.
func pdfName(face string) string {
	var b strings.Builder
	for i := 0; i < len(face); i++ {
		c := face[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_', c == '.':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "#%02X", c)
		}
	}
	return b.String()
}
