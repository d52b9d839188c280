package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"replydesk/internal/store"
	"replydesk/internal/store/pgtest"
	"replydesk/internal/tomlfile"

	"github.com/xuri/excelize/v2"
)

// TestLedgerSetDraft: ledger set changes fields and refuses unknown
// values in Chinese; ledger draft writes the item's reply file, then
// shows it. Both stores.
func TestLedgerSetDraft(t *testing.T) { backends(t, testLedgerSetDraft) }

func testLedgerSetDraft(t *testing.T, db string) {
	path := list(t, []string{"编号", "案由", "提案人", "主办单位"},
		[]string{"244", "关于进一步推进职业教育产教融合、校企合作的建议", "董妍", "长春市教育局"},
		[]string{"245", "关于加强校园食品安全的建议", "李明", "长春市教育局"})
	if code, out, err := runCLI(t, "ledger", "import", path, "--db", db); code != 0 || err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	code, out, err := runCLI(t, "ledger", "set", "244", "--db", db, "--status", "已答复", "--satisfaction", "满意",
		"--replied", "2023-06-20", "--备注", "已电话沟通", "--category", "b", "--met", "是")
	if code != 0 || err != nil || !strings.Contains(out, "已修改第244号提案：") || !strings.Contains(out, "办理状态 未办理 → 已答复") ||
		!strings.Contains(out, "满意度 （空） → 满意") || !strings.Contains(out, "答复类别 （空） → B") || !strings.Contains(out, "备注 （空） → 已电话沟通") {
		t.Fatalf("ledger set: %d %v\n%s", code, err, out)
	}
	_, out, _ = runCLI(t, "ledger", "list", "--db", db, "--status", "已答复")
	if !strings.Contains(out, "第244号提案\t已答复") || !strings.Contains(out, "共1件") {
		t.Errorf("list after set:\n%s", out)
	}
	if _, out, _ := runCLI(t, "ledger", "set", "第２４４号", "--db", db, "--status", "已答复"); !strings.Contains(out, "无改动") {
		t.Errorf("set to the same value:\n%s", out)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"244", "--status", "搁置"}, "“搁置”不是有效的办理状态"},
		{[]string{"244", "--satisfaction", "很好"}, "“很好”不是有效的满意度"},
		{[]string{"244", "--category", "Z"}, "“Z”不是提案的样式中的答复类别"},
		{[]string{"244", "--replied", "2023年13月1日"}, "答复日期："},
		{[]string{"999", "--status", "已答复"}, "台账中没有编号为 999 的条目"},
		{[]string{"244"}, "没有要修改的字段"},
		{[]string{"244", "--number", "1"}, "未知的选项“--number”"},
	} {
		code, _, err := runCLI(t, append([]string{"ledger", "set", "--db", db}, c.args...)...)
		if code != 2 || err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ledger set %v = %d, %v; want %q", c.args, code, err, c.want)
		}
	}
	_, out, _ = runCLI(t, "ledger", "list", "--db", db, "--status", "已答复")
	if !strings.Contains(out, "共1件") {
		t.Errorf("a refused set wrote:\n%s", out)
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "244.reply.toml")
	code, out, err = runCLI(t, "ledger", "draft", "245", "--db", db, "-o", file, "--operator", "张三")
	if code != 0 || err != nil || !strings.Contains(out, "已写出第245号提案的答复草稿") {
		t.Fatalf("ledger draft: %d %v\n%s", code, err, out)
	}
	r, err := tomlfile.ReadReplyFile(file)
	if err != nil || r.Number != "245" || r.ItemTitle != "关于加强校园食品安全的建议" || r.Issuer != "长春市教育局" {
		t.Fatalf("draft file = %+v, %v", r, err)
	}
	code, out, err = runCLI(t, "ledger", "draft", "245", "--db", db)
	if code != 0 || err != nil || !strings.Contains(out, file) || !strings.Contains(out, "第1版") {
		t.Errorf("ledger draft again: %d %v\n%s", code, err, out)
	}
	_, out, _ = runCLI(t, "ledger", "list", "--db", db, "--status", "办理中")
	if !strings.Contains(out, "第245号提案\t办理中") {
		t.Errorf("item after ledger draft:\n%s", out)
	}
}

// TestDBInit: db init makes a database, the clerks' role and schema and
// every table; a clerk then works in it; running it again changes nothing.
func TestDBInit(t *testing.T) {
	p := pgtest.Require(t)
	n := fmt.Sprint(os.Getpid())
	dbName, clerk := "bureau"+n, "zhangsan"+n
	admin := p.URL(dbName, "")
	code, out, err := runCLI(t, "db", "init", "--db", admin, "--clerk", clerk, "--role", "clerks"+n)
	if code != 0 || err != nil || !strings.Contains(out, "已新建数据库") || !strings.Contains(out, "已新建（尚无密码）") ||
		!strings.Contains(out, "结构版本") {
		t.Fatalf("db init: %d %v\n%s", code, err, out)
	}
	if err := p.Psql(dbName, "ALTER ROLE "+clerk+" PASSWORD '"+pgtest.Password+"'"); err != nil {
		t.Fatal(err)
	}
	asClerk := p.URLAs(clerk, dbName, "")
	path := list(t, []string{"编号", "案由"}, []string{"12", "关于甲的建议"})
	if code, out, err := runCLI(t, "ledger", "import", path, "--db", asClerk); code != 0 || err != nil {
		t.Fatalf("import as the clerk: %v\n%s", err, out)
	}
	s, err := store.Open(asClerk)
	if err != nil {
		t.Fatal(err)
	}
	have, want, err := s.SchemaVersion()
	s.Close()
	if err != nil || have != want {
		t.Errorf("schema as the clerk: %d/%d %v", have, want, err)
	}
	code, out, err = runCLI(t, "db", "init", "--db", admin, "--clerk", clerk, "--role", "clerks"+n)
	if code != 0 || err != nil || strings.Contains(out, "已新建") {
		t.Errorf("db init again: %d %v\n%s", code, err, out)
	}
	if code, _, err := runCLI(t, "db", "init", "--db", filepath.Join(t.TempDir(), "a.db")); code != 2 || err == nil {
		t.Errorf("db init of a file: %d %v", code, err)
	}
}

// TestLedgerLog: the changes made by the command line are in the item's
// 操作记录, with the operator, and in the 汇总表's 操作记录 sheet when
// asked. Both stores.
func TestLedgerLog(t *testing.T) { backends(t, testLedgerLog) }

func testLedgerLog(t *testing.T, db string) {
	path := list(t, []string{"编号", "案由"}, []string{"244", "关于甲的建议"}, []string{"245", "关于乙的建议"})
	if code, out, err := runCLI(t, "ledger", "import", path, "--db", db, "--operator", "王五"); code != 0 || err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if code, out, err := runCLI(t, "ledger", "set", "244", "--db", db, "--status", "已答复", "--operator", "张三"); code != 0 || err != nil {
		t.Fatalf("set: %v\n%s", err, out)
	}
	t.Setenv("REPLYDESK_OPERATOR", "李四")
	if code, out, err := runCLI(t, "ledger", "draft", "244", "--db", db, "-o", filepath.Join(t.TempDir(), "a.reply.toml")); code != 0 || err != nil {
		t.Fatalf("draft: %v\n%s", err, out)
	}
	code, out, err := runCLI(t, "ledger", "log", "244", "--db", db)
	if code != 0 || err != nil {
		t.Fatalf("log: %d %v\n%s", code, err, out)
	}
	user := ""
	if store.IsServer(db) {
		user = "（" + pgtest.User + "）"
	}
	for _, want := range []string{"王五" + user + " 导入新增", "张三" + user + " 修改 办理状态 未办理 → 已答复", "李四" + user + " 新建草稿",
		"李四" + user + " 关联草稿", "共4条"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	xlsx := filepath.Join(t.TempDir(), "汇总表.xlsx")
	if code, out, err := runCLI(t, "ledger", "export", xlsx, "--db", db, "--log", "--q", "甲"); code != 0 || err != nil {
		t.Fatalf("export --log: %v\n%s", err, out)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("操作记录")
	if err != nil || len(rows) != 5 {
		t.Fatalf("操作记录 sheet: %d rows, %v: %q", len(rows), err, rows)
	}
	if strings.Join(rows[0], "|") != "时间|经办人|条目|操作|内容" || rows[2][1] != "张三"+user || rows[2][2] != "第244号提案" ||
		rows[2][4] != "办理状态 未办理 → 已答复" || !strings.HasPrefix(rows[1][0], "20") {
		t.Errorf("操作记录 rows: %q", rows)
	}
	if code, _, err := runCLI(t, "ledger", "export", xlsx+"2.xlsx", "--db", db); code != 0 || err != nil {
		t.Fatal(err)
	}
	f2, err := excelize.OpenFile(xlsx + "2.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f2.Close()
	if idx, _ := f2.GetSheetIndex("操作记录"); idx >= 0 {
		t.Error("操作记录 sheet without --log")
	}
}
