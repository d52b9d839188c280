// Command replydesk-cli is the console twin of the Windows program: a
// small console-subsystem executable that runs replydesk.exe (built for
// the GUI subsystem) from the same folder with the same arguments, relays
// its output to the console and ends with its exit status. cmd.exe and
// PowerShell wait for a console program, so scripts see the status;
// Windows does not wait for a GUI one.
//
// The output comes through pipes, so replydesk.exe finds valid standard
// handles and does not attach to the console itself; the twin writes what
// it receives to its own standard output and error (a console shows the
// UTF-8 as Chinese: package os writes to it with WriteConsoleW). Ctrl+C
// ends the program it started.
//
// Elsewhere it runs replydesk beside it the same way, which is how it is
// tested.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run starts the program beside this executable with args and returns its
// exit status; 2 when it cannot be started.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(stderr, "replydesk-cli: 找不到本程序所在的文件夹：", err)
		return 2
	}
	target := filepath.Join(filepath.Dir(self), programName(runtime.GOOS))
	cmd := exec.Command(target, args...)
	cmd.Stdin = stdin
	// Writers that are not *os.File: the program gets pipes.
	cmd.Stdout = struct{ io.Writer }{stdout}
	cmd.Stderr = struct{ io.Writer }{stderr}
	cmd.WaitDelay = 2 * time.Second // stdin may be a console nobody types in
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "replydesk-cli: 无法启动 %s：%v；请确认它与 replydesk-cli 在同一文件夹中\n", target, err)
		return 2
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	go func() {
		if _, ok := <-stop; ok {
			cmd.Process.Kill()
		}
	}()
	err = cmd.Wait()
	signal.Stop(stop)
	close(stop)
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit) && exit.ExitCode() >= 0:
		return exit.ExitCode()
	case errors.Is(err, exec.ErrWaitDelay):
		return cmd.ProcessState.ExitCode()
	}
	fmt.Fprintln(stderr, "replydesk-cli:", err)
	return 2
}

// programName is the file name of the program the twin runs on goos.
func programName(goos string) string {
	if goos == "windows" {
		return "replydesk.exe"
	}
	return "replydesk"
}
