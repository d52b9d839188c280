//go:build windows

package ui

import (
	"syscall"
	"unsafe"
)

// winPlacer places windows through user32, called without cgo.
type winPlacer struct{}

func systemPlacer() windowPlacer { return winPlacer{} }

var (
	user32            = syscall.NewLazyDLL("user32.dll")
	procGetWindowRect = user32.NewProc("GetWindowRect")
	procSetWindowPos  = user32.NewProc("SetWindowPos")
	procMonitorFromPt = user32.NewProc("MonitorFromPoint")
)

// SetWindowPos flags: keep the size and the Z order, do not activate.
const (
	swpNoSize     = 0x0001
	swpNoZOrder   = 0x0004
	swpNoActivate = 0x0010
	monitorNull   = 0 // MONITOR_DEFAULTTONULL
)

type winRect struct{ Left, Top, Right, Bottom int32 }

func (winPlacer) position(h uintptr) (int, int, bool) {
	var r winRect
	ok, _, _ := procGetWindowRect.Call(h, uintptr(unsafe.Pointer(&r)))
	return int(r.Left), int(r.Top), ok != 0
}

func (winPlacer) move(h uintptr, x, y int) bool {
	ok, _, _ := procSetWindowPos.Call(h, 0, uintptr(int32(x)), uintptr(int32(y)), 0, 0, swpNoSize|swpNoZOrder|swpNoActivate)
	return ok != 0
}

// visible asks for the monitor showing x, y: none when it is off every
// screen. MonitorFromPoint takes a POINT by value: one register on 64-bit
// Windows, two arguments on 32-bit.
func (winPlacer) visible(x, y int) bool {
	var m uintptr
	if unsafe.Sizeof(uintptr(0)) == 8 {
		m, _, _ = procMonitorFromPt.Call(uintptr(uint32(int32(x)))|uintptr(uint32(int32(y)))<<32, monitorNull)
	} else {
		m, _, _ = procMonitorFromPt.Call(uintptr(int32(x)), uintptr(int32(y)), monitorNull)
	}
	return m != 0
}
