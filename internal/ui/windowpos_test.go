package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// fakePlacer is a desktop of one 1920x1080 screen with one window.
type fakePlacer struct {
	x, y  int
	moves int
}

func (f *fakePlacer) position(uintptr) (int, int, bool) { return f.x, f.y, true }
func (f *fakePlacer) move(_ uintptr, x, y int) bool     { f.x, f.y = x, y; f.moves++; return true }
func (f *fakePlacer) visible(x, y int) bool             { return x >= 0 && y >= 0 && x < 1920 && y < 1080 }

func useFakePlacer(t *testing.T, f *fakePlacer) {
	t.Helper()
	oldP, oldH := placer, windowHandle
	placer, windowHandle = f, func(fyne.Window) uintptr { return 7 }
	t.Cleanup(func() { placer, windowHandle = oldP, oldH })
}

// The window comes back where it was closed; a place no screen shows now
// is not used.
func TestWindowPositionPersists(t *testing.T) {
	a := test.NewTempApp(t)
	f := &fakePlacer{x: 300, y: 120}
	useFakePlacer(t, f)
	u := &UI{App: a, Window: a.NewWindow("")}
	u.restorePosition() // a first run: left to the system
	if f.moves != 0 {
		t.Fatal("a first run moved the window")
	}
	u.keepPosition()
	f.x, f.y = 0, 0
	u.restorePosition()
	if f.x != 300 || f.y != 120 {
		t.Errorf("restored at %d,%d, want 300,120", f.x, f.y)
	}
	for _, off := range [][2]int{{2500, 100}, {-600, 100}, {300, 1070}, {1900, 10}} {
		f.x, f.y = off[0], off[1]
		u.keepPosition()
		f.moves = 0
		u.restorePosition()
		if f.moves != 0 {
			t.Errorf("a window kept at %v was put back off the screen", off)
		}
	}
}
