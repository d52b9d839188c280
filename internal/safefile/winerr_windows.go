//go:build windows

package safefile

import (
	"errors"
	"syscall"
)

// Windows error codes that Explain tells apart (winerror.h).
const (
	errorWriteProtect       = 19
	errorSharingViolation   = 32
	errorLockViolation      = 33
	errorHandleDiskFull     = 39
	errorDiskFull           = 112
	errorFilenameExcedRange = 206
	errorUserMappedFile     = 1224
)

func winCode(err error, codes ...syscall.Errno) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	for _, c := range codes {
		if errno == c {
			return true
		}
	}
	return false
}

// locked reports a file held open by another program (a PDF viewer, Excel).
func locked(err error) bool {
	return winCode(err, errorSharingViolation, errorLockViolation, errorUserMappedFile)
}

func diskFull(err error) bool       { return winCode(err, errorDiskFull, errorHandleDiskFull) }
func writeProtected(err error) bool { return winCode(err, errorWriteProtect) }
func nameTooLong(err error) bool    { return winCode(err, errorFilenameExcedRange) }
