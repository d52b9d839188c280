// Package datadir knows the one folder where ReplyDesk keeps a user's data
// and settings: the drafts database (replydesk.db) and the bureau's own
// styles (templates/*.toml).
//
//   - Windows: %APPDATA%\ReplyDesk (the roaming profile, so drafts follow
//     a staff member to another office computer);
//   - macOS: ~/Library/Application Support/ReplyDesk;
//   - Linux and other Unix: $XDG_DATA_HOME/replydesk, by default
//     ~/.local/share/replydesk (lower case, as folders there are named).
//
// Earlier versions kept the styles in the configuration folder under
// another spelling (%APPDATA%\replydesk\templates, ~/.config/replydesk/
// templates); Migrate moves them here.
package datadir

import (
	"os"
	"path/filepath"
	"runtime"
)

// Dir returns the data folder of the current user, or "" when the user
// has no home folder (nor %APPDATA%).
func Dir() string {
	return For(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

// For returns the data folder on the system goos, with getenv and home
// standing for os.Getenv and os.UserHomeDir.
func For(goos string, getenv func(string) string, home func() (string, error)) string {
	h, herr := home()
	switch goos {
	case "windows":
		if d := getenv("APPDATA"); d != "" {
			return filepath.Join(d, "ReplyDesk")
		}
		if herr == nil {
			return filepath.Join(h, "AppData", "Roaming", "ReplyDesk")
		}
	case "darwin", "ios":
		if herr == nil {
			return filepath.Join(h, "Library", "Application Support", "ReplyDesk")
		}
	default:
		if d := getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
			return filepath.Join(d, "replydesk")
		}
		if herr == nil {
			return filepath.Join(h, ".local", "share", "replydesk")
		}
	}
	return ""
}

// StyleDir is the folder of the bureau's own styles, templates in the data
// folder, or "" without a data folder.
func StyleDir() string {
	d := Dir()
	if d == "" {
		return ""
	}
	return filepath.Join(d, "templates")
}

// oldStyleDir is where earlier versions kept the styles:
// os.UserConfigDir()/replydesk/templates.
func oldStyleDir() string {
	d, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "replydesk", "templates")
}
