package ui

import (
	"errors"
	"path/filepath"
	"runtime"
	"slices"

	"github.com/ncruces/zenity"
)

// systemChooser shows the dialogs of the system: on Linux and the BSDs the
// XDG desktop portal when it answers, else the zenity (or qarma,
// matedialog) program, else KDE's kdialog; on Windows the common item
// dialog and on macOS the panel shown by osascript, both through zenity.
// Each is tried in turn while the one before has no dialog to show.
type systemChooser []fileChooser

func newSystemChooser() fileChooser {
	var s systemChooser
	if p := newPortal(); p != nil {
		s = append(s, p)
	}
	s = append(s, zenityChooser{})
	if k := newKDialog(); k != nil {
		s = append(s, k)
	}
	return s
}

func (s systemChooser) open(r fileRequest) (string, error) {
	for _, c := range s {
		if p, err := c.open(r); !errors.Is(err, errNoChooser) {
			return p, err
		}
	}
	return "", errNoChooser
}

func (s systemChooser) save(r fileRequest) (string, bool, error) {
	for _, c := range s {
		if p, asked, err := c.save(r); !errors.Is(err, errNoChooser) {
			return p, asked, err
		}
	}
	return "", false, errNoChooser
}

// zenityChooser shows the dialogs through github.com/ncruces/zenity.
type zenityChooser struct{}

func (zenityChooser) open(r fileRequest) (string, error) {
	if !zenity.IsAvailable() {
		return "", errNoChooser
	}
	opts := zenityOptions(r)
	if r.dir != "" {
		opts = append(opts, zenity.Filename(r.dir+string(filepath.Separator)))
	}
	p, err := zenity.SelectFile(opts...)
	return zenityResult(p, err)
}

func (zenityChooser) save(r fileRequest) (string, bool, error) {
	if !zenity.IsAvailable() {
		return "", false, errNoChooser
	}
	opts := zenityOptions(r)
	name := r.name
	if r.dir != "" {
		name = filepath.Join(r.dir, r.name)
	}
	if name != "" {
		opts = append(opts, zenity.Filename(name))
	}
	p, err := zenity.SelectFileSave(opts...)
	p, err = zenityResult(p, err)
	// The macOS panel asks itself before replacing a file; the others
	// leave it to askSave, which asks in Chinese.
	return p, runtime.GOOS == "darwin" && p != "", err
}

// zenityOptions are the options of a zenity dialog for r.
func zenityOptions(r fileRequest) []zenity.Option {
	opts := []zenity.Option{
		zenity.Title(r.title),
		// A copy: zenity rewrites the patterns in place to match any case.
		zenity.FileFilter{Name: r.kind.name, Patterns: slices.Clone(r.kind.patterns), CaseFold: true},
		zenity.Modal(),
	}
	if r.parent != 0 {
		switch runtime.GOOS {
		case "windows":
			opts = append(opts, zenity.Attach(r.parent))
		case "darwin":
		default:
			opts = append(opts, zenity.Attach(int(r.parent)))
		}
	}
	return opts
}

// zenityResult turns what a zenity dialog returned into what a
// fileChooser returns: a cancelled dialog is "", one that could not be
// shown (no display, a broken program) is errNoChooser.
func zenityResult(p string, err error) (string, error) {
	switch {
	case errors.Is(err, zenity.ErrCanceled):
		return "", nil
	case err != nil:
		return "", errNoChooser
	}
	return p, nil
}
