package reply

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// phoneCases are phone fields as published replies and notices print
// them (recognize/testdata and government pages: 3520137 沧县, 2125429
// 个旧, 56155520 新密, 0818-2376450 通川, 0851-87721549 息烽, "0515-86661321，
// 0515-88191321(传真)" 盐城, "84688931、84688933、84688935" 高邮,
// "15062429200/15062429300"), with what they read as; want "" marks a
// field that must not read. They double as fuzz seeds.
var phoneCases = []struct {
	in   string
	want string // the numbers' String forms joined by " | "
}{
	{"13578951242", "13578951242"},
	{"135-7895-1242", "13578951242"},
	{"135 7895 1242", "13578951242"},
	{"+8613578951242", "13578951242"},
	{"+86 135 7895 1242", "13578951242"},
	{"13507305504", "13507305504"},
	{"0431-88888888", "0431-88888888"},
	{"010-12345678", "010-12345678"},
	{"(0431)88888888", "0431-88888888"},
	{"(0431)-88888888", "0431-88888888"},
	{"0431 88888888", "0431-88888888"},
	{"043188888888", "0431-88888888"},
	{"01012345678", "010-12345678"},
	{"0818-2376450", "0818-2376450"},
	{"0851-87721549", "0851-87721549"},
	{"0431-8888-8888", "0431-88888888"},
	{"0431-88888888转801", "0431-88888888转801"},
	{"0431-88888888转8012", "0431-88888888转8012"},
	{"0431-88888888 转 8012", "0431-88888888转8012"},
	{"0431-88888888分机8012", "0431-88888888转8012"},
	{"0431-88888888（分机8012）", "0431-88888888转8012"},
	{"0431-88888888-8012", "0431-88888888转8012"},
	{"0431-88888888-801", "0431-88888888转801"},
	{"0431-88888888 ext.12", "0431-88888888转12"},
	{"0898-66881234(办公室)", "0898-66881234（办公室）"},
	{"0515-86661321，0515-88191321（传真）", "0515-86661321 | 0515-88191321（传真）"},
	{"84688931、84688933、84688935", "84688931 | 84688933 | 84688935"},
	{"15062429200/15062429300", "15062429200 | 15062429300"},
	{"0431-88888888、13578951242", "0431-88888888 | 13578951242"},
	{"0431-88888888或13578951242", "0431-88888888 | 13578951242"},
	{"0431-88888888 13578951242", "0431-88888888 | 13578951242"},
	{"0431-88888888；13578951242", "0431-88888888 | 13578951242"},
	{"手机：13578951242", "13578951242"},
	{"66881234", "66881234"},
	{"3520137", "3520137"},
	{"2125429", "2125429"},
	{"56155520", "56155520"},
	{"68118611转12", "68118611转12"},
	{"400-123-4567", "400-123-4567"},
	{"4001234567", "400-123-4567"},
	{"800-810-8888", "800-810-8888"},
	{"400-123-4567转2", "400-123-4567转2"},
	{"12345", "12345"},
	{"95598", "95598"},
	{"1357895124", ""},
	{"135789512421", ""},
	{"12578951242", ""},
	{"23578951242", ""},
	{"0431-888", ""},
	{"0431-08888888", ""},
	{"010-1234567", ""},
	{"0431", ""},
	{"123", ""},
	{"400-123-456", ""},
	{"13578951242转12", ""},
	{"刘丽 13578951242", ""},
	{"刘丽", ""},
	{"13578951242、", ""},
	{"、", ""},
	{"0431--88888888", ""},
	{"135+78951242", ""},
	{"1357(895)1242", ""},
	{"（0431）88888888", ""}, // full-width: NormalizePhone first
	{"０４３１-88888888", ""},
	{"0763—6269263", ""},
	{"", ""},
	{"0", ""},
	{"+0", ""},
	{"(0)", ""},
}

func TestParsePhones(t *testing.T) {
	for _, c := range phoneCases {
		t.Run(c.in, func(t *testing.T) {
			ps, err := ParsePhones(c.in)
			if c.want == "" {
				if err == nil {
					t.Fatalf("ParsePhones(%q) = %v, want an error", c.in, ps)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParsePhones(%q) error %v", c.in, err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			if g := strings.Join(got, " | "); g != c.want {
				t.Errorf("ParsePhones(%q) = %s, want %s", c.in, g, c.want)
			}
		})
	}
}

func TestParsePhonesKinds(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Phone
	}{
		{"13578951242", Phone{Kind: Mobile, Number: "13578951242"}},
		{"0431-88888888转8012", Phone{Kind: Landline, Area: "0431", Number: "88888888", Ext: "8012"}},
		{"56155520", Phone{Kind: Local, Number: "56155520"}},
		{"400-123-4567", Phone{Kind: Service, Number: "4001234567"}},
		{"0515-88191321(传真)", Phone{Kind: Landline, Area: "0515", Number: "88191321", Note: "传真"}},
	} {
		ps, err := ParsePhones(c.in)
		if err != nil || len(ps) != 1 || ps[0] != c.want {
			t.Errorf("ParsePhones(%q) = %+v, %v; want %+v", c.in, ps, err, c.want)
		}
	}
}

func TestParsePhonesErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1357895124", "“1357895124”是10位：手机号应为11位"},
		{"12578951242", "第二位是3到9"},
		{"0431-888", "区号0431后的号码应为7到8位，这里是3位"},
		{"010-1234567", "区号010后的号码应为8位"},
		{"400-123-456", "400电话应为10位"},
		{"13578951242转12", "手机号没有分机"},
		{"0431", "只有区号"},
		{"0431-88888888、", "分隔符前后缺少号码"},
		{"０４３１-88888888", "全角"},
	} {
		_, err := ParsePhones(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParsePhones(%q) error = %v, want it to say %q", c.in, err, c.want)
		}
	}
}

func TestNormalizePhone(t *testing.T) {
	for in, want := range map[string]string{
		" （０４３１）８８８８８８８８ ": "(0431)88888888",
		"0763—6269263":  "0763-6269263",
		"0763－6269263":  "0763-6269263",
		"135　7895　1242": "135 7895 1242",
	} {
		got := NormalizePhone(in)
		if got != want || !ValidPhone(got) {
			t.Errorf("NormalizePhone(%q) = %q (valid %v), want %q", in, got, ValidPhone(got), want)
		}
	}
}

func TestValidAreaCode(t *testing.T) {
	for s, ok := range map[string]bool{"010": true, "021": true, "029": true, "0431": true, "0898": true,
		"0371": true, "011": false, "0131": false, "431": false, "04310": false, "0": false, "": false, "0a31": false} {
		if ValidAreaCode(s) != ok {
			t.Errorf("ValidAreaCode(%q) = %v, want %v", s, !ok, ok)
		}
	}
}

// TestCheckAreaCode: a local number is accepted when the area code is
// known, and a 7-digit one is questioned where local numbers have 8.
func TestCheckAreaCode(t *testing.T) {
	for _, c := range []struct {
		phone, area string
		want        string // a substring of the phone's one problem; "" = none
	}{
		{"56155520", "0371", ""},
		{"2698617", "0818", ""},
		{"13578951242、68118611", "0371", ""},
		{"56155520", "", "没有区号"},
		{"6234567", "010", "区号010的本地号码为8位"},
		{"0431-88888888", "", ""},
		{"400-123-4567", "", ""},
	} {
		r := seedReply(t)
		r.Opening = FixText(r.Opening)
		r.Contact.Phone = c.phone
		v := seedVocab
		v.AreaCode = c.area
		ps := find(Check(r, v), "contact.phone")
		switch {
		case c.want == "" && len(ps) != 0:
			t.Errorf("phone %q, area %q: problems %v, want none", c.phone, c.area, ps)
		case c.want != "" && (len(ps) != 1 || ps[0].Severity != Warning || !strings.Contains(ps[0].Message, c.want)):
			t.Errorf("phone %q, area %q: problems %v, want one warning saying %q", c.phone, c.area, ps, c.want)
		}
	}
}

// FuzzParsePhones checks the phone parser by invariant: it never panics;
// a field it reads gives numbers whose printed forms read back the same
// and use only digits the field had, in order; an error quotes a part of
// the field.
func FuzzParsePhones(f *testing.F) {
	for _, c := range phoneCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParsePhones(s)
		if err != nil {
			if ps != nil {
				t.Fatalf("ParsePhones(%q) returned numbers with an error", s)
			}
			pe, ok := err.(*PhoneError)
			if !ok || pe.Why == "" || !utf8.ValidString(pe.Why) {
				t.Fatalf("ParsePhones(%q) error %#v is not a PhoneError with a reason", s, err)
			}
			if part := strings.TrimSuffix(pe.Part, "…"); !strings.Contains(s, part) {
				t.Fatalf("ParsePhones(%q) error quotes %q, not in the field", s, pe.Part)
			}
			return
		}
		if len(ps) == 0 {
			t.Fatalf("ParsePhones(%q) read no number and no error", s)
		}
		var printed []string
		for _, p := range ps {
			printed = append(printed, p.String())
			back, err := ParsePhones(p.String())
			if err != nil || len(back) != 1 || back[0] != p {
				t.Fatalf("ParsePhones(%q): %+v prints as %q, which reads back as %+v, %v", s, p, p.String(), back, err)
			}
		}
		// Digits of the numbers come from the field: the printed digits
		// are a subsequence of the field's digits (a +86 may be dropped).
		if !subsequence(digitsOf(strings.Join(printed, "")), digitsOf(s)) {
			t.Fatalf("ParsePhones(%q) = %v: digits not from the field", s, printed)
		}
	})
}

// subsequence reports whether a's bytes appear in b in order.
func subsequence(a, b string) bool {
	i := 0
	for j := 0; j < len(b) && i < len(a); j++ {
		if a[i] == b[j] {
			i++
		}
	}
	return i == len(a)
}
