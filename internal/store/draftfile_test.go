package store

import (
	"bytes"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

func TestDraftFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "replydesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.CreateDraft(seedReply(t))
	b, _ := s.CreateDraft(seedReply(t))
	file := filepath.Join("/答复", "reply-244.reply.toml")
	hash := bytes.Repeat([]byte{7}, 32)
	before, _ := s.Draft(a)
	if _, err := s.DraftOfFile(file); !errors.Is(err, ErrNotFound) {
		t.Fatalf("DraftOfFile before any file = %v, want ErrNotFound", err)
	}
	if err := s.SetDraftFile(a, file, hash); err != nil {
		t.Fatal(err)
	}
	d, err := s.DraftOfFile(file)
	if err != nil || d.ID != a || d.File != file || !bytes.Equal(d.FileHash, hash) {
		t.Fatalf("DraftOfFile = %+v, %v; want draft %d with the file and hash", d, err, a)
	}
	if !d.Updated.Equal(before.Updated) {
		t.Errorf("recording the file changed the draft's time: %v → %v", before.Updated, d.Updated)
	}
	list, _ := s.ListDrafts("", 0)
	for _, x := range list {
		if want := map[int64]string{a: file, b: ""}[x.ID]; x.File != want {
			t.Errorf("ListDrafts: draft %d file %q, want %q", x.ID, x.File, want)
		}
	}

	// Saving b to the same file moves the file to b.
	if err := s.SetDraftFile(b, file, nil); err != nil {
		t.Fatal(err)
	}
	if d, err := s.DraftOfFile(file); err != nil || d.ID != b || d.FileHash != nil {
		t.Fatalf("after b took the file DraftOfFile = %+v, %v", d, err)
	}
	if d, _ := s.Draft(a); d.File != "" || d.FileHash != nil {
		t.Errorf("draft a still holds %q", d.File)
	}

	// It survives a restart.
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if d, err := s.DraftOfFile(file); err != nil || d.ID != b {
		t.Fatalf("after reopening DraftOfFile = %+v, %v", d, err)
	}

	// A draft in the trash holds no file for opening; another may take it.
	if err := s.DeleteDraft(b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DraftOfFile(file); !errors.Is(err, ErrNotFound) {
		t.Errorf("DraftOfFile of a trashed draft = %v, want ErrNotFound", err)
	}
	if err := s.SetDraftFile(a, file, hash); err != nil {
		t.Errorf("taking the file of a trashed draft: %v", err)
	}
	if err := s.SetDraftFile(a, "", hash); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Draft(a); d.File != "" || d.FileHash != nil {
		t.Errorf("after clearing, draft a holds %q %x", d.File, d.FileHash)
	}
	if err := s.SetDraftFile(9999, file, nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetDraftFile of a missing draft = %v", err)
	}
}

// A database of schema 2 gets the file columns and keeps its drafts,
// which hold no file.
func TestMigrateAddsDraftFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.db")
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if err := migrate(db, migrations[:2]); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UnixMilli()
	if _, err := db.Exec(`INSERT INTO drafts(title, created, updated, hash, search, content)
		VALUES ('旧草稿', ?, ?, x'00', '', '{"number":"7"}')`, now, now); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := userVersion(s.db); v != len(migrations) || len(migrations) < 4 {
		t.Errorf("user_version %d of %d steps", v, len(migrations))
	}
	list, err := s.ListDrafts("", 0)
	if err != nil || len(list) != 1 || list[0].File != "" {
		t.Fatalf("drafts after migrating: %+v, %v", list, err)
	}
	d, err := s.Draft(list[0].ID)
	if err != nil || d.Reply.Number != "7" || d.File != "" {
		t.Fatalf("old draft: %+v, %v", d, err)
	}
	if err := s.SetDraftFile(d.ID, "/x/a.reply.toml", nil); err != nil {
		t.Errorf("the old draft cannot take a file: %v", err)
	}
}
