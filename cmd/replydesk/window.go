package main

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"replydesk/internal/app"
	"replydesk/internal/store"
	"replydesk/internal/ui"
)

// windowMemoryLimit is the soft limit of the Go heap of the window.
const windowMemoryLimit = 200 << 20

// openWindow opens the desktop window and returns when it is closed. A
// database that cannot be opened is reported in the window, which then
// works with files only.
func openWindow() (int, error) {
	if os.Getenv("GOMEMLIMIT") == "" {
		// Most of the heap is font data that lives as long as the window,
		// while each keystroke makes a few MB of garbage: without a limit
		// the runtime lets the heap double before collecting (some 100 MB
		// more while typing). The fonts hold no pointers, so the extra
		// collections cost next to nothing.
		debug.SetMemoryLimit(windowMemoryLimit)
	}
	a := fyneapp.NewWithID("app.replydesk")
	var drafts app.Drafts
	st, dbErr := store.Open(app.DatabasePath(a.Preferences().String(app.DataDirKey)))
	if dbErr == nil {
		drafts = st
		defer st.Close()
	}
	profile, perr := app.LoadProfile(drafts)
	styleDirs := []string{app.UserStyleDir()}
	desk, err := app.Open(app.Options{StyleDirs: styleDirs, FontFiles: profile.Fonts})
	if err != nil && len(profile.Fonts) > 0 {
		// A font chosen in the settings is gone: fall back to the embedded ones.
		perr = fmt.Errorf("设置中指定的字体无法载入，已改用内置字体：%w", err)
		desk, err = app.Open(app.Options{StyleDirs: styleDirs})
	}
	if err != nil {
		return 1, err
	}
	u := ui.New(a, desk, drafts, dbErr)
	if warn := errors.Join(desk.Warning, perr); warn != nil {
		fyne.Do(func() { u.ShowError(warn) })
	}
	u.Window.ShowAndRun()
	return 0, nil
}
