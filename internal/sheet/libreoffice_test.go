package sheet

import (
	"bytes"
	"encoding/csv"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// recalcProfile is a LibreOffice user profile that recalculates every
// formula of an .xlsx on loading, instead of trusting the cached values.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// TestLibreOffice opens the exported 汇总表 in LibreOffice after editing
// three cells of an item behind the cached figures' back: every sheet
// converts to CSV, the dates show as 2023年6月1日, formula-like text stays
// text, the 统计 formulas, recalculated, count the edit, and the workbook
// saved again by LibreOffice imports the same items. It takes about four
// seconds and is skipped with -short.
func TestLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversions take seconds; skipped with -short")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("LibreOffice (soffice) not found: install libreoffice-calc-nogui and libreoffice-writer-nogui (scripts/setup.sh)")
	}
	dir := t.TempDir()
	f, err := excelize.OpenReader(bytes.NewReader(export(t, ledgerItems())))
	if err != nil {
		t.Fatal(err)
	}
	// Item 249 (row 8): 未办理 → 已反馈, rated 满意, category A.
	for cell, v := range map[string]string{"N8": "已反馈", "U8": "满意", "R8": "A"} {
		f.SetCellValue(LedgerSheet, cell, v)
	}
	book := filepath.Join(dir, "ledger.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	profile := filepath.Join(dir, "profile")
	os.MkdirAll(filepath.Join(profile, "user"), 0o755)
	writeTestFile(t, filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile))
	out, err := exec.Command(soffice, "-env:UserInstallation="+(&url.URL{Scheme: "file", Path: profile}).String(),
		"--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
		"--outdir", dir, book).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	// A workbook saved again by LibreOffice imports the same items.
	resaved := filepath.Join(dir, "resaved")
	out, err = exec.Command(soffice, "-env:UserInstallation="+(&url.URL{Scheme: "file", Path: profile}).String(),
		"--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", resaved, book).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	// As in TestLedgerRoundTrip, only item A-12 (not a number, no assigned
	// date) is warned about.
	im, err := ReadLedgerFile(filepath.Join(resaved, "ledger.xlsx"), ImportOptions{Today: day(2023, 9, 2)})
	if err != nil || im.Errors() != 0 || len(im.Problems) != 2 || len(im.Items()) != 7 || im.Items()[6].Status != "已反馈" || im.Items()[0].Assigned != day(2023, 6, 1) {
		t.Errorf("re-saved workbook: %v, problems %q", err, messages(im))
	}
	ledgerRows := readCSV(t, filepath.Join(dir, "ledger-"+LedgerSheet+".csv"))
	if r := ledgerRows[1]; r[11] != "2023年6月1日" || r[14] != "2023年6月20日" {
		t.Errorf("dates as LibreOffice shows them: %q", r)
	}
	if r := ledgerRows[2]; r[4] != "=SUM(A1:A9)" {
		t.Errorf("formula-like title: %q", r[4])
	}
	figures := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(dir, "ledger-"+StatsSheet+".csv")) {
		if len(r) > 1 {
			figures[r[0]] = r[1]
		}
	}
	for label, want := range map[string]string{
		"总件数": "7", "提案": "4", "建议": "3", "A": "2", "B": "1", "未分类": "2",
		"未办理": "1", "已反馈": "4", "满意": "2", "不满意": "1", "未反馈": "3",
		"办复率（已答复、已反馈占总件数）": "71.4%", "满意率（满意、基本满意占已反馈）": "75.0%",
	} {
		if figures[label] != want {
			t.Errorf("%s = %q after recalculation, want %q", label, figures[label], want)
		}
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		entries, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.csv"))
		t.Fatalf("%v; converted: %s", err, strings.Join(entries, ", "))
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
