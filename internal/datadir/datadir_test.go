package datadir

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestFor(t *testing.T) {
	home := func() (string, error) { return "/home/liu", nil }
	noHome := func() (string, error) { return "", errors.New("no home") }
	cases := []struct {
		name, goos string
		env        map[string]string
		home       func() (string, error)
		want       string
	}{
		{"linux", "linux", nil, home, filepath.Join("/home/liu", ".local", "share", "replydesk")},
		{"xdg", "linux", map[string]string{"XDG_DATA_HOME": "/data"}, home, filepath.Join("/data", "replydesk")},
		{"relative xdg ignored", "freebsd", map[string]string{"XDG_DATA_HOME": "data"}, home, filepath.Join("/home/liu", ".local", "share", "replydesk")},
		{"windows", "windows", map[string]string{"APPDATA": `C:\Users\liu\AppData\Roaming`}, home, filepath.Join(`C:\Users\liu\AppData\Roaming`, "ReplyDesk")},
		{"windows without APPDATA", "windows", nil, home, filepath.Join("/home/liu", "AppData", "Roaming", "ReplyDesk")},
		{"mac", "darwin", nil, home, filepath.Join("/home/liu", "Library", "Application Support", "ReplyDesk")},
		{"no home", "linux", nil, noHome, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := For(c.goos, func(k string) string { return c.env[k] }, c.home); got != c.want {
				t.Errorf("For = %q, want %q", got, c.want)
			}
		})
	}
}

func TestStyleDir(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/srv/data")
	t.Setenv("APPDATA", `C:\Users\liu\AppData\Roaming`)
	if got, want := StyleDir(), filepath.Join(Dir(), "templates"); got != want || Dir() == "" {
		t.Errorf("StyleDir = %q, want %q", got, want)
	}
}
