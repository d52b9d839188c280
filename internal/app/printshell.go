package app

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"unicode/utf16"
)

// windowsShell prints through Windows without cgo: Windows PowerShell
// lists the printers (Win32_Printer, with the default marked) and hands
// the PDF to the program registered for it with the shell's PrintTo verb
// (WPS, Adobe Acrobat Reader, SumatraPDF…), once per copy, then waits
// for that program to end, so that the file can be removed. The verb
// takes the printer only: sides follow the printer's own setting, and a
// page range is printed by writing only those pages into the PDF.
type windowsShell struct{}

func (windowsShell) caps() PrintCaps { return PrintCaps{} }

// noPowerShell is the reason given when PowerShell cannot be found.
var noPowerShell = &PrintUnavailable{Reason: "找不到 Windows PowerShell，无法列出打印机和直接打印：请先导出 PDF，再用 PDF 阅读器打印"}

// powershell is the command that runs script: encoded (UTF-16LE, base64),
// so that no quoting of the command line can change it.
func powershell(script string) Command {
	u := utf16.Encode([]rune(script))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		b[2*i], b[2*i+1] = byte(c), byte(c>>8)
	}
	return Command{Name: "powershell.exe", Args: []string{"-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
		"-EncodedCommand", base64.StdEncoding.EncodeToString(b)}}
}

// psQuote is s as a PowerShell string literal: single-quoted, where only
// quotes are special (and PowerShell takes the typographic single quotes
// for quotes too), each doubled.
func psQuote(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\'', '‘', '’', '‚', '‛':
			b.WriteRune(r)
		}
		b.WriteRune(r)
	}
	b.WriteByte('\'')
	return b.String()
}

// psUTF8 makes PowerShell write UTF-8, so that Chinese printer names and
// messages arrive whole whatever the console's code page.
const psUTF8 = "$ErrorActionPreference = 'Stop'\n[Console]::OutputEncoding = [System.Text.Encoding]::UTF8\n"

// listScript writes one printer a line: "*" for the default one or "-",
// then its name.
const listScript = psUTF8 + "Get-CimInstance -ClassName Win32_Printer | ForEach-Object { if ($_.Default) { '*' + $_.Name } else { '-' + $_.Name } }\n"

func (windowsShell) printers(ctx context.Context, run Runner) ([]Printer, error) {
	out, err := run(ctx, powershell(listScript))
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return nil, noPowerShell
	case timedOut(ctx, err):
		return nil, &PrintUnavailable{Reason: "读取打印机列表超时：请检查打印后台处理程序（Print Spooler）服务是否在运行，或先导出 PDF，再用 PDF 阅读器打印"}
	case err != nil:
		return nil, &PrintUnavailable{Reason: fmt.Sprintf("无法读取打印机列表（%s）：请检查打印后台处理程序（Print Spooler）服务是否在运行，或先导出 PDF，再用 PDF 阅读器打印",
			commandOutput(out))}
	}
	list := parseWindowsPrinters(string(out))
	if len(list) == 0 {
		return nil, &PrintUnavailable{Reason: "本机还没有可用的打印机：请在“设置 → 打印机和扫描仪”中添加打印机，或先导出 PDF，再用 PDF 阅读器打印"}
	}
	return list, nil
}

// parseWindowsPrinters reads the lines of listScript.
func parseWindowsPrinters(out string) []Printer {
	var list []Printer
	for _, line := range strings.Split(strings.TrimPrefix(out, "\uFEFF"), "\n") {
		line = strings.TrimRight(line, "\r")
		if len(line) < 2 || line[0] != '*' && line[0] != '-' {
			continue
		}
		if name := strings.TrimSpace(line[1:]); name != "" {
			list = append(list, Printer{Name: name, Default: line[0] == '*'})
		}
	}
	return list
}

// verbWait is how long the print script waits for the programs of the
// verb to end before it returns (the file then stays until the next
// start if they still hold it).
const verbWait = 120

// printScript hands path to the PrintTo verb for printer, copies times,
// and waits for the programs started to end.
func printScript(path string, job PrintJob) string {
	return psUTF8 +
		"$file = " + psQuote(path) + "\n" +
		"$printer = " + psQuote(job.Printer) + "\n" +
		"$procs = @()\n" +
		"for ($i = 0; $i -lt " + strconv.Itoa(max(job.Copies, 1)) + "; $i++) {\n" +
		"  $procs += Start-Process -FilePath $file -Verb PrintTo -ArgumentList ('\"' + $printer + '\"') -WindowStyle Hidden -PassThru\n" +
		"}\n" +
		"$procs | Where-Object { $_ } | Wait-Process -Timeout " + strconv.Itoa(verbWait) + " -ErrorAction SilentlyContinue\n"
}

func (windowsShell) print(ctx context.Context, run Runner, path string, job PrintJob) (string, error) {
	out, err := run(ctx, powershell(printScript(path, job)))
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return "", noPowerShell
	case timedOut(ctx, err):
		return "", fmt.Errorf("打印失败：打印程序在%v内没有结束：请查看打印机“%s”的打印队列，或先导出 PDF 再打印", printTimeout, job.Printer)
	case err != nil:
		msg := "打印失败：系统没能把 PDF 交给打印程序：请确认本机装有能打印 PDF 的阅读器（如 WPS、Adobe Acrobat Reader），或先导出 PDF 再打印"
		if o := commandOutput(out); o != "" {
			msg += "（系统的说明：" + o + "）"
		}
		return "", errors.New(msg)
	}
	return "", nil
}
