package ledger

import (
	"strings"
	"time"

	"replydesk/internal/reply"
)

// DueSoonDays is how many days before its deadline an open item counts as
// due soon and is highlighted.
const DueSoonDays = 7

// AddMonths returns d plus n calendar months. A day that the target month
// lacks becomes its last day: 2023-11-30 plus 3 months is 2024-02-29.
func AddMonths(d reply.Date, n int) reply.Date {
	if d.IsZero() {
		return d
	}
	m := d.Month - 1 + n
	y := d.Year + m/12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	last := time.Date(y, time.Month(m+2), 0, 0, 0, 0, 0, time.UTC).Day()
	return reply.Date{Year: y, Month: m + 1, Day: min(d.Day, last)}
}

// FillDeadline sets the deadline to the assigned date plus months (≤ 0:
// DefaultDeadlineMonths) when the item has an assigned date and no
// deadline. It reports whether it set one.
func (it *Item) FillDeadline(months int) bool {
	if !it.Deadline.IsZero() || it.Assigned.IsZero() {
		return false
	}
	if months <= 0 {
		months = DefaultDeadlineMonths
	}
	it.Deadline = AddMonths(it.Assigned, months)
	return true
}

// DaysBetween returns the number of days from a to b (negative when b is
// before a).
func DaysBetween(a, b reply.Date) int {
	ta := time.Date(a.Year, time.Month(a.Month), a.Day, 12, 0, 0, 0, time.UTC)
	tb := time.Date(b.Year, time.Month(b.Month), b.Day, 12, 0, 0, 0, time.UTC)
	return int(tb.Sub(ta).Hours() / 24)
}

// Overdue reports whether the item is still open on today and its deadline
// has passed.
func (it *Item) Overdue(today reply.Date) bool {
	return !it.Status.Done() && !it.Deadline.IsZero() && it.Deadline.Compare(today) < 0
}

// DueSoon reports whether the item is still open and its deadline falls
// within the next DueSoonDays days (today included).
func (it *Item) DueSoon(today reply.Date) bool {
	if it.Status.Done() || it.Deadline.IsZero() {
		return false
	}
	n := DaysBetween(today, it.Deadline)
	return n >= 0 && n <= DueSoonDays
}

// Urgency is how pressing an open item is, for highlighting a row.
type Urgency int

// Urgencies, least pressing first.
const (
	Normal         Urgency = iota
	UrgencyDueSoon         // deadline within DueSoonDays
	UrgencyOverdue         // deadline passed
)

// Urgency returns how pressing the item is on today.
func (it *Item) Urgency(today reply.Date) Urgency {
	switch {
	case it.Overdue(today):
		return UrgencyOverdue
	case it.DueSoon(today):
		return UrgencyDueSoon
	}
	return Normal
}

// ParseDate reads a date as ledgers write it, with reply.ParseDate (the
// one date parser: "2023年6月1日", "2023-06-01", "20230601", "2023-06-01
// 00:00:00", "二〇二三年六月一日" …). An empty text is the zero Date. The
// error, in Chinese, quotes the text and shows the expected form.
func ParseDate(s string) (reply.Date, error) {
	if strings.TrimSpace(reply.HalfWidth(s)) == "" {
		return reply.Date{}, nil
	}
	return reply.ParseDate(s)
}

// Today returns the current date in the local time zone.
func Today() reply.Date { return reply.DateOf(time.Now()) }
