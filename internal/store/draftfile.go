package store

import (
	"database/sql"
	"errors"
)

// SetDraftFile records that draft id was opened from or saved to the
// reply file at path, whose bytes then had the SHA-256 hash (nil when not
// known). A file is held by one draft at a time: another draft that held
// path lets it go. An empty path makes the draft hold no file. The draft's
// content and its time of change stay as they are.
func (s *Store) SetDraftFile(id int64, path string, hash []byte) error {
	return s.write("记录草稿的文件", func(tx *txn) error {
		var one int
		if err := tx.QueryRow("SELECT 1 FROM drafts WHERE id = ?", id).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return &notFound{"草稿", id}
		} else if err != nil {
			return err
		}
		if path == "" {
			hash = nil
		} else if _, err := tx.Exec("UPDATE drafts SET file = '', file_hash = NULL WHERE file = ? AND id <> ?", path, id); err != nil {
			return err
		}
		_, err := tx.Exec("UPDATE drafts SET file = ?, file_hash = ? WHERE id = ?", path, hash, id)
		return err
	})
}

// DraftOfFile returns the draft, not in the trash, that holds the reply
// file at path (see SetDraftFile), or ErrNotFound.
func (s *Store) DraftOfFile(path string) (*Draft, error) {
	if path == "" {
		return nil, ErrNotFound
	}
	var id int64
	err := s.db.QueryRow("SELECT id FROM drafts WHERE file = ? AND deleted IS NULL", path).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, s.fail("查找草稿", err)
	}
	return s.Draft(id)
}
