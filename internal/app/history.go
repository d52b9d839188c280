package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"replydesk/internal/ledger"
	"replydesk/internal/sheet"
	"replydesk/internal/store"
)

// The 操作记录 (who did what, when) as the window and the command line
// show it. The store records every change of an item or a draft in the
// change's own transaction; these functions read it.

// HistoryStore is what the 操作记录 needs of the database; *store.Store
// has it. A LedgerStore without it has no 操作记录.
type HistoryStore interface {
	ItemHistory(id int64) ([]store.LogEntry, error)
	DraftHistory(id int64) ([]store.LogEntry, error)
	OpLog(since time.Time) ([]store.LogEntry, error)
	LastChanges() (map[int64]store.LogEntry, error)
}

// FieldChange is one field of a ledger item changed by an entry.
type FieldChange struct {
	Field    ledger.FieldKey
	Label    string // the column's name, e.g. "办理状态"
	From, To string // as the table shows them; "" = empty
}

// HistoryEntry is one change in the 操作记录.
type HistoryEntry struct {
	Time     time.Time
	Operator string // the clerk's name from the settings, "" if none was set
	DBUser   string // the server's login user; "" in a database file
	ItemID   int64  // the item changed; 0 for a draft's entry
	DraftID  int64  // the draft changed or linked; 0 if none
	Action   string // e.g. "修改", "导入", "保存草稿"
	Changes  []FieldChange
	Summary  string // what changed when there is no field list
}

// Who names who made the change: "张三（zhangsan）" on a server, "张三" in
// a file, the login user alone when no name was set, "未署名" when nothing
// is known.
func (e *HistoryEntry) Who() string {
	switch {
	case e.Operator != "" && e.DBUser != "" && e.DBUser != e.Operator:
		return e.Operator + "（" + e.DBUser + "）"
	case e.Operator != "":
		return e.Operator
	case e.DBUser != "":
		return e.DBUser
	}
	return "未署名"
}

// What describes the change: its fields ("办理状态 未办理 → 已答复；…") or
// its summary.
func (e *HistoryEntry) What() string {
	if len(e.Changes) == 0 {
		return e.Summary
	}
	cs := make([]ledger.Change, len(e.Changes))
	for i, c := range e.Changes {
		cs[i] = ledger.Change{Field: c.Field, From: c.From, To: c.To}
	}
	return ledger.Changes(cs)
}

// String writes the entry on one line, e.g.
// "2023-06-20 09:00:00 张三（zhangsan） 修改 办理状态 未办理 → 已答复".
func (e *HistoryEntry) String() string {
	return strings.TrimSpace(e.Time.Format("2006-01-02 15:04:05") + " " + e.Who() + " " + e.Action + " " + e.What())
}

// LastChange says who changed an item last and when, for the ledger
// table's column "最后修改".
type LastChange struct {
	Who  string
	Time time.Time
}

// String writes it as "张三 06-20 09:00".
func (c LastChange) String() string {
	if c.Time.IsZero() {
		return ""
	}
	return c.Who + " " + c.Time.Format("01-02 15:04")
}

func historyOf(e store.LogEntry) HistoryEntry {
	h := HistoryEntry{Time: e.Time, Operator: e.Operator, DBUser: e.DBUser, ItemID: e.ItemID, DraftID: e.DraftID,
		Action: e.Action, Summary: e.Summary}
	for _, c := range e.Changes {
		f, _ := ledger.FieldOf(c.Field)
		h.Changes = append(h.Changes, FieldChange{Field: c.Field, Label: f.Label, From: c.From, To: c.To})
	}
	return h
}

func historyList(list []store.LogEntry, err error) ([]HistoryEntry, error) {
	if err != nil {
		return nil, err
	}
	out := make([]HistoryEntry, len(list))
	for i, e := range list {
		out[i] = historyOf(e)
	}
	return out, nil
}

var errNoHistory = errors.New("该数据库没有操作记录")

func (l *Ledger) history() (HistoryStore, error) {
	hs, ok := l.Store.(HistoryStore)
	if !ok {
		return nil, errNoHistory
	}
	return hs, nil
}

// ItemHistory returns the 操作记录 of ledger item id, oldest first: the
// item's changes and those of its reply draft.
func (l *Ledger) ItemHistory(id int64) ([]HistoryEntry, error) {
	hs, err := l.history()
	if err != nil {
		return nil, err
	}
	return historyList(hs.ItemHistory(id))
}

// DraftHistory returns the 操作记录 of draft id, oldest first.
func DraftHistory(hs HistoryStore, id int64) ([]HistoryEntry, error) {
	return historyList(hs.DraftHistory(id))
}

// LastChanges returns who changed each item last and when, by item id.
func (l *Ledger) LastChanges() (map[int64]LastChange, error) {
	hs, err := l.history()
	if err != nil {
		return nil, err
	}
	m, err := hs.LastChanges()
	if err != nil {
		return nil, err
	}
	out := make(map[int64]LastChange, len(m))
	for id, e := range m {
		h := historyOf(e)
		out[id] = LastChange{Who: h.Who(), Time: h.Time}
	}
	return out, nil
}

// logRows are the 操作记录 sheet's rows of the items (and their drafts),
// oldest first.
func (l *Ledger) logRows(items []ledger.Item) ([]sheet.LogRow, error) {
	hs, err := l.history()
	if err != nil {
		return nil, err
	}
	all, err := hs.OpLog(time.Time{})
	if err != nil {
		return nil, err
	}
	byItem := map[int64]*ledger.Item{}
	byDraft := map[int64]*ledger.Item{}
	for i := range items {
		byItem[items[i].ID] = &items[i]
		if items[i].DraftID != 0 {
			byDraft[items[i].DraftID] = &items[i]
		}
	}
	var rows []sheet.LogRow
	for _, e := range all {
		it := byItem[e.ItemID]
		if it == nil && e.ItemID == 0 {
			it = byDraft[e.DraftID]
		}
		if it == nil {
			continue
		}
		h := historyOf(e)
		rows = append(rows, sheet.LogRow{Time: h.Time, Who: h.Who(), Item: it.Label(), Action: h.Action, What: h.What()})
	}
	return rows, nil
}

// ExportLedgerWithLog is ExportLedger with a third sheet, 操作记录: every
// recorded change of the exported items and their drafts, oldest first.
func (l *Ledger) ExportLedgerWithLog(path string, f ledger.Filter) (int, error) {
	return l.exportLedger(path, f, true)
}

// errLog wraps an error of reading the 操作记录 for an export.
func errLog(err error) error { return fmt.Errorf("读取操作记录失败，未导出：%w", err) }
