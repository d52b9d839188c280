package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/klauspost/compress/zlib"
	"github.com/signintech/gopdf"

	"replydesk/internal/page"
)

// errLayout reports gopdf output that does not look as this package expects;
// it would mean gopdf changed its writer.
var errLayout = errors.New("PDF 输出结构与预期不符，无法完成文档")

// gopdf writes a complete PDF, which finish completes in three ways that
// gopdf's API cannot (checked on gopdf v0.33.0, which TestGopdfVersion
// pins):
//
//   - The font programs. gopdf compresses each font program it embeds at
//     zlib's default level with a new compressor, some 35 ms for the seed
//     when handed the subsets with their outlines, and follows the
//     components of composite glyphs one level deep only. It is therefore
//     handed each subset without outlines (fonts.Subset.WithoutOutlines),
//     and finish puts the subset's program (fonts.Subset.Outlines) in its
//     place, the faces compressed in parallel.
//   - The ToUnicode maps. gopdf writes characters beyond the BMP as
//     five-digit codes, which readers cannot use (𠮷 would not extract),
//     and all entries in one block, where the CMap format allows 100.
//   - The page contents. gopdf compresses each with a new compress/zlib
//     compressor (about 1 MB of state to allocate and clear per page),
//     which made up a quarter of writing the seed, and formats each glyph
//     with fmt. It writes a placeholder per page, uncompressed, and
//     finish puts the page's stream from pen in its place, compressed with
//     recycled compressors (a page compressed lately is kept).
//   - The document information: gopdf has no Keywords and no ModDate, and
//     writes the dictionary inline in the trailer.
//
// The objects replaced are those gopdf numbered for each font (see
// usedFace.embed) and page (gopdfOutput); finish checks each is what it
// should be, replaces it,
// appends the information dictionary and writes the cross-reference
// table anew. Every other byte is gopdf's.
func finish(pdf []byte, faces []*usedFace, contents []int, streams [][]byte, meta page.Meta, opt Options) ([]byte, error) {
	xrefAt, offsets, err := readXref(pdf)
	if err != nil {
		return nil, err
	}
	objs := make([][]byte, len(offsets))
	for i, off := range offsets {
		end := xrefAt
		if i+1 < len(offsets) {
			end = offsets[i+1]
		}
		if off < offsets[0] || off > end {
			return nil, errLayout
		}
		objs[i] = pdf[off:end]
	}
	for _, uf := range faces {
		if err := uf.ids.check(objs); err != nil {
			return nil, fmt.Errorf("%w（字体“%s”）", err, uf.name)
		}
	}
	if err := replaceStreams(objs, faces, contents, streams, contentLevel(opt)); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(xrefAt + 1024 + 20*len(offsets))
	out.Write(pdf[:offsets[0]])
	for i, o := range objs {
		offsets[i] = out.Len()
		out.Write(o)
	}
	infoID := len(offsets) + 1
	offsets = append(offsets, out.Len())
	out.Write(infoObject(infoID, meta, opt))

	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<<\n/Size %d\n/Root 1 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n",
		len(offsets)+1, infoID, xref)
	return out.Bytes(), nil
}

// replaceStreams puts the page contents, streams, compressed at level,
// and each face's ToUnicode map and font program in place, all in
// parallel.
func replaceStreams(objs [][]byte, faces []*usedFace, contents []int, streams [][]byte, level int) error {
	for _, id := range contents {
		if id < 1 || id > len(objs) {
			return errLayout
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, len(contents))
	for i, id := range contents {
		wg.Go(func() { objs[id-1], errs[i] = contentObject(id, objs[id-1], streams[i], level) })
	}
	for _, uf := range faces {
		wg.Go(func() {
			objs[uf.ids.toUnicode-1] = toUnicodeObject(uf.ids.toUnicode, uf.unicode)
			p := compressedProgram(uf.face, uf.sub)
			objs[uf.ids.program-1] = streamObject(uf.ids.program, p.z, fmt.Sprintf("/Length1 %d\n", p.plain))
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// fontObjects are the numbers of the objects gopdf writes for one font, in
// the order AddTTFFontData adds them.
type fontObjects struct {
	toUnicode, program, descriptor, cidFont, font int
}

// nextFontObjects returns the numbers the next font added to gp gets.
func nextFontObjects(gp *gopdf.GoPdf) fontObjects {
	n := gp.GetNextObjectID()
	return fontObjects{toUnicode: n, program: n + 1, descriptor: n + 2, cidFont: n + 3, font: n + 4}
}

// check reports errLayout unless objs hold gopdf's objects of the font
// where ids says: its ToUnicode stream and font program, referred to by
// its font and descriptor.
func (ids fontObjects) check(objs [][]byte) error {
	if ids.toUnicode < 1 || ids.font > len(objs) {
		return errLayout
	}
	obj := func(id int) []byte { return objs[id-1] }
	refers := func(id int, key string, to int) bool {
		return bytes.Contains(obj(id), fmt.Appendf(nil, "/%s %d 0 R\n", key, to))
	}
	if !bytes.Contains(obj(ids.toUnicode), []byte("begincmap")) ||
		!bytes.Contains(obj(ids.program), []byte("/Length1 ")) ||
		!refers(ids.font, "ToUnicode", ids.toUnicode) ||
		!refers(ids.descriptor, "FontFile2", ids.program) ||
		!bytes.Contains(obj(ids.font), []byte("/Subtype /Type0\n")) {
		return errLayout
	}
	return nil
}

// infoObject writes the document information dictionary as object id.
func infoObject(id int, meta page.Meta, opt Options) []byte {
	var out bytes.Buffer
	fmt.Fprintf(&out, "%d 0 obj\n<<\n", id)
	for _, f := range []struct{ key, val string }{
		{"Title", meta.Title}, {"Author", meta.Author}, {"Subject", meta.Subject},
		{"Keywords", meta.Keywords}, {"Creator", opt.Creator}, {"Producer", opt.Producer},
	} {
		if f.val != "" {
			fmt.Fprintf(&out, "/%s %s\n", f.key, textString(f.val))
		}
	}
	if !opt.Date.IsZero() {
		date := pdfDate(opt.Date)
		fmt.Fprintf(&out, "/CreationDate %s\n/ModDate %s\n", date, date)
	}
	out.WriteString(">>\nendobj\n\n")
	return out.Bytes()
}

// The streams finish writes are compressed with
// github.com/klauspost/compress, a pure-Go deflate three to four times as
// fast as compress/flate, for files within 2% of the size.

// streamLevel is the zlib level of the font programs and ToUnicode maps.
const streamLevel = zlib.DefaultCompression

// contentLevel is the zlib level of the page contents opt asks for, or
// zlib.NoCompression.
func contentLevel(opt Options) int {
	switch {
	case opt.CompressLevel < 0:
		return zlib.NoCompression
	case opt.CompressLevel == 0:
		return zlib.DefaultCompression
	}
	return min(opt.CompressLevel, zlib.BestCompression)
}

// contentHead is the head of a page content object gopdf wrote
// uncompressed, after its number.
const contentHead = " 0 obj\n<<\n/Length "

// contentObject returns the page content object id, obj as gopdf wrote
// it, with the stream data instead of gopdf's, compressed at level (as
// gopdf writes it at zlib.NoCompression).
func contentObject(id int, obj, data []byte, level int) ([]byte, error) {
	prefix := strconv.Itoa(id) + contentHead
	if !bytes.HasPrefix(obj, []byte(prefix)) {
		return nil, errLayout
	}
	num, rest, ok := bytes.Cut(obj[len(prefix):], []byte("\n>>\nstream\n"))
	n, err := strconv.Atoi(string(num))
	if !ok || err != nil || n < 0 || n > len(rest) || !bytes.HasPrefix(bytes.TrimLeft(rest[n:], "\r\n"), []byte("endstream")) {
		return nil, errLayout
	}
	if level != zlib.NoCompression {
		return streamObject(id, compressedContent(data, level), ""), nil
	}
	out := make([]byte, 0, len(prefix)+len(data)+64)
	out = append(out, prefix...)
	out = strconv.AppendInt(out, int64(len(data)), 10)
	out = append(out, "\n>>\nstream\n"...)
	out = append(out, data...)
	return append(out, rest[n:]...), nil
}

// zlibWriters keeps a few compressors per level (zlib.DefaultCompression
// is -1): each holds some hundreds of KB of state, which allocating anew
// for every stream made the largest part of the garbage of an export. A
// sync.Pool would drop them at each collection, and a window with a small
// heap collects often; a bounded free list keeps at most four per level.
var zlibWriters [zlib.BestCompression + 2]chan *zlib.Writer

func init() {
	for i := range zlibWriters {
		zlibWriters[i] = make(chan *zlib.Writer, 4)
	}
}

// deflate compresses b with zlib at streamLevel.
func deflate(b []byte) []byte { return deflateLevel(b, streamLevel) }

// deflateLevel compresses b with zlib at level (-1 to 9).
func deflateLevel(b []byte, level int) []byte {
	var z bytes.Buffer
	z.Grow(len(b)/2 + 64)
	free := zlibWriters[level+1]
	var zw *zlib.Writer
	select {
	case zw = <-free:
		zw.Reset(&z)
	default:
		zw, _ = zlib.NewWriterLevel(&z, level) // the level is valid
	}
	zw.Write(b) // writes to memory cannot fail
	zw.Close()
	zw.Reset(nil) // do not keep the output alive
	select {
	case free <- zw:
	default:
	}
	return z.Bytes()
}

// streamObject writes object id holding the Flate-compressed stream z, with
// extra dictionary entries.
func streamObject(id int, z []byte, extra string) []byte {
	var out bytes.Buffer
	out.Grow(len(z) + 100)
	fmt.Fprintf(&out, "%d 0 obj\n<<\n/Length %d\n/Filter /FlateDecode\n%s>>\nstream\n", id, len(z), extra)
	out.Write(z)
	out.WriteString("\nendstream\nendobj\n\n")
	return out.Bytes()
}

// readXref finds gopdf's single cross-reference table and returns where it
// starts and the offsets of objects 1…n.
func readXref(pdf []byte) (int, []int, error) {
	tail := pdf[max(0, len(pdf)-64):]
	i := bytes.LastIndex(tail, []byte("startxref\n"))
	if i < 0 {
		return 0, nil, errLayout
	}
	num, _, _ := bytes.Cut(tail[i+len("startxref\n"):], []byte("\n"))
	at, err := strconv.Atoi(string(num))
	if err != nil || at <= 0 || at >= len(pdf) || !bytes.HasPrefix(pdf[at:], []byte("xref\n0 ")) {
		return 0, nil, errLayout
	}
	rest := pdf[at+len("xref\n0 "):]
	line, rest, ok := bytes.Cut(rest, []byte("\n"))
	n, err := strconv.Atoi(string(line))
	if !ok || err != nil || n < 2 || len(rest) < 20*n {
		return 0, nil, errLayout
	}
	offsets := make([]int, 0, n)
	for k := 1; k < n; k++ { // entry 0 is the free-list head
		e := rest[20*k : 20*k+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || e[17] != 'n' {
			return 0, nil, errLayout
		}
		offsets = append(offsets, off)
	}
	return at, offsets, nil
}

// textString encodes s as a PDF text string: UTF-16BE with a byte order
// mark, in hex, so every character (including those beyond the BMP) survives.
func textString(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 0, 6+4*len(u))
	b = append(b, "<FEFF"...)
	for _, c := range u {
		b = fmt.Appendf(b, "%04X", c)
	}
	return string(append(b, '>'))
}

// pdfDate formats t as a PDF date string, e.g. (D:20240315093000+08'00').
func pdfDate(t time.Time) string {
	_, off := t.Zone()
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("(D:%s%c%02d'%02d')", t.Format("20060102150405"), sign, off/3600, off%3600/60)
}
