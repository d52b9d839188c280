package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"replydesk/internal/reply"
	"replydesk/internal/sheet"
)

// The ledger commands at a bureau's scale, as a user waits for them: a
// 交办清单 of 20,000 rows imported into a new database, the 汇总表 of
// 10,000 items exported, and 20,000 items listed to a file (the list
// written as a terminal or a pipe takes it, not into memory).

// bigList writes a 交办清单 of n rows to a file in dir.
func bigList(tb testing.TB, dir string, n int) string {
	tb.Helper()
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{strconv.Itoa(i + 1), "关于进一步推进职业教育产教融合、校企合作的建议（第" + strconv.Itoa(i) + "件）",
			"董妍", "王远健、李明", "长春市教育局", "市财政局、市人社局", []string{"主办", "协办"}[i%2],
			"2026年6月" + strconv.Itoa(1+i%28) + "日", "刘丽", "13578951242"}
	}
	path := filepath.Join(dir, "清单"+strconv.Itoa(n)+".xlsx")
	header := []string{"提案号", "案由", "提案人", "联名人", "主办单位", "协办单位", "承办方式", "交办日期", "联系人", "联系电话"}
	if err := sheet.WriteTableFile(path, "市政协十四届二次会议提案交办清单", &reply.Table{Header: header, Rows: rows}); err != nil {
		tb.Fatal(err)
	}
	return path
}

// ledgerDB returns a database holding the items of a 交办清单 of n rows.
func ledgerDB(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	db := filepath.Join(dir, "台账.db")
	cli(b, "ledger", "import", bigList(b, dir, n), "--db", db)
	return db
}

// cli runs a command with its output to the null device and fails b
// unless it succeeds.
func cli(b *testing.B, args ...string) {
	b.Helper()
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer null.Close()
	var errb strings.Builder
	if code, err := run(args, null, &errb); code != 0 || err != nil {
		b.Fatalf("%s: %d %v %s", strings.Join(args, " "), code, err, errb.String())
	}
}

// BenchmarkLedgerImport20000 imports a 交办清单 of 20,000 rows into a new
// database: reading the workbook, checking it and writing the items.
func BenchmarkLedgerImport20000(b *testing.B) {
	b.Setenv("HOME", b.TempDir())
	path := bigList(b, b.TempDir(), 20000)
	n := 0
	cpu := cpuTime()
	for b.Loop() {
		n++
		cli(b, "ledger", "import", path, "--db", filepath.Join(b.TempDir(), strconv.Itoa(n)+".db"))
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkLedgerExport10000 exports the 汇总表 of 10,000 items.
func BenchmarkLedgerExport10000(b *testing.B) {
	b.Setenv("HOME", b.TempDir())
	db := ledgerDB(b, 10000)
	out := filepath.Join(b.TempDir(), "汇总表.xlsx")
	cpu := cpuTime()
	for b.Loop() {
		cli(b, "ledger", "export", out, "--db", db)
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkLedgerList20000 lists a ledger of 20,000 items.
func BenchmarkLedgerList20000(b *testing.B) {
	b.Setenv("HOME", b.TempDir())
	db := ledgerDB(b, 20000)
	cpu := cpuTime()
	for b.Loop() {
		cli(b, "ledger", "list", "--db", db)
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}
