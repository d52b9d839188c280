package app

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// One window per user: the first start of the window listens on a local
// socket (a Unix domain socket, which Windows 10 has too, so no cgo and
// no named-pipe library are needed) in a folder only the user can enter.
// A later start connects to it, hands over the file it was given (or
// none: it only brings the window to the front) and ends, instead of
// opening a second window that cannot use the database the first holds.

// instanceWait bounds each step of a hand-over: connecting, writing, the
// answer.
const instanceWait = 3 * time.Second

// maxHandOver bounds what one hand-over may send.
const maxHandOver = 64 << 10

// Instance is the running window's end of the socket.
type Instance struct {
	ln   net.Listener
	once sync.Once
	done chan struct{}
}

// handOver is what a later start sends: the files it was given, absolute.
type handOver struct {
	Files []string `json:"files"`
}

// InstanceSocket is the socket of the user's window: in the user's
// runtime folder (XDG_RUNTIME_DIR) or cache folder, or, where that path
// would be too long for a socket, in a folder of the temporary folder
// named after the user's home.
func InstanceSocket() string {
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		dir, _ = os.UserCacheDir()
	}
	p := filepath.Join(dir, "replydesk", "window.sock")
	if dir == "" || len(p) > 100 { // sun_path holds 104 bytes on macOS, 108 elsewhere
		home, _ := os.UserHomeDir()
		sum := sha256.Sum256([]byte(home))
		p = filepath.Join(os.TempDir(), "replydesk-"+hex.EncodeToString(sum[:6]), "window.sock")
	}
	return p
}

// ClaimInstance makes this start the user's window, listening at the
// socket path, unless a window listens there already: then it hands that
// window the files (made absolute) and reports handed. An error means
// neither could be done (the socket folder cannot be made, or the system
// has no Unix sockets): the caller opens its window anyway.
func ClaimInstance(path string, files []string) (in *Instance, handed bool, err error) {
	abs := make([]string, 0, len(files))
	for _, f := range files {
		if a, err := filepath.Abs(f); err == nil {
			f = a
		}
		abs = append(abs, f)
	}
	if err := send(path, abs); err == nil {
		return nil, true, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, fmt.Errorf("无法建立窗口的通信文件夹：%w", err)
	}
	_ = os.Remove(path) // left by a window that was killed: nobody answered on it
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, false, fmt.Errorf("无法建立窗口的通信端口：%w", err)
	}
	return &Instance{ln: ln, done: make(chan struct{})}, false, nil
}

// send hands files to the window listening at path and waits for its
// answer.
func send(path string, files []string) error {
	c, err := net.DialTimeout("unix", path, instanceWait)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(instanceWait))
	b, err := json.Marshal(handOver{Files: files})
	if err != nil {
		return err
	}
	if _, err := c.Write(append(b, '\n')); err != nil {
		return err
	}
	answer, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if answer != "ok\n" {
		return errors.New("unexpected answer")
	}
	return nil
}

// Serve calls open with the files of each hand-over (none: bring the
// window to the front), one hand-over at a time, on a goroutine of its
// own, until Close.
func (in *Instance) Serve(open func(files []string)) {
	go func() {
		for {
			c, err := in.ln.Accept()
			if err != nil {
				select {
				case <-in.done:
					return
				default:
				}
				if ne, ok := err.(net.Error); ok && ne.Timeout() {
					continue
				}
				return
			}
			if files, ok := receive(c); ok {
				open(files)
			}
		}
	}()
}

// receive reads one hand-over from c and answers it.
func receive(c net.Conn) ([]string, bool) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(instanceWait))
	line, err := bufio.NewReader(io.LimitReader(c, maxHandOver)).ReadBytes('\n')
	if err != nil {
		return nil, false
	}
	var h handOver
	if json.Unmarshal(line, &h) != nil {
		return nil, false
	}
	if _, err := c.Write([]byte("ok\n")); err != nil {
		return nil, false
	}
	return h.Files, true
}

// Close stops listening; the socket goes with it.
func (in *Instance) Close() error {
	var err error
	in.once.Do(func() {
		close(in.done)
		err = in.ln.Close()
	})
	return err
}
