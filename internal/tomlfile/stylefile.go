package tomlfile

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// StyleExt is the extension of a style file.
const StyleExt = ".toml"

// LoadStyles reads every style file (*.toml, reply files *.reply.toml
// excepted) at the root of fsys, which is the templates folder (e.g.
// os.DirFS("templates") or templates.FS), and validates each. Styles come
// sorted by name. A bad file does not stop the others: LoadStyles returns
// the good styles and an error joining one *Error per problem, each naming
// its file and line.
func LoadStyles(fsys fs.FS) ([]*style.Style, error) {
	names, err := fs.Glob(fsys, "*"+StyleExt)
	if err != nil {
		return nil, err
	}
	var styles []*style.Style
	var errs []error
	for _, n := range names {
		if strings.HasSuffix(n, ".reply.toml") {
			continue
		}
		s, err := LoadStyle(fsys, n)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		styles = append(styles, s)
	}
	sort.Slice(styles, func(i, j int) bool { return styles[i].Name < styles[j].Name })
	return styles, errors.Join(errs...)
}

// LoadStyle reads and validates one style file of fsys; name is the style's
// name, with or without ".toml" ("提案答复" or "提案答复.toml").
func LoadStyle(fsys fs.FS, name string) (*style.Style, error) {
	file := name
	if !strings.HasSuffix(file, StyleExt) {
		file += StyleExt
	}
	f, err := fsys.Open(file)
	if err != nil {
		return nil, &Error{File: file, Msg: "无法打开样式文件（" + err.Error() + "）"}
	}
	defer f.Close()
	d, err := decode(f, file, styleLimits)
	if err != nil {
		return nil, err
	}
	w := &walker{file: file, lines: d.lines}
	s := decodeStyle(w.root(d.m))
	s.Name = strings.TrimSuffix(path.Base(file), StyleExt)
	if len(w.errs) == 0 {
		for _, is := range s.Issues() {
			w.fail(is.Key, "%s", is.Message)
		}
	}
	if err := joinErrors(w.errs); err != nil {
		return nil, err
	}
	return s, nil
}

// decodeStyle reads a style by the schema of templates/*.toml.
func decodeStyle(root *table) *style.Style {
	s := &style.Style{
		Description:    root.str("description"),
		Kind:           reply.Kind(root.str("kind")),
		DefaultCC:      root.strs("cc"),
		DeadlineMonths: root.integer("deadline_months", 12, "3"),
	}
	pg := root.sub("page")
	s.Format = style.Format(pg.str("format"))
	if s.Format == "" {
		s.Format = style.Plain
	}
	s.Header = pg.str("header")
	s.HeaderSpace = pg.integer("header_space", 297, "80")
	s.SignerLine = pg.boolean("signer_line")
	pg.end()

	cat := root.sub("category")
	s.CategoryMark, s.Categories = decodeMark(cat)
	cat.end()
	dis := root.sub("disclosure")
	s.DisclosureMark, s.Disclosures = decodeMark(dis)
	s.DisclosureNotes = dis.notes("notes")
	dis.end()

	txt := root.sub("text")
	s.TitleFormula = txt.str("title")
	s.SalutationFormula = txt.str("salutation")
	s.OpeningFormula = txt.str("opening")
	s.ClosingDefault = txt.str("closing")
	txt.end()

	ct := root.sub("contact")
	s.ContactFormat = ct.str("format")
	s.ContactPlace = style.Place(ct.str("place"))
	ct.end()
	root.end()
	return s
}

// decodeMark reads format, place, font and choices of [category] or
// [disclosure].
func decodeMark(t *table) (style.Mark, []style.Choice) {
	m := style.Mark{Format: t.str("format"), Place: style.Place(t.str("place")), Font: t.str("font")}
	v, ok := t.get("choices")
	if !ok {
		return m, nil
	}
	arr, ok := v.([]any)
	if !ok {
		t.w.fail(t.key("choices"), "应为选项列表，例如 choices = [{ code = \"A\", label = \"已解决或基本解决\" }]")
		return m, nil
	}
	var cs []style.Choice
	for i, e := range arr {
		p := t.key("choices") + index(i)
		switch c := e.(type) {
		case string:
			cs = append(cs, style.Choice{Code: c})
		case map[string]any:
			ct := &table{w: t.w, path: p, m: c}
			cs = append(cs, style.Choice{Code: ct.str("code"), Label: ct.str("label")})
			ct.end()
		default:
			t.w.fail(p, "第%d项应为 { code = \"…\", label = \"…\" } 或一个文字", i+1)
		}
	}
	return m, cs
}

// notes reads the table of 附注 by disclosure value.
func (t *table) notes(k string) map[string]string {
	v, ok := t.get(k)
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.w.fail(t.key(k), "应为小节，例如 [%s] 下写 \"同意公开\" = \"此件公开发布\"", t.key(k))
		return nil
	}
	out := make(map[string]string, len(m))
	for code, note := range m {
		s, ok := note.(string)
		if !ok {
			t.w.fail(t.key(k)+"."+code, "应为文字，例如 \"%s\" = \"此件公开发布\"", code)
			continue
		}
		out[code] = s
	}
	return out
}
