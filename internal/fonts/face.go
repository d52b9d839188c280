package fonts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face is one TrueType font.
type Face struct {
	Name string // unique within a Set; the PDF names the embedded font after it

	data []byte
	once sync.Once
	font *sfnt.Font
	err  error
	upem int

	mu    sync.RWMutex
	cache map[rune]metric
}

// metric is what a face says of one character.
type metric struct {
	advance int // in font units
	has     bool
}

// parse parses the face once.
func (f *Face) parse() error {
	f.once.Do(func() {
		f.font, f.err = sfnt.Parse(f.data)
		if f.err == nil {
			f.upem = int(f.font.UnitsPerEm())
			f.cache = make(map[rune]metric, 1024)
		}
	})
	return f.err
}

// metrics returns r's advance, and whether f has r.
func (f *Face) metrics(r rune) (metric, bool) {
	if f.parse() != nil {
		return metric{advance: 1000}, false
	}
	f.mu.RLock()
	m, ok := f.cache[r]
	f.mu.RUnlock()
	if ok {
		return m, m.has
	}
	b := buffers.Get().(*sfnt.Buffer)
	defer buffers.Put(b)
	gid, err := f.font.GlyphIndex(b, r)
	m.has = err == nil && gid != 0
	if !m.has {
		gid = 0
	}
	adv, err := f.font.GlyphAdvance(b, gid, fixed.I(f.upem), 0)
	if err == nil {
		m.advance = adv.Round()
	} else {
		m.advance = f.upem
	}
	f.mu.Lock()
	f.cache[r] = m
	f.mu.Unlock()
	return m, m.has
}

// Has reports whether f has a glyph for r.
func (f *Face) Has(r rune) bool {
	_, ok := f.metrics(r)
	return ok
}

// ErrUnusable is wrapped by the errors of fonts that cannot be embedded.
var ErrUnusable = errors.New("unusable font")

// LoadFile reads an installed TrueType font. The face is named after the
// font's PostScript name.
func LoadFile(path string) (*Face, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取字体文件“%s”：%w", path, err)
	}
	if err := usable(data, path); err != nil {
		return nil, err
	}
	f := &Face{data: data}
	if err := f.parse(); err != nil {
		return nil, fmt.Errorf("字体文件“%s”已损坏或不是字体：%w", filepath.Base(path), ErrUnusable)
	}
	var b sfnt.Buffer
	name, err := f.font.Name(&b, sfnt.NameIDPostScript)
	if err != nil || name == "" {
		name = trimExt(filepath.Base(path))
	}
	f.Name = name
	return f, nil
}

// usable checks the file's signature: plain TrueType outlines only.
func usable(data []byte, path string) error {
	base := filepath.Base(path)
	if len(data) < 12 {
		return fmt.Errorf("字体文件“%s”已损坏或不是字体：%w", base, ErrUnusable)
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
		return nil
	case "ttcf":
		return fmt.Errorf("字体文件“%s”是字体集合（.ttc），PDF 无法嵌入：请选用单个 TrueType 字体文件（.ttf）：%w", base, ErrUnusable)
	case "OTTO":
		return fmt.Errorf("字体文件“%s”是 CFF 轮廓的 OpenType 字体，PDF 无法嵌入：请选用 TrueType 字体文件（.ttf）：%w", base, ErrUnusable)
	}
	return fmt.Errorf("字体文件“%s”已损坏或不是字体：%w", base, ErrUnusable)
}

func trimExt(s string) string { return s[:len(s)-len(filepath.Ext(s))] }
