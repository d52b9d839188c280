package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"replydesk/internal/app"
	"replydesk/internal/fonts"
	"replydesk/internal/reply"
	"replydesk/internal/safefile"
	"replydesk/internal/tomlfile"
)

const usage = `用法：
  replydesk                                   打开答复函起草台窗口
  replydesk 文件.reply.toml                    在窗口中打开答复函
  replydesk 清单.xlsx                          打开窗口并预览导入该交办清单
  replydesk 答复.docx                          打开窗口并导入该 Word 文档（或 .txt 文本）
  replydesk render 文件.reply.toml -o 文件.pdf  排版并导出 PDF（-o 文件.docx 导出 Word）
  replydesk render 文件.reply.toml --public -o 文件.pdf  导出公开版（去掉联系人等个人信息）
  replydesk check [--fix] 文件.reply.toml       检查答复函（--fix 自动修正半角标点等）
  replydesk import 答复.docx [-o 文件.reply.toml]  从 Word 文档或文本导入答复函（自动识别各项）
  replydesk new --style 提案答复 > 文件.reply.toml  按样式新建答复函
  replydesk styles                            列出可用样式
  replydesk fonts [--all]                     列出本机已安装的字体（含 .ttc 中的各个字体）
  replydesk ledger import 清单.xlsx [--dry-run]  导入交办清单到台账（先列出问题，无误才写入）
  replydesk ledger export 汇总表.xlsx [筛选条件]  导出办理情况汇总表（含统计表）
  replydesk ledger list [筛选条件]              列出台账条目
  replydesk ledger set 编号 --status 已答复 …    修改台账条目的字段（ledger set --help 列出各字段）
  replydesk ledger draft 编号                   建立或显示该条目的答复草稿文件
  replydesk ledger log 编号                     列出该条目的操作记录（谁在何时改了什么）
  replydesk batch --out 文件夹 [--format pdf|docx|both] [--force] [筛选条件]
                                              把台账中各件的答复检查后批量导出为 PDF 或 Word
                                              （有错误的不导出；--force 仍导出，但不标记已答复）
  replydesk publish --out 文件夹 [--compile 汇编.pdf] [筛选条件]
                                              批量公开：可公开且无误的答复生成公开版 PDF、网页和目录
                                              （--compile 另编一本答复汇编）
    筛选条件：--status 未办理,办理中 --kind 提案 --category B --overdue --due-soon --q 关键词
  replydesk db init --db postgres://…         在 PostgreSQL 服务器上建立共享台账（角色、模式、全部表）
  replydesk db migrate [--db 数据库]           新建或升级数据库结构（本机文件或 PostgreSQL 共享台账）
  replydesk db copy --from 文件 --to postgres://…  把本机草稿和台账复制到共享台账
    台账选项：--db 数据库文件或 postgres://用户名@服务器/数据库（密码用 PGPASSWORD 或 pgpass）；导入时 --map 案由=C 指定列，--meeting 市政协十四届二次会议

各子命令的详细说明：replydesk 子命令 --help，例如 replydesk render --help

通用选项（放在子命令之后）：
  --templates 文件夹   另外读取该文件夹中的样式（*.toml）
  --font 角色=字体文件  为字体角色指定已安装字体，角色为 title/body/hei/kai/song，
                       例如 --font body=C:\Windows\Fonts\simfang.ttf；字体集合（.ttc）
                       用 # 指明其中的字体：--font song=simsun.ttc#SimSun；
                       =内置 则用内置字体。未指定的角色自动使用已安装的官方字体
`

// run runs the command line and returns the exit status: 0 on success, 1
// when a check found errors, 2 on a usage or processing error. -h or
// --help after any subcommand prints its usage to stdout and exits 0.
func run(args []string, stdout, stderr io.Writer) (int, error) {
	code, err := dispatch(args, stdout, stderr)
	var help *helpRequested
	if errors.As(err, &help) {
		fmt.Fprint(stdout, strings.TrimRight(help.usage, "\n")+"\n")
		return 0, nil
	}
	return code, err
}

// dispatch runs the subcommand that args name.
func dispatch(args []string, stdout, stderr io.Writer) (int, error) {
	warmUp(args)
	if len(args) == 0 {
		return openWindow("")
	}
	cmd, rest := args[0], args[1:]
	if len(args) == 1 && windowFile(cmd) {
		if _, err := os.Stat(cmd); err != nil {
			return 2, safefile.Explain("打开", cmd, err)
		}
		return openWindow(cmd)
	}
	switch cmd {
	case "render":
		return render(rest, stdout, stderr)
	case "check":
		return check(rest, stdout)
	case "import":
		return importCmd(rest, stdout, stderr)
	case "new":
		return newReply(rest, stdout)
	case "styles":
		return listStyles(rest, stdout)
	case "fonts":
		return listFonts(rest, stdout)
	case "ledger":
		return ledgerCmd(rest, stdout, stderr)
	case "db":
		return dbCmd(rest, stdout)
	case "batch":
		return batchCmd(rest, stdout, stderr)
	case "publish":
		return publishCmd(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			return 0, &helpRequested{usageOf(strings.Join(rest, " "))}
		}
		return 0, &helpRequested{usage}
	}
	if strings.HasPrefix(cmd, "-") {
		return 2, &usageError{fmt.Sprintf("未知的选项“%s”：选项写在子命令之后", cmd), usage}
	}
	return 2, &usageError{fmt.Sprintf("未知的子命令“%s”", cmd), usage}
}

// inputFile checks that path is a file the command can read, and says in
// Chinese what is wrong if not: missing, a folder, not readable. what
// names the kind of file expected.
func inputFile(path, what string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return safefile.Explain("读取", path, err)
	}
	if fi.IsDir() {
		return &safefile.Error{Op: "读取", Path: path, Msg: "这是一个文件夹：请指定" + what}
	}
	f, err := os.Open(path)
	if err != nil {
		return safefile.Explain("读取", path, err)
	}
	return f.Close()
}

// warnBroken tells the styles that failed to load, with file and line;
// the one r names is left out, its error being r's own.
func warnBroken(w io.Writer, d *app.Desk, r *reply.Reply) {
	for _, b := range d.Broken {
		if b.Name != r.Style || b.Name == "" {
			fmt.Fprintln(w, "注意：", b)
		}
	}
}

// windowFile reports whether arg names a file the window opens: a reply
// or a 交办清单 to import.
func windowFile(arg string) bool {
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".toml", ".xlsx", ".docx", ".txt":
		return true
	}
	return false
}

// common are the options every subcommand takes.
type common struct {
	templates string
	fonts     fontFlags
}

type fontFlags map[string]string

func (f fontFlags) String() string { return fmt.Sprint(map[string]string(f)) }

func (f fontFlags) Set(v string) error {
	role, path, ok := strings.Cut(v, "=")
	if !ok || path == "" {
		return fmt.Errorf("--font 应写成 角色=字体文件，例如 body=simfang.ttf 或 song=simsun.ttc#SimSun")
	}
	if path == "内置" {
		path = app.BuiltinFont
	}
	f[strings.TrimSpace(role)] = path
	return nil
}

func newFlags(name string, c *common) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.fonts = fontFlags{}
	fs.StringVar(&c.templates, "templates", "", "")
	fs.Var(c.fonts, "font", "")
	return fs
}

func (c *common) desk() (*app.Desk, error) {
	d, err := app.Open(app.Options{StyleDirs: []string{app.UserStyleDir(), c.templates}, FontFiles: c.fonts, OfficialFonts: true})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// parse parses flags that may stand before or after the positional
// arguments, and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagError(fs.Name(), err)
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func render(args []string, stdout, stderr io.Writer) (int, error) {
	var c common
	fs := newFlags("render", &c)
	out := fs.String("o", "", "")
	format := fs.String("format", "", "")
	public := fs.Bool("public", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, err
	}
	switch {
	case len(pos) == 0:
		return 2, &usageError{"缺少答复函文件", usageOf("render")}
	case len(pos) > 1:
		return 2, &usageError{fmt.Sprintf("只能排版一个答复函文件，多出了“%s”", pos[1]), usageOf("render")}
	case *out == "":
		return 2, &usageError{"缺少输出文件：请用 -o 文件.pdf 或 -o 文件.docx 指定", usageOf("render")}
	}
	// The format is the -o file's extension unless --format names it.
	ext := ".pdf"
	switch f := strings.ToLower(strings.TrimPrefix(*format, ".")); {
	case webExt(f, *out) != "":
		if ext = webExt(f, *out); !*public {
			return 2, &usageError{"网页（.html）和文本（.txt）只导出公开版：请加 --public", usageOf("render")}
		}
	case f == "pdf":
	case f == "docx":
		ext = ".docx"
	case f != "":
		return 2, &usageError{fmt.Sprintf("不认识的格式“%s”：--format 只能是 pdf 或 docx", *format), usageOf("render")}
	case strings.HasSuffix(strings.ToLower(*out), ".docx"):
		ext = ".docx"
	}
	if err := safefile.CheckOutput(*out, ext, pos[0]); err != nil {
		return 2, err
	}
	if err := inputFile(pos[0], "答复函文件（.reply.toml）"); err != nil {
		return 2, err
	}
	d, err := c.desk()
	if err != nil {
		return 2, err
	}
	r, note, err := tomlfile.ReadReplyFileNote(pos[0])
	if err != nil {
		return 2, err
	}
	if note != "" {
		fmt.Fprintln(stderr, "注意："+note)
	}
	// render writes what it is given, as a draft to look at; the errors
	// are told, and check says which.
	var errs []reply.Problem
	pages := ""
	switch {
	case *public:
		pages, errs, err = renderPublic(d, *out, ext, r, stderr)
	case ext == ".docx":
		errs, err = d.ExportDOCX(*out, r, true)
	default:
		doc, perrs, perr := d.ExportChecked(*out, r, true)
		if errs, err = perrs, perr; err == nil {
			pages = fmt.Sprintf("（%d 页）", len(doc.Pages))
		}
	}
	if err != nil {
		return 2, err
	}
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "注意：答复函还有 %d 处错误，请用 replydesk check %s 查看\n", len(errs), pos[0])
	}
	warnBroken(stderr, d, r)
	fmt.Fprintf(stdout, "已导出 %s%s\n", *out, pages)
	return 0, nil
}

func check(args []string, stdout io.Writer) (int, error) {
	var c common
	fs := newFlags("check", &c)
	fix := fs.Bool("fix", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, err
	}
	switch {
	case len(pos) == 0:
		return 2, &usageError{"缺少答复函文件", usageOf("check")}
	case len(pos) > 1:
		return 2, &usageError{fmt.Sprintf("只能检查一个答复函文件，多出了“%s”", pos[1]), usageOf("check")}
	}
	if err := inputFile(pos[0], "答复函文件（.reply.toml）"); err != nil {
		return 2, err
	}
	d, err := c.desk()
	if err != nil {
		return 2, err
	}
	r, err := tomlfile.ReadReplyFile(pos[0])
	if err != nil {
		return 2, err
	}
	if *fix {
		changes := reply.Fix(r)
		if len(changes) > 0 {
			// Only the fixed values change: the user's comments and layout stay.
			if err := tomlfile.UpdateReplyFile(pos[0], r); err != nil {
				return 2, err
			}
		}
		for _, ch := range changes {
			fmt.Fprintln(stdout, "已修正：", ch)
		}
	}
	ps := d.Check(r)
	src, _ := os.ReadFile(pos[0])
	for _, p := range ps {
		at := pos[0]
		if l := tomlfile.FieldLine(src, p.Field, p.Para); l > 0 {
			at += ":" + strconv.Itoa(l)
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\n", at, p.Severity, reply.Where(p.Field, p.Para), p.Message)
	}
	warnBroken(stdout, d, r)
	if reply.HasErrors(ps) {
		return 1, nil
	}
	if len(ps) == 0 {
		fmt.Fprintln(stdout, "未发现问题")
	}
	return 0, nil
}

func newReply(args []string, stdout io.Writer) (int, error) {
	var c common
	fs := newFlags("new", &c)
	name := fs.String("style", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, err
	}
	if len(pos) > 0 {
		return 2, &usageError{fmt.Sprintf("new 不需要文件参数，多出了“%s”：请用 > 文件.reply.toml 保存输出", pos[0]), usageOf("new")}
	}
	d, err := c.desk()
	if err != nil {
		return 2, err
	}
	if *name == "" {
		return 2, &usageError{"缺少 --style 样式名；可用的样式：" + styleNames(d), usageOf("new")}
	}
	st := d.StyleNamed(*name)
	if st == nil {
		return 2, fmt.Errorf("找不到样式“%s”；可用的样式：%s", *name, styleNames(d))
	}
	w := bufio.NewWriter(stdout)
	if err := tomlfile.WriteNewReply(w, st.NewReply()); err != nil { // CR LF on Windows
		return 2, err
	}
	return 0, w.Flush()
}

func styleNames(d *app.Desk) string {
	var names []string
	for _, s := range d.Styles {
		names = append(names, s.Name)
	}
	return strings.Join(names, "、")
}

func listStyles(args []string, stdout io.Writer) (int, error) {
	var c common
	pos, err := parse(newFlags("styles", &c), args)
	if err != nil {
		return 2, err
	}
	if len(pos) > 0 {
		return 2, &usageError{fmt.Sprintf("styles 不需要参数，多出了“%s”", pos[0]), usageOf("styles")}
	}
	d, err := c.desk()
	if err != nil {
		return 2, err
	}
	for _, s := range d.Styles {
		fmt.Fprintf(stdout, "%s\t%s\t%s\n", s.Name, s.Kind, s.Description)
	}
	if d.Warning != nil {
		fmt.Fprintln(stdout, "部分样式未能载入：", d.Warning)
	}
	return 0, nil
}

func listFonts(args []string, stdout io.Writer) (int, error) {
	fs := flag.NewFlagSet("fonts", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	all := fs.Bool("all", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, err
	}
	if len(pos) > 0 {
		return 2, &usageError{fmt.Sprintf("fonts 不需要参数，多出了“%s”", pos[0]), usageOf("fonts")}
	}
	list, err := fonts.Installed()
	if err != nil {
		return 2, err
	}
	official := fonts.Official()
	for _, f := range list {
		if !f.Usable || !(f.CJK || *all) {
			continue
		}
		var notes []string
		if f.CFF {
			notes = append(notes, "CFF 轮廓")
		}
		for _, role := range fonts.Roles {
			if o := official[role]; o.Spec() == f.Spec() {
				notes = append(notes, "自动用于"+fonts.RoleLabel(role))
			}
		}
		line := f.Family + "\t" + f.Style + "\t" + f.Spec()
		if len(notes) > 0 {
			line += "\t" + strings.Join(notes, "，")
		}
		fmt.Fprintln(stdout, line)
	}
	fmt.Fprintln(stdout, "\n各角色所用字体（未指定 --font 时）：")
	for _, role := range fonts.Roles {
		use := "内置字体"
		if o, ok := official[role]; ok {
			use = o.Family + "（" + o.Spec() + "）"
		}
		fmt.Fprintf(stdout, "  %s：%s\n", fonts.RoleLabel(role), use)
	}
	return 0, nil
}
