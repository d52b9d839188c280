package fonts

import (
	"cmp"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	ot "github.com/go-text/typesetting/font/opentype"
)

// InstalledFont is a font file found in the system's font folders.
type InstalledFont struct {
	Path   string
	Family string // in Chinese when the font has a Chinese name, e.g. 仿宋_GB2312
	Style  string // subfamily, e.g. Regular, Bold
	CJK    bool   // has 中 and 的 (in the Windows Unicode cmap gopdf reads)
	Usable bool   // a single TrueType-outline font: WithFile accepts it
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
		win := cmp.Or(os.Getenv("WINDIR"), os.Getenv("SystemRoot"), `C:\Windows`)
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

// Installed lists the font files (.ttf, .otf, .ttc) of the system's font
// folders, sorted by family name. Only a file's header, name table and
// cmap table are read; files that cannot be read are skipped.
func Installed() ([]InstalledFont, error) {
	return installedIn(FontDirs()), nil
}

// installedIn lists the font files under dirs, reading them in parallel.
func installedIn(dirs []string) []InstalledFont {
	var paths []string
	seen := make(map[string]bool)
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || seen[p] {
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".ttf", ".otf", ".ttc":
				seen[p] = true
				paths = append(paths, p)
			}
			return nil
		})
	}
	found := make([]InstalledFont, len(paths))
	ok := make([]bool, len(paths))
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(paths))
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(paths); i += workers {
				found[i], ok[i] = inspect(paths[i])
			}
		})
	}
	wg.Wait()
	var out []InstalledFont
	for i, f := range found {
		if ok[i] {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b InstalledFont) int {
		return cmp.Or(cmp.Compare(a.Family, b.Family), cmp.Compare(a.Style, b.Style), cmp.Compare(a.Path, b.Path))
	})
	return out
}

// inspect reads what Installed reports of one file, or false.
func inspect(path string) (InstalledFont, bool) {
	file, err := os.Open(path)
	if err != nil {
		return InstalledFont{}, false
	}
	defer file.Close()
	var magic [4]byte
	if _, err := file.ReadAt(magic[:], 0); err != nil {
		return InstalledFont{}, false
	}
	var ld *ot.Loader
	if string(magic[:]) == "ttcf" {
		lds, err := ot.NewLoaders(file)
		if err != nil || len(lds) == 0 {
			return InstalledFont{}, false
		}
		ld = lds[0]
	} else if ld, err = ot.NewLoader(file); err != nil {
		return InstalledFont{}, false
	}
	raw, _ := ld.RawTable(tagName)
	recs := parseNames(raw)
	raw, _ = ld.RawTable(tagCmap)
	cmap := format4(raw) // no map is built: two lookups are all we need
	f := InstalledFont{
		Path:   path,
		Family: lookupName(recs, nameFamily, true),
		Style:  lookupName(recs, nameSubfamily, false),
		CJK:    format4Has(cmap, '中') && format4Has(cmap, '的'),
		Usable: string(magic[:]) == "\x00\x01\x00\x00" && hasTables(ld) && cmap != nil,
	}
	if f.Family == "" {
		f.Family = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	return f, true
}

// hasTables reports whether ld has every table gopdf needs.
func hasTables(ld *ot.Loader) bool {
	for _, t := range requiredTables {
		if !ld.HasTable(ot.MustNewTag(t)) {
			return false
		}
	}
	return true
}
