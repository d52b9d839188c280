//go:build linux && !wayland

package ui

import (
	"testing"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// The X11 placer moves and finds a real window on a virtual display, and
// knows what the screen shows.
func TestX11Placer(t *testing.T) {
	xvfb(t)
	c, err := xgb.NewConn()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s := xproto.Setup(c).DefaultScreen(c)
	w, err := xproto.NewWindowId(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := xproto.CreateWindowChecked(c, s.RootDepth, w, s.Root, 10, 10, 400, 300, 0,
		xproto.WindowClassInputOutput, s.RootVisual, 0, nil).Check(); err != nil {
		t.Fatal(err)
	}
	if err := xproto.MapWindowChecked(c, w).Check(); err != nil {
		t.Fatal(err)
	}
	p := systemPlacer()
	if !p.move(uintptr(w), 321, 123) {
		t.Fatal("move failed")
	}
	if x, y, ok := p.position(uintptr(w)); !ok || x != 321 || y != 123 {
		t.Errorf("position %d,%d (%v), want 321,123", x, y, ok)
	}
	if !p.visible(10, 10) || !p.visible(1279, 799) || p.visible(1280, 10) || p.visible(-1, 10) {
		t.Error("visible does not match the 1280x800 screen")
	}
}
