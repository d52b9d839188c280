package sheet

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// parse reads the rows under header h into im.
func (im *Import) parse(grid [][]string, h header, opt ImportOptions) {
	im.HeaderRow = h.row + 1
	im.Columns, im.Detected = h.columns, h.mapping
	im.Mapping = im.Detected
	if opt.Mapping != nil {
		im.Mapping = im.Detected.Override(opt.Mapping)
	}
	for i := range im.Columns {
		im.Columns[i].Field = im.Mapping.Field(i)
	}
	im.Title = titleAbove(grid, h.first)
	im.Defaults = defaultsFrom(im.Title, opt.Defaults)
	im.checkColumns(opt.Mapping)

	if opt.Today.IsZero() {
		opt.Today = ledger.Today()
	}
	seen := map[ledger.Key]int{}   // key → line of its first row
	months := map[reply.Kind]int{} // the handling period applied, by kind of reply
	for r := h.row + 1; r < len(grid); r++ {
		if row, ok := im.parseRow(grid[r], r+1, opt, months); ok {
			im.checkDuplicate(&row, seen)
			im.Rows = append(im.Rows, row)
		}
	}
	if len(im.Rows) == 0 && im.Errors() == 0 {
		im.add(0, "", "", reply.Error, fmt.Sprintf("第%d行表头下面没有数据：请检查是否选对了工作表", im.HeaderRow))
	}
	im.checkKinds()
	im.checkMissing()
	im.DeadlineRule = im.deadlineRule(months)
}

// checkKinds warns once about the rows whose kind (提案 or 建议) is unknown.
func (im *Import) checkKinds() {
	var lines []string
	for _, r := range im.Rows {
		if r.Item.Kind == "" && !r.Bad {
			lines = append(lines, strconv.Itoa(r.Line))
		}
	}
	if len(lines) == 0 {
		return
	}
	at := strings.Join(lines[:min(5, len(lines))], "、") + "行"
	if len(lines) > 5 {
		at = strings.TrimSuffix(at, "行") + fmt.Sprintf("等%d行", len(lines))
	}
	im.add(0, "", ledger.FKind, reply.Warning, fmt.Sprintf("第%s无法确定是提案还是建议：请在表中加“类型”列或“届次会议”列，或在导入时指定类型", at))
}

// add records a problem.
func (im *Import) add(row int, column string, field ledger.FieldKey, sev reply.Severity, msg string) {
	im.Problems = append(im.Problems, Problem{Row: row, Column: column, Field: field, Severity: sev, Message: msg})
}

// header returns the header of the column a field is read from.
func (im *Import) header(k ledger.FieldKey) string {
	if c, ok := im.Mapping[k]; ok && c < len(im.Columns) && im.Columns[c].Header != "" {
		return im.Columns[c].Header
	}
	return FieldLabel(k)
}

// checkColumns reports required columns that are missing, columns whose
// field another column already gives (unless the user chose), and a
// missing meeting.
func (im *Import) checkColumns(chosen Mapping) {
	for _, f := range ledger.Fields {
		if _, ok := im.Mapping[f.Key]; f.Required && !ok {
			im.add(0, "", f.Key, reply.Error, fmt.Sprintf("第%d行表头中找不到必需的“%s”列（也可叫%s）：请在表头中补上该列，或在导入时指定哪一列是“%s”",
				im.HeaderRow, f.Label, strings.Join(synonyms[f.Key][1:4], "、"), f.Label))
		}
	}
	for _, c := range im.Columns {
		k := MatchHeader(c.Header)
		used, mapped := im.Mapping[k]
		if _, userChose := chosen[k]; c.Field == "" && k != "" && mapped && used != c.Index && !userChose {
			im.add(0, c.Header, k, reply.Warning, fmt.Sprintf("%s列“%s”与%s列“%s”都是“%s”，只导入%s列：如需改用%s列，请在导入时指定",
				c.Letter, c.Header, letter(used), im.Columns[used].Header, FieldLabel(k), letter(used), c.Letter))
		}
	}
	if _, ok := im.Mapping[ledger.FMeeting]; !ok && im.Defaults.Term == 0 {
		im.add(0, "", ledger.FMeeting, reply.Warning, "表中没有“届次会议”列，标题中也没有写明届次（如“市政协十四届二次会议”）：不同届次的同号件会被当作同一件，请在导入时指定届次")
	}
}

// parseRow reads one row; ok is false for a blank row or a row without
// number and title (a total or a signature line), which is skipped. The
// handling period applied to a row without a deadline is noted in months.
func (im *Import) parseRow(cells []string, line int, opt ImportOptions, months map[reply.Kind]int) (Row, bool) {
	if blank(cells) {
		return Row{}, false
	}
	row := Row{Line: line}
	it, filled, errs := parseCells(cells, im.Mapping)
	row.Item, row.Filled = it, filled
	if !slices.Contains(filled, ledger.FNumber) && !slices.Contains(filled, ledger.FTitle) {
		im.add(line, "", "", reply.Warning, fmt.Sprintf("第%d行没有编号和案由（“%s”），已跳过", line, clip(strings.Join(nonBlank(cells), " "), 20)))
		return Row{}, false
	}
	for _, e := range errs {
		im.cellError(&row, e.field, e.err.Error())
	}
	for _, k := range []ledger.FieldKey{ledger.FNumber, ledger.FTitle} {
		if _, mapped := im.Mapping[k]; mapped && !slices.Contains(filled, k) {
			im.cellError(&row, k, "为空：请填写"+FieldLabel(k))
		}
	}
	im.complete(&row, opt, months)
	if !row.Bad {
		im.checkRow(&row, opt.Today)
	}
	return row, true
}

// cellError records an error of the row's cell of field k: "第5行“交办日期”列：…".
func (im *Import) cellError(row *Row, k ledger.FieldKey, msg string) {
	row.Bad = true
	sep := "："
	if strings.HasPrefix(msg, "为空") {
		sep = ""
	}
	im.add(row.Line, im.header(k), k, reply.Error, fmt.Sprintf("第%d行“%s”列%s%s", row.Line, im.header(k), sep, msg))
}

// warn records a warning about the row's cell of field k.
func (im *Import) warn(row *Row, k ledger.FieldKey, msg string) {
	sep := "："
	if strings.HasPrefix(msg, "为空") {
		sep = ""
	}
	im.add(row.Line, im.header(k), k, reply.Warning, fmt.Sprintf("第%d行“%s”列%s%s", row.Line, im.header(k), sep, msg))
}

// complete applies the defaults, normalizes the item, fills its deadline
// (noting the months applied) and warns about doubtful values.
func (im *Import) complete(row *Row, opt ImportOptions, applied map[reply.Kind]int) {
	it := &row.Item
	d := im.Defaults
	if !slices.Contains(row.Filled, ledger.FMeeting) {
		it.Assembly, it.Term, it.Session = d.Assembly, d.Term, d.Session
	} else if it.Assembly == "" {
		it.Assembly = d.Assembly
	}
	if it.Kind == "" {
		it.Kind = d.Kind
	}
	if it.Mode == "" {
		it.Mode = d.Mode
	}
	it.Normalize()
	months := ledger.DefaultDeadlineMonths
	if opt.DeadlineMonths != nil {
		if m := opt.DeadlineMonths(it); m > 0 {
			months = m
		}
	}
	if !slices.Contains(row.Filled, ledger.FDeadline) {
		applied[it.ReplyKind()] = months
	}
	it.FillDeadline(months)
	if it.Phone != "" && !reply.ValidPhone(it.Phone) {
		im.warn(row, ledger.FPhone, fmt.Sprintf("“%s”应为11位手机号或带区号的固定电话，请核对", it.Phone))
	}
	if it.Category != "" && opt.Categories != nil && !slices.Contains(opt.Categories, it.Category) {
		im.warn(row, ledger.FCategory, fmt.Sprintf("“%s”不在答复类别（%s）之中，请核对", it.Category, strings.Join(opt.Categories, "、")))
	}
	if !it.Deadline.IsZero() && !it.Assigned.IsZero() && it.Deadline.Compare(it.Assigned) < 0 {
		im.warn(row, ledger.FDeadline, fmt.Sprintf("办理期限%s早于交办日期%s，请核对", it.Deadline, it.Assigned))
	}
}

// checkDuplicate reports a row whose item is already in an earlier row.
func (im *Import) checkDuplicate(row *Row, seen map[ledger.Key]int) {
	if row.Item.Number == "" {
		return
	}
	k := row.Item.Key()
	if first, dup := seen[k]; dup {
		im.cellError(row, ledger.FNumber, fmt.Sprintf("编号“%s”与第%d行重复：同一届次会议的编号不能重复，请核对后删除或改正其中一行",
			row.Item.Number, first))
		return
	}
	seen[k] = row.Line
}

// cellErr is a cell that could not be read.
type cellErr struct {
	field ledger.FieldKey
	err   error
}

// parseCells reads the cells of a row by the mapping. It returns the item
// (not yet normalized), the fields that had a value, and the cells that
// could not be read.
func parseCells(cells []string, m Mapping) (ledger.Item, []ledger.FieldKey, []cellErr) {
	var it ledger.Item
	var filled []ledger.FieldKey
	var errs []cellErr
	for _, f := range ledger.Fields {
		col, ok := m[f.Key]
		if !ok || col < 0 || col >= len(cells) {
			continue
		}
		v := strings.TrimSpace(cells[col])
		if v == "" || v == ledger.Unfilled && (f.Type == ledger.Choice || f.Type == ledger.Bool) {
			continue // a blank cell, or the 汇总表's word for one
		}
		var err error
		if f.Type == ledger.Date {
			err = setDate(&it, f.Key, v)
		} else {
			err = f.Set(&it, numberText(v))
		}
		if err != nil {
			errs = append(errs, cellErr{f.Key, err})
			continue
		}
		filled = append(filled, f.Key)
	}
	return it, filled, errs
}

// sciNumber is a number in the scientific notation a spreadsheet may use
// to store a long number cell, e.g. "1.3578951242E+10".
var sciNumber = regexp.MustCompile(`^\d\.\d+[eE]\+?\d{2}$`)

// numberText writes a long number stored in scientific notation as people
// read it: "1.3578951242E10" → "13578951242" (a phone number typed into a
// number cell). Other text is returned as it is.
func numberText(v string) string {
	if !sciNumber.MatchString(v) {
		return v
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f != math.Trunc(f) || f < 1e10 || f >= 1e15 {
		return v
	}
	return strconv.FormatInt(int64(f), 10)
}

// Excel serial numbers of plausible dates: 1950-01-01 to 2099-12-31.
const minSerial, maxSerial = 18264, 73415

// setDate reads a date cell: an Excel serial number (a date-formatted
// cell, read raw), or text in any of the forms ledger.ParseDate knows.
func setDate(it *ledger.Item, k ledger.FieldKey, v string) error {
	if f, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "eE") {
		if len(v) == 8 && f == math.Trunc(f) {
			d, err := ledger.ParseDate(v) // 20230601
			*it.DateOf(k) = d
			return err
		}
		if f < minSerial || f > maxSerial {
			return fmt.Errorf("“%s”不是有效日期，应写作 2023年6月1日 或 2023-06-01，或设为 Excel 日期格式", v)
		}
		t, err := excelize.ExcelDateToTime(math.Floor(f), false)
		if err != nil {
			return fmt.Errorf("“%s”不是有效日期", v)
		}
		*it.DateOf(k) = reply.DateOf(t.UTC().Add(time.Hour))
		return nil
	}
	d, err := ledger.ParseDate(v)
	if err != nil {
		return err
	}
	*it.DateOf(k) = d
	return nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func nonBlank(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// clip shortens s to n runes, marking a cut with "…".
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// titleAbove returns the distinct texts of the rows above the header.
func titleAbove(grid [][]string, first int) string {
	var parts []string
	for r := 0; r < first && r < len(grid); r++ {
		for _, c := range grid[r] {
			if c = strings.TrimSpace(c); c != "" && !slices.Contains(parts, c) {
				parts = append(parts, c)
			}
		}
	}
	return strings.Join(parts, " ")
}

var titleMeeting = regexp.MustCompile(`(?:[^\s\d年度（()）:：,，、]{1,10}?(?:政协|人大))?第?[零〇一二两三四五六七八九十\d]+届(?:人民代表大会|人大|政协)?(?:委员会)?(?:常委会)?第?[零〇一二两三四五六七八九十\d]+次(?:会议|全体会议|大会)?`)

// defaultsFrom completes the defaults with what the title names: the
// meeting ("市政协十四届二次会议") and the kind ("提案", "建议").
func defaultsFrom(title string, d ledger.Item) ledger.Item {
	if m := titleMeeting.FindString(title); m != "" && d.Term == 0 {
		if a, term, session, ok := ledger.ParseMeeting(m); ok {
			if d.Assembly == "" {
				d.Assembly = a
			}
			d.Term, d.Session = term, session
		}
	}
	if d.Kind == "" {
		d.Kind = ledger.KindOfAssembly(d.Assembly)
	}
	if d.Kind == "" {
		switch {
		case strings.Contains(title, "提案"):
			d.Kind = reply.Proposal
		case strings.Contains(title, "建议"):
			d.Kind = reply.Suggestion
		}
	}
	return d
}
