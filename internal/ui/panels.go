package ui

import (
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/reply"
	"replydesk/internal/store"
)

// problemsPanel lists the problems of the reply; selecting one focuses its
// field, and a problem with a correction has a button that applies it.
type problemsPanel struct {
	items  []reply.Problem
	list   *widget.List
	header *widget.Label
}

func newProblemsPanel(onSelect, onFix func(reply.Problem)) *problemsPanel {
	p := &problemsPanel{header: widget.NewLabel("问题")}
	p.list = widget.NewList(
		func() int { return len(p.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			fix := widget.NewButton("修正", nil)
			fix.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), fix, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			l, icon, fix := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Icon), c.Objects[2].(*widget.Button)
			pr := p.items[i]
			l.SetText(pr.String())
			icon.SetResource(severityIcon(pr.Severity))
			fix.OnTapped = func() { onFix(pr) }
			fix.Hidden = pr.Fix == ""
			fix.Refresh()
			p.list.SetItemHeight(i, l.MinSize().Height)
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		if i < len(p.items) {
			onSelect(p.items[i])
		}
		p.list.UnselectAll()
	}
	return p
}

func severityIcon(s reply.Severity) fyne.Resource {
	switch s {
	case reply.Error:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case reply.Warning:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	}
	return theme.InfoIcon()
}

func (p *problemsPanel) view() fyne.CanvasObject {
	return container.NewBorder(p.header, nil, nil, nil, p.list)
}

func (p *problemsPanel) set(ps []reply.Problem) {
	p.items = ps
	errs := 0
	for _, x := range ps {
		if x.Severity == reply.Error {
			errs++
		}
	}
	switch {
	case len(ps) == 0:
		p.header.SetText("问题：无，可以导出")
	case errs == 0:
		p.header.SetText(fmt.Sprintf("问题：%d 项提醒，点击一项转到该栏", len(ps)))
	default:
		p.header.SetText(fmt.Sprintf("问题：%d 项（错误 %d 项），点击一项转到该栏", len(ps), errs))
	}
	p.list.Refresh()
}

// draftList is the searchable list of drafts.
type draftList struct {
	drafts   app.Drafts
	items    []store.DraftSummary
	search   *widget.Entry
	list     *widget.List
	open     func(id int64)
	onDelete func()
	quiet    bool
	selected int64
	marks    map[int64]string // drafts colleagues have open: "正在由 张三 编辑"

	// The search runs delay after the last key, off the UI goroutine: a
	// query over thousands of drafts takes tens of milliseconds.
	delay   time.Duration
	timer   *time.Timer // the pending search; on the UI goroutine
	asked   uint64      // searches asked for; on the UI goroutine
	running sync.WaitGroup
}

// SearchDelay is how long the draft search waits for the next key.
const SearchDelay = 150 * time.Millisecond

func newDraftList(drafts app.Drafts, open func(int64)) *draftList {
	d := &draftList{drafts: drafts, open: open, search: widget.NewEntry(), delay: SearchDelay}
	d.search.SetPlaceHolder("搜索草稿：编号、提出人、案由…")
	d.search.OnChanged = func(string) { d.searchSoon() }
	d.list = widget.NewList(
		func() int { return len(d.items) },
		func() fyne.CanvasObject {
			t := widget.NewLabel("")
			t.Truncation = fyne.TextTruncateEllipsis
			s := widget.NewLabel("")
			s.SizeName = theme.SizeNameCaptionText
			s.Truncation = fyne.TextTruncateEllipsis
			// The labels' own padding is space enough between the lines.
			return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), t, s)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			it := d.items[i]
			c.Objects[0].(*widget.Label).SetText(it.Title)
			line := it.Updated.Format("01-02 15:04") + "  " + it.ItemTitle
			if m := d.marks[it.ID]; m != "" {
				line = "【" + m + "】" + line
			}
			c.Objects[1].(*widget.Label).SetText(line)
		})
	d.list.OnSelected = func(i widget.ListItemID) {
		if i >= len(d.items) {
			return
		}
		d.selected = d.items[i].ID
		if !d.quiet {
			d.open(d.items[i].ID)
		}
	}
	d.refresh()
	return d
}

func (d *draftList) view() fyne.CanvasObject {
	if d.drafts == nil {
		return container.NewBorder(widget.NewLabel("草稿"), nil, nil, nil,
			widget.NewLabel("草稿数据库不可用"))
	}
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		if d.onDelete != nil {
			d.onDelete()
		}
	})
	del.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, nil, del, widget.NewLabel("草稿"))
	return container.NewBorder(container.NewVBox(head, d.search), nil, nil, nil, d.list)
}

// refresh reads the list again.
func (d *draftList) refresh() {
	if d.drafts == nil {
		return
	}
	d.asked++ // a search still running is overtaken
	items, err := d.drafts.ListDrafts(d.search.Text, 500)
	if err != nil {
		return
	}
	d.show(items)
}

func (d *draftList) show(items []store.DraftSummary) {
	d.items = items
	d.list.Refresh()
	d.selectID(d.selected)
}

// searchSoon searches the drafts for the search text once no key has
// come for the delay; it runs on the UI goroutine.
func (d *draftList) searchSoon() {
	if d.drafts == nil {
		return
	}
	d.asked++
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(d.delay, func() { fyne.Do(d.searchNow) })
}

// searchNow starts the search for the text of the search field off the
// UI goroutine; its result is shown unless a later one was asked for.
func (d *draftList) searchNow() {
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	asked, text := d.asked, d.search.Text
	d.running.Add(1)
	go func() {
		defer d.running.Done()
		items, err := d.drafts.ListDrafts(text, 500)
		if err != nil {
			return
		}
		fyne.Do(func() {
			if asked == d.asked {
				d.show(items)
			}
		})
	}()
}

// flush runs a pending search now and waits for it; for tests.
func (d *draftList) flush() {
	if d.timer != nil {
		d.searchNow()
	}
	d.running.Wait()
}

// selectID highlights a draft without opening it.
func (d *draftList) selectID(id int64) {
	d.quiet = true
	defer func() { d.quiet = false }()
	for i, it := range d.items {
		if it.ID == id {
			d.list.Select(i)
			return
		}
	}
	d.list.UnselectAll()
}
