//go:build windows

package safefile

import "os"

// alive reports whether a process with that id runs: on Windows
// os.FindProcess opens the process and fails when there is none.
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
