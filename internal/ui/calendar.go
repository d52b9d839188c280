package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/reply"
)

// weekdays head the calendar's columns, Monday first as Chinese calendars
// have it.
var weekdays = [7]string{"一", "二", "三", "四", "五", "六", "日"}

// calendar is a month of days to pick a date from, in Chinese: Fyne's own
// calendar names its months in English whatever the language.
type calendar struct {
	month  time.Time // the first day of the month shown
	chosen reply.Date
	onPick func(reply.Date)
	label  *widget.Label
	days   *fyne.Container
	box    fyne.CanvasObject
}

func newCalendar(start reply.Date, onPick func(reply.Date)) *calendar {
	c := &calendar{chosen: start, onPick: onPick}
	if !start.Valid() {
		c.chosen = reply.DateOf(time.Now())
	}
	c.month = time.Date(c.chosen.Year, time.Month(c.chosen.Month), 1, 12, 0, 0, 0, time.Local)
	c.label = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.show(c.month.AddDate(0, -1, 0)) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.show(c.month.AddDate(0, 1, 0)) })
	prev.Importance, next.Importance = widget.LowImportance, widget.LowImportance
	today := widget.NewButton("今天", func() { c.pick(reply.DateOf(time.Now())) })
	today.Importance = widget.LowImportance
	c.days = container.NewGridWithColumns(7)
	nav := container.NewBorder(nil, nil, prev, container.NewHBox(today, next), c.label)
	c.box = container.NewBorder(nav, nil, nil, nil, c.days)
	c.show(c.month)
	return c
}

// Month returns the month shown, as its header says it: "2023年6月".
func (c *calendar) Month() string { return c.label.Text }

// show fills the grid with the days of the month of t.
func (c *calendar) show(t time.Time) {
	c.month = time.Date(t.Year(), t.Month(), 1, 12, 0, 0, 0, time.Local)
	c.label.SetText(fmt.Sprintf("%d年%d月", c.month.Year(), int(c.month.Month())))
	var cells []fyne.CanvasObject
	for _, w := range weekdays {
		cells = append(cells, widget.NewLabelWithStyle(w, fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	lead := (int(c.month.Weekday()) + 6) % 7 // Monday = 0
	for i := 0; i < lead; i++ {
		cells = append(cells, widget.NewLabel(""))
	}
	today := reply.DateOf(time.Now())
	for d := c.month; d.Month() == c.month.Month(); d = d.AddDate(0, 0, 1) {
		date := reply.DateOf(d)
		b := widget.NewButton(fmt.Sprint(d.Day()), func() { c.pick(date) })
		switch {
		case date == c.chosen:
			b.Importance = widget.HighImportance
		case date == today:
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		cells = append(cells, b)
	}
	c.days.Objects = cells
	c.days.Refresh()
}

func (c *calendar) pick(d reply.Date) {
	c.chosen = d
	if c.onPick != nil {
		c.onPick(d)
	}
}

// dateField is an entry for a date with a button that opens a calendar
// under it; a picked day is written as the entry's placeholder suggests
// (2023年6月1日) unless it holds an ISO date (2023-06-01).
func dateField(e *widget.Entry) fyne.CanvasObject {
	var pop *widget.PopUp
	btn := widget.NewButtonWithIcon("", theme.CalendarIcon(), nil)
	btn.OnTapped = func() {
		c := fyne.CurrentApp().Driver().CanvasForObject(btn)
		if c == nil {
			return
		}
		start, _ := reply.ParseDate(e.Text)
		iso := isISODate(e.Text, e.PlaceHolder)
		cal := newCalendar(start, func(d reply.Date) {
			if iso {
				e.SetText(d.ISO())
			} else {
				e.SetText(d.String())
			}
			pop.Hide()
		})
		pop = widget.NewPopUp(cal.box, c)
		pop.ShowAtRelativePosition(fyne.NewPos(0, btn.Size().Height), btn)
	}
	return container.NewBorder(nil, nil, nil, btn, e)
}

// isISODate reports whether a date field is written 2023-06-01: its text
// is, or (when empty) its placeholder is.
func isISODate(text, placeholder string) bool {
	s := text
	if s == "" {
		s = placeholder
	}
	return len(s) >= 10 && s[4] == '-'
}
