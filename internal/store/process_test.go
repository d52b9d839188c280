package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Environment of a child process: the test binary re-executed.
const (
	childEnv = "REPLYDESK_STORE_CHILD" // "1" in a child
	modeEnv  = "REPLYDESK_STORE_MODE"  // "save" or "hold"
	dbEnv    = "REPLYDESK_STORE_DB"    // the database path
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		if err := child(os.Getenv(modeEnv), os.Getenv(dbEnv)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	code := m.Run()
	stopPostgres()
	os.Exit(code)
}

// child runs in a child process. "save" saves draft 1 (creating it) in an
// endless loop, printing the save number after each committed save;
// "hold" opens the database, prints "ready" and waits for stdin to close.
func child(mode, path string) error {
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	switch mode {
	case "hold":
		fmt.Println("ready")
		io.Copy(io.Discard, os.Stdin)
		return nil
	case "save":
		return saveLoop(s)
	}
	return fmt.Errorf("unknown child mode %q", mode)
}

func saveLoop(s *Store) error {
	body, err := readSeedBody()
	if err != nil {
		return err
	}
	r := seedReplyBody(body)
	if _, err := s.Draft(1); errors.Is(err, ErrNotFound) {
		if _, err := s.CreateDraft(r); err != nil {
			return err
		}
	}
	// A short coalescing window so that the loop both updates revisions in
	// place and appends new ones.
	s.Coalesce = 5 * time.Millisecond
	base := r.Body
	for n := 1; ; n++ {
		r.Body = base + "\n第" + strconv.Itoa(n) + "次保存"
		if err := s.SaveDraft(1, r); err != nil {
			return err
		}
		fmt.Println(n)
	}
}

// spawn starts the test binary as a child in mode.
func spawn(t *testing.T, mode, path string) (*exec.Cmd, *bufio.Scanner, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1", modeEnv+"="+mode, dbEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, bufio.NewScanner(out), in
}

// TestKilledMidEditLosesNothing kills a process that saves in a loop, at a
// random moment (often inside a transaction), and checks that the database
// opens cleanly with every save the process reported as committed.
func TestKilledMidEditLosesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "replydesk.db")
	for round, saves := range []int{40, 73, 111} {
		cmd, out, _ := spawn(t, "save", path)
		last := 0
		for last < saves && out.Scan() {
			n, err := strconv.Atoi(out.Text())
			if err != nil {
				t.Fatalf("child printed %q", out.Text())
			}
			last = n
		}
		if last < saves {
			t.Fatalf("round %d: child stopped after %d saves", round, last)
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()

		s, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: Open after kill: %v", round, err)
		}
		d, err := s.Draft(1)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		n := saveNumber(d.Reply.Body)
		if n < last {
			t.Errorf("round %d: draft holds save %d, child had reported save %d committed", round, n, last)
		}
		revs, _ := s.Revisions(1)
		rev, err := s.Revision(revs[0].ID)
		if err != nil || rev.Body != d.Reply.Body {
			t.Errorf("round %d: latest revision differs from the draft (%v)", round, err)
		}
		s.Close()
	}
}

// TestOpenLockedByOtherProcess checks that a database held by another
// running ReplyDesk is refused with a clear message, and free again once
// that process is gone, even when it was killed.
func TestOpenLockedByOtherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "replydesk.db")
	for _, end := range []string{"close", "kill"} {
		t.Run(end, func(t *testing.T) {
			cmd, out, in := spawn(t, "hold", path)
			if !out.Scan() || out.Text() != "ready" {
				t.Fatalf("child did not get ready: %q", out.Text())
			}
			start := time.Now()
			_, err := Open(path)
			var oe *OpenError
			if !errors.As(err, &oe) || oe.Kind != Locked {
				t.Fatalf("Open while another process holds it = %v, want kind Locked", err)
			}
			if !strings.Contains(err.Error(), "“"+path+"”正被另一个 ReplyDesk 窗口") {
				t.Errorf("message %q", err)
			}
			if waited := time.Since(start); waited > 3*busyTimeout {
				t.Errorf("Open took %v to report the lock", waited)
			}
			if end == "close" {
				in.Close()
			} else {
				cmd.Process.Kill()
			}
			cmd.Wait()
			s, err := Open(path)
			if err != nil {
				t.Fatalf("Open after the other process ended (%s): %v", end, err)
			}
			s.Close()
		})
	}
}

// saveNumber reads n from the last line "第n次保存" of a body saveLoop
// wrote, or -1.
func saveNumber(body string) int {
	last := body[strings.LastIndex(body, "\n")+1:]
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(last, "第"), "次保存"))
	if err != nil {
		return -1
	}
	return n
}
