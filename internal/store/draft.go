package store

import (
	"bytes"
	"database/sql"
	"database/sql/driver"
	"errors"
	"strings"
	"time"

	"modernc.org/sqlite"

	"replydesk/internal/reply"
)

// Draft is a reply being written, as stored.
type Draft struct {
	ID      int64
	Reply   reply.Reply
	Created time.Time
	Updated time.Time // last save that changed the content
	Deleted time.Time // when it was moved to the trash; zero = not in the trash
	Title   string    // derived display title, e.g. "第244号提案 董妍：关于…"
	Version int64     // 1 when created, one more with each save that changes it
	// File is the reply file the draft was opened from or saved to
	// (absolute), "" when none; FileHash is the SHA-256 of its bytes then,
	// nil when not known. See SetDraftFile.
	File     string
	FileHash []byte
}

// DraftSummary is a draft as a list shows it, without its text.
type DraftSummary struct {
	ID        int64
	Title     string // derived display title
	Kind      reply.Kind
	Number    string
	Proposers string // joined with 、
	ItemTitle string
	Issuer    string
	Created   time.Time
	Updated   time.Time
	Deleted   time.Time // zero unless in the trash
	File      string    // the reply file the draft holds, "" when none
}

// CreateDraft stores r as a new draft and returns its id. Its first
// revision is a checkpoint labelled "新建".
func (s *Store) CreateDraft(r *reply.Reply) (int64, error) {
	c, err := encode(r)
	if err != nil {
		return 0, &Error{Op: "新建草稿", Path: s.path, Err: err}
	}
	var id int64
	err = s.write("新建草稿", func(tx *txn) error {
		now := s.now().UnixMilli()
		err := tx.QueryRow(`INSERT INTO drafts(kind, number, proposers, item_title, issuer, title,
			created, updated, hash, search, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			c.cols.kind, c.cols.number, c.cols.proposers, c.cols.itemTitle, c.cols.issuer, c.title,
			now, now, c.hash, c.search, string(c.json)).Scan(&id)
		if err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT INTO revisions(draft_id, created, saved, checkpoint, label, summary, hash, content)
			VALUES (?, ?, ?, 1, '新建', ?, ?, ?)`, id, now, now, summarize(nil, r), c.hash, string(c.json))
		if err != nil {
			return err
		}
		return s.logOp(tx, 0, id, OpNewDraft, nil, c.title)
	})
	return id, err
}

// SaveDraft stores r as the content of draft id; it is what autosave
// calls. A save that changes nothing writes nothing. A save that changes
// the content updates the draft and its latest revision in place, or
// starts a new revision when the latest is a checkpoint or older than
// Coalesce. It fails with ErrNotFound or ErrTrashed.
//
// SaveDraft saves whatever version is stored; a window that may share the
// draft with colleagues saves with SaveDraftVersion instead.
func (s *Store) SaveDraft(id int64, r *reply.Reply) error {
	_, err := s.SaveDraftVersion(id, 0, r)
	return err
}

// SaveDraftVersion is SaveDraft for content edited from version base of
// the draft (Draft.Version): when the stored draft has moved past base
// (a colleague saved in the meantime), nothing is written and the error
// is a *ConflictError. base 0 skips the check. It returns the draft's
// version after the save (base itself when nothing changed).
func (s *Store) SaveDraftVersion(id, base int64, r *reply.Reply) (int64, error) {
	c, err := encode(r)
	if err != nil {
		return 0, &Error{Op: "保存草稿", Path: s.path, Err: err}
	}
	var version int64
	err = s.write("保存草稿", func(tx *txn) error {
		hash, v, err := liveDraft(tx, id)
		if err != nil {
			return err
		}
		version = v
		if base != 0 && v != base {
			return &ConflictError{What: "草稿", ID: id, Base: base, Current: v}
		}
		if bytes.Equal(hash, c.hash) {
			return errUnchanged
		}
		now := s.now()
		if err := setContent(tx, id, c, now); err != nil {
			return err
		}
		version = v + 1
		summary, inPlace, err := s.addRevision(tx, id, r, c, now)
		if err != nil {
			return err
		}
		if inPlace {
			return s.touchDraftOp(tx, id, summary)
		}
		return s.logOp(tx, 0, id, OpSaveDraft, nil, summary)
	})
	if err != nil {
		return 0, err
	}
	return version, nil
}

// liveHash returns the content hash of draft id, which must exist and not
// be in the trash.
func liveHash(tx *txn, id int64) ([]byte, error) {
	hash, _, err := liveDraft(tx, id)
	return hash, err
}

// liveDraft returns the content hash and version of draft id, which must
// exist and not be in the trash, and locks its row until tx ends.
func liveDraft(tx *txn, id int64) ([]byte, int64, error) {
	var hash []byte
	var version int64
	var deleted sql.NullInt64
	err := tx.QueryRow("SELECT hash, version, deleted FROM drafts WHERE id = ?"+tx.forUpdate(), id).Scan(&hash, &version, &deleted)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, &notFound{"草稿", id}
	}
	if err != nil {
		return nil, 0, err
	}
	if deleted.Valid {
		return nil, 0, &trashed{id}
	}
	return hash, version, nil
}

// setContent replaces the content of draft id.
func setContent(tx *txn, id int64, c *content, now time.Time) error {
	_, err := tx.Exec(`UPDATE drafts SET kind = ?, number = ?, proposers = ?, item_title = ?, issuer = ?,
		title = ?, updated = ?, hash = ?, search = ?, content = ?, version = version + 1 WHERE id = ?`,
		c.cols.kind, c.cols.number, c.cols.proposers, c.cols.itemTitle, c.cols.issuer,
		c.title, now.UnixMilli(), c.hash, c.search, string(c.json), id)
	return err
}

// Draft returns draft id, also when it is in the trash.
func (s *Store) Draft(id int64) (*Draft, error) {
	var d Draft
	var created, updated int64
	var deleted sql.NullInt64
	var js string
	err := s.db.QueryRow("SELECT id, title, created, updated, deleted, version, content, file, file_hash FROM drafts WHERE id = ?", id).
		Scan(&d.ID, &d.Title, &created, &updated, &deleted, &d.Version, &js, &d.File, &d.FileHash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &notFound{"草稿", id}
	}
	if err != nil {
		return nil, s.fail("读取草稿", err)
	}
	r, err := decode(js)
	if err != nil {
		return nil, &Error{Op: "读取草稿", Path: s.path, Err: err}
	}
	d.Reply = *r
	d.Created, d.Updated, d.Deleted = fromMilli(created), fromMilli(updated), fromNull(deleted)
	return &d, nil
}

const summaryColumns = "id, title, kind, number, proposers, item_title, issuer, created, updated, deleted, file"

// ListDrafts returns the drafts not in the trash, most recently changed
// first, at most limit of them (limit ≤ 0: all). A non-empty query keeps
// the drafts whose number, item title, proposers, title, units or text
// contain every space-separated word of it; full-width and half-width
// characters and letter case do not matter.
func (s *Store) ListDrafts(query string, limit int) ([]DraftSummary, error) {
	if registerErr != nil && !s.db.pg {
		return nil, s.fail("查找草稿", registerErr)
	}
	q := "SELECT " + summaryColumns + " FROM drafts WHERE deleted IS NULL"
	var args []any
	if words := strings.Fields(fold(query)); len(words) > 0 {
		if s.db.pg {
			q += strings.Repeat(" AND strpos(search, ?) > 0", len(words))
		} else {
			q += " AND " + containsFunc + "(search" + strings.Repeat(", ?", len(words)) + ")"
		}
		for _, w := range words {
			args = append(args, w)
		}
	}
	q += " ORDER BY updated DESC, id DESC LIMIT ?"
	return s.summaries("查找草稿", q, append(args, sqlLimit(limit))...)
}

// Trash returns the drafts in the trash, most recently deleted first, at
// most limit of them (limit ≤ 0: all).
func (s *Store) Trash(limit int) ([]DraftSummary, error) {
	return s.summaries("读取回收站", "SELECT "+summaryColumns+
		" FROM drafts WHERE deleted IS NOT NULL ORDER BY deleted DESC, id DESC LIMIT ?", sqlLimit(limit))
}

func sqlLimit(limit int) int {
	if limit <= 0 {
		return 1 << 62 // no limit, in words both databases take
	}
	return limit
}

func (s *Store) summaries(op, q string, args ...any) ([]DraftSummary, error) {
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, s.fail(op, err)
	}
	defer rows.Close()
	var out []DraftSummary
	for rows.Next() {
		var d DraftSummary
		var kind string
		var created, updated int64
		var deleted sql.NullInt64
		if err := rows.Scan(&d.ID, &d.Title, &kind, &d.Number, &d.Proposers, &d.ItemTitle, &d.Issuer,
			&created, &updated, &deleted, &d.File); err != nil {
			return nil, s.fail(op, err)
		}
		d.Kind = reply.Kind(kind)
		d.Created, d.Updated, d.Deleted = fromMilli(created), fromMilli(updated), fromNull(deleted)
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail(op, err)
	}
	return out, nil
}

// DeleteDraft moves draft id to the trash, with its revisions; RestoreDraft
// brings it back. Deleting a draft already in the trash does nothing.
func (s *Store) DeleteDraft(id int64) error {
	return s.write("删除草稿", func(tx *txn) error {
		return s.trashState(tx, id, OpTrash, "UPDATE drafts SET deleted = ? WHERE id = ? AND deleted IS NULL", s.now().UnixMilli())
	})
}

// RestoreDraft takes draft id out of the trash.
func (s *Store) RestoreDraft(id int64) error {
	return s.write("恢复草稿", func(tx *txn) error {
		return s.trashState(tx, id, OpUntrash, "UPDATE drafts SET deleted = NULL WHERE id = ? AND deleted IS NOT NULL")
	})
}

// trashState runs an update of draft id's deleted column; args come before
// the id. It fails when the draft does not exist. A change is recorded as
// action.
func (s *Store) trashState(tx *txn, id int64, action, q string, args ...any) error {
	var one int
	if err := tx.QueryRow("SELECT 1 FROM drafts WHERE id = ?", id).Scan(&one); errors.Is(err, sql.ErrNoRows) {
		return &notFound{"草稿", id}
	} else if err != nil {
		return err
	}
	res, err := tx.Exec(q, append(args, id)...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	return s.logOp(tx, 0, id, action, nil, "")
}

// PurgeDraft deletes draft id and its revisions for good. The draft must
// be in the trash, so that nothing is lost by one wrong click.
func (s *Store) PurgeDraft(id int64) error {
	return s.write("彻底删除草稿", func(tx *txn) error {
		if _, err := liveHash(tx, id); err == nil {
			return errors.New("草稿须先移入回收站，才能彻底删除")
		} else if !errors.Is(err, ErrTrashed) {
			return err
		}
		var title string
		if err := tx.QueryRow("SELECT title FROM drafts WHERE id = ?", id).Scan(&title); err != nil {
			return err
		}
		if _, err := tx.Exec("DELETE FROM drafts WHERE id = ?", id); err != nil {
			return err
		}
		return s.logOp(tx, 0, id, OpPurge, nil, title)
	})
}

// EmptyTrash deletes for good the drafts moved to the trash before the
// given time (zero: all of them) and returns how many.
func (s *Store) EmptyTrash(before time.Time) (int, error) {
	limit := int64(1<<63 - 1)
	if !before.IsZero() {
		limit = before.UnixMilli()
	}
	var n int64
	err := s.write("清空回收站", func(tx *txn) error {
		if _, err := tx.Exec(`INSERT INTO oplog(at, operator, draft_id, action, detail, origin)
			SELECT ?, ?, id, ?, title, ? FROM drafts WHERE deleted IS NOT NULL AND deleted < ?`,
			s.now().UnixMilli(), s.Operator, OpPurge, s.origin, limit); err != nil {
			return err
		}
		res, err := tx.Exec("DELETE FROM drafts WHERE deleted IS NOT NULL AND deleted < ?", limit)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

func fromMilli(ms int64) time.Time { return time.UnixMilli(ms) }

func fromNull(ms sql.NullInt64) time.Time {
	if !ms.Valid {
		return time.Time{}
	}
	return time.UnixMilli(ms.Int64)
}

// containsFunc is the SQL function ListDrafts filters with:
// replydesk_contains(text, word...) is true when text contains every word.
// It runs in Go, about three times faster than SQLite's instr() in the
// pure-Go SQLite build (13 ms instead of 35 ms for 2,000 seed-size drafts).
const containsFunc = "replydesk_contains"

// registerErr is the error of registering containsFunc, if any.
var registerErr = sqlite.RegisterFunction(containsFunc, &sqlite.FunctionImpl{
	NArgs:         -1,
	Deterministic: true,
	VolatileArgs:  true, // the arguments are not kept past the call
	Scalar: func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		text, _ := args[0].(string)
		for _, w := range args[1:] {
			if w, _ := w.(string); !strings.Contains(text, w) {
				return false, nil
			}
		}
		return true, nil
	},
})
