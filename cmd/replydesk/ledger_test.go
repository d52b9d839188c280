package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/sheet"
	"replydesk/internal/store"
	"replydesk/internal/tomlfile"
)

// list writes a 交办清单 whose title names the meeting.
func list(t *testing.T, header []string, rows ...[]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "清单.xlsx")
	if err := sheet.WriteTableFile(path, "市政协十四届二次会议提案交办清单", &reply.Table{Header: header, Rows: rows}); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLedgerImportExportList(t *testing.T) { backends(t, testLedgerImportExportList) }

func testLedgerImportExportList(t *testing.T, db string) {
	path := list(t, []string{"编号", "标题", "提案人", "交办日期"},
		[]string{"244", "关于进一步推进职业教育产教融合、校企合作的建议", "董妍", "2023年6月1日"},
		[]string{"245", "关于加强校园食品安全的建议", "李明", "2023-06-02"})

	code, out, err := runCLI(t, "ledger", "import", path, "--dry-run", "--db", db)
	if code != 0 || err != nil || !strings.Contains(out, "新增2件") || !strings.Contains(out, "B列 标题 → 案由") ||
		!strings.Contains(out, "试运行（--dry-run），未写入数据库") {
		t.Fatalf("dry run: %d %v\n%s", code, err, out)
	}
	if _, out, _ := runCLI(t, "ledger", "list", "--db", db); !strings.Contains(out, "共0件") {
		t.Fatalf("the dry run wrote:\n%s", out)
	}
	code, out, err = runCLI(t, "ledger", "import", path, "--db", db)
	if code != 0 || err != nil || !strings.Contains(out, "已导入：新增2件，更新0件") {
		t.Fatalf("import: %d %v\n%s", code, err, out)
	}
	_, out, _ = runCLI(t, "ledger", "list", "--db", db, "--q", "食品")
	if !strings.Contains(out, "第245号提案\t未办理\t2023年9月2日") || !strings.Contains(out, "共1件") {
		t.Errorf("list:\n%s", out)
	}
	xlsx := filepath.Join(t.TempDir(), "汇总表.xlsx")
	code, out, err = runCLI(t, "ledger", "export", xlsx, "--db", db, "--status", "未办理", "--kind", "提案")
	if code != 0 || err != nil || !strings.Contains(out, "（2件）") {
		t.Fatalf("export: %d %v\n%s", code, err, out)
	}
	if im, err := sheet.ReadLedgerFile(xlsx, sheet.ImportOptions{}); err != nil || len(im.Items()) != 2 {
		t.Errorf("exported workbook: %v", err)
	}
	if code, _, err := runCLI(t, "ledger", "export", xlsx, "--db", db, "--status", "搁置"); code != 2 ||
		err == nil || !strings.Contains(err.Error(), "--status：“搁置”不是有效的办理状态") {
		t.Errorf("bad filter: %d %v", code, err)
	}
}

func TestLedgerImportProblems(t *testing.T) { backends(t, testLedgerImportProblems) }

func testLedgerImportProblems(t *testing.T, db string) {
	path := list(t, []string{"编号", "内容", "交办日期"},
		[]string{"244", "关于甲的建议", "2023年13月1日"})
	code, out, err := runCLI(t, "ledger", "import", path, "--db", db)
	if code != 1 || err != nil || !strings.Contains(out, "错误：第2行表头中找不到必需的“案由”列") ||
		!strings.Contains(out, "错误：第3行“交办日期”列：“2023年13月1日”不是有效日期") || !strings.Contains(out, "未导入：还有2处错误") {
		t.Fatalf("import with errors: %d %v\n%s", code, err, out)
	}
	code, out, err = runCLI(t, "ledger", "import", path, "--db", db, "--map", "案由=B", "--map", "交办日期=无")
	if code != 0 || err != nil || !strings.Contains(out, "已导入：新增1件") {
		t.Fatalf("import with --map: %d %v\n%s", code, err, out)
	}
	if code, _, err := runCLI(t, "ledger", "import", path, "--db", db, "--map", "题目"); code != 2 || err == nil {
		t.Errorf("bad --map: %d %v", code, err)
	}
	absent := filepath.Join(t.TempDir(), "无.xlsx")
	if code, _, err := runCLI(t, "ledger", "import", absent, "--db", db); code != 2 ||
		err == nil || !strings.Contains(err.Error(), "无法读取“"+absent+"”：文件或文件夹不存在") {
		t.Errorf("missing file: %d %v", code, err)
	}
}

func TestBatchCommand(t *testing.T) { backends(t, testBatchCommand) }

func testBatchCommand(t *testing.T, db string) {
	path := list(t, []string{"编号", "案由", "提案人", "主办单位"},
		[]string{"244", "关于进一步推进职业教育产教融合、校企合作的建议", "董妍", "长春市教育局"},
		[]string{"245", "关于加强校园食品安全的建议", "李明", "长春市教育局"})
	if code, out, err := runCLI(t, "ledger", "import", path, "--db", db); code != 0 || err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	// Draft a reply to 244 only.
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	d, err := app.Open(app.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l := app.NewLedger(d, s)
	items, _ := l.Items(ledger.Filter{Text: "第244号"})
	draftID, _, err := l.DraftFromItem(items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	// A fresh draft has no body, date or contact: it is not exported, and
	// its item stays open.
	dir := filepath.Join(t.TempDir(), "pdf")
	pdf244 := filepath.Join(dir, "第244号提案-关于进一步推进职业教育产教融合、校企合作的建议.pdf")
	code, out, err := runCLI(t, "batch", "--out", dir, "--db", db)
	if code != 1 || err != nil || !strings.Contains(out, "未导出： 第245号提案：尚未起草答复") ||
		!strings.Contains(out, "未导出：第244号提案：答复函有") || !strings.Contains(out, "正文未填写") ||
		!strings.Contains(out, "已导出0份答复，2份未导出") || !strings.Contains(out, "已处理 2/2") {
		t.Fatalf("batch: %d %v\n%s", code, err, out)
	}
	if _, err := os.Stat(pdf244); err == nil {
		t.Error("a reply with errors was exported")
	}
	status := func() ledger.Status {
		s, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		it, err := s.ItemOfDraft(draftID)
		if err != nil {
			t.Fatal(err)
		}
		return it.Status
	}
	if st := status(); st == ledger.Answered {
		t.Errorf("item 244 after a refused export: %s", st)
	}
	// Forced, it is exported but still not answered.
	code, out, err = runCLI(t, "batch", "--out", dir, "--db", db, "--q", "第244号", "--force")
	if code != 0 || err != nil || !strings.Contains(out, "已导出但有错误（未标记为已答复）：第244号提案") {
		t.Fatalf("batch --force: %d %v\n%s", code, err, out)
	}
	if _, err := os.Stat(pdf244); err != nil {
		t.Error(err)
	}
	if st := status(); st == ledger.Answered {
		t.Errorf("item 244 after a forced export: %s", st)
	}
	// Complete, it is exported and answered.
	seed, err := tomlfile.ReadReplyFile(filepath.Join("..", "..", "templates", "examples", "reply-244.reply.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft(draftID, seed); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, err = runCLI(t, "batch", "--out", dir, "--db", db, "--q", "第244号")
	if code != 0 || err != nil || !strings.Contains(out, "已导出1份答复") {
		t.Errorf("batch of one: %d %v\n%s", code, err, out)
	}
	if st := status(); st != ledger.Answered {
		t.Errorf("item 244 after its export: %s, want 已答复", st)
	}
	// Word documents, or both.
	wdir := filepath.Join(t.TempDir(), "word")
	code, out, err = runCLI(t, "batch", "--out", wdir, "--db", db, "--q", "第244号", "--format", "both")
	if code != 0 || err != nil {
		t.Fatalf("batch --format both: %d %v\n%s", code, err, out)
	}
	for _, ext := range []string{".pdf", ".docx"} {
		if _, err := os.Stat(filepath.Join(wdir, strings.TrimSuffix(filepath.Base(pdf244), ".pdf")+ext)); err != nil {
			t.Errorf("batch --format both wrote no %s: %v", ext, err)
		}
	}
	if code, _, err := runCLI(t, "batch", "--out", wdir, "--db", db, "--format", "odt"); code != 2 || err == nil || !strings.Contains(err.Error(), "未知的格式") {
		t.Errorf("batch --format odt: %d %v", code, err)
	}
	if code, _, err := runCLI(t, "batch", "--db", db); code != 2 || err == nil {
		t.Errorf("batch without --out: %d %v", code, err)
	}
}
