package ui

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"replydesk/internal/app"
	"replydesk/internal/reply"
	"replydesk/internal/store"
	"replydesk/internal/tomlfile"
)

// Environment of the child process of TestKilledMidEdit: the test binary
// re-executed as the app.
const (
	childEnv   = "REPLYDESK_UI_CHILD" // the database path, in a child
	typedText  = "经研究，我局将会同市财政局进一步加大对职业院校实训基地建设的支持力度。"
	typingGap  = 40 * time.Millisecond // 25 characters a second: a fast typist
	killAfter  = 60                    // keystrokes before the kill
	maxLossSec = 2.0                   // the promise
)

func TestMain(m *testing.M) {
	if db := os.Getenv(childEnv); db != "" {
		if err := typeUntilKilled(db); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	// No preview refresh fires on its own: tests call Settle or Flush.
	startDelays.edit, startDelays.quick = time.Hour, time.Hour
	// Fyne's own file dialogs, unless a test gives a fake chooser.
	chooser = nil
	os.Exit(m.Run())
}

// typeUntilKilled runs the window on the database at db, opens the seed
// and types into the start of its body, one character every typingGap,
// printing "typed N" after the N-th keystroke, until it is killed.
func typeUntilKilled(db string) error {
	st, err := store.Open(db)
	if err != nil {
		return err
	}
	d, err := app.Open(app.Options{})
	if err != nil {
		return err
	}
	r, err := readSeed()
	if err != nil {
		return err
	}
	u := New(test.NewApp(), d, st, nil)
	manual(u)                           // no refreshes racing with the typing,
	u.saver.SetDelay(app.AutosaveDelay) // but the real autosave,
	u.saver.OnSaved = nil               // without list updates: the saves are what counts
	u.Load(r, 0, "")
	body := u.Form("body")
	u.Window.Canvas().Focus(body)
	text := []rune(strings.Repeat(typedText, 20))
	for n := 1; n <= len(text); n++ {
		test.Type(body, string(text[n-1]))
		fmt.Printf("typed %d\n", n)
		time.Sleep(typingGap)
	}
	return nil
}

// TestKilledMidEdit kills the app with SIGKILL while the user types and
// finds the draft in the database with at most the last 2 s of typing
// lost.
func TestKilledMidEdit(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process and types for a few seconds")
	}
	db := filepath.Join(t.TempDir(), "replydesk.db")
	typedAt, killed := typeAndKill(t, db)

	st, err := store.Open(db)
	if err != nil {
		t.Fatalf("database after the kill: %v", err)
	}
	defer st.Close()
	list, err := st.ListDrafts("", 10)
	if err != nil || len(list) != 1 {
		t.Fatalf("drafts after the kill: %+v, %v", list, err)
	}
	d, err := st.Draft(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	r, err := readSeed()
	if err != nil {
		t.Fatal(err)
	}
	saved, ok := strings.CutSuffix(d.Reply.Body, r.Body)
	all := []rune(strings.Repeat(typedText, 20))
	kept := len([]rune(saved))
	if !ok || kept > killAfter || string(all[:kept]) != saved {
		t.Fatalf("saved body starts %q: not what was typed", firstRunes(d.Reply.Body, 40))
	}
	lost := 0.0
	if kept < killAfter {
		lost = killed.Sub(typedAt[kept+1]).Seconds()
	}
	t.Logf("killed after %d keystrokes; the draft has %d; typing lost: %.2f s", killAfter, kept, lost)
	if lost > maxLossSec {
		t.Errorf("the kill lost %.2f s of typing, more than %.0f s", lost, maxLossSec)
	}
}

// typeAndKill starts the child on database db, kills it after killAfter
// keystrokes and returns when each keystroke was typed and when the child
// was killed.
func typeAndKill(t *testing.T, db string) (map[int]time.Time, time.Time) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+db)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	typedAt := map[int]time.Time{}
	lines := bufio.NewScanner(out)
	n := 0
	for n < killAfter && lines.Scan() {
		if k, err := strconv.Atoi(strings.TrimPrefix(lines.Text(), "typed ")); err == nil {
			n = k
			typedAt[k] = time.Now()
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	killed := time.Now()
	_ = cmd.Wait()
	if n < killAfter {
		t.Fatalf("the child typed %d characters and stopped", n)
	}
	return typedAt, killed
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

func readSeed() (*reply.Reply, error) { return tomlfile.ReadReplyFile(seedFile) }
