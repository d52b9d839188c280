package app

import (
	"errors"
	"reflect"
	"time"

	"replydesk/internal/reply"
	"replydesk/internal/store"
)

// The Autosaver on a shared ledger: saves carry the version the window
// edited, a colleague's newer save becomes a *DraftConflict (reported
// through OnSaved, the window's text kept until Resolve), and while the
// server cannot be reached saves go to the local journal (see Journal),
// retried every RetryDelay and sent when the connection returns.
//
// Wiring a window: after loading draft d, call SetDraftVersion(d.ID,
// d.Version) (SetDraft reads the version itself); in OnSaved,
//
//	var c *app.DraftConflict
//	var off *app.OfflineError
//	switch {
//	case errors.As(err, &c):   // show c.By, c.Fields; then saver.Resolve(app.KeepMine, nil) …
//	case errors.As(err, &off): // status bar: off.Error() (“服务器无法连接，已暂存在本机…”)
//	}

// VersionedDrafts is Drafts with the version check; *store.Store has it.
type VersionedDrafts interface {
	SaveDraftVersion(id, base int64, r *reply.Reply) (int64, error)
}

// RetryDelay is how often an autosaver that could not reach the server
// tries again.
var RetryDelay = 2 * time.Second

// sharedState is the Autosaver's state for the version check and the
// journal; guarded by the Autosaver's mutex.
type sharedState struct {
	base     int64          // version the window's text was edited from; 0 = unknown
	conflict *DraftConflict // unresolved conflict; saves wait for Resolve
	journal  *Journal       // where saves go while offline; nil = none
	key      string         // journal key of a draft not created yet
	offline  bool
}

// OfflineError is the error of an autosave that could not reach the
// server and was kept in the local journal instead.
type OfflineError struct {
	Journal string // the journal's folder
	Err     error  // the connection's error
}

// Error says that the text is safe and will be sent.
func (e *OfflineError) Error() string {
	return "服务器暂时无法连接，您的修改已暂存在本机（" + e.Journal + "），连接恢复后会自动保存到服务器"
}

// Unwrap returns the connection's error.
func (e *OfflineError) Unwrap() error { return e.Err }

// SetJournal makes the autosaver keep saves that cannot reach the server
// in j (nil: report the error and keep the text in memory only).
func (a *Autosaver) SetJournal(j *Journal) {
	a.mu.Lock()
	a.shared.journal = j
	a.mu.Unlock()
}

// SetDraftVersion is SetDraft for a draft the window read at version v:
// saves are refused (as a *DraftConflict) once a colleague saved after v.
func (a *Autosaver) SetDraftVersion(id, v int64) {
	a.SetDraft(id)
	a.mu.Lock()
	a.shared.base = v
	a.mu.Unlock()
}

// Offline reports whether the last save went to the journal.
func (a *Autosaver) Offline() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.shared.offline
}

// Conflict returns the unresolved conflict, or nil.
func (a *Autosaver) Conflict() *DraftConflict {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.shared.conflict
}

// resetShared starts the state of draft id (called with a.mu held).
func (a *Autosaver) resetShared(id int64) {
	j := a.shared.journal
	a.shared = sharedState{journal: j}
	if id == 0 || a.drafts == nil {
		return
	}
	if _, ok := a.drafts.(VersionedDrafts); ok {
		if d, err := a.drafts.Draft(id); err == nil {
			a.shared.base = d.Version
		}
	}
}

// save writes r as the draft's content (a.mu held): with the version
// check when the store has it, to the journal when the server is
// unreachable.
func (a *Autosaver) save(r *reply.Reply) error {
	if c := a.shared.conflict; c != nil {
		c.Mine = r.Clone()
		return c
	}
	var err error
	if a.id == 0 {
		a.id, err = a.drafts.CreateDraft(r)
		if err == nil {
			a.shared.base = 1
		}
	} else if _, ok := a.drafts.(VersionedDrafts); ok {
		var v int64
		v, err = saveVersion(a.drafts, a.id, a.shared.base, r, a.shared.offline)
		if err == nil {
			a.shared.base = v
		}
	} else {
		err = a.drafts.SaveDraft(a.id, r)
	}
	var c *DraftConflict
	switch {
	case err == nil:
		if a.shared.offline || a.shared.key != "" {
			a.shared.offline = false
			if j := a.shared.journal; j != nil {
				j.Remove(entryKey(a.id, a.shared.key))
				j.Remove(a.shared.key)
			}
			a.shared.key = ""
		}
		return nil
	case errors.As(err, &c):
		a.shared.conflict = c
		return c
	case store.IsUnreachable(err) && a.shared.journal != nil:
		e := &JournalEntry{DraftID: a.id, Key: a.shared.key, Base: a.shared.base, Reply: r.Clone()}
		if jerr := a.shared.journal.Put(e); jerr != nil {
			return jerr
		}
		a.shared.key = e.Key
		a.shared.offline = true
		// Try again later, with the latest text.
		if a.pending == nil {
			rc := e.Reply.Clone()
			a.pending = &rc
		}
		if a.timer == nil {
			a.timer = time.AfterFunc(RetryDelay, func() { a.Flush() })
		}
		return &OfflineError{Journal: a.shared.journal.Dir(), Err: err}
	}
	return err
}

// saveVersion saves r over version base of draft id; a colleague's newer
// save is a *DraftConflict, unless it holds the same text, or (after an
// outage) it is this program's own save whose answer the network lost.
func saveVersion(drafts Drafts, id, base int64, r *reply.Reply, afterOutage bool) (int64, error) {
	vd, ok := drafts.(VersionedDrafts)
	if !ok {
		return 0, drafts.SaveDraft(id, r)
	}
	v, err := vd.SaveDraftVersion(id, base, r)
	if err == nil || !errors.Is(err, store.ErrConflict) {
		return v, err
	}
	d, derr := drafts.Draft(id)
	if derr != nil {
		return 0, err
	}
	if reflect.DeepEqual(d.Reply, *r) {
		return d.Version, nil
	}
	// After an outage, the newer version may be this program's own save
	// whose answer was lost (the connection broke at the commit): no
	// colleague is involved.
	if hs, ok := drafts.(HistoryStore); ok && afterOutage {
		if h, err := hs.DraftHistory(id); err == nil && len(h) > 0 && h[len(h)-1].Mine {
			return vd.SaveDraftVersion(id, d.Version, r)
		}
	}
	c := &DraftConflict{DraftID: id, Base: base, Mine: r.Clone(), Theirs: d.Reply, Version: d.Version,
		Fields: replyFields(r, &d.Reply), At: d.Updated}
	if hs, ok := drafts.(HistoryStore); ok {
		if h, err := DraftHistory(hs, id); err == nil && len(h) > 0 {
			c.By, c.At = h[len(h)-1].Who(), h[len(h)-1].Time
		}
	}
	return 0, c
}

// Resolution is how a draft conflict ends.
type Resolution int

// The ways out of a draft conflict.
const (
	KeepMine   Resolution = iota // 保留我的: this window's text becomes the draft's
	TakeTheirs                   // 采用对方的: the colleague's text stays; this window's is kept as a revision
	MergeBoth                    // 合并: the colleague's text with the fields named taken from this window's
)

// Resolve ends the autosaver's conflict: both texts are kept as
// checkpoint revisions of the draft (the colleague's first), then the
// draft takes the text chosen. fields names the form fields taken from
// this window's text for MergeBoth (the labels of DraftConflict.Fields).
// It returns the text the window should show now. A colleague saving
// again meanwhile is a new conflict.
func (a *Autosaver) Resolve(how Resolution, fields []string) (*reply.Reply, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	c := a.shared.conflict
	if c == nil {
		return nil, errors.New("没有需要处理的冲突")
	}
	if a.pending != nil { // typed after the conflict was reported
		c.Mine = a.pending.Clone()
		a.pending = nil
	}
	cp, ok := a.drafts.(interface {
		Checkpoint(id int64, label string) error
	})
	if !ok {
		return nil, errors.New("该数据库不支持处理冲突")
	}
	who := c.By
	if who == "" {
		who = "同事"
	}
	if err := cp.Checkpoint(c.DraftID, "对方的版本（"+who+"）"); err != nil {
		return nil, err
	}
	v, err := saveVersion(a.drafts, c.DraftID, c.Version, &c.Mine, false)
	if err != nil {
		return nil, a.conflictAgain(err)
	}
	label := map[Resolution]string{KeepMine: "保留我的版本", TakeTheirs: "我的版本（冲突时保留）", MergeBoth: "我的版本（合并前）"}[how]
	if err := cp.Checkpoint(c.DraftID, label); err != nil {
		return nil, err
	}
	final := c.Mine.Clone()
	switch how {
	case TakeTheirs:
		final = c.Theirs.Clone()
	case MergeBoth:
		final = c.Merge(fields)
	}
	if how != KeepMine {
		if v, err = saveVersion(a.drafts, c.DraftID, v, &final, false); err != nil {
			return nil, a.conflictAgain(err)
		}
		if err := cp.Checkpoint(c.DraftID, map[Resolution]string{TakeTheirs: "采用对方的版本", MergeBoth: "合并的版本"}[how]); err != nil {
			return nil, err
		}
	}
	a.shared.conflict, a.shared.base = nil, v
	return &final, nil
}

// conflictAgain records a new conflict met while resolving (a.mu held).
func (a *Autosaver) conflictAgain(err error) error {
	var c *DraftConflict
	if errors.As(err, &c) {
		a.shared.conflict = c
	}
	return err
}
