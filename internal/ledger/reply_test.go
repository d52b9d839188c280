package ledger

import (
	"slices"
	"testing"

	"replydesk/internal/reply"
)

func TestNewReply(t *testing.T) {
	it := full()
	r := NewReply(&it)
	want := reply.Reply{
		Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244",
		Proposers: []string{"董妍"}, ProposerCount: 7, ItemTitle: it.Title, LeadUnit: "长春市教育局",
		Category: "B", Disclosure: "同意公开", DocNumber: "长教函〔2023〕12号", Signer: "张三",
		Issuer: "长春市教育局", Date: date(2023, 6, 20), Seal: true,
		Contact: reply.Contact{Name: "刘丽", Phone: "13578951242"},
	}
	if got := r.Clone(); !equalReply(&got, &want) {
		t.Errorf("NewReply =\n%+v\nwant\n%+v", *r, want)
	}
	if got := r.DefaultSalutation(); got != "董妍等7位委员：" {
		t.Errorf("salutation = %q", got)
	}
	r.Proposers[0] = "改"
	if it.Proposers[0] != "董妍" {
		t.Error("NewReply shares the proposers with the item")
	}

	t.Run("co-signers counted", func(t *testing.T) {
		it := Item{Kind: reply.Suggestion, Proposers: []string{"王远健"}, CoSigners: []string{"李明", "赵四"}}
		if r := NewReply(&it); r.ProposerCount != 3 || r.DefaultSalutation() != "王远健等3位代表：" {
			t.Errorf("count %d, salutation %q", r.ProposerCount, r.DefaultSalutation())
		}
	})
	t.Run("co-handling", func(t *testing.T) {
		it := Item{Kind: reply.Proposal, Mode: Joint, LeadUnit: "市发改委", CoUnits: []string{"市教育局"}}
		r := NewReply(&it)
		if r.Kind != reply.CoOpinion || r.Issuer != "市教育局" || r.DefaultSalutation() != "市发改委：" {
			t.Errorf("co-opinion: kind %s issuer %q salutation %q", r.Kind, r.Issuer, r.DefaultSalutation())
		}
		it.CoUnits = append(it.CoUnits, "市财政局")
		if r := NewReply(&it); r.Issuer != "" {
			t.Errorf("issuer guessed among several co-handling units: %q", r.Issuer)
		}
	})
}

func equalReply(a, b *reply.Reply) bool {
	return a.Kind == b.Kind && a.Assembly == b.Assembly && a.Term == b.Term && a.Session == b.Session &&
		a.Number == b.Number && slices.Equal(a.Proposers, b.Proposers) && a.ProposerCount == b.ProposerCount &&
		a.ItemTitle == b.ItemTitle && a.LeadUnit == b.LeadUnit && a.Category == b.Category &&
		a.Disclosure == b.Disclosure && a.DocNumber == b.DocNumber && a.Signer == b.Signer &&
		a.Issuer == b.Issuer && a.Date == b.Date && a.Seal == b.Seal && a.Contact == b.Contact
}

func TestApply(t *testing.T) {
	r := &reply.Reply{Category: "A", Disclosure: "不同意公开", DocNumber: "长教函〔2023〕15号",
		Contact: reply.Contact{Name: "王浪", Phone: "66223882"}}
	for _, c := range []struct {
		name       string
		status     Status
		ev         Event
		date       reply.Date
		wantStatus Status
		wantDate   reply.Date
	}{
		{"saved pending", Pending, Saved, reply.Date{}, InProgress, reply.Date{}},
		{"saved answered stays", Answered, Saved, reply.Date{}, Answered, reply.Date{}},
		{"exported takes the letter's date", InProgress, Exported, date(2023, 6, 20), Answered, date(2023, 6, 20)},
		{"exported without date takes today", Pending, Exported, reply.Date{}, Answered, today},
		{"fed back stays", FedBack, Exported, date(2023, 6, 20), FedBack, date(2023, 6, 20)},
	} {
		t.Run(c.name, func(t *testing.T) {
			it := Item{Status: c.status, Category: "B", Contact: "刘丽"}
			r.Date = c.date
			if !it.Apply(r, c.ev, today) {
				t.Fatal("Apply reports no change")
			}
			if it.Status != c.wantStatus || it.Replied != c.wantDate || it.Category != "A" ||
				it.Contact != "王浪" || it.Phone != "66223882" || it.DocNumber != "长教函〔2023〕15号" {
				t.Errorf("item after Apply: %+v", it)
			}
			if it.Apply(r, c.ev, today) {
				t.Error("a second Apply reports a change")
			}
		})
	}
	it := Item{Status: InProgress, Category: "B"}
	if it.Apply(&reply.Reply{}, Saved, today) || it.Category != "B" {
		t.Errorf("an empty reply cleared the category: %+v", it)
	}
}

func TestMerge(t *testing.T) {
	dst := full()
	dst.ID, dst.DraftID = 5, 9
	src := Item{Title: "新案由", Status: Pending, Deadline: date(2023, 12, 1), Proposers: []string{"李明"}}
	if !Merge(&dst, &src, []FieldKey{FTitle, FDeadline, FProposers}) {
		t.Fatal("Merge reports no change")
	}
	if dst.Title != "新案由" || dst.Deadline != date(2023, 12, 1) || !slices.Equal(dst.Proposers, []string{"李明"}) ||
		dst.ProposerCount != 0 {
		t.Errorf("merged fields not copied: %+v", dst)
	}
	if dst.ID != 5 || dst.DraftID != 9 || dst.Status != Answered || dst.Category != "B" {
		t.Errorf("fields the import did not read were changed: %+v", dst)
	}
	if Merge(&dst, &src, []FieldKey{FTitle}) {
		t.Error("a merge that changes nothing reports a change")
	}
}

func TestNormalizeItem(t *testing.T) {
	for _, c := range []struct {
		name string
		in   Item
		kind reply.Kind
		st   Status
	}{
		{"new", Item{Assembly: "市政协"}, reply.Proposal, Pending},
		{"replied", Item{Assembly: "区人大", Replied: date(2023, 6, 1)}, reply.Suggestion, Answered},
		{"rated", Item{Kind: reply.Proposal, Satisfaction: Satisfied}, reply.Proposal, FedBack},
		{"kept", Item{Kind: reply.Suggestion, Assembly: "市政协", Status: InProgress}, reply.Suggestion, InProgress},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.in.Normalize()
			if c.in.Kind != c.kind || c.in.Status != c.st {
				t.Errorf("Normalize: kind %q status %q", c.in.Kind, c.in.Status)
			}
		})
	}
}

func TestDiff(t *testing.T) {
	a := Item{Number: "12", Kind: reply.Proposal, Status: Pending, Mode: Lead, Title: "关于"}
	b := a.Clone()
	b.Status, b.Mode, b.Notes = InProgress, Assist, "第一行\n第二行"
	got := Changes(Diff(&a, &b))
	if want := "承办方式 主办 → 协办；办理状态 未办理 → 办理中；备注 （空） → 第一行 第二行"; got != want {
		t.Errorf("Changes = %q, want %q", got, want)
	}
	b = a.Clone()
	b.Mode = ""
	if got := Changes(Diff(&a, &b)); got != "承办方式 主办 → 未填" {
		t.Errorf("mode cleared: %q", got)
	}
	if d := Diff(&a, &a); len(d) != 0 {
		t.Errorf("no change: %v", d)
	}
}
