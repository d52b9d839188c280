package ui

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"strings"
	"sync"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/page"
	"replydesk/internal/render/raster"
	"replydesk/internal/reply"
)

// PreviewDelay is how long the preview gathers the keys of a burst of
// typing before it typesets again. An edit after a pause is typeset at
// once; only edits that follow each other within TypingGap wait, and a
// refresh asked for while one runs starts when that one ends.
const PreviewDelay = 25 * time.Millisecond

// TypingGap is the longest pause between two keys that still counts as
// typing on.
const TypingGap = 150 * time.Millisecond

// Analysis is the result of typesetting a reply for the preview: its
// pages, its problems, and the image of the page shown.
type Analysis struct {
	Doc      *page.Doc
	Problems []reply.Problem
	Image    *image.RGBA
	Page     int // the index of the page of Image
	Took     time.Duration
}

// Analyze typesets r, checks it and renders page pageIndex at dpi: the
// work of one preview refresh.
func Analyze(desk *app.Desk, r *reply.Reply, pageIndex int, dpi float64) (Analysis, error) {
	return analyzeAt(desk, r, pageIndex, "", dpi)
}

// analyzeAt is Analyze showing the page that holds the text follow, if
// any page does, and page pageIndex otherwise.
func analyzeAt(desk *app.Desk, r *reply.Reply, pageIndex int, follow string, dpi float64) (Analysis, error) {
	start := time.Now()
	res, st, err := desk.Typeset(r)
	if err != nil {
		return Analysis{Problems: desk.Check(r), Page: pageIndex, Took: time.Since(start)}, err
	}
	a := Analysis{Doc: res.Doc, Problems: append(app.MissingProblems(res.Missing), desk.CheckIn(st, r)...)}
	if i := pageOf(res.Doc, follow); i >= 0 {
		pageIndex = i
	}
	if n := len(res.Doc.Pages); pageIndex >= n {
		pageIndex = n - 1
	}
	a.Page = max(pageIndex, 0)
	if pageIndex >= 0 {
		img, err := raster.Render(res.Doc, pageIndex, desk.Fonts, dpi)
		var miss *raster.MissingGlyphError
		if err != nil && !errors.As(err, &miss) {
			return a, err
		}
		a.Image = img
	}
	a.Took = time.Since(start)
	return a, nil
}

// pageOf is the index of the first page whose text holds s (spaces
// ignored), -1 if none does or s is empty. The lines of a page are runs
// in reading order, so a paragraph's text reads on across its lines.
func pageOf(doc *page.Doc, s string) int {
	s = strings.Join(strings.Fields(s), "")
	if s == "" || doc == nil {
		return -1
	}
	for i, pg := range doc.Pages {
		var b strings.Builder
		for _, r := range pg.Runs {
			for _, g := range r.Glyphs {
				if !unicode.IsSpace(g.R) {
					b.WriteRune(g.R)
				}
			}
		}
		if strings.Contains(b.String(), s) {
			return i
		}
	}
	return -1
}

// caretText is the text around the caret of e that finds its page: up to
// eight characters on either side of the caret within its line; empty
// when the line is blank.
func caretText(e *widget.Entry) string {
	lines := strings.Split(e.Text, "\n")
	if e.CursorRow < 0 || e.CursorRow >= len(lines) {
		return ""
	}
	line := []rune(strings.TrimSpace(lines[e.CursorRow]))
	col := min(max(e.CursorColumn, 0), len(line))
	return string(line[max(col-8, 0):min(col+8, len(line))])
}

// preview shows the typeset pages of the reply being edited. Refreshes run
// off the UI goroutine: at most PreviewDelay after an edit, and every
// PreviewDelay while the user keeps typing. A result that a later refresh
// has overtaken is dropped.
type preview struct {
	onDone func(Analysis, error) // on the UI goroutine

	img       *canvas.Image
	box       *fyne.Container // centres the page in the scroll
	pageLabel *widget.Label
	bar       *fyne.Container // the navigation and zoom buttons
	zoomLabel *widget.Label
	status    *widget.Label
	zoom      float64 // on the UI goroutine
	fitsWidth bool    // the zoom follows the pane's width; on the UI goroutine
	fitButton *widget.Button
	width     float32       // the pane's width at the last layout
	delay     time.Duration // after an edit while typing on: PreviewDelay
	quick     time.Duration // after a page turn, zoom or an edit after a pause: none
	gap       time.Duration // edits closer than this are typing on: TypingGap
	edited    time.Time     // the last edit; on the UI goroutine

	mu    sync.Mutex
	desk  *app.Desk
	timer *time.Timer // the pending refresh, nil when none
	last  *reply.Reply
	dpi   float64
	page  int
	// follow is the text at the caret of the last edit: the refresh shows
	// the page it is on.
	follow  string
	pages   int
	runs    uint64 // refreshes started
	shown   uint64 // the refresh on screen
	busy    bool   // a refresh is being typeset
	pending bool   // a refresh was asked for while busy
}

// startDelays are the delays of a new preview: after an edit, and after a
// page turn or zoom. Tests that drive the refreshes themselves (Flush)
// set them long: Fyne's test driver runs fyne.Do on the calling
// goroutine, so a refresh fired by a timer while New still builds the
// window would race with it.
var startDelays = struct{ edit, quick time.Duration }{PreviewDelay, 0}

func newPreview(desk *app.Desk) *preview {
	p := &preview{desk: desk, zoom: 0.75, fitsWidth: true, delay: startDelays.edit, quick: startDelays.quick, gap: TypingGap}
	p.img = canvas.NewImageFromImage(nil)
	p.img.FillMode = canvas.ImageFillContain
	p.img.ScaleMode = canvas.ImageScaleSmooth
	p.pageLabel = widget.NewLabel("")
	p.zoomLabel = widget.NewLabel("")
	// 适合宽度, an icon only: the bar must not widen the preview pane.
	p.fitButton = widget.NewButtonWithIcon("", theme.ViewFullScreenIcon(), p.fitWidth)
	p.status = widget.NewLabel("")
	p.setSize()
	return p
}

// view is the page with its navigation and zoom buttons.
func (p *preview) view() fyne.CanvasObject {
	p.bar = container.NewHBox(
		widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.turn(-1) }),
		p.pageLabel,
		widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.turn(1) }),
		widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { p.zoomBy(1 / 1.25) }),
		p.zoomLabel,
		widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { p.zoomBy(1.25) }),
		p.fitButton,
	)
	// Grey around the page and a thin frame: a white page must stand out
	// from a light theme's white too.
	desk := canvas.NewRectangle(color.NRGBA{R: 128, G: 128, B: 128, A: 48})
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor, frame.StrokeWidth = color.NRGBA{R: 128, G: 128, B: 128, A: 200}, 1
	page := container.NewPadded(container.NewStack(p.img, frame))
	p.box = container.NewCenter(page)
	pane := container.New(fitLayout{p}, desk, container.NewScroll(p.box))
	return container.NewBorder(p.bar, p.status, nil, nil, pane)
}

// fitLayout stacks the preview's pane and, while the preview fits the
// page to the width, sets the zoom from the width it is given: the whole
// width of the page is in view whatever the window's and splits' sizes.
type fitLayout struct{ p *preview }

func (l fitLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	l.p.width = size.Width
	l.p.fitTo(size.Width)
}

func (l fitLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return m
}

// fitZoom is the zoom at which an A4 page, its frame and padding fill
// width w, within the preview's bounds.
func fitZoom(w float32) float64 {
	z := float64(w-2*theme.Padding()-6) / 595
	return min(max(z, minZoom), maxZoom)
}

// fitTo sets the zoom for a pane w wide if the preview fits the width.
func (p *preview) fitTo(w float32) {
	if !p.fitsWidth || w <= 0 {
		return
	}
	z := fitZoom(w)
	if d := z - p.zoom; d > -0.005 && d < 0.005 {
		return
	}
	p.zoom = z
	p.setSize()
	p.kick(p.quick)
}

// fitWidth is 适合宽度: the zoom follows the pane's width from now on.
func (p *preview) fitWidth() {
	p.fitsWidth = true
	p.setSize()
	p.fitTo(p.width)
}

// The preview's zoom stays within these.
const minZoom, maxZoom = 0.3, 3

// setSize sizes the page image for the zoom: A4 at 72 units per inch at
// 100 %.
func (p *preview) setSize() {
	p.img.SetMinSize(fyne.NewSize(float32(595*p.zoom), float32(842*p.zoom)))
	p.zoomLabel.SetText(fmt.Sprintf("%d%%", int(p.zoom*100+0.5)))
	if p.fitsWidth {
		p.fitButton.Importance = widget.HighImportance
	} else {
		p.fitButton.Importance = widget.MediumImportance
	}
	p.fitButton.Refresh()
}

func (p *preview) turn(d int) {
	p.mu.Lock()
	n := p.page + d
	if n < 0 || n >= p.pages {
		p.mu.Unlock()
		return
	}
	p.page = n
	p.follow = "" // the user's page, until the next edit
	p.mu.Unlock()
	p.kick(p.quick)
}

func (p *preview) zoomBy(f float64) {
	z := p.zoom * f
	if z < minZoom || z > maxZoom {
		return
	}
	p.zoom, p.fitsWidth = z, false
	if a := fyne.CurrentApp(); a != nil {
		a.Preferences().SetFloat(prefZoom, z)
	}
	p.setSize()
	p.kick(p.quick)
}

// Schedule asks for a refresh with r: at once after a pause, gathered
// with the following keys while the user types on.
func (p *preview) Schedule(r *reply.Reply) { p.ScheduleAt(r, "") }

// ScheduleAt asks for a refresh with r showing the page that holds the
// text follow (the text at the caret), if follow is not empty.
func (p *preview) ScheduleAt(r *reply.Reply, follow string) {
	c := r.Clone()
	now := time.Now()
	wait := p.wait(now)
	p.edited = now
	p.mu.Lock()
	p.last = &c
	p.follow = follow
	p.mu.Unlock()
	p.kick(wait)
}

// wait is how long the refresh after an edit at now waits: none after a
// pause, PreviewDelay while the user types on.
func (p *preview) wait(now time.Time) time.Duration {
	if now.Sub(p.edited) < p.gap {
		return p.delay
	}
	return p.quick
}

// Reset asks for a refresh with a newly loaded reply r, shown from its
// first page.
func (p *preview) Reset(r *reply.Reply) {
	p.mu.Lock()
	p.page = 0
	p.mu.Unlock()
	p.edited = time.Time{}
	p.ScheduleAt(r, "")
}

// setDesk makes the following refreshes use d (new fonts) and refreshes.
func (p *preview) setDesk(d *app.Desk) {
	p.mu.Lock()
	p.desk = d
	p.mu.Unlock()
	p.kick(p.quick)
}

// kick makes sure a refresh starts within delay; it runs on the UI
// goroutine.
func (p *preview) kick(delay time.Duration) {
	dpi := 72 * p.zoom * float64(scaleOf(p.img))
	p.mu.Lock()
	defer p.mu.Unlock()
	p.dpi = dpi
	if p.last == nil {
		return
	}
	if delay < p.delay && p.timer != nil && p.timer.Stop() {
		p.timer = nil
	}
	if p.timer == nil {
		p.timer = time.AfterFunc(delay, p.fire)
	}
}

// fire starts a refresh with the latest reply, page and zoom; while one
// runs, it leaves the latest to be typeset as soon as that one ends.
func (p *preview) fire() {
	p.mu.Lock()
	p.timer = nil
	if p.busy {
		p.pending = true
		p.mu.Unlock()
		return
	}
	p.busy = true
	for {
		p.pending = false
		p.runs++
		run, d, r, pg, follow, dpi := p.runs, p.desk, p.last, p.page, p.follow, p.dpi
		p.mu.Unlock()
		a, err := analyzeAt(d, r, pg, follow, dpi)
		fyne.Do(func() { p.show(run, a, err) })
		p.mu.Lock()
		if !p.pending {
			break
		}
	}
	p.busy = false
	p.mu.Unlock()
}

// pageCount is the number of pages of the reply as last shown.
func (p *preview) pageCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.pages
}

// Flush runs the pending refresh now, on the calling goroutine, and
// shows its result; for tests.
func (p *preview) Flush() {
	p.mu.Lock()
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	pending := p.last != nil
	p.mu.Unlock()
	if pending {
		p.fire()
	}
}

// show puts the result of refresh run on screen unless a later one is
// already there.
func (p *preview) show(run uint64, a Analysis, err error) {
	p.mu.Lock()
	stale := run < p.shown
	if !stale {
		p.shown = run
		if a.Doc != nil {
			p.pages = len(a.Doc.Pages)
			if p.follow != "" {
				p.page = a.Page // the page of the caret; a page turned since clears follow
			}
			p.page = max(0, min(p.page, p.pages-1))
		}
	}
	pageNo, pages := p.page, p.pages
	p.mu.Unlock()
	if stale {
		return
	}
	if a.Image != nil {
		p.img.Image = a.Image
		p.fit()
		p.img.Refresh()
	}
	if text := fmt.Sprintf("第 %d / %d 页", pageNo+1, pages); text != p.pageLabel.Text {
		p.pageLabel.SetText(text)
		if p.bar != nil {
			p.bar.Refresh() // the label grew: lay the bar out again, or the arrow covers it
		}
	}
	p.status.SetText(fmt.Sprintf("排版与渲染用时 %d 毫秒", a.Took.Milliseconds()))
	if p.onDone != nil {
		p.onDone(a, err)
	}
}

// fit sizes the page image to its pixels exactly: the page is rendered at
// the resolution of the screen, and an image a pixel off its drawn size is
// rescaled in software at every paint (some 20 MB of garbage per refresh).
func (p *preview) fit() {
	s := scaleOf(p.img)
	b := p.img.Image.Bounds()
	size := fyne.NewSize(float32(b.Dx())/s, float32(b.Dy())/s)
	if p.img.MinSize() != size {
		p.img.SetMinSize(size)
		if p.box != nil {
			p.box.Refresh()
		}
	}
}

// scaleOf is the canvas scale of o, 1 before it is shown.
func scaleOf(o fyne.CanvasObject) float32 {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(o); c != nil && c.Scale() > 0 {
			return c.Scale()
		}
	}
	return 1
}
