package app

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"replydesk/internal/tomlfile"
)

func TestReplyFileHeldByDraft(t *testing.T) {
	s := openStore(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "a.reply.toml")
	r := seed(t)
	if err := tomlfile.WriteReplyFile(path, r); err != nil {
		t.Fatal(err)
	}

	of, err := OpenReplyFile(s, filepath.Join(dir, ".", "a.reply.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if of.Draft != 0 || of.Path != FileKey(path) || of.Reply.Number != r.Number || len(of.Hash) != 32 {
		t.Fatalf("first open: %+v", of)
	}
	id, err := s.CreateDraft(of.Reply)
	if err != nil {
		t.Fatal(err)
	}
	if err := HoldFile(s, id, of.Path, of.Hash); err != nil {
		t.Fatal(err)
	}

	// The draft is edited; the file is not: the draft is found, no question.
	edited := of.Reply.Clone()
	edited.Number = "245"
	if err := s.SaveDraft(id, &edited); err != nil {
		t.Fatal(err)
	}
	of, err = OpenReplyFile(s, path)
	if err != nil || of.Draft != id || of.Changed || of.Held.Number != "245" {
		t.Fatalf("second open: %+v, %v", of, err)
	}
	if ChangedOnDisk(s, id, of.Path) {
		t.Error("an untouched file is reported changed")
	}

	// Another program changes the file: opening asks, saving warns.
	changed := r.Clone()
	changed.Number = "300"
	if err := tomlfile.WriteReplyFile(path, &changed); err != nil {
		t.Fatal(err)
	}
	of, err = OpenReplyFile(s, path)
	if err != nil || of.Draft != id || !of.Changed || of.Reply.Number != "300" {
		t.Fatalf("open after a change on disk: %+v, %v", of, err)
	}
	if !ChangedOnDisk(s, id, of.Path) {
		t.Error("a file changed by another program is not reported")
	}

	// Saving writes the draft there and records the new bytes.
	key, err := SaveReplyFile(s, id, path, &edited)
	if err != nil || key != of.Path {
		t.Fatalf("SaveReplyFile = %q, %v", key, err)
	}
	if ChangedOnDisk(s, id, key) {
		t.Error("the file just saved is reported changed")
	}
	d, _ := s.Draft(id)
	if d.File != key {
		t.Errorf("draft holds %q, want %q", d.File, key)
	}

	// Without a database the file opens on its own.
	of, err = OpenReplyFile(nil, path)
	if err != nil || of.Draft != 0 || of.Reply.Number != "245" {
		t.Errorf("open without a database: %+v, %v", of, err)
	}
	if _, err := OpenReplyFile(s, filepath.Join(dir, "无此文件.reply.toml")); err == nil {
		t.Error("a missing file opened")
	}
}

func TestFileKeyResolvesLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.reply.toml")
	if err := os.WriteFile(real, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.reply.toml")
	if err := os.Symlink(real, link); err != nil {
		if runtime.GOOS == "windows" {
			t.Skip("symbolic links need privileges on Windows:", err)
		}
		t.Fatal(err)
	}
	if FileKey(link) != FileKey(real) {
		t.Errorf("FileKey(%q) = %q, FileKey(%q) = %q", link, FileKey(link), real, FileKey(real))
	}
	if FileKey("") != "" {
		t.Error("FileKey of nothing is something")
	}
}
