package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/store"
)

// The window's size, its splits, its tab and the preview's zoom come back
// in the next run.
func TestWindowRemembers(t *testing.T) {
	u, _ := newUI(t)
	if got := u.Window.Canvas().Size(); got != defaultWindowSize {
		t.Fatalf("first run: window %v, want %v", got, defaultWindowSize)
	}
	u.Window.Resize(fyne.NewSize(1440, 900))
	u.splits["problems"].SetOffset(0.5)
	u.splits["drafts"].SetOffset(0.25)
	u.splits["ledger"].SetOffset(0.6)
	zoom := u.preview.zoom
	u.preview.zoomBy(1.25)
	if err := u.LoadLedger(); err != nil {
		t.Fatal(err)
	}
	u.ShowLedger()
	u.Settle()
	u.rememberState()

	st, err := store.Open(filepath.Join(t.TempDir(), "again.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	again := New(u.App, desk(t), st, nil)
	manual(again)
	t.Cleanup(func() { again.saver.SetDraft(0) })
	again.Settle()
	if got := again.Window.Canvas().Size(); got != fyne.NewSize(1440, 900) {
		t.Errorf("window %v, want 1440×900", got)
	}
	for name, want := range map[string]float64{"problems": 0.5, "drafts": 0.25, "ledger": 0.6, "preview": 0.55} {
		if got := again.splits[name].Offset; got < want-0.001 || got > want+0.001 {
			t.Errorf("split %s at %.3f, want %.3f", name, got, want)
		}
	}
	if again.tabs.SelectedIndex() != tabLedger {
		t.Errorf("tab %d, want the ledger", again.tabs.SelectedIndex())
	}
	if again.ledgerView.loading || again.ledgerView.loaded {
		t.Error("restoring the tab should leave reading the ledger to Preload")
	}
	if again.preview.zoom != zoom*1.25 || again.preview.zoomLabel.Text != u.preview.zoomLabel.Text {
		t.Errorf("zoom %v (%s), want %v", again.preview.zoom, again.preview.zoomLabel.Text, zoom*1.25)
	}

	// Nonsense in the preferences gives the defaults.
	p := u.App.Preferences()
	p.SetFloat(prefWindowWidth, 5)
	p.SetFloat(prefZoom, 99)
	p.SetFloat(prefSplit+"drafts", 3)
	third := New(u.App, desk(t), st, nil)
	manual(third)
	t.Cleanup(func() { third.saver.SetDraft(0) })
	if third.Window.Canvas().Size() != defaultWindowSize || !third.preview.fitsWidth || third.splits["drafts"].Offset != 0.18 {
		t.Errorf("bad preferences gave window %v zoom %v split %v", third.Window.Canvas().Size(), third.preview.zoom, third.splits["drafts"].Offset)
	}
}

// At the default size the problems panel shows at least three problems
// whole.
func TestProblemsShowThreeAtDefaultSize(t *testing.T) {
	u, _ := newUI(t)
	u.Window.Resize(fyne.NewSize(1280, 800))
	u.Settle()
	if len(u.Problems()) < 3 {
		t.Fatalf("a new reply should have several problems, has %d", len(u.Problems()))
	}
	texts := map[string]bool{}
	for _, p := range u.Problems() {
		texts[p.String()] = true
	}
	// The list builds the rows it shows; three of them, with the space
	// between rows, must fit its height.
	list := u.problems.list
	var need float32
	rows := 0
	for _, o := range test.LaidOutObjects(list) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && texts[l.Text] && rows < 3 {
			need += l.MinSize().Height + theme.Padding()
			rows++
		}
	}
	whole := 0
	if rows == 3 && list.Size().Height >= need {
		whole = 3
	}
	if whole < 3 {
		t.Errorf("the problems panel (%.0f high) shows %d problems whole, want at least 3", list.Size().Height, whole)
	}
}

// At the default size the preview shows the whole width of the page, and
// keeps doing so as the window grows, until the user zooms; 适合宽度 and
// the next run bring the fitting back.
func TestPreviewFitsWidth(t *testing.T) {
	u, _ := newUI(t)
	u.Window.Resize(defaultWindowSize)
	u.Settle()
	pageFits := func(u *UI) bool {
		pane := u.preview.box.Size().Width
		page := u.preview.img.MinSize().Width
		return page > 0 && page <= pane
	}
	if !u.preview.fitsWidth || !pageFits(u) {
		t.Fatalf("at %v the page is %v wide in a pane %v wide (zoom %.2f)", defaultWindowSize,
			u.preview.img.MinSize().Width, u.preview.box.Size().Width, u.preview.zoom)
	}
	small := u.preview.zoom
	u.Window.Resize(fyne.NewSize(1800, 1000))
	u.Settle()
	if u.preview.zoom <= small || !pageFits(u) {
		t.Errorf("a wider window should zoom in and still fit: zoom %.2f (was %.2f)", u.preview.zoom, small)
	}
	u.preview.zoomBy(1.25)
	zoomed := u.preview.zoom
	u.Window.Resize(defaultWindowSize)
	u.Settle()
	if u.preview.fitsWidth || u.preview.zoom != zoomed {
		t.Errorf("after zooming by hand the zoom should stay %.2f, is %.2f", zoomed, u.preview.zoom)
	}
	if u.preview.fitButton.Importance == widget.HighImportance {
		t.Error("适合宽度 should not look on after zooming by hand")
	}
	test.Tap(u.preview.fitButton)
	u.Settle()
	if !u.preview.fitsWidth || !pageFits(u) || u.preview.fitButton.Importance != widget.HighImportance {
		t.Errorf("适合宽度 should fit the page again: zoom %.2f", u.preview.zoom)
	}
	u.rememberState()
	if z := u.App.Preferences().Float(prefZoom); z != 0 {
		t.Errorf("fitting should be remembered as zoom 0, is %v", z)
	}
}
