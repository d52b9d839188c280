package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"replydesk/internal/reply"
	"replydesk/internal/safefile"
	"replydesk/internal/store"
)

// Drafts is what the desktop window needs of the drafts database; a
// *store.Store implements it.
type Drafts interface {
	CreateDraft(r *reply.Reply) (int64, error)
	SaveDraft(id int64, r *reply.Reply) error
	Draft(id int64) (*store.Draft, error)
	ListDrafts(query string, limit int) ([]store.DraftSummary, error)
	DeleteDraft(id int64) error
	Checkpoint(id int64, label string) error
	Revisions(id int64) ([]store.Revision, error)
	Revision(revID int64) (*reply.Reply, error)
	RestoreRevision(draftID, revID int64) error
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	SetDraftFile(id int64, path string, hash []byte) error
	DraftOfFile(path string) (*store.Draft, error)
}

// AutosaveDelay is how long after an edit the draft is saved.
const AutosaveDelay = time.Second

// Autosaver saves a draft a moment after each edit: the first edit after a
// save starts a timer; when it fires, the latest reply is written to the
// database (a new draft the first time). Edits during the delay do not
// restart it, so steady typing is saved every delay too, and a crash loses
// at most the last delay of work. It is safe for concurrent use.
type Autosaver struct {
	drafts Drafts
	delay  time.Duration
	// OnSaved is called after each save, on the timer's goroutine, with
	// the draft id and the error, if any.
	OnSaved func(id int64, err error)

	mu      sync.Mutex
	id      int64
	pending *reply.Reply
	timer   *time.Timer
}

// NewAutosaver returns an autosaver writing into drafts after delay.
func NewAutosaver(drafts Drafts, delay time.Duration) *Autosaver {
	return &Autosaver{drafts: drafts, delay: delay}
}

// SetDelay changes the delay of the following saves.
func (a *Autosaver) SetDelay(d time.Duration) {
	a.mu.Lock()
	a.delay = d
	a.mu.Unlock()
}

// SetDraft says which draft the following edits belong to (0 = a new draft
// created at the first save). A pending save of the previous draft is
// written first.
func (a *Autosaver) SetDraft(id int64) {
	a.Flush()
	a.mu.Lock()
	a.id = id
	a.mu.Unlock()
}

// Draft returns the id of the draft being edited, 0 before its first save.
func (a *Autosaver) Draft() int64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.id
}

// Touch records an edit: r (which the autosaver copies) is saved at the
// latest a delay after the first edit not yet saved.
func (a *Autosaver) Touch(r *reply.Reply) {
	c := r.Clone()
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pending = &c
	if a.timer == nil {
		a.timer = time.AfterFunc(a.delay, func() { a.Flush() })
	}
}

// Forget drops a pending edit and detaches the autosaver from its draft,
// which was deleted: the next edit creates a new draft.
func (a *Autosaver) Forget() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	a.pending, a.id = nil, 0
}

// Flush writes the pending edit now, if any, and returns the error.
func (a *Autosaver) Flush() error {
	a.mu.Lock()
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	r := a.pending
	a.pending = nil
	if r == nil || a.drafts == nil {
		a.mu.Unlock()
		return nil
	}
	var err error
	if a.id == 0 {
		a.id, err = a.drafts.CreateDraft(r)
	} else {
		err = a.drafts.SaveDraft(a.id, r)
	}
	id, cb := a.id, a.OnSaved
	a.mu.Unlock()
	if cb != nil {
		cb(id, err)
	}
	return err
}

// Profile is the bureau's profile, applied to new replies (StartReply), and the fonts
// chosen per role. It is stored as JSON in the settings.
type Profile struct {
	Unit         string            `json:"unit"`          // 发文机关署名, e.g. 长春市教育局
	ContactName  string            `json:"contact_name"`  // default contact
	ContactPhone string            `json:"contact_phone"` // default contact's phone
	CC           []string          `json:"cc"`            // default 抄送, replacing the style's when set
	Style        string            `json:"style"`         // default house style of a new reply
	Fonts        map[string]string `json:"fonts"`         // font role → installed TrueType file
}

// ProfileKey is the settings key of the profile.
const ProfileKey = "profile"

// Settings reads the settings of the database; Drafts and LedgerStore
// have it.
type Settings interface {
	Setting(key string) (string, error)
}

// LoadProfile reads the profile from the settings; a missing one is the
// zero Profile.
func LoadProfile(d Settings) (Profile, error) {
	var p Profile
	if d == nil {
		return p, nil
	}
	s, err := d.Setting(ProfileKey)
	if err != nil || s == "" {
		return p, err
	}
	if err := json.Unmarshal([]byte(s), &p); err != nil {
		return Profile{}, fmt.Errorf("设置已损坏，已改用默认设置：%w", err)
	}
	return p, nil
}

// SaveProfile writes the profile to the settings.
func SaveProfile(d Drafts, p Profile) error {
	if d == nil {
		return errors.New("数据库不可用，设置无法保存：请检查数据库文件后重新启动")
	}
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return d.SetSetting(ProfileKey, string(b))
}

// PrintCommand returns the command that prints a PDF file on this system,
// and whether it hands the file to a print service: lp where CUPS exists
// (spooled is true), else the system's default opener, which only shows
// the PDF in a viewer (spooled is false).
func PrintCommand(path string, lookPath func(string) (string, error), goos string) (argv []string, spooled bool) {
	if _, err := lookPath("lp"); err == nil {
		return []string{"lp", path}, true
	}
	return OpenCommand(path, goos), false
}

// OpenCommand returns the command that opens a file with its default
// application.
func OpenCommand(path, goos string) []string {
	switch goos {
	case "windows":
		return []string{"rundll32", "url.dll,FileProtocolHandler", path}
	case "darwin":
		return []string{"open", path}
	}
	return []string{"xdg-open", path}
}

// PrintResult says what Print did with a PDF.
type PrintResult int

// What Print did.
const (
	// NotPrinted: the command failed; nothing was printed or shown.
	NotPrinted PrintResult = iota
	// Printed: the print service accepted the job (lp ended with status
	// 0); the file may be removed now, the service has its own copy.
	Printed
	// Viewed: there is no print service; the PDF was opened in the
	// default viewer, from which the user may print it or not. Nothing was
	// printed, and the viewer may still read the file.
	Viewed
)

// lpTimeout is how long lp may take to hand a job to the print service.
const lpTimeout = time.Minute

// Print sends the PDF at path to the print service and waits until it has
// accepted the job (Printed). Where there is no print service it opens
// the PDF in the default viewer instead (Viewed), which is not printing.
// Failures are said in Chinese, with what to do.
func Print(path string) (PrintResult, error) {
	if err := readable("打印", path); err != nil {
		return NotPrinted, err
	}
	argv, spooled := PrintCommand(path, exec.LookPath, runtime.GOOS)
	if spooled {
		if err := run(argv, "打印", lpTimeout, true); err != nil {
			return NotPrinted, err
		}
		return Printed, nil
	}
	if err := run(argv, "打印", 3*time.Second, false); err != nil {
		return NotPrinted, err
	}
	return Viewed, nil
}

// OpenFile opens a file with its default application.
func OpenFile(path string) error {
	if err := readable("打开", path); err != nil {
		return err
	}
	return run(OpenCommand(path, runtime.GOOS), "打开文件", 3*time.Second, false)
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
// one within grace. A command still running then is taken to have worked
// (a viewer that stays open), unless mustEnd is set (a print job that the
// service has not accepted): it is then stopped and reported.
func run(argv []string, what string, grace time.Duration, mustEnd bool) error {
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
			return exitError(argv[0], what, err, out.String())
		}
		return nil
	case <-timer.C:
		if !mustEnd {
			return nil
		}
		_ = cmd.Process.Kill()
		<-done
		return fmt.Errorf("%s失败：%s 在%v内没有结束，打印服务没有响应：请检查打印服务（CUPS）是否在运行，或先导出 PDF 再打印", what, argv[0], grace)
	}
}

// startError says in Chinese why a command could not be started.
func startError(name, what string, err error) error {
	if !errors.Is(err, exec.ErrNotFound) {
		return fmt.Errorf("%s失败：%w", what, safefile.Explain("运行", name, err))
	}
	switch {
	case name == "lp":
		return fmt.Errorf("%s失败：找不到打印命令 lp：请安装打印服务（CUPS），或先导出 PDF 再打印", what)
	case what == "打印":
		return fmt.Errorf("%s失败：本机没有打印服务，也找不到打开 PDF 的程序（%s）：请安装打印服务（CUPS）或 PDF 阅读器，或先导出 PDF 再用其他程序打印", what, name)
	}
	return fmt.Errorf("%s失败：找不到打开文件的程序（%s）：请安装相应的阅读程序，或到文件所在的文件夹中打开", what, name)
}

// exitError says in Chinese that a command ended with a failure; what it
// printed follows in parentheses.
func exitError(name, what string, err error, output string) error {
	msg := fmt.Sprintf("%s失败：%s 报告了错误", what, name)
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() >= 0 {
		msg += fmt.Sprintf("（退出码 %d）", ee.ExitCode())
	}
	if name == "lp" {
		msg += "，打印服务没有接受任务：请检查是否已连接并设置了默认打印机"
	} else {
		msg += "：请检查默认的 PDF 阅读程序"
	}
	if o := strings.Join(strings.Fields(output), " "); o != "" {
		msg += "（" + o + "）"
	}
	return errors.New(msg)
}

// DataDirKey is the preference (kept outside the database) naming the
// folder of the drafts database; empty for the default folder.
const DataDirKey = "dataDir"

// DatabasePath is the drafts database in dataDir, or the default one
// (store.DefaultPath, which honours REPLYDESK_DB) when dataDir is empty or
// REPLYDESK_DB is set.
func DatabasePath(dataDir string) string {
	if dataDir == "" || os.Getenv("REPLYDESK_DB") != "" {
		return store.DefaultPath()
	}
	return filepath.Join(dataDir, store.FileName)
}
