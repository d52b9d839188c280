package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLedgerDryRunSays checks that the dry run states the deadline rule,
// lists what each update changes, and prints the warnings by row and
// column.
func TestLedgerDryRunSays(t *testing.T) {
	db := filepath.Join(t.TempDir(), "test.db")
	header := []string{"编号", "案由", "提案人", "承办方式", "办理状态", "交办日期"}
	first := list(t, header, []string{"244", "关于甲的建议", "董妍", "主办", "未办理", "2023年6月1日"})
	if code, out, err := runCLI(t, "ledger", "import", first, "--db", db); code != 0 || err != nil {
		t.Fatalf("import: %d %v\n%s", code, err, out)
	}
	second := list(t, header,
		[]string{"244", "关于甲的建议", "董妍", "协办", "办理中", "2023年6月1日"},
		[]string{"A-7", "关于乙的建议", "", "", "", "2023年6月2日"})
	code, out, err := runCLI(t, "ledger", "import", second, "--dry-run", "--db", db)
	if code != 0 || err != nil {
		t.Fatalf("dry run: %d %v\n%s", code, err, out)
	}
	for _, want := range []string{
		"表中没有“办理期限”列：办理期限按交办日期后",
		"将更新：\n  第3行 第244号提案：承办方式 主办 → 协办；办理状态 未办理 → 办理中\n",
		"警告：第4行“编号”列：“A-7”不是纯数字编号",
		"警告：第4行“提案人”列为空：答复函无法称呼提出人，请补填",
		"试运行（--dry-run），未写入数据库",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
}
