package assets

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// fresh returns an unread copy of the embedded font name, and the folder
// it unpacks into.
func fresh(t *testing.T, name string) (*font, string) {
	t.Helper()
	dir := t.TempDir()
	old := cacheDir
	cacheDir = func() (string, error) { return dir, nil }
	t.Cleanup(func() { cacheDir = old })
	f := fonts[name]
	return &font{packed: f.packed, size: f.size, crc: f.crc}, dir
}

// TestUnpackOnce checks that a font is unpacked into the cache folder on
// first use, mapped from there afterwards, and unpacked again when the
// file is damaged or cut short.
func TestUnpackOnce(t *testing.T) {
	const name = "FandolFang-Regular.ttf"
	want, err := os.ReadFile(filepath.Join("fonts", name))
	if err != nil {
		t.Fatal(err)
	}
	f, dir := fresh(t, name)
	got, err := f.unpack(name)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("unpacked %d bytes (%v), want the %d of fonts/%s", len(got), err, len(want), name)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "FandolFang-Regular-*.ttf"))
	if len(files) != 1 {
		t.Fatalf("cache folder holds %q, want one unpacked font", files)
	}
	for _, damage := range []func([]byte) []byte{
		func(b []byte) []byte { b[len(b)/2] ^= 1; return b },
		func(b []byte) []byte { return b[:len(b)-1] },
	} {
		if st, err := os.Stat(files[0]); err != nil || !st.ModTime().Equal(f.stamp()) {
			t.Errorf("the checked file is not stamped: %v", err)
		}
		if err := os.WriteFile(files[0], damage(bytes.Clone(want)), 0o644); err != nil {
			t.Fatal(err)
		}
		g := &font{packed: f.packed, size: f.size, crc: f.crc}
		if got, err := g.unpack(name); err != nil || !bytes.Equal(got, want) {
			t.Errorf("from a damaged file: %d bytes (%v), want the font", len(got), err)
		}
		if onDisk, _ := os.ReadFile(files[0]); !bytes.Equal(onDisk, want) {
			t.Error("the damaged file was not unpacked again")
		}
	}
}

// TestUnpackWithoutCache checks that a font is still had where the cache
// folder cannot be made.
func TestUnpackWithoutCache(t *testing.T) {
	const name = "FandolFang-Regular.ttf"
	f, dir := fresh(t, name)
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cacheDir = func() (string, error) { return filepath.Join(blocker, "fonts"), nil }
	if got, err := f.unpack(name); err != nil || len(got) != f.size {
		t.Errorf("without a cache folder: %d bytes (%v), want %d", len(got), err, f.size)
	}
}

// TestPackedCorrupt checks that compressed bytes that do not unpack to the
// font are refused, not returned.
func TestPackedCorrupt(t *testing.T) {
	const name = "FandolFang-Regular.ttf"
	f, _ := fresh(t, name)
	bad := *f.packed
	bad = bad[:len(bad)/2]
	f.packed = &bad
	if _, err := f.unpack(name); err == nil {
		t.Error("a cut-short compressed font was unpacked")
	}
}

// BenchmarkFontCached is what a start pays for a font unpacked by an
// earlier run: the cached file checked and mapped.
func BenchmarkFontCached(b *testing.B) {
	const name = "NotoSansSC-Regular.ttf"
	dir := b.TempDir()
	old := cacheDir
	cacheDir = func() (string, error) { return dir, nil }
	defer func() { cacheDir = old }()
	f := fonts[name]
	if _, err := (&font{packed: f.packed, size: f.size, crc: f.crc}).unpack(name); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := (&font{packed: f.packed, size: f.size, crc: f.crc}).unpack(name); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFontUnpack is what the first start pays for a font: unpacked
// from the binary and checked.
func BenchmarkFontUnpack(b *testing.B) {
	const name = "NotoSansSC-Regular.ttf"
	f := fonts[name]
	for b.Loop() {
		if _, err := (&font{packed: f.packed, size: f.size, crc: f.crc}).decode(name); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRelease checks that a released font still reads the same.
func TestRelease(t *testing.T) {
	const name = "FandolFang-Regular.ttf"
	want, err := os.ReadFile(filepath.Join("fonts", name))
	if err != nil {
		t.Fatal(err)
	}
	Release(name)
	got, ok := Font(name)
	Release(name)
	if !ok || !bytes.Equal(got, want) {
		t.Error("a released font reads differently")
	}
	Release("SimSun.ttf")
}
