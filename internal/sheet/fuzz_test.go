package sheet

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// allColumns maps every field to its column in the 汇总表 layout.
func allColumns() Mapping {
	m := Mapping{}
	for i, f := range ledger.Fields {
		m[f.Key] = i + 1
	}
	return m
}

// FuzzParseCells feeds a row of any cells (tab-separated) to the row
// parser: it never panics, every cell it cannot read is reported with a
// message quoting it, and what it reads survives writing and reading again.
func FuzzParseCells(f *testing.F) {
	f.Add("1\t提案\t市政协十四届二次会议\t244\t关于\t董妍等7人\t\t\t市教育局\t\t主办\t45078\t2023.9.1\t已办结\t\t\t\tB类\t同意公开\t√\t比较满意\t刘丽\t1.3578951242E10\t备注")
	f.Add("\t\t十四届\t第0244号\t=SUM(A1)\t\t\t\t\t\t\t2023年13月1日\t99999\t搁置\t20230230")
	f.Add("x\ty\tz")
	f.Fuzz(func(t *testing.T, row string) {
		if !utf8.ValidString(row) {
			return
		}
		cells := strings.Split(row, "\t")
		it, filled, errs := parseCells(cells, allColumns())
		for _, e := range errs {
			c := strings.TrimSpace(cells[col(e.field)])
			if !strings.Contains(e.err.Error(), "“") || !strings.Contains(e.err.Error(), numberText(c)) {
				t.Fatalf("%s: error does not quote %q: %v", e.field, c, e.err)
			}
		}
		if len(filled)+len(errs) > len(ledger.Fields) {
			t.Fatalf("%d filled and %d errors for %d fields", len(filled), len(errs), len(ledger.Fields))
		}
		again := make([]string, len(ledger.Fields)+1)
		for _, k := range filled {
			fd, _ := ledger.FieldOf(k)
			again[col(k)] = fd.Get(&it)
		}
		back, _, errs2 := parseCells(again, allColumns())
		if len(errs2) > 0 {
			t.Fatalf("written cells do not read back: %v (%q)", errs2[0].err, again)
		}
		for _, k := range filled {
			fd, _ := ledger.FieldOf(k)
			if fd.Get(&back) != fd.Get(&it) {
				t.Fatalf("%s: %q → %q", k, fd.Get(&it), fd.Get(&back))
			}
		}
	})
}

// FuzzSetDate feeds any cell to the date reader: a date it accepts is
// valid and within the years Excel serials cover; an error quotes the cell.
func FuzzSetDate(f *testing.F) {
	for _, s := range []string{"45078", "45078.75", "2023年6月1日", "20230601", "1", "2958466", "1e5", "-45078", "2023.6.31",
		"二〇二三年六月一日", "二○二三年九月卅日"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var it ledger.Item
		err := setDate(&it, ledger.FAssigned, s)
		if err != nil {
			quoted := "“" + s + "”"
			if len(s) > 200 { // reply.ParseDate quotes a long text by its first 20 characters
				n, end := 0, len(s)
				for i := range s {
					if n == 20 {
						end = i
						break
					}
					n++
				}
				quoted = "“" + s[:end] + "…”"
			}
			if !strings.Contains(err.Error(), quoted) {
				t.Fatalf("error does not quote %q: %v", s, err)
			}
			return
		}
		if d := it.Assigned; !d.IsZero() && !d.Valid() {
			t.Fatalf("%q read as invalid %v", s, d)
		}
	})
}

// assignmentList builds a 交办清单 of n rows: a title row, the header and
// rows with text and serial dates, as an office would send it.
func assignmentList(b *testing.B, n int) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"市政协十四届二次会议提案交办清单"})
	sw.SetRow("A2", []any{"序号", "提案号", "案由", "提案人", "联名人", "界别", "主办单位", "协办单位", "交办日期", "联系人", "联系电话", "备注"})
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	for i := 0; i < n; i++ {
		var assigned any = excelize.Cell{StyleID: dateStyle, Value: 45078 + i%30}
		if i%2 == 1 {
			assigned = "2023年6月" + strconv.Itoa(1+i%28) + "日"
		}
		sw.SetRow("A"+strconv.Itoa(i+3), []any{i + 1, strconv.Itoa(i + 1),
			"关于进一步推进职业教育产教融合、校企合作的建议（第" + strconv.Itoa(i) + "件）", "董妍", "王远健、李明",
			"教育界", "长春市教育局", "市财政局、市人社局", assigned, "刘丽", "13578951242", "无"})
	}
	sw.Flush()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkImport5000 reads a 交办清单 of 5,000 rows into a preview.
func BenchmarkImport5000(b *testing.B) {
	data := assignmentList(b, 5000)
	b.ReportMetric(float64(len(data))/1024, "KB")
	for b.Loop() {
		im, err := ReadLedger(bytes.NewReader(data), ImportOptions{})
		if err != nil || len(im.Items()) != 5000 || im.Errors() != 0 {
			b.Fatal(err, len(im.Items()), im.Problems)
		}
	}
}

// manyItems returns n ledger items like the round-trip ones.
func manyItems(n int) []ledger.Item {
	base := ledgerItems()
	out := make([]ledger.Item, n)
	for i := range out {
		out[i] = base[i%len(base)].Clone()
		out[i].Number = strconv.Itoa(i + 1)
		out[i].Assigned = reply.Date{Year: 2023, Month: 1 + i%12, Day: 1 + i%28}
	}
	return out
}

// BenchmarkExport10000 writes the 汇总表 of 10,000 items with its 统计
// sheet and chart.
func BenchmarkExport10000(b *testing.B) {
	items := manyItems(10000)
	opt := ExportOptions{Categories: []string{"A", "B", "C", "D"}, Today: reply.Date{Year: 2023, Month: 9, Day: 2}}
	for b.Loop() {
		if err := WriteLedger(io.Discard, items, opt); err != nil {
			b.Fatal(err)
		}
	}
}

func TestNumberText(t *testing.T) {
	for in, want := range map[string]string{
		"1.3578951242E10": "13578951242", "1.3578951242E+10": "13578951242", "244": "244", "12.0": "12.0",
		"0E0": "0E0", "1.5E3": "1.5E3", "1.23456789012E11": "123456789012", "1.5E+20": "1.5E+20", "1.35789512425E10": "1.35789512425E10",
	} {
		if got := numberText(in); got != want {
			t.Errorf("numberText(%q) = %q, want %q", in, got, want)
		}
	}
}
