package fonts

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"replydesk/internal/fontrole"
)

// ErrUnusable is wrapped by the errors of font files that cannot be
// used: bitmap-only or variable CFF2 fonts, broken files, a face a
// collection does not have.
var ErrUnusable = errors.New("字体无法嵌入 PDF")

// fileError says why the font file at path cannot be used.
type fileError struct {
	path, reason string
}

func (e *fileError) Error() string { return "字体文件“" + e.path + "”" + e.reason }

// Unwrap makes errors.Is(err, ErrUnusable) hold.
func (e *fileError) Unwrap() error { return ErrUnusable }

// WithFile returns a copy of s whose role chain starts with a face of the
// font file at spec (e.g. the official 仿宋_GB2312, simfang.ttf), followed
// by role's default chain; s itself is unchanged. spec is a file's path,
// or for a collection (.ttc) the path, FaceSep and the face's name or
// index ("simsun.ttc#SimSun", "NotoSansCJK-Regular.ttc#2"); without a
// face, a collection gives its face with a mainland Chinese name, else its
// first. TrueType and CFF outlines (.ttf, .otf, .ttc, .otc, .woff) are
// accepted; bitmap-only, variable CFF2 and broken files are refused,
// whatever their extension. The face is named after the font's PostScript
// name (else its family name), with a suffix when a different face of s
// has that name. A file is read once per process while it stays unchanged.
func (s *Set) WithFile(role, spec string) (*Set, error) {
	if err := fontrole.Check(role); err != nil {
		return nil, err
	}
	i := fontrole.Index(role)
	f, base, err := openFile(spec)
	if err != nil {
		return nil, err
	}
	c := &Set{chains: s.chains, byName: make(map[string]*Face), embedded: s.embedded}
	c.chains[i] = nil
	for _, n := range defaultChains[i] {
		c.byName[n] = s.embedded[n]
	}
	name := ""
	for _, chain := range c.chains {
		for _, m := range chain {
			c.byName[m.name] = m.face
			if m.face == f {
				name = m.name
			}
		}
	}
	for n := 1; name == ""; n++ {
		if try := suffixed(base, n); c.byName[try] == nil {
			name = try
		}
	}
	chain := []member{{name: name, face: f, file: spec}}
	for _, n := range defaultChains[i] {
		chain = append(chain, member{name: n, face: s.embedded[n]})
	}
	c.byName[name] = f
	c.chains[i] = chain
	return c, nil
}

// suffixed returns the n-th candidate name: base, base-2, base-3…
func suffixed(base string, n int) string {
	if n == 1 {
		return base
	}
	return fmt.Sprintf("%s-%d", base, n)
}

// fileCacheSize bounds the font files kept read: each may be 20 MB.
const fileCacheSize = 8

// fileCache keeps the faces of font files by path, so choosing the same
// font again neither rereads it nor changes its bytes' identity (the
// renderers cache parsed fonts by it).
var fileCache = struct {
	sync.Mutex
	m map[string]*cachedFile
	n int // uses, to find the least recently used
}{m: make(map[string]*cachedFile)}

type cachedFile struct {
	size    int64
	mod     time.Time
	face    *Face
	name    string // base face name
	lastUse int
}

// openFile returns the face of the font file spec names and its base
// name, from the cache while the file is unchanged.
func openFile(spec string) (*Face, string, error) {
	path, want := splitSpec(spec, func(p string) bool { _, err := os.Stat(p); return err == nil })
	info, err := os.Stat(path)
	if err != nil {
		return nil, "", readError(path, err)
	}
	if info.IsDir() {
		return nil, "", &fileError{path, "是文件夹，不是字体文件"}
	}
	key, _ := filepath.Abs(path)
	key += FaceSep + want
	fileCache.Lock()
	defer fileCache.Unlock()
	fileCache.n++
	if c := fileCache.m[key]; c != nil && c.size == info.Size() && c.mod.Equal(info.ModTime()) {
		c.lastUse = fileCache.n
		return c.face, c.name, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", readError(path, err)
	}
	data, names, err := singleFont(data, want)
	if err != nil {
		return nil, "", &fileError{path, err.Error()}
	}
	f, err := newFileFace(data)
	if err != nil {
		return nil, "", &fileError{path, err.Error()}
	}
	name := faceName(names, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	if len(fileCache.m) >= fileCacheSize {
		evictOldest()
	}
	fileCache.m[key] = &cachedFile{info.Size(), info.ModTime(), f, name, fileCache.n}
	return f, name, nil
}

// singleFont returns the face of a font file's data that want names (see
// pickFace) as a single font, and its names. A single uncompressed font is
// returned as it is.
func singleFont(data []byte, want string) (one []byte, names []nameRecord, err error) {
	defer func() {
		if r := recover(); r != nil { // go-text panics on some damaged files
			one, names, err = nil, nil, errors.New("已损坏：字体文件的目录不完整或有误；请改选其他字体")
		}
	}()
	if _, err := checkFont(data); err == nil && want == "" {
		return data, parseNames(tableDir(data)["name"]), nil
	}
	faces, err := facesOf(data)
	if err != nil {
		if isCollection(data) || isCompressed(data) {
			return nil, nil, err
		}
		if _, err := checkFont(data); err != nil {
			return nil, nil, err // says which kind of file it is
		}
		return nil, nil, errors.New("不是有效的字体文件")
	}
	f, err := pickFace(faces, want)
	if err != nil {
		return nil, nil, err
	}
	if len(faces) == 1 && !isCompressed(data) {
		return data, f.names, nil
	}
	one, err = f.standalone(data)
	return one, f.names, err
}

// isCompressed reports whether data is a WOFF font, whose tables are
// compressed.
func isCompressed(data []byte) bool { return len(data) >= 4 && string(data[:4]) == "wOFF" }

// evictOldest drops the least recently used file; the lock is held.
func evictOldest() {
	oldest := ""
	for k, c := range fileCache.m {
		if oldest == "" || c.lastUse < fileCache.m[oldest].lastUse {
			oldest = k
		}
	}
	delete(fileCache.m, oldest)
}

// readError words a failure to read path.
func readError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("字体文件“%s”不存在：请重新选择字体文件", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("没有读取字体文件“%s”的权限：请改选其他文件或调整文件权限", path)
	}
	return fmt.Errorf("无法读取字体文件“%s”：%v", path, err)
}
