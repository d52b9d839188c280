package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"sync"
	"time"
	"unicode/utf16"

	"replydesk/internal/page"
)

// errLayout reports gopdf output that does not look as this package expects;
// it would mean gopdf changed its writer.
var errLayout = errors.New("PDF 输出结构与预期不符，无法完成文档")

// finish rewrites gopdf's output object by object: each font's ToUnicode
// CMap is replaced (gopdf's writes characters beyond the BMP as invalid
// five-digit codes and puts hundreds of entries in one block, where the
// format allows 100), a document information dictionary is added (gopdf has
// no Keywords and writes its information inline in the trailer), and the
// cross-reference table is written anew.
func finish(pdf []byte, faces []*usedFace, meta page.Meta, opt Options) ([]byte, error) {
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
	if err := replaceToUnicode(objs, faces); err != nil {
		return nil, err
	}
	if err := replacePrograms(objs, faces); err != nil {
		return nil, err
	}
	if opt.CompressLevel >= 0 {
		level := zlib.DefaultCompression
		if opt.CompressLevel > 0 {
			level = min(opt.CompressLevel, zlib.BestCompression)
		}
		if err := compressContents(objs, level); err != nil {
			return nil, err
		}
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

var toUnicodeRef = regexp.MustCompile(`/ToUnicode (\d+) 0 R\n`)

// replaceToUnicode finds each face's Type0 font object by its name and
// replaces the ToUnicode stream it refers to.
func replaceToUnicode(objs [][]byte, faces []*usedFace) error {
	for _, uf := range faces {
		name := []byte("/BaseFont /" + uf.family + "\n")
		done := false
		for _, o := range objs {
			if !bytes.Contains(o, []byte("/Subtype /Type0\n")) || !bytes.Contains(o, name) {
				continue
			}
			m := toUnicodeRef.FindSubmatch(o)
			if m == nil {
				return errLayout
			}
			id, _ := strconv.Atoi(string(m[1]))
			if id < 1 || id > len(objs) || !bytes.Contains(objs[id-1], []byte("begincmap")) {
				return errLayout
			}
			objs[id-1] = toUnicodeObject(id, uf.unicode)
			done = true
			break
		}
		if !done {
			return fmt.Errorf("%w（字体“%s”）", errLayout, uf.name)
		}
	}
	return nil
}

var fontFileRef = regexp.MustCompile(`/FontFile2 (\d+) 0 R\n`)

// replacePrograms puts each face's font program, compressed here with the
// faces in parallel, in place of the outline-less one gopdf wrote.
func replacePrograms(objs [][]byte, faces []*usedFace) error {
	ids := make([]int, len(faces))
	for i, uf := range faces {
		name := []byte("/FontName /" + uf.family + "\n")
		for _, o := range objs {
			if bytes.Contains(o, []byte("/Type /FontDescriptor\n")) && bytes.Contains(o, name) {
				if m := fontFileRef.FindSubmatch(o); m != nil {
					ids[i], _ = strconv.Atoi(string(m[1]))
				}
				break
			}
		}
		if ids[i] < 1 || ids[i] > len(objs) || !bytes.Contains(objs[ids[i]-1], []byte("/Length1 ")) {
			return fmt.Errorf("%w（字体“%s”）", errLayout, uf.name)
		}
	}
	var wg sync.WaitGroup
	for i, uf := range faces {
		wg.Go(func() {
			program := uf.sub.Outlines()
			dict := fmt.Sprintf("/Length1 %d\n", len(program))
			objs[ids[i]-1] = streamObject(ids[i], deflate(program), dict)
		})
	}
	wg.Wait()
	return nil
}

// plainStream is the head of a stream gopdf wrote uncompressed.
var plainStream = regexp.MustCompile(`^(\d+) 0 obj\n<<\n/Length (\d+)\n>>\nstream\n`)

// compressContents compresses the streams gopdf left uncompressed (after
// the replacements, the page contents) at level.
func compressContents(objs [][]byte, level int) error {
	for i, o := range objs {
		m := plainStream.FindSubmatchIndex(o)
		if m == nil {
			continue
		}
		id, _ := strconv.Atoi(string(o[m[2]:m[3]]))
		n, _ := strconv.Atoi(string(o[m[4]:m[5]]))
		data := o[m[1]:]
		if n > len(data) || !bytes.HasPrefix(bytes.TrimLeft(data[n:], "\r\n"), []byte("endstream")) {
			return errLayout
		}
		objs[i] = streamObject(id, deflateLevel(data[:n], level), "")
	}
	return nil
}

// zlibWriters keeps a few compressors per level (zlib.DefaultCompression
// is -1): each holds about 1 MB of state, which allocating anew for every
// stream made the largest part of the garbage of an export. A sync.Pool
// would drop them at each collection, and a window with a small heap
// collects often; a bounded free list keeps at most two per level.
var zlibWriters [zlib.BestCompression + 2]chan *zlib.Writer

func init() {
	for i := range zlibWriters {
		zlibWriters[i] = make(chan *zlib.Writer, 2)
	}
}

// deflate compresses b with zlib at the default level.
func deflate(b []byte) []byte { return deflateLevel(b, zlib.DefaultCompression) }

// deflateLevel compresses b with zlib at level (-1 to 9).
func deflateLevel(b []byte, level int) []byte {
	var z bytes.Buffer
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
