package store

import (
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The PostgreSQL tests start their own server: initdb into a temporary
// folder, pg_ctl start on 127.0.0.1 at a free port, password
// authentication (so that a wrong password can be tested), and stop at
// the end of the test binary. No system service is used. As root (CI
// containers), the server runs as the "postgres" user, since initdb
// refuses root.

const pgPassword = "replydesk-test"

type pgServer struct {
	bin, dir, data string
	port           int
	admin          *sql.DB // connected to the test database
	asUser         *user.User
}

var (
	pgOnce    sync.Once
	pgSrv     *pgServer
	pgErr     error
	pgSchemas atomic.Int64
)

// pgBin returns the folder of PostgreSQL's programs: $PG_BIN, the newest
// /usr/lib/postgresql/*/bin (Debian), or the folder of pg_ctl on PATH.
func pgBin() (string, error) {
	if d := os.Getenv("PG_BIN"); d != "" {
		return d, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return vi > vj
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("PostgreSQL programs (initdb, pg_ctl) not found: install Debian's postgresql package (scripts/setup.sh does) or set PG_BIN")
}

// run runs a PostgreSQL program, as the postgres user when we are root.
func (p *pgServer) run(name string, args ...string) error {
	prog := filepath.Join(p.bin, name)
	var cmd *exec.Cmd
	if p.asUser != nil {
		cmd = exec.Command("runuser", append([]string{"-u", p.asUser.Username, "--", prog}, args...)...)
	} else {
		cmd = exec.Command(prog, args...)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

func startPostgres() (*pgServer, error) {
	bin, err := pgBin()
	if err != nil {
		return nil, err
	}
	p := &pgServer{bin: bin}
	if os.Geteuid() == 0 {
		if p.asUser, err = user.Lookup("postgres"); err != nil {
			return nil, fmt.Errorf("running as root and there is no postgres user to run the server as: %v", err)
		}
	}
	if p.dir, err = os.MkdirTemp("", "replydesk-pg-"); err != nil {
		return nil, err
	}
	p.data = filepath.Join(p.dir, "data")
	pw := filepath.Join(p.dir, "pw")
	if err := os.WriteFile(pw, []byte(pgPassword+"\n"), 0o600); err != nil {
		return nil, err
	}
	if p.asUser != nil {
		uid, _ := strconv.Atoi(p.asUser.Uid)
		gid, _ := strconv.Atoi(p.asUser.Gid)
		for _, f := range []string{p.dir, pw} {
			if err := os.Chown(f, uid, gid); err != nil {
				return nil, err
			}
		}
	}
	if err := p.run("initdb", "-D", p.data, "-U", "replydesk", "--pwfile", pw, "-A", "scram-sha-256",
		"-E", "UTF8", "--no-locale", "-N"); err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p.port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	conf := fmt.Sprintf("\nlisten_addresses = '127.0.0.1'\nport = %d\nunix_socket_directories = ''\n", p.port)
	f, err := os.OpenFile(filepath.Join(p.data, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	f.WriteString(conf)
	f.Close()
	if err := p.run("pg_ctl", "-D", p.data, "-l", filepath.Join(p.dir, "log"), "-w", "-t", "120", "start"); err != nil {
		return nil, err
	}
	os.Setenv("PGPASSWORD", pgPassword)
	root, err := sql.Open("pgx", p.url("postgres", ""))
	if err != nil {
		return p, err
	}
	defer root.Close()
	if _, err := root.Exec("CREATE DATABASE replydesk_test"); err != nil {
		return p, err
	}
	p.admin, err = sql.Open("pgx", p.url("replydesk_test", ""))
	return p, err
}

// url is the address of database db, in schema (search_path) schema.
func (p *pgServer) url(db, schema string) string {
	u := fmt.Sprintf("postgres://replydesk@127.0.0.1:%d/%s?sslmode=disable", p.port, db)
	if schema != "" {
		u += "&search_path=" + schema
	}
	return u
}

func (p *pgServer) stop() {
	if p.admin != nil {
		p.admin.Close()
	}
	p.run("pg_ctl", "-D", p.data, "-m", "immediate", "-w", "stop")
	os.RemoveAll(p.dir)
}

func stopPostgres() {
	if pgSrv != nil {
		pgSrv.stop()
	}
}

// postgres returns the test server, starting it on first use. Without
// PostgreSQL's programs the test fails in CI and is skipped elsewhere.
func postgres(t testing.TB) *pgServer {
	t.Helper()
	pgOnce.Do(func() { pgSrv, pgErr = startPostgres() })
	if pgErr != nil {
		if needPostgres || !strings.Contains(pgErr.Error(), "not found") {
			t.Fatalf("PostgreSQL test server: %v", pgErr)
		}
		t.Skipf("PostgreSQL test server: %v", pgErr)
	}
	return pgSrv
}

// pgURL returns the address of a new, empty schema on the test server.
func pgURL(t testing.TB) string {
	t.Helper()
	p := postgres(t)
	schema := fmt.Sprintf("t%d", pgSchemas.Add(1))
	if _, err := p.admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	return p.url("replydesk_test", schema)
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
