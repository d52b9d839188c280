// Package pathfmt writes file paths the way the user's system does, for
// showing them and for turning the paths of the toolkit's file dialogs
// (URI paths with forward slashes, "C:/Users/…" or "/C:/Users/…" on
// Windows) into the system's own ("C:\Users\…"). Elsewhere paths are left
// as they are.
package pathfmt

import (
	"runtime"
	"strings"
)

// Show returns path as the system writes it: on Windows with
// backslashes and without the slash a URI puts before a drive letter.
func Show(path string) string {
	return show(runtime.GOOS, path)
}

// show is Show on the system goos.
func show(goos, path string) string {
	if goos != "windows" {
		return path
	}
	if len(path) >= 3 && path[0] == '/' && isLetter(path[1]) && path[2] == ':' {
		path = path[1:]
	}
	return strings.ReplaceAll(path, "/", `\`)
}

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
