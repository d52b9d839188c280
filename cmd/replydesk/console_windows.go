//go:build windows

package main

import (
	"os"
	"syscall"
)

// The Windows executable replydesk.exe is built for the GUI subsystem (no
// console window opens with the desktop window), so Windows gives it no
// console: started from cmd.exe or PowerShell its output would go
// nowhere. For a command-line use it attaches to the console of the
// program that started it and writes there. Output the caller redirected
// (replydesk render … > log.txt) keeps going where it was sent.
//
// Windows does not wait for a GUI-subsystem program, so the prompt comes
// back before the output and %ERRORLEVEL% is not the exit status: scripts
// use the console twin replydesk-cli.exe (cmd/replydesk-cli), which runs
// this program with pipes for its output, so attachConsole finds valid
// handles and does nothing.
//
// Text reaches a console through WriteConsoleW (package os converts UTF-8
// for a console handle), so Chinese shows whatever the console's code
// page; the code page is left as the user set it.

var (
	kernel32          = syscall.NewLazyDLL("kernel32.dll")
	procAttachConsole = kernel32.NewProc("AttachConsole")
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

// attachConsole rebinds os.Stdout and os.Stderr to the parent's console
// when they lead nowhere and the parent has a console.
func attachConsole() {
	outOK, errOK := handleValid(syscall.STD_OUTPUT_HANDLE), handleValid(syscall.STD_ERROR_HANDLE)
	if outOK && errOK {
		return
	}
	if r, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 {
		return // started from Explorer or a shortcut: no console to write to
	}
	if !outOK {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if !errOK {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
}

// handleValid reports whether the standard handle std leads to a file,
// pipe or console.
func handleValid(std int) bool {
	h, err := syscall.GetStdHandle(std)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != syscall.FILE_TYPE_UNKNOWN
}
