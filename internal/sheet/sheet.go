// Package sheet reads and writes the spreadsheets of ReplyDesk: the
// assignment list (交办清单) imported into the ledger, the 办理情况汇总表
// exported from it with a 统计 sheet of live formulas and a chart, and the
// attachment tables (附件) of a reply. It is the only package that imports
// excelize. Every message a user reads is in Chinese and names the file,
// the row and the column.
package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/safefile"
)

// FileError is a workbook that cannot be read at all. Its message is in
// Chinese, names the file and says what the user can do.
type FileError struct {
	Path  string // the file's path, or "" for a stream
	Sheet string // the sheet concerned, for TooManyRows
	Kind  FileErrorKind
	Err   error // the underlying error
}

// FileErrorKind says why a workbook cannot be read.
type FileErrorKind int

// Reasons a workbook cannot be read.
const (
	Unreadable  FileErrorKind = iota // the file cannot be opened
	Empty                            // the file has no bytes
	OldFormat                        // an Excel 97-2003 .xls, or an encrypted workbook
	NotWorkbook                      // not a zip: a CSV, HTML, PDF … renamed to .xlsx
	Damaged                          // a zip, but not a sound workbook
	NoHeader                         // no sheet has a recognizable header row
	NoTable                          // the first sheet of an attachment table is empty
	TooLarge                         // the file, or what it unpacks to, is beyond the limits below
	TooManyRows                      // the sheet has more than MaxRows rows with content
)

// Limits of the workbooks read. A real 交办清单 is far inside them: a
// whole provincial session assigns a few thousand items, a bureau gets
// some hundreds, and a list of 20,000 rows takes about 1 MB, unpacking
// to about 15 MB.
const (
	// MaxFileSize is the largest workbook file read.
	MaxFileSize = 100 << 20
	// MaxUnpacked is the most all the parts of a workbook may unpack to.
	// Worksheets and the shared strings are unpacked to temporary files
	// when larger than maxInMemory, so this bounds disk and time; the
	// other parts (styles, drawings, pictures) are read into memory and
	// each must stay under maxPart.
	MaxUnpacked = 1 << 30
	// MaxRows is the most rows with content a sheet may have: 50,000,
	// ten times the largest list a bureau receives. Formatted rows
	// without content do not count.
	MaxRows = 50000
	// maxInMemory is the largest worksheet or shared-strings part kept in
	// memory while reading.
	maxInMemory = 16 << 20
	// maxPart is the largest of the other parts.
	maxPart = 64 << 20
)

func (e *FileError) name() string {
	if e.Path == "" {
		return "所选文件"
	}
	return "文件“" + filepath.Base(e.Path) + "”"
}

// Error returns the message to show the user.
func (e *FileError) Error() string {
	n := e.name()
	switch e.Kind {
	case Empty:
		return n + "是空的（0 字节）：请重新导出或下载该表格"
	case OldFormat:
		return n + "是旧版 Excel 97-2003 格式（.xls）或设置了打开密码，无法读取：请在 Excel 或 WPS 中打开，取消密码后“另存为” .xlsx 格式再导入"
	case NotWorkbook:
		return n + "不是 Excel 工作簿（.xlsx），可能是改了扩展名的其他文件：请在 Excel 或 WPS 中打开并“另存为” .xlsx 格式再导入"
	case Damaged:
		return n + "已损坏，无法作为 Excel 工作簿读取：请重新导出或下载该表格，或在 Excel 中打开修复后另存为 .xlsx"
	case NoTable:
		return n + "的第一个工作表是空的：附件表格应有表头行（可在其上方加一行标题）和数据行"
	case TooLarge:
		return n + "太大，不像是交办清单或附件表格（文件不超过" + mb(MaxFileSize) + "，解压后不超过" + mb(MaxUnpacked) + "）：请删除多余的工作表、图片后另存，或分批导入"
	case TooManyRows:
		return fmt.Sprintf("%s的工作表“%s”超过%d行：请分批导入，每批不超过%d行", n, e.Sheet, MaxRows, MaxRows)
	case NoHeader:
		return n + "中找不到表头行：表头应包含“编号”（或提案号、建议号、案号）和“案由”（或标题、题目）等列名，请检查表格或在导入时指定各列"
	}
	detail := ""
	if e.Err != nil {
		detail = "（" + e.Err.Error() + "）"
	}
	return n + "无法打开" + detail + "：请检查文件是否存在、是否正被其他程序占用"
}

// mb writes a size in megabytes: "100 MB".
func mb(n int64) string { return fmt.Sprintf("%d MB", n>>20) }

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }

// oleMagic starts an OLE compound file: a .xls, or an encrypted .xlsx.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// workbook is an open workbook with the bytes it was read from, which
// scanSheet reads again for what excelize cannot stream.
type workbook struct {
	*excelize.File
	path string
	zip  *zip.Reader
}

// open reads a workbook from its bytes, classifying failures. With raw,
// numbers are read unformatted (dates as serial numbers). The parts of
// the workbook are bounded (see MaxUnpacked) before excelize unpacks them.
func open(path string, data []byte, raw bool) (*workbook, error) {
	switch {
	case len(data) == 0:
		return nil, &FileError{Path: path, Kind: Empty}
	case bytes.HasPrefix(data, oleMagic):
		return nil, &FileError{Path: path, Kind: OldFormat}
	case !bytes.HasPrefix(data, []byte("PK")):
		return nil, &FileError{Path: path, Kind: NotWorkbook}
	case len(data) > MaxFileSize:
		return nil, &FileError{Path: path, Kind: TooLarge}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &FileError{Path: path, Kind: Damaged, Err: err}
	}
	if !withinLimits(zr) {
		return nil, &FileError{Path: path, Kind: TooLarge}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue: raw, UnzipSizeLimit: MaxUnpacked, UnzipXMLSizeLimit: maxInMemory})
	if err != nil {
		return nil, &FileError{Path: path, Kind: Damaged, Err: err}
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, &FileError{Path: path, Kind: Damaged, Err: errors.New("no sheets")}
	}
	return &workbook{File: f, path: path, zip: zr}, nil
}

// withinLimits reports whether the parts of a workbook unpack to at most
// MaxUnpacked together, and each part that is read into memory to at most
// maxPart. (The zip reader holds each part to the size its directory
// declares.)
func withinLimits(zr *zip.Reader) bool {
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		onDisk := strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml"
		if total > MaxUnpacked || !onDisk && f.UncompressedSize64 > maxPart {
			return false
		}
	}
	return true
}

// openFile reads the workbook at path.
func openFile(path string, raw bool) (*workbook, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, &FileError{Path: path, Kind: Unreadable, Err: err}
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, MaxFileSize+1))
	if err != nil {
		return nil, &FileError{Path: path, Kind: Unreadable, Err: err}
	}
	return open(path, data, raw)
}

// openReader reads a workbook from r.
func openReader(r io.Reader, raw bool) (*workbook, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &FileError{Kind: Unreadable, Err: err}
	}
	return open("", data, raw)
}

// writeFile writes a workbook to path atomically (see safefile.Write): on
// failure path is untouched and no temporary file stays.
func writeFile(path string, write func(io.Writer) error) error {
	return safefile.Write(path, write)
}
