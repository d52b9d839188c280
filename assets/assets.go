// Package assets embeds the files ReplyDesk ships inside its binary: the
// free fonts of each typographic role. fonts/SOURCES.md gives each font's
// origin, license and checksum; fonts/fetch.sh re-obtains them.
package assets

import "embed"

// Fonts holds the TrueType fonts fonts/*.ttf (about 63 MB): FandolFang
// 仿宋, Noto Serif SC Bold and Regular, Noto Sans SC, LXGW WenKai 楷体.
// Package fonts reads them; open them by path, e.g.
// "fonts/NotoSansSC-Regular.ttf".
//
//go:embed fonts/*.ttf
var Fonts embed.FS

// Icon is icon.png, the application icon (512 × 512): a red seal with 答.
//
//go:embed icon.png
var Icon []byte
