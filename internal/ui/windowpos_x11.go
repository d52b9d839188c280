//go:build (linux || freebsd || openbsd || netbsd) && !wayland

package ui

import (
	"io"
	"log"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// x11Placer places windows through the X server of DISPLAY, with
// github.com/jezek/xgb: a pure Go X client (no cgo, as the Windows build
// needs none either). Each call opens its own short connection: a window
// is placed twice a run.
type x11Placer struct{}

func systemPlacer() windowPlacer {
	// xgb tells on stderr of each connection made without an .Xauthority
	// file, as under Xvfb: nothing for a user to act on.
	xgb.Logger = log.New(io.Discard, "", 0)
	return x11Placer{}
}

// frameExtents returns the left and top widths of the frame a window
// manager drew around window w (_NET_FRAME_EXTENTS), 0 without one.
func frameExtents(c *xgb.Conn, w xproto.Window) (left, top int) {
	atom, err := xproto.InternAtom(c, true, uint16(len("_NET_FRAME_EXTENTS")), "_NET_FRAME_EXTENTS").Reply()
	if err != nil || atom.Atom == 0 {
		return 0, 0
	}
	prop, err := xproto.GetProperty(c, false, w, atom.Atom, xproto.AtomCardinal, 0, 4).Reply()
	if err != nil || prop.Format != 32 || len(prop.Value) < 16 {
		return 0, 0
	}
	le := func(b []byte) int {
		return int(int32(uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24))
	}
	return le(prop.Value[0:4]), le(prop.Value[8:12])
}

func (x11Placer) position(h uintptr) (int, int, bool) {
	c, err := xgb.NewConn()
	if err != nil {
		return 0, 0, false
	}
	defer c.Close()
	w := xproto.Window(h)
	root := xproto.Setup(c).DefaultScreen(c).Root
	tr, err := xproto.TranslateCoordinates(c, w, root, 0, 0).Reply()
	if err != nil {
		return 0, 0, false
	}
	left, top := frameExtents(c, w)
	return int(tr.DstX) - left, int(tr.DstY) - top, true
}

func (x11Placer) move(h uintptr, x, y int) bool {
	c, err := xgb.NewConn()
	if err != nil {
		return false
	}
	defer c.Close()
	// A window manager takes the request as the place of its frame (the
	// window's gravity is north-west); without one it is the window's.
	err = xproto.ConfigureWindowChecked(c, xproto.Window(h), xproto.ConfigWindowX|xproto.ConfigWindowY,
		[]uint32{uint32(int32(x)), uint32(int32(y))}).Check()
	return err == nil
}

func (x11Placer) visible(x, y int) bool {
	c, err := xgb.NewConn()
	if err != nil {
		return false
	}
	defer c.Close()
	s := xproto.Setup(c).DefaultScreen(c)
	return x >= 0 && y >= 0 && x < int(s.WidthInPixels) && y < int(s.HeightInPixels)
}
