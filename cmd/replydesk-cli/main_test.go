package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestTwin builds the twin and a stand-in replydesk beside it, and checks
// that arguments go through, output comes back and the exit status is
// the program's.
func TestTwin(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "fake.go")
	os.WriteFile(src, []byte(`package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
)

func main() {
	in, _ := io.ReadAll(os.Stdin)
	fmt.Printf("参数 %q 输入 %q\n", os.Args[1:], in)
	fmt.Fprintln(os.Stderr, "错误输出")
	code, _ := strconv.Atoi(os.Args[len(os.Args)-1])
	os.Exit(code)
}
`), 0o644)
	build := func(out, pkg string, env ...string) {
		cmd := exec.Command("go", "build", "-o", out, pkg)
		cmd.Env = append(os.Environ(), env...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, b)
		}
	}
	build(filepath.Join(dir, programName(runtime.GOOS)), src, "GO111MODULE=off", "CGO_ENABLED=0")
	twin := filepath.Join(dir, "replydesk-cli")
	build(twin, ".", "CGO_ENABLED=0")

	for _, code := range []string{"0", "1", "2"} {
		cmd := exec.Command(twin, "check", "第244号 答复.reply.toml", code)
		cmd.Stdin = strings.NewReader("输入")
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		got := 0
		if e, ok := err.(*exec.ExitError); ok {
			got = e.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if want := int(code[0] - '0'); got != want {
			t.Errorf("exit status %d, want %d", got, want)
		}
		if want := `参数 ["check" "第244号 答复.reply.toml" "` + code + `"] 输入 "输入"`; !strings.Contains(out.String(), want) {
			t.Errorf("stdout %q, want %q", out.String(), want)
		}
		if !strings.Contains(errOut.String(), "错误输出") {
			t.Errorf("stderr %q", errOut.String())
		}
	}
}

func TestTwinWithoutProgram(t *testing.T) {
	var errOut bytes.Buffer
	// The test binary's folder has no replydesk in it.
	if code := run([]string{"--help"}, strings.NewReader(""), &bytes.Buffer{}, &errOut); code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	if !strings.Contains(errOut.String(), "同一文件夹") {
		t.Errorf("message %q", errOut.String())
	}
}
