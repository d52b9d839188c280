package layout

import "replydesk/internal/letter"

// Font roles: the typefaces GB/T 9704 asks for (package letter's), each
// backed by a fallback chain of faces in package fonts.
const (
	RoleTitle = letter.RoleTitle // 小标宋: title and the red header
	RoleBody  = letter.RoleBody  // 仿宋: body text
	RoleHei   = letter.RoleHei   // 黑体: first-level headings, marks, attachment labels
	RoleKai   = letter.RoleKai   // 楷体: second-level headings, 签发人 name
	RoleSong  = letter.RoleSong  // 宋体: page numbers
)

// Fonts is what the typesetter needs to know of fonts.
type Fonts interface {
	// Glyph reports which face of role's fallback chain draws r, and r's
	// advance in that face's font units, of which an em has unitsPerEm.
	// ok is false when no face of the chain has r; face and advance then
	// describe the chain's first face and its .notdef glyph.
	Glyph(role string, r rune) (face string, advance, unitsPerEm int, ok bool)
}
