package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf16"

	"replydesk/internal/fonts"
)

// glyphRune maps a glyph of a subset font back to its character.
type glyphRune struct {
	gid uint16
	r   rune
}

// unicodeMap pairs each glyph of the subset with the first rune (in order of
// use) drawn with it, sorted by glyph.
func unicodeMap(sub *fonts.Subset, runes []rune) []glyphRune {
	var m []glyphRune
	taken := make(map[uint16]bool, len(runes))
	for _, r := range runes {
		g, _, ok := sub.Glyph(r)
		if !ok || taken[g] {
			continue
		}
		taken[g] = true
		m = append(m, glyphRune{g, r})
	}
	slices.SortFunc(m, func(a, b glyphRune) int { return int(a.gid) - int(b.gid) })
	return m
}

// toUnicodeObject writes object id: a compressed ToUnicode CMap for
// two-byte glyph codes, with UTF-16 destinations (surrogate pairs beyond the
// BMP) in blocks of at most 100 entries, as the CMap format requires.
func toUnicodeObject(id int, m []glyphRune) []byte {
	key := make([]byte, 0, 6*len(m))
	for _, e := range m {
		key = binary.BigEndian.AppendUint16(key, e.gid)
		key = binary.BigEndian.AppendUint32(key, uint32(e.r))
	}
	z, ok := toUnicodeMaps.get(string(key))
	if !ok {
		z = deflate(toUnicodeCMap(m))
		toUnicodeMaps.put(string(key), z)
	}
	return streamObject(id, z, "")
}

// toUnicodeMaps keeps the compressed ToUnicode maps of the last glyph
// sets, by their entries.
var toUnicodeMaps = &lru[string, []byte]{size: 32}

// toUnicodeCMap writes the ToUnicode CMap of m.
func toUnicodeCMap(m []glyphRune) []byte {
	var cm bytes.Buffer
	cm.Grow(400 + 20*len(m))
	cm.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(m) > 0 {
		n := min(len(m), 100)
		fmt.Fprintf(&cm, "%d beginbfchar\n", n)
		for _, e := range m[:n] {
			cm.WriteByte('<')
			hex16(&cm, e.gid)
			cm.WriteString("> <")
			if r1, r2 := utf16.EncodeRune(e.r); r1 != unicode.ReplacementChar {
				hex16(&cm, uint16(r1))
				hex16(&cm, uint16(r2))
			} else {
				hex16(&cm, uint16(e.r))
			}
			cm.WriteString(">\n")
		}
		cm.WriteString("endbfchar\n")
		m = m[n:]
	}
	cm.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return cm.Bytes()
}

// hex16 writes v as four upper-case hexadecimal digits.
func hex16(b *bytes.Buffer, v uint16) {
	const digits = "0123456789ABCDEF"
	b.Write([]byte{digits[v>>12], digits[v>>8&15], digits[v>>4&15], digits[v&15]})
}
