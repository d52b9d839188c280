package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/sheet"
	"replydesk/internal/store"
)

// dialogWindow is a window with the app's theme (CJK text) over a fresh
// ledger holding item 244 of 市政协十四届二次会议.
func dialogWindow(t *testing.T) (fyne.Window, *app.Ledger, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(Theme(desk(t).Fonts))
	chineseDialogs()
	st, err := store.Open(filepath.Join(t.TempDir(), "drafts.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	l := app.NewLedger(desk(t), st)
	l.Today = func() reply.Date { return reply.Date{Year: 2023, Month: 6, Day: 20} }
	it := ledger.Item{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244",
		Title: "关于加快推进我市产教融合发展的建议", Proposers: []string{"董妍"}, LeadUnit: "长春市教育局",
		Assigned: reply.Date{Year: 2023, Month: 6, Day: 1}, Status: ledger.InProgress}
	if err := l.SaveItem(&it); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1280, 800))
	return w, l, st
}

// workbook writes a 交办清单 with a title row naming the meeting.
func workbook(t *testing.T, header []string, rows ...[]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "交办清单.xlsx")
	if err := sheet.WriteTableFile(path, "市政协十四届二次会议提案交办清单", &reply.Table{Header: header, Rows: rows}); err != nil {
		t.Fatal(err)
	}
	return path
}

var importHeader = []string{"提案号", "案由", "提案人", "主办单位", "协办单位", "交办日期"}

// importRows are three rows: 244 changed (a new title), 245 and 246 new.
var importRows = [][]string{
	{"244", "关于进一步推进职业教育产教融合、校企合作的建议", "董妍", "长春市教育局", "市财政局", "2023年6月1日"},
	{"245", "关于加强校园食品安全的建议", "李明", "长春市教育局", "市市场监管局", "2023-06-02"},
	{"246", "关于发展普惠托育服务的建议", "赵四", "长春市教育局", "", "2023.6.3"},
}

type importDone struct{ calls, added, updated int }

// openImport shows the import dialog of path and waits for the reading.
func openImport(t *testing.T, w fyne.Window, l *app.Ledger, path string) (*importPreview, *importDone) {
	t.Helper()
	got := &importDone{}
	d := newImportPreview(w, l, path, func(added, updated int) {
		got.calls++
		got.added, got.updated = added, updated
	})
	d.start()
	d.pending.Wait()
	return d, got
}

// overlayText is the text of the labels and buttons of the top overlay.
func overlayText(c fyne.Canvas) string {
	top := c.Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + o.Text + "]\n")
		}
	}
	return b.String()
}

// tableText is the text of a row of the planned rows.
func tableText(d *importPreview, row int) []string {
	var out []string
	for c := range importTableColumns {
		s, _ := d.cell(&d.p.Plan[row], widget.TableCellID{Row: row, Col: c})
		out = append(out, s)
	}
	return out
}

func problemTexts(d *importPreview) []string {
	var out []string
	for _, o := range d.problems.Objects {
		out = append(out, o.(*widget.Label).Text)
	}
	return out
}

func TestImportDialogPreviewAndConfirm(t *testing.T) {
	w, l, _ := dialogWindow(t)
	d, got := openImport(t, w, l, workbook(t, importHeader, importRows...))
	if d.p == nil || d.state == importClosed {
		t.Fatal("the preview is not shown")
	}
	if s := d.summary.Text; !strings.Contains(s, "新增2件，更新1件，不变0件，有错误0行") || !strings.Contains(s, "市政协十四届二次会议提案交办清单") {
		t.Errorf("summary %q", s)
	}
	if d.confirm.Disabled() {
		t.Fatal("确认导入 is disabled for a good workbook")
	}
	if row := tableText(d, 0); row[0] != "3" || row[1] != "更新" || row[2] != "244" || !strings.Contains(row[8], "案由") {
		t.Errorf("row of 244: %q", row)
	}
	if row := tableText(d, 2); row[1] != "新增" || row[3] != "关于发展普惠托育服务的建议" || row[4] != "赵四" || row[6] != "2023年6月3日" || row[7] != "2023年9月3日" {
		t.Errorf("row of 246: %q", row)
	}
	if sel := d.fields[ledger.FTitle]; sel.Selected != "B列：案由" || !slices.Contains(sel.Options, importNone) {
		t.Errorf("案由 is read from %q of %q", sel.Selected, sel.Options)
	}
	if txt := overlayText(w.Canvas()); !strings.Contains(txt, "[确认导入]") || !strings.Contains(txt, "[取消]") {
		t.Errorf("dialog shows %q", txt)
	}
	if items, _ := l.Items(ledger.Filter{}); len(items) != 1 {
		t.Fatalf("the preview wrote: %d items", len(items))
	}

	test.Tap(d.confirm)
	d.pending.Wait()
	if got.calls != 1 || got.added != 2 || got.updated != 1 {
		t.Fatalf("done called %d times with %d added, %d updated", got.calls, got.added, got.updated)
	}
	items, err := l.Items(ledger.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, it := range items {
		titles = append(titles, it.Number+" "+it.Title)
	}
	slices.Sort(titles)
	want := []string{"244 " + importRows[0][1], "245 " + importRows[1][1], "246 " + importRows[2][1]}
	if !slices.Equal(titles, want) {
		t.Errorf("ledger after the import: %q", titles)
	}
	if d.state != importClosed || w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open after the import")
	}
}

func TestImportDialogErrorsBlockConfirm(t *testing.T) {
	w, l, _ := dialogWindow(t)
	rows := slices.Clone(importRows)
	rows[1] = []string{"245", "关于加强校园食品安全的建议", "李明", "长春市教育局", "", "2023年13月1日"}
	d, got := openImport(t, w, l, workbook(t, importHeader, rows...))
	if d.p == nil || d.p.Errors() != 1 {
		t.Fatalf("preview: %v", d.p)
	}
	if !d.confirm.Disabled() {
		t.Fatal("确认导入 is enabled with an error")
	}
	row := tableText(d, 1)
	if row[1] != "有错误" || !strings.Contains(row[8], "交办日期") {
		t.Errorf("row with the error: %q", row)
	}
	if _, imp := d.cell(&d.p.Plan[1], widget.TableCellID{Row: 1, Col: 3}); imp != widget.DangerImportance {
		t.Error("the row with the error is not red")
	}
	probs := problemTexts(d)
	if len(probs) != 1 || !strings.HasPrefix(probs[0], "错误　第4行 F列（交办日期）：“2023年13月1日”") {
		t.Errorf("problems %q", probs)
	}
	if !strings.Contains(d.hint.Text, "不能导入") {
		t.Errorf("hint %q", d.hint.Text)
	}
	d.confirmTapped() // as a stray click would
	d.pending.Wait()
	if items, _ := l.Items(ledger.Filter{}); len(items) != 1 || got.calls != 0 {
		t.Errorf("a preview with an error wrote %d items, done called %d times", len(items), got.calls)
	}
}

// A column whose header is not recognized is read once the user says
// which field it is.
func TestImportDialogMapping(t *testing.T) {
	w, l, _ := dialogWindow(t)
	header := []string{"提案号", "内容摘要", "提案人", "主办单位", "交办日期"}
	path := workbook(t, header,
		[]string{"245", "关于加强校园食品安全的建议", "李明", "长春市教育局", "2023-06-02"},
		[]string{"246", "关于发展普惠托育服务的建议", "赵四", "长春市教育局", "2023-06-03"})
	d, _ := openImport(t, w, l, path)
	if d.p.Errors() == 0 || !d.confirm.Disabled() {
		t.Fatalf("without 案由: %s", d.p.Summary())
	}
	if probs := strings.Join(problemTexts(d), "\n"); !strings.Contains(probs, "找不到必需的“案由”列") {
		t.Errorf("problems %q", probs)
	}
	title := d.fields[ledger.FTitle]
	if title.Selected != importNone || !slices.Contains(title.Options, "B列：内容摘要") {
		t.Fatalf("案由 select: %q of %q", title.Selected, title.Options)
	}

	// Choosing a column taken by another field takes it from that field.
	title.SetSelected("C列：提案人")
	if d.fields[ledger.FProposers].Selected != importNone {
		t.Errorf("提出人 still reads %q", d.fields[ledger.FProposers].Selected)
	}
	d.fields[ledger.FProposers].SetSelected("C列：提案人")
	if title.Selected != importNone {
		t.Errorf("案由 still reads %q", title.Selected)
	}

	title.SetSelected("B列：内容摘要")
	if !d.edited || !d.confirm.Disabled() || d.reread.Importance != widget.HighImportance {
		t.Error("a changed mapping must be read again before confirming")
	}
	test.Tap(d.reread)
	d.pending.Wait()
	if d.edited || d.p.Errors() != 0 || d.p.Added != 2 || d.confirm.Disabled() {
		t.Fatalf("after mapping 案由: %s; %q", d.p.Summary(), problemTexts(d))
	}
	if row := tableText(d, 0); row[3] != "关于加强校园食品安全的建议" || row[4] != "李明" {
		t.Errorf("row after mapping: %q", row)
	}
	if title.Selected != "B列：内容摘要" {
		t.Errorf("案由 select after reading: %q", title.Selected)
	}

	// Not reading a field: 主办单位 is left out.
	d.fields[ledger.FLeadUnit].SetSelected(importNone)
	test.Tap(d.reread)
	d.pending.Wait()
	if row := tableText(d, 0); row[5] != "" || row[3] == "" {
		t.Errorf("row without 主办单位: %q", row)
	}
}

func TestImportDialogDefaults(t *testing.T) {
	w, l, _ := dialogWindow(t)
	path := filepath.Join(t.TempDir(), "清单.xlsx")
	err := sheet.WriteTableFile(path, "交办清单", &reply.Table{Header: []string{"编号", "案由"},
		Rows: [][]string{{"17", "关于改善老旧小区停车条件的建议"}}})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := openImport(t, w, l, path)
	if !strings.Contains(strings.Join(problemTexts(d), ""), "届次") {
		t.Fatalf("no warning about the meeting: %q", problemTexts(d))
	}
	d.meeting.SetText("明年春天")
	test.Tap(d.reread)
	d.pending.Wait()
	if !strings.Contains(d.hint.Text, "届次会议") {
		t.Errorf("a meeting that is none: hint %q", d.hint.Text)
	}
	d.meeting.SetText("市人大十六届二次会议")
	d.kindSel.SetSelected("建议")
	test.Tap(d.reread)
	d.pending.Wait()
	it := d.p.Plan[0].Item
	if it.Assembly != "市人大" || it.Term != 16 || it.Session != 2 || it.Kind != reply.Suggestion {
		t.Errorf("item with defaults: %+v", it)
	}
}

func TestImportDialogUnreadable(t *testing.T) {
	for name, data := range map[string][]byte{
		"not a workbook": []byte("提案号,案由\n244,关于\n"),
		"empty":          nil,
	} {
		t.Run(name, func(t *testing.T) {
			w, l, _ := dialogWindow(t)
			path := filepath.Join(t.TempDir(), "交办清单.xlsx")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			d, got := openImport(t, w, l, path)
			txt := overlayText(w.Canvas())
			if d.state != importClosed || !strings.Contains(txt, "“交办清单.xlsx”") || strings.Contains(txt, "确认导入") {
				t.Errorf("error shown: %q", txt)
			}
			if items, _ := l.Items(ledger.Filter{}); len(items) != 1 || got.calls != 0 {
				t.Errorf("%d items, done called %d times", len(items), got.calls)
			}
		})
	}
	t.Run("no header", func(t *testing.T) {
		w, l, _ := dialogWindow(t)
		path := filepath.Join(t.TempDir(), "交办清单.xlsx")
		if err := sheet.WriteTableFile(path, "", &reply.Table{Header: []string{"甲", "乙"}, Rows: [][]string{{"1", "2"}}}); err != nil {
			t.Fatal(err)
		}
		d, _ := openImport(t, w, l, path)
		if txt := overlayText(w.Canvas()); d.state != importClosed || !strings.Contains(txt, "找不到表头行") {
			t.Errorf("error shown: %q", txt)
		}
	})
}

func TestImportDialogEscape(t *testing.T) {
	w, l, _ := dialogWindow(t)
	c := w.Canvas()
	var keys []fyne.KeyName
	c.SetOnTypedKey(func(e *fyne.KeyEvent) { keys = append(keys, e.Name) })
	d, got := openImport(t, w, l, workbook(t, importHeader, importRows...))
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyA})
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.state != importClosed || c.Overlays().Top() != nil {
		t.Fatal("Escape does not close the import dialog")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !slices.Equal(keys, []fyne.KeyName{fyne.KeyA, fyne.KeyEscape}) {
		t.Errorf("the window's handler got %v", keys)
	}
	if items, _ := l.Items(ledger.Filter{}); len(items) != 1 || got.calls != 0 {
		t.Errorf("Escape imported: %d items, done called %d times", len(items), got.calls)
	}
}

// TestCaptureImportDialog saves a picture of the dialog when
// REPLYDESK_CAPTURE names a folder, to look at it.
func TestCaptureImportDialog(t *testing.T) {
	dir := os.Getenv("REPLYDESK_CAPTURE")
	if dir == "" {
		t.Skip("REPLYDESK_CAPTURE not set")
	}
	w, l, _ := dialogWindow(t)
	rows := append(slices.Clone(importRows),
		[]string{"247", "关于中小学课后服务提质增效的建议", "王五、孙六", "长春市教育局", "市体育局、团市委", "2023年13月1日"},
		[]string{"248", "", "周七", "长春市教育局", "", "2023-06-05"},
		[]string{"249", "关于加强青少年近视防控工作的建议", "吴八", "长春市卫生健康委员会", "长春市教育局", "2023-06-05"},
	)
	d, _ := openImport(t, w, l, workbook(t, []string{"序号", "提案号", "案由", "提案人", "主办单位", "协办单位", "交办日期"}, numbered(rows)...))
	capture(t, w, filepath.Join(dir, "import-dialog.png"))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.table).AddXY(300, 100)
	test.Scroll(w.Canvas(), pos, -1000, 0)
	capture(t, w, filepath.Join(dir, "import-dialog-right.png"))
}

// numbered puts a 序号 in front of each row.
func numbered(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append([]string{strconv.Itoa(i + 1)}, r...)
	}
	return out
}

func capture(t *testing.T, w fyne.Window, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
