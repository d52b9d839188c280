package reply

import "testing"

func TestNumeral(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{0, "零"}, {1, "一"}, {2, "二"}, {10, "十"}, {11, "十一"}, {14, "十四"},
		{20, "二十"}, {21, "二十一"}, {99, "九十九"}, {100, "一百"}, {101, "一百零一"},
		{110, "一百一十"}, {115, "一百一十五"}, {1000, "一千"}, {1001, "一千零一"},
		{1010, "一千零一十"}, {1100, "一千一百"}, {2023, "二千零二十三"},
		{10000, "一万"}, {10010, "一万零一十"}, {10100, "一万零一百"}, {11000, "一万一千"},
		{100000, "十万"}, {1010000, "一百零一万"}, {-3, "负三"}, {123456789, "123456789"},
	} {
		t.Run(c.want, func(t *testing.T) {
			if got := Numeral(c.n); got != c.want {
				t.Errorf("Numeral(%d) = %q, want %q", c.n, got, c.want)
			}
		})
	}
}

func TestParseNumeral(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
		ok   bool
	}{
		{"十四", 14, true}, {"一十四", 14, true}, {"二", 2, true}, {"十", 10, true},
		{"二十", 20, true}, {"二十一", 21, true}, {"一百", 100, true}, {"两百", 200, true},
		{"一百零一", 101, true}, {"〇", 0, true}, {"14", 14, true}, {" 三 ", 3, true},
		{"一万零一十", 10010, true},
		{"", 0, false}, {"十十", 0, false}, {"百", 0, false}, {"二十三十", 0, false},
		{"一二", 0, false}, {"十四届", 0, false}, {"万", 0, false}, {"abc", 0, false},
	} {
		t.Run(c.s, func(t *testing.T) {
			got, err := ParseNumeral(c.s)
			if (err == nil) != c.ok || got != c.want {
				t.Errorf("ParseNumeral(%q) = %d, %v; want %d, ok=%v", c.s, got, err, c.want, c.ok)
			}
		})
	}
}

func TestNumeralRoundTrip(t *testing.T) {
	for n := 0; n <= 120000; n += 7 {
		got, err := ParseNumeral(Numeral(n))
		if err != nil || got != n {
			t.Fatalf("ParseNumeral(Numeral(%d) = %q) = %d, %v", n, Numeral(n), got, err)
		}
	}
}
