package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"replydesk/internal/reply"
)

func TestRoundTrip(t *testing.T) {
	cases := []struct {
		name string
		r    *reply.Reply
	}{
		{"seed", seedReply(t)},
		{"every field", filled(t)},
		{"empty", &reply.Reply{}},
		{"empty lists", &reply.Reply{Proposers: []string{}, Attachments: []reply.Attachment{{Table: &reply.Table{}}}}},
	}
	path := filepath.Join(t.TempDir(), "replydesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(cases))
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id, err := s.CreateDraft(c.r)
			if err != nil {
				t.Fatal(err)
			}
			ids[i] = id
			d, err := s.Draft(id)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(&d.Reply, c.r) {
				t.Errorf("Draft(%d).Reply =\n%+v\nwant\n%+v", id, d.Reply, *c.r)
			}
			if err := s.SaveDraft(id, &reply.Reply{Body: "临时"}); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveDraft(id, c.r); err != nil {
				t.Fatal(err)
			}
		})
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, c := range cases {
		d, err := s.Draft(ids[i])
		if err != nil || !reflect.DeepEqual(&d.Reply, c.r) {
			t.Errorf("%s after save and reopen: %v, reply differs: %v", c.name, err, changedFields(&d.Reply, c.r))
		}
	}
}

func TestDraftTitle(t *testing.T) {
	cases := []struct {
		r    reply.Reply
		want string
	}{
		{*seedReply(t), "第244号提案 董妍等：关于进一步推进职业教育产教融合、校企合作的建议"},
		{reply.Reply{Kind: reply.Suggestion, Number: "12", Proposers: []string{"王远健"}, Title: "对第12号\n建议的答复"}, "第12号建议 王远健：对第12号建议的答复"},
		{reply.Reply{Body: "第一段\n第二段"}, "第一段"},
		{reply.Reply{Kind: reply.CoOpinion}, "协办意见"},
		{reply.Reply{}, untitled},
		{reply.Reply{ItemTitle: strings.Repeat("长", 80)}, strings.Repeat("长", 59) + "…"},
	}
	s := openTemp(t)
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			id, err := s.CreateDraft(&c.r)
			if err != nil {
				t.Fatal(err)
			}
			d, err := s.Draft(id)
			if err != nil || d.Title != c.want {
				t.Errorf("Title = %q, %v; want %q", d.Title, err, c.want)
			}
		})
	}
}

func TestSaveDraftSkipsUnchanged(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		clk := newClock()
		s.Now = clk.Now
		r := seedReply(t)
		id, err := s.CreateDraft(r)
		if err != nil {
			t.Fatal(err)
		}
		clk.Add(5 * time.Second)
		same := seedReply(t)
		if err := s.SaveDraft(id, same); err != nil {
			t.Fatal(err)
		}
		d, _ := s.Draft(id)
		revs, _ := s.Revisions(id)
		if !d.Updated.Equal(d.Created) || len(revs) != 1 {
			t.Errorf("unchanged save: Updated %v (created %v), %d revisions; want no write", d.Updated, d.Created, len(revs))
		}
		same.Closing = "此复。"
		if err := s.SaveDraft(id, same); err != nil {
			t.Fatal(err)
		}
		d, _ = s.Draft(id)
		if !d.Updated.Equal(clk.Now()) || d.Reply.Closing != "此复。" {
			t.Errorf("changed save: Updated %v, Closing %q", d.Updated, d.Reply.Closing)
		}
	})
}

func TestListDrafts(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		clk := newClock()
		s.Now = clk.Now
		mk := func(num, who, item, body string) int64 {
			clk.Add(time.Minute)
			id, err := s.CreateDraft(&reply.Reply{Kind: reply.Proposal, Number: num, Proposers: []string{who},
				ItemTitle: item, Body: body})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		a := mk("244", "董妍", "关于进一步推进职业教育产教融合、校企合作的建议", "开设17大类百余种专业")
		b := mk("12", "王远健", "关于加强校园安全的建议", "校园安保 100% 覆盖 GPS")
		c := mk("2440", "刘丽", "关于学前教育普惠发展的建议", "新增普惠性幼儿园")
		cases := []struct {
			query string
			limit int
			want  []int64
		}{
			{"", 0, []int64{c, b, a}},
			{"", 2, []int64{c, b}},
			{"244", 0, []int64{c, a}},
			{"第244号", 0, []int64{a}},
			{"２４４", 0, []int64{c, a}},
			{"董妍", 0, []int64{a}},
			{"产教融合", 0, []int64{a}},
			{"百余种", 0, []int64{a}},
			{"gps", 0, []int64{b}},
			{"100%", 0, []int64{b}},
			{"建议 校园", 0, []int64{b}},
			{"建议　校园", 0, []int64{b}}, // ideographic space
			{"建议  王远健 董妍", 0, nil},
			{"_", 0, nil},
			{"不存在的词", 0, nil},
		}
		for _, tc := range cases {
			t.Run(fmt.Sprintf("%q/%d", tc.query, tc.limit), func(t *testing.T) {
				got, err := s.ListDrafts(tc.query, tc.limit)
				if err != nil {
					t.Fatal(err)
				}
				var ids []int64
				for _, d := range got {
					ids = append(ids, d.ID)
				}
				if !reflect.DeepEqual(ids, tc.want) {
					t.Errorf("ListDrafts(%q, %d) = %v, want %v", tc.query, tc.limit, ids, tc.want)
				}
			})
		}
		// Saving a draft moves it to the top, with its columns updated.
		clk.Add(time.Minute)
		if err := s.SaveDraft(a, &reply.Reply{Kind: reply.Suggestion, Number: "245", Proposers: []string{"董妍", "李明"}, Issuer: "长春市教育局"}); err != nil {
			t.Fatal(err)
		}
		got, _ := s.ListDrafts("", 1)
		want := DraftSummary{ID: a, Title: "第245号建议 董妍等", Kind: reply.Suggestion, Number: "245",
			Proposers: "董妍、李明", Issuer: "长春市教育局", Created: got[0].Created, Updated: clk.Now()}
		if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
			t.Errorf("after save, top = %+v, want %+v", got, want)
		}
	})
}

func TestTrash(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		clk := newClock()
		s.Now = clk.Now
		r := seedReply(t)
		keep, _ := s.CreateDraft(r)
		gone, _ := s.CreateDraft(r)
		if err := s.DeleteDraft(gone); err != nil {
			t.Fatal(err)
		}
		if l, _ := s.ListDrafts("", 0); len(l) != 1 || l[0].ID != keep {
			t.Errorf("list after delete = %+v, want only %d", l, keep)
		}
		if tr, _ := s.Trash(0); len(tr) != 1 || tr[0].ID != gone || !tr[0].Deleted.Equal(clk.Now()) {
			t.Errorf("trash = %+v, want draft %d deleted at %v", tr, gone, clk.Now())
		}
		if d, err := s.Draft(gone); err != nil || d.Deleted.IsZero() {
			t.Errorf("Draft of a trashed draft = %+v, %v; want it readable with Deleted set", d, err)
		}
		if err := s.SaveDraft(gone, &reply.Reply{}); !errors.Is(err, ErrTrashed) || !strings.Contains(err.Error(), "请先从回收站恢复") {
			t.Errorf("SaveDraft of a trashed draft = %v, want ErrTrashed", err)
		}
		if err := s.PurgeDraft(keep); err == nil || !strings.Contains(err.Error(), "须先移入回收站") {
			t.Errorf("PurgeDraft of a live draft = %v, want a refusal", err)
		}
		if err := s.RestoreDraft(gone); err != nil {
			t.Fatal(err)
		}
		if l, _ := s.ListDrafts("", 0); len(l) != 2 {
			t.Errorf("list after restore has %d drafts, want 2", len(l))
		}
		s.DeleteDraft(gone)
		if err := s.PurgeDraft(gone); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Draft(gone); !errors.Is(err, ErrNotFound) {
			t.Errorf("Draft after purge = %v, want ErrNotFound", err)
		}
		var n int
		s.db.QueryRow("SELECT count(*) FROM revisions WHERE draft_id = ?", gone).Scan(&n)
		if n != 0 {
			t.Errorf("purge left %d revisions", n)
		}
	})
}

func TestEmptyTrash(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		clk := newClock()
		s.Now = clk.Now
		var ids []int64
		for i := 0; i < 3; i++ {
			id, _ := s.CreateDraft(&reply.Reply{Number: fmt.Sprint(i)})
			ids = append(ids, id)
			s.DeleteDraft(id)
			clk.Add(24 * time.Hour)
		}
		n, err := s.EmptyTrash(clk.Now().Add(-36 * time.Hour))
		if err != nil || n != 2 {
			t.Errorf("EmptyTrash(older than 36 h) = %d, %v; want 2", n, err)
		}
		if tr, _ := s.Trash(0); len(tr) != 1 || tr[0].ID != ids[2] {
			t.Errorf("trash = %+v, want only %d", tr, ids[2])
		}
		if n, _ := s.EmptyTrash(time.Time{}); n != 1 {
			t.Errorf("EmptyTrash(all) = %d, want 1", n)
		}
	})
}

func TestNotFound(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		calls := map[string]func() error{
			"SaveDraft":       func() error { return s.SaveDraft(99, &reply.Reply{}) },
			"Draft":           func() error { _, err := s.Draft(99); return err },
			"DeleteDraft":     func() error { return s.DeleteDraft(99) },
			"RestoreDraft":    func() error { return s.RestoreDraft(99) },
			"PurgeDraft":      func() error { return s.PurgeDraft(99) },
			"Checkpoint":      func() error { return s.Checkpoint(99, "") },
			"Revisions":       func() error { _, err := s.Revisions(99); return err },
			"Revision":        func() error { _, err := s.Revision(99); return err },
			"RestoreRevision": func() error { return s.RestoreRevision(99, 1) },
		}
		for name, call := range calls {
			t.Run(name, func(t *testing.T) {
				err := call()
				if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "（编号 99）不存在") {
					t.Errorf("%s(99) = %v, want ErrNotFound naming 99", name, err)
				}
			})
		}
	})
}

// TestFailedWriteKeepsState makes the revision insert fail and checks that
// the draft's update, in the same transaction, is rolled back.
func TestFailedWriteKeepsState(t *testing.T) {
	s := openTemp(t)
	r := seedReply(t)
	id, _ := s.CreateDraft(r)
	if _, err := s.db.Exec(`CREATE TEMP TRIGGER fail BEFORE INSERT ON revisions
	BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`); err != nil {
		t.Fatal(err)
	}
	changed := *r
	changed.Body = "改过的正文"
	err := s.SaveDraft(id, &changed)
	var e *Error
	if !errors.As(err, &e) || !strings.HasPrefix(err.Error(), "保存草稿失败：") {
		t.Fatalf("SaveDraft = %v, want a *Error starting 保存草稿失败", err)
	}
	d, _ := s.Draft(id)
	if d.Reply.Body != r.Body {
		t.Errorf("failed save changed the draft body to %q", d.Reply.Body)
	}
	s.db.Exec("DROP TRIGGER fail")
	if err := s.SaveDraft(id, &changed); err != nil {
		t.Errorf("SaveDraft after the failure cleared: %v", err)
	}
}

func TestConcurrentSaves(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		shared, _ := s.CreateDraft(&reply.Reply{})
		const workers, saves = 4, 15
		var wg sync.WaitGroup
		errs := make(chan error, workers*saves*2)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				own, err := s.CreateDraft(&reply.Reply{Number: fmt.Sprint(w)})
				if err != nil {
					errs <- err
					return
				}
				for i := 0; i < saves; i++ {
					r := &reply.Reply{Number: fmt.Sprint(w), Body: fmt.Sprintf("worker %d save %d", w, i)}
					errs <- s.SaveDraft(own, r)
					errs <- s.SaveDraft(shared, r)
					if _, err := s.ListDrafts("worker", 10); err != nil {
						errs <- err
					}
				}
			}(w)
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		// The latest revision of every draft holds its current content.
		var bad int
		s.db.QueryRow(`SELECT count(*) FROM drafts d WHERE d.hash !=
		(SELECT hash FROM revisions WHERE draft_id = d.id ORDER BY id DESC LIMIT 1)`).Scan(&bad)
		if bad != 0 {
			t.Errorf("%d drafts differ from their latest revision", bad)
		}
		d, _ := s.Draft(shared)
		if !strings.HasSuffix(d.Reply.Body, fmt.Sprintf("save %d", saves-1)) {
			t.Errorf("shared draft body = %q, want one worker's last save", d.Reply.Body)
		}
	})
}
