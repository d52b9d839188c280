package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const testFonts = "../../internal/fonts/testdata/"

// fontHome makes a user font folder (XDG_DATA_HOME/fonts) holding a CFF
// font under 仿宋's Windows file name and a TrueType collection, and
// returns it.
func fontHome(t *testing.T) string {
	t.Helper()
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	dir := filepath.Join(data, "fonts")
	os.MkdirAll(filepath.Join(dir, "公文"), 0o755)
	for from, to := range map[string]string{"cjk-seed.otf": "simfang.ttf", "serif-sans.ttc": filepath.Join("公文", "serif-sans.ttc")} {
		b, err := os.ReadFile(testFonts + from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFontsCommand(t *testing.T) {
	dir := fontHome(t)
	code, out, err := runCLI(t, "fonts")
	if code != 0 || err != nil {
		t.Fatalf("fonts: %d %v\n%s", code, err, out)
	}
	for _, want := range []string{
		"Noto Sans CJK SC\tRegular\t" + filepath.Join(dir, "simfang.ttf") + "\tCFF 轮廓，自动用于正文（仿宋）\n",
		"Noto Serif SC\tRegular\t" + filepath.Join(dir, "公文", "serif-sans.ttc") + "#NotoSerifSC-Regular\n",
		"  正文（仿宋）：Noto Sans CJK SC（" + filepath.Join(dir, "simfang.ttf") + "）\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("fonts output lacks %q:\n%s", want, out)
		}
	}
	// The collection's first face has no 的: listed with --all only.
	sans := filepath.Join(dir, "公文", "serif-sans.ttc") + "#NotoSansSC-Regular"
	if strings.Contains(out, sans) {
		t.Errorf("fonts lists a face without Chinese text characters:\n%s", out)
	}
	if _, out, _ := runCLI(t, "fonts", "--all"); !strings.Contains(out, sans) {
		t.Errorf("fonts --all lacks %s:\n%s", sans, out)
	}
}

// TestRenderFontChoice renders the seed with the official font found by
// its file name, with a collection's face chosen by name, and with the
// embedded face asked for, and checks which face each PDF embeds.
func TestRenderFontChoice(t *testing.T) {
	dir := fontHome(t)
	ttc := filepath.Join(dir, "公文", "serif-sans.ttc")
	tests := []struct {
		font, want string
	}{
		{"", "NotoSansCJKsc-Regular"}, // simfang.ttf, found
		{"--font=body=" + ttc + "#Noto Serif SC", "NotoSerifSC-Regular-2"},
		{"--font=body=内置", "FandolFang-Regular"},
	}
	for _, tc := range tests {
		pdf := filepath.Join(t.TempDir(), "seed.pdf")
		args := []string{"render", seed, "-o", pdf}
		if tc.font != "" {
			args = append(args, tc.font)
		}
		code, out, err := runCLI(t, args...)
		if code != 0 || err != nil {
			t.Fatalf("%v: %d %v\n%s", args, code, err, out)
		}
		b, _ := os.ReadFile(pdf)
		if !regexp.MustCompile(`/BaseFont /[A-Z]{6}\+` + tc.want + `\b`).Match(b) {
			t.Errorf("%q: the PDF does not embed %s", tc.font, tc.want)
		}
	}
	code, _, err := runCLI(t, "render", seed, "-o", filepath.Join(t.TempDir(), "x.pdf"), "--font", "song="+ttc+"#宋体")
	want := "字体文件“" + ttc + "”中没有名为“宋体”的字体；其中的字体有：0 NotoSansSC-Regular、1 NotoSerifSC-Regular"
	if code != 2 || err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a face the collection lacks: %d %v; want %q", code, err, want)
	}
}
