package fonts

import (
	"cmp"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// FontDirs returns the font folders of this system, the user's own first:
// on Windows the per-user and the system Fonts folders; on macOS the
// Library/Fonts folders and the fonts macOS downloads on demand (宋体-简,
// 楷体-简…); elsewhere the XDG data folders' fonts and the folders
// fontconfig's configuration names. A folder inside another is left out:
// the other's walk covers it.
func FontDirs() []string {
	home, _ := os.UserHomeDir()
	return fontDirsFor(runtime.GOOS, os.Getenv, home, "/etc/fonts")
}

// fontDirsFor is FontDirs on goos, with the environment getenv, the home
// folder home and fontconfig's configuration folder etc.
//
// Windows: fonts installed "for this user only" (Windows 10 1809 and
// later, and what an office's IT installs without administrator rights)
// are in %LOCALAPPDATA%\Microsoft\Windows\Fonts, found through the user's
// profile folder when LOCALAPPDATA is not set; fonts for all users in
// %WINDIR%\Fonts.
//
// Linux, with UOS and Kylin: fonts a user installs (the desktops' font
// managers copy them to ~/.local/share/fonts) come first, then the system
// folders, where IT's packages and WPS Office put the official fonts
// (under /usr/share/fonts). /usr/share/fonts and /usr/local/share/fonts
// are searched even when XDG_DATA_DIRS, as a desktop session may set it,
// leaves them out.
func fontDirsFor(goos string, getenv func(string) string, home, etc string) []string {
	var dirs []string
	switch goos {
	case "windows":
		local := getenv("LOCALAPPDATA")
		if local == "" && getenv("USERPROFILE") != "" {
			local = filepath.Join(getenv("USERPROFILE"), "AppData", "Local")
		}
		if local != "" {
			dirs = append(dirs, filepath.Join(local, "Microsoft", "Windows", "Fonts"))
		}
		win := cmp.Or(getenv("WINDIR"), getenv("SystemRoot"), `C:\Windows`)
		dirs = append(dirs, filepath.Join(win, "Fonts"))
	case "darwin":
		dirs = []string{filepath.Join(home, "Library", "Fonts"), "/Library/Fonts", "/System/Library/Fonts"}
		assets, _ := filepath.Glob("/System/Library/AssetsV2/com_apple_MobileAsset_Font*")
		dirs = append(dirs, assets...)
	default:
		dirs = xdgFontDirs(home, getenv("XDG_DATA_HOME"), getenv("XDG_DATA_DIRS"))
		dirs = append(dirs, fontconfigDirs(etc, home, getenv("XDG_DATA_HOME"))...)
		dirs = append(dirs, "/usr/local/share/fonts", "/usr/share/fonts")
	}
	return outermost(dirs)
}

// xdgFontDirs returns the fonts folders of the XDG base directories, the
// user's first, and the older ~/.fonts.
func xdgFontDirs(home, dataHome, dataDirs string) []string {
	dataHome = cmp.Or(dataHome, filepath.Join(home, ".local", "share"))
	dirs := []string{filepath.Join(dataHome, "fonts"), filepath.Join(home, ".fonts")}
	for _, d := range filepath.SplitList(cmp.Or(dataDirs, "/usr/local/share:/usr/share")) {
		if d != "" {
			dirs = append(dirs, filepath.Join(d, "fonts"))
		}
	}
	return dirs
}

// fontconfigDirs reads the <dir> elements of fontconfig's fonts.conf and of
// the files in conf.d under etc, resolving ~ and prefix="xdg".
func fontconfigDirs(etc, home, dataHome string) []string {
	files := []string{filepath.Join(etc, "fonts.conf")}
	more, _ := filepath.Glob(filepath.Join(etc, "conf.d", "*.conf"))
	files = append(files, more...)
	dataHome = cmp.Or(dataHome, filepath.Join(home, ".local", "share"))
	var dirs []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		for _, d := range confDirs(io.LimitReader(f, 1<<20)) {
			switch {
			case d.prefix == "xdg":
				d.path = filepath.Join(dataHome, d.path)
			case d.path == "~" || strings.HasPrefix(d.path, "~/"):
				d.path = filepath.Join(home, d.path[1:])
			case !filepath.IsAbs(d.path):
				continue
			}
			dirs = append(dirs, d.path)
		}
		f.Close()
	}
	return dirs
}

// confDir is a <dir> element of a fontconfig file.
type confDir struct {
	prefix, path string
}

// confDirs returns the <dir> elements of a fontconfig file, stopping at
// the first syntax error.
func confDirs(r io.Reader) []confDir {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var out []confDir
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		start, ok := tok.(xml.StartElement)
		if !ok || start.Name.Local != "dir" {
			continue
		}
		var d struct {
			Prefix string `xml:"prefix,attr"`
			Path   string `xml:",chardata"`
		}
		if dec.DecodeElement(&d, &start) == nil && strings.TrimSpace(d.Path) != "" {
			out = append(out, confDir{d.Prefix, strings.TrimSpace(d.Path)})
		}
	}
}

// outermost returns dirs in order without repeats and without folders
// inside another of dirs.
func outermost(dirs []string) []string {
	clean := make([]string, len(dirs))
	for i, d := range dirs {
		clean[i] = filepath.Clean(d)
	}
	var out []string
	for i, d := range clean {
		inside := slices.ContainsFunc(clean, func(o string) bool {
			return o != d && strings.HasPrefix(d, strings.TrimSuffix(o, string(filepath.Separator))+string(filepath.Separator))
		})
		if !inside && !slices.Contains(clean[:i], d) {
			out = append(out, d)
		}
	}
	return out
}
