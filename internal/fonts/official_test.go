package fonts

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOfficialIn lays out font folders as a bureau's machine might have
// them, with test fonts under the official file names.
func TestOfficialIn(t *testing.T) {
	user, sys := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(sys, "truetype", "fz"), 0o755)
	copyFile(t, "cjk-seed.otf", sys, "simfang.ttf")  // 仿宋: a CFF font under a .ttf name
	copyFile(t, "test.ttf", user, "仿宋_GB2312.ttf")   // preferred to 仿宋, and in the user's folder
	copyFile(t, "test.ttf", sys, "SimHei.TTF")       // file names are matched ignoring case
	copyFile(t, "serif-sans.ttc", sys, "Songti.ttc") // the first face lacks 的: the second is taken
	copyFile(t, "test.otf", sys, "simkai.ttf")       // no 的: not a Chinese font, skipped
	copyFile(t, "pair.ttc", sys, "simsun.ttc")       // has no face named SimSun
	os.WriteFile(filepath.Join(sys, "truetype", "fz", "FZXBSJW.TTF"), []byte("broken"), 0o644)
	copyFile(t, "test.ttf", filepath.Join(sys, "truetype", "fz"), "fzxbsk.ttf") // 方正小标宋_GBK, after the broken 简体

	got := OfficialIn([]string{user, sys})
	want := map[string]string{
		Body:  filepath.Join(user, "仿宋_GB2312.ttf"),
		Hei:   filepath.Join(sys, "SimHei.TTF"),
		Song:  filepath.Join(sys, "Songti.ttc") + "#NotoSerifSC-Regular",
		Title: filepath.Join(sys, "truetype", "fz", "fzxbsk.ttf"),
	}
	for _, role := range Roles {
		if g := got[role]; g.Spec() != want[role] && (g.Path != "" || want[role] != "") {
			t.Errorf("official %s = %q, want %q", role, g.Spec(), want[role])
		}
	}
	if len(got) != len(want) {
		t.Errorf("OfficialIn = %v, want %d roles", got, len(want))
	}
	// What it finds, WithFile takes.
	for role, f := range got {
		if _, err := set(t).WithFile(role, f.Spec()); err != nil {
			t.Errorf("WithFile(%s, %s): %v", role, f.Spec(), err)
		}
	}
	if got := OfficialIn([]string{filepath.Join(user, "absent")}); len(got) != 0 {
		t.Errorf("OfficialIn of a missing folder = %v", got)
	}
}

func TestOfficialRole(t *testing.T) {
	tests := map[string]string{"仿宋_GB2312": Body, "FangSong_GB2312": Body, "fangsong gb2312": Body, "仿宋": Body,
		"方正小标宋简体": Title, "黑体": Hei, "楷体_GB2312": Kai, "宋体": Song, "SimSun": Song, "新宋体": "", "霞鹜文楷": ""}
	for family, want := range tests {
		if got := OfficialRole(InstalledFont{Family: family}); got != want {
			t.Errorf("OfficialRole(%s) = %q, want %q", family, got, want)
		}
	}
}
