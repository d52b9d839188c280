package app

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"replydesk/internal/safefile"
)

// OpenCommand returns the command that opens a file or folder with its
// default application on the system goos.
func OpenCommand(path, goos string) []string {
	switch goos {
	case "windows":
		return []string{"rundll32", "url.dll,FileProtocolHandler", path}
	case "darwin":
		return []string{"open", path}
	}
	return []string{"xdg-open", path}
}

// RevealCommand returns the command that shows the folder of a file in
// the file manager of the system goos, with the file selected where the
// file manager can do so (Windows Explorer, the macOS Finder).
func RevealCommand(path, goos string) []string {
	switch goos {
	case "windows":
		return []string{"explorer", "/select," + path}
	case "darwin":
		return []string{"open", "-R", path}
	}
	return []string{"xdg-open", filepath.Dir(path)}
}

// openGrace is how long an opener may take to fail before it is taken to
// have worked (a viewer that stays open).
const openGrace = 3 * time.Second

// OpenFile opens a file with its default application.
func OpenFile(path string) error {
	if err := readable("打开", path); err != nil {
		return err
	}
	return run(OpenCommand(path, runtime.GOOS), "打开文件", openGrace)
}

// OpenFolder opens the folder that holds the file at path, with the file
// selected where the file manager can do so.
func OpenFolder(path string) error {
	if _, err := os.Stat(filepath.Dir(path)); err != nil {
		return safefile.Explain("打开文件夹", filepath.Dir(path), err)
	}
	argv := RevealCommand(path, runtime.GOOS)
	err := run(argv, "打开文件夹", openGrace)
	var ee *exitFailure
	if runtime.GOOS == "windows" && errors.As(err, &ee) {
		return nil // Explorer ends with status 1 even when it showed the folder
	}
	return err
}

// OpenDir opens the folder dir in the file manager.
func OpenDir(dir string) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return safefile.Explain("打开文件夹", dir, err)
	}
	if !fi.IsDir() {
		return &safefile.Error{Op: "打开文件夹", Path: dir, Msg: "这不是文件夹"}
	}
	return run(OpenCommand(dir, runtime.GOOS), "打开文件夹", openGrace)
}

// readable says in Chinese, with the path, why path cannot be handed to
// another program (missing, a folder, not readable), before that program
// says it in its own words.
func readable(op, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return safefile.Explain(op, path, err)
	}
	if fi.IsDir() {
		return &safefile.Error{Op: op, Path: path, Msg: "这是一个文件夹，不是文件：请选择一个文件"}
	}
	f, err := os.Open(path)
	if err != nil {
		return safefile.Explain(op, path, err)
	}
	return f.Close()
}

// run starts argv and returns its failure, in Chinese, if it ends with
// one within grace; a command still running then is taken to have worked
// (a viewer that stays open).
func run(argv []string, what string, grace time.Duration) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.WaitDelay = time.Second // a viewer holding the output open must not block Wait
	if err := cmd.Start(); err != nil {
		return startError(argv[0], what, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timer := time.NewTimer(grace)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			return &exitFailure{name: argv[0], what: what, err: err, output: out.String()}
		}
		return nil
	case <-timer.C:
		return nil
	}
}

// startError says in Chinese why a command could not be started.
func startError(name, what string, err error) error {
	if !errors.Is(err, exec.ErrNotFound) {
		return fmt.Errorf("%s失败：%w", what, safefile.Explain("运行", name, err))
	}
	return fmt.Errorf("%s失败：找不到打开文件的程序（%s）：请安装相应的阅读程序，或到文件所在的文件夹中打开", what, name)
}

// exitFailure is an opener that ended with a failure.
type exitFailure struct {
	name, what, output string
	err                error
}

// Error says in Chinese that the opener failed; what it printed follows
// in parentheses.
func (e *exitFailure) Error() string {
	msg := fmt.Sprintf("%s失败：%s 报告了错误", e.what, e.name)
	var ee *exec.ExitError
	if errors.As(e.err, &ee) && ee.ExitCode() >= 0 {
		msg += fmt.Sprintf("（退出码 %d）", ee.ExitCode())
	}
	msg += "：请检查系统中打开这类文件的默认程序"
	if o := strings.Join(strings.Fields(e.output), " "); o != "" {
		msg += "（" + o + "）"
	}
	return msg
}
