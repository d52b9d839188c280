package ui

import (
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/reply"
)

// headingRes recognise the four heading levels of GB/T 9704: 一、 （一）
// 1. （1）.
var headingRes = []*regexp.Regexp{
	regexp.MustCompile(`^([〇零一二三四五六七八九十百]+)、`),
	regexp.MustCompile(`^[（(]([〇零一二三四五六七八九十百]+)[）)]`),
	regexp.MustCompile(`^([0-9]+)[.．]`),
	regexp.MustCompile(`^[（(]([0-9]+)[）)]`),
}

// headingLevel returns the level (1-4) of a paragraph and its number, or 0.
func headingLevel(line string) (level, n int) {
	line = strings.TrimSpace(line)
	for i, re := range headingRes {
		m := re.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var err error
		if i < 2 {
			n, err = reply.ParseNumeral(m[1])
		} else {
			n, err = strconv.Atoi(m[1])
		}
		if err == nil {
			return i + 1, n
		}
	}
	return 0, 0
}

// formatHeading writes heading number n of a level.
func formatHeading(level, n int) string {
	switch level {
	case 1:
		return reply.Numeral(n) + "、"
	case 2:
		return "（" + reply.Numeral(n) + "）"
	case 3:
		return strconv.Itoa(n) + "."
	}
	return "（" + strconv.Itoa(n) + "）"
}

// NextHeading returns the number a new heading of level (1-4) gets when
// inserted after line upto (from 0) of text: one more than the last heading
// of that level since the last heading of a higher level.
func NextHeading(text string, upto, level int) string {
	n := 0
	for i, line := range strings.Split(text, "\n") {
		if i > upto {
			break
		}
		l, k := headingLevel(line)
		switch {
		case l == level:
			n = k
		case l != 0 && l < level:
			n = 0
		}
	}
	return formatHeading(level, n+1)
}

// InsertHeading inserts the next heading number of level at the line of
// rune offset pos in text: into that line when it is empty, else on a new
// line after it. It returns the new text and the rune offset after the
// number.
func InsertHeading(text string, pos, level int) (string, int) {
	lines := strings.Split(text, "\n")
	row, seen := len(lines)-1, 0
	for i, l := range lines {
		n := len([]rune(l))
		if pos <= seen+n {
			row = i
			break
		}
		seen += n + 1
	}
	h := NextHeading(text, row, level)
	if strings.TrimSpace(lines[row]) == "" {
		lines[row] = h
	} else {
		lines = append(lines[:row+1], append([]string{h}, lines[row+1:]...)...)
		row++
	}
	off := 0
	for _, l := range lines[:row] {
		off += len([]rune(l)) + 1
	}
	return strings.Join(lines, "\n"), off + len([]rune(h))
}

// bodyTools are the buttons that insert heading numbers, fix the
// punctuation of the reply and take a whole pasted letter apart.
func (f *form) bodyTools() fyne.CanvasObject {
	body := f.entries["body"]
	var objs []fyne.CanvasObject
	for level, label := range []string{"一、", "（一）", "1.", "（1）"} {
		level := level + 1
		objs = append(objs, widget.NewButton("插入 "+label, func() {
			text, off := InsertHeading(body.Text, body.CursorTextOffset(), level)
			body.SetText(text)
			setCursor(body, off)
			if c := fyne.CurrentApp().Driver().CanvasForObject(body); c != nil {
				c.Focus(body)
			}
		}))
	}
	fix := widget.NewButtonWithIcon("修正标点", theme.ContentRedoIcon(), func() {
		if f.onFix != nil {
			f.onFix()
		}
	})
	paste := widget.NewButtonWithIcon("粘贴全文…", theme.ContentPasteIcon(), func() {
		if f.onPaste != nil {
			f.onPaste()
		}
	})
	return container.NewHBox(append(objs, fix, paste, f.paraFormTools())...)
}

// setCursor puts the cursor of e at rune offset off.
func setCursor(e *widget.Entry, off int) {
	row, col := 0, 0
	for i, r := range []rune(e.Text) {
		if i == off {
			break
		}
		if r == '\n' {
			row, col = row+1, 0
		} else {
			col++
		}
	}
	e.CursorRow, e.CursorColumn = row, col
	e.Refresh()
}
