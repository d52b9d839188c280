package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"replydesk/internal/reply"
	"replydesk/internal/tomlfile"
)

// TestBrokenStyleSpeaks checks that a style file that fails to load is
// reported with its file and line, and that a reply naming it gets that
// error rather than "找不到样式".
func TestBrokenStyleSpeaks(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("自制答复.toml", "description = \"本局\"\nkind = \"提案\"\n[text]\ntitle = \"关于\n")
	write("提案答复.toml", "kind = \"提案\"\n\n[page]\nformat = 3\n")
	good, err := os.ReadFile("../../templates/建议答复.toml")
	if err != nil {
		t.Fatal(err)
	}
	write("好的.toml", string(good))
	d, err := Open(Options{StyleDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Broken) != 2 || d.Warning == nil {
		t.Fatalf("Broken = %v, Warning = %v; want the two broken files", d.Broken, d.Warning)
	}
	for _, c := range []struct {
		name string
		line int
		msg  string
	}{{"自制答复", 4, "TOML 格式错误"}, {"提案答复", 4, "format 应为文字"}} {
		b := d.BrokenNamed(c.name)
		if b == nil || b.File != filepath.Join(dir, c.name+".toml") || b.Line != c.line || !strings.HasPrefix(b.Msg, c.msg) {
			t.Errorf("broken %s = %+v, want line %d and %q", c.name, b, c.line, c.msg)
			continue
		}
		if !strings.Contains(d.Warning.Error(), c.name+".toml 第") {
			t.Errorf("Warning does not name %s: %v", c.name, d.Warning)
		}
		r := &reply.Reply{Style: c.name, Kind: reply.Proposal}
		_, err := d.StyleOf(r)
		var se *StyleError
		if !errors.As(err, &se) || strings.Contains(err.Error(), "找不到样式") ||
			!strings.Contains(err.Error(), c.name+".toml 第"+string(rune('0'+c.line))+"行") {
			t.Errorf("StyleOf(%s) = %v, want the style's load error with file and line", c.name, err)
		}
		ps := d.Check(r)
		if len(ps) != 1 || ps[0].Field != "style" || !strings.Contains(ps[0].Message, c.name+".toml 第") {
			t.Errorf("Check(%s) = %v, want the style's load error", c.name, ps)
		}
	}
	if d.StyleNamed("提案答复") != nil {
		t.Error("a broken 提案答复 of the bureau left the built-in one in use")
	}
	if d.StyleNamed("好的") == nil {
		t.Error("the good style of the folder was not loaded")
	}
	var te *tomlfile.Error
	if !errors.As(d.Broken[0], &te) || te.Line == 0 {
		t.Errorf("Broken[0] does not unwrap to a *tomlfile.Error with a line: %v", d.Broken[0])
	}
}
