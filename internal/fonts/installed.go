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

// InstalledFont is a face of a font file found in the system's font
// folders: the file's only face, or one face of a collection (.ttc).
type InstalledFont struct {
	Path   string
	Face   string // picks the face of a collection (PostScript name or index); "" for a single font
	Family string // in Chinese when the font has a Chinese name, e.g. 仿宋_GB2312
	Style  string // subfamily, e.g. Regular, Bold
	CFF    bool   // CFF (PostScript) outlines: converted to TrueType for the PDF
	CJK    bool   // has 中 and 的 (in its Windows Unicode cmap)
	Usable bool   // WithFile accepts it
}

// Spec returns what chooses the face in WithFile, --font and the
// settings: the file's path, and for a face of a collection FaceSep and the
// face, as in C:\Windows\Fonts\simsun.ttc#SimSun.
func (f InstalledFont) Spec() string {
	if f.Face == "" {
		return f.Path
	}
	return f.Path + FaceSep + f.Face
}

// Installed lists the faces of the font files (.ttf, .otf, .ttc, .otc)
// of the system's font folders, sorted by family name, every face of a
// collection on its own. Only a file's header, name tables and cmap tables
// are read; files that cannot be read are skipped.
func Installed() ([]InstalledFont, error) {
	return installedIn(FontDirs()), nil
}

// isFontFile reports whether a file name has a font file's extension.
func isFontFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ttf", ".otf", ".ttc", ".otc":
		return true
	}
	return false
}

// fontFiles lists the font files under dirs, each once, in the order of
// dirs.
func fontFiles(dirs []string) []string {
	var paths []string
	seen := make(map[string]bool)
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || seen[p] || !isFontFile(p) {
				return nil
			}
			seen[p] = true
			paths = append(paths, p)
			return nil
		})
	}
	return paths
}

// installedIn lists the faces of the font files under dirs, reading the
// files in parallel.
func installedIn(dirs []string) []InstalledFont {
	paths := fontFiles(dirs)
	found := make([][]InstalledFont, len(paths))
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(paths))
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(paths); i += workers {
				found[i] = inspect(paths[i])
			}
		})
	}
	wg.Wait()
	var out []InstalledFont
	for _, f := range found {
		out = append(out, f...)
	}
	slices.SortStableFunc(out, func(a, b InstalledFont) int {
		return cmp.Or(cmp.Compare(a.Family, b.Family), cmp.Compare(a.Style, b.Style), cmp.Compare(a.Path, b.Path))
	})
	return out
}

// inspect reads what Installed reports of each face of one file; nil when
// the file cannot be read.
func inspect(path string) (found []InstalledFont) {
	defer func() {
		if recover() != nil { // go-text panics on some damaged files
			found = nil
		}
	}()
	file, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer file.Close()
	if info, err := file.Stat(); err != nil || !directoriesFit(file, info.Size()) {
		return nil
	}
	lds, err := ot.NewLoaders(file)
	if err != nil || len(lds) == 0 {
		return nil
	}
	faces := loaderFaces(lds)
	out := make([]InstalledFont, len(faces))
	for i, f := range faces {
		raw, _ := f.ld.RawTable(tagCmap)
		cmap := format4(raw) // no map is built: two lookups are all we need
		cff := f.ld.HasTable(tagCFF)
		out[i] = InstalledFont{
			Path:   path,
			Family: cmp.Or(f.family, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))),
			Style:  f.style,
			CFF:    cff,
			CJK:    format4Has(cmap, '中') && format4Has(cmap, '的'),
			Usable: cmap != nil && usable(f.ld, cff),
		}
		if len(faces) > 1 {
			out[i].Face = f.selector(faces)
		}
	}
	return out
}

// usable reports whether ld has every table the renderers need.
func usable(ld *ot.Loader, cff bool) bool {
	need := requiredTables
	if cff {
		need = requiredCFF
		if ld.HasTable(ot.MustNewTag("CFF2")) {
			return false
		}
	}
	for _, t := range need {
		if !ld.HasTable(ot.MustNewTag(t)) {
			return false
		}
	}
	return true
}
