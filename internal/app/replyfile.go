package app

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"reflect"

	"replydesk/internal/reply"
	"replydesk/internal/store"
	"replydesk/internal/tomlfile"
)

// A draft knows its file: the *.reply.toml it was opened from or saved to
// is recorded with it in the drafts database (store.SetDraftFile), with
// the hash of the file's bytes then, so that after a restart the draft
// still saves there, and opening the file again finds the draft instead
// of making a second one.

// FileKey is the path under which a draft remembers a file: absolute and
// clean, with symbolic links resolved where they can be, so that one file
// reached by two paths is one file.
func FileKey(path string) string {
	if path == "" {
		return ""
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	return filepath.Clean(path)
}

// FileHash returns the SHA-256 of the bytes of the file at path, nil when
// it cannot be read.
func FileHash(path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256(b)
	return sum[:]
}

// OpenedFile is a reply file that was opened, and the draft that holds
// it, if any.
type OpenedFile struct {
	Path  string       // the file, as FileKey gives it: what the draft remembers
	Reply *reply.Reply // the reply as the file has it
	Hash  []byte       // SHA-256 of the file's bytes
	Draft int64        // the draft (not in the trash) that holds the file; 0 = none
	Held  *reply.Reply // that draft's reply; nil when Draft is 0
	// Changed: the file changed on disk since the draft read or wrote it,
	// and what it holds now differs from the draft. The user chooses
	// which to keep (KeepFile or KeepDraft).
	Changed bool
	// Note tells the user, in Chinese, that the file is not UTF-8
	// (Notepad's "Unicode", GB18030) and was converted; "" for UTF-8.
	Note string
}

// OpenReplyFile reads the reply file at path and finds the draft that
// holds it. drafts may be nil (no database): then no draft is found. A
// file that cannot be read is a Chinese error naming it.
func OpenReplyFile(drafts Drafts, path string) (*OpenedFile, error) {
	key := FileKey(path)
	r, note, err := tomlfile.ReadReplyFileNote(key)
	if err != nil {
		return nil, err
	}
	of := &OpenedFile{Path: key, Reply: r, Hash: FileHash(key), Note: note}
	if drafts == nil {
		return of, nil
	}
	d, err := drafts.DraftOfFile(key)
	if errors.Is(err, store.ErrNotFound) {
		return of, nil
	}
	if err != nil {
		return nil, err
	}
	of.Draft, of.Held = d.ID, &d.Reply
	of.Changed = !bytes.Equal(d.FileHash, of.Hash) && !reflect.DeepEqual(d.Reply, *r)
	return of, nil
}

// HoldFile records that draft id holds the reply file at path (as
// FileKey gives it), whose bytes have the hash given (nil: read them now).
// A draft that held the file before lets it go. drafts nil or id 0 do
// nothing.
func HoldFile(drafts Drafts, id int64, path string, hash []byte) error {
	if drafts == nil || id == 0 {
		return nil
	}
	if hash == nil && path != "" {
		hash = FileHash(path)
	}
	return drafts.SetDraftFile(id, path, hash)
}

// SaveReplyFile writes r to the reply file at path (keeping the comments
// and layout of a file that exists: see tomlfile.UpdateReplyFile), then
// records it as the file of draft id (HoldFile). It returns the path as
// FileKey gives it.
func SaveReplyFile(drafts Drafts, id int64, path string, r *reply.Reply) (string, error) {
	key := FileKey(path)
	if err := tomlfile.UpdateReplyFile(key, r); err != nil {
		return "", err
	}
	return key, HoldFile(drafts, id, key, nil)
}

// ChangedOnDisk reports whether the reply file at path, held by draft id,
// was changed by another program since the draft read or wrote it: a
// save would overwrite that change. A file that is gone, or a draft that
// has no record of the file, has nothing to lose.
func ChangedOnDisk(drafts Drafts, id int64, path string) bool {
	if drafts == nil || id == 0 || path == "" {
		return false
	}
	d, err := drafts.Draft(id)
	if err != nil || d.File != path || d.FileHash == nil {
		return false
	}
	now := FileHash(path)
	return now != nil && !bytes.Equal(now, d.FileHash)
}
