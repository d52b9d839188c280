package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Outline formats of a face.
type outlines int

const (
	glyfOutlines outlines = iota // TrueType: quadratic outlines in glyf
	cffOutlines                  // OpenType CFF: cubic outlines in "CFF "
)

// Tables a face needs, besides its outlines: the PDF writer reads them all.
var (
	commonTables   = []string{"head", "hhea", "maxp", "hmtx", "cmap", "OS/2", "post"}
	requiredTables = append([]string{"name", "loca", "glyf"}, commonTables...)
	requiredCFF    = append([]string{"CFF "}, commonTables...)
)

// checkFont tells the outlines of a single font's sfnt data, or why the
// face cannot be used. It judges by content, whatever the file's
// extension; collections are split into single fonts before (see
// collection.go).
func checkFont(data []byte) (outlines, error) {
	if len(data) < 12 {
		return 0, errors.New("不是有效的字体文件")
	}
	kind, need := glyfOutlines, requiredTables
	switch string(data[:4]) {
	case "\x00\x01\x00\x00":
	case "OTTO":
		kind, need = cffOutlines, requiredCFF
	case "ttcf":
		return 0, errors.New("是字体集合（.ttc），请用“文件#字体名”指明其中的一个字体")
	case "wOFF":
		return 0, errors.New("是网页字体（WOFF）且已损坏；请改选 .ttf、.otf 或 .ttc 文件")
	case "wOF2":
		return 0, errors.New("是 WOFF2 网页字体，无法读取；请改选 .ttf、.otf 或 .ttc 文件")
	case "true", "typ1":
		return 0, errors.New("是旧式苹果字体，PDF 无法嵌入；请改选 .ttf、.otf 或 .ttc 文件")
	default:
		return 0, errors.New("不是有效的字体文件")
	}
	dir := tableDir(data)
	if dir == nil {
		return 0, errors.New("已损坏（表目录不完整）")
	}
	if _, ok := dir["CFF2"]; ok && kind == cffOutlines {
		return 0, errors.New("是 CFF2 轮廓的可变字体，无法嵌入 PDF；请改选该字体的静态 .otf 或 .ttf 文件")
	}
	for _, tag := range need {
		if _, ok := dir[tag]; !ok {
			if tag == "glyf" || tag == "loca" {
				return 0, errors.New("没有轮廓字形（缺少 glyf 表，可能是点阵字体），无法嵌入 PDF；请改选其他字体")
			}
			return 0, fmt.Errorf("缺少 %s 表，不是完整的字体", strings.TrimSpace(tag))
		}
	}
	if format4(dir["cmap"]) == nil {
		return 0, errNoUnicode
	}
	return kind, nil
}

// tableDir maps the table tags of an sfnt font to their bytes; nil when
// the directory or a table lies beyond data.
func tableDir(data []byte) map[string][]byte { return tableDirAt(data, 0) }

// tableDirAt is tableDir of the font whose directory starts at at, as the
// fonts of a collection do; table offsets count from the file's start.
func tableDirAt(data []byte, at int) map[string][]byte {
	if at < 0 || len(data) < at+12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(data[at+4:]))
	if len(data) < at+12+16*n {
		return nil
	}
	dir := make(map[string][]byte, n)
	for i := range n {
		rec := data[at+12+16*i:]
		off, length := uint64(binary.BigEndian.Uint32(rec[8:])), uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+length > uint64(len(data)) {
			return nil
		}
		dir[string(rec[:4])] = data[off : off+length]
	}
	return dir
}

// maxWOFFTable bounds the size a WOFF table may claim once decompressed;
// the largest tables of CJK fonts (glyf, CFF) are some 20 MB.
const maxWOFFTable = 128 << 20

// directoriesFit reports whether every table the font file r (of size
// bytes) lists lies inside it: a single font, each font of a collection,
// or a WOFF file, whose tables must also claim a sane decompressed size.
// go-text's loader allocates a table's claimed length before reading it,
// so a damaged directory would cost gigabytes.
func directoriesFit(r io.ReaderAt, size int64) bool {
	u32 := func(at int64) (uint32, bool) {
		var b [4]byte
		if at < 0 || at+4 > size {
			return 0, false
		}
		_, err := r.ReadAt(b[:], at)
		return binary.BigEndian.Uint32(b[:]), err == nil
	}
	magic, ok := u32(0)
	if !ok {
		return false
	}
	switch magic {
	case 0x74746366: // ttcf
		n, ok := u32(8)
		if !ok || int64(n) > size/4 {
			return false
		}
		for i := range int64(n) {
			off, ok := u32(12 + 4*i)
			if !ok || !sfntFits(r, int64(off), size) {
				return false
			}
		}
		return true
	case 0x774F4646: // wOFF
		n, ok := u32(12)
		if !ok {
			return false
		}
		for i := range int64(n >> 16) {
			e := 44 + 20*i
			off, ok1 := u32(e + 4)
			comp, ok2 := u32(e + 8)
			orig, ok3 := u32(e + 12)
			if !ok1 || !ok2 || !ok3 || int64(off)+int64(comp) > size || orig > maxWOFFTable || comp > orig {
				return false
			}
		}
		return true
	}
	return sfntFits(r, 0, size)
}

// sfntFits reports whether the tables of the font at off lie inside r.
func sfntFits(r io.ReaderAt, off, size int64) bool {
	var head [12]byte
	if off < 0 || off+12 > size {
		return false
	}
	if _, err := r.ReadAt(head[:], off); err != nil {
		return false
	}
	n := int64(binary.BigEndian.Uint16(head[4:]))
	if off+12+16*n > size {
		return false
	}
	dir := make([]byte, 16*n)
	if _, err := r.ReadAt(dir, off+12); err != nil {
		return false
	}
	for i := range n {
		e := dir[16*i:]
		if int64(binary.BigEndian.Uint32(e[8:]))+int64(binary.BigEndian.Uint32(e[12:])) > size {
			return false
		}
	}
	return true
}
