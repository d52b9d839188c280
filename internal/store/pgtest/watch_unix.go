//go:build unix

package pgtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
)

// watch starts a process that stops the server and removes its folder
// when this process has ended.
func (p *Server) watch() {
	stop := strings.Join(append([]string{filepath.Join(p.bin, "pg_ctl")}, p.ctl("-m", "immediate", "-w", "stop")...), " ")
	if p.asUser != nil {
		stop = "runuser -u " + p.asUser.Username + " -- " + stop
	}
	script := fmt.Sprintf("while kill -0 %d 2>/dev/null; do sleep 1; done; %s >/dev/null 2>&1; rm -rf %s",
		os.Getpid(), stop, p.dir)
	cmd := exec.Command("sh", "-c", script)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if cmd.Start() == nil {
		go cmd.Wait()
	}
}
