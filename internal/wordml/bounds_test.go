package wordml

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf16"
)

// counter is an io.ReaderAt that counts the bytes read through it.
type counter struct {
	r io.ReaderAt
	n atomic.Int64
}

func (c *counter) ReadAt(b []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(b, off)
	c.n.Add(int64(n))
	return n, err
}

// oleFile builds a minimal OLE compound file (MS-CFB, version 3) whose
// directory has the entries named.
func oleFile(names ...string) []byte {
	const sec = 512
	b := make([]byte, sec*3) // header, FAT sector 0, directory sector 1
	copy(b, oleMagic)
	le := binary.LittleEndian
	le.PutUint16(b[0x18:], 0x3E)
	le.PutUint16(b[0x1A:], 3)
	le.PutUint16(b[0x1C:], 0xFFFE)
	le.PutUint16(b[0x1E:], 9)
	le.PutUint16(b[0x20:], 6)
	le.PutUint32(b[0x2C:], 1)          // FAT sectors
	le.PutUint32(b[0x30:], 1)          // first directory sector
	le.PutUint32(b[0x38:], 0x1000)     // mini stream cutoff
	le.PutUint32(b[0x3C:], 0xFFFFFFFE) // no mini FAT
	le.PutUint32(b[0x44:], 0xFFFFFFFE) // no DIFAT sectors
	for i := 0; i < 109; i++ {
		le.PutUint32(b[0x4C+4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(b[0x4C:], 0) // the FAT is sector 0
	fat := b[sec : 2*sec]
	for i := 0; i < sec/4; i++ {
		le.PutUint32(fat[4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(fat[0:], 0xFFFFFFFD) // FAT sector
	le.PutUint32(fat[4:], 0xFFFFFFFE) // the directory: one sector
	dir := b[2*sec:]
	for i, name := range append([]string{"Root Entry"}, names...) {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42] = 2 // stream
		if i == 0 {
			e[0x42] = 5 // root storage
		}
	}
	return b
}

// rawZip builds a zip archive with one entry written raw: data as the
// compressed bytes, and the uncompressed size declared as size.
func rawZip(t *testing.T, parts files, name string, method uint16, data []byte, size uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, content := range parts {
		w, _ := zw.Create(n)
		w.Write([]byte(content))
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: method, CompressedSize64: uint64(len(data)), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// deflated compresses b.
func deflated(b []byte) []byte {
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
	fw.Write(b)
	fw.Close()
	return buf.Bytes()
}

// packageParts are the parts of a package around word/document.xml.
var packageParts = files{
	"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
}

// docOf wraps body in a document part.
func docOf(body string) string {
	return `<w:document ` + nsDecl + `><w:body>` + body + `</w:body></w:document>`
}

func TestRefused(t *testing.T) {
	good := docx(t, paragraphXML("", "答复"), nil)
	flipped := bytes.Clone(good)
	// Corrupt the middle of the compressed document part.
	i := bytes.Index(flipped, []byte("word/document.xml")) + len("word/document.xml") + 20
	for j := i; j < i+16 && j < len(flipped); j++ {
		flipped[j] ^= 0x5A
	}
	manyEntries := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := 0; i <= maxEntries; i++ {
			zw.CreateHeader(&zip.FileHeader{Name: "x/" + strings.Repeat("a", i%7) + string(rune('a'+i%26)) + "/" + itoa(i), Method: zip.Store})
		}
		zw.Close()
		return buf.Bytes()
	}()
	deep := strings.Repeat("<w:sdt><w:sdtContent>", 100000)
	deepInDel := "<w:p><w:del>" + strings.Repeat("<w:r>", 100000) + "</w:del></w:p>"
	deepInPPr := "<w:p><w:pPr>" + strings.Repeat("<w:rPr>", 100000) + "</w:pPr></w:p>"
	deepInFallback := "<w:p><w:r><mc:AlternateContent><mc:Choice/><mc:Fallback>" + strings.Repeat("<x>", 100000) + "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
	withNumbering := files{
		"word/document.xml": docOf(paragraphXML("", "a")),
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
	}
	for k, v := range packageParts {
		withNumbering[k] = v
	}
	lie := deflated(bytes.Repeat([]byte("<w:p/>"), 5<<20)) // inflates to 30 MB, declared as 1 KB
	for _, c := range []struct {
		name string
		in   []byte
		kind Kind
		msg  string
	}{
		{"empty file", nil, Damaged, msgDamaged},
		{"text file", []byte("关于第244号提案的答复\n"), Damaged, msgDamaged},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), Damaged, msgDamaged},
		{"truncated", good[:len(good)/2], Damaged, msgDamaged},
		{"truncated before the directory", good[:len(good)-10], Damaged, msgDamaged},
		{"corrupt compressed data", flipped, Damaged, msgDamaged},
		{"zip without a Word document", zipOf(t, files{"xl/workbook.xml": "<workbook/>"}), Damaged, msgDamaged},
		{"bad XML", rawParts(t, "<w:document "+nsDecl+"><w:body><w:p></w:body>"), Damaged, msgDamaged},
		{"unterminated XML", rawParts(t, "<w:document "+nsDecl+"><w:body><w:p><w:r><w:t>半"), Damaged, msgDamaged},
		{"bad styles", docx(t, paragraphXML("", "a"), files{"word/styles.xml": "<w:styles><w:style>"}), Damaged, msgDamaged},
		{"encrypted", oleFile("\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"), Encrypted, msgEncrypted},
		{"legacy .doc", oleFile("WordDocument", "1Table", "\x05SummaryInformation"), Legacy, msgLegacy},
		{"OLE header only", oleFile()[:512], Legacy, msgLegacy},
		{"RTF", []byte(`{\rtf1\ansi\ansicpg936 答复}`), Legacy, msgRTF},
		{"OpenDocument", zipOf(t, files{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"}), Legacy, msgODT},
		{"zip bomb declared", rawZip(t, packageParts, "word/document.xml", zip.Deflate, deflated([]byte("<w:document/>")), 1<<40), TooLarge, "上限 16 MB"},
		{"50 MB document.xml", rawZip(t, packageParts, "word/document.xml", zip.Deflate, deflated([]byte("<w:document/>")), 50<<20), TooLarge, "文档的正文过大（50.0 MB，上限 16 MB）"},
		{"zip bomb understated", rawZip(t, packageParts, "word/document.xml", zip.Deflate, lie, 1024), Damaged, msgDamaged},
		{"numbering too large", rawZip(t, withNumbering, "word/numbering.xml", zip.Deflate, deflated([]byte("<w:numbering/>")), 1<<30), TooLarge, "“word/numbering.xml”部件过大（1024.0 MB，上限 4 MB）"},
		{"too many entries", manyEntries, TooLarge, "部件过多"},
		{"deeply nested", rawParts(t, docOf(deep)), TooLarge, "嵌套过深"},
		{"deeply nested in a deletion", rawParts(t, docOf(deepInDel)), TooLarge, "嵌套过深"},
		{"deeply nested in properties", rawParts(t, docOf(deepInPPr)), TooLarge, "嵌套过深"},
		{"deeply nested in a fallback", rawParts(t, docOf(deepInFallback)), TooLarge, "嵌套过深"},
		{"too many paragraphs", rawParts(t, docOf(strings.Repeat("<w:p/>", maxItems+1))), TooLarge, "过多"},
		{"too many cells", rawParts(t, docOf("<w:tbl><w:tr>"+strings.Repeat("<w:tc/>", maxItems+1)+"</w:tr></w:tbl>")), TooLarge, "过多"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &counter{r: bytes.NewReader(c.in)}
			var d *Document
			var err error
			alloc := allocated(func() { d, err = Read(r, int64(len(c.in))) })
			var e *Error
			if !errors.As(err, &e) || e.Kind != c.kind || !strings.Contains(e.Msg, c.msg) {
				t.Fatalf("Read = %v, %v; want a refusal of kind %d containing %q", d, err, c.kind, c.msg)
			}
			if err.Error() != e.Msg || !hasHan(e.Msg) {
				t.Errorf("Error() = %q, want the Chinese message %q", err.Error(), e.Msg)
			}
			budget := uint64(maxRefusalAlloc)
			if c.msg == "过多" {
				budget = maxItems * itemAlloc // the items are read until there are too many
			}
			if alloc > budget {
				t.Errorf("refusal allocated %d bytes, want at most %d: a hostile file must cost little", alloc, budget)
			}
			if c.kind != Damaged && r.n.Load() > 2<<20 {
				t.Errorf("read %d bytes of the file to refuse it", r.n.Load())
			}
		})
	}
}

// What reading a hostile file may allocate: the work it costs, measured
// without a clock (a busy machine stalls a read; it does not make it
// allocate more). Measured: a refusal allocates under 100 KB, a damaged
// copy of a small letter under 200 KB, a paragraph or cell read about
// 1 KB.
const (
	maxRefusalAlloc  = 1 << 20
	maxMutationAlloc = 4 << 20
	itemAlloc        = 2 << 10
)

// allocated returns the bytes the process allocated while f ran.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func itoa(i int) string {
	return strings.TrimLeft(string([]byte{byte('0' + i/10000%10), byte('0' + i/1000%10), byte('0' + i/100%10), byte('0' + i/10%10), byte('0' + i%10)}), "0")
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// rawParts builds a package whose document part is exactly doc.
func rawParts(t *testing.T, doc string) []byte {
	t.Helper()
	parts := files{"word/document.xml": doc}
	for k, v := range packageParts {
		parts[k] = v
	}
	return zipOf(t, parts)
}

// TestLargeFile reads a 50 MB .docx, most of it an image, from a file:
// only the parts of text are read, in bounded memory.
func TestLargeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "large.docx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, content := range packageParts {
		w, _ := zw.Create(name)
		w.Write([]byte(content))
	}
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(docOf(paragraphXML("", "图片如下") + paragraphXML("", "附件：现场照片"))))
	w, _ = zw.CreateHeader(&zip.FileHeader{Name: "word/media/image1.png", Method: zip.Store})
	chunk := bytes.Repeat([]byte{0x89, 'P', 'N', 'G', 1, 2, 3, 4}, 1<<17) // 1 MB
	for i := 0; i < 50; i++ {
		w.Write(chunk)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var d *Document
	alloc := allocated(func() { d, err = ReadFile(path) })
	if err != nil {
		t.Fatalf("ReadFile(50 MB): %v", err)
	}
	if got := d.Text(); got != "图片如下\n附件：现场照片" {
		t.Errorf("Text() = %q", got)
	}
	if alloc > 4<<20 {
		t.Errorf("reading a 50 MB file allocated %d bytes, want under 4 MB", alloc)
	}
	// Only the parts of text are read, not the image.
	f, err = os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	r := &counter{r: f}
	if _, err := Read(r, fi.Size()); err != nil {
		t.Fatal(err)
	}
	if n := r.n.Load(); n > 2<<20 {
		t.Errorf("reading a 50 MB file read %d bytes of it, want under 2 MB", n)
	}
}

func TestReadFileMissing(t *testing.T) {
	_, err := ReadFile(filepath.Join(t.TempDir(), "无.docx"))
	if err == nil || !errors.Is(err, os.ErrNotExist) || !hasHan(err.Error()) {
		t.Errorf("ReadFile(missing) = %v, want a Chinese error wrapping os.ErrNotExist", err)
	}
}
