package fonts

import "fmt"

// Faces gives a face by the name runs of a laid-out page carry
// (page.Run.Face); Set implements it. The renderers (PDF, preview) draw
// with the faces it gives, and cache by face, so Face should return the
// same *Face on every call for a name.
type Faces interface {
	Face(name string) (*Face, error)
}

// MissingGlyphError reports a character that a face cannot draw. Coverage
// is checked before drawing (Set.Missing); a renderer that meets a
// missing glyph all the same reports it with this error rather than
// leaving a gap.
type MissingGlyphError struct {
	Face string
	Rune rune
}

// Error describes the missing character in Chinese, for the user.
func (e *MissingGlyphError) Error() string {
	return fmt.Sprintf("字体“%s”缺少字符“%c”（U+%04X），请换用包含该字的字体", e.Face, e.Rune, e.Rune)
}
