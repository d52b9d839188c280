package layout

// Fonts is what the typesetter needs to know of fonts.
type Fonts interface {
	// Glyph reports which face of role's fallback chain draws r, and r's
	// advance in that face's font units, of which an em has unitsPerEm.
	// ok is false when no face of the chain has r; face and advance then
	// describe the chain's first face and its .notdef glyph.
	Glyph(role string, r rune) (face string, advance, unitsPerEm int, ok bool)
}
