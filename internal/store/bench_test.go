package store

import (
	"fmt"
	"path/filepath"
	"strconv"
	"testing"

	"replydesk/internal/reply"
)

// fillDrafts stores n drafts like the seed reply, each with its own number,
// proposer and a distinct sentence, and returns the database path. Writes
// skip the fsync to build the fixture quickly; the store under test runs
// with the normal settings.
func fillDrafts(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "replydesk.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.Exec("PRAGMA synchronous = OFF"); err != nil {
		b.Fatal(err)
	}
	names := []string{"董妍", "王远健", "刘丽", "张伟", "李娜", "陈静", "杨帆"}
	r := seedReply(b)
	body := r.Body
	for i := 0; i < n; i++ {
		r.Number = strconv.Itoa(i + 1)
		r.Proposers = []string{names[i%len(names)]}
		r.Kind = []reply.Kind{reply.Proposal, reply.Suggestion}[i%2]
		r.Body = body + fmt.Sprintf("\n本件编号为甲%05d。", i)
		if _, err := s.CreateDraft(r); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

// BenchmarkSaveDraft is one autosave of the seed-size reply (about 4 KB of
// text) that changes the body: a transaction with an fsync.
func BenchmarkSaveDraft(b *testing.B) {
	s := openTemp(b)
	r := seedReply(b)
	id, err := s.CreateDraft(r)
	if err != nil {
		b.Fatal(err)
	}
	body := r.Body
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Body = body + strconv.Itoa(i)
		if err := s.SaveDraft(id, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveDraftUnchanged is an autosave that finds nothing to write.
func BenchmarkSaveDraftUnchanged(b *testing.B) {
	s := openTemp(b)
	r := seedReply(b)
	id, err := s.CreateDraft(r)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.SaveDraft(id, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListDrafts lists 2,000 drafts: the first page unfiltered, a
// word every draft contains, and a word one draft contains (a full scan).
func BenchmarkListDrafts(b *testing.B) {
	path := fillDrafts(b, 2000)
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, c := range []struct {
		name, query string
		want        int
	}{
		{"all", "", 50},
		{"common", "产教融合", 50},
		{"rare", "甲01234", 1},
		{"none", "不存在的词", 0},
		{"proposer+number", "王远健 第1234号", 1},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				got, err := s.ListDrafts(c.query, 50)
				if err != nil || len(got) != c.want {
					b.Fatalf("ListDrafts(%q) = %d drafts, %v; want %d", c.query, len(got), err, c.want)
				}
			}
		})
	}
}

// BenchmarkOpen opens (and checks with quick_check) a database of 2,000
// drafts, then closes it.
func BenchmarkOpen(b *testing.B) {
	path := fillDrafts(b, 2000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkDraft reads one draft for the editor.
func BenchmarkDraft(b *testing.B) {
	s := openTemp(b)
	id, err := s.CreateDraft(seedReply(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Draft(id); err != nil {
			b.Fatal(err)
		}
	}
}
