package pdf

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"slices"
	"sync"

	"replydesk/internal/fonts"
	"replydesk/internal/page"
)

// A document exported again unchanged is not written again, and the font
// programs of a face are compressed once per glyph set: both are kept for
// the process, a few of each, most recently used first.

// lru is a small cache of the most recently used values by key.
type lru[K comparable, V any] struct {
	mu   sync.Mutex
	size int
	keys []K // least recently used first
	m    map[K]V
}

// get returns the value of key and whether there is one.
func (c *lru[K, V]) get(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	if ok {
		c.touch(key)
	}
	return v, ok
}

// put keeps v for key, dropping the least recently used value past size.
func (c *lru[K, V]) put(key K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[K]V)
	}
	if _, ok := c.m[key]; ok {
		c.touch(key)
	} else {
		if len(c.keys) == c.size {
			delete(c.m, c.keys[0])
			c.keys = slices.Delete(c.keys, 0, 1)
		}
		c.keys = append(c.keys, key)
	}
	c.m[key] = v
}

// touch makes key the most recently used; the lock is held.
func (c *lru[K, V]) touch(key K) {
	if i := slices.Index(c.keys, key); i >= 0 {
		c.keys = append(slices.Delete(c.keys, i, i+1), key)
	}
}

// programKey is a face's glyph set: the face's glyphs of a subset, two
// bytes each.
type programKey struct {
	face   *fonts.Face
	glyphs string
}

// program is a subset's font program, compressed.
type program struct {
	z     []byte // zlib stream
	plain int    // uncompressed length
}

// programs keeps the compressed font programs of the last glyph sets:
// some 50–100 KB each, those of the faces of a few documents.
var programs = &lru[programKey, program]{size: 32}

// compressedProgram returns the subset's font program, compressed, from
// programs when its face has had the same glyphs lately.
func compressedProgram(face *fonts.Face, sub *fonts.Subset) program {
	orig := sub.Original()
	g := make([]byte, 2*len(orig))
	for i, gid := range orig {
		binary.BigEndian.PutUint16(g[2*i:], gid)
	}
	key := programKey{face, string(g)}
	if p, ok := programs.get(key); ok {
		return p
	}
	outlines := sub.Outlines()
	p := program{z: deflate(outlines), plain: len(outlines)}
	programs.put(key, p)
	return p
}

// rendering is a document written: what it was made of (the document,
// faces and options, serialised by describe) and the PDF.
type rendering struct {
	made  []byte
	faces []*fonts.Face
	pdf   []byte
}

var docSeed = maphash.MakeSeed()

// documents keeps the PDFs of the last documents written, by the hash of
// what they were made of; a hit is checked against the whole of it.
var documents = &lru[uint64, *rendering]{size: 4}

// cachedPDF returns the PDF of the document made of made with faces, if it
// was written lately.
func cachedPDF(made []byte, faces []*fonts.Face) ([]byte, bool) {
	r, ok := documents.get(maphash.Bytes(docSeed, made))
	if !ok || !bytes.Equal(r.made, made) || !slices.Equal(r.faces, faces) {
		return nil, false
	}
	return r.pdf, true
}

// keepPDF keeps the PDF of the document made of made with faces.
func keepPDF(made []byte, faces []*fonts.Face, pdf []byte) {
	documents.put(maphash.Bytes(docSeed, made), &rendering{made, faces, pdf})
}

// describe serialises everything a PDF is made of but the faces' fonts:
// the page size, the information, every run and rule, and the options.
func describe(d *page.Doc, opt Options) []byte {
	n := 0
	for _, p := range d.Pages {
		for _, r := range p.Runs {
			n += 48 + 24*len(r.Glyphs)
		}
		n += 48 * len(p.Rules)
	}
	b := make([]byte, 0, n+256)
	num := func(v int64) { b = binary.LittleEndian.AppendUint64(b, uint64(v)) }
	str := func(s string) { num(int64(len(s))); b = append(b, s...) }
	num(int64(d.Width))
	num(int64(d.Height))
	for _, s := range []string{d.Meta.Title, d.Meta.Author, d.Meta.Subject, d.Meta.Keywords, opt.Creator, opt.Producer} {
		str(s)
	}
	_, offset := opt.Date.Zone()
	num(opt.Date.UnixNano())
	num(int64(offset))
	num(int64(opt.CompressLevel))
	for _, p := range d.Pages {
		num(int64(len(p.Runs)))
		for _, r := range p.Runs {
			str(r.Face)
			num(int64(r.Size))
			num(int64(r.Y))
			b = append(b, r.Color.R, r.Color.G, r.Color.B)
			num(int64(len(r.Glyphs)))
			for _, g := range r.Glyphs {
				num(int64(g.R))
				num(int64(g.X))
				num(int64(g.W))
			}
		}
		num(int64(len(p.Rules)))
		for _, l := range p.Rules {
			for _, v := range []page.Length{l.X1, l.Y1, l.X2, l.Y2, l.Width} {
				num(int64(v))
			}
			b = append(b, l.Color.R, l.Color.G, l.Color.B)
		}
	}
	return b
}

// gopdfWritten is what gopdf wrote for a document (see gopdfOutput): the
// PDF, which finish reads but does not change, the numbers of the page
// content objects and the objects of each face.
type gopdfWritten struct {
	raw      []byte
	contents []int
	ids      []fontObjects
}

// gopdfKept keeps gopdf's output for the last documents, by gopdfKey.
var gopdfKept = &lru[string, *gopdfWritten]{size: 8}

// gopdfKey is all that gopdf's output for d depends on: the page size,
// which pages have something drawn on them, and each face's subset name
// and characters.
func gopdfKey(d *page.Doc, order []*usedFace) string {
	b := binary.LittleEndian.AppendUint64(nil, uint64(d.Width))
	b = binary.LittleEndian.AppendUint64(b, uint64(d.Height))
	for _, p := range d.Pages {
		if drawnOn(p) {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	for _, uf := range order {
		b = append(b, 0xFF) // never part of UTF-8
		b = append(b, uf.family...)
		b = append(b, 0xFF)
		b = append(b, string(sortedRunes(uf.runes))...)
	}
	return string(b)
}

// sortedRunes returns the runes of rs in the order of their code points.
func sortedRunes(rs []rune) []rune {
	s := slices.Clone(rs)
	slices.Sort(s)
	return s
}

// contentKey is a page's content stream, by its hash, at a level.
type contentKey struct {
	sum   uint64
	level int
}

// contentKept is a page's content stream and the stream compressed.
type contentKept struct {
	data, z []byte
}

// pageStreams keeps the compressed content streams of the last pages
// written: an edit changes a page or two of a document, and the pages
// after an edit that moved nothing are compressed again otherwise.
var pageStreams = &lru[contentKey, contentKept]{size: 32}

// compressedContent returns data compressed at level, kept when
// a page had the same content lately (see pageStreams).
func compressedContent(data []byte, level int) []byte {
	key := contentKey{maphash.Bytes(docSeed, data), level}
	if c, ok := pageStreams.get(key); ok && bytes.Equal(c.data, data) {
		return c.z
	}
	z := deflateLevel(data, level)
	pageStreams.put(key, contentKept{data, z})
	return z
}

// clear drops every value.
func (c *lru[K, V]) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keys, c.m = nil, nil
}
