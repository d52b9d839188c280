// Package wordml reads the text of a Word document (.docx, the
// WordprocessingML of ECMA-376 / ISO/IEC 29500) in reading order, for the
// recognition of a drafted or published reply. It is the only reader of
// WordprocessingML in the project and uses the standard library only
// (archive/zip, encoding/xml).
//
// What is read, and how (ECMA-376 Part 1 clause numbers in brackets):
//   - body paragraphs [17.3.1.22] and tables [17.4.38] in document order,
//     including those inside content controls [17.5.2] and custom XML;
//   - text in text boxes [17.17.1.1] (DrawingML or VML), placed where the
//     anchor stands: before the anchoring paragraph when no text of it
//     comes before the anchor, else after it. Of mc:AlternateContent only
//     the first branch is read, so no text box is read twice;
//   - tracked changes [17.13.5]: insertions and moves-to are kept,
//     deletions and moves-from dropped, as if all changes were accepted; a
//     paragraph whose mark is deleted joins the next one, and a deleted
//     table row is dropped;
//   - fields [17.16]: the result is kept, the field code dropped;
//   - tabs as \t, line breaks as \n, non-breaking hyphens as "-", w:sym
//     characters (Symbol and Wingdings mapped where common), hidden text
//     (w:vanish) dropped;
//   - automatic numbering [17.9]: the generated number text of a numbered
//     paragraph ("一、", "（一）", "1.", "(1)", "①"…) is put before its
//     text, see numbering.go;
//   - the header of the first section (first-page header when the section
//     has one, else the default header) as Document.Header; footers,
//     footnotes, endnotes and comments are not read.
//
// Every input is bounded (see the limits below): a damaged, encrypted,
// legacy or hostile file is refused in milliseconds with a Chinese
// message, as an *Error.
package wordml

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Document is the text of a .docx in reading order.
type Document struct {
	Blocks []Block // body content in reading order
	Header string  // text of the first-page or default header of the first section (a 红头 issuer may stand there)
	// Properties are the document's custom properties that hold text
	// (文件 → 属性 → 自定义 in Word): name → value; nil when none.
	Properties map[string]string
}

// Block is one paragraph or one table of the body.
type Block struct {
	Text      string     // a paragraph's text (tabs as \t; line breaks <w:br/> as \n), with its generated number first
	Style     string     // its paragraph style id if any (e.g. "Heading1", "Title", or "1" in Chinese Word)
	StyleName string     // the name of that style in styles.xml (e.g. "heading 1", "Title"), or ""
	Align     string     // "left", "center", "right", "both", "distribute", or "" when not set
	Number    string     // the generated number text of an automatically numbered paragraph, e.g. "一、", or ""
	Table     [][]string // non-nil for a table: rows of cell texts (cell paragraphs joined by \n)
	Widths    []int      // a table's column widths in twips, from its grid; nil when it has none
}

// Text returns the document's text for recognition: paragraphs joined by
// \n, a table as its rows, each the cell texts joined by \t (line breaks
// inside a cell become spaces, so a row stays one line).
func (d *Document) Text() string {
	var b strings.Builder
	for i, bl := range d.Blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		if bl.Table == nil {
			b.WriteString(bl.Text)
			continue
		}
		writeTable(&b, bl.Table, " ")
	}
	return b.String()
}

// writeTable writes rows as lines of cells joined by \t; a line break in
// a cell is written as nl.
func writeTable(b *strings.Builder, rows [][]string, nl string) {
	for r, row := range rows {
		if r > 0 {
			b.WriteByte('\n')
		}
		for c, cell := range row {
			if c > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(strings.ReplaceAll(cell, "\n", nl))
		}
	}
}

// Limits of what a document may contain. A reply is some 50 paragraphs
// and 100 KB of XML; the limits are generous for real documents (a
// document.xml of 16 MB is some 3,000 pages of text) and keep a hostile
// file to a bounded cost: the file is read as a stream, and only the
// parts named here are read at all (images are never touched).
const (
	maxEntries  = 10000    // files in the zip archive
	maxDocument = 16 << 20 // bytes of word/document.xml, uncompressed
	maxPart     = 4 << 20  // bytes of any other part read (styles, numbering, header, relationships)
	maxDepth    = 256      // XML elements inside one another
	maxItems    = 100000   // paragraphs and table cells
	maxText     = 16 << 20 // bytes of text read
)

// Kind says why a file was refused.
type Kind int

// The kinds of refusal.
const (
	Damaged   Kind = iota // not a zip, truncated, or not a Word document
	Encrypted             // a password-protected .docx (an OLE file with an EncryptedPackage)
	Legacy                // a binary .doc/.wps, an RTF or an OpenDocument file: to be saved as .docx
	TooLarge              // beyond one of the limits
)

// Error is a refusal of a file. Its Error text is Msg, in Chinese, ready
// to be shown to the user; Err is the underlying cause, if any.
type Error struct {
	Kind Kind
	Msg  string
	Err  error
}

func (e *Error) Error() string { return e.Msg }

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// The messages of the refusals.
const (
	msgDamaged   = "文件已损坏或不是 Word 文档（.docx）"
	msgEncrypted = "该文档设有密码：请在 Word 中取消密码后另存为 .docx"
	msgLegacy    = "这是旧版 Word（.doc）或 WPS 文件：请在 Word 或 WPS 中另存为 .docx 后再导入"
	msgRTF       = "这是 RTF 格式的文件：请在 Word 或 WPS 中另存为 .docx 后再导入"
	msgODT       = "这是 OpenDocument 文本（.odt）：请在 WPS、Word 或 LibreOffice 中另存为 .docx 后再导入"
	msgDepth     = "文档结构嵌套过深（超过%d层），无法读取：请在 Word 中另存为 .docx 后再试"
	msgItems     = "文档的段落和表格单元格过多（超过%d个）：请删去不需要的内容或分成几个文件后再导入"
	msgText      = "文档的文字过多（超过 %d MB）：请删去不需要的内容或分成几个文件后再导入"
	msgPart      = "文档的%s过大（%s，上限 %d MB）：请删去不需要的内容或分成几个文件后再导入"
	msgEntries   = "文件包含的部件过多（超过%d个），不像是 Word 文档"
)

func damaged(err error) *Error { return &Error{Kind: Damaged, Msg: msgDamaged, Err: err} }

// ReadFile reads the .docx at path.
func ReadFile(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("读取 Word 文档：%w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("读取 Word 文档：%w", err)
	}
	return Read(f, st.Size())
}

// Read reads a .docx from r (size bytes). A file that is not one is
// refused with an *Error that says what it is and what to do.
func Read(r io.ReaderAt, size int64) (*Document, error) {
	pkg, err := openPackage(r, size)
	if err != nil {
		return nil, err
	}
	return pkg.document()
}

// asError turns err into an *Error: a refusal stays as it is, anything
// else (bad XML, a read error of the archive) means a damaged file.
func asError(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return damaged(err)
}
