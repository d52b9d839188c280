package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Preference keys of what the window remembers between runs.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefTab          = "window.tab"
	prefZoom         = "preview.zoom"
	prefSplit        = "window.split." // + the split's name
)

// defaultWindowSize is the window's size on a first run.
var defaultWindowSize = fyne.NewSize(1280, 800)

// windowSize is the size the window had when it was last closed, or the
// default; a size that would not fit a screen of today is ignored.
func (u *UI) windowSize() fyne.Size {
	p := u.App.Preferences()
	w, h := p.Float(prefWindowWidth), p.Float(prefWindowHeight)
	if w < 640 || h < 480 || w > 10000 || h > 10000 {
		return defaultWindowSize
	}
	return fyne.NewSize(float32(w), float32(h))
}

// split makes a split whose divider position is remembered under name,
// starting at offset the first time.
func (u *UI) split(name string, horizontal bool, a, b fyne.CanvasObject, offset float64) *container.Split {
	var s *container.Split
	if horizontal {
		s = container.NewHSplit(a, b)
	} else {
		s = container.NewVSplit(a, b)
	}
	s.Offset = offset
	u.remember(name, s)
	return s
}

// remember puts back the divider of split s where it was last time and
// keeps its position under name.
func (u *UI) remember(name string, s *container.Split) {
	if o := u.App.Preferences().Float(prefSplit + name); o > 0.02 && o < 0.98 {
		s.Offset = o
	}
	if u.splits == nil {
		u.splits = map[string]*container.Split{}
	}
	u.splits[name] = s
}

// restoreState brings back the tab and the preview's zoom of the last run.
func (u *UI) restoreState() {
	p := u.App.Preferences()
	// A zoom of 0 (or none) is 适合宽度.
	if z := p.Float(prefZoom); z >= minZoom && z <= maxZoom {
		u.preview.zoom, u.preview.fitsWidth = z, false
		u.preview.setSize()
	}
	if t := p.IntWithFallback(prefTab, tabReply); t == tabLedger && u.ledgerView != nil {
		// The window's Preload reads the ledger once the window runs.
		u.restoring = true
		u.tabs.SelectIndex(tabLedger)
		u.restoring = false
	}
}

// rememberState keeps the window's size and position, its splits, its tab and the
// preview's zoom for the next run; the window calls it on closing.
func (u *UI) rememberState() {
	p := u.App.Preferences()
	u.keepPosition()
	if s := u.Window.Canvas().Size(); s.Width >= 640 && s.Height >= 480 {
		p.SetFloat(prefWindowWidth, float64(s.Width))
		p.SetFloat(prefWindowHeight, float64(s.Height))
	}
	for name, s := range u.splits {
		p.SetFloat(prefSplit+name, s.Offset)
	}
	if u.tabs != nil {
		p.SetInt(prefTab, u.tabs.SelectedIndex())
	}
	if u.preview.fitsWidth {
		p.SetFloat(prefZoom, 0)
	} else {
		p.SetFloat(prefZoom, u.preview.zoom)
	}
	if u.ledgerView != nil {
		// A width dragged in the header row reaches Fyne's table, not ours:
		// keep the widths the table has now.
		u.ledgerView.keepWidths()
	}
}
