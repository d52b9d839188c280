package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"replydesk/internal/app"
	"replydesk/internal/reply"
	"replydesk/internal/safefile"
	"replydesk/internal/tomlfile"
)

// stdin is where "replydesk import -" reads; tests replace it.
var stdin io.Reader = os.Stdin

// importCmd runs "replydesk import FILE|- [-o OUT.reply.toml] [--style NAME]":
// a letter drafted in Word or as text becomes a reply file with its fields
// recognised. The notes of what could not be placed and the reply's
// problems are told; the import succeeds whatever the reply still lacks.
func importCmd(args []string, stdout, stderr io.Writer) (int, error) {
	var c common
	fs := newFlags("import", &c)
	out := fs.String("o", "", "")
	styleName := fs.String("style", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, err
	}
	switch {
	case len(pos) == 0:
		return 2, &usageError{"缺少要导入的文件：Word 文档（.docx）、文本文件（.txt），或 - 表示标准输入", usageOf("import")}
	case len(pos) > 1:
		return 2, &usageError{fmt.Sprintf("只能导入一个文件，多出了“%s”", pos[1]), usageOf("import")}
	}
	in := pos[0]
	if in != "-" {
		if err := inputFile(in, "Word 文档（.docx）或文本文件（.txt）"); err != nil {
			return 2, err
		}
		if *out == "" {
			*out = strings.TrimSuffix(in, filepath.Ext(in)) + ".reply.toml"
			if _, err := os.Stat(*out); err == nil {
				return 2, &safefile.Error{Op: "写入", Path: *out, Msg: "文件已存在，不会覆盖：请用 -o 指定另一个文件名"}
			}
		}
	}
	if *out != "" && *out != "-" {
		if err := safefile.CheckOutput(*out, ".toml", in); err != nil {
			return 2, err
		}
		if !strings.HasSuffix(strings.ToLower(*out), ".reply.toml") {
			return 2, &safefile.Error{Op: "写入", Path: *out, Msg: "答复函文件应以 .reply.toml 结尾：请换一个文件名"}
		}
	}
	d, err := c.desk()
	if err != nil {
		return 2, err
	}
	var im *app.Imported
	if in == "-" {
		im, err = d.ImportLetter(stdin, *styleName)
	} else {
		im, err = d.ImportLetterFile(in, *styleName)
	}
	if err != nil {
		return 2, err
	}
	if *out == "" || *out == "-" {
		w := bufio.NewWriter(stdout)
		if err := tomlfile.WriteReply(w, im.Reply); err != nil {
			return 2, err
		}
		if err := w.Flush(); err != nil {
			return 2, err
		}
		report(stderr, "", im)
		return 0, nil
	}
	if err := tomlfile.WriteReplyFile(*out, im.Reply); err != nil {
		return 2, err
	}
	fmt.Fprintf(stdout, "已从%s导入：%s\n", im.Source, *out)
	report(stdout, *out, im)
	return 0, nil
}

// report tells what the import could not place and what the reply still
// lacks, as check does.
func report(w io.Writer, file string, im *app.Imported) {
	for _, n := range im.Notes {
		fmt.Fprintln(w, "说明：", n.Message)
	}
	errs := 0
	for _, p := range im.Problems {
		if p.Severity == reply.Error {
			errs++
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", p.Severity, reply.Where(p.Field, p.Para), p.Message)
	}
	if errs > 0 && file != "" {
		fmt.Fprintf(w, "答复函还有%d处错误：请在窗口中补全，或修改后用 replydesk check %s 检查\n", errs, file)
	}
}
