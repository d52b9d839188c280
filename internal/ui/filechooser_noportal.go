//go:build windows || darwin

package ui

// newPortal returns nil: Windows and macOS have no XDG desktop portal.
func newPortal() fileChooser { return nil }
