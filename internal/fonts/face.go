package fonts

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"

	"replydesk/assets"
)

// face is one font: embedded in the binary (TrueType), or a file the user
// chose (TrueType or CFF outlines, a single font or one face of a
// collection). Its metrics and bytes are read on first use, once; a face
// is safe for concurrent use and shared by every Set that has it.
type face struct {
	asset string   // file name in package assets; "" for a file's face
	cff   *cffFont // the CFF program of a CFF-outline face, else nil

	dataOnce sync.Once
	data     []byte
	dataErr  error

	metOnce sync.Once
	met     *metrics
	metErr  error
}

// embeddedFace returns the face of an embedded font file.
func embeddedFace(asset string) *face { return &face{asset: asset} }

// newFileFace returns the face of a single font's bytes, checked and
// measured now so that a bad file is refused when the user picks it.
func newFileFace(data []byte) (f *face, err error) {
	defer func() {
		if r := recover(); r != nil { // go-text panics on some damaged tables
			f, err = nil, errors.New("已损坏：字体表的内容不完整或有误；请改选其他字体")
		}
	}()
	kind, err := checkFont(data)
	if err != nil {
		return nil, err
	}
	f = &face{data: data}
	f.dataOnce.Do(func() {})
	var skip []bool
	if kind == cffOutlines {
		if f.cff, err = parseCFF(data); err != nil {
			return nil, errors.New("已损坏：无法读取其 CFF 轮廓；请改选其他字体")
		}
	} else {
		skip = nestedComposites(data)
	}
	f.metOnce.Do(func() {
		f.met, f.metErr = readMetrics(bytes.NewReader(data), skip)
	})
	if errors.Is(f.metErr, errNoUnicode) {
		return nil, errNoUnicode
	}
	if f.metErr != nil {
		return nil, errors.New("已损坏：无法读取其字符映射表或字宽表；请改选其他字体")
	}
	return f, nil
}

// metrics returns the face's metrics, reading them on first use. A face
// that cannot be read has no characters (and em and .notdef of 1000 units),
// so the next face of a chain draws them.
func (f *face) metrics() *metrics {
	f.metOnce.Do(f.readAsset)
	return f.met
}

// readAsset measures an embedded face straight from the binary, without
// copying the font: only the cmap and metrics tables are read.
func (f *face) readAsset() {
	data, err := embeddedBytes(f.asset)
	if err == nil {
		f.met, err = readMetrics(bytes.NewReader(data), nil)
	}
	if err != nil {
		f.met, f.metErr = &metrics{upem: 1000, notdef: 1000}, err
	}
}

// bytes returns the face's font file (a single font, even for a face of
// a collection), the same slice on every call.
// An embedded face's slice is the font in the binary's read-only data, not
// a copy: the PDF writer, the preview and the window's theme all read
// those bytes, and only the pages they touch become resident.
func (f *face) bytes() ([]byte, error) {
	f.dataOnce.Do(func() {
		f.data, f.dataErr = embeddedBytes(f.asset)
	})
	return f.data, f.dataErr
}

// embeddedBytes returns the embedded font file name, without copying it.
func embeddedBytes(name string) ([]byte, error) {
	data, ok := assets.Font(name)
	if !ok {
		return nil, fmt.Errorf("embedded font %s: %w", name, fs.ErrNotExist)
	}
	return data, nil
}

// maxAstral bounds the characters beyond the BMP a face may have: the
// largest CJK fonts map some 65,000 (Extensions B to H); a damaged cmap
// could map a million.
const maxAstral = 1 << 17

// metrics is what the typesetter asks of a face, read once from its cmap
// and hmtx tables into flat arrays: a lookup is two array reads.
type metrics struct {
	upem   int
	notdef int                  // advance of glyph 0
	has    [0x10000 / 64]uint64 // bit r: the face has BMP rune r
	adv    [0x10000]uint16      // advance of BMP rune r, in font units
	astral map[rune]uint16      // runes beyond the BMP the face has
}

// lookup returns r's advance and whether the face has r.
func (m *metrics) lookup(r rune) (int, bool) {
	if uint32(r) < 0x10000 {
		if m.has[r>>6]&(1<<(uint(r)&63)) != 0 {
			return int(m.adv[r]), true
		}
		return 0, false
	}
	a, ok := m.astral[r]
	return int(a), ok
}

var (
	tagCmap = ot.MustNewTag("cmap")
	tagHhea = ot.MustNewTag("hhea")
	tagHmtx = ot.MustNewTag("hmtx")
	tagMaxp = ot.MustNewTag("maxp")
	tagName = ot.MustNewTag("name")
	tagCFF  = ot.MustNewTag("CFF ")
)

// errNoUnicode is returned for a font without the cmap subtable gopdf
// needs.
var errNoUnicode = errors.New("没有 Windows Unicode 字符映射表（cmap 3,1 格式 4），PDF 无法使用；请改选其他字体")

// readMetrics reads the cmap and horizontal metrics of the font res. Only
// those tables are read: parsing a whole CJK font with font.ParseTTF
// (GSUB, GPOS, glyf…) takes 40–100 ms, this takes well under 1 ms. Runes
// whose glyph is in skip (nested composites, which gopdf cannot draw) are
// left out, so the next face of a chain draws them.
func readMetrics(res ot.Resource, skip []bool) (*metrics, error) {
	ld, err := ot.NewLoader(res)
	if err != nil {
		return nil, err
	}
	head, _, err := font.LoadHeadTable(ld, nil)
	if err != nil {
		return nil, err
	}
	hmtx, err := readHmtx(ld)
	if err != nil {
		return nil, err
	}
	raw, err := ld.RawTable(tagCmap)
	if err != nil {
		return nil, errNoUnicode
	}
	table, _, err := tables.ParseCmap(raw)
	if err != nil {
		return nil, fmt.Errorf("cmap: %w", err)
	}
	m := &metrics{upem: int(head.Upem()), notdef: int(uint16(hmtx.Advance(0)))}
	ok := eachMapping(table, func(r rune, gid tables.GlyphID) {
		if int(gid) < len(skip) && skip[gid] {
			return
		}
		adv := uint16(hmtx.Advance(gid))
		if r < 0x10000 {
			m.has[r>>6] |= 1 << (uint(r) & 63)
			m.adv[r] = adv
			return
		}
		if m.astral == nil {
			m.astral = make(map[rune]uint16)
		}
		if len(m.astral) < maxAstral {
			m.astral[r] = adv
		}
	})
	if !ok {
		return nil, errNoUnicode
	}
	return m, nil
}

// readHmtx reads the horizontal metrics.
func readHmtx(ld *ot.Loader) (tables.Hmtx, error) {
	raw, err := ld.RawTable(tagMaxp)
	if err != nil {
		return tables.Hmtx{}, err
	}
	maxp, _, err := tables.ParseMaxp(raw)
	if err != nil {
		return tables.Hmtx{}, fmt.Errorf("maxp: %w", err)
	}
	if raw, err = ld.RawTable(tagHhea); err != nil {
		return tables.Hmtx{}, err
	}
	hhea, _, err := tables.ParseHhea(raw)
	if err != nil {
		return tables.Hmtx{}, fmt.Errorf("hhea: %w", err)
	}
	if raw, err = ld.RawTable(tagHmtx); err != nil {
		return tables.Hmtx{}, err
	}
	long := int(hhea.NumOfLongMetrics)
	short := max(int(maxp.NumGlyphs)-long, 0)
	hmtx, _, err := tables.ParseHmtx(raw, long, short)
	if err != nil || len(hmtx.Metrics) == 0 {
		return tables.Hmtx{}, fmt.Errorf("hmtx: %v", err)
	}
	return hmtx, nil
}
