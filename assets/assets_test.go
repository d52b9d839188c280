package assets

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
)

// TestFontsMatchSums checks that every fonts/*.ttf is embedded, with the
// bytes fonts/SHA256SUMS lists.
func TestFontsMatchSums(t *testing.T) {
	files, err := filepath.Glob("fonts/*.ttf")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fonts/*.ttf: %v", err)
	}
	var want []string
	for _, f := range files {
		want = append(want, filepath.Base(f))
	}
	if got := FontNames(); !slices.Equal(got, want) {
		t.Fatalf("FontNames() = %q, want the files %q", got, want)
	}
	sums := readSums(t)
	for _, name := range want {
		data, ok := Font(name)
		if !ok {
			t.Errorf("Font(%q): not embedded", name)
			continue
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != sums[name] {
			t.Errorf("%s: SHA-256 %s, SHA256SUMS says %s", name, got, sums[name])
		}
	}
	if _, ok := Font("SimSun.ttf"); ok {
		t.Error("Font of a file that is not embedded reports one")
	}
}

// readSums reads fonts/SHA256SUMS: file name → hex digest.
func readSums(t *testing.T) map[string]string {
	f, err := os.Open("fonts/SHA256SUMS")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sums := make(map[string]string)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sum, name, ok := strings.Cut(sc.Text(), "  "); ok {
			sums[name] = sum
		}
	}
	return sums
}

// TestFontNotCopied checks that Font hands out the embedded bytes
// themselves: the same backing array on every call, in read-only memory
// (a copy on the heap would be writable and cost its size in RAM).
func TestFontNotCopied(t *testing.T) {
	for _, name := range FontNames() {
		a, _ := Font(name)
		b, _ := Font(name)
		if &a[0] != &b[0] {
			t.Errorf("%s: two calls return different arrays: a copy each time", name)
		}
		if writable(&a[len(a)/2]) {
			t.Errorf("%s: the bytes are writable: a copy, not the binary's read-only data", name)
		}
	}
}

// writable reports whether storing to p succeeds rather than faulting. It
// stores the byte already there, so a writable p is left unchanged.
func writable(p *byte) (ok bool) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	store(p, *p)
	return true
}

// store is not inlined so that the compiler cannot drop the store of a
// byte to where it was loaded from.
//
//go:noinline
func store(p *byte, v byte) { *p = v }
