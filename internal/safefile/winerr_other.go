//go:build !windows

package safefile

import (
	"errors"
	"syscall"
)

// locked reports a file held by another program: on Unix only a busy
// executable or device says so.
func locked(err error) bool {
	return errors.Is(err, syscall.ETXTBSY) || errors.Is(err, syscall.EBUSY)
}

func diskFull(error) bool       { return false }
func writeProtected(error) bool { return false }
func nameTooLong(error) bool    { return false }
