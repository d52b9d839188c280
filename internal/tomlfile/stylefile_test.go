package tomlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"replydesk/internal/reply"
	"replydesk/internal/style"
)

const goodStyle = `description = "测试"
kind = "建议"
cc = ["市政府督查室"]

[page]
format = "letterhead"
header_space = 80
signer_line = true

[category]
format = "类别：{category}类"
place = "top-left"
choices = ["A", { code = "B", label = "正在解决" }]

[disclosure]
choices = [{ code = "主动公开" }, { code = "不予公开" }]

[disclosure.notes]
"主动公开" = "此件公开发布"

[text]
title = "关于第{number}号建议的答复"
salutation = "{proposers}{address}："

[contact]
format = "联系人：{contact_name}，联系电话：{contact_phone}"
place = "note"
area_code = "0431"
`

func TestLoadStyle(t *testing.T) {
	fsys := fstest.MapFS{"测试.toml": {Data: []byte(goodStyle)}}
	s, err := LoadStyle(fsys, "测试")
	if err != nil {
		t.Fatal(err)
	}
	want := &style.Style{
		Name: "测试", Description: "测试", Kind: reply.Suggestion, Format: style.Letterhead, HeaderSpace: 80,
		SignerLine: true, DefaultCC: []string{"市政府督查室"},
		Categories:      []style.Choice{{Code: "A"}, {Code: "B", Label: "正在解决"}},
		Disclosures:     []style.Choice{{Code: "主动公开"}, {Code: "不予公开"}},
		CategoryMark:    style.Mark{Format: "类别：{category}类", Place: style.TopLeft},
		DisclosureNotes: map[string]string{"主动公开": "此件公开发布"},
		TitleFormula:    "关于第{number}号建议的答复", SalutationFormula: "{proposers}{address}：",
		ContactFormat: "联系人：{contact_name}，联系电话：{contact_phone}", ContactPlace: style.Note,
		AreaCode: "0431", ResponsibleFormat: style.DefaultResponsibleFormat,
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("LoadStyle = %+v\nwant %+v", s, want)
	}
	if s2, err := LoadStyle(fsys, "测试.toml"); err != nil || !reflect.DeepEqual(s2, want) {
		t.Errorf("LoadStyle with extension = %v, %v", s2, err)
	}
}

func TestLoadStyleErrors(t *testing.T) {
	for _, c := range []struct{ name, old, new, want string }{
		{"placeholder", "第{number}号", "第{numbr}号", "x.toml 第22行：title 未知的占位符{numbr}"},
		{"format", `format = "letterhead"`, `format = "a4"`, "x.toml 第6行：format 应为 plain（普通）、letter（信函格式）或 letterhead（套红信纸），不是“a4”"},
		{"place", `place = "top-left"`, `place = "left"`, "x.toml 第12行：place 应为 top-left、top-right、after-number 或 end，不是“left”"},
		{"unknown key", "signer_line = true", "signer = true", "x.toml 第8行：signer 是未知的键（拼写错误或放错了小节？）；[page] 中可用的键：format、header、header_space、signer_line"},
		{"note key", `"主动公开" = "此件公开发布"`, `"公开" = "此件公开发布"`, "x.toml 第19行：公开 不在 disclosure.choices 中"},
		{"choice", `choices = ["A", {`, `choices = [1, {`, "x.toml 第13行：choices 第1项应为"},
		{"empty vocab", `choices = [{ code = "主动公开" }, { code = "不予公开" }]`, "", "x.toml 第15行：choices 选项为空"},
		{"kind", `kind = "建议"`, `kind = "议案"`, "x.toml 第2行：kind 应为提案、建议或协办意见，不是“议案”"},
		{"syntax", `description = "测试"`, `description = "测试`, "x.toml 第1行：TOML 格式错误"},
		{"header space type", "header_space = 80", `header_space = "80mm"`, "x.toml 第7行：header_space 应为不超过297的非负整数"},
		{"note order", `area_code = "0431"`, "area_code = \"0431\"\n[notes]\norder = [\"contact\", \"注\"]", "x.toml 第30行：order 第2项应为 disclosure、notes、responsible、contact 之一，不是“注”"},
		{"responsible", `area_code = "0431"`, "area_code = \"0431\"\n[notes]\nresponsible = \"承办负责人\"", "x.toml 第30行：responsible 应含占位符{responsible}"},
		{"required type", `[disclosure.notes]`, "required = \"否\"\n[disclosure.notes]", "应为 true（是）或 false（否）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(goodStyle, c.old, c.new, 1)
			if src == goodStyle {
				t.Fatalf("test edit %q not applied", c.old)
			}
			_, err := LoadStyle(fstest.MapFS{"x.toml": {Data: []byte(src)}}, "x")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("LoadStyle error = %v\nwant it to contain %q", err, c.want)
			}
		})
	}
}

// TestLoadStyleShapes reads the keys of the shapes of real replies: a
// contact block of several lines, the order of the notes, the wording of
// the 承办负责人, a disclosure the style does not ask for.
func TestLoadStyleShapes(t *testing.T) {
	src := strings.Replace(goodStyle, "[disclosure.notes]", "required = false\n[disclosure.notes]", 1)
	src = strings.Replace(src, `format = "联系人：{contact_name}，联系电话：{contact_phone}"`,
		`format = "联系单位：{contact_unit}\n联系人：{contact_name}\n联系电话：{contact_phone}"`, 1)
	src += "\n[notes]\norder = [\"responsible\", \"contact\"]\nresponsible = \"承办处室负责人：{responsible}\"\n"
	s, err := LoadStyle(fstest.MapFS{"x.toml": {Data: []byte(src)}}, "x")
	if err != nil {
		t.Fatal(err)
	}
	if !s.DisclosureOptional || s.ContactFormat != "联系单位：{contact_unit}\n联系人：{contact_name}\n联系电话：{contact_phone}" ||
		!reflect.DeepEqual(s.NoteOrder, []string{"responsible", "contact"}) || s.ResponsibleFormat != "承办处室负责人：{responsible}" {
		t.Errorf("LoadStyle = %+v", s)
	}
	if got := s.Notes(); !reflect.DeepEqual(got, []string{"responsible", "contact", "disclosure", "notes"}) {
		t.Errorf("Notes() = %v", got)
	}
	// A style of replies that states no disclosure: no choices needed.
	src = strings.Replace(goodStyle, "[disclosure.notes]\n\"主动公开\" = \"此件公开发布\"\n", "", 1)
	src = strings.Replace(src, `choices = [{ code = "主动公开" }, { code = "不予公开" }]`, "required = false", 1)
	if s, err = LoadStyle(fstest.MapFS{"x.toml": {Data: []byte(src)}}, "x"); err != nil || len(s.Disclosures) != 0 || s.Vocab().DisclosureRequired {
		t.Errorf("style without disclosure: %+v, %v\n%s", s, err, src)
	}
	if _, err = LoadStyle(fstest.MapFS{"x.toml": {Data: []byte(strings.Replace(src, "required = false", "", 1))}}, "x"); err == nil {
		t.Errorf("a reply style without disclosure choices and without required = false loads")
	}
}

func TestLoadStylesKeepsGoodOnes(t *testing.T) {
	fsys := fstest.MapFS{
		"甲.toml":                {Data: []byte(goodStyle)},
		"乙.toml":                {Data: []byte(strings.Replace(goodStyle, "{number}", "{numbr}", 1))},
		"丙.toml":                {Data: []byte("kind = ")},
		"丁.toml":                {Data: []byte(goodStyle)},
		"x.reply.toml":          {Data: []byte(minimal)},
		"README.md":             {Data: []byte("#")},
		"examples/e.toml":       {Data: []byte("kind = ")},
		"examples/e.reply.toml": {Data: []byte(minimal)},
	}
	styles, err := LoadStyles(fsys)
	if len(styles) != 2 || styles[0].Name != "丁" || styles[1].Name != "甲" {
		t.Errorf("LoadStyles kept %v, want 丁 and 甲", styles)
	}
	if err == nil || !strings.Contains(err.Error(), "乙.toml 第22行") || !strings.Contains(err.Error(), "丙.toml 第1行") {
		t.Errorf("LoadStyles error = %v, want errors of 乙 and 丙", err)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("LoadStyles error holds no *Error: %v", err)
	}
}

func TestKeyLines(t *testing.T) {
	src := `a = 1 # c
"b.c" = 'x'
[t]
d.e = """
one
two"""
arr = [
  { code = "A", label = "x" },
  "s",
]
[[aot]]
x = 1
[aot.sub]
y = 2
[[aot]]
x = '''
z'''
`
	want := map[string]int{"a": 1, "b.c": 2, "t": 3, "t.d.e": 4, "t.d.e#text": 5, "t.arr": 7,
		"t.arr[0]": 8, "t.arr[0].code": 8, "t.arr[0].label": 8, "t.arr[1]": 9,
		"aot[0]": 11, "aot[0].x": 12, "aot[0].sub": 13, "aot[0].sub.y": 14, "aot[1]": 15, "aot[1].x": 16, "aot[1].x#text": 17}
	got := keyLines(src)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("keyLines =\n%v\nwant\n%v", got, want)
	}
}

func BenchmarkLoadStyles(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadStyles(templatesDir); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLoadFolderBounds(t *testing.T) {
	fsys := fstest.MapFS{
		"0深.toml":      {Data: []byte("description = \"x\"\n\nkind = " + strings.Repeat("[", 100000))},
		"0大.toml":      {Data: bytes.Repeat([]byte("# 注释\n"), 100000)},
		"0管道.toml":     {Mode: fs.ModeNamedPipe},
		"文件夹.toml":     {Mode: fs.ModeDir},
		"x.reply.toml": {Data: []byte("kind = 1")},
		"说明.txt":       {Data: []byte("不是样式")},
	}
	for i := range 150 {
		fsys[fmt.Sprintf("样式%03d.toml", i)] = &fstest.MapFile{Data: []byte(goodStyle)}
	}
	var styles []*style.Style
	var broken []*BrokenStyle
	took, alloc := cost(func() { styles, broken = LoadFolder(fsys, "my") })
	t.Logf("LoadFolder: %v, %.1f MB", took, float64(alloc)/(1<<20))
	if len(styles) != maxStyleFiles-3 {
		t.Errorf("loaded %d styles, want %d", len(styles), maxStyleFiles-3)
	}
	want := map[string]string{
		"0大": filepath.Join("my", "0大.toml") + "：文件太大",
		"0深": filepath.Join("my", "0深.toml") + " 第3行：嵌套层数过多",
		"":   filepath.Join("my", ".") + "：文件夹中的文件太多，只读取了前100个样式文件",
	}
	if len(broken) != len(want) {
		t.Errorf("broken = %v, want %d", broken, len(want))
	}
	for _, b := range broken {
		if w, ok := want[b.Name]; !ok || !strings.HasPrefix(b.Err.Error(), w) {
			t.Errorf("broken %q: %v, want %q", b.Name, b.Err, w)
		}
	}
	if line, msg := broken[1].First(); line != 3 || !strings.HasPrefix(msg, "嵌套层数过多") {
		t.Errorf("First() = %d, %q", line, msg)
	}
	if took > time.Second || alloc > 64<<20 {
		t.Errorf("LoadFolder took %v and %d MB", took, alloc>>20)
	}
}
