package main

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"replydesk/internal/app"
	"replydesk/internal/ui"
)

// windowMemoryLimit is the soft limit of the memory the Go runtime of the
// window holds. The embedded fonts are not on the heap (package assets
// maps them from the cache folder); the live heap with the seed reply open
// is about 60 MB (the segmenter's dictionary, Fyne's parse of the trimmed
// UI face, the preview). The limit leaves some 40 MB of room above that:
// a collection every few keystrokes, at most a tenth more CPU while typing
// than without a limit.
const windowMemoryLimit = 100 << 20

// openWindow opens the desktop window and returns when it is closed. A
// database that cannot be opened is reported in the window, which then
// works with files only. file, if not empty, is a reply to open or a
// 交办清单 to preview for import.
func openWindow(file string) (int, error) {
	if os.Getenv("GOMEMLIMIT") == "" {
		// Most of the heap is parsed font data that lives as long as the
		// window, while each keystroke makes a few MB of garbage: without
		// a limit the runtime lets the heap double before collecting, and
		// keeps the freed pages (some 80 MB more while typing).
		debug.SetMemoryLimit(windowMemoryLimit)
	}
	var files []string
	if file != "" {
		files = []string{file}
	}
	// One window per user: a window that runs already takes the file and
	// comes to the front; this start then ends.
	inst, handed, ierr := app.ClaimInstance(app.InstanceSocket(), files)
	if handed {
		return 0, nil
	}
	if inst != nil {
		defer inst.Close()
	}
	a := fyneapp.NewWithID("app.replydesk")
	var drafts app.Drafts
	choice := app.LoadStoreChoice(a.Preferences())
	target := choice.Target(a.Preferences().String(app.DataDirKey))
	st, dbErr := app.OpenStore(target, choice.Operator)
	if dbErr == nil {
		drafts = st
	}
	profile, perr := app.LoadProfile(drafts)
	styleDirs := []string{app.UserStyleDir()}
	desk, err := app.Open(app.Options{StyleDirs: styleDirs, FontFiles: profile.Fonts, OfficialFonts: true})
	if err != nil && len(profile.Fonts) > 0 {
		// A font chosen in the settings is gone: fall back to the official
		// or embedded ones.
		perr = fmt.Errorf("设置中指定的字体无法载入，已改用内置字体：%w", err)
		desk, err = app.Open(app.Options{StyleDirs: styleDirs, OfficialFonts: true})
	}
	if err != nil {
		return 1, err
	}
	u := ui.New(a, desk, drafts, dbErr)
	defer u.CloseStore() // the window may have switched to another database
	if dbErr != nil && choice.Server {
		// The shared server may be away for a moment (the network at
		// boot, a restart): the window tries again and takes it up.
		u.RetryStore(func() (app.Drafts, error) {
			st, err := app.OpenStore(target, choice.Operator)
			if err != nil {
				return nil, err
			}
			return st, nil
		})
	}
	if inst != nil {
		inst.Serve(func(files []string) { fyne.Do(func() { u.HandedOver(files) }) })
	} else {
		fmt.Fprintln(os.Stderr, "replydesk:", ierr) // a second start will open a second window
	}
	if warn := errors.Join(desk.Warning, perr); warn != nil {
		fyne.Do(func() { u.ShowError(warn) })
	}
	fyne.Do(u.Preload)
	if file != "" {
		fyne.Do(func() { u.OpenArgument(file) })
	}
	u.Window.ShowAndRun()
	return 0, nil
}
