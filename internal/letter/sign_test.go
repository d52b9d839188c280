package letter

import (
	"strings"
	"testing"
)

// TestSignaturePlace checks the signature's placement in hundredths of a
// character on the 28-character measure, as Word's writer uses it.
func TestSignaturePlace(t *testing.T) {
	const measure, cell = 2800, 100
	date := 650 // 2023年6月20日: 5 wide characters and 3 digits
	for _, c := range []struct {
		name           string
		iw             int
		seal           bool
		wantIx, wantDx int
	}{
		// Sealed: the date four characters in, the issuer centred over it.
		{"sealed, short issuer", 600, true, 1775, 1750},
		// An issuer of 10.5 characters just fits centred, two characters in.
		{"sealed, issuer at the limit", 1050, true, 1550, 1750},
		// Longer: two characters in, the date centred under it.
		{"sealed, 15 characters", 1500, true, 1100, 1525},
		{"sealed, 20 characters", 2000, true, 600, 1275},
		// Not sealed: two characters in, the date two right of its start.
		{"unsealed, 9 characters", 900, false, 1700, 1900},
		{"unsealed, 15 characters", 1500, false, 1100, 1300},
		// The date longer than the issuer: the date two in, the issuer two left of it.
		{"unsealed, issuer shorter than the date", 600, false, 1750, 1950},
	} {
		ix, dx := SignaturePlace(c.iw, date, measure, cell, c.seal)
		if ix != c.wantIx || dx != c.wantDx {
			t.Errorf("%s: SignaturePlace(%d, %d) = %d, %d; want %d, %d", c.name, c.iw, date, ix, dx, c.wantIx, c.wantDx)
		}
		if ix+c.iw > measure-SignIndent*cell || dx+date > measure-SignIndent*cell {
			t.Errorf("%s: ends past two characters from the right edge: issuer %d, date %d", c.name, ix+c.iw, dx+date)
		}
		if c.seal && abs((2*ix+c.iw)-(2*dx+date)) > 1 {
			t.Errorf("%s: sealed issuer (%d+%d) not centred over the date (%d+%d)", c.name, ix, c.iw, dx, date)
		}
	}
}

func TestIssuerLines(t *testing.T) {
	for _, c := range []struct {
		issuer string
		want   []string
	}{
		{"长春市教育局", []string{"长春市教育局"}},
		{"某某市某新区经济开发建设管理委员会办公室", []string{"某某市某新区经济开发建设管理委员会办公室"}},
		{strings.Repeat("国", 24), []string{strings.Repeat("国", 24)}},
		// A forced break.
		{"中共某某市委办公室\n某某市人民政府办公室", []string{"中共某某市委办公室", "某某市人民政府办公室"}},
		// Too long for one line: broken after an organ's name near the middle.
		{"某某省某某市某某新区经济开发建设管理委员会某某街道办事处社区服务中心", []string{"某某省某某市某某新区经济开发建设管理委员会", "某某街道办事处社区服务中心"}},
		// At a space, which is dropped.
		{"某某市住房和城乡建设局 某某市自然资源和规划局 某某市财政局", []string{"某某市住房和城乡建设局", "某某市自然资源和规划局 某某市财政局"}},
		// No organ's end: in the middle, never before a closing mark.
		{strings.Repeat("甲", 12) + "（乙）" + strings.Repeat("丙", 15), []string{strings.Repeat("甲", 12) + "（乙）", strings.Repeat("丙", 15)}},
		{"", []string{""}},
	} {
		got := IssuerLines(c.issuer)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("IssuerLines(%q) = %q, want %q", c.issuer, got, c.want)
		}
		for _, l := range got {
			if HalfCells(l) > 2*IssuerMaxCells {
				t.Errorf("IssuerLines(%q): line %q is %d half cells, more than %d", c.issuer, l, HalfCells(l), 2*IssuerMaxCells)
			}
		}
	}
}
