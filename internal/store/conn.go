package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
)

// conn is the store's database handle. The store's SQL is written once,
// with SQLite's "?" and "?N" placeholders; conn rewrites them to
// PostgreSQL's "$N" when the store is on a server.
type conn struct {
	db *sql.DB
	pg bool
}

func (c *conn) Exec(q string, args ...any) (sql.Result, error) {
	return c.db.Exec(rebind(c.pg, q), args...)
}

func (c *conn) Query(q string, args ...any) (*sql.Rows, error) {
	return c.db.Query(rebind(c.pg, q), args...)
}

func (c *conn) QueryRow(q string, args ...any) *sql.Row {
	return c.db.QueryRow(rebind(c.pg, q), args...)
}

func (c *conn) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return c.db.QueryContext(ctx, rebind(c.pg, q), args...)
}

func (c *conn) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return c.db.QueryRowContext(ctx, rebind(c.pg, q), args...)
}

func (c *conn) Begin() (*txn, error) {
	tx, err := c.db.Begin()
	if err != nil {
		return nil, err
	}
	return &txn{tx: tx, pg: c.pg}, nil
}

func (c *conn) Close() error { return c.db.Close() }

// txn is one transaction of a conn.
type txn struct {
	tx *sql.Tx
	pg bool
}

func (t *txn) Exec(q string, args ...any) (sql.Result, error) {
	return t.tx.Exec(rebind(t.pg, q), args...)
}

func (t *txn) Query(q string, args ...any) (*sql.Rows, error) {
	return t.tx.Query(rebind(t.pg, q), args...)
}

func (t *txn) QueryRow(q string, args ...any) *sql.Row {
	return t.tx.QueryRow(rebind(t.pg, q), args...)
}

func (t *txn) Commit() error   { return t.tx.Commit() }
func (t *txn) Rollback() error { return t.tx.Rollback() }

// forUpdate is the clause that locks the rows a SELECT reads until the
// transaction ends; SQLite needs none (one writer at a time).
func (t *txn) forUpdate() string {
	if t.pg {
		return " FOR UPDATE"
	}
	return ""
}

// rebind rewrites the placeholders of q for PostgreSQL: "?N" becomes
// "$N" and each bare "?" the next number. Quoted text is left alone.
func rebind(pg bool, q string) string {
	if !pg || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n, quoted := 0, false
	for i := 0; i < len(q); i++ {
		ch := q[i]
		switch {
		case ch == '\'':
			quoted = !quoted
		case ch == '?' && !quoted:
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			if j > i+1 {
				b.WriteString("$" + q[i+1:j])
			} else {
				n++
				b.WriteString("$" + strconv.Itoa(n))
			}
			i = j - 1
			continue
		}
		b.WriteByte(ch)
	}
	return b.String()
}
