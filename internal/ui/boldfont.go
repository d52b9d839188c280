package ui

import "replydesk/internal/fonts"

// Fyne parses every glyph outline of each text style's font when it first
// draws that style, some 40 MB for a full CJK font. Only the tab titles,
// dialog titles and dialog form labels are bold, so the bold "face" is the
// UI font with the outlines of rare characters removed: a thin copy that
// costs a quarter of that. The glyph ids, metrics and layout tables stay
// as they are; a character without its outline draws as a blank.

// thinFont returns a copy of the TrueType font in which the glyphs of the
// runes keep refuses lose their outlines (see fonts.Thin, which reads and
// writes the font).
func thinFont(font []byte, keep func(rune) bool) ([]byte, error) {
	return fonts.Thin(font, keep)
}
