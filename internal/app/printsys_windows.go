//go:build windows

package app

import (
	"os/exec"
	"syscall"
)

// systemPrinting is the print system of this build: the Windows shell.
const systemPrinting = "windows"

// createNoWindow is the CREATE_NO_WINDOW process creation flag.
const createNoWindow = 0x08000000

// hideConsole keeps a console program started from the window (PowerShell)
// from flashing a console window.
func hideConsole(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: createNoWindow}
}
