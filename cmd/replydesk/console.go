package main

import "os"

// consoleWanted reports whether a start with args is a command-line use
// that prints to a console: a subcommand, help, or an error about the
// arguments. No arguments, or one reply, 交办清单 or Word file that exists
// (a double click, 打开方式), open the window and print nothing.
func consoleWanted(args []string, exists func(string) bool) bool {
	switch {
	case len(args) == 0:
		return false
	case len(args) == 1 && windowFile(args[0]):
		return !exists(args[0])
	}
	return true
}

// fileExists reports whether path names something Stat can see.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
