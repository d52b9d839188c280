package store

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"replydesk/internal/ledger"
)

// The ledger (台账): one row per assigned item, keyed by assembly, term,
// session and number. The item is stored as JSON; the columns a query
// selects or sorts by are kept beside it.

// itemRow is an item prepared for storing.
type itemRow struct {
	key     ledger.Key
	kind    string
	status  string
	cat     string
	due     string
	draftID sql.NullInt64
	json    string
}

// encodeItem prepares it for storing. The id and draft link live in their
// own columns only.
func encodeItem(it *ledger.Item) (*itemRow, error) {
	c := it.Clone()
	c.Normalize()
	if c.Number == "" {
		return nil, fmt.Errorf("台账条目“%s”没有编号：请填写编号", c.Title)
	}
	row := &itemRow{key: c.Key(), kind: string(c.Kind), status: string(c.Status), cat: c.Category, due: c.Deadline.ISO()}
	if c.DraftID > 0 {
		row.draftID = sql.NullInt64{Int64: c.DraftID, Valid: true}
	}
	c.ID, c.DraftID, c.Version = 0, 0, 0
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&c); err != nil {
		return nil, fmt.Errorf("台账条目无法保存（%v）", err)
	}
	row.json = strings.TrimSuffix(buf.String(), "\n")
	return row, nil
}

func decodeItem(id, version int64, draft sql.NullInt64, js string) (*ledger.Item, error) {
	it := new(ledger.Item)
	if err := json.Unmarshal([]byte(js), it); err != nil {
		return nil, fmt.Errorf("台账条目（编号 %d）已损坏，无法读取（%v）", id, err)
	}
	it.ID, it.DraftID, it.Version = id, draft.Int64, version
	return it, nil
}

// duplicate is the error of saving an item whose key another item has.
type duplicate struct{ key ledger.Key }

// Error names the key and what to do.
func (e *duplicate) Error() string {
	return fmt.Sprintf("台账中已有%s的条目：同一届次会议的编号不能重复，请核对编号或届次会议", e.key)
}

// missingDraft is the error of linking an item to a draft that is gone.
type missingDraft struct{ id int64 }

// Error names the draft.
func (e *missingDraft) Error() string {
	return fmt.Sprintf("答复草稿（编号 %d）不存在或已被彻底删除，无法与台账条目关联", e.id)
}

// Is makes the error match ErrNotFound.
func (e *missingDraft) Is(target error) bool { return target == ErrNotFound }

// checkDraft fails when the row links a draft that does not exist.
func checkDraft(tx *txn, row *itemRow) error {
	if !row.draftID.Valid {
		return nil
	}
	var one int
	err := tx.QueryRow("SELECT 1 FROM drafts WHERE id = ?", row.draftID.Int64).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return &missingDraft{row.draftID.Int64}
	}
	return err
}

// lookup returns the id of the item with key k, or 0.
func lookup(tx *txn, k ledger.Key) (id int64, content string, err error) {
	err = tx.QueryRow("SELECT id, content FROM ledger_items WHERE assembly = ? AND term = ? AND session = ? AND number = ?",
		k.Assembly, k.Term, k.Session, k.Number).Scan(&id, &content)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	return id, content, err
}

func (s *Store) insertItem(tx *txn, row *itemRow) (int64, error) {
	now := s.now().UnixMilli()
	var id int64
	err := tx.QueryRow(`INSERT INTO ledger_items(kind, assembly, term, session, number, status, category, deadline,
		draft_id, created, updated, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		row.kind, row.key.Assembly, row.key.Term, row.key.Session, row.key.Number, row.status, row.cat, row.due,
		row.draftID, now, now, row.json).Scan(&id)
	return id, err
}

// insertItems adds rows, many per statement.
func (s *Store) insertItems(tx *txn, rows []*itemRow) error {
	const per = 400 // 12 parameters each, well under both databases' limits
	now := s.now().UnixMilli()
	for len(rows) > 0 {
		n := min(per, len(rows))
		q := "INSERT INTO ledger_items(kind, assembly, term, session, number, status, category, deadline, draft_id, created, updated, content) VALUES " +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), ", n), ", ")
		args := make([]any, 0, 12*n)
		for _, row := range rows[:n] {
			args = append(args, row.kind, row.key.Assembly, row.key.Term, row.key.Session, row.key.Number, row.status,
				row.cat, row.due, row.draftID, now, now, row.json)
		}
		if _, err := tx.Exec(q, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// updateItem replaces item id with row. A row without a draft keeps the
// draft the item is linked to.
func (s *Store) updateItem(tx *txn, id int64, row *itemRow) error {
	_, err := tx.Exec(`UPDATE ledger_items SET kind = ?, assembly = ?, term = ?, session = ?, number = ?, status = ?,
		category = ?, deadline = ?, draft_id = coalesce(?, draft_id), updated = ?, content = ?, version = version + 1
		WHERE id = ?`,
		row.kind, row.key.Assembly, row.key.Term, row.key.Session, row.key.Number, row.status, row.cat, row.due,
		row.draftID, s.now().UnixMilli(), row.json, id)
	return err
}

// UpsertItems stores items in one transaction, all or none: an item whose
// assembly, term, session and number are already in the ledger replaces
// it (keeping its draft link unless the item names one), the others are
// added. It returns how many were added and how many existing ones
// changed.
func (s *Store) UpsertItems(items []ledger.Item) (added, updated int, err error) {
	rows := make([]*itemRow, len(items))
	for i := range items {
		if rows[i], err = encodeItem(&items[i]); err != nil {
			return 0, 0, &Error{Op: "导入台账", Path: s.path, Err: err}
		}
	}
	err = s.write("导入台账", func(tx *txn) error {
		added, updated = 0, 0
		if tx.pg {
			// One import at a time: a colleague's import of an
			// overlapping list waits, then finds these items.
			if _, err := tx.Exec("LOCK TABLE ledger_items IN SHARE ROW EXCLUSIVE MODE"); err != nil {
				return err
			}
		}
		// The ledger's keys in one query, the new items in multi-row
		// inserts: 20,000 rows take two round trips per 400, not two each.
		type known struct {
			id   int64
			json string
		}
		have := map[ledger.Key]known{}
		var maxID int64
		q, err := tx.Query("SELECT id, assembly, term, session, number, content FROM ledger_items")
		if err != nil {
			return err
		}
		for q.Next() {
			var k ledger.Key
			var kn known
			if err := q.Scan(&kn.id, &k.Assembly, &k.Term, &k.Session, &k.Number, &kn.json); err != nil {
				q.Close()
				return err
			}
			have[k] = kn
			maxID = max(maxID, kn.id)
		}
		q.Close()
		if err := q.Err(); err != nil {
			return err
		}
		var fresh []*itemRow
		pending := map[ledger.Key]int{} // key → index in fresh
		for _, row := range rows {
			if err := checkDraft(tx, row); err != nil {
				return err
			}
			if i, ok := pending[row.key]; ok {
				if fresh[i].json != row.json {
					updated++
				}
				if !row.draftID.Valid {
					row.draftID = fresh[i].draftID
				}
				fresh[i] = row
				continue
			}
			old, ok := have[row.key]
			switch {
			case !ok:
				pending[row.key] = len(fresh)
				fresh = append(fresh, row)
				added++
			case old.json != row.json || row.draftID.Valid:
				if err := s.updateItem(tx, old.id, row); err != nil {
					return err
				}
				if old.json != row.json {
					updated++
					if err := s.logOp(tx, old.id, row.draftID.Int64, OpImport, diffJSON(old.json, row.json), ""); err != nil {
						return err
					}
				}
				have[row.key] = known{old.id, row.json}
			}
		}
		if err := s.insertItems(tx, fresh); err != nil || len(fresh) == 0 {
			return err
		}
		// The new items' entries in one statement: under the lock (or
		// SQLite's one writer) every id past maxID is this import's.
		_, err = tx.Exec("INSERT INTO oplog(at, operator, item_id, action, detail, origin) SELECT ?, ?, id, ?, '', ? FROM ledger_items WHERE id > ?",
			s.now().UnixMilli(), s.Operator, OpImportNew, s.origin, maxID)
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	return added, updated, nil
}

// SaveItem stores one item: a new one (ID 0) is added and its ID set, an
// existing one replaced. It fails when another item has the same
// assembly, term, session and number, or when the item names a draft that
// does not exist.
func (s *Store) SaveItem(it *ledger.Item) error {
	row, err := encodeItem(it)
	if err != nil {
		return &Error{Op: "保存台账条目", Path: s.path, Err: err}
	}
	if v, err := s.fastSaveItem(it, row); err != errSlowPath {
		if err == nil {
			it.Version = v
		}
		return err
	}
	var newID, newVersion int64
	err = s.write("保存台账条目", func(tx *txn) error {
		if err := checkDraft(tx, row); err != nil {
			return err
		}
		other, _, err := lookup(tx, row.key)
		if err != nil {
			return err
		}
		if other != 0 && other != it.ID {
			return &duplicate{row.key}
		}
		if it.ID == 0 {
			newID, err = s.insertItem(tx, row)
			newVersion = 1
			if err != nil {
				return err
			}
			return s.logOp(tx, newID, row.draftID.Int64, OpCreate, nil, "")
		}
		var cur int64
		var oldJSON string
		var oldDraft sql.NullInt64
		err = tx.QueryRow("SELECT version, content, draft_id FROM ledger_items WHERE id = ?"+tx.forUpdate(), it.ID).Scan(&cur, &oldJSON, &oldDraft)
		if errors.Is(err, sql.ErrNoRows) {
			return &notFound{"台账条目", it.ID}
		}
		if err != nil {
			return err
		}
		if it.Version != 0 && it.Version != cur {
			return &ConflictError{What: "台账条目", ID: it.ID, Base: it.Version, Current: cur}
		}
		_, err = tx.Exec(`UPDATE ledger_items SET kind = ?, assembly = ?, term = ?, session = ?, number = ?,
			status = ?, category = ?, deadline = ?, draft_id = ?, updated = ?, content = ?, version = version + 1
			WHERE id = ?`,
			row.kind, row.key.Assembly, row.key.Term, row.key.Session, row.key.Number, row.status, row.cat,
			row.due, row.draftID, s.now().UnixMilli(), row.json, it.ID)
		newVersion = cur + 1
		if err != nil {
			return err
		}
		if oldJSON != row.json {
			return s.logOp(tx, it.ID, row.draftID.Int64, OpEdit, diffJSON(oldJSON, row.json), "")
		}
		if oldDraft != row.draftID {
			return s.logOp(tx, it.ID, row.draftID.Int64, OpLink, nil, "")
		}
		return nil
	})
	if err == nil {
		if newID != 0 {
			it.ID = newID
		}
		it.Version = newVersion
		if s.db.pg {
			s.seen.put(it.ID, newVersion, row.json, row.draftID)
		}
	}
	return err
}

// Item returns the item of that id.
func (s *Store) Item(id int64) (*ledger.Item, error) {
	return s.oneItem("读取台账条目", "id = ?", id)
}

// ItemOfDraft returns the item linked to draft id, or an error matching
// ErrNotFound when the draft answers no item.
func (s *Store) ItemOfDraft(draftID int64) (*ledger.Item, error) {
	return s.oneItem("读取台账条目", "draft_id = ?", draftID)
}

// ItemByKey returns the item with the assembly, term, session and number
// of k (the number normalized), or an error matching ErrNotFound.
func (s *Store) ItemByKey(k ledger.Key) (*ledger.Item, error) {
	k.Number = ledger.NormalizeNumber(k.Number)
	it, err := s.oneItem("读取台账条目", "assembly = ? AND term = ? AND session = ? AND number = ?",
		k.Assembly, k.Term, k.Session, k.Number)
	if errors.Is(err, ErrNotFound) {
		return nil, &missingKey{k}
	}
	return it, err
}

// missingKey is the error of looking up an item that is not in the ledger.
type missingKey struct{ key ledger.Key }

// Error names the key.
func (e *missingKey) Error() string { return "台账中没有" + e.key.String() + "的条目" }

// Is makes the error match ErrNotFound.
func (e *missingKey) Is(target error) bool { return target == ErrNotFound }

func (s *Store) oneItem(op, where string, args ...any) (*ledger.Item, error) {
	var id, version int64
	var draft sql.NullInt64
	var js string
	err := s.db.QueryRow("SELECT id, version, draft_id, content FROM ledger_items WHERE "+where+" ORDER BY id LIMIT 1", args...).
		Scan(&id, &version, &draft, &js)
	if errors.Is(err, sql.ErrNoRows) {
		var n int64
		if len(args) == 1 {
			n, _ = args[0].(int64)
		}
		return nil, &notFound{"台账条目", n}
	}
	if err != nil {
		return nil, s.fail(op, err)
	}
	it, err := decodeItem(id, version, draft, js)
	if err != nil {
		return nil, &Error{Op: op, Path: s.path, Err: err}
	}
	if s.db.pg {
		s.seen.put(id, version, js, draft)
	}
	return it, nil
}

// LinkDraft links item itemID to draft draftID (0: unlinks it).
func (s *Store) LinkDraft(itemID, draftID int64) error {
	return s.write("关联答复草稿", func(tx *txn) error {
		row := &itemRow{draftID: sql.NullInt64{Int64: draftID, Valid: draftID > 0}}
		if err := checkDraft(tx, row); err != nil {
			return err
		}
		res, err := tx.Exec("UPDATE ledger_items SET draft_id = ?, updated = ?, version = version + 1 WHERE id = ?",
			row.draftID, s.now().UnixMilli(), itemID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &notFound{"台账条目", itemID}
		}
		return s.logOp(tx, itemID, draftID, OpLink, nil, "")
	})
}

// DeleteItem removes item id from the ledger for good; its reply draft
// stays.
func (s *Store) DeleteItem(id int64) error {
	return s.write("删除台账条目", func(tx *txn) error {
		var js string
		err := tx.QueryRow("SELECT content FROM ledger_items WHERE id = ?", id).Scan(&js)
		if errors.Is(err, sql.ErrNoRows) {
			return &notFound{"台账条目", id}
		}
		if err != nil {
			return err
		}
		if _, err := tx.Exec("DELETE FROM ledger_items WHERE id = ?", id); err != nil {
			return err
		}
		label := ""
		if it, err := decodeItem(id, 0, sql.NullInt64{}, js); err == nil {
			label = it.Label() + "：" + it.Title
		}
		return s.logOp(tx, id, 0, OpDelete, nil, label)
	})
}

// Items returns the items that pass f, earliest deadline first (items
// without a deadline last, ties by number). Statuses, kinds and
// categories are selected by the database; the other conditions in Go.
func (s *Store) Items(f ledger.Filter) ([]ledger.Item, error) {
	q := "SELECT id, version, draft_id, content FROM ledger_items WHERE 1 = 1"
	var args []any
	in := func(col string, vals []string) {
		if len(vals) == 0 {
			return
		}
		q += " AND " + col + " IN (?" + strings.Repeat(", ?", len(vals)-1) + ")"
		for _, v := range vals {
			args = append(args, v)
		}
	}
	in("status", strs(f.Statuses))
	in("kind", strs(f.Kinds))
	in("category", f.Categories)
	// In the order of their ids, which needs no sorting of the rows: the
	// stable sort below orders by deadline and number, ties by id as
	// before.
	rows, err := s.db.Query(q+" ORDER BY id", args...)
	if err != nil {
		return nil, s.fail("读取台账", err)
	}
	defer rows.Close()
	var stored []storedItem
	for rows.Next() {
		var r storedItem
		if err := rows.Scan(&r.id, &r.version, &r.draft, &r.js); err != nil {
			return nil, s.fail("读取台账", err)
		}
		stored = append(stored, r)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("读取台账", err)
	}
	out, err := decodeItems(stored)
	if err != nil {
		return nil, &Error{Op: "读取台账", Path: s.path, Err: err}
	}
	out = f.Apply(out)
	ledger.Sort(out, ledger.ByDeadline, false)
	return out, nil
}

// diffJSON returns the fields that differ between two stored items.
func diffJSON(from, to string) []ledger.Change {
	if from == to {
		return nil
	}
	a, err1 := decodeItem(0, 0, sql.NullInt64{}, from)
	b, err2 := decodeItem(0, 0, sql.NullInt64{}, to)
	if err1 != nil || err2 != nil {
		return nil
	}
	return ledger.Diff(a, b)
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
