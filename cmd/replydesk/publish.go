package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"replydesk/internal/app"
)

// publishUsage is the usage of "replydesk publish".
const publishUsage = `用法：replydesk publish --out 文件夹 [--compile 汇编.pdf] [--title 目录标题] [筛选条件]
批量公开：把台账中筛选出的、公开属性允许公开且检查无误的答复，生成公开版（去掉联系人姓名、
电话等个人信息，签发人等按样式的“公开版”一节取舍）的 PDF 和网页，写入文件夹，并生成目录
网页（index.html）和 公开目录.xlsx（编号、案由、提出人、答复类别、答复日期、文件）。不能公开的
逐件列出原因（此时退出码为 1）。所有文件生成无误后才写入；写入失败时不留下写了一半的文件。

选项：
  --out 文件夹           公开版写入的文件夹（没有则新建）
  --compile 汇编.pdf     另把这些答复编成一本答复汇编：封面、按编号的目录（含页码），
                         每件答复从单页码起排，页码连续
  --title 标题           目录和汇编封面的标题，如“长春市教育局2023年建议提案办理复文”；
                         不写则用发文机关署名加“建议提案办理复文”

` + filterUsage + `

` + commonUsage

func init() { usages["publish"] = publishUsage }

// publishCmd runs "replydesk publish --out DIR [--compile FILE.pdf] [filters]".
func publishCmd(args []string, stdout, stderr io.Writer) (int, error) {
	var lf ledgerFlags
	fs := newLedgerFlags("publish", &lf)
	out := fs.String("out", "", "")
	compile := fs.String("compile", "", "")
	title := fs.String("title", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, err
	}
	if len(pos) > 0 {
		return 2, positional(pos, "", "publish")
	}
	if *out == "" && *compile == "" {
		return 2, &usageError{"缺少 --out 文件夹（或 --compile 汇编.pdf）：请指定公开版写入的位置", usageOf("publish")}
	}
	if *compile != "" {
		if err := app.CheckCompileOutput(*compile); err != nil {
			return 2, err
		}
	}
	l, items, done, err := lf.load(false)
	if err != nil {
		return 2, err
	}
	defer done()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	progress := func(done, total int) {
		if done == total || done%20 == 0 {
			fmt.Fprintf(stderr, "已处理 %d/%d\n", done, total)
		}
	}
	code := 0
	if *out != "" {
		pub, err := l.Publish(ctx, items, *out, app.PublishOptions{Title: *title, Progress: progress})
		for _, p := range pub.Items {
			if !p.Ok() {
				fmt.Fprintf(stdout, "未公开：%s：%s\n", p.Item.Label(), p.Reason)
				for _, pr := range p.Problems {
					fmt.Fprintf(stdout, "\t%s\n", pr.Message)
				}
			}
		}
		if err != nil {
			return 2, err
		}
		fmt.Fprintln(stdout, pub.Summary())
		if _, held := pub.Count(); held > 0 {
			code = 1
		}
	}
	if *compile != "" {
		c, err := l.Compile(ctx, items, *compile, app.CompileOptions{Title: *title, Progress: progress})
		if err != nil {
			return 2, err
		}
		if *out == "" {
			for _, p := range c.Items {
				if !p.Ok() {
					fmt.Fprintf(stdout, "未编入：%s：%s\n", p.Item.Label(), p.Reason)
				}
			}
		}
		fmt.Fprintln(stdout, c.Summary())
		if c.Held() > 0 {
			code = 1
		}
	}
	return code, nil
}
