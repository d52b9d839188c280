package tomlfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
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
	styles, broken := LoadFolder(fsys, "")
	errs := make([]error, len(broken))
	for i, b := range broken {
		errs[i] = b.Err
	}
	return styles, errors.Join(errs...)
}

// A style folder is read within bounds, so that a folder of hostile or
// mistaken files cannot slow the start: at most maxStyleEntries names are
// looked at and maxStyleFiles style files read, each of at most
// styleLimits.file bytes, and only regular files (no pipes or devices).
const (
	maxStyleEntries = 10000
	maxStyleFiles   = 100
)

// BrokenStyle is a style file that could not be loaded.
type BrokenStyle struct {
	Name string // the style it would have been: its file name without ".toml"; "" for the folder as a whole
	File string // the file as named in Err, e.g. "提案答复.toml" or "/home/x/templates/自制.toml"
	Err  error  // the problems: an *Error, or several joined, each with file and line
}

// First returns the first problem of b: its line (0 when not known) and
// message.
func (b *BrokenStyle) First() (line int, msg string) {
	err := b.Err
	if j, ok := err.(interface{ Unwrap() []error }); ok && len(j.Unwrap()) > 0 {
		err = j.Unwrap()[0]
	}
	var e *Error
	if errors.As(err, &e) {
		msg = e.Msg
		if k := shortKey(e.Key); k != "" {
			msg = k + " " + msg
		}
		return e.Line, msg
	}
	return 0, err.Error()
}

// LoadFolder reads the style files at the root of fsys as LoadStyles does,
// and returns the good styles sorted by name and the files that failed.
// dir is the folder's path shown in messages ("" names files alone).
func LoadFolder(fsys fs.FS, dir string) ([]*style.Style, []*BrokenStyle) {
	shown := func(name string) string {
		if dir == "" {
			return name
		}
		return filepath.Join(dir, name)
	}
	names, more, err := styleFiles(fsys)
	if err != nil {
		return nil, []*BrokenStyle{{File: shown("."), Err: &Error{File: shown("."), Msg: "无法读取样式文件夹（" + err.Error() + "）"}}}
	}
	var styles []*style.Style
	var broken []*BrokenStyle
	for i, n := range names {
		if i == maxStyleFiles {
			more = true
			break
		}
		s, err := loadStyle(fsys, n, shown(n))
		if err != nil {
			broken = append(broken, &BrokenStyle{Name: strings.TrimSuffix(n, StyleExt), File: shown(n), Err: err})
			continue
		}
		if s != nil {
			styles = append(styles, s)
		}
	}
	if more {
		f := shown(".")
		broken = append(broken, &BrokenStyle{File: f, Err: &Error{File: f,
			Msg: fmt.Sprintf("文件夹中的文件太多，只读取了前%d个样式文件：请把不是样式的文件移出该文件夹", min(len(names), maxStyleFiles))}})
	}
	sort.Slice(styles, func(i, j int) bool { return styles[i].Name < styles[j].Name })
	return styles, broken
}

// styleFiles lists the style files at the root of fsys, sorted, looking
// at no more than maxStyleEntries names; more reports that it stopped.
func styleFiles(fsys fs.FS) (names []string, more bool, err error) {
	dir, err := fsys.Open(".")
	if err != nil {
		return nil, false, err
	}
	defer dir.Close()
	rd, ok := dir.(fs.ReadDirFile)
	if !ok {
		return nil, false, errors.New("not a directory")
	}
	seen := 0
	for {
		batch, err := rd.ReadDir(256)
		for _, e := range batch {
			if seen++; seen > maxStyleEntries {
				more = true
				break
			}
			n := e.Name()
			if strings.HasSuffix(n, StyleExt) && !strings.HasSuffix(n, ".reply.toml") && !e.IsDir() {
				names = append(names, n)
			}
		}
		if more || err == io.EOF || len(batch) == 0 {
			break
		}
		if err != nil {
			return nil, false, err
		}
	}
	sort.Strings(names)
	return names, more, nil
}

// LoadStyle reads and validates one style file of fsys; name is the style's
// name, with or without ".toml" ("提案答复" or "提案答复.toml").
func LoadStyle(fsys fs.FS, name string) (*style.Style, error) {
	file := name
	if !strings.HasSuffix(file, StyleExt) {
		file += StyleExt
	}
	s, err := loadStyle(fsys, file, file)
	if err == nil && s == nil {
		err = &Error{File: file, Msg: "不是普通文件，不能作为样式文件"}
	}
	return s, err
}

// loadStyle reads the style file of fsys, named shown in messages. It
// returns nil and no error for a name that is not a regular file (a
// folder, a pipe, a device), which a folder of styles skips.
func loadStyle(fsys fs.FS, file, shown string) (*style.Style, error) {
	// Stat before opening: opening a named pipe would wait for a writer.
	if info, err := fs.Stat(fsys, file); err == nil && !info.Mode().IsRegular() {
		return nil, nil
	}
	f, err := fsys.Open(file)
	if err != nil {
		return nil, &Error{File: shown, Msg: "无法打开样式文件（" + err.Error() + "）"}
	}
	defer f.Close()
	d, err := decode(f, shown, styleLimits)
	if err != nil {
		return nil, err
	}
	w := &walker{file: shown, lines: d.lines}
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
	if _, ok := dis.get("required"); ok {
		s.DisclosureOptional = !dis.boolean("required")
	}
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
	s.AreaCode = ct.str("area_code")
	ct.end()

	nt := root.sub("notes")
	s.NoteOrder = nt.strs("order")
	s.ResponsibleFormat = style.DefaultResponsibleFormat
	if _, ok := nt.get("responsible"); ok {
		s.ResponsibleFormat = nt.str("responsible")
	}
	nt.end()
	s.Public = decodePublic(root.sub("public"))
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
