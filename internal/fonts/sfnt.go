package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// requiredTables are the tables gopdf reads; it fails without any of them.
var requiredTables = []string{"head", "hhea", "maxp", "hmtx", "cmap", "name", "OS/2", "post", "loca", "glyf"}

// checkTrueType tells why data is not a font gopdf can embed, or nil.
// It judges by content, whatever the file's extension.
func checkTrueType(data []byte) error {
	if len(data) < 12 {
		return errors.New("不是有效的字体文件")
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00":
	case "ttcf":
		return errors.New("是字体集合（.ttc），PDF 无法嵌入集合中的字体；请改选单个字体的 .ttf 文件")
	case "OTTO":
		return errors.New("是 CFF（PostScript）轮廓的 OpenType 字体，PDF 无法嵌入；请改选 TrueType 轮廓的 .ttf 文件")
	case "wOFF", "wOF2":
		return errors.New("是网页字体（WOFF），PDF 无法嵌入；请改选 .ttf 文件")
	case "true", "typ1":
		return errors.New("是旧式苹果字体，PDF 无法嵌入；请改选 .ttf 文件")
	default:
		return errors.New("不是有效的字体文件")
	}
	dir := tableDir(data)
	if dir == nil {
		return errors.New("已损坏（表目录不完整）")
	}
	for _, tag := range requiredTables {
		if _, ok := dir[tag]; !ok {
			return fmt.Errorf("缺少 %s 表，不是完整的 TrueType 字体", tag)
		}
	}
	if format4(dir["cmap"]) == nil {
		return errNoUnicode
	}
	return nil
}

// tableDir maps the table tags of an sfnt font to their bytes; nil when
// the directory or a table lies beyond data.
func tableDir(data []byte) map[string][]byte {
	if len(data) < 12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil
	}
	dir := make(map[string][]byte, n)
	for i := range n {
		rec := data[12+16*i:]
		off, length := uint64(binary.BigEndian.Uint32(rec[8:])), uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+length > uint64(len(data)) {
			return nil
		}
		dir[string(rec[:4])] = data[off : off+length]
	}
	return dir
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords  = 0x0001
	haveScale     = 0x0008
	moreComponent = 0x0020
	haveXYScale   = 0x0040
	haveTwoByTwo  = 0x0080
)

// nestedComposites marks the glyphs of a TrueType font that are composites
// with a composite component. gopdf resolves components one level deep
// only and draws such glyphs as nothing, so a face must not claim them.
// It returns nil when the font has none or its tables cannot be read.
func nestedComposites(data []byte) []bool {
	dir := tableDir(data)
	head, maxp, loca, glyf := dir["head"], dir["maxp"], dir["loca"], dir["glyf"]
	if len(head) < 54 || len(maxp) < 6 {
		return nil
	}
	g := glyphs{
		loca:  loca,
		glyf:  glyf,
		long:  binary.BigEndian.Uint16(head[50:]) == 1,
		count: int(binary.BigEndian.Uint16(maxp[4:])),
	}
	var out []bool
	for gid := range g.count {
		if !g.composite(gid) || !g.hasCompositeComponent(gid) {
			continue
		}
		if out == nil {
			out = make([]bool, g.count)
		}
		out[gid] = true
	}
	return out
}

// glyphs reads glyph records through the loca table.
type glyphs struct {
	loca, glyf []byte
	long       bool // loca holds 32-bit offsets
	count      int
}

// record returns the bytes of glyph gid, nil for an empty or bad glyph.
func (g glyphs) record(gid int) []byte {
	if gid < 0 || gid >= g.count {
		return nil
	}
	var start, end int
	if g.long {
		if len(g.loca) < 4*gid+8 {
			return nil
		}
		start, end = int(binary.BigEndian.Uint32(g.loca[4*gid:])), int(binary.BigEndian.Uint32(g.loca[4*gid+4:]))
	} else {
		if len(g.loca) < 2*gid+4 {
			return nil
		}
		start, end = 2*int(binary.BigEndian.Uint16(g.loca[2*gid:])), 2*int(binary.BigEndian.Uint16(g.loca[2*gid+2:]))
	}
	if start+10 > end || end > len(g.glyf) {
		return nil
	}
	return g.glyf[start:end]
}

// composite reports whether glyph gid is a composite glyph.
func (g glyphs) composite(gid int) bool {
	rec := g.record(gid)
	return rec != nil && int16(binary.BigEndian.Uint16(rec)) < 0
}

// hasCompositeComponent reports whether a component of the composite glyph
// gid is itself composite.
func (g glyphs) hasCompositeComponent(gid int) bool {
	rec := g.record(gid)
	for p := 10; p+4 <= len(rec); {
		flags := binary.BigEndian.Uint16(rec[p:])
		if g.composite(int(binary.BigEndian.Uint16(rec[p+2:]))) {
			return true
		}
		p += 4 + 2
		if flags&argsAreWords != 0 {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponent == 0 {
			break
		}
	}
	return false
}
