package fonts

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestXDGFontDirs(t *testing.T) {
	tests := []struct {
		dataHome, dataDirs string
		want               []string
	}{
		{"", "", []string{"/home/u/.local/share/fonts", "/home/u/.fonts", "/usr/local/share/fonts", "/usr/share/fonts"}},
		{"/xdg", "/opt/share:/usr/share", []string{"/xdg/fonts", "/home/u/.fonts", "/opt/share/fonts", "/usr/share/fonts"}},
	}
	for _, tc := range tests {
		if got := xdgFontDirs("/home/u", tc.dataHome, tc.dataDirs); !slices.Equal(got, tc.want) {
			t.Errorf("xdgFontDirs(%q, %q) = %q, want %q", tc.dataHome, tc.dataDirs, got, tc.want)
		}
	}
}

func TestFontconfigDirs(t *testing.T) {
	etc := t.TempDir()
	os.Mkdir(filepath.Join(etc, "conf.d"), 0o755)
	os.WriteFile(filepath.Join(etc, "fonts.conf"), []byte(`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
	<dir>/usr/share/fonts</dir>
	<dir prefix="xdg">fonts</dir>
	<dir>~/.fonts</dir>
	<dir>relative/ignored</dir>
	<include ignore_missing="yes">conf.d</include>
</fontconfig>`), 0o644)
	os.WriteFile(filepath.Join(etc, "conf.d", "09-bureau.conf"), []byte(`<fontconfig><dir> /srv/公文字体 </dir></fontconfig>`), 0o644)
	os.WriteFile(filepath.Join(etc, "conf.d", "10-broken.conf"), []byte(`<fontconfig><dir>/opt/a</dir><dir`), 0o644)
	got := fontconfigDirs(etc, "/home/u", "")
	want := []string{"/usr/share/fonts", "/home/u/.local/share/fonts", "/home/u/.fonts", "/srv/公文字体", "/opt/a"}
	if !slices.Equal(got, want) {
		t.Errorf("fontconfigDirs = %q, want %q", got, want)
	}
	if got := fontconfigDirs(filepath.Join(etc, "absent"), "/home/u", ""); len(got) != 0 {
		t.Errorf("fontconfigDirs without configuration = %q, want none", got)
	}
}

func TestOutermost(t *testing.T) {
	in := []string{"/home/u/.fonts", "/usr/share/fonts", "/usr/share/fonts/truetype", "/usr/share/fonts/", "/usr/share/fontsx", "/home/u/.fonts"}
	want := []string{"/home/u/.fonts", "/usr/share/fonts", "/usr/share/fontsx"}
	if got := outermost(in); !slices.Equal(got, want) {
		t.Errorf("outermost(%q) = %q, want %q", in, got, want)
	}
}

func TestFontDirs(t *testing.T) {
	t.Setenv("HOME", "/home/u")
	t.Setenv("XDG_DATA_HOME", "/xdg")
	t.Setenv("LOCALAPPDATA", `C:\Users\u\AppData\Local`)
	t.Setenv("WINDIR", `C:\Windows`)
	got := FontDirs()
	var want []string
	switch runtime.GOOS {
	case "windows":
		want = []string{`C:\Users\u\AppData\Local\Microsoft\Windows\Fonts`, `C:\Windows\Fonts`}
	case "darwin":
		want = []string{"/home/u/Library/Fonts", "/Library/Fonts", "/System/Library/Fonts"}
	default:
		want = []string{"/xdg/fonts", "/home/u/.fonts"}
	}
	if len(got) < len(want) || !slices.Equal(got[:len(want)], want) {
		t.Errorf("FontDirs() = %q, want it to start with the user's folders %q", got, want)
	}
	if runtime.GOOS == "linux" && !slices.ContainsFunc(got, func(d string) bool { return strings.HasPrefix(d, "/usr/") }) {
		t.Errorf("FontDirs() = %q: no system folder", got)
	}
}

// TestOfficeFontFolders lays out the font folders of a bureau's Windows
// PC and of a UOS/Kylin desktop, with test fonts under the official
// fonts' file names where the office's IT or the user installs them: each
// role gets its font, the user's own copy before the system's, and the
// font found is one the typesetter takes (WithFile).
func TestOfficeFontFolders(t *testing.T) {
	mk := func(parts ...string) string {
		d := filepath.Join(parts...)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	check := func(t *testing.T, dirs []string, want map[string]string) {
		t.Helper()
		got := OfficialIn(dirs)
		for role, path := range want {
			if got[role].Spec() != path {
				t.Errorf("%s: %q, want %q (folders %q)", role, got[role].Spec(), path, dirs)
			}
			if _, err := set(t).WithFile(role, got[role].Spec()); err != nil {
				t.Errorf("WithFile(%s, %s): %v", role, got[role].Spec(), err)
			}
		}
	}

	t.Run("windows", func(t *testing.T) {
		root := t.TempDir()
		// Installed "for this user only": no administrator rights. No
		// LOCALAPPDATA: the profile folder leads there.
		user := mk(root, "Users", "科员", "AppData", "Local", "Microsoft", "Windows", "Fonts")
		system := mk(root, "Windows", "Fonts")
		copyFile(t, "test.ttf", user, "仿宋_GB2312.ttf")
		copyFile(t, "cjk-seed.otf", system, "仿宋_GB2312.ttf") // all users' copy: the user's comes first
		copyFile(t, "test.ttf", system, "FZXBSJW.TTF")       // 方正小标宋简体
		copyFile(t, "cjk-seed.otf", system, "SIMHEI.TTF")    // 黑体 as Windows ships it
		copyFile(t, "test.ttf", user, "楷体_GB2312.ttf")
		dirs := fontDirsFor("windows", env(map[string]string{
			"USERPROFILE": filepath.Join(root, "Users", "科员"), "WINDIR": filepath.Join(root, "Windows")}), "", "")
		if want := []string{user, system}; !slices.Equal(dirs, want) {
			t.Fatalf("font folders %q, want %q", dirs, want)
		}
		check(t, dirs, map[string]string{
			Body:  filepath.Join(user, "仿宋_GB2312.ttf"),
			Title: filepath.Join(system, "FZXBSJW.TTF"),
			Hei:   filepath.Join(system, "SIMHEI.TTF"),
			Kai:   filepath.Join(user, "楷体_GB2312.ttf"),
		})
	})

	// Offices whose IT installs 方正's GBK set (the current 方正 fonts
	// for 公文) rather than the old _GB2312 files: each role still finds
	// its official font.
	t.Run("fangzheng-gbk", func(t *testing.T) {
		root := t.TempDir()
		system := mk(root, "Windows", "Fonts")
		copyFile(t, "test.ttf", system, "FZFSK.TTF")     // 方正仿宋_GBK
		copyFile(t, "cjk-seed.otf", system, "FZKTK.TTF") // 方正楷体_GBK
		copyFile(t, "test.ttf", system, "FZHTK.TTF")     // 方正黑体_GBK
		copyFile(t, "test.ttf", system, "FZXBSK.TTF")    // 方正小标宋_GBK
		dirs := fontDirsFor("windows", env(map[string]string{"WINDIR": filepath.Join(root, "Windows")}), "", "")
		check(t, dirs, map[string]string{
			Body:  filepath.Join(system, "FZFSK.TTF"),
			Kai:   filepath.Join(system, "FZKTK.TTF"),
			Hei:   filepath.Join(system, "FZHTK.TTF"),
			Title: filepath.Join(system, "FZXBSK.TTF"),
		})
	})

	t.Run("uos-kylin", func(t *testing.T) {
		root := t.TempDir()
		home := mk(root, "home", "kylin")
		// The desktop's font manager installs into ~/.local/share/fonts;
		// IT's packages into the system folders, in a folder of their own.
		user := mk(home, ".local", "share", "fonts")
		system := mk(root, "usr", "share", "fonts", "truetype", "fangzheng")
		copyFile(t, "test.ttf", user, "方正小标宋简体.ttf")
		copyFile(t, "cjk-seed.otf", system, "FS_GB2312.ttf") // 仿宋_GB2312
		copyFile(t, "test.ttf", system, "kt_gb2312.ttf")     // 楷体_GB2312
		etc := mk(root, "etc", "fonts")
		os.WriteFile(filepath.Join(etc, "fonts.conf"), []byte("<fontconfig><dir>"+filepath.Join(root, "usr", "share", "fonts")+"</dir></fontconfig>"), 0o644)
		// A session whose XDG_DATA_DIRS leaves /usr/share out.
		dirs := fontDirsFor("linux", env(map[string]string{"XDG_DATA_DIRS": filepath.Join(root, "opt", "share")}), home, etc)
		for _, want := range []string{user, filepath.Join(root, "usr", "share", "fonts"), "/usr/share/fonts", "/usr/local/share/fonts"} {
			if !slices.Contains(dirs, want) {
				t.Errorf("font folders %q lack %s", dirs, want)
			}
		}
		if dirs[0] != user {
			t.Errorf("font folders %q: the user's first, want %s", dirs, user)
		}
		check(t, dirs, map[string]string{
			Title: filepath.Join(user, "方正小标宋简体.ttf"),
			Body:  filepath.Join(system, "FS_GB2312.ttf"),
			Kai:   filepath.Join(system, "kt_gb2312.ttf"),
		})
	})
}
