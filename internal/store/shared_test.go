package store

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

func TestMigrationsPaired(t *testing.T) {
	if len(pgMigrations) != len(migrations) {
		t.Fatalf("%d PostgreSQL steps, %d SQLite steps: every step needs both", len(pgMigrations), len(migrations))
	}
}

// TestPostgresUpgrade opens a server schema left at step 2 (before
// versions) and finds its drafts and items upgraded, not lost.
func TestPostgresUpgrade(t *testing.T) {
	url := pgURL(t)
	s, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	admin := postgres(t).admin
	schema := url[strings.LastIndex(url, "=")+1:]
	if _, err := admin.Exec(fmt.Sprintf(`DROP SCHEMA %[1]s CASCADE; CREATE SCHEMA %[1]s; SET search_path = %[1]s;
		CREATE TABLE replydesk_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
		INSERT INTO replydesk_schema VALUES (1, 2);`, schema) + pgMigrations[0] + pgMigrations[1] +
		`INSERT INTO drafts(number, created, updated, hash, search, content) VALUES ('244', 1, 1, '\x00', '', '{"Number":"244"}');
		INSERT INTO ledger_items(number, created, updated, content) VALUES ('244', 1, 1, '{"Number":"244"}');
		RESET search_path;`); err != nil {
		t.Fatal(err)
	}
	s, err = Open(url)
	if err != nil {
		t.Fatalf("Open of a step-2 schema: %v", err)
	}
	defer s.Close()
	if have, want, err := s.SchemaVersion(); err != nil || have != want || want != len(migrations) {
		t.Errorf("SchemaVersion = %d, %d, %v; want %d", have, want, err, len(migrations))
	}
	d, err := s.Draft(1)
	if err != nil || d.Reply.Number != "244" || d.Version != 1 {
		t.Errorf("draft after upgrade = %+v, %v", d, err)
	}
	items, err := s.Items(ledger.Filter{})
	if err != nil || len(items) != 1 || items[0].Version != 1 {
		t.Errorf("items after upgrade = %+v, %v", items, err)
	}
}

// TestPostgresOpenErrors: what a clerk is told when the connection fails.
func TestPostgresOpenErrors(t *testing.T) {
	p := postgres(t)
	base := p.url("replydesk_test", "")
	for _, c := range []struct {
		name, url, env string
		kind           OpenErrorKind
		want           string
	}{
		{"bad password", base, "wrong", BadPassword, "用户名或密码不正确"},
		{"no such user", strings.Replace(base, "replydesk@", "nobody@", 1), pgPassword, BadPassword, "用户名或密码不正确"},
		{"no such database", p.url("nothere", ""), pgPassword, NoDatabase, "没有地址中所写的数据库"},
		{"unreachable", fmt.Sprintf("postgres://replydesk@127.0.0.1:%d/x?sslmode=disable&connect_timeout=2", freePort(t)), pgPassword, Unreachable, "无法连接"},
		{"TLS not offered", strings.Replace(base, "sslmode=disable", "sslmode=require", 1), pgPassword, TLSUnavailable, "不支持加密连接"},
		{"password in address", strings.Replace(base, "replydesk@", "replydesk:x@", 1), pgPassword, BadAddress, "PGPASSWORD"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("PGPASSWORD", c.env)
			s, err := Open(c.url)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			var oe *OpenError
			if !errors.As(err, &oe) || oe.Kind != c.kind {
				t.Fatalf("Open error = %#v (%v), want kind %d", err, err, c.kind)
			}
			if msg := err.Error(); !strings.Contains(msg, c.want) || strings.Contains(msg, ":x@") {
				t.Errorf("message %q lacks %q (or shows the password)", msg, c.want)
			}
		})
	}
}

// TestCopy copies a local ledger to the server twice: the second time
// adds nothing; a failure midway writes nothing.
func TestCopy(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		src := openTemp(t)
		r := seedReply(t)
		id, err := src.CreateDraft(r)
		if err != nil {
			t.Fatal(err)
		}
		r.Closing = "特此答复。"
		if err := src.SaveDraft(id, r); err != nil {
			t.Fatal(err)
		}
		if _, err := src.CreateDraft(&reply.Reply{Number: "7"}); err != nil {
			t.Fatal(err)
		}
		items := []ledger.Item{item("244", d(2023, 9, 1), ledger.InProgress), item("12", d(2023, 9, 2), ledger.Pending)}
		items[0].DraftID = id
		if _, _, err := src.UpsertItems(items); err != nil {
			t.Fatal(err)
		}
		dst := open(t)
		// One item already on the target, changed by a colleague.
		there := item("12", d(2023, 9, 30), ledger.Answered)
		if err := dst.SaveItem(&there); err != nil {
			t.Fatal(err)
		}
		c, err := Copy(dst, src)
		want := CopyCounts{DraftsAdded: 2, Revisions: 3, ItemsAdded: 1, ItemsKept: 1}
		if err != nil || c != want {
			t.Fatalf("Copy = %+v, %v; want %+v", c, err, want)
		}
		if !strings.Contains(c.String(), "新增 2 份") {
			t.Errorf("report %q", c)
		}
		c, err = Copy(dst, src)
		want = CopyCounts{DraftsKept: 2, ItemsKept: 2}
		if err != nil || c != want {
			t.Fatalf("second Copy = %+v, %v; want %+v", c, err, want)
		}
		got, err := dst.ItemByKey(items[0].Key())
		if err != nil || got.DraftID == 0 {
			t.Fatalf("copied item = %+v, %v", got, err)
		}
		dr, err := dst.Draft(got.DraftID)
		if err != nil || dr.Reply.Closing != "特此答复。" {
			t.Errorf("copied draft = %+v, %v", dr, err)
		}
		if revs, err := dst.Revisions(got.DraftID); err != nil || len(revs) != 2 {
			t.Errorf("copied revisions = %d, %v", len(revs), err)
		}
		if it, _ := dst.ItemByKey(there.Key()); it.Status != ledger.Answered {
			t.Errorf("colleague's item overwritten: %+v", it)
		}
		// All or nothing: an item the server refuses (PostgreSQL takes
		// no NUL in text; SQLite does) rolls back the drafts copied before it.
		if !dst.db.pg {
			return
		}
		if _, err := src.CreateDraft(&reply.Reply{Number: "8"}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := src.UpsertItems([]ledger.Item{item("13", d(2023, 9, 3), ledger.Pending)}); err != nil {
			t.Fatal(err)
		}
		if _, err := src.db.Exec("UPDATE ledger_items SET content = content || char(0) WHERE number = '13'"); err != nil {
			t.Fatal(err)
		}
		if _, err := Copy(dst, src); err == nil {
			t.Fatal("Copy of an item the server refuses succeeded")
		}
		if n, _ := dst.ListDrafts("", 0); len(n) != 2 {
			t.Errorf("failed copy left %d drafts, want 2", len(n))
		}
	})
}

// TestConcurrentImports: two clerks import overlapping lists at the same
// time; each item ends up once.
func TestConcurrentImports(t *testing.T) {
	url := pgURL(t)
	var stores [2]*Store
	for i := range stores {
		s, err := Open(url)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	lists := [2][]ledger.Item{manyItems(300), manyItems(300)[100:]}
	lists[1] = append(lists[1], item("9001", d(2024, 1, 1), ledger.Pending))
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range stores {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, _, errs[i] = stores[i].UpsertItems(lists[i])
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	items, err := stores[0].Items(ledger.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, it := range items {
		seen[it.Key().String()]++
	}
	if len(items) != 301 || len(seen) != 301 {
		t.Errorf("%d items, %d distinct; want 301", len(items), len(seen))
	}
}
