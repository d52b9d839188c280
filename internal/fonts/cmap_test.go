package fonts

import "testing"

// TestFormat4Has checks the lookup Installed uses against the full map
// go-text builds, over the whole BMP of two embedded fonts.
func TestFormat4Has(t *testing.T) {
	s := set(t)
	for _, name := range []string{FandolFang, LXGWWenKai} {
		data, err := s.Data(name)
		if err != nil {
			t.Fatal(err)
		}
		st := format4(tableDir(data)["cmap"])
		if st == nil {
			t.Fatalf("%s: no (3,1) format 4 subtable", name)
		}
		m := s.byName[name].metrics()
		diff := 0
		for r := rune(0); r < 0x10000; r++ {
			if _, want := m.lookup(r); format4Has(st, r) != want {
				if diff++; diff < 5 {
					t.Errorf("%s: format4Has(%U) = %v, want %v", name, r, !want, want)
				}
			}
		}
	}
	if format4Has(nil, '中') || format4Has([]byte{0, 4, 0, 20}, '中') {
		t.Error("format4Has of a missing or cut subtable = true")
	}
}
