package fonts

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestInstalledIn(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	copyFile(t, "test.ttf", dir, "test.ttf")
	copyFile(t, "test.otf", dir, "test.otf")
	copyFile(t, "mac.ttf", dir, "mac.ttf")
	copyFile(t, "pair.ttc", sub, "PAIR.TTC")
	copyFile(t, "cjk-pair.ttc", sub, "pair.otc")
	os.WriteFile(filepath.Join(dir, "broken.ttf"), []byte("garbage"), 0o644)
	os.WriteFile(filepath.Join(dir, "readme.txt"), []byte("not a font"), 0o644)
	got := installedIn([]string{dir, filepath.Join(dir, "absent"), sub})
	want := []InstalledFont{
		{Path: filepath.Join(sub, "pair.otc"), Face: "NotoSansCJKjp-Regular", Family: "Noto Sans CJK JP", Style: "Regular", CFF: true, CJK: false, Usable: true},
		{Path: filepath.Join(sub, "pair.otc"), Face: "NotoSansCJKsc-Regular", Family: "Noto Sans CJK SC", Style: "Regular", CFF: true, CJK: false, Usable: true},
		{Path: filepath.Join(dir, "mac.ttf"), Family: "答复测试体", Style: "Regular", CJK: false, Usable: false},
		{Path: filepath.Join(sub, "PAIR.TTC"), Face: "0", Family: "答复测试体", Style: "Regular", CJK: true, Usable: true},
		{Path: filepath.Join(sub, "PAIR.TTC"), Face: "1", Family: "答复测试体", Style: "Regular", CJK: true, Usable: true},
		{Path: filepath.Join(dir, "test.otf"), Family: "答复测试体", Style: "Regular", CFF: true, CJK: false, Usable: true},
		{Path: filepath.Join(dir, "test.ttf"), Family: "答复测试体", Style: "Regular", CJK: true, Usable: true},
	}
	if !slices.Equal(got, want) {
		t.Errorf("installedIn =\n%+v\nwant\n%+v", got, want)
	}
}

func TestLookupName(t *testing.T) {
	raw := tableDir(mustRead(t, "testdata/test.ttf"))["name"]
	recs := parseNames(raw)
	tests := []struct {
		id   uint16
		zh   bool
		want string
	}{
		{nameFamily, true, "答复测试体"},
		{nameFamily, false, "ReplyDesk Test"},
		{namePostScript, true, testFace},
		{nameSubfamily, false, "Regular"},
		{99, false, ""},
	}
	for _, tc := range tests {
		if got := lookupName(recs, tc.id, tc.zh); got != tc.want {
			t.Errorf("lookupName(%d, zh=%v) = %q, want %q", tc.id, tc.zh, got, tc.want)
		}
	}
	if got := parseNames(raw[:20]); len(got) != 0 {
		t.Errorf("parseNames of a cut table = %d records, want none", len(got))
	}
}

func TestFaceName(t *testing.T) {
	rec := func(id uint16, s string) nameRecord {
		var b []byte
		for _, c := range s {
			b = append(b, byte(c>>8), byte(c))
		}
		return nameRecord{platform: 3, encoding: 1, lang: 0x0409, id: id, value: b}
	}
	tests := []struct {
		recs     []nameRecord
		fallback string
		want     string
	}{
		{[]nameRecord{rec(namePostScript, "FangSong_GB2312"), rec(nameFamily, "仿宋_GB2312")}, "simfang", "FangSong_GB2312"},
		{[]nameRecord{rec(nameFamily, "Source Han Serif")}, "x", "Source-Han-Serif"},
		{[]nameRecord{rec(nameFamily, "仿宋")}, "simfang", "simfang"},
		{nil, "方正小标宋", "UserFont"},
		{[]nameRecord{rec(namePostScript, "Bad(Name)/[x]")}, "x", "BadNamex"},
	}
	for _, tc := range tests {
		if got := faceName(tc.recs, tc.fallback); got != tc.want {
			t.Errorf("faceName(%v, %q) = %q, want %q", tc.recs, tc.fallback, got, tc.want)
		}
	}
}

// TestInstalled scans this machine's fonts; it asserts only what holds on
// any machine.
func TestInstalled(t *testing.T) {
	list, err := Installed()
	if err != nil {
		t.Fatal(err)
	}
	checked := map[string]bool{}
	for _, f := range list {
		if f.Path == "" || f.Family == "" {
			t.Errorf("%+v: want a path and a family", f)
		}
		if f.Usable && !checked[f.Path] { // one face per file: a CJK collection is big
			checked[f.Path] = true
			data, _, err := singleFont(mustRead(t, f.Path), f.Face)
			if err == nil {
				_, err = newFileFace(data)
			}
			if err != nil {
				t.Errorf("%s is listed usable but WithFile refuses it: %v", f.Spec(), err)
			}
		}
	}
	t.Logf("%d fonts installed", len(list))
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
