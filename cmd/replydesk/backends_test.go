package main

import (
	"path/filepath"
	"testing"

	"replydesk/internal/store/pgtest"
)

// backends runs fn once per kind of store, with its --db value: a new
// SQLite file, and a new schema on the test PostgreSQL server (see
// pgtest).
func backends(t *testing.T, fn func(t *testing.T, db string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, filepath.Join(t.TempDir(), "test.db")) })
	t.Run("postgres", func(t *testing.T) { fn(t, pgtest.NewURL(t)) })
}
