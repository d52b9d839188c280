//go:build !ci

package store

// needPostgres: outside CI the PostgreSQL tests are skipped when the
// server's programs are not installed.
const needPostgres = false
