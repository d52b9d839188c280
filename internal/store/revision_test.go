package store

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"replydesk/internal/reply"
)

// revShape is what the coalescing test checks of a revision.
type revShape struct {
	Label      string
	Checkpoint bool
	Body       string
}

func shapes(t *testing.T, s *Store, id int64) []revShape {
	t.Helper()
	revs, err := s.Revisions(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []revShape
	for _, r := range revs {
		c, err := s.Revision(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, revShape{r.Label, r.Checkpoint, c.Body})
	}
	return out
}

func TestRevisionCoalescing(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		clk := newClock()
		s.Now = clk.Now
		id, _ := s.CreateDraft(&reply.Reply{Body: "v0"})
		steps := []struct {
			after time.Duration
			do    string // body to save, or "checkpoint:<label>"
			want  []revShape
		}{
			// The first revision is a checkpoint: the first autosave starts a new one.
			{time.Second, "v1", []revShape{{"", false, "v1"}, {"新建", true, "v0"}}},
			// Within 60 s of its start, autosaves update it in place.
			{20 * time.Second, "v2", []revShape{{"", false, "v2"}, {"新建", true, "v0"}}},
			{39 * time.Second, "v3", []revShape{{"", false, "v3"}, {"新建", true, "v0"}}},
			// 60 s after its start, a new one begins, even while typing goes on.
			{time.Second, "v4", []revShape{{"", false, "v4"}, {"", false, "v3"}, {"新建", true, "v0"}}},
			// A checkpoint freezes the latest revision...
			{time.Second, "checkpoint:导出PDF", []revShape{{"导出PDF", true, "v4"}, {"", false, "v3"}, {"新建", true, "v0"}}},
			// ...and the next autosave starts a new one.
			{time.Second, "v5", []revShape{{"", false, "v5"}, {"导出PDF", true, "v4"}, {"", false, "v3"}, {"新建", true, "v0"}}},
			// An unchanged save records nothing.
			{10 * time.Minute, "v5", []revShape{{"", false, "v5"}, {"导出PDF", true, "v4"}, {"", false, "v3"}, {"新建", true, "v0"}}},
			// A clock set back does not extend the latest revision.
			{-time.Hour, "v6", []revShape{{"", false, "v6"}, {"", false, "v5"}, {"导出PDF", true, "v4"}, {"", false, "v3"}, {"新建", true, "v0"}}},
		}
		for i, st := range steps {
			clk.Add(st.after)
			var err error
			if label, ok := strings.CutPrefix(st.do, "checkpoint:"); ok {
				err = s.Checkpoint(id, label)
			} else {
				err = s.SaveDraft(id, &reply.Reply{Body: st.do})
			}
			if err != nil {
				t.Fatalf("step %d (%s): %v", i, st.do, err)
			}
			if got := shapes(t, s, id); !reflect.DeepEqual(got, st.want) {
				t.Errorf("step %d (%s): revisions %v, want %v", i, st.do, got, st.want)
			}
		}
	})
}

func TestRevisionTimesAndSummary(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		clk := newClock()
		s.Now = clk.Now
		r := seedReply(t)
		id, _ := s.CreateDraft(r)
		start := clk.Now()
		clk.Add(time.Second)
		r.Body += "\n补充一段。"
		s.SaveDraft(id, r)
		clk.Add(10 * time.Second)
		r.Date = reply.Date{Year: 2023, Month: 6, Day: 21}
		s.SaveDraft(id, r)
		revs, err := s.Revisions(id)
		if err != nil || len(revs) != 2 {
			t.Fatalf("Revisions = %+v, %v", revs, err)
		}
		latest := revs[0]
		if !latest.Started.Equal(start.Add(time.Second)) || !latest.Time.Equal(clk.Now()) || latest.DraftID != id {
			t.Errorf("latest revision %+v: want started %v, time %v", latest, start.Add(time.Second), clk.Now())
		}
		// The summary compares with the revision before, not with the previous save.
		if !strings.HasPrefix(latest.Summary, "改动：正文、成文日期（正文") {
			t.Errorf("latest summary = %q", latest.Summary)
		}
		if !strings.HasPrefix(revs[1].Summary, "新建：第244号提案") {
			t.Errorf("first summary = %q", revs[1].Summary)
		}
	})
}

func TestCheckpointRepeated(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		id, _ := s.CreateDraft(&reply.Reply{Body: "a"})
		s.SaveDraft(id, &reply.Reply{Body: "b"})
		for _, label := range []string{"", "", "打印"} {
			if err := s.Checkpoint(id, label); err != nil {
				t.Fatal(err)
			}
		}
		want := []revShape{{"打印", true, "b"}, {"手动保存", true, "b"}, {"新建", true, "a"}}
		if got := shapes(t, s, id); !reflect.DeepEqual(got, want) {
			t.Errorf("revisions %v, want %v", got, want)
		}
	})
}

func TestRestoreRevision(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		clk := newClock()
		s.Now = clk.Now
		id, _ := s.CreateDraft(&reply.Reply{Body: "原稿"})
		clk.Add(time.Second)
		s.SaveDraft(id, &reply.Reply{Body: "改稿"})
		revs, _ := s.Revisions(id)
		first, edited := revs[1].ID, revs[0].ID
		clk.Add(time.Second)
		if err := s.RestoreRevision(id, first); err != nil {
			t.Fatal(err)
		}
		d, _ := s.Draft(id)
		if d.Reply.Body != "原稿" || !d.Updated.Equal(clk.Now()) {
			t.Errorf("after restore: body %q, updated %v", d.Reply.Body, d.Updated)
		}
		wantLabel := "恢复为2023-06-20 09:00:00的版本"
		want := []revShape{{wantLabel, true, "原稿"}, {"", false, "改稿"}, {"新建", true, "原稿"}}
		if got := shapes(t, s, id); !reflect.DeepEqual(got, want) {
			t.Errorf("revisions %v, want %v", got, want)
		}
		// Restoring is undoable: restore the edit it replaced.
		clk.Add(time.Second)
		if err := s.RestoreRevision(id, edited); err != nil {
			t.Fatal(err)
		}
		if d, _ := s.Draft(id); d.Reply.Body != "改稿" {
			t.Errorf("after undoing the restore: body %q", d.Reply.Body)
		}
		// Restoring the current content changes nothing.
		before := shapes(t, s, id)
		s.RestoreRevision(id, edited)
		if got := shapes(t, s, id); len(got) != len(before) {
			t.Errorf("restoring the current content added a revision: %v", got)
		}
		other, _ := s.CreateDraft(&reply.Reply{Body: "别的"})
		if err := s.RestoreRevision(other, first); !errors.Is(err, ErrNotFound) {
			t.Errorf("restoring another draft's revision = %v, want ErrNotFound", err)
		}
	})
}

func TestRevisionCap(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		clk := newClock()
		s.Now = clk.Now
		s.MaxRevisions = 5
		id, _ := s.CreateDraft(&reply.Reply{Body: "0"})
		for i := 1; i <= 20; i++ {
			clk.Add(2 * time.Minute)
			s.SaveDraft(id, &reply.Reply{Body: fmt.Sprint(i)})
			if i == 3 {
				s.Checkpoint(id, "导出PDF")
			}
		}
		var bodies []string
		for _, r := range shapes(t, s, id) {
			bodies = append(bodies, r.Body)
		}
		want := []string{"20", "19", "18", "17", "16", "3", "0"}
		if !reflect.DeepEqual(bodies, want) {
			t.Errorf("kept revisions %v, want the 5 newest and the checkpoints %v", bodies, want)
		}
	})
}

func TestChangedFields(t *testing.T) {
	base := seedReply(t)
	cases := []struct {
		name   string
		edit   func(r *reply.Reply)
		want   string
		prefix bool
	}{
		{"none", func(r *reply.Reply) {}, "无改动", true},
		{"body", func(r *reply.Reply) { r.Body = "一\n二" }, "改动：正文（正文2字）", false},
		{"contact and table", func(r *reply.Reply) {
			r.Contact.Phone = "0431-88888888"
			r.Attachments[0].Table.Rows[0][1] = "一汽"
		}, "改动：联系人、附件（正文", true},
		{"many", func(r *reply.Reply) {
			r.Number, r.Term, r.Signer, r.Seal, r.CC = "1", 1, "", false, nil
		}, "改动：届次、编号、签发人、盖章等5项（正文", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cur := seedReply(t)
			c.edit(cur)
			got := summarize(base, cur)
			if c.prefix && !strings.HasPrefix(got, c.want) || !c.prefix && got != c.want {
				t.Errorf("summarize = %q, want %q", got, c.want)
			}
		})
	}
}

// TestFieldLabels makes sure every field of a reply has a Chinese name in
// revision summaries.
func TestFieldLabels(t *testing.T) {
	typ := reflect.TypeOf(reply.Reply{})
	for i := 0; i < typ.NumField(); i++ {
		if l := fieldLabel(typ.Field(i).Name); l == "其他内容" {
			t.Errorf("field %s has no Chinese label (reply.FieldLabel(%q))", typ.Field(i).Name, snake(typ.Field(i).Name))
		}
	}
}
