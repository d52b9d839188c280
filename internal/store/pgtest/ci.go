//go:build ci

package pgtest

// needed: in CI (make test sets the ci tag) a machine without
// PostgreSQL's programs fails the PostgreSQL tests instead of skipping
// them, so that the shared ledger is never left untested unnoticed.
const needed = true
