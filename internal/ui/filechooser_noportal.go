//go:build windows || darwin

package ui

// newPortal returns nil: Windows and macOS have no XDG desktop portal.
func newPortal() fileChooser { return nil }

// newKDialog returns nil: kdialog is a program of Linux desktops.
func newKDialog() fileChooser { return nil }
