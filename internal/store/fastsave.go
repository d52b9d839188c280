package store

import (
	"database/sql"
	"errors"
	"sync"

	"github.com/jackc/pgx/v5/pgconn"

	"replydesk/internal/ledger"
)

// Saving an item on a server in one round trip. The ordinary save is a
// transaction of five or six statements (begin, draft check, key check,
// read and lock the row, update, record, commit), each a round trip to
// the server, and it holds the row's lock across them. When the store
// knows the item's content at the version the caller edited (it read
// the item; (id, version) names one content for good, since every change
// bumps the version), the save is one statement instead: the update
// guarded by the version and the 操作记录 entry, in a data-modifying CTE
// (atomic on its own, no BEGIN/COMMIT), the change list computed here
// against the known content. A refused save costs one more round trip to
// tell a conflict from a missing item.

// seenItems caches the stored content of items by id and version.
type seenItems struct {
	mu sync.Mutex
	m  map[int64]seenItem
}

type seenItem struct {
	version int64
	json    string
	draft   sql.NullInt64
}

// maxSeen bounds the cache; a full cache is emptied (the next save of an
// item not seen again takes the ordinary path).
const maxSeen = 4096

func (c *seenItems) put(id, version int64, js string, draft sql.NullInt64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxSeen {
		c.m = map[int64]seenItem{}
	}
	c.m[id] = seenItem{version, js, draft}
}

func (c *seenItems) get(id, version int64) (seenItem, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[id]
	return e, ok && e.version == version
}

// errSlowPath sends a save to the ordinary transaction.
var errSlowPath = errors.New("slow path")

// fastSaveItem is SaveItem's one-statement save on a server; it returns
// errSlowPath when it cannot be used.
func (s *Store) fastSaveItem(it *ledger.Item, row *itemRow) (int64, error) {
	if !s.db.pg || s.readOnly || it.ID == 0 || it.Version == 0 {
		return 0, errSlowPath
	}
	old, ok := s.seen.get(it.ID, it.Version)
	if !ok {
		return 0, errSlowPath
	}
	action, changes := "", []ledger.Change(nil)
	switch {
	case old.json != row.json:
		action, changes = OpEdit, diffJSON(old.json, row.json)
	case old.draft != row.draftID:
		action = OpLink
	}
	args := []any{row.kind, row.key.Assembly, row.key.Term, row.key.Session, row.key.Number, row.status, row.cat,
		row.due, row.draftID, s.now().UnixMilli(), row.json, it.ID, it.Version}
	q := `WITH u AS (UPDATE ledger_items SET kind = $1, assembly = $2, term = $3, session = $4, number = $5,
		status = $6, category = $7, deadline = $8, draft_id = $9, updated = $10, content = $11, version = version + 1
		WHERE id = $12 AND version = $13 RETURNING version)`
	if action != "" {
		q += `, l AS (INSERT INTO oplog(at, operator, item_id, draft_id, action, detail, origin)
			SELECT $10, $14, $12, $9, $15, $16, $17 FROM u)`
		args = append(args, s.Operator, action, detail(changes, ""), s.origin)
	}
	var v int64
	err := s.db.QueryRow(q+" SELECT version FROM u", args...).Scan(&v)
	switch {
	case err == nil:
		s.seen.put(it.ID, v, row.json, row.draftID)
		s.committed()
		return v, nil
	case errors.Is(err, sql.ErrNoRows):
		var cur int64
		err := s.db.QueryRow("SELECT version FROM ledger_items WHERE id = ?", it.ID).Scan(&cur)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, &notFound{"台账条目", it.ID}
		}
		if err != nil {
			return 0, s.fail("保存台账条目", err)
		}
		return 0, &ConflictError{What: "台账条目", ID: it.ID, Base: it.Version, Current: cur}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return 0, &Error{Op: "保存台账条目", Path: s.path, Err: &duplicate{row.key}}
		case "23503":
			return 0, &Error{Op: "保存台账条目", Path: s.path, Err: &missingDraft{row.draftID.Int64}}
		}
	}
	return 0, s.fail("保存台账条目", err)
}
