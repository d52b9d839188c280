package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Every file the window writes (PDF, Word, workbooks, reply files) is
// written off the UI goroutine: the window goes on drawing and taking keys
// while a slow disk or a long reply is written.

// writing counts the writes running; Settle and tests wait for them.
var writing sync.WaitGroup

// beforeWrite, when set, runs off the UI goroutine before each write;
// tests make the disk slow with it.
var beforeWrite func()

// writeOff says msg in status (when both are given), runs work off the UI
// goroutine and then, on the UI goroutine, what work returns.
func writeOff(status *widget.Label, msg string, work func() func()) {
	if status != nil && msg != "" {
		status.SetText(msg)
	}
	hook := beforeWrite
	writing.Add(1)
	go func() {
		defer writing.Done()
		if hook != nil {
			hook()
		}
		then := work()
		fyne.DoAndWait(then)
	}()
}
