//go:build !ci

package pgtest

// needed: outside CI the PostgreSQL tests are skipped when the server's
// programs are not installed.
const needed = false
