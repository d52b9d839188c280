// Package assets embeds the files ReplyDesk ships inside its binary: the
// free fonts of each typographic role. fonts/SOURCES.md gives each font's
// origin, license and checksum; fonts/fetch.sh re-obtains them.
//
// The fonts (63 MB) are embedded compressed with zstd (fonts/*.ttf.zst,
// 33 MB, written by pack.go) and unpacked on first use into the user's
// cache folder (unpack.go).
package assets

import (
	_ "embed" // the fonts and the icon
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run pack.go

// The compressed TrueType fonts: FandolFang 仿宋, Noto Serif SC Bold and
// Regular, Noto Sans SC, LXGW WenKai 楷体. Each is a string so that its
// bytes stay in the binary's read-only data instead of being copied onto
// the heap.
var (
	//go:embed fonts/FandolFang-Regular.ttf.zst
	fandolFang string
	//go:embed fonts/LXGWWenKai-Regular.ttf.zst
	lxgwWenKai string
	//go:embed fonts/NotoSansSC-Regular.ttf.zst
	notoSansSC string
	//go:embed fonts/NotoSerifSC-Bold.ttf.zst
	notoSerifSCBold string
	//go:embed fonts/NotoSerifSC-Regular.ttf.zst
	notoSerifSC string
	//go:embed fonts/PACKED
	packedIndex string
)

// fonts maps each embedded font's file name to its compressed bytes and,
// once asked for, its unpacked ones.
var fonts = map[string]*font{
	"FandolFang-Regular.ttf":  {packed: &fandolFang},
	"LXGWWenKai-Regular.ttf":  {packed: &lxgwWenKai},
	"NotoSansSC-Regular.ttf":  {packed: &notoSansSC},
	"NotoSerifSC-Bold.ttf":    {packed: &notoSerifSCBold},
	"NotoSerifSC-Regular.ttf": {packed: &notoSerifSC},
}

// font is an embedded font: compressed, its size and CRC-32C unpacked (from
// fonts/PACKED), and its bytes once unpacked.
type font struct {
	packed *string
	size   int
	crc    uint32

	once   sync.Once
	data   []byte
	err    error
	mapped bool // data is a mapping of the cached file
}

func init() {
	for line := range strings.Lines(packedIndex) {
		f := strings.Fields(line)
		if len(f) != 3 || fonts[f[0]] == nil {
			continue
		}
		size, _ := strconv.Atoi(f[1])
		crc, _ := strconv.ParseUint(f[2], 16, 32)
		fonts[f[0]].size, fonts[f[0]].crc = size, uint32(crc)
	}
}

// Has reports whether name, e.g. "NotoSansSC-Regular.ttf", is an embedded
// font, without unpacking it.
func Has(name string) bool {
	f, ok := fonts[name]
	return ok && len(*f.packed) > 0 && f.size > 0
}

// Font returns the bytes of the embedded font file name, e.g.
// "NotoSansSC-Regular.ttf", and whether there is such a font. The first
// call for a font unpacks it (see unpack.go); every call returns the same
// backing array, which is read-only memory — writing to it crashes the
// program, so a caller that needs to change font bytes must copy them.
func Font(name string) ([]byte, bool) {
	data, err := FontErr(name)
	return data, err == nil
}

// FontErr is Font with the reason a font cannot be had.
func FontErr(name string) ([]byte, error) {
	f, ok := fonts[name]
	if !ok || !Has(name) {
		return nil, errNotEmbedded(name)
	}
	f.once.Do(func() { f.data, f.err = f.unpack(name) })
	return f.data, f.err
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

// Release tells the system that the pages of the embedded font name that
// this process has read are not needed soon: they leave its resident set
// (they stay in the system's file cache, and are read again if used). It
// does nothing to a font that is not mapped (unpacked onto the heap), or
// on systems without the means.
func Release(name string) {
	if _, err := FontErr(name); err != nil {
		return
	}
	if f := fonts[name]; f.mapped {
		release(f.data)
	}
}
