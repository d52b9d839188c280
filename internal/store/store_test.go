package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"replydesk/internal/reply"
)

// Example shows the life of a draft: created from a form, autosaved while
// the user types, checkpointed on export, and restored from its history.
func Example() {
	dir, _ := os.MkdirTemp("", "store-example")
	defer os.RemoveAll(dir)
	s, err := Open(filepath.Join(dir, "replydesk.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	now := time.Date(2023, 6, 20, 9, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return now }

	r := &reply.Reply{Kind: reply.Proposal, Number: "244", Proposers: []string{"董妍"},
		ItemTitle: "关于进一步推进职业教育产教融合、校企合作的建议"}
	id, _ := s.CreateDraft(r)
	for _, body := range []string{"近年来", "近年来，党和国家", "近年来，党和国家高度重视职业教育。"} {
		now = now.Add(2 * time.Second)
		r.Body = body
		s.SaveDraft(id, r) // autosave: coalesced into one revision
	}
	s.Checkpoint(id, "导出PDF")
	revs, _ := s.Revisions(id)
	for _, rev := range revs {
		fmt.Printf("%s %s %s\n", rev.Time.Format("15:04:05"), rev.Label, rev.Summary)
	}
	s.RestoreRevision(id, revs[len(revs)-1].ID)
	d, _ := s.Draft(id)
	fmt.Printf("%s：正文“%s”\n", d.Title, d.Reply.Body)
	// Output:
	// 09:00:06 导出PDF 改动：正文（正文17字）
	// 09:00:00 新建 新建：第244号提案 董妍：关于进一步推进职业教育产教融合、校企合作的建议（正文0字）
	// 第244号提案 董妍：关于进一步推进职业教育产教融合、校企合作的建议：正文“”
}

func TestOpenCreatesFolderAndSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "replydesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	pragmas := []struct{ name, want string }{
		{"journal_mode", "wal"},
		{"locking_mode", "exclusive"},
		{"synchronous", "2"}, // FULL
		{"foreign_keys", "1"},
		{"busy_timeout", "1500"},
		{"user_version", fmt.Sprint(len(migrations))},
		{"application_id", "1380992075"},
	}
	for _, p := range pragmas {
		t.Run(p.name, func(t *testing.T) {
			var got string
			if err := s.db.QueryRow("PRAGMA " + p.name).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != p.want {
				t.Errorf("PRAGMA %s = %q, want %q", p.name, got, p.want)
			}
		})
	}
	if _, err := os.Stat(path + "-shm"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s-shm exists (err %v): exclusive WAL should not use shared memory", path, err)
	}
	if err := s.SetSetting("profile", `{"issuer":"长春市教育局"}`); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if v, err := userVersion(s.db); err != nil || v != len(migrations) {
		t.Errorf("user_version after reopen = %d, %v; want %d", v, err, len(migrations))
	}
	if got, err := s.Setting("profile"); err != nil || got != `{"issuer":"长春市教育局"}` {
		t.Errorf("Setting after reopen = %q, %v", got, err)
	}
}

func TestMigrate(t *testing.T) {
	db, err := sql.Open("sqlite", dsn(filepath.Join(t.TempDir(), "m.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	steps := append(append([]string{}, migrations...), "CREATE TABLE ledger(id INTEGER PRIMARY KEY, number TEXT)")
	if err := migrate(db, steps); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	if err := migrate(db, steps); err != nil {
		t.Fatalf("migrate again: %v", err)
	}
	if v, _ := userVersion(db); v != len(steps) {
		t.Errorf("user_version = %d, want %d", v, len(steps))
	}
	if _, err := db.Exec("INSERT INTO ledger(number) VALUES ('244')"); err != nil {
		t.Errorf("new table missing: %v", err)
	}
	broken := append(steps, "CREATE TABLE half(x); CREATE TABLE broken(")
	if err := migrate(db, broken); err == nil {
		t.Fatal("migrate with a broken step succeeded")
	}
	if v, _ := userVersion(db); v != len(steps) {
		t.Errorf("user_version after failed step = %d, want %d", v, len(steps))
	}
	var n int
	db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").Scan(&n)
	if n != 0 {
		t.Error("a failed step left part of its tables behind")
	}
}

// realDB makes a closed ReplyDesk database with some drafts and returns
// its path.
func realDB(t *testing.T, drafts int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "real.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := seedReply(t)
	for i := 0; i < drafts; i++ {
		if _, err := s.CreateDraft(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpenErrors(t *testing.T) {
	cases := []struct {
		name string
		make func(t *testing.T) string
		kind OpenErrorKind
		msg  string
	}{
		{"garbage", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "garbage.db")
			os.WriteFile(p, []byte(strings.Repeat("这不是数据库 not a database ", 200)), 0o644)
			return p
		}, Corrupt, "已损坏或不是 ReplyDesk 的数据库：请从备份恢复，或将其改名后重新打开以新建数据库"},
		{"truncated", func(t *testing.T) string {
			p := realDB(t, 40)
			st, _ := os.Stat(p)
			if err := os.Truncate(p, st.Size()/2+100); err != nil {
				t.Fatal(err)
			}
			return p
		}, Corrupt, "已损坏"},
		{"last pages cut", func(t *testing.T) string {
			p := realDB(t, 40)
			st, _ := os.Stat(p)
			if err := os.Truncate(p, st.Size()-3*4096); err != nil {
				t.Fatal(err)
			}
			return p
		}, Corrupt, "已损坏"},
		{"other program", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "other.db")
			db, _ := sql.Open("sqlite", p)
			defer db.Close()
			if _, err := db.Exec("CREATE TABLE photos(id INTEGER)"); err != nil {
				t.Fatal(err)
			}
			return p
		}, Foreign, "不是 ReplyDesk 的数据库"},
		{"newer version", func(t *testing.T) string {
			p := realDB(t, 0)
			db, _ := sql.Open("sqlite", p)
			defer db.Close()
			if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
				t.Fatal(err)
			}
			return p
		}, TooNew, "结构版本 99"},
		{"folder is a file", func(t *testing.T) string {
			dir := filepath.Join(t.TempDir(), "file")
			os.WriteFile(dir, []byte("x"), 0o644)
			return filepath.Join(dir, "replydesk.db")
		}, Unreachable, "路径中有一部分不是文件夹"},
		{"folder is missing", func(t *testing.T) string {
			// Only the database's own folder is made: a path two
			// folders deep into nothing is a mistake to report.
			return filepath.Join(t.TempDir(), "无此盘", "台账", "replydesk.db")
		}, Unreachable, "文件或文件夹不存在：请检查路径是否正确"},
		{"question mark", func(t *testing.T) string {
			return filepath.Join(t.TempDir(), "a?b.db")
		}, Unreachable, "不能含有"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.make(t)
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%s) succeeded", c.name)
			}
			var oe *OpenError
			if !errors.As(err, &oe) {
				t.Fatalf("Open error %T %v, want *OpenError", err, err)
			}
			if oe.Kind != c.kind {
				t.Errorf("Kind = %d, want %d (%v)", oe.Kind, c.kind, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, "“"+path+"”") || !strings.Contains(msg, c.msg) {
				t.Errorf("message %q lacks the path or %q", msg, c.msg)
			}
		})
	}
}

func TestOpenTwiceInProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "replydesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != Locked {
		t.Fatalf("second Open error = %v, want *OpenError of kind Locked", err)
	}
	if !strings.Contains(err.Error(), "正被另一个 ReplyDesk 窗口") {
		t.Errorf("message %q does not name the other window", err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatalf("Open after the first closed: %v", err)
	}
	s.Close()
}

func TestSettings(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		if v, err := s.Setting("fonts"); err != nil || v != "" {
			t.Errorf("missing setting = %q, %v; want empty", v, err)
		}
		for _, v := range []string{`{"body":"仿宋"}`, `{"body":"方正仿宋"}`, ""} {
			if err := s.SetSetting("fonts", v); err != nil {
				t.Fatal(err)
			}
			if got, err := s.Setting("fonts"); err != nil || got != v {
				t.Errorf("Setting after SetSetting(%q) = %q, %v", v, got, err)
			}
		}
	})
}

func TestClosedStore(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "replydesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	err = s.SetSetting("a", "b")
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(err.Error(), "数据库已关闭") {
		t.Errorf("SetSetting on a closed store = %v, want a *Error saying 数据库已关闭", err)
	}
}

func TestBackup(t *testing.T) {
	s := openTemp(t)
	id, err := s.CreateDraft(seedReply(t))
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(dst); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if err := s.Backup(dst); err == nil || !strings.Contains(err.Error(), "目标文件已存在") {
		t.Errorf("Backup over an existing file = %v", err)
	}
	b, err := Open(dst)
	if err != nil {
		t.Fatalf("Open backup: %v", err)
	}
	defer b.Close()
	if d, err := b.Draft(id); err != nil || d.Reply.Number != "244" {
		t.Errorf("backup draft = %+v, %v", d, err)
	}
}

func TestDefaultPath(t *testing.T) {
	home := func() (string, error) { return "/home/liu", nil }
	noHome := func() (string, error) { return "", errors.New("no home") }
	cases := []struct {
		name, goos string
		env        map[string]string
		home       func() (string, error)
		want       string
	}{
		{"override", "linux", map[string]string{"REPLYDESK_DB": "/mnt/u/rd.db"}, home, "/mnt/u/rd.db"},
		{"linux", "linux", nil, home, filepath.Join("/home/liu", ".local", "share", "replydesk", FileName)},
		{"xdg", "linux", map[string]string{"XDG_DATA_HOME": "/data"}, home, filepath.Join("/data", "replydesk", FileName)},
		{"relative xdg ignored", "freebsd", map[string]string{"XDG_DATA_HOME": "data"}, home, filepath.Join("/home/liu", ".local", "share", "replydesk", FileName)},
		{"windows", "windows", map[string]string{"APPDATA": `C:\Users\liu\AppData\Roaming`}, home, filepath.Join(`C:\Users\liu\AppData\Roaming`, "ReplyDesk", FileName)},
		{"mac", "darwin", nil, home, filepath.Join("/home/liu", "Library", "Application Support", "ReplyDesk", FileName)},
		{"no home", "linux", nil, noHome, FileName},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := defaultPath(c.goos, func(k string) string { return c.env[k] }, c.home)
			if got != c.want {
				t.Errorf("defaultPath = %q, want %q", got, c.want)
			}
		})
	}
	if DefaultPath() == "" {
		t.Error("DefaultPath is empty")
	}
}
