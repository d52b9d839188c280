package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// subcommands are the command lines of every subcommand, without options.
var subcommands = [][]string{
	{}, {"render"}, {"check"}, {"new"}, {"styles"}, {"fonts"},
	{"ledger"}, {"ledger", "import"}, {"ledger", "export"}, {"ledger", "list"}, {"ledger", "set"}, {"ledger", "draft"}, {"ledger", "log"}, {"batch"}, {"publish"},
	{"db"},
}

// allowedASCII are the words a Chinese message may hold in Latin letters.
var allowedASCII = regexp.MustCompile(`replydesk_clerk|replydesk|ReplyDesk|PDF|Excel|Word|docx|both|txt|html|WPS|TrueType|xlsx|pdf|toml|reply|db|title|body|hei|kai|song|simfang|simsun|SimSun|ttf|ttc|otf|Windows|Fonts|PostgreSQL|postgresql|postgres|PGPASSWORD|pgpass|conf|sslmode|verify-full|APPDATA|REPLYDESK_DB|--?[a-z][a-z-]*|` +
	`\b(render|check|new|styles|fonts|ledger|import|export|list|batch|publish|help|migrate|copy|init|set|draft|log|clerk)\b`)

// englishIn returns the Latin words left in msg once the paths, the
// user's values in “…”, the system's words in parentheses （…） and the
// allowed words are taken out.
func englishIn(msg string, paths ...string) []string {
	for _, p := range paths {
		msg = strings.ReplaceAll(msg, p, "")
	}
	msg = regexp.MustCompile(`（[^（）]*）|“[^“”]*”`).ReplaceAllString(msg, "")
	msg = allowedASCII.ReplaceAllString(msg, "")
	return regexp.MustCompile(`[A-Za-z]{2,}`).FindAllString(msg, -1)
}

func TestHelpEverySubcommand(t *testing.T) {
	for _, sub := range subcommands {
		for _, h := range []string{"-h", "--help"} {
			args := append(append([]string{}, sub...), h)
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				code, out, err := runCLI(t, args...)
				if code != 0 || err != nil {
					t.Fatalf("exit %d, %v", code, err)
				}
				if !strings.HasPrefix(out, "用法：") {
					t.Errorf("output does not begin with 用法：\n%s", out)
				}
				if len(sub) > 0 && !strings.Contains(out, "replydesk "+strings.Join(sub, " ")) {
					t.Errorf("usage does not name %q:\n%s", strings.Join(sub, " "), out)
				}
				if w := englishIn(out); len(w) > 0 {
					t.Errorf("English in the usage: %q\n%s", w, out)
				}
			})
		}
	}
	if code, out, err := runCLI(t, "help", "render"); code != 0 || err != nil || !strings.Contains(out, "-o 文件.pdf") {
		t.Errorf("help render: %d %v\n%s", code, err, out)
	}
}

func TestUnknownOption(t *testing.T) {
	for _, sub := range subcommands[1:] {
		args := append(append([]string{}, sub...), "--foo")
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, out, err := runCLI(t, args...)
			if code != 2 || err == nil {
				t.Fatalf("exit %d, %v", code, err)
			}
			msg := out + err.Error()
			want := "未知的选项“--foo”"
			if sub[0] == "ledger" && len(sub) == 1 {
				want = "选项“--foo”应写在台账子命令"
			}
			if !strings.Contains(msg, want) || !strings.Contains(msg, "用法：") {
				t.Errorf("message lacks %q and the usage:\n%s", want, msg)
			}
			if w := englishIn(msg); len(w) > 0 || strings.Contains(msg, "flag") {
				t.Errorf("English in the message: %q\n%s", w, msg)
			}
		})
	}
	if code, _, err := runCLI(t, "--foo"); code != 2 || err == nil || !strings.Contains(err.Error(), "未知的选项“--foo”") {
		t.Errorf("replydesk --foo: %d %v", code, err)
	}
}

func TestFlagMessages(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"flag provided but not defined: -foo", "未知的选项“--foo”"},
		{"flag provided but not defined: -x", "未知的选项“-x”"},
		{"flag needs an argument: -o", "选项“-o”后面缺少取值"},
		{"bad flag syntax: ---x", "选项“---x”的写法有误"},
		{`invalid boolean value "maybe" for -fix: parse error`, "选项“--fix”不需要取值，“maybe”无效"},
		{`invalid value "x" for flag -font: --font 应写成 角色=字体文件`, "选项“--font”的取值“x”无效：--font 应写成 角色=字体文件"},
		{"invalid boolean flag fix: parse error", "选项“--fix”不需要取值"},
	} {
		got := flagMessage(c.in)
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("flagMessage(%q) = %q, want %q…", c.in, got, c.want)
		}
		if w := englishIn(got); len(w) > 0 {
			t.Errorf("flagMessage(%q) = %q keeps English %q", c.in, got, w)
		}
	}
}

func TestFilterValues(t *testing.T) {
	db := filepath.Join(t.TempDir(), "test.db")
	for _, c := range []struct {
		args []string
		want string // in the error; "" = accepted
	}{
		{[]string{"--category", "Z"}, "--category：“Z”不是有效的答复类别，应为“A”、“B”"},
		{[]string{"--kind", "提案", "--category", "甲"}, "--category：“甲”不是有效的答复类别"},
		{[]string{"--kind", "其他"}, "--kind：“其他”不是有效的类型"},
		{[]string{"--status", "搁置"}, "--status：“搁置”不是有效的办理状态"},
		{[]string{"--category", "b"}, ""},
		{[]string{"--category", "A,无", "--kind", "建议"}, ""},
	} {
		for _, cmd := range [][]string{{"ledger", "list"}, {"ledger", "export", filepath.Join(t.TempDir(), "a.xlsx")}, {"batch", "--out", t.TempDir()}} {
			args := append(append(append([]string{}, cmd...), "--db", db), c.args...)
			code, out, err := runCLI(t, args...)
			switch {
			case c.want == "" && (err != nil || code != 0):
				t.Errorf("%v: exit %d, %v\n%s", args, code, err, out)
			case c.want != "" && (code != 2 || err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("%v: exit %d, %v; want %q", args, code, err, c.want)
			}
		}
	}
}

// TestReadOnlyDatabase lists and exports a ledger whose folder and file
// cannot be written. (Run as root the permissions do not bite; the store's
// tests inject the failure.)
func TestReadOnlyDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	os.Mkdir(dir, 0o755)
	db := filepath.Join(dir, "replydesk.db")
	path := list(t, []string{"编号", "案由", "提案人"}, []string{"244", "关于甲的建议", "董妍"})
	if code, out, err := runCLI(t, "ledger", "import", path, "--db", db); code != 0 || err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	os.Chmod(db, 0o444)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	if code, out, err := runCLI(t, "ledger", "list", "--db", db); code != 0 || err != nil || !strings.Contains(out, "共1件") {
		t.Errorf("list: %d %v\n%s", code, err, out)
	}
	xlsx := filepath.Join(t.TempDir(), "汇总表.xlsx")
	if code, out, err := runCLI(t, "ledger", "export", xlsx, "--db", db); code != 0 || err != nil || !strings.Contains(out, "（1件）") {
		t.Errorf("export: %d %v\n%s", code, err, out)
	}
}
