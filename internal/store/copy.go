package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
)

// CopyCounts says what Copy did.
type CopyCounts struct {
	DraftsAdded, DraftsKept int // new on the target; copied before, left alone
	Revisions               int // revisions of the added drafts
	ItemsAdded, ItemsKept   int // new on the target; already there (the target's kept)
}

// String reports the counts in Chinese.
func (c CopyCounts) String() string {
	return fmt.Sprintf("草稿：新增 %d 份，此前已复制 %d 份（未改动）；历史版本：%d 条；台账条目：新增 %d 条，目标中已有 %d 条（保留目标中的内容）",
		c.DraftsAdded, c.DraftsKept, c.Revisions, c.ItemsAdded, c.ItemsKept)
}

// srcDraft is a draft read for copying, with its revisions.
type srcDraft struct {
	id                                                int64
	kind, number, proposers, itemTitle, issuer, title string
	created, updated                                  int64
	deleted                                           sql.NullInt64
	hash                                              []byte
	search, content                                   string
	origin                                            string
	revs                                              []srcRevision
}

type srcRevision struct {
	created, saved int64
	checkpoint     int
	label, summary string
	hash           []byte
	content        string
}

type srcItem struct {
	kind, assembly           string
	term, session            int
	number, status, cat, due string
	draftID                  sql.NullInt64
	created, updated         int64
	content                  string
}

// Copy copies the drafts (with their history, also those in the trash)
// and the ledger of src into dst, in one transaction of dst: all of it or
// nothing. Copying again adds nothing: a draft copied before is known by
// its origin (when it was created and its first content), an item by its
// assembly, term, session and number; items already in dst are kept as
// they are there (a colleague may have changed them), only linked to the
// copied draft when they have none. Settings are not copied.
func Copy(dst, src *Store) (CopyCounts, error) {
	const op = "复制台账"
	var c CopyCounts
	drafts, items, err := src.readAll()
	if err != nil {
		return c, src.fail(op, err)
	}
	err = dst.write(op, func(tx *txn) error {
		c = CopyCounts{}
		if tx.pg {
			if _, err := tx.Exec("LOCK TABLE ledger_items IN SHARE ROW EXCLUSIVE MODE"); err != nil {
				return err
			}
		}
		ids := map[int64]int64{} // src draft id → dst draft id
		for i := range drafts {
			d := &drafts[i]
			var id int64
			err := tx.QueryRow("SELECT id FROM drafts WHERE origin = ? ORDER BY id LIMIT 1", d.origin).Scan(&id)
			if err == nil {
				ids[d.id] = id
				c.DraftsKept++
				continue
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if err := tx.QueryRow(`INSERT INTO drafts(kind, number, proposers, item_title, issuer, title,
				created, updated, deleted, hash, search, content, origin)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				d.kind, d.number, d.proposers, d.itemTitle, d.issuer, d.title, d.created, d.updated, d.deleted,
				d.hash, d.search, d.content, d.origin).Scan(&id); err != nil {
				return err
			}
			for _, r := range d.revs {
				if _, err := tx.Exec(`INSERT INTO revisions(draft_id, created, saved, checkpoint, label, summary, hash, content)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, r.created, r.saved, r.checkpoint, r.label, r.summary, r.hash, r.content); err != nil {
					return err
				}
				c.Revisions++
			}
			ids[d.id] = id
			c.DraftsAdded++
			if err := dst.logOp(tx, 0, id, OpCopy, nil, d.title); err != nil {
				return err
			}
		}
		for _, it := range items {
			var link sql.NullInt64
			if it.draftID.Valid {
				if id, ok := ids[it.draftID.Int64]; ok {
					link = sql.NullInt64{Int64: id, Valid: true}
				}
			}
			var id int64
			var has sql.NullInt64
			err := tx.QueryRow("SELECT id, draft_id FROM ledger_items WHERE assembly = ? AND term = ? AND session = ? AND number = ?"+tx.forUpdate(),
				it.assembly, it.term, it.session, it.number).Scan(&id, &has)
			switch {
			case err == nil:
				c.ItemsKept++
				if !has.Valid && link.Valid {
					if _, err := tx.Exec("UPDATE ledger_items SET draft_id = ?, version = version + 1 WHERE id = ?", link, id); err != nil {
						return err
					}
					if err := dst.logOp(tx, id, link.Int64, OpLink, nil, ""); err != nil {
						return err
					}
				}
				continue
			case !errors.Is(err, sql.ErrNoRows):
				return err
			}
			if err := tx.QueryRow(`INSERT INTO ledger_items(kind, assembly, term, session, number, status, category, deadline,
				draft_id, created, updated, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				it.kind, it.assembly, it.term, it.session, it.number, it.status, it.cat, it.due,
				link, it.created, it.updated, it.content).Scan(&id); err != nil {
				return err
			}
			c.ItemsAdded++
			if err := dst.logOp(tx, id, link.Int64, OpCopy, nil, ""); err != nil {
				return err
			}
		}
		return nil
	})
	return c, err
}

// readAll reads every draft with its revisions and every ledger item.
func (s *Store) readAll() ([]srcDraft, []srcItem, error) {
	rows, err := s.db.Query(`SELECT id, kind, number, proposers, item_title, issuer, title, created, updated,
		deleted, hash, search, content, origin FROM drafts ORDER BY id`)
	if err != nil {
		return nil, nil, err
	}
	var drafts []srcDraft
	for rows.Next() {
		var d srcDraft
		if err := rows.Scan(&d.id, &d.kind, &d.number, &d.proposers, &d.itemTitle, &d.issuer, &d.title,
			&d.created, &d.updated, &d.deleted, &d.hash, &d.search, &d.content, &d.origin); err != nil {
			rows.Close()
			return nil, nil, err
		}
		drafts = append(drafts, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	for i := range drafts {
		d := &drafts[i]
		rows, err := s.db.Query(`SELECT created, saved, checkpoint, label, summary, hash, content
			FROM revisions WHERE draft_id = ? ORDER BY id`, d.id)
		if err != nil {
			return nil, nil, err
		}
		for rows.Next() {
			var r srcRevision
			if err := rows.Scan(&r.created, &r.saved, &r.checkpoint, &r.label, &r.summary, &r.hash, &r.content); err != nil {
				rows.Close()
				return nil, nil, err
			}
			d.revs = append(d.revs, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, err
		}
		if d.origin == "" {
			// Known again by when it was created and what it first held.
			first := d.content
			if len(d.revs) > 0 {
				first = d.revs[0].content
			}
			sum := sha256.Sum256([]byte(strconv.FormatInt(d.created, 10) + "\x00" + first))
			d.origin = hex.EncodeToString(sum[:16])
		}
	}
	rows, err = s.db.Query(`SELECT kind, assembly, term, session, number, status, category, deadline, draft_id,
		created, updated, content FROM ledger_items ORDER BY id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var items []srcItem
	for rows.Next() {
		var it srcItem
		if err := rows.Scan(&it.kind, &it.assembly, &it.term, &it.session, &it.number, &it.status, &it.cat, &it.due,
			&it.draftID, &it.created, &it.updated, &it.content); err != nil {
			return nil, nil, err
		}
		items = append(items, it)
	}
	return drafts, items, rows.Err()
}

// SchemaVersion returns the number of schema steps the database has and
// the number this program knows.
func (s *Store) SchemaVersion() (have, want int, err error) {
	if s.db.pg {
		err = s.db.QueryRow("SELECT version FROM replydesk_schema WHERE id = 1").Scan(&have)
		return have, len(pgMigrations), err
	}
	have, err = userVersion(s.db)
	return have, len(migrations), err
}
