package store

import (
	"bytes"
	"database/sql"
	"errors"
	"time"

	"replydesk/internal/reply"
)

// Revision is one entry of a draft's history. The latest revision always
// holds the draft's current content.
type Revision struct {
	ID         int64
	DraftID    int64
	Started    time.Time // the first save coalesced into it
	Time       time.Time // the last save coalesced into it: the time of its content
	Label      string    // "" for autosaves; "新建", a Checkpoint label, "恢复为…的版本"
	Checkpoint bool      // kept forever and never updated in place
	Summary    string    // e.g. "改动：正文、成文日期（正文3512字）"
}

// Default revision policy.
const (
	defaultCoalesce     = 60 * time.Second
	defaultMaxRevisions = 200
)

// addRevision records content c (the reply r) of draft id, saved at now:
// in place into the latest revision while it is an autosave younger than
// Coalesce, else as a new revision. It returns the revision's summary and
// whether it was updated in place.
func (s *Store) addRevision(tx *txn, id int64, r *reply.Reply, c *content, now time.Time) (string, bool, error) {
	var revID, started int64
	var checkpoint bool
	err := tx.QueryRow("SELECT id, created, checkpoint FROM revisions WHERE draft_id = ? ORDER BY id DESC LIMIT 1", id).
		Scan(&revID, &started, &checkpoint)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", false, err
	}
	coalesce := s.Coalesce
	if coalesce <= 0 {
		coalesce = defaultCoalesce
	}
	age := now.Sub(fromMilli(started))
	if err == nil && !checkpoint && age >= 0 && age < coalesce {
		prev, err := revisionBefore(tx, id, revID)
		if err != nil {
			return "", false, err
		}
		sum := summarize(prev, r)
		_, err = tx.Exec("UPDATE revisions SET saved = ?, summary = ?, hash = ?, content = ? WHERE id = ?",
			now.UnixMilli(), sum, c.hash, string(c.json), revID)
		return sum, true, err
	}
	sum, err := s.insertRevision(tx, id, r, c, now, "", false)
	return sum, false, err
}

// insertRevision appends a revision and prunes the oldest autosaves. It
// returns the revision's summary.
func (s *Store) insertRevision(tx *txn, id int64, r *reply.Reply, c *content, now time.Time, label string, checkpoint bool) (string, error) {
	prev, err := revisionBefore(tx, id, 1<<62)
	if err != nil {
		return "", err
	}
	ms := now.UnixMilli()
	sum := summarize(prev, r)
	_, err = tx.Exec(`INSERT INTO revisions(draft_id, created, saved, checkpoint, label, summary, hash, content)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, ms, ms, b2i(checkpoint), label, sum, c.hash, string(c.json))
	if err != nil {
		return "", err
	}
	keep := s.MaxRevisions
	if keep <= 0 {
		keep = defaultMaxRevisions
	}
	// Delete the autosaves older than the keep-th newest revision.
	_, err = tx.Exec(`DELETE FROM revisions WHERE draft_id = ?1 AND checkpoint = 0 AND id <
		(SELECT id FROM revisions WHERE draft_id = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)`, id, keep-1)
	return sum, err
}

// revisionBefore returns the content of draft id's newest revision older
// than revision rev, or nil if there is none.
func revisionBefore(tx *txn, id, rev int64) (*reply.Reply, error) {
	var js string
	err := tx.QueryRow("SELECT content FROM revisions WHERE draft_id = ? AND id < ? ORDER BY id DESC LIMIT 1", id, rev).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return decode(js)
}

// Checkpoint marks the current content of draft id as a revision to keep,
// e.g. on export or an explicit save; label says why ("" means "手动保存").
// The next autosave then starts a new revision. A checkpoint of content
// that already is the latest checkpoint with the same label does nothing.
func (s *Store) Checkpoint(id int64, label string) error {
	if label == "" {
		label = "手动保存"
	}
	return s.write("保存版本", func(tx *txn) error {
		hash, err := liveHash(tx, id)
		if err != nil {
			return err
		}
		var revID int64
		var revHash []byte
		var checkpoint bool
		var revLabel string
		err = tx.QueryRow("SELECT id, hash, checkpoint, label FROM revisions WHERE draft_id = ? ORDER BY id DESC LIMIT 1", id).
			Scan(&revID, &revHash, &checkpoint, &revLabel)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		now := s.now()
		same := err == nil && bytes.Equal(hash, revHash)
		switch {
		case same && checkpoint && revLabel == label:
			return errUnchanged
		case same && !checkpoint:
			_, err = tx.Exec("UPDATE revisions SET checkpoint = 1, label = ?, saved = ? WHERE id = ?", label, now.UnixMilli(), revID)
			if err != nil {
				return err
			}
			return s.logOp(tx, 0, id, OpCheckpoint, nil, label)
		}
		d, c, err := current(tx, id)
		if err != nil {
			return err
		}
		if _, err := s.insertRevision(tx, id, d, c, now, label, true); err != nil {
			return err
		}
		return s.logOp(tx, 0, id, OpCheckpoint, nil, label)
	})
}

// current returns the stored content of draft id.
func current(tx *txn, id int64) (*reply.Reply, *content, error) {
	var js string
	if err := tx.QueryRow("SELECT content FROM drafts WHERE id = ?", id).Scan(&js); err != nil {
		return nil, nil, err
	}
	r, err := decode(js)
	if err != nil {
		return nil, nil, err
	}
	c, err := encode(r)
	return r, c, err
}

// Revisions returns the history of draft id, newest first.
func (s *Store) Revisions(id int64) ([]Revision, error) {
	const op = "读取历史版本"
	rows, err := s.db.Query(`SELECT id, draft_id, created, saved, label, checkpoint, summary
		FROM revisions WHERE draft_id = ? ORDER BY id DESC`, id)
	if err != nil {
		return nil, s.fail(op, err)
	}
	defer rows.Close()
	var out []Revision
	for rows.Next() {
		var r Revision
		var started, saved int64
		if err := rows.Scan(&r.ID, &r.DraftID, &started, &saved, &r.Label, &r.Checkpoint, &r.Summary); err != nil {
			return nil, s.fail(op, err)
		}
		r.Started, r.Time = fromMilli(started), fromMilli(saved)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail(op, err)
	}
	if len(out) == 0 {
		if _, err := s.Draft(id); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Revision returns the content of revision revID.
func (s *Store) Revision(revID int64) (*reply.Reply, error) {
	var js string
	err := s.db.QueryRow("SELECT content FROM revisions WHERE id = ?", revID).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &notFound{"历史版本", revID}
	}
	if err != nil {
		return nil, s.fail("读取历史版本", err)
	}
	r, err := decode(js)
	if err != nil {
		return nil, &Error{Op: "读取历史版本", Path: s.path, Err: err}
	}
	return r, nil
}

// RestoreRevision makes the content of revision revID the current content
// of draft draftID and records that as a new checkpoint revision labelled
// "恢复为<time>的版本", so the content replaced stays in the history and
// the restore can itself be undone. Restoring the current content does
// nothing.
func (s *Store) RestoreRevision(draftID, revID int64) error {
	return s.write("恢复历史版本", func(tx *txn) error {
		hash, err := liveHash(tx, draftID)
		if err != nil {
			return err
		}
		var owner, saved int64
		var js string
		err = tx.QueryRow("SELECT draft_id, saved, content FROM revisions WHERE id = ?", revID).Scan(&owner, &saved, &js)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && owner != draftID) {
			return &notFound{"历史版本", revID}
		}
		if err != nil {
			return err
		}
		r, err := decode(js)
		if err != nil {
			return err
		}
		c, err := encode(r)
		if err != nil {
			return err
		}
		if bytes.Equal(c.hash, hash) {
			return errUnchanged
		}
		now := s.now()
		if err := setContent(tx, draftID, c, now); err != nil {
			return err
		}
		label := "恢复为" + fromMilli(saved).Format("2006-01-02 15:04:05") + "的版本"
		if _, err := s.insertRevision(tx, draftID, r, c, now, label, true); err != nil {
			return err
		}
		return s.logOp(tx, 0, draftID, OpRestoreRev, nil, label)
	})
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
