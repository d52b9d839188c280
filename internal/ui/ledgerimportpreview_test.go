package ui

import (
	"strings"
	"testing"
)

// TestImportDialogSaysWhatItWillDo shows the deadline rule under the
// summary, what an update changes from what to what in its row, and the
// warnings by row and column.
func TestImportDialogSaysWhatItWillDo(t *testing.T) {
	w, l, _ := dialogWindow(t)
	rows := [][]string{
		{"244", "关于进一步推进职业教育产教融合、校企合作的建议", "董妍", "长春市教育局", "市财政局", "2023年6月1日"},
		{"245", "关于加强校园食品安全的建议", "", "长春市教育局", "", "2023-06-21"},
	}
	d, _ := openImport(t, w, l, workbook(t, importHeader, rows...))
	if d.p == nil {
		t.Fatal("the preview is not shown")
	}
	if s := d.summary.Text; !strings.HasSuffix(s, "\n表中没有“办理期限”列：办理期限按交办日期后3个月计算") {
		t.Errorf("summary %q", s)
	}
	want := "将更改：案由 关于加快推进我市产教融合发展的建议 → 关于进一步推进职业教育产教融合、校企合作的建议；协办单位 （空） → 市财政局"
	if row := tableText(d, 0); row[8] != want {
		t.Errorf("row of 244 says %q, want %q", row[8], want)
	}
	probs := problemTexts(d)
	for _, want := range []string{
		"提醒　第4行 F列（交办日期）：2023年6月21日晚于今天（2023年6月20日），请核对年份",
		"提醒　第4行 C列（提案人）为空：答复函无法称呼提出人，请补填",
	} {
		found := false
		for _, p := range probs {
			found = found || p == want
		}
		if !found {
			t.Errorf("no problem reads %q:\n%s", want, strings.Join(probs, "\n"))
		}
	}
}
