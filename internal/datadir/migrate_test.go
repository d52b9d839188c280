package datadir

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tree writes files (path → content) under root.
func tree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for p, s := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// files lists the files under root with their content.
func files(t *testing.T, root string) map[string]string {
	t.Helper()
	got := map[string]string{}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			got[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return got
}

func equal(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s = %v, want %v", what, got, want)
		return
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s[%s] = %q, want %q (all: %v)", what, k, got[k], v, got)
		}
	}
}

// TestMigrateLinux moves ~/.config/replydesk/templates into the data
// folder beside the database, keeping a differing file of the same name
// under a free name and dropping an identical copy.
func TestMigrateLinux(t *testing.T) {
	home := t.TempDir()
	data := filepath.Join(home, ".local", "share", "replydesk")
	old := filepath.Join(home, ".config", "replydesk", "templates")
	tree(t, home, map[string]string{
		".config/replydesk/templates/市政协.toml":      "name = \"市政协\"",
		".config/replydesk/templates/区人大.toml":      "name = \"区人大 旧\"",
		".config/replydesk/templates/同一.toml":       "same",
		".config/replydesk/templates/附件/印章.png":     "png",
		".local/share/replydesk/replydesk.db":       "db",
		".local/share/replydesk/templates/区人大.toml": "name = \"区人大\"",
		".local/share/replydesk/templates/同一.toml":  "same",
	})
	moved, err := migrate(data, old)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "data folder", files(t, data), map[string]string{
		"replydesk.db":           "db",
		"templates/市政协.toml":     "name = \"市政协\"",
		"templates/区人大.toml":     "name = \"区人大\"",
		"templates/区人大 (2).toml": "name = \"区人大 旧\"",
		"templates/同一.toml":      "same",
		"templates/附件/印章.png":    "png",
	})
	if _, err := os.Stat(filepath.Join(home, ".config", "replydesk")); !os.IsNotExist(err) {
		t.Errorf("the old folder is still there: %v", err)
	}
	if len(moved) != 3 || !slices.Contains(moved, filepath.Join(data, "templates", "区人大 (2).toml")) {
		t.Errorf("moved = %q", moved)
	}
	again, err := migrate(data, old)
	if err != nil || len(again) != 0 {
		t.Errorf("second start moved %q, %v", again, err)
	}
}

// TestMigrateSpelling renames %APPDATA%\replydesk (made by the styles) to
// ReplyDesk, the one spelling, with everything in it.
func TestMigrateSpelling(t *testing.T) {
	appdata := t.TempDir()
	tree(t, appdata, map[string]string{
		"replydesk/templates/市政协.toml": "style",
		"replydesk/replydesk.db":       "db",
	})
	data := filepath.Join(appdata, "ReplyDesk")
	if _, err := migrate(data, filepath.Join(appdata, "replydesk", "templates")); err != nil {
		t.Fatal(err)
	}
	names, _ := os.ReadDir(appdata)
	if len(names) != 1 || names[0].Name() != "ReplyDesk" {
		t.Errorf("folders in %%APPDATA%%: %v", names)
	}
	equal(t, "ReplyDesk", files(t, data), map[string]string{"templates/市政协.toml": "style", "replydesk.db": "db"})
}

// TestMigrateBothSpellings merges replydesk into ReplyDesk when both exist
// (a case-sensitive file system).
func TestMigrateBothSpellings(t *testing.T) {
	appdata := t.TempDir()
	tree(t, appdata, map[string]string{
		"replydesk/templates/市政协.toml": "style",
		"ReplyDesk/replydesk.db":       "db",
		"ReplyDesk/templates/市政协.toml": "other",
	})
	data := filepath.Join(appdata, "ReplyDesk")
	if _, err := migrate(data, filepath.Join(appdata, "replydesk", "templates")); err != nil {
		t.Fatal(err)
	}
	equal(t, "ReplyDesk", files(t, data), map[string]string{
		"templates/市政协.toml": "other", "templates/市政协 (2).toml": "style", "replydesk.db": "db",
	})
	if _, err := os.Stat(filepath.Join(appdata, "replydesk")); !os.IsNotExist(err) {
		t.Errorf("replydesk is still there: %v", err)
	}
}

// TestMigrateFails leaves the old files where they are when the new
// folder cannot be made, and says so.
func TestMigrateFails(t *testing.T) {
	home := t.TempDir()
	data := filepath.Join(home, "data", "replydesk")
	old := filepath.Join(home, "config", "replydesk", "templates")
	tree(t, home, map[string]string{
		"config/replydesk/templates/市政协.toml": "style",
		"data/replydesk/templates":            "a file where the folder should be",
	})
	_, err := migrate(data, old)
	if err == nil || !strings.Contains(err.Error(), "请手动移动") {
		t.Fatalf("migrate = %v, want an error", err)
	}
	equal(t, "old folder", files(t, old), map[string]string{"市政协.toml": "style"})
}

func TestFreeName(t *testing.T) {
	dir := t.TempDir()
	tree(t, dir, map[string]string{"a.reply.toml": "", "a (2).reply.toml": "", "b": ""})
	if got := freeName(filepath.Join(dir, "a.reply.toml")); got != filepath.Join(dir, "a (3).reply.toml") {
		t.Errorf("freeName = %q", got)
	}
	if got := freeName(filepath.Join(dir, "b")); got != filepath.Join(dir, "b (2)") {
		t.Errorf("freeName = %q", got)
	}
}
