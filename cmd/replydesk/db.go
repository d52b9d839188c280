package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"replydesk/internal/store"
)

const dbUsage = `用法：
  replydesk db init --db postgres://管理员@服务器:5432/replydesk [--clerk 账号 …] [--schema replydesk] [--role replydesk_clerk]
      信息中心首次设置共享台账时运行一次：数据库不存在时新建，建立经办人角色（--role）、
      归其所有的模式（--schema）和全部台账表，并为每个 --clerk 建立登录账号（加入经办人角色）。
      须以可建立角色的账号（如 postgres）运行；再次运行不会改动已有的内容。
  replydesk db migrate [--db 数据库]
      新建或升级数据库结构（本机数据库文件或 PostgreSQL 共享台账），并报告结构版本。
      信息中心首次设置共享台账时运行一次即可建好全部表。
  replydesk db copy --from 本机数据库文件 --to postgres://用户名@服务器:5432/数据库
      把本机的草稿（含历史版本和回收站）与台账复制到共享台账：在一个事务中完成，
      要么全部写入，要么一条也不写；再次运行不会重复复制；服务器上已有的台账条目保持不变。

数据库可写文件路径，或 postgres://用户名@主机:端口/数据库?sslmode=verify-full 形式的地址；
未给 --db 时使用环境变量 REPLYDESK_DB 或默认位置。密码不写在地址里：
请设置环境变量 PGPASSWORD，或写入 pgpass 文件（Windows 为 %APPDATA%\postgresql\pgpass.conf）。
`

// dbCmd runs "replydesk db …".
func dbCmd(args []string, stdout io.Writer) (int, error) {
	if len(args) == 0 {
		return 2, &usageError{"缺少数据库子命令：init、migrate 或 copy", dbUsage}
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		return 0, &helpRequested{dbUsage}
	case "init":
		return dbInit(args[1:], stdout)
	case "migrate":
		return dbMigrate(args[1:], stdout)
	case "copy":
		return dbCopy(args[1:], stdout)
	}
	if strings.HasPrefix(args[0], "-") {
		return 2, &usageError{fmt.Sprintf("未知的选项“%s”：选项应写在数据库子命令（init、migrate 或 copy）之后", args[0]), dbUsage}
	}
	return 2, &usageError{fmt.Sprintf("未知的数据库子命令“%s”", args[0]), dbUsage}
}

func dbFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func dbMigrate(args []string, stdout io.Writer) (int, error) {
	fs := dbFlags("db migrate")
	target := fs.String("db", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, withUsage(err, dbUsage)
	}
	if len(pos) > 0 {
		return 2, &usageError{fmt.Sprintf("多余的参数“%s”", strings.Join(pos, " ")), dbUsage}
	}
	if *target == "" {
		*target = store.DefaultPath()
	}
	s, err := store.Open(*target)
	if err != nil {
		return 2, err
	}
	defer s.Close()
	have, want, err := s.SchemaVersion()
	if err != nil {
		return 2, err
	}
	fmt.Fprintf(stdout, "数据库“%s”的结构已是最新（结构版本 %d/%d）\n", s.Path(), have, want)
	return 0, nil
}

// clerkFlags collects --clerk options.
type clerkFlags []string

func (c *clerkFlags) String() string { return strings.Join(*c, ",") }

func (c *clerkFlags) Set(v string) error {
	for _, n := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if n = strings.TrimSpace(n); n != "" {
			*c = append(*c, n)
		}
	}
	return nil
}

func dbInit(args []string, stdout io.Writer) (int, error) {
	fs := dbFlags("db init")
	target := fs.String("db", "", "")
	var opt store.InitOptions
	fs.StringVar(&opt.Schema, "schema", "", "")
	fs.StringVar(&opt.Role, "role", "", "")
	fs.Var((*clerkFlags)(&opt.Clerks), "clerk", "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, withUsage(err, dbUsage)
	}
	switch {
	case len(pos) > 0:
		return 2, &usageError{fmt.Sprintf("多余的参数“%s”", strings.Join(pos, " ")), dbUsage}
	case *target == "":
		return 2, &usageError{"缺少 --db：请给出共享台账所在数据库的地址（postgres://管理员@服务器:5432/replydesk）", dbUsage}
	case !store.IsServer(*target):
		return 2, &usageError{"db init 用于 PostgreSQL 共享台账；本机数据库文件在首次使用时自动建立（或运行 replydesk db migrate）", dbUsage}
	}
	rep, err := store.InitServer(*target, opt)
	if err != nil {
		return 2, err
	}
	fmt.Fprintf(stdout, "共享台账“%s”已就绪。\n%s\n", store.Redact(*target), rep)
	return 0, nil
}

func dbCopy(args []string, stdout io.Writer) (int, error) {
	fs := dbFlags("db copy")
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return 2, withUsage(err, dbUsage)
	}
	switch {
	case len(pos) > 0:
		return 2, &usageError{fmt.Sprintf("多余的参数“%s”", strings.Join(pos, " ")), dbUsage}
	case *from == "":
		return 2, &usageError{"缺少 --from：请给出本机数据库文件", dbUsage}
	case *to == "":
		return 2, &usageError{"缺少 --to：请给出共享台账的地址（postgres://…）", dbUsage}
	case *from == *to:
		return 2, &usageError{"--from 与 --to 是同一个数据库", dbUsage}
	}
	src, err := store.OpenForReading(*from)
	if err != nil {
		return 2, err
	}
	defer src.Close()
	dst, err := store.Open(*to)
	if err != nil {
		return 2, err
	}
	defer dst.Close()
	c, err := store.Copy(dst, src)
	if err != nil {
		return 2, err
	}
	fmt.Fprintf(stdout, "已从“%s”复制到“%s”。\n%s\n", src.Path(), dst.Path(), c)
	return 0, nil
}

// withUsage gives a flag error of a db subcommand the db usage.
func withUsage(err error, usage string) error {
	switch e := err.(type) {
	case *usageError:
		e.usage = usage
	case *helpRequested:
		e.usage = usage
	}
	return err
}
