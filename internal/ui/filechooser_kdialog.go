//go:build !windows && !darwin

package ui

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// kdialogChooser shows KDE's dialogs through its kdialog program, where
// neither the portal nor zenity is there (github.com/ncruces/zenity does
// not speak to kdialog).
type kdialogChooser struct{ path string }

// newKDialog returns the kdialog chooser, or nil without the program.
func newKDialog() fileChooser {
	p, err := exec.LookPath("kdialog")
	if err != nil {
		return nil
	}
	return kdialogChooser{p}
}

// kdialogFilter is r's filter as kdialog takes it: "名称 (*.a *.b)".
func kdialogFilter(k fileKind) string {
	return k.short() + " (" + strings.Join(k.patterns, " ") + ")"
}

// run runs kdialog with args and the options of r, and returns the path
// it printed: "" when the user cancelled (exit status 1), errNoChooser
// when it could not show a dialog.
func (k kdialogChooser) run(r fileRequest, args ...string) (string, error) {
	args = append(args, "--title", r.title)
	if r.parent != 0 {
		args = append(args, "--attach", strconv.FormatUint(uint64(r.parent), 10))
	}
	out, err := exec.Command(k.path, args...).Output()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		return "", nil
	case err != nil:
		return "", errNoChooser
	}
	return strings.TrimSuffix(string(out), "\n"), nil
}

func (k kdialogChooser) open(r fileRequest) (string, error) {
	start := r.dir
	if start == "" {
		start = "."
	}
	return k.run(r, "--getopenfilename", start, kdialogFilter(r.kind))
}

func (k kdialogChooser) save(r fileRequest) (string, bool, error) {
	start := r.name
	if r.dir != "" {
		start = filepath.Join(r.dir, r.name)
	}
	if start == "" {
		start = "."
	}
	p, err := k.run(r, "--getsavefilename", start, kdialogFilter(r.kind))
	return p, false, err
}
