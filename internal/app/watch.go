package app

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"replydesk/internal/store"
)

// Seeing colleagues' work: the changes they commit (Watch) and the drafts
// they have open (HoldDraft, EditingNote). A window watches while it is
// open, updates the ledger row or draft an event names (or reloads all on
// Reload), and marks drafts being edited elsewhere.

// WatchStore is what Watch needs; *store.Store has it.
type WatchStore interface {
	Watch(ctx context.Context) (<-chan store.Change, error)
}

// Event is a committed change of a ledger item or a draft.
type Event struct {
	ItemID, DraftID int64
	Action          string // e.g. "修改", "保存草稿"
	Who             string // e.g. "张三（zhangsan）"
	// Reload: reload everything shown (many changes at once, or some may
	// have been missed while the connection was down).
	Reload bool
	// Mine: made by this program (delivered only when asked for).
	Mine bool
}

// Watch calls fn for each change committed by others (and by this
// program too when own is set) until ctx ends, on a goroutine of its own;
// on a server changes arrive within a second. It returns at once.
func Watch(ctx context.Context, s WatchStore, own bool, fn func(Event)) error {
	ch, err := s.Watch(ctx)
	if err != nil {
		return err
	}
	go func() {
		for c := range ch {
			if c.Mine && !own {
				continue
			}
			h := HistoryEntry{Operator: c.Operator, DBUser: c.DBUser}
			fn(Event{ItemID: c.ItemID, DraftID: c.DraftID, Action: c.Action, Who: h.Who(), Reload: c.All, Mine: c.Mine})
		}
	}()
	return nil
}

// PresenceStore is what the editing marks need; *store.Store has it.
type PresenceStore interface {
	HoldDraft(id int64) error
	ReleaseDraft(id int64) error
	Editors(id int64) ([]store.Editor, error)
}

// Hold is this program's mark on a draft it has open; see HoldDraft.
type Hold struct {
	s    PresenceStore
	id   int64
	stop chan struct{}
	once sync.Once
	wg   sync.WaitGroup
}

// HoldDraft marks draft id as open for editing here and keeps the mark
// alive (renewed every third of store.LeaseTime) until Release. Marks of
// a program that ended without releasing lapse by themselves.
func HoldDraft(s PresenceStore, id int64) *Hold {
	h := &Hold{s: s, id: id, stop: make(chan struct{})}
	s.HoldDraft(id)
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		t := time.NewTicker(store.LeaseTime / 3)
		defer t.Stop()
		for {
			select {
			case <-h.stop:
				return
			case <-t.C:
				s.HoldDraft(id)
			}
		}
	}()
	return h
}

// Release removes the mark (the draft was closed).
func (h *Hold) Release() {
	h.once.Do(func() {
		close(h.stop)
		h.wg.Wait()
		h.s.ReleaseDraft(h.id)
	})
}

// EditingNote says who else has draft id open, e.g. "正在由 张三 编辑" or
// "正在由 张三、李四 编辑"; "" when nobody.
func EditingNote(s PresenceStore, id int64) (string, error) {
	eds, err := s.Editors(id)
	if err != nil || len(eds) == 0 {
		return "", err
	}
	return editingNote(eds), nil
}

// EditingNotes returns EditingNote for every draft held elsewhere, by
// draft id: the marks of a list of drafts.
func EditingNotes(s PresenceStore) (map[int64]string, error) {
	eds, err := s.Editors(0)
	if err != nil {
		return nil, err
	}
	by := map[int64][]store.Editor{}
	for _, e := range eds {
		by[e.DraftID] = append(by[e.DraftID], e)
	}
	out := make(map[int64]string, len(by))
	for id, list := range by {
		out[id] = editingNote(list)
	}
	return out, nil
}

func editingNote(eds []store.Editor) string {
	var names []string
	for _, e := range eds {
		n := (&HistoryEntry{Operator: e.Operator, DBUser: e.DBUser}).Who()
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return "正在由 " + strings.Join(names, "、") + " 编辑"
}
