package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// Fyne has no way to place a window or to ask where it is. The window's
// position is read and set through the system: on X11 with a small X
// client, on Windows through user32; elsewhere (macOS, Wayland) it is left
// to the system.

// Preference keys of the window's position.
const (
	prefWindowX = "window.x"
	prefWindowY = "window.y"
	prefPlaced  = "window.placed" // a position was kept
)

// windowPlacer reads and sets where a window of the system is, by its
// handle (an X11 window, a HWND).
type windowPlacer interface {
	// position returns the top left corner of the window's frame on the
	// desktop.
	position(h uintptr) (x, y int, ok bool)
	// move puts the top left corner of the window's frame at x, y.
	move(h uintptr, x, y int) bool
	// visible reports whether the point x, y is on a screen.
	visible(x, y int) bool
}

// placer is the system's windowPlacer (nil where there is none); tests
// set a fake, with windowHandle.
var (
	placer       = systemPlacer()
	windowHandle = nativeWindow
)

// titleGrip is how far into a window's frame a point must be on a screen
// for the user to reach the title bar and drag the window.
const titleGrip = 48

// restorePosition puts the window where it was when last closed, once the
// system made the window (it tries again every placeWait until then). A
// place that no screen shows now (a screen unplugged, a smaller one) is
// not used: the window is centred instead.
func (u *UI) restorePosition() { u.placeWhenShown(40) }

// placeWait is how often restorePosition looks for the system's window.
const placeWait = 25 * time.Millisecond

func (u *UI) placeWhenShown(tries int) {
	p := u.App.Preferences()
	if placer == nil || !p.Bool(prefPlaced) {
		return
	}

	h := windowHandle(u.Window)
	if h == 0 {
		if tries > 1 {
			time.AfterFunc(placeWait, func() { fyne.Do(func() { u.placeWhenShown(tries - 1) }) })
		}
		return
	}
	x, y := p.Int(prefWindowX), p.Int(prefWindowY)
	if !placer.visible(x+titleGrip, y+titleGrip/2) || !placer.visible(x+titleGrip*4, y+titleGrip/2) {
		u.Window.CenterOnScreen()
		return
	}
	placer.move(h, x, y)
}

// keepPosition remembers where the window is, for restorePosition.
func (u *UI) keepPosition() {
	if placer == nil {
		return
	}
	h := windowHandle(u.Window)
	if h == 0 {
		return
	}
	if x, y, ok := placer.position(h); ok {
		p := u.App.Preferences()
		p.SetInt(prefWindowX, x)
		p.SetInt(prefWindowY, y)
		p.SetBool(prefPlaced, true)
	}
}
