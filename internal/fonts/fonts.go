// Package fonts provides the typefaces of a reply — 小标宋 title, 仿宋 body,
// 黑体 and 楷体 headings, 宋体 page numbers, as GB/T 9704-2012 asks — as
// fallback chains of faces: the free fonts embedded in the binary (package
// assets), optionally preceded by a font installed on the machine, such as
// the official 仿宋_GB2312, chosen by the user or found by its usual name
// (Official).
//
// It answers the typesetter's questions (which face draws a character, and
// how wide it is), reports the characters no face has (the PDF would show
// them as blanks), and gives the renderers the bytes of a face. Metrics
// and coverage come from the cmap and hmtx tables, read with
// github.com/go-text/typesetting; a face is read on first use, once per
// process, so faces a document does not use cost nothing.
//
// Installed fonts come in every sfnt form: TrueType (.ttf), CFF-outline
// OpenType (.otf), collections of either (.ttc, such as Windows' simsun.ttc
// and Noto Sans CJK) and WOFF. A face of a collection is written out as a
// font of its own.
//
// It is the one package that reads and writes font files: the renderers
// get a Face from the Set and ask it for glyphs, outlines (Outline, for the
// raster preview) and subsets (Subset: a TrueType font of just the glyphs
// a document uses, with their components, for the PDF). A CFF face's
// subset has its cubic outlines converted to quadratic ones, so every
// subset is TrueType. Tables are read with github.com/go-text/typesetting;
// outlines are scaled for the preview with golang.org/x/image/font/sfnt;
// subsets are written by a small sfnt writer of this package.
package fonts

import (
	"fmt"
	"slices"
	"sync"
	"unicode"

	"replydesk/internal/fontrole"
)

// Roles of the faces of a reply (package fontrole's).
const (
	Title = fontrole.Title // 小标宋: title, red header
	Body  = fontrole.Body  // 仿宋: body text
	Hei   = fontrole.Hei   // 黑体: first-level headings, marks, attachment labels
	Kai   = fontrole.Kai   // 楷体: second-level headings, 签发人 name
	Song  = fontrole.Song  // 宋体: page numbers
)

// Roles lists every role, in the order settings show them.
var Roles = fontrole.All

// numRoles is len(Roles).
const numRoles = fontrole.Count

// RoleLabel names a role in Chinese, for settings and messages.
func RoleLabel(role string) string { return fontrole.Label(role) }

// The embedded faces, named after their files in assets/fonts.
const (
	FandolFang    = "FandolFang-Regular"
	NotoSerif     = "NotoSerifSC-Regular"
	NotoSerifBold = "NotoSerifSC-Bold"
	NotoSans      = "NotoSansSC-Regular"
	LXGWWenKai    = "LXGWWenKai-Regular"
)

// defaultChains are the fallback chains of the embedded faces, by role
// index. NotoSerifSC-Regular backs the faces with fewer characters:
// FandolFang has GB2312 only and lacks name characters such as 堃 喆 镕.
var defaultChains = [numRoles][]string{
	{NotoSerifBold, NotoSerif}, // title
	{FandolFang, NotoSerif},    // body
	{NotoSans},                 // hei
	{LXGWWenKai, NotoSerif},    // kai
	{NotoSerif},                // song
}

// embeddedFaces are the faces of the binary, made once per process.
var embeddedFaces = sync.OnceValue(newEmbeddedFaces)

// newEmbeddedFaces makes unread faces of the embedded fonts, by name.
func newEmbeddedFaces() map[string]*Face {
	m := make(map[string]*Face)
	for _, chain := range defaultChains {
		for _, name := range chain {
			m[name] = embeddedFace(name + ".ttf")
		}
	}
	return m
}

// member is a face of a chain under its name in the Set.
type member struct {
	name string
	face *Face
	file string // the file the user chose (WithFile's spec); "" if embedded
}

// Set is the faces of a document: a fallback chain of faces per role.
// A Set never changes once made, and is safe for concurrent use.
type Set struct {
	chains   [numRoles][]member
	byName   map[string]*Face // the faces of the chains
	embedded map[string]*Face // the faces of the default chains
}

// Default returns the embedded faces with their default chains. The Set is
// made once per process and costs nothing to make: a face is read when a
// character is first looked up in it, or its bytes first asked for.
func Default() (*Set, error) { return defaultSet() }

var defaultSet = sync.OnceValues(func() (*Set, error) { return newSet(embeddedFaces()) })

// newSet returns the default chains of faces.
func newSet(faces map[string]*Face) (*Set, error) {
	s := &Set{byName: make(map[string]*Face, len(faces)), embedded: faces}
	for i, chain := range defaultChains {
		for _, name := range chain {
			f := faces[name]
			if err := embeddedExists(f.asset); err != nil {
				return nil, fmt.Errorf("内置字体 %s 缺失，程序文件不完整：%w", name, err)
			}
			s.chains[i] = append(s.chains[i], member{name: name, face: f})
			s.byName[name] = f
		}
	}
	return s, nil
}

// chain returns role's chain. An unknown role is a mistake of the
// program, not of a user: the roles users write (style files, the font
// settings) are checked with fontrole.Check where they are read.
func (s *Set) chain(role string) []member {
	i := fontrole.Index(role)
	if i < 0 {
		panic(fontrole.Check(role))
	}
	return s.chains[i]
}

// Chain lists the face names of role's fallback chain, first choice first.
func (s *Set) Chain(role string) []string {
	var out []string
	for _, m := range s.chain(role) {
		out = append(out, m.name)
	}
	return out
}

// Glyph reports which face of role's chain draws r, and r's advance in
// that face's font units, of which an em has unitsPerEm. ok is false when
// no face of the chain has r; face and advance are then those of the
// chain's first face and its .notdef glyph.
func (s *Set) Glyph(role string, r rune) (face string, advance, unitsPerEm int, ok bool) {
	chain := s.chain(role)
	for _, m := range chain {
		met := m.face.metrics()
		if adv, has := met.lookup(r); has {
			return m.name, adv, met.upem, true
		}
	}
	met := chain[0].face.metrics()
	return chain[0].name, met.notdef, met.upem, false
}

// Data returns the font file of the named face, a single sfnt font with
// TrueType or CFF outlines: the same slice on every call, which the caller
// must not change.
func (s *Set) Data(face string) ([]byte, error) {
	f := s.byName[face]
	if f == nil {
		return nil, fmt.Errorf("没有名为“%s”的字体", face)
	}
	data, err := f.bytes()
	if err != nil {
		return nil, fmt.Errorf("读取字体“%s”失败：%w", face, err)
	}
	return data, nil
}

// Missing returns the distinct characters of text that no face of role's
// chain has, in order of first appearance. White space is ignored: a
// missing space is blank anyway.
func (s *Set) Missing(role, text string) []rune {
	var out []rune
	for _, r := range text {
		if _, _, _, ok := s.Glyph(role, r); ok || unicode.IsSpace(r) || slices.Contains(out, r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// Face returns the named face, the same *Face on every call.
func (s *Set) Face(name string) (*Face, error) {
	f := s.byName[name]
	if f == nil {
		return nil, fmt.Errorf("没有名为“%s”的字体", name)
	}
	return f, nil
}

// File returns the font file role's chain starts with, as given to
// WithFile ("simsun.ttc#SimSun"), or "" when role uses the embedded faces.
func (s *Set) File(role string) string {
	return s.chain(role)[0].file
}
