// Package pgtest starts a PostgreSQL server of its own for tests: initdb
// into a temporary folder, pg_ctl start on 127.0.0.1 at a free port with
// password authentication (so that a wrong password can be tested). No
// system service is used. As root (CI containers) the server runs as the
// "postgres" user, since initdb refuses root.
//
// The server is shared by the tests of one test binary and stopped when
// that binary exits, however it exits: a small watcher process stops it
// and removes its folder once the test process is gone (Stop does it at
// once). Administration (databases, schemas, roles) goes through psql, so
// that this package needs no database driver.
package pgtest

import (
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
)

// Password is the password of the server's superuser, User. Start sets
// PGPASSWORD to it.
const Password = "replydesk-test"

// User is the server's superuser; Database the database the tests use.
const (
	User     = "replydesk"
	Database = "replydesk_test"
)

// Server is a running test server.
type Server struct {
	bin, dir, data string
	Port           int
	asUser         *user.User
	mu             sync.Mutex // serializes Stop, Restart
}

var (
	once    sync.Once
	srv     *Server
	srvErr  error
	schemas atomic.Int64
)

// Bin returns the folder of PostgreSQL's programs: $PG_BIN, the newest
// /usr/lib/postgresql/*/bin (Debian), or the folder of pg_ctl on PATH.
func Bin() (string, error) {
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

// Start returns the test server, starting it on first use.
func Start() (*Server, error) {
	once.Do(func() { srv, srvErr = start() })
	return srv, srvErr
}

// Require returns the test server. Without PostgreSQL's programs the
// test fails in CI (the ci build tag) and is skipped elsewhere.
func Require(t testing.TB) *Server {
	t.Helper()
	s, err := Start()
	if err != nil {
		if needed || !strings.Contains(err.Error(), "not found") {
			t.Fatalf("PostgreSQL test server: %v", err)
		}
		t.Skipf("PostgreSQL test server: %v", err)
	}
	return s
}

// Stop stops the server started by Start, if any, and removes its folder.
func Stop() {
	if srv != nil {
		srv.stop()
	}
	if tlsSrv != nil {
		tlsSrv.stop()
	}
}

// run runs a PostgreSQL program, as the postgres user when we are root.
func (p *Server) run(name string, args ...string) error {
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

func (p *Server) ctl(args ...string) []string {
	return append([]string{"-D", p.data}, args...)
}

func start() (*Server, error) {
	p, err := initServer()
	if err != nil {
		return nil, err
	}
	if err := p.startServer(); err != nil {
		return nil, err
	}
	p.watch()
	os.Setenv("PGPASSWORD", Password)
	if err := p.Psql("postgres", "CREATE DATABASE "+Database); err != nil {
		return p, err
	}
	return p, nil
}

// initServer makes a server's data folder, listening on 127.0.0.1 at a
// free port; it does not start it.
func initServer() (*Server, error) {
	bin, err := Bin()
	if err != nil {
		return nil, err
	}
	p := &Server{bin: bin}
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
	if err := os.WriteFile(pw, []byte(Password+"\n"), 0o600); err != nil {
		return nil, err
	}
	for _, f := range []string{p.dir, pw} {
		if err := p.own(f); err != nil {
			return nil, err
		}
	}
	if err := p.run("initdb", "-D", p.data, "-U", User, "--pwfile", pw, "-A", "scram-sha-256",
		"-E", "UTF8", "--no-locale", "-N"); err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p.Port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	return p, p.configure(fmt.Sprintf("listen_addresses = '127.0.0.1'\nport = %d\nunix_socket_directories = ''\nmax_connections = 200\n", p.Port))
}

// own gives a file to the user the server runs as.
func (p *Server) own(path string) error {
	if p.asUser == nil {
		return nil
	}
	uid, _ := strconv.Atoi(p.asUser.Uid)
	gid, _ := strconv.Atoi(p.asUser.Gid)
	return os.Chown(path, uid, gid)
}

// configure appends settings to postgresql.conf.
func (p *Server) configure(conf string) error {
	f, err := os.OpenFile(filepath.Join(p.data, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString("\n" + conf); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (p *Server) startServer() error {
	return p.run("pg_ctl", p.ctl("-l", filepath.Join(p.dir, "log"), "-w", "-t", "120", "start")...)
}

func (p *Server) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.run("pg_ctl", p.ctl("-m", "immediate", "-w", "stop")...)
	os.RemoveAll(p.dir)
}

// Halt stops the server (fast shutdown: open connections are cut) and
// Resume starts it again on the same port, for fault tests.
func (p *Server) Halt() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.run("pg_ctl", p.ctl("-m", "fast", "-w", "stop")...)
}

// Resume starts the server again after Halt.
func (p *Server) Resume() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.startServer()
}

// URL is the address of database db as the superuser, in schema (its
// search_path) when not "".
func (p *Server) URL(db, schema string) string {
	return p.URLAs(User, db, schema)
}

// URLAs is URL for another user.
func (p *Server) URLAs(user, db, schema string) string {
	u := fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", user, p.Port, db)
	if schema != "" {
		u += "&search_path=" + schema
	}
	return u
}

// Psql runs SQL on database db as the superuser.
func (p *Server) Psql(db, sql string) error {
	cmd := exec.Command(filepath.Join(p.bin, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
		"-h", "127.0.0.1", "-p", strconv.Itoa(p.Port), "-U", User, "-d", db, "-c", sql)
	cmd.Env = append(os.Environ(), "PGPASSWORD="+Password)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("psql %q: %v\n%s", sql, err, out)
	}
	return nil
}

// NewSchema makes a new, empty schema in Database and returns its name.
func (p *Server) NewSchema(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("s%d_%d", os.Getpid(), schemas.Add(1))
	if err := p.Psql(Database, "CREATE SCHEMA "+name); err != nil {
		t.Fatal(err)
	}
	return name
}

// NewURL returns the address of a new, empty schema on the test server.
func NewURL(t testing.TB) string {
	t.Helper()
	p := Require(t)
	return p.URL(Database, p.NewSchema(t))
}
