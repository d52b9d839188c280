package layout_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"replydesk/internal/fonts"
	"replydesk/internal/layout"
	"replydesk/internal/reply"
	"replydesk/internal/style"
	"replydesk/internal/tomlfile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// examples loads every example reply of templates/examples and layout's own
// testdata, each with its house style.
func examples(tb testing.TB) map[string]struct {
	r  *reply.Reply
	st *style.Style
} {
	tb.Helper()
	styles, err := tomlfile.LoadStyles(os.DirFS("../../templates"))
	if err != nil {
		tb.Fatal(err)
	}
	byName := map[string]*style.Style{}
	byKind := map[reply.Kind]*style.Style{}
	for _, s := range styles {
		byName[s.Name] = s
		if _, ok := byKind[s.Kind]; !ok || s.Format == style.Plain {
			byKind[s.Kind] = s
		}
	}
	files, _ := filepath.Glob("../../templates/examples/*.reply.toml")
	more, _ := filepath.Glob("testdata/*.reply.toml")
	files = append(files, more...)
	if len(files) < 9 {
		tb.Fatalf("found %d example replies, want at least 9", len(files))
	}
	out := map[string]struct {
		r  *reply.Reply
		st *style.Style
	}{}
	for _, f := range files {
		r, err := tomlfile.ReadReplyFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		st := byName[r.Style]
		if st == nil {
			st = byKind[r.Kind]
		}
		if st == nil {
			tb.Fatalf("%s: no style %q", f, r.Style)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".reply.toml")
		out[name] = struct {
			r  *reply.Reply
			st *style.Style
		}{r, st}
	}
	return out
}

// TestGolden typesets every example and compares the text dump of its pages
// with testdata/NAME.golden; go test -update rewrites them, and a mismatch
// is written to testdata/failed/ for a person to look at.
func TestGolden(t *testing.T) {
	fs, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, ex := range examples(t) {
		t.Run(name, func(t *testing.T) {
			res := layout.Typeset(ex.r, ex.st, fs)
			if len(res.Missing) > 0 && !strings.Contains(name, "missing") {
				t.Errorf("missing characters: %+v", res.Missing)
			}
			var got bytes.Buffer
			if err := res.Doc.Dump(&got); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/layout -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				os.MkdirAll("testdata/failed", 0o755)
				os.WriteFile(filepath.Join("testdata/failed", name+".golden"), got.Bytes(), 0o644)
				t.Errorf("layout of %s differs from %s; see testdata/failed/%s.golden", name, path, name)
			}
		})
	}
}

// BenchmarkTypesetSeed measures typesetting the canonical reply with fonts
// already loaded.
func BenchmarkTypesetSeed(b *testing.B) {
	fs, err := fonts.Default()
	if err != nil {
		b.Fatal(err)
	}
	ex := examples(b)["reply-244"]
	layout.Typeset(ex.r, ex.st, fs)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		layout.Typeset(ex.r, ex.st, fs)
	}
}
