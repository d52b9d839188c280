package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lineLayout lays out a line of the grid: the row number in a narrow
// column, then the cells in the proportions of the grid's columns.
type lineLayout struct{ g *tableGrid }

func (l *lineLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	w, h := l.g.numberWidth, float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	for _, o := range objs[1:] {
		w += pad + o.MinSize().Width
	}
	return fyne.NewSize(w, h)
}

func (l *lineLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	pad := theme.Padding()
	nw := l.g.numberWidth
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(nw, size.Height))
	cells := objs[1:]
	weights := l.g.weights
	if len(weights) != len(cells) {
		weights = slices.Repeat([]int{1}, len(cells))
	}
	total := 0
	for _, w := range weights {
		total += w
	}
	avail := size.Width - nw - pad*float32(len(cells))
	x := nw + pad
	acc := 0
	for i, c := range cells {
		acc += weights[i]
		right := nw + pad*float32(i+1) + avail*float32(acc)/float32(max(total, 1))
		c.Move(fyne.NewPos(x, 0))
		c.Resize(fyne.NewSize(right-x, size.Height))
		x = right + pad
	}
}

// wheelPass lies over other widgets and passes the mouse wheel to a
// scroll; every other event goes to the widgets under it.
type wheelPass struct {
	widget.BaseWidget
	to *container.Scroll
}

// passWheel lays a wheelPass over o.
func passWheel(o fyne.CanvasObject, to *container.Scroll) fyne.CanvasObject {
	return container.NewStack(o, newWheelPass(to))
}

func newWheelPass(to *container.Scroll) *wheelPass {
	w := &wheelPass{to: to}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

func (w *wheelPass) Scrolled(ev *fyne.ScrollEvent) {
	if w.to != nil {
		w.to.Scrolled(ev)
	}
}

// rowsLayout lays out the header line and the lines of the rows shown
// one under the other, all as high as the header line, each at the place
// of its row: the grid is as high as all its rows.
type rowsLayout struct{ g *tableGrid }

// pitch returns the height of a line and the distance from one to the next.
func (g *tableGrid) pitch() (h, step float32) {
	h = g.headLine.MinSize().Height
	return h, h + theme.Padding()
}

func (l *rowsLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	h, step := l.g.pitch()
	return fyne.NewSize(l.g.headLine.MinSize().Width, float32(len(l.g.rows))*step+h)
}

func (l *rowsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h, _ := l.g.pitch()
	l.g.lineSize = fyne.NewSize(size.Width, h)
	for k, o := range objs {
		row := -1
		if k > 0 && k <= len(l.g.shown) {
			row = l.g.shown[k-1]
		}
		l.g.place(o, row)
	}
}

// place moves the line of row (-1: the header) to its place and lays out
// its cells.
func (g *tableGrid) place(o fyne.CanvasObject, row int) {
	_, step := g.pitch()
	o.Move(fyne.NewPos(0, float32(row+1)*step))
	if g.lineSize.IsZero() {
		return
	}
	o.Resize(g.lineSize)
	if c, ok := o.(*fyne.Container); ok {
		c.Layout.Layout(c.Objects, c.Size()) // its cells may have changed
	}
}

// updateWindow puts in the grid the lines of the rows on screen, and of a
// screen above and below, and of the current row; the others are left
// out. Fyne walks (and, on each scroll, frees the textures of) every
// widget in a scroll, however far from the screen: with every line in,
// scrolling a table of hundreds of rows would be slow. all lays out the
// lines again even when the same are shown (the rows changed).
func (g *tableGrid) updateWindow(all bool) {
	var shown []int
	if s := g.host.scroll; s != nil && g.host.offset != nil {
		_, step := g.pitch()
		view := max(s.Size().Height, 400)
		top := s.Offset.Y - g.host.offset() - step // of the screen, from the first row
		shown = g.m.shownRows(top, view, step)
	} else {
		shown = g.m.withCurrent(0, len(g.m.rows))
	}
	if !all && slices.Equal(shown, g.shown) {
		return
	}
	g.shown = shown
	objs := make([]fyne.CanvasObject, 0, len(shown)+1)
	objs = append(objs, g.headLine)
	for _, i := range shown {
		objs = append(objs, g.rowLines[i])
	}
	g.lines.Objects = objs
	if all {
		g.place(g.headLine, -1)
	}
	for _, i := range shown {
		g.place(g.rowLines[i], i)
	}
	repaint(g.lines)
}

// repaint has the canvas of o drawn again. Unlike canvas.Refresh, it
// keeps the textures of the widgets in o: refreshing the grid's lines on
// each scroll would draw the text of every cell shown again.
func repaint(o fyne.CanvasObject) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		if d, ok := c.(interface{ SetDirty() }); ok {
			d.SetDirty()
			return
		}
		c.Refresh(o)
	}
}

// reveal scrolls the attachments so that row (-1: the header) is on
// screen.
func (g *tableGrid) reveal(row int) {
	s := g.host.scroll
	if s == nil || g.host.offset == nil || s.Size().IsZero() || row < -1 {
		return
	}
	h, step := g.pitch()
	y := g.host.offset() + float32(row+1)*step
	off := s.Offset.Y
	switch {
	case y < off:
		off = y
	case y+h > off+s.Size().Height:
		off = y + h - s.Size().Height
	}
	if off != s.Offset.Y {
		s.ScrollToOffset(fyne.NewPos(s.Offset.X, off))
	}
	g.updateWindow(false)
}
