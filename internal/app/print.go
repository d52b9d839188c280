package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"replydesk/internal/render/pdf"
	"replydesk/internal/reply"
	"replydesk/internal/safefile"
)

// Printing prints replies through the print system of the machine: CUPS
// (lpstat, lp) on Linux and macOS, the shell's print verb on Windows (see
// printcups.go and printshell.go; the build picks the system). The
// commands run through Run, which tests replace.
type Printing struct {
	// Run runs the commands; nil runs them for real (ExecRunner).
	Run Runner
	// System is "cups" or "windows"; "" is the system of this build.
	System string
}

// Printer is a printer (a print queue) of the system.
type Printer struct {
	Name    string // as the system names it, e.g. "HP_LaserJet_Pro_M404"
	Default bool   // the system's default printer
}

// PrintJob says how to print a reply.
type PrintJob struct {
	Printer string    // Printer.Name
	Copies  int       // 1 when 0
	Duplex  bool      // both sides of the sheet, turned on the long edge: 公文 page numbers alternate sides for it
	Pages   PageRange // nil = every page
	Title   string    // the job's name in the print queue, e.g. "第244号提案答复"
}

// PrintCaps is what the print system lets a job choose.
type PrintCaps struct {
	// Duplex: the job can ask for both sides (CUPS). Through the Windows
	// print verb the printer's own setting applies.
	Duplex bool
	// Pages: the system prints a page range itself; else PrintReply
	// writes only the pages asked for into the PDF it hands over.
	Pages bool
}

// Printed is a job the print system accepted.
type Printed struct {
	ID    string // the job's id in the queue, e.g. "HP-12"; "" when the system does not say
	Pages int    // pages of the PDF handed over
}

// Command is a program to run: its name, arguments and the variables
// added to its environment.
type Command struct {
	Name string
	Args []string
	Env  []string
}

// Runner runs a command to its end, or until ctx is done, and returns
// what it wrote (stdout and stderr). A command that cannot be found fails
// with an error matching exec.ErrNotFound; one that ends with a failure,
// with an *exec.ExitError.
type Runner func(ctx context.Context, c Command) ([]byte, error)

// ExecRunner runs a command of the system.
func ExecRunner(ctx context.Context, c Command) ([]byte, error) {
	cmd := exec.CommandContext(ctx, c.Name, c.Args...)
	if len(c.Env) > 0 {
		cmd.Env = append(os.Environ(), c.Env...)
	}
	cmd.WaitDelay = time.Second
	hideConsole(cmd)
	return cmd.CombinedOutput()
}

// PrintUnavailable says why this machine cannot print now: no print
// service, none running, no printer. Its message is Chinese and says what
// to do; the window offers 导出 PDF instead.
type PrintUnavailable struct{ Reason string }

func (e *PrintUnavailable) Error() string { return e.Reason }

// printSystem is a print system: how to list the printers and print a PDF.
type printSystem interface {
	printers(ctx context.Context, run Runner) ([]Printer, error)
	print(ctx context.Context, run Runner, path string, job PrintJob) (id string, err error)
	caps() PrintCaps
}

// Timeouts of the print commands.
const (
	listTimeout  = 15 * time.Second // listing the printers
	printTimeout = 3 * time.Minute  // handing a job over (the Windows verb waits for its program)
)

func (p *Printing) system() printSystem {
	name := p.System
	if name == "" {
		name = systemPrinting
	}
	if name == "windows" {
		return windowsShell{}
	}
	return cups{}
}

func (p *Printing) runner() Runner {
	if p.Run != nil {
		return p.Run
	}
	return ExecRunner
}

// Caps says what the print system lets a job choose.
func (p *Printing) Caps() PrintCaps { return p.system().caps() }

// Printers lists the printers of the system, the default one marked. When
// the machine cannot print the error is a *PrintUnavailable.
func (p *Printing) Printers() ([]Printer, error) {
	ctx, cancel := context.WithTimeout(context.Background(), listTimeout)
	defer cancel()
	return p.system().printers(ctx, p.runner())
}

// PrintReply prints the reply r as job asks. It typesets r and checks it
// as an export does: a reply with errors is printed only when force is
// set (else the error is a *CheckError), one with characters no font has
// never (a *MissingError). The PDF is written to a new temporary folder,
// handed to the print system, and the folder removed as soon as the
// system has the job: lp copies the file when it accepts the job; the
// Windows print verb reads it until its program ends (a folder still
// locked then is removed at the next start, see CleanPrintFolders). It
// returns the errors of the reply, also when forced.
func (p *Printing) PrintReply(d *Desk, r *reply.Reply, job PrintJob, force bool) (Printed, []reply.Problem, error) {
	res, errs, err := d.checked(r, force)
	if err != nil {
		return Printed{}, errs, err
	}
	sys := p.system()
	doc := res.Doc
	if len(job.Pages) > 0 {
		if err := job.Pages.Check(len(doc.Pages)); err != nil {
			return Printed{}, errs, err
		}
		if !sys.caps().Pages {
			doc = job.Pages.Of(doc)
			job.Pages = nil
		}
	}
	if job.Copies <= 0 {
		job.Copies = 1
	}
	dir, err := newPrintFolder()
	if err != nil {
		return Printed{}, errs, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, SafeFileName(job.Title)+".pdf")
	if err := pdf.WriteFile(path, doc, d.Fonts, pdfOptions); err != nil {
		return Printed{}, errs, fmt.Errorf("无法打印：%w", safefile.Explain("写入临时文件", path, err))
	}
	ctx, cancel := context.WithTimeout(context.Background(), printTimeout)
	defer cancel()
	id, err := sys.print(ctx, p.runner(), path, job)
	if err != nil {
		return Printed{}, errs, err
	}
	return Printed{ID: id, Pages: len(doc.Pages)}, errs, nil
}

// printDirPrefix names the temporary folders of the PDFs sent to print.
const printDirPrefix = "replydesk-print-"

// newPrintFolder makes a new temporary folder for one print.
func newPrintFolder() (string, error) {
	tmp := os.TempDir()
	dir, err := os.MkdirTemp(tmp, printDirPrefix)
	if err != nil {
		return "", fmt.Errorf("无法打印：%w", safefile.Explain("建立临时文件夹", tmp, err))
	}
	return dir, nil
}

// CleanPrintFolders removes the print folders of earlier runs older than
// age at now (a PDF a Windows print program still held when its job was
// handed over, or a run that was killed), and returns how many it
// removed; the window calls it at start.
func CleanPrintFolders(now time.Time, age time.Duration) int {
	tmp := os.TempDir()
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), printDirPrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > age {
			if os.RemoveAll(filepath.Join(tmp, e.Name())) == nil {
				n++
			}
		}
	}
	return n
}

// commandOutput is what a command wrote, on one line and at most about
// 200 characters, for a message.
func commandOutput(out []byte) string {
	s := strings.Join(strings.Fields(string(out)), " ")
	if utf8.RuneCountInString(s) > 200 {
		s = string([]rune(s)[:200]) + "…"
	}
	return s
}

// exitCode is the exit status of a command that ended with a failure, -1
// when it did not end by itself.
func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}

// timedOut reports whether a command was stopped because ctx ended.
func timedOut(ctx context.Context, err error) bool {
	return err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded)
}
