// Package arch holds tests of the shape of the code base: which packages
// may import which.
package arch

import (
	"io/fs"
	"os"
	"os/exec"
	"path"
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
		"replydesk/internal/fontrole",
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
		"golang.org/x/text/width":                      "replydesk/internal/reply",
		"github.com/ncruces/zenity":                    "replydesk/internal/ui",
		"github.com/godbus/dbus/v5":                    "replydesk/internal/ui",
		"github.com/jezek/xgb":                         "replydesk/internal/ui",
		"github.com/jezek/xgb/xproto":                  "replydesk/internal/ui",
	}
	eachImport(t, false, func(pkg, imp string) {
		if o, ok := owner[imp]; ok && o != pkg {
			t.Errorf("%s imports %s, which only %s may import", pkg, imp, o)
		}
	})
}

// TestDocxImports fails if the Word writer reaches past the letter's
// blocks: it may import the standard library, reply, style, letter and
// fontrole, never layout, page, a GUI or the PDF library.
func TestDocxImports(t *testing.T) {
	const pkg = "replydesk/internal/render/docx"
	allowed := map[string]bool{"replydesk/internal/reply": true, "replydesk/internal/style": true, "replydesk/internal/letter": true, "replydesk/internal/fontrole": true, pkg: true}
	for _, dep := range deps(t, pkg) {
		if thirdParty(dep) || strings.HasPrefix(dep, "replydesk/") && !allowed[dep] {
			t.Errorf("%s depends on %s", pkg, dep)
		}
	}
	for _, dep := range deps(t, "replydesk/internal/letter") {
		if strings.HasPrefix(dep, "replydesk/") && !allowed[dep] {
			t.Errorf("replydesk/internal/letter depends on %s", dep)
		}
	}
}

// unicodeTables are the libraries the domain may use beside the standard
// library: Unicode's width table (reply.HalfWidth) and what it needs.
var unicodeTables = []string{"golang.org/x/text/width", "golang.org/x/text/transform"}

// thirdParty reports whether dep is a library from outside the project and
// the standard library, other than the Unicode tables.
func thirdParty(dep string) bool {
	return strings.Contains(dep, ".") && !strings.HasPrefix(dep, "replydesk/") && !slices.Contains(unicodeTables, dep)
}

// TestReplyStdlib fails if the domain imports anything but the standard
// library and the Unicode tables.
func TestReplyStdlib(t *testing.T) {
	for _, dep := range deps(t, "replydesk/internal/reply") {
		if dep != "replydesk/internal/reply" && (strings.HasPrefix(dep, "replydesk/") || thirdParty(dep)) {
			t.Errorf("replydesk/internal/reply depends on %s", dep)
		}
	}
}

// TestFyneOnlyInWindow fails if a package other than the window
// (internal/ui) and the program (cmd/replydesk) imports the GUI toolkit,
// in its code or its tests.
func TestFyneOnlyInWindow(t *testing.T) {
	allowed := map[string]bool{"replydesk/internal/ui": true, "replydesk/cmd/replydesk": true}
	eachImport(t, true, func(pkg, imp string) {
		if strings.HasPrefix(imp, "fyne.io/") && !allowed[pkg] {
			t.Errorf("%s imports %s: only internal/ui and cmd/replydesk use the GUI toolkit", pkg, imp)
		}
	})
}

// TestTestHelpers fails if a package made for tests (a PostgreSQL server,
// the renderers' faces and ink boxes) is imported by the program.
func TestTestHelpers(t *testing.T) {
	helpers := []string{"replydesk/internal/store/pgtest", "replydesk/internal/render/rendertest"}
	eachImport(t, false, func(pkg, imp string) {
		if slices.Contains(helpers, imp) && !slices.Contains(helpers, pkg) {
			t.Errorf("%s imports %s, which only tests may import", pkg, imp)
		}
	})
}

// eachImport calls f with every import of every package of the project,
// of the tests too when tests is set.
func eachImport(t *testing.T, tests bool, f func(pkg, imp string)) {
	t.Helper()
	format := `{{.ImportPath}}:{{join .Imports " "}}`
	if tests {
		format += ` {{join .TestImports " "}} {{join .XTestImports " "}}`
	}
	out, err := exec.Command("go", "list", "-e", "-f", format, "replydesk/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, ln := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(ln, ":")
		for _, imp := range strings.Fields(imports) {
			f(pkg, imp)
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

// TestOneAtomicWriter fails if code other than safefile writes a file by
// itself: creates one (a temporary one too) or renames one over another.
// Every writer goes through safefile.Write, so that a file holds its old
// content or the whole new one, keeps its permissions, and errors are
// explained in one place. The exceptions write no user's file in place:
var writerExceptions = map[string]string{
	"internal/safefile/safefile.go": "the one writer",
	"internal/store/store.go":       "the backup: SQLite writes its own new file, renamed when complete",
	"internal/store/oserr.go":       "a probe file that tells whether the database's folder takes new files",
	"internal/datadir/migrate.go":   "moving the folders of earlier versions, never over a file",
	"internal/segment/gen.go":       "the dictionary generator, run by hand (go:build ignore)",
	"internal/store/pgtest/":        "the tests' PostgreSQL server in a temporary folder",
}

// fileWrites are the calls that create, replace or rename files.
// Libraries' own file writers count too: excelize's SaveAs and gopdf's
// WritePdf replace a file in place.
var fileWrites = []string{"os.Rename(", "os.CreateTemp(", "ioutil.TempFile(", "os.WriteFile(", "ioutil.WriteFile(", "os.Create(", "os.O_CREATE", "os.Link(", ".SaveAs(", ".WritePdf("}

func TestOneAtomicWriter(t *testing.T) {
	eachSource(t, func(file, src string) {
		for except := range writerExceptions {
			if file == except || strings.HasSuffix(except, "/") && strings.HasPrefix(file, except) {
				return
			}
		}
		for _, call := range fileWrites {
			if strings.Contains(src, call) {
				t.Errorf("%s calls %s: write files with safefile.Write", file, call)
			}
		}
	})
}

// eachSource calls f with the path (from the top of the repository, with
// slashes) and the text of every Go file of the program, tests left out.
func eachSource(t *testing.T, f func(file, src string)) {
	t.Helper()
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("../..", path)
		f(filepath.ToSlash(rel), string(src))
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
	eachImport(t, false, func(pkg, imp string) {
		if pkg != owner && slices.Contains(fontParsers, imp) {
			t.Errorf("%s imports %s: only %s reads font files", pkg, imp, owner)
		}
	})
	eachSource(t, func(file, src string) {
		if path.Dir(file) == "internal/fonts" {
			return
		}
		for _, tag := range fontTables {
			if strings.Contains(src, tag) {
				t.Errorf("%s names the font table %s: read and write fonts in internal/fonts", file, tag)
			}
		}
	})
}

// TestHTMLImports fails if the HTML writer reaches past the letter's
// blocks, as TestDocxImports for Word.
func TestHTMLImports(t *testing.T) {
	domain := map[string]bool{"replydesk/internal/reply": true, "replydesk/internal/style": true, "replydesk/internal/letter": true, "replydesk/internal/fontrole": true}
	const pkg = "replydesk/internal/render/html"
	for _, dep := range deps(t, pkg) {
		if strings.HasPrefix(dep, "replydesk/") && dep != pkg && !domain[dep] || thirdParty(dep) {
			t.Errorf("%s depends on %s", pkg, dep)
		}
	}
}
