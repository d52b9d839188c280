package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"unicode/utf16"
)

// maxSegments keeps a format 4 subtable within its 16-bit length.
const maxSegments = 8000

var errTooManyRunes = errors.New("同一字体在一份文档中使用的字符过多，无法生成字体子集")

// cmapRun is a run of consecutive runes mapped to consecutive glyphs: one
// segment of a format 4 subtable or one group of a format 12 one.
type cmapRun struct {
	first, last rune
	gid         uint16
}

// cmapRuns maps the distinct runes, in increasing order, to the subset's
// glyphs and merges them into runs.
func cmapRuns(pf *parsedFace, runes []rune, newID map[uint16]uint16) []cmapRun {
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	var runs []cmapRun
	for _, r := range rs {
		g, _, _ := pf.glyph(r)
		gid := newID[g]
		if n := len(runs); n > 0 && runs[n-1].last+1 == r && int(runs[n-1].gid)+int(r-runs[n-1].first) == int(gid) {
			runs[n-1].last = r
			continue
		}
		runs = append(runs, cmapRun{r, r, gid})
	}
	return runs
}

// subsetCmap writes a cmap with a (3,1) format 4 subtable for the BMP runes
// (gopdf requires it) and, when some rune lies beyond the BMP, a (3,10)
// format 12 subtable for all of them.
func subsetCmap(pf *parsedFace, runes []rune, newID map[uint16]uint16) ([]byte, error) {
	runs := cmapRuns(pf, runes, newID)
	var segs [][3]uint16 // start, end, idDelta
	for _, s := range runs {
		if s.first > 0xFFFE {
			break
		}
		last := min(s.last, 0xFFFE)
		segs = append(segs, [3]uint16{uint16(s.first), uint16(last), s.gid - uint16(s.first)})
	}
	segs = append(segs, [3]uint16{0xFFFF, 0xFFFF, 1}) // required final segment, to glyph 0
	if len(segs) > maxSegments {
		return nil, errTooManyRunes
	}
	subtables := [][]byte{format4(segs)}
	ids := [][2]uint16{{3, 1}}
	if n := len(runs); n > 0 && runs[n-1].last > 0xFFFF {
		groups := make([][3]uint32, len(runs))
		for i, s := range runs {
			groups[i] = [3]uint32{uint32(s.first), uint32(s.last), uint32(s.gid)}
		}
		subtables = append(subtables, format12(groups))
		ids = append(ids, [2]uint16{3, 10})
	}
	out := make([]byte, 4+8*len(subtables))
	binary.BigEndian.PutUint16(out[2:], uint16(len(subtables)))
	for i, st := range subtables {
		binary.BigEndian.PutUint16(out[4+8*i:], ids[i][0])
		binary.BigEndian.PutUint16(out[6+8*i:], ids[i][1])
		binary.BigEndian.PutUint32(out[8+8*i:], uint32(len(out)))
		out = append(out, st...)
	}
	return out, nil
}

// format4 writes a cmap format 4 subtable from (start, end, idDelta)
// segments in increasing order, all with idRangeOffset 0.
func format4(segs [][3]uint16) []byte {
	n := len(segs)
	b := make([]byte, 16+8*n)
	binary.BigEndian.PutUint16(b, 4)
	binary.BigEndian.PutUint16(b[2:], uint16(len(b)))
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	binary.BigEndian.PutUint16(b[6:], uint16(2*n))
	binary.BigEndian.PutUint16(b[8:], uint16(2<<sel))
	binary.BigEndian.PutUint16(b[10:], uint16(sel))
	binary.BigEndian.PutUint16(b[12:], uint16(2*n-2<<sel))
	for i, s := range segs {
		binary.BigEndian.PutUint16(b[14+2*i:], s[1])     // endCode
		binary.BigEndian.PutUint16(b[16+2*n+2*i:], s[0]) // startCode, after reservedPad
		binary.BigEndian.PutUint16(b[16+4*n+2*i:], s[2]) // idDelta
		binary.BigEndian.PutUint16(b[16+6*n+2*i:], 0)    // idRangeOffset
	}
	return b
}

// format12 writes a cmap format 12 subtable from (start, end, glyph) groups.
func format12(groups [][3]uint32) []byte {
	b := make([]byte, 16+12*len(groups))
	binary.BigEndian.PutUint16(b, 12)
	binary.BigEndian.PutUint32(b[4:], uint32(len(b)))
	binary.BigEndian.PutUint32(b[12:], uint32(len(groups)))
	for i, g := range groups {
		binary.BigEndian.PutUint32(b[16+12*i:], g[0])
		binary.BigEndian.PutUint32(b[20+12*i:], g[1])
		binary.BigEndian.PutUint32(b[24+12*i:], g[2])
	}
	return b
}

// nameTable writes a name table with only the PostScript name (ID 6), which
// gopdf requires; the PDF names the font itself.
func nameTable(psName string) []byte {
	s := utf16.Encode([]rune(psName))
	b := make([]byte, 6+12, 6+12+2*len(s))
	binary.BigEndian.PutUint16(b[2:], 1)      // count
	binary.BigEndian.PutUint16(b[4:], 6+12)   // string storage offset
	binary.BigEndian.PutUint16(b[6:], 3)      // platform: Windows
	binary.BigEndian.PutUint16(b[8:], 1)      // encoding: Unicode BMP
	binary.BigEndian.PutUint16(b[10:], 0x409) // language: en-US
	binary.BigEndian.PutUint16(b[12:], 6)     // name ID: PostScript name
	binary.BigEndian.PutUint16(b[14:], uint16(2*len(s)))
	for _, c := range s {
		b = binary.BigEndian.AppendUint16(b, c)
	}
	return b
}

// glyphRune maps a glyph of a subset font back to its character.
type glyphRune struct {
	gid uint16
	r   rune
}

// unicodeMap pairs each glyph of the subset with the first rune (in order of
// use) drawn with it, sorted by glyph.
func unicodeMap(pf *parsedFace, runes []rune, gids []uint16) []glyphRune {
	var m []glyphRune
	taken := make(map[uint16]bool, len(runes))
	for _, r := range runes {
		old, _, _ := pf.glyph(r)
		g, found := slices.BinarySearch(gids, old)
		if !found || taken[uint16(g)] {
			continue
		}
		taken[uint16(g)] = true
		m = append(m, glyphRune{uint16(g), r})
	}
	slices.SortFunc(m, func(a, b glyphRune) int { return int(a.gid) - int(b.gid) })
	return m
}

// toUnicodeObject writes object id: a compressed ToUnicode CMap for
// two-byte glyph codes, with UTF-16 destinations (surrogate pairs beyond the
// BMP) in blocks of at most 100 entries, as the CMap format requires.
func toUnicodeObject(id int, m []glyphRune) []byte {
	var cm bytes.Buffer
	cm.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(m) > 0 {
		n := min(len(m), 100)
		fmt.Fprintf(&cm, "%d beginbfchar\n", n)
		for _, e := range m[:n] {
			fmt.Fprintf(&cm, "<%04X> <", e.gid)
			for _, u := range utf16.Encode([]rune{e.r}) {
				fmt.Fprintf(&cm, "%04X", u)
			}
			cm.WriteString(">\n")
		}
		cm.WriteString("endbfchar\n")
		m = m[n:]
	}
	cm.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return streamObject(id, deflate(cm.Bytes()), "")
}
