// Package fonts provides the faces of each typographic role of a reply —
// 小标宋 title, 仿宋 body, 黑体, 楷体, 宋体 page numbers — as fallback chains
// of TrueType faces: the free fonts embedded in the binary (package assets),
// optionally preceded by a font installed on the machine, such as the
// official 仿宋_GB2312. It answers the typesetter's questions (which face
// draws a character, and how wide it is) and gives the renderers the raw
// font data. Faces are parsed lazily with golang.org/x/image/font/sfnt,
// which reads only the tables it needs, so unused faces cost nothing.
package fonts

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"

	"replydesk/assets"
)

// Roles of the faces of a reply, as named by package layout.
const (
	Title = "title" // 小标宋: title, red header
	Body  = "body"  // 仿宋: body text
	Hei   = "hei"   // 黑体: first-level headings, marks
	Kai   = "kai"   // 楷体: second-level headings, signer's name
	Song  = "song"  // 宋体: page numbers
)

// Roles lists every role, in the order settings show them.
var Roles = []string{Title, Body, Hei, Kai, Song}

// RoleLabel names a role in Chinese.
func RoleLabel(role string) string {
	switch role {
	case Title:
		return "标题（小标宋）"
	case Body:
		return "正文（仿宋）"
	case Hei:
		return "一级标题（黑体）"
	case Kai:
		return "二级标题（楷体）"
	case Song:
		return "页码（宋体）"
	}
	return role
}

// The embedded faces.
const (
	fandolFang  = "FandolFang-Regular"
	notoSerif   = "NotoSerifSC-Regular"
	notoSerifB  = "NotoSerifSC-Bold"
	notoSans    = "NotoSansSC-Regular"
	lxgwWenKai  = "LXGWWenKai-Regular"
	UIFace      = notoSans // the face of the window's text
	fontsFolder = "fonts"
)

// defaultChains are the fallback chains of the embedded faces.
var defaultChains = map[string][]string{
	Title: {notoSerifB, notoSerif},
	Body:  {fandolFang, notoSerif},
	Hei:   {notoSans, notoSerif},
	Kai:   {lxgwWenKai, notoSerif},
	Song:  {notoSerif},
}

// Set is the faces of a document by role. It is safe for concurrent use.
type Set struct {
	faces  map[string]*Face // by name
	chains map[string][]*Face
}

var (
	defaultOnce sync.Once
	defaultSet  *Set
	defaultErr  error
)

// Default returns the set of embedded faces, made once per process; faces
// are parsed on first use.
func Default() (*Set, error) {
	defaultOnce.Do(func() { defaultSet, defaultErr = embedded(assets.Fonts) })
	return defaultSet, defaultErr
}

// embedded builds a set from the fonts/*.ttf of fsys.
func embedded(fsys fs.FS) (*Set, error) {
	s := &Set{faces: map[string]*Face{}, chains: map[string][]*Face{}}
	for role, names := range defaultChains {
		for _, name := range names {
			f := s.faces[name]
			if f == nil {
				data, err := fs.ReadFile(fsys, path.Join(fontsFolder, name+".ttf"))
				if err != nil {
					return nil, fmt.Errorf("载入内置字体 %s：%w", name, err)
				}
				f = &Face{Name: name, data: data}
				s.faces[name] = f
			}
			s.chains[role] = append(s.chains[role], f)
		}
	}
	return s, nil
}

// Chain lists the face names of role's fallback chain, first choice first.
func (s *Set) Chain(role string) []string {
	var out []string
	for _, f := range s.chains[role] {
		out = append(out, f.Name)
	}
	return out
}

// Glyph reports which face of role's chain draws r, and r's advance in
// font units of an em of unitsPerEm units. ok is false when no face has r;
// face and advance are then those of the chain's first face's .notdef.
func (s *Set) Glyph(role string, r rune) (face string, advance, unitsPerEm int, ok bool) {
	chain := s.chains[role]
	if len(chain) == 0 {
		chain = s.chains[Body]
	}
	for _, f := range chain {
		if m, has := f.metrics(r); has {
			return f.Name, m.advance, f.upem, true
		}
	}
	f := chain[0]
	m, _ := f.metrics(r)
	return f.Name, m.advance, f.upem, false
}

// Data returns the TrueType bytes of the named face. The same slice is
// returned on every call.
func (s *Set) Data(face string) ([]byte, error) {
	f := s.faces[face]
	if f == nil {
		return nil, fmt.Errorf("没有名为“%s”的字体", face)
	}
	return f.data, nil
}

// Missing returns the distinct characters of text that no face of role's
// chain has, in order of first appearance; white space is ignored.
func (s *Set) Missing(role, text string) []rune {
	var out []rune
	for _, r := range text {
		if r == '\n' || r == '\r' || r == '\t' || r == ' ' || slices.Contains(out, r) {
			continue
		}
		if _, _, _, ok := s.Glyph(role, r); !ok {
			out = append(out, r)
		}
	}
	return out
}

// clone returns a copy of s whose maps may be changed.
func (s *Set) clone() *Set {
	c := &Set{faces: map[string]*Face{}, chains: map[string][]*Face{}}
	for k, v := range s.faces {
		c.faces[k] = v
	}
	for k, v := range s.chains {
		c.chains[k] = slices.Clone(v)
	}
	return c
}

// WithFile returns a copy of s whose role chain starts with the TrueType
// font at path, then the default chain. Font collections (.ttc) and fonts
// with CFF outlines are refused: they cannot be embedded in the PDF.
func (s *Set) WithFile(role, path string) (*Set, error) {
	if _, ok := defaultChains[role]; !ok {
		return nil, fmt.Errorf("未知的字体角色“%s”：应为 %s 之一", role, strings.Join(Roles, "、"))
	}
	f, err := LoadFile(path)
	if err != nil {
		return nil, err
	}
	c := s.clone()
	name := f.Name
	for i := 2; c.faces[name] != nil && !sameData(c.faces[name].data, f.data); i++ {
		name = fmt.Sprintf("%s-%d", f.Name, i)
	}
	if old := c.faces[name]; old != nil {
		f = old
	} else {
		f.Name = name
		c.faces[name] = f
	}
	chain := []*Face{f}
	for _, g := range c.chains[role] {
		if g != f {
			chain = append(chain, g)
		}
	}
	c.chains[role] = chain
	return c, nil
}

func sameData(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0] || string(a) == string(b))
}

// buffers are sfnt scratch buffers, one per concurrent lookup.
var buffers = sync.Pool{New: func() any { return new(sfnt.Buffer) }}
