package docx

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"replydesk/internal/letter"
)

// signatureParas returns the paragraphs of document.xml from the last
// blank one before the issuer to the date: the blank lines above the
// issuer, the issuer's lines and the date, each as its style and right
// indent (hundredths of a character) and text.
func signatureParas(t *testing.T, l *letter.Letter, opt Options) (blanks int, lines []string) {
	t.Helper()
	b, err := Bytes(l, opt)
	if err != nil {
		t.Fatal(err)
	}
	doc := partOf(t, b, "word/document.xml")
	paras := regexp.MustCompile(`<w:p>.*?</w:p>`).FindAllString(doc, -1)
	style := regexp.MustCompile(`<w:pStyle w:val="([^"]+)"/>`)
	right := regexp.MustCompile(`w:rightChars="(\d+)"`)
	text := regexp.MustCompile(`<w:t[^>]*>([^<]*)</w:t>`)
	first := -1
	for i, p := range paras {
		m := style.FindStringSubmatch(p)
		if m == nil {
			continue
		}
		switch m[1] {
		case sIssuer:
			if first < 0 {
				first = i
				for k := i - 1; k >= 0 && !text.MatchString(paras[k]); k-- {
					blanks++
				}
			}
			fallthrough
		case sDate:
			r := right.FindStringSubmatch(p)
			var s strings.Builder
			for _, tm := range text.FindAllStringSubmatch(p, -1) {
				s.WriteString(tm[1])
			}
			lines = append(lines, m[1]+" "+r[1]+" "+s.String())
		}
	}
	return blanks, lines
}

// TestSignaturePlacement checks the signature as Word gets it: the right
// indents of letter.SignaturePlace, long issuers inside the type area
// and broken where letter.IssuerLines breaks them, and the blank lines
// above it as the PDF sets them.
func TestSignaturePlacement(t *testing.T) {
	seed := seedLetter(t)
	for _, c := range []struct {
		issuer string
		seal   bool
		want   []string
	}{
		// 长春市教育局 (6) centred over 2023年6月20日 (6.5), four in.
		{"长春市教育局", true, []string{"Issuer 425 长春市教育局", "SignDate 400 2023年6月20日"}},
		// 15 characters: two in, the date centred under it.
		{"某某新区经济开发建设管理委员会", true, []string{"Issuer 200 某某新区经济开发建设管理委员会", "SignDate 625 2023年6月20日"}},
		{"某某新区经济开发建设管理委员会", false, []string{"Issuer 200 某某新区经济开发建设管理委员会", "SignDate 850 2023年6月20日"}},
		// 20 characters with a seal.
		{"某某市某新区经济开发建设管理委员会办公室", true, []string{"Issuer 200 某某市某新区经济开发建设管理委员会办公室", "SignDate 875 2023年6月20日"}},
		// Too long for a line: two lines, each centred over the date.
		{"某某省某某市某某新区经济开发建设管理委员会某某街道办事处社区服务中心", true, []string{
			"Issuer 200 某某省某某市某某新区经济开发建设管理委员会", "Issuer 600 某某街道办事处社区服务中心", "SignDate 925 2023年6月20日"}},
	} {
		l := *seed
		l.Issuer, l.Seal = c.issuer, c.seal
		blanks, got := signatureParas(t, &l, Options{})
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("issuer %q, seal %v:\n got %q\nwant %q", c.issuer, c.seal, got, c.want)
		}
		if want := map[bool]int{true: 2, false: 1}[c.seal]; blanks != want {
			t.Errorf("issuer %q, seal %v: %d blank lines above it, want %d", c.issuer, c.seal, blanks, want)
		}
		for _, g := range got {
			f := strings.Fields(g)
			if r, _ := strconv.Atoi(f[1]); r < 200 || r+width(f[2]) > 100*letter.CharsPerLine {
				t.Errorf("issuer %q: %q is not inside the type area two characters from its right edge", c.issuer, g)
			}
		}
	}
	// One blank line in the PDF: one in Word too; the seal is in the
	// document's properties.
	b, err := Bytes(seed, Options{SignatureBlanks: 1})
	if err != nil {
		t.Fatal(err)
	}
	if blanks, _ := signatureParas(t, seed, Options{SignatureBlanks: 1}); blanks != 1 {
		t.Errorf("SignatureBlanks 1: %d blank paragraphs above the issuer, want 1", blanks)
	}
	if props := partOf(t, b, "docProps/custom.xml"); !strings.Contains(props, `name="`+PropSeal+`"><vt:lpwstr>是</vt:lpwstr>`) {
		t.Errorf("the sealed letter's properties do not say 盖章 是:\n%s", props)
	}
}
