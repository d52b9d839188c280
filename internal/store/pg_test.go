package store

import (
	"database/sql"
	"net"
	"os"
	"testing"
	"time"

	"replydesk/internal/store/pgtest"
)

// The PostgreSQL tests use the server pgtest starts (initdb in a
// temporary folder, 127.0.0.1, password authentication), each test in a
// schema of its own.

const pgPassword = pgtest.Password

type pgServer struct {
	*pgtest.Server
	admin *sql.DB // connected to the test database
}

var pgSrv *pgServer

func stopPostgres() { pgtest.Stop() }

// postgres returns the test server, starting it on first use.
func postgres(t testing.TB) *pgServer {
	t.Helper()
	if pgSrv != nil {
		return pgSrv
	}
	p := pgtest.Require(t)
	admin, err := sql.Open("pgx", p.URL(pgtest.Database, ""))
	if err != nil {
		t.Fatal(err)
	}
	pgSrv = &pgServer{Server: p, admin: admin}
	return pgSrv
}

// url is the address of database db, in schema (search_path) schema.
func (p *pgServer) url(db, schema string) string { return p.URL(db, schema) }

// pgURL returns the address of a new, empty schema on the test server.
func pgURL(t testing.TB) string {
	t.Helper()
	p := postgres(t)
	return p.url(pgtest.Database, p.NewSchema(t))
}

// openPG opens a store in a new schema on the test server.
func openPG(t testing.TB) *Store {
	t.Helper()
	s, err := Open(pgURL(t))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// opener opens a new, empty store, closed at cleanup.
type opener func(testing.TB) *Store

// backends runs fn once per kind of store: the SQLite file and the
// PostgreSQL server.
func backends(t *testing.T, fn func(t *testing.T, open opener)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, openTemp) })
	t.Run("postgres", func(t *testing.T) { fn(t, openPG) })
}

// freePort returns a local port nothing listens on.
func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// concurrencyDuration is how long TestConcurrentUpdates runs, from
// REPLYDESK_CONCURRENCY (e.g. "30s", the figure); 0 = default.
func concurrencyDuration() time.Duration {
	d, _ := time.ParseDuration(os.Getenv("REPLYDESK_CONCURRENCY"))
	return d
}
