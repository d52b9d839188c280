package ledger

import (
	"slices"

	"replydesk/internal/reply"
)

// Count is the number of items with one value of a column.
type Count struct {
	Value string // e.g. "提案", "B", "已答复", "满意"; "" = not filled in
	N     int
}

// Stats are the figures of an annual report on a set of items.
type Stats struct {
	Total          int
	ByKind         []Count // 提案, 建议, then others
	ByCategory     []Count // the scheme's codes in order, then others, then "" (未分类)
	ByStatus       []Count // every status in the order of the work
	BySatisfaction []Count // 满意, 基本满意, 不满意, then "" (未反馈)

	Answered  int // 已答复 or 已反馈
	Rated     int // with a satisfaction rating
	Satisfied int // rated 满意 or 基本满意
	Overdue   int // open past the deadline, on the day the stats were made
}

// ReplyRate is the 办复率: answered items over all items (0 when empty).
func (s *Stats) ReplyRate() float64 {
	if s.Total == 0 {
		return 0
	}
	return float64(s.Answered) / float64(s.Total)
}

// SatisfactionRate is the 满意率: items rated 满意 or 基本满意 over the
// rated items (0 when none is rated).
func (s *Stats) SatisfactionRate() float64 {
	if s.Rated == 0 {
		return 0
	}
	return float64(s.Satisfied) / float64(s.Rated)
}

// Compute returns the statistics of items on today (zero: today).
// categories lists the codes of the category scheme, in order; they are
// counted even when no item has them, so that the report shows zeros.
func Compute(items []Item, categories []string, today reply.Date) Stats {
	if today.IsZero() {
		today = Today()
	}
	s := Stats{Total: len(items)}
	kinds := map[string]int{}
	cats := map[string]int{}
	statuses := map[string]int{}
	sats := map[string]int{}
	for i := range items {
		it := &items[i]
		kinds[string(it.Kind)]++
		cats[it.Category]++
		statuses[string(it.Status)]++
		sats[string(it.Satisfaction)]++
		if it.Status.Done() {
			s.Answered++
		}
		if it.Satisfaction != "" {
			s.Rated++
		}
		if it.Satisfaction.Good() {
			s.Satisfied++
		}
		if it.Overdue(today) {
			s.Overdue++
		}
	}
	s.ByKind = counts(kinds, []string{string(reply.Proposal), string(reply.Suggestion)}, false)
	s.ByCategory = counts(cats, categories, true)
	s.ByStatus = counts(statuses, statusNames(), false)
	s.BySatisfaction = counts(sats, satisfactionNames(), true)
	return s
}

// counts lists the counts of the fixed values in order (zeros included),
// then the other values found, sorted, and finally "" when blank says so
// and some item has no value.
func counts(m map[string]int, fixed []string, blank bool) []Count {
	var out []Count
	for _, v := range fixed {
		out = append(out, Count{v, m[v]})
	}
	var others []string
	for v := range m {
		if v != "" && !slices.Contains(fixed, v) {
			others = append(others, v)
		}
	}
	slices.Sort(others)
	for _, v := range others {
		out = append(out, Count{v, m[v]})
	}
	if n := m[""]; n > 0 && blank {
		out = append(out, Count{"", n})
	}
	return out
}

// Categories returns the distinct category codes of the items, in scheme
// order first (those of scheme found or not), then the others sorted.
func Categories(items []Item, scheme []string) []string {
	out := slices.Clone(scheme)
	var others []string
	for i := range items {
		c := items[i].Category
		if c != "" && !slices.Contains(out, c) && !slices.Contains(others, c) {
			others = append(others, c)
		}
	}
	slices.Sort(others)
	return append(out, others...)
}
