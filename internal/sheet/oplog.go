package sheet

import (
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// LogSheet is the name of the 汇总表's sheet of the 操作记录.
const LogSheet = "操作记录"

// LogRow is one change in the 操作记录 sheet.
type LogRow struct {
	Time   time.Time
	Who    string // e.g. "张三（zhangsan）"
	Item   string // e.g. "第244号提案"
	Action string // e.g. "修改"
	What   string // e.g. "办理状态 未办理 → 已答复"
}

// logColumns are the headers of the 操作记录 sheet and their widths.
var logColumns = []struct {
	head  string
	width float64
}{{"时间", 20}, {"经办人", 18}, {"条目", 16}, {"操作", 12}, {"内容", 70}}

// writeLog adds the sheet 操作记录: one row per change, oldest first,
// under a frozen, filtered header; the time a real date-time cell.
func writeLog(f *excelize.File, st *styles, rows []LogRow) error {
	if _, err := f.NewSheet(LogSheet); err != nil {
		return err
	}
	tfmt := "yyyy-mm-dd hh:mm:ss"
	timeStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: 11},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}, Border: thinBorder(), CustomNumFmt: &tfmt})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(LogSheet)
	if err != nil {
		return err
	}
	for c, col := range logColumns {
		if err := sw.SetColWidth(c+1, c+1, col.width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(logColumns))
	for c, col := range logColumns {
		head[c] = excelize.Cell{StyleID: st.header, Value: col.head}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	for i, r := range rows {
		cells := []any{
			excelize.Cell{StyleID: timeStyle, Value: r.Time.Local()},
			st.textCell(st.text, r.Who),
			st.textCell(st.text, r.Item),
			st.textCell(st.center, r.Action),
			st.textCell(st.wrap, r.What),
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.AutoFilter(LogSheet, "A1:E"+strconv.Itoa(max(len(rows)+1, 2)), nil)
}
