package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"replydesk/internal/ledger"
)

// TestOpLog: each change of an item or draft is recorded with the
// operator, the server's user and the time; a refused change leaves no
// record. Both stores.
func TestOpLog(t *testing.T) {
	backends(t, func(t *testing.T, open opener) {
		s := open(t)
		clk := newClock()
		s.Now = clk.Now
		s.Operator = "张三"
		it := item("244", d(2023, 9, 1), ledger.Pending)
		if err := s.SaveItem(&it); err != nil {
			t.Fatal(err)
		}
		clk.Add(time.Minute)
		it.Status, it.Satisfaction = ledger.Answered, ledger.Satisfied
		if err := s.SaveItem(&it); err != nil {
			t.Fatal(err)
		}
		s.Operator = "李四"
		stale := it
		stale.Version = 1
		stale.Notes = "不应写入"
		if err := s.SaveItem(&stale); !errors.Is(err, ErrConflict) {
			t.Fatalf("stale save = %v", err)
		}
		id, err := s.CreateDraft(seedReply(t))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.LinkDraft(it.ID, id); err != nil {
			t.Fatal(err)
		}
		r := seedReply(t)
		r.Closing = "特此答复。"
		if err := s.SaveDraft(id, r); err != nil {
			t.Fatal(err)
		}
		r.Closing = "再次答复。"
		if err := s.SaveDraft(id, r); err != nil { // coalesced into the same entry
			t.Fatal(err)
		}
		if _, _, err := s.UpsertItems([]ledger.Item{item("244", d(2023, 10, 1), ledger.Answered), item("245", d(2023, 9, 1), ledger.Pending)}); err != nil {
			t.Fatal(err)
		}
		h, err := s.ItemHistory(it.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range h {
			got = append(got, e.Operator+" "+e.Action+" "+ledger.Changes(e.Changes)+e.Summary)
		}
		want := []string{
			"张三 新建 ",
			"张三 修改 办理状态 未办理 → 已答复；满意度 （空） → 满意",
			"李四 新建草稿 第244号提案 董妍等：关于进一步推进职业教育产教融合、校企合作的建议",
			"李四 关联草稿 ",
			"李四 保存草稿 改动：结束语（正文",
			"李四 导入 办理期限 2023年9月1日 → 2023年10月1日；满意度 满意 → （空）",
		}
		if len(got) != len(want) {
			t.Fatalf("history:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for i := range want {
			if !strings.HasPrefix(got[i], want[i]) {
				t.Errorf("entry %d = %q, want %q…", i, got[i], want[i])
			}
		}
		if h[1].Time.Sub(h[0].Time) != time.Minute {
			t.Errorf("times %v, %v", h[0].Time, h[1].Time)
		}
		wantUser := ""
		if s.db.pg {
			wantUser = "replydesk"
		}
		for _, e := range h {
			if e.DBUser != wantUser {
				t.Errorf("db user %q, want %q", e.DBUser, wantUser)
			}
		}
		last, err := s.LastChanges()
		if err != nil || last[it.ID].Action != OpImport || len(last) != 2 {
			t.Errorf("LastChanges = %+v, %v", last, err)
		}
		all, err := s.OpLog(time.Time{})
		if err != nil || len(all) != len(h)+1 {
			t.Errorf("OpLog = %d entries, %v; want %d", len(all), err, len(h)+1)
		}
		if err := s.DeleteItem(it.ID); err != nil {
			t.Fatal(err)
		}
		if h, _ := s.ItemHistory(it.ID); len(h) == 0 || h[len(h)-1].Action != OpDelete || !strings.Contains(h[len(h)-1].Summary, "第244号提案") {
			t.Errorf("after delete: %+v", h)
		}
	})
}
