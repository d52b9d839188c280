//go:build !windows

package app

import "os/exec"

// systemPrinting is the print system of this build: CUPS.
const systemPrinting = "cups"

// hideConsole leaves a command as it is: only Windows opens a console
// window for a console program started from the window.
func hideConsole(*exec.Cmd) {}
