package app

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/store"
)

// Saving over a colleague's newer save. Every item and draft carries a
// version; a save from an older version is refused by the store, and the
// app turns the refusal into a conflict value that says who changed what
// and offers the three ways out the window shows: 保留我的 (KeepMine),
// 采用对方的 (TakeTheirs) and 合并 (Merge, field by field).
//
// Wiring a window:
//
//	err := l.SaveItemFrom(base, &edited)
//	var c *app.ItemConflict
//	if errors.As(err, &c) {
//		// show c.Fields (each with Mine, Theirs and By), then one of:
//		it := c.KeepMine()            // or c.TakeTheirs(), or c.Merge(choices)
//		err = l.SaveItemFrom(&c.Theirs, &it) // may conflict again
//	}
//
// Drafts: the Autosaver reports a *DraftConflict through OnSaved and
// keeps the unsaved text; the window then calls Autosaver.Resolve.

// Side says whose value of a field to keep.
type Side int

// The sides of a conflict.
const (
	Theirs Side = iota // the colleague's value, as stored
	Mine               // this window's value
)

// FieldConflict is a ledger item field in a conflict.
type FieldConflict struct {
	Field              ledger.FieldKey
	Label              string // e.g. "办理状态"
	Base, Mine, Theirs string // as a table shows them
	// MineChanged and TheirsChanged say who changed the field since the
	// base; when both did, to different values, the window must ask.
	MineChanged, TheirsChanged bool
	By                         string    // who made their change, e.g. "李四（lisi）"; "" if not recorded
	At                         time.Time // when
}

// Clash reports whether both sides changed the field to different
// values.
func (f *FieldConflict) Clash() bool {
	return f.MineChanged && f.TheirsChanged && f.Mine != f.Theirs
}

// ItemConflict is a save of a ledger item refused because a colleague
// saved it in the meantime. Nothing of Mine was written.
type ItemConflict struct {
	Base   ledger.Item // the item as this window read it
	Mine   ledger.Item // as this window edited it
	Theirs ledger.Item // as stored now (its Version is the current one)
	// Fields are the fields either side changed, in the order of
	// ledger.Fields.
	Fields []FieldConflict
	By     string    // who saved last, e.g. "李四（lisi）"
	At     time.Time // when
}

// Error says who changed the item and what to do.
func (c *ItemConflict) Error() string {
	who := c.By
	if who == "" {
		who = "同事"
	}
	var clash []string
	for i := range c.Fields {
		if c.Fields[i].Clash() {
			clash = append(clash, c.Fields[i].Label)
		}
	}
	msg := fmt.Sprintf("%s已被%s修改（%s）：本次保存未写入", c.Theirs.Label(), who, c.At.Format("01-02 15:04"))
	if len(clash) > 0 {
		msg += "，双方都改了" + strings.Join(clash, "、")
	}
	return msg + "。请选择保留我的、采用对方的，或逐项合并"
}

// Is makes the conflict match store.ErrConflict.
func (c *ItemConflict) Is(target error) bool { return target == store.ErrConflict }

// KeepMine is the item that keeps every field of this window (保留我的),
// to be saved over the current version.
func (c *ItemConflict) KeepMine() ledger.Item {
	it := c.Mine.Clone()
	it.Version = c.Theirs.Version
	return it
}

// TakeTheirs is the item as stored (采用对方的): saving it is not needed.
func (c *ItemConflict) TakeTheirs() ledger.Item { return c.Theirs.Clone() }

// Merge is the item that takes, field by field, the side choices says;
// a field not in choices takes the side that changed it (theirs when
// both did). It is to be saved over the current version.
func (c *ItemConflict) Merge(choices map[ledger.FieldKey]Side) ledger.Item {
	it := c.Theirs.Clone()
	for _, fc := range c.Fields {
		side, ok := choices[fc.Field]
		if !ok {
			side = Theirs
			if fc.MineChanged && !fc.TheirsChanged {
				side = Mine
			}
		}
		if side == Mine {
			f, _ := ledger.FieldOf(fc.Field)
			f.Set(&it, fc.Mine)
			if fc.Field == ledger.FMet {
				it.Met, it.MetRecorded = c.Mine.Met, c.Mine.MetRecorded
			}
		}
	}
	it.Version = c.Theirs.Version
	return it
}

// SaveItemFrom saves edited, an item this window read as base (nil: no
// check), with the version check: when a colleague saved the item since
// base, nothing is written and the error is an *ItemConflict.
func (l *Ledger) SaveItemFrom(base, edited *ledger.Item) error {
	if base != nil {
		edited.Version = base.Version
	}
	err := l.SaveItem(edited)
	if !errors.Is(err, store.ErrConflict) || base == nil {
		return err
	}
	theirs, rerr := l.Store.Item(edited.ID)
	if rerr != nil {
		return err
	}
	return l.itemConflict(base, edited, theirs)
}

func (l *Ledger) itemConflict(base, mine, theirs *ledger.Item) *ItemConflict {
	c := &ItemConflict{Base: base.Clone(), Mine: mine.Clone(), Theirs: theirs.Clone()}
	var hist []HistoryEntry
	if hs, err := l.history(); err == nil {
		hist, _ = historyList(hs.ItemHistory(theirs.ID))
	}
	if n := len(hist); n > 0 {
		c.By, c.At = hist[n-1].Who(), hist[n-1].Time
	}
	for _, f := range ledger.Fields {
		b, m, t := f.Get(base), f.Get(mine), f.Get(theirs)
		if b == m && b == t {
			continue
		}
		fc := FieldConflict{Field: f.Key, Label: f.Label, Base: b, Mine: m, Theirs: t, MineChanged: m != b, TheirsChanged: t != b}
		if fc.TheirsChanged {
			fc.By, fc.At = changedBy(hist, f.Key)
		}
		c.Fields = append(c.Fields, fc)
	}
	return c
}

// changedBy finds the latest entry of the history that changed field k.
func changedBy(hist []HistoryEntry, k ledger.FieldKey) (string, time.Time) {
	for i := len(hist) - 1; i >= 0; i-- {
		for _, ch := range hist[i].Changes {
			if ch.Field == k {
				return hist[i].Who(), hist[i].Time
			}
		}
	}
	return "", time.Time{}
}

// DraftConflict is an autosave of a draft refused because a colleague
// saved the draft in the meantime. Nothing of Mine was written; the
// Autosaver keeps it until the conflict is resolved (Autosaver.Resolve).
type DraftConflict struct {
	DraftID int64
	Base    int64       // the version this window edited
	Mine    reply.Reply // this window's text
	Theirs  reply.Reply // as stored now
	Version int64       // the stored version
	// Fields are the form's fields (in Chinese) that differ between
	// Mine and Theirs, e.g. ["正文", "成文日期"].
	Fields []string
	By     string    // who saved last, e.g. "李四（lisi）"
	At     time.Time // when
}

// Error says who changed the draft and what to do.
func (c *DraftConflict) Error() string {
	who := c.By
	if who == "" {
		who = "同事"
	}
	return fmt.Sprintf("草稿已被%s修改（%s，%s）：您的修改尚未保存。请选择保留我的、采用对方的，或逐项合并；双方的文字都会留在历史版本中",
		who, c.At.Format("01-02 15:04"), strings.Join(c.Fields, "、"))
}

// Is makes the conflict match store.ErrConflict.
func (c *DraftConflict) Is(target error) bool { return target == store.ErrConflict }

// Merge returns Theirs with the fields named in mine (the form's field
// labels, as in Fields) taken from Mine.
func (c *DraftConflict) Merge(mine []string) reply.Reply {
	out := c.Theirs.Clone()
	vo, vm := reflect.ValueOf(&out).Elem(), reflect.ValueOf(&c.Mine).Elem()
	for i := 0; i < vo.NumField(); i++ {
		if !vo.Type().Field(i).IsExported() {
			continue
		}
		label := replyFieldLabel(vo.Type().Field(i).Name)
		for _, m := range mine {
			if m == label {
				vo.Field(i).Set(vm.Field(i))
			}
		}
	}
	return out.Clone()
}

// replyFields names, in form order, the fields of two replies that
// differ.
func replyFields(a, b *reply.Reply) []string {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	var out []string
	for i := 0; i < va.NumField(); i++ {
		if !va.Type().Field(i).IsExported() || reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			continue
		}
		l := replyFieldLabel(va.Type().Field(i).Name)
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// replyFieldLabel names a field of reply.Reply in Chinese as the form
// does ("ItemTitle" → the label of "item_title").
func replyFieldLabel(goName string) string {
	var b strings.Builder
	prevLower := false
	for _, r := range goName {
		if r >= 'A' && r <= 'Z' && prevLower {
			b.WriteByte('_')
		}
		prevLower = r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		b.WriteString(strings.ToLower(string(r)))
	}
	return reply.FieldLabel(b.String())
}
