package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"replydesk/internal/tomlfile"
)

const seed = "../../templates/examples/reply-244.reply.toml"

// runCLI runs the command line in-process with HOME pointed at a temporary
// folder, so that no user style or setting leaks in.
func runCLI(t *testing.T, args ...string) (int, string, error) {
	t.Helper()
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var out, errb bytes.Buffer
	code, err := run(args, &out, &errb)
	return code, out.String() + errb.String(), err
}

func TestRenderSeed(t *testing.T) {
	pdf := filepath.Join(t.TempDir(), "seed.pdf")
	code, out, err := runCLI(t, "render", seed, "-o", pdf)
	if code != 0 || err != nil || !strings.Contains(out, "已导出") {
		t.Fatalf("render: %d %v\n%s", code, err, out)
	}
	b, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
}

func TestCheckAndFix(t *testing.T) {
	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	if code, out, err := runCLI(t, "check", seed); code != 0 || err != nil || !strings.Contains(out, "未发现问题") {
		t.Fatalf("check of the seed: %d %v\n%s", code, err, out)
	}
	bad := strings.Replace(string(src), "（第244号）收悉", "(第244号)收悉", 1)
	bad = strings.Replace(bad, `phone = "13578951242"`, `phone = "1357895124"`, 1)
	path := filepath.Join(t.TempDir(), "bad.reply.toml")
	os.WriteFile(path, []byte(bad), 0o644)

	code, out, err := runCLI(t, "check", path)
	if code != 1 || err != nil {
		t.Fatalf("check of a bad reply: exit %d, %v, want 1", code, err)
	}
	for _, want := range []string{"联系电话“1357895124”是10位：手机号应为11位", "半角标点", "bad.reply.toml:"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = runCLI(t, "check", "--fix", path)
	if code != 1 || !strings.Contains(out, "已修正") || strings.Contains(out, "半角标点") {
		t.Errorf("check --fix: exit %d, want the punctuation fixed and the phone still wrong:\n%s", code, out)
	}
	r, err := tomlfile.ReadReplyFile(path)
	if err != nil || !strings.Contains(r.Opening, "（第244号）") {
		t.Errorf("fixed file: %v, opening %q", err, r.Opening)
	}
	// --fix changed the one line it fixed; every comment stays.
	fixed, _ := os.ReadFile(path)
	want := strings.Replace(bad, "(第244号)收悉", "（第244号）收悉", 1)
	if string(fixed) != want {
		t.Errorf("check --fix rewrote more than the fixed value:\n%s", fixed)
	}
}

// TestCheckShapes runs check and check --fix on a reply file written the
// way bureaus write: a date in Chinese numerals, a local phone number, a
// 签发人 in a style that prints none, "--" and a single "—" for the
// 破折号, a hand-made indent of full-width spaces.
func TestCheckShapes(t *testing.T) {
	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.NewReplacer(
		"date = 2023-06-20", `date = "二〇二三年六月二十日"`,
		`phone = "13578951242"`, `phone = "66881234"`,
		`# signer = "张三"`, `signer = "张三"`,
		"\n近年来，", "\n　　近年来，",
		"主要内容为：", "主要内容为--",
		"服务经济社会发展", "服务经济—社会发展",
		"开设17大类", "开设17-20大类", // a range: left alone
	).Replace(string(src))
	path := filepath.Join(t.TempDir(), "shapes.reply.toml")
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	line := func(s string) string { // the file line holding s, as check prints it
		for i, l := range strings.Split(edited, "\n") {
			if strings.Contains(l, s) {
				return "shapes.reply.toml:" + strconv.Itoa(i+1)
			}
		}
		t.Fatalf("no line holds %q", s)
		return ""
	}
	code, out, err := runCLI(t, "check", path)
	if code != 0 || err != nil {
		t.Fatalf("check: exit %d, %v, want 0 (warnings only):\n%s", code, err, out)
	}
	for _, want := range []string{
		line(`phone = "66881234"`) + "\t警告\t联系电话\t联系电话“66881234”没有区号",
		line(`signer = "张三"`) + "\t警告\t签发人\t签发人“张三”不会印在答复函上：样式“提案答复”不印签发人",
		line("　　近年来") + "\t提示\t正文第1段\t正文第1段段首有2个全角空格，排版时自动缩进两字",
		line("主要内容为--") + "\t警告\t正文第2段\t正文第2段有“--”，破折号应为“——”",
		line("服务经济—社会") + "\t警告\t正文第3段\t正文第3段有“—”，破折号应为“——”",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "成文日期") || strings.Contains(out, "17-20") {
		t.Errorf("check reports the Chinese date or a dash inside numbers:\n%s", out)
	}

	code, out, err = runCLI(t, "check", "--fix", path)
	if code != 0 || err != nil {
		t.Fatalf("check --fix: exit %d, %v:\n%s", code, err, out)
	}
	for _, want := range []string{"已修正： 正文第1段：“　　近年来，", "已修正： 正文第2段：", "主要内容为——"} {
		if !strings.Contains(out, want) {
			t.Errorf("check --fix output lacks %q:\n%s", want, out)
		}
	}
	r, err := tomlfile.ReadReplyFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Split(r.Body, "\n")
	if !strings.HasPrefix(body[0], "近年来，") || !strings.Contains(body[1], "主要内容为——") ||
		!strings.Contains(body[2], "服务经济——社会发展") || !strings.Contains(r.Body, "开设17-20大类") {
		t.Errorf("fixed body:\n%s", r.Body)
	}
	if r.Date.String() != "2023年6月20日" || r.Contact.Phone != "66881234" || r.Signer != "张三" {
		t.Errorf("fixed file changed date, phone or signer: %v %q %q", r.Date, r.Contact.Phone, r.Signer)
	}
	code, out, _ = runCLI(t, "check", path)
	if code != 0 || strings.Contains(out, "破折号") || strings.Contains(out, "段首") || !strings.Contains(out, "没有区号") {
		t.Errorf("check after --fix: exit %d, want only the phone and signer warnings left:\n%s", code, out)
	}
	fixed, _ := os.ReadFile(path)
	if !strings.Contains(string(fixed), `date = "二〇二三年六月二十日"`) {
		t.Errorf("check --fix rewrote the date the user wrote:\n%s", fixed)
	}
}

func TestNewFromStyle(t *testing.T) {
	code, out, err := runCLI(t, "new", "--style", "建议答复")
	if code != 0 || err != nil {
		t.Fatalf("new: %d %v", code, err)
	}
	r, err := tomlfile.ReadReply(strings.NewReader(out), "new.reply.toml")
	if err != nil || r.Style != "建议答复" || r.Kind != "建议" {
		t.Fatalf("new wrote a reply that reads back as %+v, %v", r, err)
	}
	if code, _, err := runCLI(t, "new", "--style", "没有这个样式"); code != 2 || err == nil || !strings.Contains(err.Error(), "找不到样式") {
		t.Errorf("new with an unknown style: %d %v", code, err)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.reply.toml")
	os.WriteFile(broken, []byte("kind = \"提案\"\n[signature]\ndate = \"明天\"\n"), 0o644)
	for _, args := range [][]string{
		{"render", filepath.Join(dir, "absent.reply.toml"), "-o", filepath.Join(dir, "x.pdf")},
		{"render", broken, "-o", filepath.Join(dir, "x.pdf")},
		{"render", seed},
		{"frobnicate"},
	} {
		code, _, err := runCLI(t, args...)
		if code != 2 || err == nil {
			t.Errorf("%v: exit %d, err %v; want 2 and a message", args, code, err)
		}
		if err != nil && !strings.ContainsFunc(err.Error(), func(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }) {
			t.Errorf("%v: message %q is not in Chinese", args, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a failed render left a PDF behind")
	}
}

// TestBrokenStyleReported checks that a style file that fails to load is
// named with its line by render, check and styles, and that a reply naming
// it gets its error rather than "找不到样式".
func TestBrokenStyleReported(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "自制答复.toml"), []byte("kind = \"提案\"\n[text]\ntitle = \"关于\n"), 0o644)
	src, _ := os.ReadFile(seed)
	named := filepath.Join(t.TempDir(), "named.reply.toml")
	os.WriteFile(named, []byte(strings.Replace(string(src), `style = "提案答复"`, `style = "自制答复"`, 1)), 0o644)
	where := "自制答复.toml 第3行"

	code, out, err := runCLI(t, "styles", "--templates", dir)
	if code != 0 || err != nil || !strings.Contains(out, where) {
		t.Errorf("styles: %d %v, want %q in\n%s", code, err, where, out)
	}
	code, out, _ = runCLI(t, "check", "--templates", dir, named)
	if code != 1 || !strings.Contains(out, where) || strings.Contains(out, "找不到样式") {
		t.Errorf("check of a reply naming the broken style: %d, want 1 and %q in\n%s", code, where, out)
	}
	code, out, _ = runCLI(t, "check", "--templates", dir, seed)
	if code != 0 || !strings.Contains(out, where) {
		t.Errorf("check of another reply: %d, want 0 and a note of %q in\n%s", code, where, out)
	}
	pdf := filepath.Join(t.TempDir(), "x.pdf")
	code, _, err = runCLI(t, "render", "--templates", dir, named, "-o", pdf)
	if code != 2 || err == nil || !strings.Contains(err.Error(), where) || strings.Contains(err.Error(), "找不到样式") {
		t.Errorf("render with the broken style: %d %v, want its error with %q", code, err, where)
	}
	code, out, err = runCLI(t, "render", "--templates", dir, seed, "-o", pdf)
	if code != 0 || err != nil || !strings.Contains(out, where) {
		t.Errorf("render of another reply: %d %v, want a note of %q in\n%s", code, err, where, out)
	}
}

// TestCheckFolder checks that check names a folder given as the reply.
func TestCheckFolder(t *testing.T) {
	dir := t.TempDir()
	code, _, err := runCLI(t, "check", dir)
	if code != 2 || err == nil || !strings.Contains(err.Error(), dir) || strings.Contains(err.Error(), "is a directory") {
		t.Errorf("check of a folder: %d %v", code, err)
	}
}
