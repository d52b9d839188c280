// Package arch holds tests of the shape of the code base: which packages
// may import which.
package arch

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// heavy are the libraries that only the edges of the program may import.
var heavy = []string{
	"fyne.io/fyne",
	"github.com/signintech/gopdf",
	"github.com/xuri/excelize",
	"modernc.org/sqlite",
	"github.com/jackc/pgx",
	"database/sql",
	"os/exec",
}

// TestPureCore fails if the domain, the typesetter or the page model import
// a GUI, PDF, spreadsheet or database library, or run programs.
func TestPureCore(t *testing.T) {
	for _, pkg := range []string{
		"replydesk/internal/reply",
		"replydesk/internal/style",
		"replydesk/internal/page",
		"replydesk/internal/layout",
		"replydesk/internal/publish",
		"replydesk/internal/render/html",
		"replydesk/internal/letter",
		"replydesk/internal/recognize",
		"replydesk/internal/segment",
		"replydesk/internal/textenc",
		"replydesk/internal/pathfmt",
		"replydesk/internal/wordml",
	} {
		t.Run(pkg, func(t *testing.T) {
			for _, dep := range deps(t, pkg) {
				for _, h := range heavy {
					if dep == h || strings.HasPrefix(dep, h+"/") {
						t.Errorf("%s depends on %s", pkg, dep)
					}
				}
			}
		})
	}
}

// TestSingleImporter fails if a third-party library is imported by more
// than its one package.
func TestSingleImporter(t *testing.T) {
	owner := map[string]string{
		"github.com/signintech/gopdf":                  "replydesk/internal/render/pdf",
		"github.com/klauspost/compress/zlib":           "replydesk/internal/render/pdf",
		"github.com/klauspost/compress/zstd":           "replydesk/assets",
		"github.com/xuri/excelize/v2":                  "replydesk/internal/sheet",
		"modernc.org/sqlite":                           "replydesk/internal/store",
		"github.com/jackc/pgx/v5":                      "replydesk/internal/store",
		"github.com/jackc/pgx/v5/pgconn":               "replydesk/internal/store",
		"github.com/jackc/pgx/v5/stdlib":               "replydesk/internal/store",
		"github.com/zalando/go-keyring":                "replydesk/internal/store",
		"github.com/BurntSushi/toml":                   "replydesk/internal/tomlfile",
		"github.com/go-ego/gse":                        "replydesk/internal/segment",
		"golang.org/x/text/encoding/simplifiedchinese": "replydesk/internal/textenc",
		"github.com/ncruces/zenity":                    "replydesk/internal/ui",
		"github.com/godbus/dbus/v5":                    "replydesk/internal/ui",
		"github.com/jezek/xgb":                         "replydesk/internal/ui",
		"github.com/jezek/xgb/xproto":                  "replydesk/internal/ui",
	}
	out, err := exec.Command("go", "list", "-e", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "replydesk/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, ln := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(ln, ":")
		for _, imp := range strings.Fields(imports) {
			if o, ok := owner[imp]; ok && o != pkg {
				t.Errorf("%s imports %s, which only %s may import", pkg, imp, o)
			}
		}
	}
}

// TestDocxImports fails if the Word writer reaches past the letter's
// blocks: it may import the standard library, reply, style and letter,
// never layout, page, a GUI or the PDF library.
func TestDocxImports(t *testing.T) {
	const pkg = "replydesk/internal/render/docx"
	allowed := map[string]bool{"replydesk/internal/reply": true, "replydesk/internal/style": true, "replydesk/internal/letter": true, pkg: true}
	for _, dep := range deps(t, pkg) {
		if strings.Contains(dep, ".") && !strings.HasPrefix(dep, "replydesk/") || strings.HasPrefix(dep, "replydesk/") && !allowed[dep] {
			t.Errorf("%s depends on %s", pkg, dep)
		}
	}
	for _, dep := range deps(t, "replydesk/internal/letter") {
		if strings.HasPrefix(dep, "replydesk/") && dep != "replydesk/internal/letter" && dep != "replydesk/internal/reply" && dep != "replydesk/internal/style" {
			t.Errorf("replydesk/internal/letter depends on %s", dep)
		}
	}
}

func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-e", "-deps", pkg).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	return strings.Fields(string(out))
}

// TestOneAtomicWriter fails if a package other than safefile replaces
// files by itself (a temporary file and a rename): every writer goes
// through safefile.Write, so permissions, leftovers and messages are
// handled in one place. The store's backup (SQLite writes its own file,
// then renames it) and datadir (moving the folders of earlier versions,
// never writing a file) are the exceptions.
func TestOneAtomicWriter(t *testing.T) {
	allowed := map[string]bool{"internal/safefile": true, "internal/store": true, "internal/datadir": true}
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel, _ := filepath.Rel("../..", filepath.Dir(path))
		if allowed[filepath.ToSlash(rel)] {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, call := range []string{"os.Rename(", "os.CreateTemp("} {
			if strings.Contains(string(src), call) {
				t.Errorf("%s calls %s: write files with safefile.Write", path, call)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// fontParsers are the libraries that read font files.
var fontParsers = []string{
	"golang.org/x/image/font/sfnt",
	"github.com/go-text/typesetting/font",
	"github.com/go-text/typesetting/font/cff",
	"github.com/go-text/typesetting/font/opentype",
	"github.com/go-text/typesetting/font/opentype/tables",
}

// fontTables are the tags of sfnt tables that only code reading or writing
// font files names.
var fontTables = []string{`"glyf"`, `"loca"`, `"hmtx"`, `"cmap"`, `"maxp"`, `"hhea"`, `"OS/2"`, `"CFF "`}

// TestFontsOneLayer fails if a package other than fonts reads or writes
// font files, as far as a test can tell: it imports a font parser, or
// names sfnt tables. Renderers and the window get faces, glyphs, outlines
// and subsets from fonts. Tests may check fonts with a parser of their own.
func TestFontsOneLayer(t *testing.T) {
	const owner = "replydesk/internal/fonts"
	out, err := exec.Command("go", "list", "-e", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "replydesk/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, ln := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(ln, ":")
		for _, imp := range strings.Fields(imports) {
			if pkg != owner && slices.Contains(fontParsers, imp) {
				t.Errorf("%s imports %s: only %s reads font files", pkg, imp, owner)
			}
		}
	}
	err = filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		if rel, _ := filepath.Rel("../..", filepath.Dir(path)); filepath.ToSlash(rel) == "internal/fonts" {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, tag := range fontTables {
			if strings.Contains(string(src), tag) {
				t.Errorf("%s names the font table %s: read and write fonts in internal/fonts", path, tag)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestHTMLImports fails if the HTML writer reaches past the letter's
// blocks, as TestDocxImports for Word.
func TestHTMLImports(t *testing.T) {
	const pkg = "replydesk/internal/render/html"
	for _, dep := range deps(t, pkg) {
		if strings.HasPrefix(dep, "replydesk/") && dep != pkg && dep != "replydesk/internal/reply" && dep != "replydesk/internal/style" && dep != "replydesk/internal/letter" || strings.Contains(dep, ".") && !strings.HasPrefix(dep, "replydesk/") {
			t.Errorf("%s depends on %s", pkg, dep)
		}
	}
}
