package app

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// cups prints through CUPS, the print service of Linux and macOS: lpstat
// lists the printers (-e) and tells the default one (-d), lp submits a
// job with its printer (-d), copies (-n), sides (-o sides=…) and page
// range (-P). lp copies the file into the spool before it returns, so the
// file may be removed then.
type cups struct{}

// cupsEnv makes lpstat and lp speak English, whose words printers and
// defaultDest read, whatever the user's language.
var cupsEnv = []string{"LC_ALL=C", "LANG=C"}

func (cups) caps() PrintCaps { return PrintCaps{Duplex: true, Pages: true} }

// noCUPS is the reason given when lpstat or lp cannot be found.
var noCUPS = &PrintUnavailable{Reason: "本机没有安装打印服务（CUPS），无法直接打印：请安装 CUPS 并添加打印机，或先导出 PDF，再用其他程序打印"}

// noPrinter is the reason given when the system has no printer.
var noPrinter = &PrintUnavailable{Reason: "本机还没有可用的打印机：请在系统设置中添加打印机（并确认打印服务在运行），或先导出 PDF，再用其他程序打印"}

func (cups) printers(ctx context.Context, run Runner) ([]Printer, error) {
	out, err := run(ctx, Command{Name: "lpstat", Args: []string{"-e"}, Env: cupsEnv})
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return nil, noCUPS
	case timedOut(ctx, err):
		return nil, &PrintUnavailable{Reason: "打印服务（CUPS）没有响应：请检查打印服务是否在运行，或先导出 PDF，再用其他程序打印"}
	case err != nil:
		return nil, &PrintUnavailable{Reason: fmt.Sprintf("无法读取打印机列表：lpstat 报告了错误（退出码 %d，%s）：请检查打印服务（CUPS）是否在运行，或先导出 PDF，再用其他程序打印",
			exitCode(err), commandOutput(out))}
	}
	var list []Printer
	for _, line := range strings.Split(string(out), "\n") {
		if name := strings.TrimSpace(line); name != "" {
			list = append(list, Printer{Name: name})
		}
	}
	if len(list) == 0 {
		return nil, noPrinter
	}
	out, err = run(ctx, Command{Name: "lpstat", Args: []string{"-d"}, Env: cupsEnv})
	if err == nil {
		markDefault(list, defaultDest(string(out)))
	}
	return list, nil
}

// defaultRe finds the default printer in the output of lpstat -d:
// "system default destination: HP_LaserJet".
var defaultRe = regexp.MustCompile(`(?m)^system default destination:\s*(\S+)`)

// defaultDest returns the default printer lpstat -d names, "" when none.
func defaultDest(out string) string {
	if m := defaultRe.FindStringSubmatch(out); m != nil {
		return m[1]
	}
	return ""
}

// markDefault marks the printer named def as the default one: the queue
// itself, or else the queue of which def is an instance ("HP/duplex").
func markDefault(list []Printer, def string) {
	if def == "" {
		return
	}
	base, _, _ := strings.Cut(def, "/")
	for _, name := range []string{def, base} {
		for i := range list {
			if list[i].Name == name {
				list[i].Default = true
				return
			}
		}
	}
}

// lpArgs are the arguments of lp for a job.
func lpArgs(path string, job PrintJob) []string {
	sides := "one-sided"
	if job.Duplex {
		sides = "two-sided-long-edge"
	}
	args := []string{"-d", job.Printer, "-n", strconv.Itoa(max(job.Copies, 1)), "-o", "sides=" + sides}
	if len(job.Pages) > 0 {
		args = append(args, "-P", job.Pages.String())
	}
	if job.Title != "" {
		args = append(args, "-t", job.Title)
	}
	return append(args, path)
}

// requestRe finds the job id in what lp says: "request id is HP-12 (1 file(s))".
var requestRe = regexp.MustCompile(`request id is (\S+)`)

func (cups) print(ctx context.Context, run Runner, path string, job PrintJob) (string, error) {
	out, err := run(ctx, Command{Name: "lp", Args: lpArgs(path, job), Env: cupsEnv})
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return "", noCUPS
	case timedOut(ctx, err):
		return "", fmt.Errorf("打印失败：打印服务在%v内没有接受任务：请检查打印服务（CUPS）是否在运行，或先导出 PDF 再打印", printTimeout)
	case err != nil:
		msg := fmt.Sprintf("打印失败：打印服务没有接受任务（lp 退出码 %d）：请检查打印机“%s”是否已连接并可用", exitCode(err), job.Printer)
		if o := commandOutput(out); o != "" {
			msg += "（" + o + "）"
		}
		return "", errors.New(msg)
	}
	if m := requestRe.FindSubmatch(out); m != nil {
		return string(m[1]), nil
	}
	return "", nil
}
