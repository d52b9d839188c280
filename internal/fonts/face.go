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
	"golang.org/x/image/font/sfnt"

	"replydesk/assets"
)

// Face is one font: embedded in the binary (TrueType), or a file the user
// chose (TrueType or CFF outlines, a single font or one face of a
// collection). Its metrics, glyphs and bytes are read on first use, once;
// a Face is safe for concurrent use and shared by every Set that has it.
// The renderers get a face's glyphs, outlines and subsets from it (see
// Glyph, Outline, Subset).
type Face struct {
	asset string   // file name in package assets; "" for a file's face
	cff   *cffFont // the CFF program of a CFF-outline face, else nil

	dataOnce sync.Once
	data     []byte
	dataErr  error

	metOnce sync.Once
	met     *metrics
	metErr  error

	cmapOnce sync.Once
	cmap     runeMap // nil lookups when the face cannot be read

	glyfOnce sync.Once
	glyf     *glyfFont // the outlines of a TrueType face
	glyfErr  error

	sfntOnce sync.Once
	sfnt     *sfnt.Font // the outlines the rasteriser draws
	sfntErr  error

	subsets subsetCache
}

// embeddedFace returns the face of an embedded font file.
func embeddedFace(asset string) *Face { return &Face{asset: asset} }

// NewFace returns the face of a single font file's bytes (TrueType or CFF
// outlines; not a collection), checked and measured now. data must not
// change afterwards. Documents get their faces from a Set; NewFace serves
// fonts that are not a role's, such as those of tests.
func NewFace(data []byte) (*Face, error) { return newFileFace(data) }

// newFileFace returns the face of a single font's bytes, checked and
// measured now so that a bad file is refused when the user picks it.
func newFileFace(data []byte) (f *Face, err error) {
	defer func() {
		if r := recover(); r != nil { // go-text panics on some damaged tables
			f, err = nil, errors.New("已损坏：字体表的内容不完整或有误；请改选其他字体")
		}
	}()
	kind, err := checkFont(data)
	if err != nil {
		return nil, err
	}
	f = &Face{data: data}
	f.dataOnce.Do(func() {})
	if kind == cffOutlines {
		if f.cff, err = parseCFF(data); err != nil {
			return nil, errors.New("已损坏：无法读取其 CFF 轮廓；请改选其他字体")
		}
	}
	f.metOnce.Do(func() {
		f.met, f.metErr = readMetrics(bytes.NewReader(data))
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
func (f *Face) metrics() *metrics {
	f.metOnce.Do(f.readAsset)
	return f.met
}

// readAsset measures an embedded face straight from the binary, without
// copying the font: only the cmap and metrics tables are read.
func (f *Face) readAsset() {
	data, err := embeddedBytes(f.asset)
	if err == nil {
		f.met, err = readMetrics(bytes.NewReader(data))
	}
	if err != nil {
		f.met, f.metErr = &metrics{upem: 1000, notdef: 1000}, err
	}
}

// bytes returns the face's font file (a single font, even for a face of
// a collection), the same slice on every call.
// An embedded face's slice is the font unpacked once and mapped read-only
// (package assets), not a copy: the PDF writer, the preview and the
// window's theme all read those bytes, and only the pages they touch
// become resident.
func (f *Face) bytes() ([]byte, error) {
	f.dataOnce.Do(func() {
		f.data, f.dataErr = embeddedBytes(f.asset)
	})
	return f.data, f.dataErr
}

// embeddedBytes returns the embedded font file name, without copying it.
func embeddedBytes(name string) ([]byte, error) {
	return assets.FontErr(name) // the error names the font
}

// embeddedExists reports, without unpacking it, whether the embedded font
// file name exists.
func embeddedExists(name string) error {
	if !assets.Has(name) {
		return fmt.Errorf("embedded font %s: %w", name, fs.ErrNotExist)
	}
	return nil
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

// errNoUnicode is returned for a font without a Windows Unicode BMP cmap
// subtable, which PDF text (Identity-H with a TrueType cmap) relies on.
var errNoUnicode = errors.New("没有 Windows Unicode 字符映射表（cmap 3,1 格式 4），PDF 无法使用；请改选其他字体")

// readMetrics reads the cmap and horizontal metrics of the font res. Only
// those tables are read: parsing a whole CJK font with font.ParseTTF
// (GSUB, GPOS, glyf…) takes 40–100 ms, this takes well under 1 ms.
func readMetrics(res ot.Resource) (*metrics, error) {
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
	var raw [3][]byte
	for i, tag := range []ot.Tag{tagMaxp, tagHhea, tagHmtx} {
		var err error
		if raw[i], err = ld.RawTable(tag); err != nil {
			return tables.Hmtx{}, err
		}
	}
	return parseHmtx(raw[0], raw[1], raw[2])
}

// parseHmtx parses the hmtx table, sized by the maxp and hhea tables.
func parseHmtx(maxpRaw, hheaRaw, hmtxRaw []byte) (tables.Hmtx, error) {
	maxp, _, err := tables.ParseMaxp(maxpRaw)
	if err != nil {
		return tables.Hmtx{}, fmt.Errorf("maxp: %w", err)
	}
	hhea, _, err := tables.ParseHhea(hheaRaw)
	if err != nil {
		return tables.Hmtx{}, fmt.Errorf("hhea: %w", err)
	}
	long := int(hhea.NumOfLongMetrics)
	short := max(int(maxp.NumGlyphs)-long, 0)
	hmtx, _, err := tables.ParseHmtx(hmtxRaw, long, short)
	if err != nil || len(hmtx.Metrics) == 0 {
		return tables.Hmtx{}, fmt.Errorf("hmtx: %v", err)
	}
	return hmtx, nil
}

// Glyph returns r's glyph in the face, or false when the face lacks r:
// the glyph its Windows cmap subtables map r to, as Set.Glyph counts
// coverage.
func (f *Face) Glyph(r rune) (gid uint16, ok bool) {
	g, ok := f.runeMap().lookup(r)
	return uint16(g), ok
}

// UnitsPerEm returns the size of the face's em in font units.
func (f *Face) UnitsPerEm() int { return f.metrics().upem }

// runeMap returns the face's cmap lookup, read on first use; a face that
// cannot be read has no characters.
func (f *Face) runeMap() runeMap {
	f.cmapOnce.Do(func() {
		if f.cff != nil {
			f.cmap = f.cff.runes
			return
		}
		if data, err := f.bytes(); err == nil {
			f.cmap, _ = newRuneMap(tableDir(data)["cmap"])
		}
	})
	return f.cmap
}
