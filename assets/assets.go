// Package assets embeds the files ReplyDesk ships inside its binary: the
// free fonts of each typographic role. fonts/SOURCES.md gives each font's
// origin, license and checksum; fonts/fetch.sh re-obtains them.
package assets

import (
	_ "embed" // the fonts and the icon
	"sort"
	"unsafe"
)

// The TrueType fonts fonts/*.ttf (about 63 MB): FandolFang 仿宋, Noto
// Serif SC Bold and Regular, Noto Sans SC, LXGW WenKai 楷体. Each is a
// string so that its bytes stay in the binary's read-only data: the pages
// a reader touches are mapped from the executable file (shared, clean,
// dropped under memory pressure) instead of being copied onto the heap,
// as embed.FS.ReadFile would do.
var (
	//go:embed fonts/FandolFang-Regular.ttf
	fandolFang string
	//go:embed fonts/LXGWWenKai-Regular.ttf
	lxgwWenKai string
	//go:embed fonts/NotoSansSC-Regular.ttf
	notoSansSC string
	//go:embed fonts/NotoSerifSC-Bold.ttf
	notoSerifSCBold string
	//go:embed fonts/NotoSerifSC-Regular.ttf
	notoSerifSC string
)

// fonts maps each embedded font's file name to its bytes.
var fonts = map[string]*string{
	"FandolFang-Regular.ttf":  &fandolFang,
	"LXGWWenKai-Regular.ttf":  &lxgwWenKai,
	"NotoSansSC-Regular.ttf":  &notoSansSC,
	"NotoSerifSC-Bold.ttf":    &notoSerifSCBold,
	"NotoSerifSC-Regular.ttf": &notoSerifSC,
}

// Font returns the bytes of the embedded font file name, e.g.
// "NotoSansSC-Regular.ttf", and whether there is such a font. The slice is
// the embedded data itself, not a copy: every call returns the same
// backing array, and it is read-only memory — writing to it crashes the
// program, so a caller that needs to change font bytes must copy them.
func Font(name string) ([]byte, bool) {
	s, ok := fonts[name]
	if !ok || len(*s) == 0 {
		return nil, false
	}
	return unsafe.Slice(unsafe.StringData(*s), len(*s)), true
}

// FontNames lists the file names of the embedded fonts, sorted.
func FontNames() []string {
	names := make([]string, 0, len(fonts))
	for name := range fonts {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Icon is icon.png, the application icon (512 × 512): a red seal with 答.
//
//go:embed icon.png
var Icon []byte
