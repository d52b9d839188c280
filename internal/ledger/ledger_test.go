package ledger

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"testing"

	"replydesk/internal/reply"
)

// sample returns items around today 2023-09-05: overdue, due soon, later,
// answered and rated.
func sample() []Item {
	mk := func(n string, kind reply.Kind, st Status, cat string, deadline reply.Date, sat Satisfaction) Item {
		return Item{Number: n, Kind: kind, Status: st, Category: cat, Deadline: deadline, Satisfaction: sat,
			Title: "关于第" + n + "件的建议", Proposers: []string{"委员" + n}, LeadUnit: "市教育局"}
	}
	return []Item{
		mk("10", reply.Proposal, Pending, "", date(2023, 9, 1), ""),            // overdue
		mk("9", reply.Proposal, InProgress, "", date(2023, 9, 12), ""),         // due in 7 days
		mk("8", reply.Suggestion, InProgress, "", date(2023, 9, 13), ""),       // due in 8 days
		mk("7", reply.Suggestion, Answered, "A", date(2023, 8, 1), ""),         // late but answered
		mk("6", reply.Proposal, FedBack, "B", date(2023, 9, 1), Satisfied),     // rated
		mk("5", reply.Proposal, FedBack, "B", reply.Date{}, Unsatisfied),       // no deadline
		mk("4", reply.Suggestion, FedBack, "C", date(2023, 10, 1), Basic),      // rated
		mk("3", reply.Suggestion, Pending, "", date(2023, 9, 5), ""),           // due today
		mk("Ｘ-1", reply.Proposal, Pending, "", date(2023, 9, 30), ""),          // later
		mk("2", reply.Proposal, Answered, "甲", date(2023, 9, 30), ""),          // category outside the scheme
		mk("1", reply.Proposal, InProgress, "", date(2023, 9, 4), ""),          // overdue by a day
		mk("11", reply.Proposal, Answered, "D", date(2023, 9, 4), Satisfied),   // answered
		mk("12", reply.Suggestion, Pending, "", date(2024, 1, 1), ""),          // far
		mk("13", reply.Suggestion, Pending, "", reply.Date{}, ""),              // unknown
		mk("14", reply.Proposal, InProgress, "", date(2023, 9, 6), ""),         // tomorrow
		mk("15", reply.Proposal, Answered, "A", date(2023, 9, 6), ""),          // done
		mk("16", reply.Proposal, InProgress, "", date(2023, 12, 6), ""),        // later
		mk("17", reply.Proposal, InProgress, "", date(2022, 12, 6), ""),        // very late
		mk("18", reply.Suggestion, InProgress, "", date(2023, 9, 11), ""),      // in 6 days
		mk("19", reply.Suggestion, FedBack, "A", date(2023, 9, 11), Satisfied), // rated
	}
}

var today = date(2023, 9, 5)

func numbers(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Number)
	}
	return out
}

func TestFilter(t *testing.T) {
	items := sample()
	items[0].Notes = "需协调ＡＢＣ"
	for _, c := range []struct {
		name string
		f    Filter
		want []string
	}{
		{"all", Filter{}, numbers(items)},
		{"status", Filter{Statuses: []Status{Pending}}, []string{"10", "3", "Ｘ-1", "12", "13"}},
		{"two statuses and kind", Filter{Statuses: []Status{Answered, FedBack}, Kinds: []reply.Kind{reply.Suggestion}}, []string{"7", "4", "19"}},
		{"category", Filter{Categories: []string{"B", "甲"}}, []string{"6", "5", "2"}},
		{"overdue", Filter{Overdue: true}, []string{"10", "1", "17"}},
		{"due soon", Filter{DueSoon: true}, []string{"9", "3", "14", "18"}},
		{"overdue or due soon", Filter{Overdue: true, DueSoon: true}, []string{"10", "9", "3", "1", "14", "17", "18"}},
		{"text number", Filter{Text: "第17号"}, []string{"17"}},
		{"text words", Filter{Text: "委员1 建议"}, []string{"10", "1", "11", "12", "13", "14", "15", "16", "17", "18", "19"}},
		{"text full width", Filter{Text: "abc"}, []string{"10"}},
		{"text and status", Filter{Text: "市教育局", Statuses: []Status{FedBack}}, []string{"6", "5", "4", "19"}},
		{"nothing", Filter{Text: "不存在"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.f.Today = today
			got := numbers(c.f.Apply(items))
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
			for i := range items {
				if c.f.Match(&items[i]) != slices.Contains(c.want, items[i].Number) {
					t.Errorf("Match(%s) disagrees with Apply", items[i].Number)
				}
			}
		})
	}
}

func TestUrgency(t *testing.T) {
	items := sample()
	want := map[string]Urgency{"10": UrgencyOverdue, "9": UrgencyDueSoon, "8": Normal, "7": Normal, "3": UrgencyDueSoon, "13": Normal}
	for i := range items {
		if w, ok := want[items[i].Number]; ok {
			if got := items[i].Urgency(today); got != w {
				t.Errorf("item %s: urgency %d, want %d", items[i].Number, got, w)
			}
		}
	}
}

func TestSort(t *testing.T) {
	for _, c := range []struct {
		name string
		key  SortKey
		desc bool
		want []string
	}{
		{"deadline", ByDeadline, false, []string{"17", "7", "6", "10", "1", "11", "3", "14", "15", "18", "19", "9", "8", "2", "Ｘ-1", "4", "16", "12", "5", "13"}},
		{"deadline desc", ByDeadline, true, []string{"12", "16", "4", "2", "Ｘ-1", "8", "9", "18", "19", "14", "15", "3", "1", "11", "6", "10", "7", "17", "5", "13"}},
		{"number", ByNumber, false, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "Ｘ-1"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			items := sample()
			Sort(items, c.key, c.desc)
			if got := numbers(items); !slices.Equal(got, c.want) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestStats(t *testing.T) {
	s := Compute(sample(), []string{"A", "B", "C", "D"}, today)
	if s.Total != 20 || s.Answered != 8 || s.Rated != 5 || s.Satisfied != 4 || s.Overdue != 3 {
		t.Errorf("stats = %+v", s)
	}
	if math.Abs(s.ReplyRate()-0.4) > 1e-9 || math.Abs(s.SatisfactionRate()-0.8) > 1e-9 {
		t.Errorf("rates = %v, %v", s.ReplyRate(), s.SatisfactionRate())
	}
	str := func(cs []Count) string { return fmt.Sprint(cs) }
	for _, c := range []struct{ name, got, want string }{
		{"kind", str(s.ByKind), "[{提案 12} {建议 8}]"},
		{"category", str(s.ByCategory), "[{A 3} {B 2} {C 1} {D 1} {甲 1} { 12}]"},
		{"status", str(s.ByStatus), "[{未办理 5} {办理中 7} {已答复 4} {已反馈 4}]"},
		{"satisfaction", str(s.BySatisfaction), "[{满意 3} {基本满意 1} {不满意 1} { 15}]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %s, want %s", c.got, c.want)
			}
		})
	}
	if empty := Compute(nil, nil, today); empty.ReplyRate() != 0 || empty.SatisfactionRate() != 0 {
		t.Errorf("rates of nothing: %v %v", empty.ReplyRate(), empty.SatisfactionRate())
	}
	if got := Categories(sample(), []string{"A", "B"}); !slices.Equal(got, []string{"A", "B", "C", "D", "甲"}) {
		t.Errorf("Categories = %q", got)
	}
}

func TestFillDeadline(t *testing.T) {
	it := Item{Assigned: date(2023, 11, 30)}
	if !it.FillDeadline(0) || it.Deadline != date(2024, 2, 29) {
		t.Errorf("default deadline = %v", it.Deadline)
	}
	it = Item{Assigned: date(2023, 6, 1), Deadline: date(2023, 7, 1)}
	if it.FillDeadline(3) || it.Deadline != date(2023, 7, 1) {
		t.Errorf("an explicit deadline was replaced: %v", it.Deadline)
	}
	it = Item{Assigned: date(2023, 6, 1)}
	if it.FillDeadline(1); it.Deadline != date(2023, 7, 1) {
		t.Errorf("one month: %v", it.Deadline)
	}
}

func BenchmarkFilterText(b *testing.B) {
	base := sample()
	items := make([]Item, 0, 10000)
	for i := 0; i < 10000; i++ {
		it := base[i%len(base)].Clone()
		it.Number = strconv.Itoa(i + 1)
		items = append(items, it)
	}
	f := Filter{Text: "第9999号", Today: today}
	for b.Loop() {
		if got := f.Apply(items); len(got) != 1 {
			b.Fatal(len(got))
		}
	}
}
