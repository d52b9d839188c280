package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Error is a file operation that failed, said in Chinese: what was done,
// on which path, what went wrong and what to do, and the system's own
// words in parentheses.
type Error struct {
	Op   string // the verb, e.g. "保存", "读取"
	Path string // the file or folder concerned, as the user gave it
	Msg  string // in Chinese: what is wrong and what to do
	Err  error  // the system's error, if any
}

// Error returns e.g. "无法保存“报告.pdf”：文件正被其他程序占用：请先关闭正在
// 查看该文件的程序，再重试（The process cannot access the file…）".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("无法")
	b.WriteString(e.Op)
	if e.Path != "" {
		b.WriteString("“" + filepath.FromSlash(e.Path) + "”")
	}
	b.WriteString("：")
	b.WriteString(e.Msg)
	if raw := rawText(e.Err); raw != "" {
		b.WriteString("（" + raw + "）")
	}
	return b.String()
}

// Unwrap returns the system's error.
func (e *Error) Unwrap() error { return e.Err }

// Reasons that Explain tells apart, each with its Chinese text.
var (
	msgPermission = "没有权限：请检查该文件和所在文件夹的权限，或换一个位置"
	msgNotExist   = "文件或文件夹不存在：请检查路径是否正确"
	msgNoSpace    = "磁盘空间不足：请清理磁盘，或换一个位置"
	msgReadOnly   = "所在磁盘或文件夹是只读的：请换一个可以写入的位置"
	msgLocked     = "文件正被其他程序占用：请先关闭正在查看该文件的程序（如 PDF 阅读器、Excel、WPS），再重试"
	msgIsDir      = "这是一个文件夹：请指定一个文件名"
	msgNotDir     = "路径中有一部分不是文件夹：请检查路径"
	msgTooLong    = "文件名或路径太长：请缩短文件名，或换一个层级较浅的文件夹"
	msgExist      = "文件已存在：请换一个文件名"
	msgOther      = "操作系统报告了错误：请检查路径、权限和磁盘空间后重试"
)

// Explain returns err as an *Error in Chinese: op is the verb ("保存",
// "读取", "打开"), path the file concerned. An error that is already an
// *Error is returned as it is; nil stays nil. Errors that do not come from
// the system keep their own (Chinese) text after the path.
func Explain(op, path string, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	if !isOS(err) {
		return &Error{Op: op, Path: path, Msg: err.Error()}
	}
	return &Error{Op: op, Path: path, Msg: reason(err), Err: err}
}

// reason is the Chinese text for a system error.
func reason(err error) string {
	if locked(err) {
		return msgLocked
	}
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT), diskFull(err):
		return msgNoSpace
	case errors.Is(err, syscall.EROFS), writeProtected(err):
		return msgReadOnly
	case errors.Is(err, syscall.EISDIR):
		return msgIsDir
	case errors.Is(err, syscall.ENOTDIR):
		return msgNotDir
	case errors.Is(err, syscall.ENAMETOOLONG), nameTooLong(err):
		return msgTooLong
	case errors.Is(err, fs.ErrPermission):
		return msgPermission
	case errors.Is(err, fs.ErrNotExist):
		return msgNotExist
	case errors.Is(err, fs.ErrExist):
		return msgExist
	}
	return msgOther
}

// isOS reports whether err comes from the system: a path or link error, or
// an errno.
func isOS(err error) bool {
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	var errno syscall.Errno
	return errors.As(err, &pe) || errors.As(err, &le) || errors.As(err, &se) || errors.As(err, &errno) ||
		errors.Is(err, fs.ErrPermission) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrExist)
}

// rawText is the system's own words for err, without the path that
// Error already shows: "permission denied" rather than "open /x: permission
// denied".
func rawText(err error) string {
	if err == nil {
		return ""
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error()
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}
