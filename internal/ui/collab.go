package ui

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
)

// Seeing colleagues' work on a shared ledger: their changes reach the
// window as they are committed (the ledger table updates in place,
// keeping the selection and the scroll), drafts they have open are
// marked in the drafts list (正在由 张三 编辑) and opening one warns, and
// the status bar says when the server cannot be reached: autosaves then
// go to the local journal and are sent when it answers again.

// collabPoll is how often the window checks the server's connection and
// who has drafts open.
var collabPoll = 2 * time.Second

// deliver runs fn on the UI goroutine; tests queue fn and run it
// themselves.
var deliver = fyne.Do

// journalDir is the folder of the local journal; tests use their own.
var journalDir = app.DefaultJournalDir

// collab follows a shared ledger for the window.
type collab struct {
	u       *UI
	st      app.Drafts
	l       *app.Ledger
	saver   *app.Autosaver
	journal *app.Journal
	cancel  context.CancelFunc
	deliver func(func()) // deliver, as when started
	poll    time.Duration
	wake    chan struct{}
	wg      sync.WaitGroup

	offline bool             // on the UI goroutine: the server did not answer
	notes   map[int64]string // on the UI goroutine: drafts open elsewhere
}

// startCollab follows the window's ledger when it is a shared one.
func (u *UI) startCollab() {
	if u.drafts == nil || !app.Shared(u.drafts) {
		return
	}
	c := &collab{u: u, st: u.drafts, l: u.ledger, saver: u.saver, wake: make(chan struct{}, 1),
		deliver: deliver, poll: collabPoll}
	if j, err := app.OpenJournal(journalDir()); err == nil {
		c.journal = j
		u.saver.SetJournal(j)
		// Saves an earlier run kept while the server was away are sent
		// once the first check finds it answering.
		if e, _ := j.Entries(); len(e) > 0 {
			c.offline = true
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	u.collab = c
	if ws, ok := u.drafts.(app.WatchStore); ok {
		if err := app.Watch(ctx, ws, false, c.event); err != nil {
			u.status.SetText("无法接收同事的修改：" + err.Error())
		}
	}
	c.wg.Add(1)
	go c.loop(ctx)
	u.status.SetText("已连接" + app.Where(u.drafts))
}

// stopCollab ends the following (the store is switched or closed).
func (u *UI) stopCollab() {
	c := u.collab
	if c == nil {
		return
	}
	u.collab = nil
	c.cancel()
	c.wg.Wait()
}

// event takes a colleague's change (on the watcher's goroutine): it reads
// the item changed and hands both to the window.
func (c *collab) event(e app.Event) {
	var it *ledger.Item
	gone := false
	if e.ItemID != 0 && c.l != nil {
		got, err := c.l.Store.Item(e.ItemID)
		it, gone = got, app.IsNotFound(err)
		if err != nil {
			it = nil
		}
	}
	var all []ledger.Item
	if e.Reload && c.l != nil {
		all, _ = c.l.Items(ledger.Filter{})
	}
	c.deliver(func() {
		if c.u.collab == c {
			c.u.colleagueChanged(e, it, gone, all)
		}
	})
}

// loop checks the connection, renews the hold of the draft being edited
// and reads who has drafts open, every collabPoll and when woken.
func (c *collab) loop(ctx context.Context) {
	defer c.wg.Done()
	ps, _ := c.st.(app.PresenceStore)
	settings, _ := c.st.(app.Settings)
	var hold *app.Hold
	var held int64
	defer func() {
		if hold != nil {
			hold.Release()
		}
	}()
	t := time.NewTicker(c.poll)
	defer t.Stop()
	for {
		var err error
		if settings != nil {
			err = app.Reachable(settings)
		}
		var notes map[int64]string
		if err == nil && ps != nil {
			if id := c.saver.Draft(); id != held {
				if hold != nil {
					hold.Release()
					hold = nil
				}
				if held = id; id != 0 {
					hold = app.HoldDraft(ps, id)
				}
			}
			notes, _ = app.EditingNotes(ps)
		}
		online := err == nil
		c.deliver(func() {
			if c.u.collab == c {
				c.connection(online)
				if notes != nil {
					c.marks(notes)
				}
			}
		})
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-c.wake:
		}
	}
}

// check asks the loop to check now.
func (c *collab) check() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// connection shows a lost or regained connection in the status bar; once
// it is back, the autosave and the journal's saves are sent.
func (c *collab) connection(online bool) {
	u := c.u
	switch {
	case !online && !c.offline:
		c.offline = true
		u.status.SetText("服务器无法连接：可以继续编辑，修改暂存在本机，连接恢复后自动保存到服务器")
	case online && c.offline:
		c.offline = false
		u.status.SetText("已重新连接服务器，正在保存暂存在本机的修改…")
		flushErr := u.saver.Flush()
		var conflict *app.DraftConflict
		if errors.As(flushErr, &conflict) {
			return // the conflict dialog is shown
		}
		go func() {
			sent, conflicts, err := app.ReplayJournal(c.journal, c.st)
			var all []ledger.Item
			if c.l != nil {
				all, _ = c.l.Items(ledger.Filter{})
			}
			c.deliver(func() {
				if u.collab != c {
					return
				}
				switch {
				case err != nil || flushErr != nil:
					u.status.SetText("已重新连接服务器，但暂存的修改未能全部保存：" + errors.Join(flushErr, err).Error())
				case len(conflicts) > 0:
					u.status.SetText("已重新连接服务器：暂存的修改与同事的修改冲突，请在草稿中处理")
				default:
					u.status.SetText(fmt.Sprintf("已重新连接服务器：暂存在本机的修改已全部保存到服务器（%s）", time.Now().Format("15:04:05")))
				}
				_ = sent
				if u.ledgerView != nil && all != nil {
					u.ledgerView.replaceAll(all)
				}
				u.list.refresh()
			})
		}()
	}
}

// Offline reports whether the window found the server unreachable.
func (u *UI) Offline() bool { return u.collab != nil && u.collab.offline }

// marks shows in the drafts list which drafts colleagues have open.
func (c *collab) marks(notes map[int64]string) {
	if mapsEqual(notes, c.notes) {
		return
	}
	c.notes = notes
	c.u.list.marks = notes
	c.u.list.list.Refresh()
}

func mapsEqual(a, b map[int64]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// opened is called when the window shows draft id: it is held at once,
// and a colleague editing it too is warned about.
func (u *UI) opened(id int64) {
	c := u.collab
	if c == nil || id == 0 {
		return
	}
	c.check()
	ps, ok := c.st.(app.PresenceStore)
	if !ok {
		return
	}
	go func() {
		note, err := app.EditingNote(ps, id)
		if err != nil || note == "" {
			return
		}
		c.deliver(func() {
			if u.collab == c && u.saver.Draft() == id {
				u.status.SetText("此草稿" + note)
				dialog.ShowInformation("草稿正在编辑", "此草稿"+note+"。\n\n您仍可以修改；双方都保存时，会请您选择保留哪一方，"+
					"两份文字都会保留在历史版本中。", u.Window)
			}
		})
	}()
}

// colleagueChanged shows a colleague's change: the item's row and editor,
// the drafts list, and a line in the status bar.
func (u *UI) colleagueChanged(e app.Event, it *ledger.Item, gone bool, all []ledger.Item) {
	v := u.ledgerView
	switch {
	case v == nil:
	case e.Reload && all != nil:
		v.replaceAll(all)
	case it != nil:
		v.changedElsewhere(*it, e.Who)
	case gone:
		v.removed(e.ItemID)
	}
	if e.DraftID != 0 || e.Reload {
		u.list.refresh()
	}
	what := ""
	if it != nil {
		what = " " + it.Label()
	}
	msg := fmt.Sprintf("%s %s%s（%s）", e.Who, e.Action, what, time.Now().Format("15:04:05"))
	if e.DraftID != 0 && e.DraftID == u.saver.Draft() {
		msg = e.Who + " 刚保存了您正在编辑的这份草稿：您保存时会请您选择保留哪一方"
	}
	if !e.Reload {
		u.status.SetText(msg)
	}
}

// refreshKeep shows the ledger again after a change, keeping the filter,
// the selected item and the scroll.
func (v *ledgerView) refreshKeep() {
	if !v.loaded || v.table == nil {
		return
	}
	v.filterShown()
	v.table.Refresh()
	v.updateSummary()
	switch i := v.indexOf(v.current); {
	case i >= 0 && i != v.row:
		v.table.Select(widget.TableCellID{Row: i, Col: 0})
	case i < 0 && v.row >= 0:
		v.table.UnselectAll()
		v.row = -1
	}
}

// changedElsewhere puts an item a colleague saved in place. The editor
// takes it unless it holds unsaved edits: then it says who changed the
// item, and saving asks which side to keep.
func (v *ledgerView) changedElsewhere(it ledger.Item, by string) {
	if !v.loaded {
		return
	}
	v.put(it)
	if v.editor.showing(it.ID) {
		if v.editor.dirty() {
			v.editor.meta.changedBy(by)
		} else {
			v.editor.load(&it)
		}
	}
	v.refreshKeep()
}

// removed takes an item a colleague deleted off the table.
func (v *ledgerView) removed(id int64) {
	i := v.indexAll(id)
	if i < 0 {
		return
	}
	v.all = append(v.all[:i], v.all[i+1:]...)
	v.changed()
	if v.current == id && !v.editor.dirty() {
		v.edit(nil)
	}
	v.refreshKeep()
}

// replaceAll shows the ledger read anew (many changes at once, or after
// the connection came back), keeping the selection and the scroll.
func (v *ledgerView) replaceAll(items []ledger.Item) {
	if !v.loaded {
		return
	}
	v.all = items
	v.changed()
	if i := v.indexAll(v.current); i >= 0 && v.editor.showing(v.current) && !v.editor.dirty() {
		v.editor.load(&v.all[i])
	}
	v.refreshKeep()
}

func (v *ledgerView) indexAll(id int64) int {
	for i := range v.all {
		if v.all[i].ID == id {
			return i
		}
	}
	return -1
}

// dirty reports whether the editor holds edits not saved.
func (e *itemEditor) dirty() bool {
	for _, f := range ledger.Fields {
		if e.fields[f.Key].get() != f.Get(&e.item) {
			return true
		}
	}
	return false
}

// sharedSaved shows the outcome of an autosave on a shared ledger that
// needs more than the usual line: a colleague's newer save (the conflict
// dialog) or an unreachable server (kept in the local journal). It
// reports whether it did.
func (u *UI) sharedSaved(err error) bool {
	var c *app.DraftConflict
	var off *app.OfflineError
	switch {
	case errors.As(err, &c):
		u.status.SetText("草稿保存冲突：" + who(c.By) + " 也修改了这份草稿，请选择保留哪一方")
		u.showDraftConflict(c)
		return true
	case errors.As(err, &off):
		if u.collab != nil {
			u.collab.offline = true
			u.collab.check()
		}
		u.status.SetText(off.Error())
		return true
	}
	return false
}
