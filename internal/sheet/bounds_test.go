package sheet

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// emptyRows is how many formatted but empty rows emptyRowsList puts under
// its data: about what a sheet whose rows were all given borders holds.
const emptyRows = 1_000_000

// writeList writes a 交办清单 to a new file in dir: a title row, the
// header, n data rows and then blank formatted rows (a row style and
// bordered empty cells under the header's columns), streamed so that the
// test itself stays small.
func writeList(tb testing.TB, dir string, n, blank int) string {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	border, _ := f.NewStyle(&excelize.Style{Border: thinBorder()})
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14, Border: thinBorder()})
	sw.SetRow("A1", []any{"市政协十四届二次会议提案交办清单"})
	heads := []any{"序号", "提案号", "案由", "提案人", "联名人", "界别", "主办单位", "协办单位", "交办日期", "联系人", "联系电话", "备注"}
	sw.SetRow("A2", heads)
	for i := 0; i < n; i++ {
		var assigned any = excelize.Cell{StyleID: dateStyle, Value: 45078 + i%30}
		if i%2 == 1 {
			assigned = "2023年6月" + strconv.Itoa(1+i%28) + "日"
		}
		sw.SetRow("A"+strconv.Itoa(i+3), []any{i + 1, strconv.Itoa(i + 1),
			"关于进一步推进职业教育产教融合、校企合作的建议（第" + strconv.Itoa(i) + "件）", "董妍", "王远健、李明",
			"教育界", "长春市教育局", "市财政局、市人社局", assigned, "刘丽", "13578951242", "无"})
	}
	empty := make([]any, 4)
	for c := range empty {
		empty[c] = excelize.Cell{StyleID: border}
	}
	for i := 0; i < blank; i++ {
		if err := sw.SetRow("A"+strconv.Itoa(n+3+i), empty, excelize.RowOpts{StyleID: border}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("list-%d-%d.xlsx", n, blank))
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkImport20000 reads a 交办清单 of 20,000 rows from a file into a
// preview.
func BenchmarkImport20000(b *testing.B) {
	path := writeList(b, b.TempDir(), 20000, 0)
	for b.Loop() {
		im, err := ReadLedgerFile(path, ImportOptions{})
		if err != nil || len(im.Items()) != 20000 || im.Errors() != 0 {
			b.Fatal(err, len(im.Items()), im.Problems)
		}
	}
}

// BenchmarkImportEmptyRows reads a 交办清单 of 3 rows above a million
// formatted empty rows.
func BenchmarkImportEmptyRows(b *testing.B) {
	path := writeList(b, b.TempDir(), 3, emptyRows)
	for b.Loop() {
		im, err := ReadLedgerFile(path, ImportOptions{})
		if err != nil || len(im.Items()) != 3 {
			b.Fatal(err, im)
		}
	}
}

// childEnv names the workbook the test binary, run as a child by
// TestImportBounds, imports before reporting its peak memory.
const childEnv = "REPLYDESK_SHEET_IMPORT_CHILD"

// TestImportBounds imports, each in a fresh process, a list of 20,000
// rows and a list of 3 rows above a million formatted empty rows, and
// checks the peak resident memory (VmHWM) of the process: at most 200 MB
// and 300 MB. The time each took is logged; BenchmarkImport20000 and
// BenchmarkImportEmptyRows measure it.
func TestImportBounds(t *testing.T) {
	if path := os.Getenv(childEnv); path != "" {
		importChild(path)
		return
	}
	if testing.Short() {
		t.Skip("generates a workbook of a million rows")
	}
	if runtime.GOOS != "linux" {
		t.Skip("reads peak memory from Linux's /proc/self/status")
	}
	dir := t.TempDir()
	for _, c := range []struct {
		name        string
		rows, blank int
		items       int
		maxMB       int
	}{
		{"20000 rows", 20000, 0, 20000, 200},
		{"a million empty rows", 3, emptyRows, 3, 300},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeList(t, dir, c.rows, c.blank)
			cmd := exec.Command(os.Args[0], "-test.run=^TestImportBounds$")
			cmd.Env = append(os.Environ(), childEnv+"="+path)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			var items, kb, ms int
			for sc := bufio.NewScanner(bytes.NewReader(out)); sc.Scan(); {
				if rest, ok := strings.CutPrefix(sc.Text(), "import: "); ok {
					fmt.Sscanf(rest, "%d items %d kB %d ms", &items, &kb, &ms)
				}
			}
			t.Logf("%s: %d items in %d ms, peak RSS %d MB", c.name, items, ms, kb/1024)
			if items != c.items {
				t.Errorf("%d items imported, want %d\n%s", items, c.items, out)
			}
			if kb == 0 || kb > c.maxMB*1024 {
				t.Errorf("peak RSS %d kB, want at most %d MB\n%s", kb, c.maxMB, out)
			}
		})
	}
}

// importChild imports the workbook at path and prints the number of
// items, the peak resident memory and the time taken.
func importChild(path string) {
	start := time.Now()
	im, err := ReadLedgerFile(path, ImportOptions{})
	took := time.Since(start)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	status, _ := os.ReadFile("/proc/self/status")
	kb := 0
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
		}
	}
	fmt.Printf("import: %d items %d kB %d ms\n", len(im.Items()), kb, took.Milliseconds())
}

// TestRowLimit refuses a list (or an attachment table) of more than
// MaxRows rows with a message that says what to do, and reads a short
// one above more than MaxRows formatted empty rows: they are not data.
func TestRowLimit(t *testing.T) {
	dir := t.TempDir()
	long := filepath.Join(dir, "long.xlsx")
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"编号", "案由"})
	for i := 1; i <= MaxRows; i++ {
		sw.SetRow("A"+strconv.Itoa(i+1), []any{i, "关于"})
	}
	sw.Flush()
	if err := f.SaveAs(long); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err := ReadLedgerFile(long, ImportOptions{})
	var fe *FileError
	want := fmt.Sprintf("文件“%s”的工作表“Sheet1”超过50000行：请分批导入，每批不超过50000行", filepath.Base(long))
	if !errors.As(err, &fe) || fe.Kind != TooManyRows || err.Error() != want {
		t.Errorf("%d rows: %v, want %q", MaxRows+1, err, want)
	}
	short := writeList(t, dir, 3, MaxRows+10)
	im, err := ReadLedgerFile(short, ImportOptions{Today: day(2023, 9, 1)})
	if err != nil || len(im.Items()) != 3 || len(im.Problems) != 0 {
		t.Fatalf("3 rows above %d empty ones: %v, problems %q", MaxRows+10, err, messages(im))
	}
	// Attachment tables are read the same way.
	if _, _, err := ReadTableFile(long); !errors.As(err, &fe) || fe.Kind != TooManyRows {
		t.Errorf("table of %d rows: %v", MaxRows+1, err)
	}
	if title, tbl, err := ReadTableFile(short); err != nil || title != "市政协十四届二次会议提案交办清单" || len(tbl.Rows) != 3 || len(tbl.Widths) != 12 {
		t.Errorf("table of 3 rows above %d empty ones: %v, %q, %+v", MaxRows+10, err, title, tbl)
	}
}

// TestUnpackedLimits refuses a workbook whose parts unpack to more than
// the limits (a zip bomb) before unpacking them.
func TestUnpackedLimits(t *testing.T) {
	good := book(t, [][]any{{"编号", "案由"}, {"1", "甲"}}, nil)
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, _ := zw.Create("xl/media/image1.png")
	zeros := make([]byte, 1<<20)
	for range maxPart>>20 + 1 {
		w.Write(zeros)
	}
	zw.Close()
	t.Logf("%d KB unpacking to %d MB", bomb.Len()>>10, maxPart>>20+1)
	_, err = ReadLedger(bytes.NewReader(bomb.Bytes()), ImportOptions{})
	var fe *FileError
	if !errors.As(err, &fe) || fe.Kind != TooLarge || !strings.HasPrefix(err.Error(), "所选文件太大，不像是交办清单或附件表格（文件不超过100 MB，解压后不超过1024 MB）") {
		t.Errorf("zip bomb: %v", err)
	}
	if _, _, err := ReadTable(bytes.NewReader(bomb.Bytes())); !errors.As(err, &fe) || fe.Kind != TooLarge {
		t.Errorf("zip bomb as a table: %v", err)
	}
}

// TestScanner checks what scanSheet reads from a worksheet of a few
// megabytes (so that tags straddle the scanner's chunks) with prefixed
// names, comments and CDATA that hold tags, rows without numbers, values
// only in some rows and formulas after the sheet data.
func TestScanner(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	b.WriteString(`<x:sheetData>`)
	want := sheetScan{}
	for r := 1; r <= 40000; r++ {
		switch {
		case r%1000 == 0:
			b.WriteString(`<!-- <x:row r="999999"><x:c><x:v>1</x:v></x:c></x:row> -->`)
		case r%777 == 0:
			b.WriteString(`<x:row><x:c r="A` + strconv.Itoa(r) + `" t="inlineStr"><x:is><x:t><![CDATA[<v>1</v>]]></x:t></x:is></x:c></x:row>`)
			want.lastRow = r
			continue
		}
		fmt.Fprintf(&b, `<x:row r="%d" spans="1:4" s="2" customFormat="1">`, r)
		if r%3 == 0 && r < 35000 {
			fmt.Fprintf(&b, `<x:c r="B%d" s="2"><x:v>%d</x:v></x:c>`, r, r)
			want.lastRow = r
		} else {
			fmt.Fprintf(&b, `<x:c r="B%d" s="2"/>`, r)
		}
		b.WriteString(`</x:row>`)
	}
	b.WriteString(`</x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A1:C1"/><x:mergeCell  ref = 'B3:B9' /></x:mergeCells>`)
	b.WriteString(`<x:extLst><x:ext><x14:dataValidations xmlns:x14="x"><x14:dataValidation><xm:f xmlns:xm="m">A1</xm:f></x14:dataValidation></x14:dataValidations></x:ext></x:extLst></x:worksheet>`)
	want.merges = []string{"A1:C1", "B3:B9"}
	doc := b.String()
	if err := xml.Unmarshal([]byte(doc), new(any)); err != nil {
		t.Fatalf("test XML is not well-formed: %v", err)
	}
	var s scanner
	if err := s.scan(strings.NewReader(doc)); err != nil {
		t.Fatal(err)
	}
	if s.out.lastRow != want.lastRow || !slices.Equal(s.out.merges, want.merges) {
		t.Errorf("scan of %d KB: last row %d, merges %q; want %d, %q", len(doc)>>10, s.out.lastRow, s.out.merges, want.lastRow, want.merges)
	}
}
