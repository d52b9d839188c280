package pdf

import (
	"fmt"
	"strings"

	"replydesk/internal/fonts"
)

// Faces gives the face of a run by the name runs carry in page.Run.Face
// (fonts.Set implements it). A face's subsets come from package fonts,
// which reads and writes every font file.
type Faces = fonts.Faces

// MissingGlyphError reports a character that a face cannot draw. Coverage is
// checked upstream; this error keeps a gap from silently printing a space.
type MissingGlyphError = fonts.MissingGlyphError

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
