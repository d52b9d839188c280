package main

import (
	"os"
	"runtime/debug"

	"replydesk/internal/segment"
)

// shortGCPercent is the garbage collector's target for a command that
// typesets one reply and ends: its heap stays small, and collecting it
// at the default target (100) took a tenth of the cold render's CPU.
const shortGCPercent = 400

// warmUp starts what a command that typesets will wait for before it gets
// there, on another core: reading the segmenter's dictionary (some 40 ms,
// half the CPU of a cold render) while the command reads its reply, its
// styles and its fonts, and the window builds itself. args are the
// command line's.
func warmUp(args []string) {
	typesets := len(args) == 0 || len(args) == 1 && windowFile(args[0])
	if len(args) > 0 && args[0] == "render" {
		typesets = true
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(shortGCPercent)
		}
	}
	if typesets && !helpWanted(args) {
		go segment.Load()
	}
}

// helpWanted reports whether args ask for a usage text only.
func helpWanted(args []string) bool {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			return true
		}
	}
	return false
}
