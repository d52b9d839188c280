// Package assets embeds the files ReplyDesk ships inside its binary: the
// free fonts of each typographic role (see fonts/SOURCES.md for their
// origin and licenses).
package assets

import "embed"

// Fonts holds fonts/*.ttf.
//
//go:embed fonts/*.ttf
var Fonts embed.FS
