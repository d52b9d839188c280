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
