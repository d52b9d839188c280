package safefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWriteReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "答复.pdf")
	if err := WriteBytes(p, []byte("old")); err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "new" {
		t.Errorf("content = %q, want new", b)
	}
	assertNoTemps(t, dir)
}

func TestWriteFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.xlsx")
	os.WriteFile(p, []byte("old content"), 0o644)
	boom := errors.New("字体缺字")
	err := Write(p, func(w io.Writer) error {
		w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Write = %v, want the writer's error", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old content" {
		t.Errorf("old file = %q after a failed write", b)
	}
	assertNoTemps(t, dir)
}

func TestWriteKeepsMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits on Windows")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "private.reply.toml")
	os.WriteFile(p, []byte("x"), 0o600)
	os.Chmod(p, 0o600)
	if err := WriteBytes(p, []byte("y")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after replace = %o, want 600", fi.Mode().Perm())
	}
	// A new file gets what os.Create gives, whatever its kind.
	ref := filepath.Join(dir, "ref")
	f, _ := os.Create(ref)
	f.Close()
	want, _ := os.Stat(ref)
	for _, name := range []string{"new.pdf", "new.xlsx"} {
		q := filepath.Join(dir, name)
		if err := WriteBytes(q, []byte("z")); err != nil {
			t.Fatal(err)
		}
		if fi, _ := os.Stat(q); fi.Mode().Perm() != want.Mode().Perm() {
			t.Errorf("%s mode = %o, want %o as os.Create", name, fi.Mode().Perm(), want.Mode().Perm())
		}
	}
}

func TestWriteThroughSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "real.pdf")
	link := filepath.Join(dir, "link.pdf")
	os.WriteFile(target, []byte("old"), 0o644)
	os.Symlink(target, link)
	if err := WriteBytes(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target = %q, want new", b)
	}
}

func TestWriteRefusesFolder(t *testing.T) {
	dir := t.TempDir()
	err := WriteBytes(dir, []byte("x"))
	if err == nil || !strings.Contains(err.Error(), "文件夹") {
		t.Errorf("Write(folder) = %v, want a message about a folder", err)
	}
}

// TestKilledWriterLeftoverCleaned kills a process while it writes, and
// checks that the next write to the folder removes what it left.
func TestKilledWriterLeftoverCleaned(t *testing.T) {
	if os.Getenv("SAFEFILE_HANG") != "" {
		Write(os.Getenv("SAFEFILE_HANG"), func(w io.Writer) error {
			w.Write([]byte("partial"))
			os.WriteFile(os.Getenv("SAFEFILE_HANG")+".ready", nil, 0o644)
			time.Sleep(time.Minute)
			return nil
		})
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("uses kill")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "out.pdf")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriterLeftoverCleaned$")
	cmd.Env = append(os.Environ(), "SAFEFILE_HANG="+p)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := os.Stat(p + ".ready"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the writer never started")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	os.Remove(p + ".ready")
	if temps(t, dir) == 0 {
		t.Fatal("the killed writer left no temporary file: the test proves nothing")
	}
	// A temporary file of a running process (this one) is left alone.
	mine := filepath.Join(dir, ".other.pdf"+tmpMark+strconv.Itoa(os.Getpid())+"-abc")
	os.WriteFile(mine, nil, 0o644)
	if err := WriteBytes(filepath.Join(dir, "next.pdf"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Error("a running process's temporary file was removed")
	}
	os.Remove(mine)
	assertNoTemps(t, dir)
}

func TestCleanLegacy(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, ".a.pdf.123456.tmp")
	fresh := filepath.Join(dir, ".b.pdf.654321.tmp")
	user := filepath.Join(dir, ".notes.tmp")
	for _, p := range []string{old, fresh, user} {
		os.WriteFile(p, nil, 0o644)
	}
	past := time.Now().Add(-time.Hour)
	os.Chtimes(old, past, past)
	os.Chtimes(user, past, past)
	Clean(dir)
	if _, err := os.Stat(old); err == nil {
		t.Error("an hour-old leftover was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file (maybe being written) was removed")
	}
	if _, err := os.Stat(user); err != nil {
		t.Error("a user's own .tmp file was removed")
	}
}

func TestExplain(t *testing.T) {
	pe := func(e error) error { return &fs.PathError{Op: "open", Path: "/x/报告.pdf", Err: e} }
	cases := []struct {
		err  error
		want string
	}{
		{pe(syscall.EACCES), "没有权限"},
		{pe(syscall.ENOSPC), "磁盘空间不足"},
		{pe(syscall.EROFS), "只读"},
		{pe(syscall.ENOENT), "不存在"},
		{pe(syscall.EISDIR), "文件夹"},
		{pe(syscall.ENAMETOOLONG), "太长"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EACCES}, "没有权限"},
	}
	for _, c := range cases {
		got := Explain("保存", "报告.pdf", c.err)
		msg := got.Error()
		if !strings.HasPrefix(msg, "无法保存“报告.pdf”：") || !strings.Contains(msg, c.want) {
			t.Errorf("Explain(%v) = %q, want it to start with the path and say %q", c.err, msg, c.want)
		}
		if !strings.HasSuffix(msg, "）") || strings.Contains(msg, "/x/") {
			t.Errorf("Explain(%v) = %q: the system's words belong in parentheses, without the path", c.err, msg)
		}
		if !errors.Is(got, c.err.(interface{ Unwrap() error }).Unwrap()) {
			t.Errorf("Explain(%v) does not wrap the system error", c.err)
		}
	}
	if Explain("保存", "x", nil) != nil {
		t.Error("Explain(nil) != nil")
	}
}

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "reply-244.reply.toml")
	os.WriteFile(src, []byte("x"), 0o644)
	cases := []struct {
		path, ext string
		want      string // "" = accepted
	}{
		{filepath.Join(dir, "a.pdf"), ".pdf", ""},
		{filepath.Join(dir, "A.PDF"), ".pdf", ""},
		{src, ".pdf", "答复函文件"},
		{filepath.Join(dir, "other.reply.toml"), ".pdf", "答复函文件"},
		{filepath.Join(dir, "清单.xlsx"), ".pdf", "Excel 工作簿"},
		{filepath.Join(dir, "汇总.pdf"), ".xlsx", "PDF 文件"},
		{dir, ".pdf", "文件夹"},
		{filepath.Join(dir, "noext"), ".pdf", "应以 .pdf 结尾"},
		{"", ".pdf", "没有指定"},
	}
	for _, c := range cases {
		err := CheckOutput(c.path, c.ext, src)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("CheckOutput(%q) = %v, want nil", c.path, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("CheckOutput(%q, %s) = %v, want a message with %q", c.path, c.ext, err, c.want)
		}
	}
	// The input itself, under any name of the right kind.
	in := filepath.Join(dir, "in.pdf")
	os.WriteFile(in, []byte("x"), 0o644)
	alias := filepath.Join(dir, "alias.pdf")
	if err := os.Link(in, alias); err == nil {
		if err := CheckOutput(alias, ".pdf", in); err == nil || !strings.Contains(err.Error(), "输入文件") {
			t.Errorf("CheckOutput(hard link of the input) = %v", err)
		}
	}
	if err := CheckOutput(in, ".pdf", dir+"/./in.pdf"); err == nil {
		t.Error("the input file itself was accepted as output")
	}
}

func BenchmarkWrite(b *testing.B) {
	dir := b.TempDir()
	p := filepath.Join(dir, "a.pdf")
	data := make([]byte, 100<<10)
	for b.Loop() {
		if err := WriteBytes(p, data); err != nil {
			b.Fatal(err)
		}
	}
}

func temps(t *testing.T, dir string) int {
	t.Helper()
	es, _ := os.ReadDir(dir)
	n := 0
	for _, e := range es {
		if strings.Contains(e.Name(), tmpMark) || strings.HasSuffix(e.Name(), ".tmp") {
			n++
		}
	}
	return n
}

func assertNoTemps(t *testing.T, dir string) {
	t.Helper()
	if n := temps(t, dir); n > 0 {
		t.Errorf("%d temporary files left in %s", n, dir)
	}
}
