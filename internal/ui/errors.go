package ui

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"replydesk/internal/safefile"
)

// explain says an error from the system in Chinese, with the path and
// what to do, the system's own words in parentheses (see
// safefile.Explain): op is the verb ("打开", "保存"). Errors that do not
// come from the system are already in Chinese and are returned as they
// are.
func explain(op, path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	var errno syscall.Errno
	if errors.As(err, &pe) || errors.As(err, &le) || errors.As(err, &se) || errors.As(err, &errno) {
		return safefile.Explain(op, path, err)
	}
	return err
}

// showError shows err in w, said in Chinese when it comes from the system
// (see explain).
func showError(op, path string, err error, w fyne.Window) {
	dialog.ShowError(explain(op, path, err), w)
}
