package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"replydesk/internal/fonts"
)

const testFonts = "../fonts/testdata/"

func TestFontSet(t *testing.T) {
	official := map[string]fonts.InstalledFont{
		fonts.Body: {Path: testFonts + "test.ttf"},
		fonts.Kai:  {Path: testFonts + "serif-sans.ttc", Face: "1"},
		fonts.Song: {Path: testFonts + "test.ttf"},
		fonts.Hei:  {Path: testFonts + "mac.ttf"}, // unusable: skipped with a warning
	}
	files := map[string]string{fonts.Body: testFonts + "cjk-seed.otf", fonts.Song: BuiltinFont}
	set, choices, err := FontSet(files, official)
	if set == nil {
		t.Fatal(err)
	}
	if err == nil || !strings.Contains(err.Error(), "一级标题（黑体）：已安装的字体无法使用，已改用内置字体") {
		t.Errorf("warning = %v, want one about the unusable 黑体", err)
	}
	want := map[string]FontChoice{
		fonts.Body: {Spec: testFonts + "cjk-seed.otf"},
		fonts.Kai:  {Spec: testFonts + "serif-sans.ttc#1", Official: true},
	}
	for _, role := range fonts.Roles {
		if choices[role] != want[role] {
			t.Errorf("%s: choice %+v, want %+v", role, choices[role], want[role])
		}
		if got := set.File(role); got != want[role].Spec {
			t.Errorf("%s: the set's file %q, want %q", role, got, want[role].Spec)
		}
	}
	if _, _, err := FontSet(map[string]string{"bold": "x.ttf"}, nil); err == nil || !strings.Contains(err.Error(), "未知的字体角色“bold”") {
		t.Errorf("unknown role: %v", err)
	}
	if _, _, err := FontSet(map[string]string{fonts.Title: testFonts + "absent.ttf"}, nil); err == nil || !strings.Contains(err.Error(), "标题（小标宋）：") {
		t.Errorf("a chosen file that is missing: %v, want an error naming the role", err)
	}
}

// TestSeedPDFInstalledFonts exports the seed with a CFF .otf as the body
// face and a face of a TrueType collection as the title face, and checks
// the PDF with real tools.
func TestSeedPDFInstalledFonts(t *testing.T) {
	if testing.Short() {
		t.Skip("runs external PDF tools")
	}
	d, err := Open(Options{FontFiles: map[string]string{
		fonts.Body:  testFonts + "cjk-seed.otf",
		fonts.Title: testFonts + "serif-sans.ttc#Noto Serif SC",
	}})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "reply-244.pdf")
	if _, err := d.ExportPDF(out, seed(t)); err != nil {
		t.Fatal(err)
	}
	tool(t, "qpdf", "--check", out)
	listed := tool(t, "pdffonts", out)
	for _, face := range []string{"NotoSansCJKsc-Regular", "NotoSerifSC-Regular-2"} {
		re := regexp.MustCompile(`[A-Z]{6}\+` + face + `\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes`)
		if !re.MatchString(listed) {
			t.Errorf("pdffonts: %s not embedded as a subset with a ToUnicode map:\n%s", face, listed)
		}
	}
	if strings.Contains(listed, "FandolFang") || strings.Contains(listed, "NotoSerifSC-Bold") {
		t.Errorf("pdffonts lists an embedded face the chosen files replace:\n%s", listed)
	}
	text := tool(t, "pdftotext", out, "-")
	want, err := os.ReadFile("testdata/reply-244.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := regexp.MustCompile(`—\s*\d+\s*—`).ReplaceAllString(text, "")
	if normal(got) != normal(string(want)) {
		t.Errorf("pdftotext differs from the seed:\n%s", got)
	}
}
