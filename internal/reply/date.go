package reply

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
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

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	for _, c := range [][2]int{{d.Year, e.Year}, {d.Month, e.Month}, {d.Day, e.Day}} {
		if c[0] != c[1] {
			if c[0] < c[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// maxDateText is the longest text ParseDate reads, in bytes: a date with a
// time of day and spaces is far shorter.
const maxDateText = 200

var (
	arabicDate  = regexp.MustCompile(`^([0-9]{4})\s*(?:年|-|/|\.|、)\s*([0-9]{1,2})\s*(?:月|-|/|\.|、)\s*([0-9]{1,2})\s*[日号]?$`)
	compactDate = regexp.MustCompile(`^([0-9]{4})([0-9]{2})([0-9]{2})$`)
	timeSuffix  = regexp.MustCompile(`\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?$`)
)

// ParseDate reads a date in any of the forms people, Word documents and
// spreadsheets write it: "2023年6月20日", "2023-06-20", "2023-6-20",
// "2023/6/20", "2023.6.20", "20230620", with full-width digits, spaces,
// 号 for 日, or a time of day after it ("2023-06-20 00:00:00"); and in
// Chinese numerals, as dates were printed before GB/T 9704-2012:
// "二〇二三年六月二十日", "二○二一年五月十八日" (with ○, O, 零 or ０ for
// zero), "二〇二三年六月廿日", "二〇二三年十二月卅一日". It is the one
// parser of dates: reply files, the form, imported letters and ledgers
// all read dates with it. An empty text is an error; the error, in
// Chinese, quotes s and shows the expected form.
func ParseDate(s string) (Date, error) {
	if len(s) > maxDateText {
		return Date{}, &DateError{Text: cut(s, 20) + "…"}
	}
	t := strings.TrimSpace(HalfWidth(s))
	t = timeSuffix.ReplaceAllString(t, "")
	var d Date
	if m := arabicDate.FindStringSubmatch(t); m != nil {
		d = dateOf(m[1], m[2], m[3])
	} else if m := compactDate.FindStringSubmatch(t); m != nil {
		d = dateOf(m[1], m[2], m[3])
	} else if cd, ok := chineseDate(t); ok {
		d = cd
	} else {
		return Date{}, &DateError{Text: s}
	}
	if !d.Valid() {
		return Date{}, &DateError{Text: s, NoSuchDay: true}
	}
	return d, nil
}

// DateError is a text ParseDate cannot read as a date.
type DateError struct {
	Text      string // the text, cut when long
	NoSuchDay bool   // the text has the form of a date, of a day that does not exist (2023年2月30日)
}

// Error quotes the text and says what is wrong, in Chinese.
func (e *DateError) Error() string {
	if e.NoSuchDay {
		return "“" + e.Text + "”不是有效日期（没有这一天），请核对年月日"
	}
	return "“" + e.Text + "”不是日期，应写作 2023年6月1日 或 2023-06-01"
}

// dateOf builds a date of three runs of ASCII digits.
func dateOf(y, m, d string) Date {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	return Date{Year: yi, Month: mi, Day: di}
}

// cut returns the first n runes of s.
func cut(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
