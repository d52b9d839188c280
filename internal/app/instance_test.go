package app

import (
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

func TestInstanceHandOver(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "s", "window.sock")
	first, handed, err := ClaimInstance(sock, nil)
	if err != nil || handed || first == nil {
		t.Fatalf("first start: %v, handed %v, %v", first, handed, err)
	}
	got := make(chan []string, 4)
	first.Serve(func(files []string) { got <- files })

	t.Chdir(t.TempDir())
	second, handed, err := ClaimInstance(sock, []string{"答复.reply.toml"})
	if err != nil || !handed || second != nil {
		t.Fatalf("second start: %v, handed %v, %v", second, handed, err)
	}
	want, _ := filepath.Abs("答复.reply.toml")
	select {
	case files := <-got:
		if !slices.Equal(files, []string{want}) {
			t.Errorf("the window got %q, want %q", files, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the window got nothing")
	}
	// No file: only brought to the front.
	if _, handed, _ := ClaimInstance(sock, nil); !handed {
		t.Error("a start without a file was not handed over")
	}
	if files := <-got; len(files) != 0 {
		t.Errorf("got %q, want no file", files)
	}

	// Garbage on the socket is dropped; the window keeps serving.
	c, err := net.Dial("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("{not json\n"))
	c.Close()
	if _, handed, _ := ClaimInstance(sock, []string{"/x/a.reply.toml"}); !handed {
		t.Error("after garbage the window stopped answering")
	}
	if files := <-got; !slices.Equal(files, []string{"/x/a.reply.toml"}) {
		t.Errorf("got %q", files)
	}

	// Closed: the next start is the window.
	first.Close()
	third, handed, err := ClaimInstance(sock, nil)
	if err != nil || handed || third == nil {
		t.Fatalf("start after the window closed: %v, handed %v, %v", third, handed, err)
	}
	third.Close()
}

// A socket left by a window that was killed does not stop the next
// start; the folder the socket is made in is the user's alone.
func TestInstanceStaleSocket(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "new", "window.sock")
	in, _, err := ClaimInstance(sock, nil)
	if err != nil {
		t.Fatal(err)
	}
	in.Close()
	if fi, err := os.Stat(filepath.Dir(sock)); err != nil || runtime.GOOS != "windows" && fi.Mode().Perm() != 0o700 {
		t.Errorf("socket folder %v, %v; want mode 0700", fi.Mode(), err)
	}
	if err := os.WriteFile(sock, []byte("left over"), 0o600); err != nil {
		t.Fatal(err)
	}
	in, handed, err := ClaimInstance(sock, nil)
	if err != nil || handed || in == nil {
		t.Fatalf("claim over a stale socket: %v, handed %v, %v", in, handed, err)
	}
	in.Close()
}

func TestInstanceSocketPath(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", "/run/user/1000")
	if got := InstanceSocket(); got != filepath.Join("/run/user/1000", "replydesk", "window.sock") {
		t.Errorf("InstanceSocket = %q", got)
	}
	long := "/" + string(slices.Repeat([]byte("x"), 120))
	t.Setenv("XDG_RUNTIME_DIR", long)
	if got := InstanceSocket(); len(got) > 100 {
		t.Errorf("InstanceSocket = %q, too long for a socket", got)
	}
}
