package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/store"
)

// "replydesk ledger set" and "ledger draft": the ledger made scriptable,
// one item at a time, named by its number.

func init() {
	usages["ledger set"] = `用法：replydesk ledger set 编号 --字段 值 … [--meeting 届次会议] [--kind 类型] [--db 数据库]
修改一个台账条目的字段，例如：
  replydesk ledger set 244 --status 已答复 --satisfaction 满意 --replied 2023-06-20
每个字段可用英文选项或其中文名（如 --办理状态 已答复）；值为空（""）则清空该字段。
不认识的值（状态、满意度、样式中没有的答复类别等）不写入，并说明可用的值。
保存时核对版本：若同事在此期间改过该条目，本次修改不写入。

可修改的字段：
` + setFieldsUsage() + `
选择条目：
  --meeting 会议         多个届次会议有同一编号时指明，如 市政协十四届二次会议
  --kind 类型            提案 或 建议（同一编号两类都有时指明）
  --db 数据库            数据库文件或 postgres://…；默认为用户数据文件夹中的 replydesk.db
  --operator 姓名        记入操作记录的经办人（默认取设置中的联系人或本机用户名）

` + commonUsage
	usages["ledger log"] = `用法：replydesk ledger log 编号 [--meeting 届次会议] [--kind 类型] [--db 数据库]
列出一个台账条目的操作记录：何时、由谁（经办人姓名，共享台账另有登录账号）做了什么修改，
含其答复草稿的新建、保存和版本。汇总表中的操作记录：replydesk ledger export 汇总表.xlsx --log

` + commonUsage
	usages["ledger draft"] = `用法：replydesk ledger draft 编号 [-o 文件.reply.toml] [--meeting 届次会议] [--kind 类型] [--db 数据库]
建立或显示该条目的答复草稿文件：条目尚无答复草稿时按样式和设置（发文机关、联系人、抄送）
新建一份并关联到条目（条目变为办理中），写成答复函文件；已有文件的，显示其位置。
可用 replydesk render、check 处理该文件，在窗口中打开它继续编辑。

选项：
  -o 文件.reply.toml     写入的文件；默认在当前文件夹，以编号和案由命名
  --meeting、--kind、--db、--operator  同 ledger set

` + commonUsage
}

func ledgerLog(args []string, stdout io.Writer) (int, error) {
	var f itemFlags
	fs := newItemFlags("ledger log", &f)
	pos, err := parse(fs, args)
	if err != nil {
		return 2, err
	}
	if len(pos) != 1 {
		return 2, positional(pos, "台账条目的编号", "ledger log")
	}
	l, s, it, err := f.item(pos[0])
	if err != nil {
		return 2, err
	}
	defer s.Close()
	h, err := l.ItemHistory(it.ID)
	if err != nil {
		return 2, err
	}
	fmt.Fprintf(stdout, "%s的操作记录（%s）：\n", it.Label(), it.Title)
	for i := range h {
		fmt.Fprintln(stdout, h[i].String())
	}
	fmt.Fprintf(stdout, "共%d条\n", len(h))
	return 0, nil
}

// setFieldsUsage lists the fields ledger set takes.
func setFieldsUsage() string {
	var b strings.Builder
	for _, f := range ledger.Fields {
		if !app.Editable(f.Key) {
			continue
		}
		line := fmt.Sprintf("  --%-14s --%s", flagName(f.Key), f.Label)
		if len(f.Choices) > 0 {
			line += "（" + strings.Join(f.Choices, "、") + "）"
		}
		if f.Type == ledger.Date {
			line += "（日期，如 2023-06-20）"
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// flagName is the English option of a field: its key with hyphens.
func flagName(k ledger.FieldKey) string { return strings.ReplaceAll(string(k), "_", "-") }

// edits collects field options in the order given.
type edits struct {
	key  ledger.FieldKey
	list *[]app.FieldEdit
}

func (e edits) String() string { return "" }

func (e edits) Set(v string) error {
	*e.list = append(*e.list, app.FieldEdit{Field: e.key, Value: v})
	return nil
}

// itemFlags are the options that choose one item and open its ledger.
type itemFlags struct {
	common
	db, meeting, kind, operator string
}

func newItemFlags(name string, f *itemFlags) *flag.FlagSet {
	fs := newFlags(name, &f.common)
	fs.StringVar(&f.db, "db", "", "")
	fs.StringVar(&f.meeting, "meeting", "", "")
	fs.StringVar(&f.kind, "kind", "", "")
	fs.StringVar(&f.operator, "operator", "", "")
	return fs
}

// item opens the ledger for writing and finds the item numbered number.
func (f *itemFlags) item(number string) (*app.Ledger, *store.Store, *ledger.Item, error) {
	k, err := ledger.ParseKind(f.kind)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("--kind：%v", err)
	}
	d, err := f.desk()
	if err != nil {
		return nil, nil, nil, err
	}
	path := f.db
	if path == "" {
		path = store.DefaultPath()
	}
	s, err := store.Open(path)
	if err != nil {
		return nil, nil, nil, err
	}
	setOperator(s, f.operator)
	l := app.NewLedger(d, s)
	it, err := l.FindItem(number, f.meeting, k)
	if err != nil {
		s.Close()
		return nil, nil, nil, err
	}
	return l, s, it, nil
}

func ledgerSet(args []string, stdout io.Writer) (int, error) {
	var f itemFlags
	fs := newItemFlags("ledger set", &f)
	var list []app.FieldEdit
	for _, fd := range ledger.Fields {
		if !app.Editable(fd.Key) {
			continue
		}
		fs.Var(edits{fd.Key, &list}, flagName(fd.Key), "")
		fs.Var(edits{fd.Key, &list}, fd.Label, "")
	}
	pos, err := parse(fs, args)
	if err != nil {
		return 2, err
	}
	if len(pos) != 1 {
		return 2, positional(pos, "台账条目的编号", "ledger set")
	}
	if len(list) == 0 {
		return 2, &usageError{"没有要修改的字段：例如 --status 已答复", usageOf("ledger set")}
	}
	l, s, it, err := f.item(pos[0])
	if err != nil {
		return 2, err
	}
	defer s.Close()
	changes, err := l.SetFields(it, list)
	if err != nil {
		return 2, fmt.Errorf("%s未修改：%w", it.Label(), err)
	}
	if len(changes) == 0 {
		fmt.Fprintf(stdout, "%s无改动\n", it.Label())
		return 0, nil
	}
	if err := l.SaveItem(it); err != nil {
		return 2, err
	}
	fmt.Fprintf(stdout, "已修改%s：%s\n", it.Label(), ledger.Changes(changes))
	return 0, nil
}

func ledgerDraft(args []string, stdout io.Writer) (int, error) {
	var f itemFlags
	fs := newItemFlags("ledger draft", &f)
	out := fs.String("o", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, err
	}
	if len(pos) != 1 {
		return 2, positional(pos, "台账条目的编号", "ledger draft")
	}
	l, s, it, err := f.item(pos[0])
	if err != nil {
		return 2, err
	}
	defer s.Close()
	id, r, err := l.DraftFromItem(it.ID)
	if err != nil {
		return 2, err
	}
	d, err := s.Draft(id)
	if err != nil {
		return 2, err
	}
	if *out == "" && d.File != "" {
		if _, err := os.Stat(d.File); err == nil {
			fmt.Fprintf(stdout, "%s的答复草稿（第%d号草稿，第%d版）：%s\n", it.Label(), id, d.Version, d.File)
			return 0, nil
		}
	}
	path := *out
	if path == "" {
		path = app.BatchFileName(it) + ".reply.toml"
	}
	if !strings.HasSuffix(path, ".toml") {
		return 2, &usageError{fmt.Sprintf("答复函文件“%s”应以 .reply.toml 结尾", path), usageOf("ledger draft")}
	}
	if _, err := os.Stat(path); err == nil && app.FileKey(path) != d.File {
		return 2, fmt.Errorf("文件“%s”已存在，未覆盖：请用 -o 指定另一个文件名", path)
	}
	key, err := app.SaveReplyFile(s, id, path, r)
	if err != nil {
		return 2, err
	}
	rel := key
	if wd, err := os.Getwd(); err == nil {
		if r, err := filepath.Rel(wd, key); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	fmt.Fprintf(stdout, "已写出%s的答复草稿（第%d号草稿）：%s\n", it.Label(), id, rel)
	return 0, nil
}

// setOperator names who makes the changes of this command in the
// ledger's 操作记录: --operator, else the settings' contact, else the
// system's user name.
func setOperator(s *store.Store, name string) {
	s.Operator = app.OperatorName(s, name)
}
