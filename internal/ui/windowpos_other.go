//go:build !windows && !((linux || freebsd || openbsd || netbsd) && !wayland)

package ui

// systemPlacer returns nil: on macOS and Wayland the window's place is left
// to the system (macOS needs Objective-C calls, Wayland lets no client
// place its windows).
func systemPlacer() windowPlacer { return nil }
