// Command replydesk is ReplyDesk (答复函起草台): with no arguments it opens
// the desktop window; its subcommands render, check and create replies
// from the command line.
package main

import (
	"fmt"
	"os"

	"replydesk/internal/datadir"

	// Before the toolkit reads the locale at its initialisation: see the
	// package's documentation.
	_ "replydesk/internal/locale"
)

func main() {
	if consoleWanted(os.Args[1:], fileExists) {
		attachConsole()
	}
	if _, err := datadir.Migrate(); err != nil {
		fmt.Fprintln(os.Stderr, "replydesk:", err)
	}
	code, err := run(os.Args[1:], os.Stdout, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "replydesk:", err)
		if code == 0 {
			code = 2
		}
	}
	os.Exit(code)
}
