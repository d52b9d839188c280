package fonts

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	ot "github.com/go-text/typesetting/font/opentype"
)

// checkSfnt checks data is a single font whose directory, table
// checksums and whole-file checksum adjustment hold, and returns its tables.
func checkSfnt(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	dir := tableDir(data)
	if dir == nil {
		t.Fatal("no table directory")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		e := data[12+16*i:]
		off, length := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		if off%4 != 0 {
			t.Errorf("table %q at %d, not four-byte aligned", e[:4], off)
		}
		b := slices.Clone(data[off : off+(length+3)&^3])
		if string(e[:4]) == "head" {
			binary.BigEndian.PutUint32(b[8:], 0)
		}
		if got, want := checksum(b), binary.BigEndian.Uint32(e[4:]); got != want {
			t.Errorf("table %q checksum %08x, directory says %08x", e[:4], got, want)
		}
		if i > 0 && string(data[12+16*(i-1):][:4]) >= string(e[:4]) {
			t.Errorf("directory not sorted at %q", e[:4])
		}
	}
	if sum := checksum(data); sum != 0xB1B0AFBA {
		t.Errorf("whole-file checksum %08x, want B1B0AFBA (head.checkSumAdjustment)", sum)
	}
	return dir
}

// TestWithFileCollection picks faces of a TrueType collection by name,
// index and by default, and checks the face written out on its own.
func TestWithFileCollection(t *testing.T) {
	path := copyFile(t, "serif-sans.ttc", t.TempDir(), "serif-sans.ttc")
	for _, sel := range []string{"#1", "#NotoSerifSC-Regular", "#Noto Serif SC", "#noto_serif_sc", "# 1"} {
		t.Run(sel, func(t *testing.T) {
			s, err := set(t).WithFile(Body, path+sel)
			if err != nil {
				t.Fatal(err)
			}
			face := s.Chain(Body)[0]
			if face != NotoSerif+"-2" { // the embedded face has the name
				t.Fatalf("Chain(body)[0] = %s, want %s-2", face, NotoSerif)
			}
			if f, _, _, ok := s.Glyph(Body, '董'); f != face || !ok {
				t.Errorf("Glyph(body, 董) from %s, %v; want the collection's face", f, ok)
			}
			if got := s.File(Body); got != path+sel {
				t.Errorf("File(body) = %q, want %q", got, path+sel)
			}
		})
	}
	s, err := set(t).WithFile(Title, path+"#1")
	if err != nil {
		t.Fatal(err)
	}
	data, err := s.Data(s.Chain(Title)[0])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte{0, 1, 0, 0}) {
		t.Fatalf("Data starts %q, want a single TrueType font", data[:4])
	}
	tables := checkSfnt(t, data)
	lds, err := ot.NewLoaders(bytes.NewReader(mustRead(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range lds[1].Tables() {
		want, _ := lds[1].RawTable(tag)
		if got := tables[tag.String()]; !bytes.Equal(got, want) && tag.String() != "head" {
			t.Errorf("table %s: %d bytes, want the collection face's %d", tag, len(got), len(want))
		}
	}
	if len(tables) != len(lds[1].Tables()) {
		t.Errorf("%d tables, want the face's %d", len(tables), len(lds[1].Tables()))
	}

	// Without a face: the first, as it has no mainland Chinese name.
	s, err = set(t).WithFile(Hei, path)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Chain(Hei)[0]; got != NotoSans+"-2" {
		t.Errorf("Chain(hei)[0] = %s, want the first face, %s-2", got, NotoSans)
	}
}

// TestCollectionDefaultFace: a collection given without a face gives its
// face with a mainland Chinese name, as Noto CJK's SC face after JP.
func TestCollectionDefaultFace(t *testing.T) {
	path := copyFile(t, "cjk-pair.ttc", t.TempDir(), "NotoSansCJK-Regular.ttc")
	tests := map[string]string{"": "NotoSansCJKsc-Regular", "#0": "NotoSansCJKjp-Regular", "#Noto Sans CJK JP": "NotoSansCJKjp-Regular"}
	for sel, want := range tests {
		s, err := set(t).WithFile(Body, path+sel)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Chain(Body)[0]; got != want {
			t.Errorf("WithFile(%q): face %s, want %s", sel, got, want)
		}
		data, _ := s.Data(s.Chain(Body)[0])
		if kind, err := checkFont(data); err != nil || kind != cffOutlines {
			t.Errorf("WithFile(%q): Data is %v, %v; want a single CFF font", sel, kind, err)
		}
	}
}

// TestHashInFileName: a file whose name has FaceSep is found as it is.
func TestHashInFileName(t *testing.T) {
	dir := t.TempDir()
	path := copyFile(t, "test.ttf", dir, "公文#1.ttf")
	s, err := set(t).WithFile(Body, path)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Chain(Body)[0]; got != testFace {
		t.Errorf("face %s, want %s", got, testFace)
	}
	if _, err := set(t).WithFile(Body, filepath.Join(dir, "公文#2.ttf")); err == nil || !strings.Contains(err.Error(), "“"+filepath.Join(dir, "公文")+"”不存在") {
		t.Errorf("a missing file: %v", err)
	}
}

func TestFaceSelector(t *testing.T) {
	faces, err := facesOf(mustRead(t, "testdata/cjk-pair.ttc"))
	if err != nil {
		t.Fatal(err)
	}
	if got := faces[1].selector(faces); got != "NotoSansCJKsc-Regular" {
		t.Errorf("selector of a named face = %q", got)
	}
	twins, _ := facesOf(mustRead(t, "testdata/pair.ttc")) // two faces of one name
	if got := twins[1].selector(twins); got != "1" {
		t.Errorf("selector of one of two faces of a name = %q, want its index", got)
	}
	if got := faces[0].label(); got != "NotoSansCJKjp-Regular" {
		t.Errorf("label = %q", got)
	}
	if got := twins[0].label(); got != "ReplyDeskTest-Regular（答复测试体）" {
		t.Errorf("label = %q", got)
	}
}

func TestWriteSfnt(t *testing.T) {
	data := writeSfnt(0x00010000, map[string][]byte{
		"head": make([]byte, 54), "zzzz": {1, 2, 3}, "cmap": {4}, "OS/2": {5, 6, 7, 8, 9},
	})
	tables := checkSfnt(t, data)
	if !bytes.Equal(tables["zzzz"], []byte{1, 2, 3}) || !bytes.Equal(tables["OS/2"], []byte{5, 6, 7, 8, 9}) {
		t.Errorf("tables read back: %q", tables)
	}
	if binary.BigEndian.Uint16(data[6:]) != 64 || binary.BigEndian.Uint16(data[8:]) != 2 || binary.BigEndian.Uint16(data[10:]) != 0 {
		t.Errorf("search fields %x, want 64 2 0 for four tables", data[6:12])
	}
}

// TestWithFileWOFF reads a WOFF font: its tables are decompressed into a
// single font with the same glyphs and metrics as the TrueType original.
func TestWithFileWOFF(t *testing.T) {
	s, err := set(t).WithFile(Body, copyFile(t, "test.woff", t.TempDir(), "test.woff"))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := s.Data(testFace)
	tables := checkSfnt(t, data)
	want := tableDir(mustRead(t, "testdata/test.ttf"))
	for _, tag := range []string{"glyf", "loca", "cmap", "hmtx"} {
		if !bytes.Equal(tables[tag], want[tag]) {
			t.Errorf("table %s differs from test.ttf's", tag)
		}
	}
	if face, adv, _, ok := s.Glyph(Body, '中'); face != testFace || adv != 2048 || !ok {
		t.Errorf("Glyph(body, 中) = %s, %d, %v", face, adv, ok)
	}
}

// TestDamagedDirectory: a table whose directory entry claims gigabytes,
// in a collection, a WOFF file or an installed font, is refused at once
// without allocating what it claims.
func TestDamagedDirectory(t *testing.T) {
	dir := t.TempDir()
	ttc := mustRead(t, "testdata/pair.ttc")
	face1 := binary.BigEndian.Uint32(ttc[16:])           // the second face's table directory
	binary.BigEndian.PutUint32(ttc[face1+12+12:], 3<<30) // its first table: 3 GB long
	woff := mustRead(t, "testdata/test.woff")
	binary.BigEndian.PutUint32(woff[44+12:], 3<<30) // first table: 3 GB once decompressed
	cases := map[string][]byte{"huge.ttc": ttc, "huge.woff": woff}
	for name, data := range cases {
		path := filepath.Join(dir, name)
		os.WriteFile(path, data, 0o644)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := set(t).WithFile(Body, path+"#1")
		runtime.ReadMemStats(&after)
		if err == nil || !strings.Contains(err.Error(), "已损坏") {
			t.Errorf("%s: WithFile = %v, want 已损坏", name, err)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<20 {
			t.Errorf("%s: refusing it allocated %d MB", name, grew>>20)
		}
	}
	if got := installedIn([]string{dir}); len(got) != 0 {
		t.Errorf("installedIn lists damaged files: %+v", got)
	}
}
