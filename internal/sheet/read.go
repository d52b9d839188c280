package sheet

import (
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// ImportOptions tune the reading of a 交办清单.
type ImportOptions struct {
	// Sheet is the sheet to read; "" = the first sheet with a header row.
	Sheet string
	// Mapping corrects the detected columns (see Mapping.Override); nil
	// keeps what was detected.
	Mapping Mapping
	// Defaults fill the kind, assembly, term, session and handling mode of
	// rows that have no value for them; zero fields are taken from the
	// title above the header ("市政协十四届二次会议提案交办清单") when it
	// names them.
	Defaults ledger.Item
	// DeadlineMonths gives the handling period of an item without a
	// deadline, from its assigned date; nil = ledger.DefaultDeadlineMonths.
	DeadlineMonths func(*ledger.Item) int
	// Categories are the valid category codes; a row with another code
	// gets a warning. nil = no check.
	Categories []string
	// Today is the date assigned dates are judged against (one in the
	// future, or more than two years back, gets a warning); zero = today.
	Today reply.Date
}

// Import is what a 交办清单 holds, read but not stored: the preview a user
// confirms.
type Import struct {
	Path      string   // the file read, "" for a stream
	Sheet     string   // the sheet read
	Sheets    []string // every sheet of the workbook
	Title     string   // the text above the header, e.g. "市政协十四届二次会议提案交办清单"
	HeaderRow int      // 1-based row of the header (its last row when it has two)
	Columns   []Column // every column, with the field read from it
	Detected  Mapping  // the columns found from the headers
	Mapping   Mapping  // the columns read: Detected with the user's corrections
	Defaults  ledger.Item
	Rows      []Row     // the data rows, in sheet order, blank rows left out
	Problems  []Problem // every problem, by row
	// DeadlineRule says how the deadlines the sheet does not give were
	// computed, e.g. "表中没有“办理期限”列：办理期限按交办日期后3个月计算";
	// "" when every row has its own.
	DeadlineRule string
}

// Row is one data row of the sheet.
type Row struct {
	Line   int               // 1-based row in the sheet
	Item   ledger.Item       // what the row says, normalized, defaults applied
	Filled []ledger.FieldKey // the fields the row has a value for
	Bad    bool              // the row has an error and cannot be imported
}

// Problem is something wrong with the sheet, a row or a cell.
type Problem struct {
	Row      int             // 1-based row; 0 = the sheet as a whole
	Column   string          // the header of the column as written in the file; "" = the whole row
	Field    ledger.FieldKey // the field concerned, if any
	Severity reply.Severity  // Error: the row (or the import) cannot go in; Warning: look at it
	Message  string          // in Chinese, starting with the row and column: 第5行“交办日期”列：…
}

// String returns the message with its severity: "错误：第5行…".
func (p Problem) String() string { return p.Severity.String() + "：" + p.Message }

// Errors counts the problems that block the import.
func (im *Import) Errors() int {
	n := 0
	for _, p := range im.Problems {
		if p.Severity == reply.Error {
			n++
		}
	}
	return n
}

// Items returns the items of the rows without errors.
func (im *Import) Items() []ledger.Item {
	var out []ledger.Item
	for _, r := range im.Rows {
		if !r.Bad {
			out = append(out, r.Item)
		}
	}
	return out
}

// ReadLedgerFile reads the 交办清单 at path. An error is returned only when
// the file cannot be read as a workbook, has no header or is beyond the
// limits (MaxFileSize, MaxUnpacked, MaxRows); everything else is a Problem
// of the Import. The rows are streamed: formatted rows without content
// under the list cost neither time nor memory.
func ReadLedgerFile(path string, opt ImportOptions) (*Import, error) {
	wb, err := openFile(path, true)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	return readLedger(wb, opt)
}

// ReadLedger reads a 交办清单 from r, like ReadLedgerFile.
func ReadLedger(r io.Reader, opt ImportOptions) (*Import, error) {
	wb, err := openReader(r, true)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	return readLedger(wb, opt)
}

func readLedger(wb *workbook, opt ImportOptions) (*Import, error) {
	im := &Import{Path: wb.path, Sheets: wb.GetSheetList()}
	sheets := im.Sheets
	if opt.Sheet != "" {
		if !slices.Contains(sheets, opt.Sheet) {
			return nil, &SheetError{Path: wb.path, Sheet: opt.Sheet, Sheets: sheets}
		}
		sheets = []string{opt.Sheet}
	}
	for _, name := range sheets {
		grid, _, err := readGrid(wb, name, hasHeader)
		if errors.Is(err, errNoHeader) {
			continue
		}
		if err != nil {
			return nil, err
		}
		h, ok := findHeader(grid)
		if !ok {
			continue
		}
		im.Sheet = name
		im.parse(grid, h, opt)
		return im, nil
	}
	return nil, &FileError{Path: wb.path, Kind: NoHeader}
}

// hasHeader reports whether the first rows of a sheet hold a header.
func hasHeader(top [][]string) bool {
	_, ok := findHeader(top)
	return ok
}

// SheetError names a sheet the workbook does not have.
type SheetError struct {
	Path   string
	Sheet  string
	Sheets []string
}

// Error returns the message to show the user.
func (e *SheetError) Error() string {
	return "工作簿中没有名为“" + e.Sheet + "”的工作表；现有工作表：" + strings.Join(e.Sheets, "、")
}

// errNoHeader stops reading a sheet whose first rows hold no header.
var errNoHeader = errors.New("no header")

// readGrid returns the cells of a sheet as text (numbers formatted or raw
// as the file was opened) up to its last row with content, with the value
// of each merged range copied into all its cells. It streams the rows and
// stops at the last row that holds a value; a sheet with more than MaxRows
// rows with content is refused. When header is not nil, it is asked about
// the first maxHeaderRow rows and a false answer ends the reading with
// errNoHeader. It also returns what scanSheet found in the sheet.
func readGrid(wb *workbook, sheet string, header func([][]string) bool) ([][]string, *sheetScan, error) {
	damaged := func(err error) error { return &FileError{Path: wb.path, Kind: Damaged, Err: err} }
	scan, err := scanSheet(wb.zip, sheet)
	if err != nil {
		return nil, nil, damaged(err)
	}
	rows, err := wb.Rows(sheet)
	if err != nil {
		return nil, nil, damaged(err)
	}
	defer rows.Close()
	var grid [][]string
	filled := 0
	for line := 1; line <= scan.lastRow && rows.Next(); line++ {
		cells, err := rows.Columns()
		if err != nil {
			return nil, nil, damaged(err)
		}
		if len(cells) > 0 {
			if filled++; filled > MaxRows {
				return nil, nil, &FileError{Path: wb.path, Sheet: sheet, Kind: TooManyRows}
			}
			grid = append(grid, make([][]string, line-1-len(grid))...)
			grid = append(grid, cells)
		}
		if line == maxHeaderRow && header != nil && !header(grid) {
			return nil, nil, errNoHeader
		}
	}
	if err := rows.Error(); err != nil {
		return nil, nil, damaged(err)
	}
	if header != nil && len(grid) < maxHeaderRow && !header(grid) {
		return nil, nil, errNoHeader
	}
	mergeInto(grid, scan.merges)
	return grid, &scan, nil
}

// mergeInto copies the value of each merged range into all its cells.
func mergeInto(grid [][]string, merged []string) {
	for _, m := range merged {
		from, to, ok := strings.Cut(m, ":")
		if !ok {
			continue
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil || r1 > len(grid) || c2 < c1 || r2 < r1 {
			continue
		}
		v := cell(grid, r1-1, c1-1)
		for r := r1 - 1; r < r2 && r < len(grid); r++ {
			if len(grid[r]) < c2 {
				grid[r] = append(grid[r], make([]string, c2-len(grid[r]))...)
			}
			for c := c1 - 1; c < c2; c++ {
				grid[r][c] = v
			}
		}
	}
}

// cell returns grid[r][c], or "" outside the grid.
func cell(grid [][]string, r, c int) string {
	if r < 0 || r >= len(grid) || c < 0 || c >= len(grid[r]) {
		return ""
	}
	return grid[r][c]
}

// header is a header found in a grid.
type header struct {
	row     int // 0-based row of the (last) header row
	first   int // 0-based first row of the header (row-1 for a two-row header)
	columns []Column
	mapping Mapping
}

// maxHeaderRow is how far down the header is looked for.
const maxHeaderRow = 30

// findHeader finds the header row: among the first rows, the one whose
// cells name the most distinct fields (at least two, one of them 编号 or
// 案由). A row under it that holds sub-headers (under a merged 承办单位 over
// 主办单位 and 协办单位) is joined to it.
func findHeader(grid [][]string) (header, bool) {
	best, bestScore := -1, 1
	for r := 0; r < len(grid) && r < maxHeaderRow; r++ {
		fields := rowFields(grid[r])
		if len(fields) > bestScore && (fields[ledger.FNumber] || fields[ledger.FTitle]) {
			best, bestScore = r, len(fields)
		}
	}
	if best < 0 {
		return header{}, false
	}
	h := header{row: best, first: best}
	if best+1 < len(grid) && isSubHeader(grid[best], grid[best+1]) {
		h.row = best + 1
	}
	h.columns, h.mapping = columnsOf(grid, h)
	return h, true
}

// rowFields returns the distinct fields a row's cells name.
func rowFields(row []string) map[ledger.FieldKey]bool {
	out := map[ledger.FieldKey]bool{}
	for _, c := range row {
		if k := MatchHeader(c); k != "" {
			out[k] = true
		}
	}
	return out
}

// isSubHeader reports whether next is a second header row under top: it
// names a field in a column where top names another one (or the same
// merged text), and it has no cell that looks like data under a 编号 or
// 案由 header.
func isSubHeader(top, next []string) bool {
	found := false
	for c, v := range next {
		k := MatchHeader(v)
		t := ""
		if c < len(top) {
			t = top[c]
		}
		tk := MatchHeader(t)
		if (tk == ledger.FNumber || tk == ledger.FTitle) && v != "" && v != t && k == "" {
			return false
		}
		if k != "" && v != t {
			found = true
		}
	}
	return found
}

// columnsOf names the columns of a header: the sub-header's field where it
// names one, else the top header's. A field named twice is read from its
// first column.
func columnsOf(grid [][]string, h header) ([]Column, Mapping) {
	width := 0
	for r := h.first; r <= h.row; r++ {
		width = max(width, len(grid[r]))
	}
	cols := make([]Column, width)
	m := Mapping{}
	for c := range cols {
		top, sub := strings.TrimSpace(cell(grid, h.first, c)), strings.TrimSpace(cell(grid, h.row, c))
		text, k := top, MatchHeader(top)
		if h.row != h.first {
			if sk := MatchHeader(sub); sk != "" || k == "" {
				k = sk
			}
			if sub != "" {
				text = sub
			}
		}
		cols[c] = Column{Index: c, Letter: letter(c), Header: text}
		if _, taken := m[k]; k != "" && k != seqKey && !taken {
			m[k] = c
		}
	}
	return cols, m
}
