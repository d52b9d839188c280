package fonts

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	ot "github.com/go-text/typesetting/font/opentype"
)

// A font file holds one face (.ttf, .otf) or several (.ttc, .otc: Windows'
// simsun.ttc holds 宋体 and 新宋体, Noto Sans CJK's .ttc ten faces). A face
// of a collection is written out as a font file of its own, so that the
// rest of the package, and the renderers, see single fonts only.

// FaceSep separates a collection's file from the face chosen in it, as in
// "simsun.ttc#SimSun" or "NotoSansCJK-Regular.ttc#2".
const FaceSep = "#"

// fileFace is one face of a font file, as its name table names it.
type fileFace struct {
	index  int
	ld     *ot.Loader
	names  []nameRecord
	family string // in Chinese when the font has a Chinese name
	style  string
	ps     string // PostScript name
}

// facesOf lists the faces of a font file's data: one for a single font,
// each of a collection's. Only the directory and the name tables are read.
func facesOf(data []byte) ([]fileFace, error) {
	if !directoriesFit(bytes.NewReader(data), int64(len(data))) {
		return nil, errors.New("已损坏（字体表超出文件范围）")
	}
	lds, err := ot.NewLoaders(bytes.NewReader(data))
	if err != nil || len(lds) == 0 {
		return nil, errors.New("不是有效的字体文件")
	}
	return loaderFaces(lds), nil
}

// loaderFaces reads the names of the faces of a file.
func loaderFaces(lds []*ot.Loader) []fileFace {
	out := make([]fileFace, len(lds))
	for i, ld := range lds {
		raw, _ := ld.RawTable(tagName)
		recs := parseNames(raw)
		out[i] = fileFace{
			index:  i,
			ld:     ld,
			names:  recs,
			family: lookupName(recs, nameFamily, true),
			style:  lookupName(recs, nameSubfamily, false),
			ps:     lookupName(recs, namePostScript, false),
		}
	}
	return out
}

// isCollection reports whether data is a font collection.
func isCollection(data []byte) bool { return len(data) >= 4 && string(data[:4]) == "ttcf" }

// splitSpec splits "file#face" into the file and the face; exists tells
// whether a path exists, so that a file whose name has a # is still found.
func splitSpec(spec string, exists func(string) bool) (path, face string) {
	if exists(spec) {
		return spec, ""
	}
	if i := strings.LastIndex(spec, FaceSep); i > 0 {
		return spec[:i], strings.TrimSpace(spec[i+len(FaceSep):])
	}
	return spec, ""
}

// pickFace returns the face of data that want names: an index from 0, or
// a name (PostScript, family or full name, in any language, ignoring case,
// spaces, - and _). An empty want picks a collection's first face with a
// mainland Chinese name (宋体 in simsun.ttc, the SC face of Noto CJK), else
// its first face.
func pickFace(faces []fileFace, want string) (fileFace, error) {
	if want == "" {
		for _, f := range faces {
			for _, r := range f.names {
				if r.id == nameFamily && r.platform == 3 && r.lang == 0x0804 {
					return f, nil
				}
			}
		}
		return faces[0], nil
	}
	if i, err := strconv.Atoi(want); err == nil {
		if i >= 0 && i < len(faces) {
			return faces[i], nil
		}
		return fileFace{}, fmt.Errorf("只有 %d 个字体（编号 0–%d），没有编号 %d；其中的字体有：%s", len(faces), len(faces)-1, i, faceList(faces))
	}
	key := nameKey(want)
	for _, f := range faces {
		for _, r := range f.names {
			if (r.id == nameFamily || r.id == nameFull || r.id == namePostScript || r.id == nameTypoFamily) && nameKey(r.text()) == key {
				return f, nil
			}
		}
	}
	return fileFace{}, fmt.Errorf("中没有名为“%s”的字体；其中的字体有：%s", want, faceList(faces))
}

// nameKey folds a face name for matching: lower case, without spaces,
// hyphens and underscores.
func nameKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '_' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// faceList names the faces for a message: "0 SimSun（宋体）、1 NSimSun（新宋体）".
func faceList(faces []fileFace) string {
	var parts []string
	for _, f := range faces {
		s := strconv.Itoa(f.index) + " " + f.label()
		parts = append(parts, s)
	}
	return strings.Join(parts, "、")
}

// label names a face: its PostScript name, with its family in brackets
// when that differs (a Chinese name).
func (f fileFace) label() string {
	ps := cmp.Or(f.ps, f.family)
	if f.family != "" && nameKey(f.family) != nameKey(ps) && !strings.HasPrefix(nameKey(ps), nameKey(f.family)) {
		return ps + "（" + f.family + "）"
	}
	return ps
}

// selector returns what chooses f in its file after FaceSep: its
// PostScript name when no other face of faces has it, else its index.
func (f fileFace) selector(faces []fileFace) string {
	if f.ps != "" && !strings.Contains(f.ps, FaceSep) && f.ps == strings.TrimSpace(f.ps) {
		if _, err := strconv.Atoi(f.ps); err != nil {
			n := 0
			for _, g := range faces {
				if nameKey(g.ps) == nameKey(f.ps) {
					n++
				}
			}
			if n == 1 {
				return f.ps
			}
		}
	}
	return strconv.Itoa(f.index)
}

// standalone writes face f of the font file data as a font file of its
// own: every table but a digital signature, which no longer holds for the
// new file. A collection's tables are sliced from data; a WOFF's are
// decompressed.
func (f fileFace) standalone(data []byte) ([]byte, error) {
	var tables map[string][]byte
	if isCollection(data) && len(data) >= 16+4*f.index {
		tables = tableDirAt(data, int(binary.BigEndian.Uint32(data[12+4*f.index:])))
		if tables == nil {
			return nil, errors.New("已损坏（字体表超出文件范围）")
		}
		delete(tables, "DSIG")
	} else {
		tables = make(map[string][]byte)
		for _, tag := range f.ld.Tables() {
			raw, err := f.ld.RawTable(tag)
			if err != nil {
				return nil, errors.New("已损坏（字体表超出文件范围）")
			}
			tables[tag.String()] = raw
		}
		delete(tables, "DSIG")
	}
	version := uint32(0x00010000)
	if f.ld.HasTable(tagCFF) {
		version = binary.BigEndian.Uint32([]byte("OTTO"))
	}
	return writeSfnt(version, tables), nil
}
