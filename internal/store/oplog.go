package store

import (
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"replydesk/internal/ledger"
)

// The 操作记录: every change of a ledger item or a draft is recorded in
// the transaction that makes it, with the operator (Store.Operator), the
// server's login user (PostgreSQL fills it in) and the time. A failed
// change leaves no record; a record never lacks its change.

// Actions recorded in the 操作记录.
const (
	OpCreate     = "新建"
	OpEdit       = "修改"
	OpImport     = "导入"
	OpImportNew  = "导入新增"
	OpLink       = "关联草稿"
	OpDelete     = "删除"
	OpCopy       = "从本机复制"
	OpNewDraft   = "新建草稿"
	OpSaveDraft  = "保存草稿"
	OpCheckpoint = "保存版本"
	OpRestoreRev = "恢复历史版本"
	OpTrash      = "移入回收站"
	OpUntrash    = "从回收站恢复"
	OpPurge      = "彻底删除草稿"
)

// LogEntry is one entry of the 操作记录.
type LogEntry struct {
	ID       int64
	Time     time.Time
	Operator string // the clerk's name from the settings
	DBUser   string // the server's login user; "" in a database file
	ItemID   int64  // the ledger item changed; 0 for a draft's entry
	DraftID  int64  // the draft changed or linked; 0 if none
	Action   string // one of the Op… constants
	// Changes are the item's fields that changed, in the order of
	// ledger.Fields (for 修改 and 导入).
	Changes []ledger.Change
	// Summary describes a change that has no field list, e.g. a draft's
	// "改动：正文、成文日期（正文3512字）" or a checkpoint's label.
	Summary string
	// Mine: written by this store (this program's session).
	Mine bool
}

// logOp records one change in tx.
func (s *Store) logOp(tx *txn, itemID, draftID int64, action string, changes []ledger.Change, summary string) error {
	_, err := tx.Exec("INSERT INTO oplog(at, operator, item_id, draft_id, action, detail, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
		s.now().UnixMilli(), s.Operator, nullID(itemID), nullID(draftID), action, detail(changes, summary), s.origin)
	return err
}

// touchDraftOp records an autosave that was coalesced into the draft's
// latest revision: the draft's latest entry, when it is this program's
// 保存草稿, is replaced by a new one (a new id, so that watchers reading
// the record's new entries see the save).
func (s *Store) touchDraftOp(tx *txn, draftID int64, summary string) error {
	if _, err := tx.Exec(`DELETE FROM oplog WHERE id = (SELECT max(id) FROM oplog WHERE draft_id = ?)
		AND action = ? AND origin = ? AND operator = ?`, draftID, OpSaveDraft, s.origin, s.Operator); err != nil {
		return err
	}
	return s.logOp(tx, 0, draftID, OpSaveDraft, nil, summary)
}

func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// detail is the stored form of an entry's changes or summary.
func detail(changes []ledger.Change, summary string) string {
	if len(changes) == 0 {
		return summary
	}
	b, err := json.Marshal(changes)
	if err != nil {
		return summary
	}
	return string(b)
}

const logColumns = "id, at, operator, db_user, item_id, draft_id, action, detail, origin"

// ItemHistory returns the 操作记录 of ledger item id, oldest first: its
// own entries and those of the draft linked to it.
func (s *Store) ItemHistory(id int64) ([]LogEntry, error) {
	return s.logEntries("读取操作记录", "SELECT "+logColumns+` FROM oplog WHERE item_id = ?1
		OR draft_id IN (SELECT draft_id FROM ledger_items WHERE id = ?1 AND draft_id IS NOT NULL) ORDER BY id`, id)
}

// DraftHistory returns the 操作记录 of draft id, oldest first.
func (s *Store) DraftHistory(id int64) ([]LogEntry, error) {
	return s.logEntries("读取操作记录", "SELECT "+logColumns+" FROM oplog WHERE draft_id = ? ORDER BY id", id)
}

// OpLog returns the whole 操作记录 since the given time (zero: all of
// it), oldest first.
func (s *Store) OpLog(since time.Time) ([]LogEntry, error) {
	var from int64
	if !since.IsZero() {
		from = since.UnixMilli()
	}
	return s.logEntries("读取操作记录", "SELECT "+logColumns+" FROM oplog WHERE at >= ? ORDER BY id", from)
}

// LastChanges returns, by item id, the latest entry of each ledger
// item's own 操作记录: who changed it last, and when.
func (s *Store) LastChanges() (map[int64]LogEntry, error) {
	list, err := s.logEntries("读取操作记录", "SELECT "+logColumns+
		" FROM oplog WHERE id IN (SELECT max(id) FROM oplog WHERE item_id IS NOT NULL GROUP BY item_id)")
	if err != nil {
		return nil, err
	}
	out := make(map[int64]LogEntry, len(list))
	for _, e := range list {
		out[e.ItemID] = e
	}
	return out, nil
}

func (s *Store) logEntries(op, q string, args ...any) ([]LogEntry, error) {
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, s.fail(op, err)
	}
	defer rows.Close()
	var out []LogEntry
	for rows.Next() {
		var e LogEntry
		var at int64
		var item, draft sql.NullInt64
		var det, origin string
		if err := rows.Scan(&e.ID, &at, &e.Operator, &e.DBUser, &item, &draft, &e.Action, &det, &origin); err != nil {
			return nil, s.fail(op, err)
		}
		e.Time, e.ItemID, e.DraftID, e.Mine = fromMilli(at), item.Int64, draft.Int64, origin == s.origin
		if strings.HasPrefix(det, "[") && json.Unmarshal([]byte(det), &e.Changes) == nil {
			det = ""
		}
		e.Summary = det
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail(op, err)
	}
	return out, nil
}
