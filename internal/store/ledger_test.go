package store

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

func d(y, m, day int) reply.Date { return reply.Date{Year: y, Month: m, Day: day} }

// item returns a ledger item of the 市政协 14th term, 2nd session.
func item(number string, deadline reply.Date, status ledger.Status) ledger.Item {
	return ledger.Item{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: number,
		Title: "关于第" + number + "号事项的建议", Proposers: []string{"董妍"}, LeadUnit: "长春市教育局",
		Assigned: d(2023, 6, 1), Deadline: deadline, Status: status}
}

func TestItemRoundTrip(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		var full ledger.Item
		n := 0
		fill(t, reflect.ValueOf(&full).Elem(), "Item", &n)
		full.ID, full.DraftID, full.Version = 0, 0, 0
		for _, c := range []struct {
			name string
			it   ledger.Item
		}{
			{"every field", full},
			{"minimal", ledger.Item{Number: "1"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				it := c.it.Clone()
				if err := s.SaveItem(&it); err != nil {
					t.Fatal(err)
				}
				if it.ID == 0 {
					t.Fatal("SaveItem did not set the ID")
				}
				got, err := s.Item(it.ID)
				if err != nil {
					t.Fatal(err)
				}
				want := c.it.Clone()
				want.Normalize()
				want.ID, want.Version = it.ID, 1
				if !reflect.DeepEqual(got, &want) {
					t.Errorf("Item(%d) =\n%+v\nwant\n%+v", it.ID, *got, want)
				}
			})
		}
	})
}

func TestUpsertItems(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		first := []ledger.Item{item("244", d(2023, 9, 1), ledger.Pending), item("12", d(2023, 8, 1), ledger.Pending),
			item("7", d(2023, 10, 1), ledger.Pending)}
		added, updated, err := s.UpsertItems(first)
		if err != nil || added != 3 || updated != 0 {
			t.Fatalf("first import: %d added, %d updated, %v", added, updated, err)
		}
		draft, err := s.CreateDraft(&reply.Reply{Number: "244"})
		if err != nil {
			t.Fatal(err)
		}
		all, _ := s.Items(ledger.Filter{})
		if err := s.LinkDraft(all[1].ID, draft); err != nil { // 244, second by deadline
			t.Fatal(err)
		}

		again := []ledger.Item{item("第０２４４号", d(2023, 9, 1), ledger.Pending), item("12", d(2023, 8, 1), ledger.Pending),
			item("8", d(2023, 10, 2), ledger.Pending)}
		again[0].Title = "改过的案由"
		added, updated, err = s.UpsertItems(again)
		if err != nil || added != 1 || updated != 1 {
			t.Fatalf("second import: %d added, %d updated, %v; want 1 added, 1 updated", added, updated, err)
		}
		all, _ = s.Items(ledger.Filter{})
		var nums []string
		for _, it := range all {
			nums = append(nums, it.Number)
		}
		if !slices.Equal(nums, []string{"12", "244", "7", "8"}) {
			t.Errorf("items after second import: %q", nums)
		}
		if all[1].Title != "改过的案由" || all[1].DraftID != draft {
			t.Errorf("updated item: title %q, draft %d (want %d)", all[1].Title, all[1].DraftID, draft)
		}
		if it, err := s.ItemOfDraft(draft); err != nil || it.Number != "244" {
			t.Errorf("ItemOfDraft = %v, %v", it, err)
		}
		if it, err := s.ItemByKey(ledger.Key{Assembly: "市政协", Term: 14, Session: 2, Number: "０２４４"}); err != nil || it.DraftID != draft {
			t.Errorf("ItemByKey = %v, %v", it, err)
		}
		_, err = s.ItemByKey(ledger.Key{Assembly: "市政协", Term: 14, Session: 3, Number: "244"})
		if !errors.Is(err, ErrNotFound) || err.Error() != "台账中没有市政协十四届三次会议第244号的条目" {
			t.Errorf("ItemByKey of a missing item: %v", err)
		}
	})
}

// TestUpsertAllOrNothing makes the last item of an import fail in the
// database: none of the import is written.
func TestUpsertAllOrNothing(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		if _, _, err := s.UpsertItems([]ledger.Item{item("1", d(2023, 9, 1), ledger.Pending)}); err != nil {
			t.Fatal(err)
		}
		bad := item("3", d(2023, 9, 1), ledger.Pending)
		bad.DraftID = 999
		batch := []ledger.Item{item("1", d(2024, 1, 1), ledger.Answered), item("2", d(2023, 9, 1), ledger.Pending), bad}
		_, _, err := s.UpsertItems(batch)
		if err == nil || !strings.Contains(err.Error(), "导入台账失败：答复草稿（编号 999）不存在") || !errors.Is(err, ErrNotFound) {
			t.Fatalf("error = %v", err)
		}
		all, _ := s.Items(ledger.Filter{})
		if len(all) != 1 || all[0].Status != ledger.Pending || all[0].Deadline != d(2023, 9, 1) {
			t.Errorf("a failed import changed the ledger: %+v", all)
		}
		_, _, err = s.UpsertItems([]ledger.Item{item("4", reply.Date{}, ""), {Title: "无编号"}})
		if err == nil || !strings.Contains(err.Error(), "台账条目“无编号”没有编号") {
			t.Errorf("item without number: %v", err)
		}
	})
}

func TestSaveItemErrors(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		a, b := item("1", reply.Date{}, ""), item("2", reply.Date{}, "")
		if err := s.SaveItem(&a); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveItem(&b); err != nil {
			t.Fatal(err)
		}
		b.Number = "01"
		err := s.SaveItem(&b)
		if err == nil || !strings.Contains(err.Error(), "台账中已有市政协十四届二次会议第1号的条目：同一届次会议的编号不能重复") {
			t.Errorf("duplicate: %v", err)
		}
		gone := item("5", reply.Date{}, "")
		gone.ID = 4242
		if err := s.SaveItem(&gone); !errors.Is(err, ErrNotFound) {
			t.Errorf("saving a missing item: %v", err)
		}
		if _, err := s.Item(4242); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "台账条目（编号 4242）不存在") {
			t.Errorf("Item(missing): %v", err)
		}
		if err := s.DeleteItem(a.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteItem(a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("deleting twice: %v", err)
		}
		if err := s.LinkDraft(b.ID, 77); !errors.Is(err, ErrNotFound) {
			t.Errorf("linking a missing draft: %v", err)
		}
	})
}

func TestItemsFilter(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		items := []ledger.Item{
			item("1", d(2023, 9, 1), ledger.Pending), item("2", d(2023, 9, 8), ledger.InProgress),
			item("3", d(2023, 8, 1), ledger.Answered), item("4", reply.Date{}, ledger.Pending),
			item("5", d(2023, 9, 1), ledger.FedBack),
		}
		items[1].Kind, items[1].Assembly = reply.Suggestion, "市人大"
		items[2].Category, items[4].Category = "B", "A"
		items[3].Notes = "涉及财政资金"
		if _, _, err := s.UpsertItems(items); err != nil {
			t.Fatal(err)
		}
		today := d(2023, 9, 5)
		for _, c := range []struct {
			name string
			f    ledger.Filter
			want []string
		}{
			{"all by deadline", ledger.Filter{}, []string{"3", "1", "5", "2", "4"}},
			{"status", ledger.Filter{Statuses: []ledger.Status{ledger.Pending, ledger.FedBack}}, []string{"1", "5", "4"}},
			{"kind", ledger.Filter{Kinds: []reply.Kind{reply.Suggestion}}, []string{"2"}},
			{"category", ledger.Filter{Categories: []string{"A", "B"}}, []string{"3", "5"}},
			{"overdue", ledger.Filter{Overdue: true}, []string{"1"}},
			{"due soon", ledger.Filter{DueSoon: true}, []string{"2"}},
			{"text", ledger.Filter{Text: "财政"}, []string{"4"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				c.f.Today = today
				got, err := s.Items(c.f)
				if err != nil {
					t.Fatal(err)
				}
				var nums []string
				for _, it := range got {
					nums = append(nums, it.Number)
				}
				if !slices.Equal(nums, c.want) {
					t.Errorf("got %q, want %q", nums, c.want)
				}
			})
		}
	})
}

// TestPurgedDraftUnlinks purges a linked draft: the item stays and loses
// the link.
func TestPurgedDraftUnlinks(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		id, _ := s.CreateDraft(&reply.Reply{Number: "1"})
		it := item("1", reply.Date{}, "")
		it.DraftID = id
		if err := s.SaveItem(&it); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteDraft(id); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Item(it.ID); got.DraftID != id {
			t.Errorf("a draft in the trash lost its item: %d", got.DraftID)
		}
		if err := s.PurgeDraft(id); err != nil {
			t.Fatal(err)
		}
		got, err := s.Item(it.ID)
		if err != nil || got.DraftID != 0 {
			t.Errorf("after purge: %+v, %v", got, err)
		}
		if _, err := s.ItemOfDraft(id); !errors.Is(err, ErrNotFound) {
			t.Errorf("ItemOfDraft of a purged draft: %v", err)
		}
	})
}

// TestMigrateKeepsDrafts opens a database of schema version 1 with a
// draft: it gains the ledger and keeps the draft.
func TestMigrateKeepsDrafts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if err := migrate(db, migrations[:1]); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.CreateDraft(seedReply(t))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := userVersion(s.db); v != len(migrations) {
		t.Errorf("user_version = %d", v)
	}
	if _, err := s.Draft(id); err != nil {
		t.Errorf("draft lost: %v", err)
	}
	it := item("1", reply.Date{}, "")
	it.DraftID = id
	if err := s.SaveItem(&it); err != nil {
		t.Errorf("ledger unusable after migration: %v", err)
	}
}

// manyItems returns n items with distinct numbers and spread deadlines.
func manyItems(n int) []ledger.Item {
	out := make([]ledger.Item, n)
	for i := range out {
		it := item(strconv.Itoa(i+1), d(2023, 1+i%12, 1+i%28), ledger.Statuses[i%4])
		it.CoUnits = []string{"市财政局", "市发改委"}
		it.Notes = fmt.Sprintf("备注%05d", i)
		out[i] = it
	}
	return out
}

// BenchmarkUpsertItems imports 5,000 new items in one transaction.
func BenchmarkUpsertItems(b *testing.B) {
	items := manyItems(5000)
	for b.Loop() {
		b.StopTimer()
		s := openTemp(b)
		b.StartTimer()
		if added, _, err := s.UpsertItems(items); err != nil || added != 5000 {
			b.Fatal(added, err)
		}
	}
}

// BenchmarkItems lists a ledger of 10,000 items: all of them, one status,
// and a text search.
func BenchmarkItems(b *testing.B) {
	s := openTemp(b)
	if _, _, err := s.UpsertItems(manyItems(10000)); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		f    ledger.Filter
		want int
	}{
		{"all", ledger.Filter{}, 10000},
		{"status", ledger.Filter{Statuses: []ledger.Status{ledger.Pending}}, 2500},
		{"text", ledger.Filter{Text: "备注09999"}, 1},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if got, err := s.Items(c.f); err != nil || len(got) != c.want {
					b.Fatal(len(got), err)
				}
			}
		})
	}
}
