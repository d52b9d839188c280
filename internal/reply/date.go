package reply

import (
	"fmt"
	"time"
)

// Date is a calendar date without time zone. The zero Date means "not set".
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d names a real day of the Gregorian calendar.
func (d Date) Valid() bool {
	if d.Year < 1900 || d.Year > 2999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	return t.Day() == d.Day
}

// String formats d as GB/T 9704 asks: Arabic numerals, year in full, no
// padding, e.g. "2023年6月20日".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
}

// ISO formats d as "2023-06-20".
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}
