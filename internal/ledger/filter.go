package ledger

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"replydesk/internal/reply"
)

// Filter selects items of the ledger. The zero Filter selects all. Within
// a list (Statuses, Kinds, Categories) any value matches; the conditions
// must all hold.
type Filter struct {
	Statuses   []Status
	Kinds      []reply.Kind
	Categories []string // category codes; "" selects the items without one
	Overdue    bool     // only open items past their deadline
	DueSoon    bool     // only open items due within DueSoonDays (with Overdue: either)
	// Text keeps the items whose number (also as "第244号"), title,
	// proposers, co-signers, delegation, units, contact, document number or
	// notes contain every space-separated word of it; full-width and
	// half-width characters and letter case do not matter.
	Text string
	// Today is the date Overdue and DueSoon are judged on; zero = today.
	Today reply.Date
}

// today returns the filter's reference date.
func (f *Filter) today() reply.Date {
	if f.Today.IsZero() {
		return Today()
	}
	return f.Today
}

// IsZero reports whether the filter selects every item.
func (f *Filter) IsZero() bool {
	return len(f.Statuses) == 0 && len(f.Kinds) == 0 && len(f.Categories) == 0 &&
		!f.Overdue && !f.DueSoon && strings.TrimSpace(f.Text) == ""
}

// Match reports whether the item passes the filter.
func (f *Filter) Match(it *Item) bool {
	return f.matcher().match(it)
}

// Apply returns the items that pass the filter, in their order. The items
// are not copied.
func (f *Filter) Apply(items []Item) []Item {
	m := f.matcher()
	var out []Item
	for i := range items {
		if m.match(&items[i]) {
			out = append(out, items[i])
		}
	}
	return out
}

// Matcher returns the filter prepared for matching many items: match
// reports whether an item passes, given its search text (SearchText), or
// "" to have it built when the filter searches. A ledger window keeps the
// texts of its items and filters them at every keystroke.
func (f *Filter) Matcher() (match func(it *Item, text string) bool) {
	return f.matcher().matchText
}

// matcher is a filter prepared for matching many items.
type matcher struct {
	f     *Filter
	today reply.Date
	words []string
}

func (f *Filter) matcher() *matcher {
	return &matcher{f: f, today: f.today(), words: strings.Fields(foldSearch(f.Text))}
}

func (m *matcher) match(it *Item) bool {
	return m.matchText(it, "")
}

// matchText matches an item whose search text is text ("" = build it if
// the filter searches).
func (m *matcher) matchText(it *Item, text string) bool {
	f := m.f
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, it.Status) {
		return false
	}
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, it.Kind) {
		return false
	}
	if len(f.Categories) > 0 && !slices.Contains(f.Categories, it.Category) {
		return false
	}
	if f.Overdue || f.DueSoon {
		if !(f.Overdue && it.Overdue(m.today) || f.DueSoon && it.DueSoon(m.today)) {
			return false
		}
	}
	if len(m.words) > 0 {
		if text == "" {
			text = SearchText(it)
		}
		for _, w := range m.words {
			if !strings.Contains(text, w) {
				return false
			}
		}
	}
	return true
}

// SearchText is the folded text a Filter's Text searches in.
func SearchText(it *Item) string {
	parts := []string{it.Number, "第" + it.Number + "号", string(it.Kind), it.Title,
		strings.Join(it.Proposers, "、"), strings.Join(it.CoSigners, "、"), it.Delegation,
		it.LeadUnit, strings.Join(it.CoUnits, "、"), it.Contact, it.Phone, it.DocNumber,
		it.Signer, it.Notes, Meeting(it.Assembly, it.Term, it.Session)}
	return foldSearch(strings.Join(parts, "\n"))
}

// foldSearch makes text and queries comparable: half-width, lower case.
func foldSearch(s string) string { return strings.ToLower(reply.HalfWidth(s)) }

// SortKey is a column the ledger can be sorted by.
type SortKey int

// Sort keys.
const (
	ByDeadline SortKey = iota // earliest deadline first; items without one last
	ByNumber                  // numerically where numbers are digits
	ByAssigned
	ByStatus // in the order of the work
	ByReplied
)

// Sort sorts items in place by key (descending when desc), then by
// number, so that equal keys keep a stable, predictable order. Items
// without the date sorted by come last either way.
func Sort(items []Item, key SortKey, desc bool) {
	slices.SortStableFunc(items, func(a, b Item) int { return Compare(&a, &b, key, desc) })
}

// Compare orders two items as Sort does.
func Compare(a, b *Item, key SortKey, desc bool) int {
	c := compareBy(a, b, key, desc)
	if c == 0 && key != ByNumber {
		c = compareNumbers(a.Number, b.Number)
	}
	return c
}

func compareBy(a, b *Item, key SortKey, desc bool) int {
	sign := 1
	if desc {
		sign = -1
	}
	switch key {
	case ByNumber:
		return sign * compareNumbers(a.Number, b.Number)
	case ByStatus:
		return sign * cmp.Compare(slices.Index(Statuses, a.Status), slices.Index(Statuses, b.Status))
	}
	var da, db reply.Date
	switch key {
	case ByDeadline:
		da, db = a.Deadline, b.Deadline
	case ByAssigned:
		da, db = a.Assigned, b.Assigned
	case ByReplied:
		da, db = a.Replied, b.Replied
	}
	switch {
	case da.IsZero() && db.IsZero():
		return 0
	case da.IsZero():
		return 1
	case db.IsZero():
		return -1
	}
	return sign * da.Compare(db)
}

// compareNumbers orders item numbers numerically when both are digits
// ("9" before "10"), else as text.
func compareNumbers(a, b string) int {
	na, ea := strconv.Atoi(a)
	nb, eb := strconv.Atoi(b)
	switch {
	case ea == nil && eb == nil:
		return cmp.Compare(na, nb)
	case ea == nil:
		return -1
	case eb == nil:
		return 1
	}
	return strings.Compare(a, b)
}
