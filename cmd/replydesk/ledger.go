package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/safefile"
	"replydesk/internal/sheet"
	"replydesk/internal/store"
)

const ledgerUsage = `用法：
  replydesk ledger import 清单.xlsx [--dry-run] [--map 案由=C] [--sheet 工作表] [--meeting 市政协十四届二次会议] [--kind 提案]
  replydesk ledger export 汇总表.xlsx [--log] [筛选条件]
  replydesk ledger list [筛选条件]
  replydesk ledger set 编号 --status 已答复 --satisfaction 满意 …
  replydesk ledger draft 编号 [-o 文件.reply.toml]
  replydesk ledger log 编号
  replydesk batch --out 文件夹 [--format pdf|docx|both] [--force] [筛选条件]
筛选条件：--status 未办理,办理中  --kind 提案  --category B  --overdue  --due-soon  --q 关键词
通用：--db 数据库文件或 postgres://…（默认为用户数据文件夹中的 replydesk.db）
各子命令的说明：replydesk ledger import --help（export、list、set、draft、log 同）`

// ledgerFlags are the options of the ledger subcommands.
type ledgerFlags struct {
	common
	db, operator           string
	status, kind, category string
	overdue, dueSoon       bool
	query                  string
}

func newLedgerFlags(name string, lf *ledgerFlags) *flag.FlagSet {
	fs := newFlags(name, &lf.common)
	fs.StringVar(&lf.db, "db", "", "")
	fs.StringVar(&lf.operator, "operator", "", "")
	fs.StringVar(&lf.status, "status", "", "")
	fs.StringVar(&lf.kind, "kind", "", "")
	fs.StringVar(&lf.category, "category", "", "")
	fs.BoolVar(&lf.overdue, "overdue", false, "")
	fs.BoolVar(&lf.dueSoon, "due-soon", false, "")
	fs.StringVar(&lf.query, "q", "", "")
	return fs
}

// filter builds the ledger filter of the options: statuses and kinds
// must be known ones, categories codes of the desk's styles (for the
// kinds asked for).
func (lf *ledgerFlags) filter(d *app.Desk) (ledger.Filter, error) {
	f := ledger.Filter{Overdue: lf.overdue, DueSoon: lf.dueSoon, Text: lf.query}
	for _, s := range ledger.SplitList(lf.status) {
		st, err := ledger.ParseStatus(s)
		if err != nil {
			return f, fmt.Errorf("--status：%v", err)
		}
		f.Statuses = append(f.Statuses, st)
	}
	for _, s := range ledger.SplitList(lf.kind) {
		k, err := ledger.ParseKind(s)
		if err != nil {
			return f, fmt.Errorf("--kind：%v", err)
		}
		f.Kinds = append(f.Kinds, k)
	}
	valid, _ := app.NewLedger(d, nil).Choices(f.Kinds...)
	for _, c := range ledger.SplitList(lf.category) {
		if c == "无" {
			f.Categories = append(f.Categories, "") // the items without a category
			continue
		}
		i := slices.IndexFunc(valid, func(v string) bool { return strings.EqualFold(v, c) })
		if i < 0 {
			if len(valid) == 0 {
				return f, fmt.Errorf("--category：“%s”不是有效的答复类别：所选类型的样式没有答复类别，只能写“无”", c)
			}
			return f, fmt.Errorf("--category：“%s”不是有效的答复类别，应为%s之一（“无”为未填类别的）", c, quoteList(valid))
		}
		f.Categories = append(f.Categories, valid[i])
	}
	return f, nil
}

// quoteList writes values as “A”、“B”、“C”.
func quoteList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = "“" + v + "”"
	}
	return strings.Join(q, "、")
}

// load opens the ledger (for writing when write is set, else for
// reading) and reads the items the filter flags select; done closes the
// ledger.
func (lf *ledgerFlags) load(write bool) (*app.Ledger, []ledger.Item, func(), error) {
	d, err := lf.desk()
	if err != nil {
		return nil, nil, nil, err
	}
	f, err := lf.filter(d)
	if err != nil {
		return nil, nil, nil, err
	}
	l, done, err := lf.open(d, write)
	if err != nil {
		return nil, nil, nil, err
	}
	items, err := l.Items(f)
	if err != nil {
		done()
		return nil, nil, nil, err
	}
	return l, items, done, nil
}

// open opens the database (--db, or the default one) over the desk d:
// for writing, or, when write is false, for reading (see
// store.OpenForReading: a database that cannot be written is read).
func (lf *ledgerFlags) open(d *app.Desk, write bool) (*app.Ledger, func(), error) {
	path := lf.db
	if path == "" {
		path = store.DefaultPath()
	}
	open := store.Open
	if !write {
		open = store.OpenForReading
	}
	s, err := open(path)
	if err != nil {
		return nil, nil, err
	}
	setOperator(s, lf.operator)
	return app.NewLedger(d, s), func() { s.Close() }, nil
}

// ledgerCmd runs "replydesk ledger …".
func ledgerCmd(args []string, stdout, stderr io.Writer) (int, error) {
	if len(args) == 0 {
		return 2, &usageError{"缺少台账子命令：import、export、list、set、draft 或 log", ledgerUsage}
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		return 0, &helpRequested{ledgerUsage}
	case "import":
		return ledgerImport(args[1:], stdout)
	case "export":
		return ledgerExport(args[1:], stdout)
	case "list":
		return ledgerList(args[1:], stdout)
	case "set":
		return ledgerSet(args[1:], stdout)
	case "draft":
		return ledgerDraft(args[1:], stdout)
	case "log":
		return ledgerLog(args[1:], stdout)
	}
	if strings.HasPrefix(args[0], "-") {
		return 2, &usageError{fmt.Sprintf("选项“%s”应写在台账子命令（import、export、list、set、draft 或 log）之后", args[0]), ledgerUsage}
	}
	return 2, &usageError{fmt.Sprintf("未知的台账子命令“%s”", args[0]), ledgerUsage}
}

// positional is the usage error of a subcommand given the wrong number
// of arguments: want names the one it takes ("" for none).
func positional(pos []string, want, name string) error {
	switch {
	case want == "":
		return &usageError{fmt.Sprintf("%s 不需要文件参数，多出了“%s”", name, pos[0]), usageOf(name)}
	case len(pos) == 0:
		return &usageError{"缺少" + want, usageOf(name)}
	}
	return &usageError{fmt.Sprintf("只需要一个%s，多出了“%s”", want, pos[1]), usageOf(name)}
}

// mapFlags collects --map 字段=列 options.
type mapFlags sheet.Mapping

// String shows the mapping collected so far.
func (m mapFlags) String() string { return fmt.Sprint(sheet.Mapping(m)) }

// Set reads one --map option: a field (its column header or key) and a
// column letter or number, or 无 to ignore the field.
func (m mapFlags) Set(v string) error {
	name, column, ok := strings.Cut(v, "=")
	if !ok {
		return errors.New("--map 应写成 字段=列，例如 案由=C 或 备注=无")
	}
	key := ledger.FieldKey(strings.TrimSpace(name))
	if _, known := ledger.FieldOf(key); !known {
		key = sheet.MatchHeader(name)
	}
	if _, known := ledger.FieldOf(key); !known {
		return fmt.Errorf("--map：不认识字段“%s”，可用的字段：%s", name, strings.Join(sheet.ExportColumns()[1:], "、"))
	}
	if c := strings.TrimSpace(column); c == "无" || c == "-" || c == "" {
		m[key] = -1
		return nil
	}
	c, err := sheet.ParseColumn(column)
	if err != nil {
		return fmt.Errorf("--map %s：%v", name, err)
	}
	m[key] = c
	return nil
}

func ledgerImport(args []string, stdout io.Writer) (int, error) {
	var lf ledgerFlags
	fs := newLedgerFlags("ledger import", &lf)
	dry := fs.Bool("dry-run", false, "")
	sheetName := fs.String("sheet", "", "")
	meeting := fs.String("meeting", "", "")
	mapping := mapFlags{}
	fs.Var(mapping, "map", "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, err
	}
	if len(pos) != 1 {
		return 2, positional(pos, "交办清单文件（.xlsx）", "ledger import")
	}
	opt := sheet.ImportOptions{Sheet: *sheetName}
	if len(mapping) > 0 {
		opt.Mapping = sheet.Mapping(mapping)
	}
	if opt.Defaults, err = importDefaults(*meeting, lf.kind); err != nil {
		return 2, err
	}
	if err := inputFile(pos[0], "交办清单文件（.xlsx）"); err != nil {
		return 2, err
	}
	d, err := lf.desk()
	if err != nil {
		return 2, err
	}
	l, done, err := lf.open(d, true)
	if err != nil {
		return 2, err
	}
	defer done()
	p, err := l.PreviewImport(pos[0], opt)
	if err != nil {
		return 2, err
	}
	printPreview(stdout, p)
	switch {
	case p.Errors() > 0:
		fmt.Fprintf(stdout, "未导入：还有%d处错误，请改正表格或用 --map 指定各列后重试\n", p.Errors())
		return 1, nil
	case *dry:
		fmt.Fprintln(stdout, "试运行（--dry-run），未写入数据库")
		return 0, nil
	}
	added, updated, err := l.ImportConfirm(p)
	if err != nil {
		return 2, err
	}
	fmt.Fprintf(stdout, "已导入：新增%d件，更新%d件\n", added, updated)
	return 0, nil
}

// importDefaults reads --meeting and --kind for lists that name neither.
func importDefaults(meeting, kind string) (ledger.Item, error) {
	var d ledger.Item
	if meeting != "" {
		a, term, session, ok := ledger.ParseMeeting(meeting)
		if !ok {
			return d, fmt.Errorf("--meeting：“%s”不是届次会议，应写作“市政协十四届二次会议”", meeting)
		}
		d.Assembly, d.Term, d.Session = a, term, session
	}
	k, err := ledger.ParseKind(kind)
	if err != nil {
		return d, fmt.Errorf("--kind：%v", err)
	}
	d.Kind = k
	return d, nil
}

// printPreview prints the summary, the columns, the deadline rule, what
// each update changes and the problems.
func printPreview(w io.Writer, p *app.Preview) {
	fmt.Fprintln(w, p.Summary())
	if p.Title != "" {
		fmt.Fprintf(w, "表格标题：%s\n", p.Title)
	}
	fmt.Fprintln(w, "列对应：")
	for _, c := range p.Columns {
		to := "（不导入）"
		if c.Field != "" {
			to = sheet.FieldLabel(c.Field)
		}
		fmt.Fprintf(w, "  %s列 %s → %s\n", c.Letter, c.Header, to)
	}
	if p.DeadlineRule != "" {
		fmt.Fprintln(w, p.DeadlineRule)
	}
	if p.Updated > 0 {
		fmt.Fprintln(w, "将更新：")
		for i := range p.Plan {
			if d := p.Plan[i].Describe(); d != "" {
				fmt.Fprintf(w, "  第%d行 %s\n", p.Plan[i].Line, d)
			}
		}
	}
	for _, pr := range p.Problems {
		fmt.Fprintln(w, pr)
	}
}

func ledgerExport(args []string, stdout io.Writer) (int, error) {
	var lf ledgerFlags
	fs := newLedgerFlags("ledger export", &lf)
	withLog := fs.Bool("log", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, err
	}
	if len(pos) != 1 {
		return 2, positional(pos, "输出的汇总表文件（.xlsx）", "ledger export")
	}
	if err := safefile.CheckOutput(pos[0], ".xlsx"); err != nil {
		return 2, err
	}
	d, err := lf.desk()
	if err != nil {
		return 2, err
	}
	f, err := lf.filter(d)
	if err != nil {
		return 2, err
	}
	l, done, err := lf.open(d, false)
	if err != nil {
		return 2, err
	}
	defer done()
	export := l.ExportLedger
	if *withLog {
		export = l.ExportLedgerWithLog
	}
	n, err := export(pos[0], f)
	if err != nil {
		return 2, err
	}
	fmt.Fprintf(stdout, "已导出 %s（%d件）\n", pos[0], n)
	return 0, nil
}

func ledgerList(args []string, stdout io.Writer) (int, error) {
	var lf ledgerFlags
	pos, err := parse(newLedgerFlags("ledger list", &lf), args)
	if err != nil {
		return 2, err
	}
	if len(pos) > 0 {
		return 2, positional(pos, "", "ledger list")
	}
	_, items, done, err := lf.load(false)
	if err != nil {
		return 2, err
	}
	defer done()
	today := ledger.Today()
	marks := map[ledger.Urgency]string{ledger.UrgencyOverdue: "超期", ledger.UrgencyDueSoon: "将到期"}
	w := bufio.NewWriterSize(stdout, 64<<10) // a system call per line, not per item
	for _, it := range items {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", it.Label(), it.Status, it.Deadline, marks[it.Urgency(today)], it.Category, it.Title)
	}
	fmt.Fprintf(w, "共%d件\n", len(items))
	if err := w.Flush(); err != nil {
		return 1, fmt.Errorf("输出台账列表失败：%w", err)
	}
	return 0, nil
}

// batchCmd runs "replydesk batch --out DIR [filters]".
func batchCmd(args []string, stdout, stderr io.Writer) (int, error) {
	var lf ledgerFlags
	fs := newLedgerFlags("batch", &lf)
	out := fs.String("out", "", "")
	force := fs.Bool("force", false, "")
	format := fs.String("format", "pdf", "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, err
	}
	if len(pos) > 0 {
		return 2, positional(pos, "", "batch")
	}
	if *out == "" {
		return 2, &usageError{"缺少 --out 文件夹：请指定答复写入的文件夹", usageOf("batch")}
	}
	formats := map[string]app.BatchFormat{"pdf": app.BatchPDF, "docx": app.BatchDOCX, "word": app.BatchDOCX, "both": app.BatchBoth}
	f, ok := formats[strings.ToLower(*format)]
	if !ok {
		return 2, &usageError{fmt.Sprintf("未知的格式“%s”：可用 pdf、docx 或 both（两者都导出）", *format), usageOf("batch")}
	}
	l, items, done, err := lf.load(true)
	if err != nil {
		return 2, err
	}
	defer done()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	results, err := l.Batch(ctx, items, *out, app.BatchOptions{Force: *force, Format: f, Progress: func(done, total int) {
		if done == total || done%10 == 0 {
			fmt.Fprintf(stderr, "已处理 %d/%d\n", done, total)
		}
	}})
	for _, r := range results {
		switch {
		case r.Forced():
			fmt.Fprintf(stdout, "已导出但有错误（未标记为已答复）：%s\n", r.Item.Label())
			for _, p := range r.Problems {
				fmt.Fprintf(stdout, "\t%s\n", p.Message)
			}
		case r.Err != nil && !errors.Is(r.Err, context.Canceled):
			var ce *app.CheckError
			if errors.As(r.Err, &ce) {
				fmt.Fprintf(stdout, "未导出：%s：答复函有%d处错误（可加 --force 仍然导出，但不会标记为已答复）\n", r.Item.Label(), len(ce.Problems))
				for _, p := range ce.Problems {
					fmt.Fprintf(stdout, "\t%s\n", p.Message)
				}
				continue
			}
			fmt.Fprintln(stdout, "未导出：", r.Err)
		}
	}
	fmt.Fprintln(stdout, app.BatchSummary(results))
	if err != nil {
		return 1, fmt.Errorf("已中断：%v", err)
	}
	for _, r := range results {
		if r.Err != nil {
			return 1, nil
		}
	}
	return 0, nil
}
