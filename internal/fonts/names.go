package fonts

import (
	"encoding/binary"
	"strings"
	"unicode/utf16"

	"github.com/go-text/typesetting/font/opentype/tables"
)

// Name IDs of the OpenType name table.
const (
	nameFamily     = 1
	nameSubfamily  = 2
	nameFull       = 4
	namePostScript = 6
	nameTypoFamily = 16
)

// Windows language IDs of Chinese names, most wanted first: mainland,
// Singapore, Taiwan, Hong Kong, Macao.
var chineseLangs = []uint16{0x0804, 0x1004, 0x0404, 0x0C04, 0x1404}

// nameRecord is one string of a name table.
type nameRecord struct {
	platform, encoding, lang, id uint16
	value                        []byte
}

// parseNames reads the records of a raw name table, skipping records that
// point outside it.
func parseNames(raw []byte) []nameRecord {
	if len(raw) < 6 {
		return nil
	}
	count, strOff := int(binary.BigEndian.Uint16(raw[2:])), int(binary.BigEndian.Uint16(raw[4:]))
	var out []nameRecord
	for i := range count {
		rec := raw[min(6+12*i, len(raw)):]
		if len(rec) < 12 {
			break
		}
		length, off := int(binary.BigEndian.Uint16(rec[8:])), int(binary.BigEndian.Uint16(rec[10:]))
		if strOff+off+length > len(raw) || length == 0 {
			continue
		}
		out = append(out, nameRecord{
			platform: binary.BigEndian.Uint16(rec),
			encoding: binary.BigEndian.Uint16(rec[2:]),
			lang:     binary.BigEndian.Uint16(rec[4:]),
			id:       binary.BigEndian.Uint16(rec[6:]),
			value:    raw[strOff+off : strOff+off+length],
		})
	}
	return out
}

// text decodes a record; "" for encodings other than Unicode and Mac Roman.
func (r nameRecord) text() string {
	switch {
	case r.platform == 0, r.platform == 3 && (r.encoding <= 1 || r.encoding == 10):
		u := make([]uint16, len(r.value)/2)
		for i := range u {
			u[i] = binary.BigEndian.Uint16(r.value[2*i:])
		}
		return strings.TrimSpace(string(utf16.Decode(u)))
	case r.platform == 1 && r.encoding == 0:
		return strings.TrimSpace(tables.DecodeMacintosh(r.value))
	}
	return ""
}

// lookupName returns name id: in Chinese when zh is set and the font has
// it, else in English, else in any language it has.
func lookupName(recs []nameRecord, id uint16, zh bool) string {
	if zh {
		for _, lang := range chineseLangs {
			for _, r := range recs {
				if r.id == id && r.platform == 3 && r.lang == lang {
					if s := r.text(); s != "" {
						return s
					}
				}
			}
		}
	}
	rank := func(r nameRecord) int {
		switch {
		case r.platform == 3 && r.lang == 0x0409:
			return 0
		case r.platform == 1 && r.lang == 0:
			return 1
		case r.platform == 3:
			return 2
		}
		return 3
	}
	best, bestRank := "", 4
	for _, r := range recs {
		if r.id != id {
			continue
		}
		if k := rank(r); k < bestRank {
			if s := r.text(); s != "" {
				best, bestRank = s, k
			}
		}
	}
	return best
}

// faceName makes a face name from a font's PostScript name, else its
// family name, else fallback: the ASCII letters, digits and -_. of it,
// as PDF font names want.
func faceName(recs []nameRecord, fallback string) string {
	for _, s := range []string{lookupName(recs, namePostScript, false), lookupName(recs, nameFamily, false), fallback} {
		var b strings.Builder
		for _, c := range s {
			switch {
			case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.ContainsRune("-_.", c):
				b.WriteRune(c)
			case c == ' ' && b.Len() > 0:
				b.WriteByte('-')
			}
		}
		if name := strings.Trim(b.String(), "-"); name != "" {
			return name
		}
	}
	return "UserFont"
}
