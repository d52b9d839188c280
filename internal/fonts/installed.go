package fonts

import (
	"encoding/binary"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"unicode/utf16"

	"golang.org/x/image/font/sfnt"
)

// InstalledFont is a font file found in the system's font folders.
type InstalledFont struct {
	Path   string
	Family string // the Chinese family name when the font has one, e.g. 仿宋_GB2312
	CJK    bool   // has 中 and 的
	Usable bool   // TrueType outlines in a single-font file: can be embedded
}

// FontDirs returns the font folders of this system, the user's own first.
func FontDirs() []string {
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		var dirs []string
		if local := os.Getenv("LOCALAPPDATA"); local != "" {
			dirs = append(dirs, filepath.Join(local, "Microsoft", "Windows", "Fonts"))
		}
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		return append(dirs, filepath.Join(win, "Fonts"))
	case "darwin":
		return []string{filepath.Join(home, "Library", "Fonts"), "/Library/Fonts", "/System/Library/Fonts"}
	}
	dirs := []string{filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts")}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		dirs = append([]string{filepath.Join(x, "fonts")}, dirs...)
	}
	return append(dirs, "/usr/local/share/fonts", "/usr/share/fonts")
}

// Installed lists the font files of the system's font folders, sorted by
// family name; files that cannot be read are skipped.
func Installed() ([]InstalledFont, error) {
	return installedIn(FontDirs())
}

func installedIn(dirs []string) ([]InstalledFont, error) {
	var out []InstalledFont
	seen := map[string]bool{}
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || seen[p] {
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".ttf", ".otf", ".ttc":
			default:
				return nil
			}
			seen[p] = true
			if f, ok := inspect(p); ok {
				out = append(out, f)
			}
			return nil
		})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Family != out[j].Family {
			return out[i].Family < out[j].Family
		}
		return out[i].Path < out[j].Path
	})
	return out, nil
}

// inspect reads what Installed reports of one file, touching only the
// tables it needs.
func inspect(path string) (InstalledFont, bool) {
	file, err := os.Open(path)
	if err != nil {
		return InstalledFont{}, false
	}
	defer file.Close()
	var magic [4]byte
	if _, err := io.ReadFull(file, magic[:]); err != nil {
		return InstalledFont{}, false
	}
	f := InstalledFont{Path: path, Usable: string(magic[:]) == "\x00\x01\x00\x00" || string(magic[:]) == "true"}
	if string(magic[:]) == "ttcf" {
		c, err := sfnt.ParseCollectionReaderAt(file)
		if err != nil || c.NumFonts() == 0 {
			return InstalledFont{}, false
		}
		font, err := c.Font(0)
		if err != nil {
			return InstalledFont{}, false
		}
		f.Family, f.CJK = describe(font)
		return f, true
	}
	font, err := sfnt.ParseReaderAt(file)
	if err != nil {
		return InstalledFont{}, false
	}
	f.Family, f.CJK = describe(font)
	if zh := chineseFamily(file); zh != "" {
		f.Family = zh
	}
	if f.Family == "" {
		f.Family = trimExt(filepath.Base(path))
	}
	return f, true
}

func describe(font *sfnt.Font) (family string, cjk bool) {
	var b sfnt.Buffer
	family, _ = font.Name(&b, sfnt.NameIDFamily)
	a, _ := font.GlyphIndex(&b, '中')
	c, _ := font.GlyphIndex(&b, '的')
	return family, a != 0 && c != 0
}

// chineseFamily reads the family name in Chinese (Windows platform,
// languages zh-CN, zh-SG, zh-TW, zh-HK) from the name table, if any.
func chineseFamily(r io.ReaderAt) string {
	var head [12]byte
	if _, err := r.ReadAt(head[:], 0); err != nil {
		return ""
	}
	n := int(binary.BigEndian.Uint16(head[4:]))
	dir := make([]byte, 16*n)
	if _, err := r.ReadAt(dir, 12); err != nil {
		return ""
	}
	for i := 0; i < n; i++ {
		rec := dir[16*i:]
		if string(rec[:4]) != "name" {
			continue
		}
		off, length := int64(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if length > 1<<20 {
			return ""
		}
		tab := make([]byte, length)
		if _, err := r.ReadAt(tab, off); err != nil || length < 6 {
			return ""
		}
		return zhName(tab)
	}
	return ""
}

func zhName(tab []byte) string {
	count, strOff := int(binary.BigEndian.Uint16(tab[2:])), int(binary.BigEndian.Uint16(tab[4:]))
	for i := 0; i < count; i++ {
		rec := tab[6+12*i:]
		if len(rec) < 12 {
			return ""
		}
		platform, lang, id := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[4:]), binary.BigEndian.Uint16(rec[6:])
		l, o := int(binary.BigEndian.Uint16(rec[8:])), int(binary.BigEndian.Uint16(rec[10:]))
		if platform != 3 || id != 1 || (lang != 0x0804 && lang != 0x1004 && lang != 0x0404 && lang != 0x0C04) {
			continue
		}
		if strOff+o+l > len(tab) {
			return ""
		}
		raw := tab[strOff+o : strOff+o+l]
		u := make([]uint16, len(raw)/2)
		for j := range u {
			u[j] = binary.BigEndian.Uint16(raw[2*j:])
		}
		return string(utf16.Decode(u))
	}
	return ""
}
