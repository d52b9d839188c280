package app

import (
	"slices"
	"strings"
	"testing"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

var testProfile = Profile{Unit: "长春市教育局", ContactName: "刘丽", ContactPhone: "13578951242",
	CC: []string{"市政协提案委员会", " ", "市政府督查室"}}

func TestStartReply(t *testing.T) {
	for _, c := range []struct {
		name     string
		p        Profile
		r        reply.Reply
		today    reply.Date
		want     reply.Reply
		replaced []string
	}{
		{"settings win", testProfile,
			reply.Reply{Issuer: "市教育局", Contact: reply.Contact{Name: "王浪"}, CC: []string{"样式默认"}},
			testToday,
			reply.Reply{Issuer: "长春市教育局", Contact: reply.Contact{Name: "刘丽", Phone: "13578951242"},
				CC: []string{"市政协提案委员会", "市政府督查室"}, Date: testToday},
			[]string{"issuer", "contact.name", "cc"}},
		{"own values where the settings have none", Profile{ContactPhone: "0431-88888888"},
			reply.Reply{Issuer: "市教育局", Contact: reply.Contact{Name: "王浪", Phone: "13000000000"}, CC: []string{"市政府督查室"},
				Date: reply.Date{Year: 2023, Month: 6, Day: 20}},
			testToday,
			reply.Reply{Issuer: "市教育局", Contact: reply.Contact{Name: "王浪", Phone: "0431-88888888"}, CC: []string{"市政府督查室"},
				Date: reply.Date{Year: 2023, Month: 6, Day: 20}},
			[]string{"contact.phone"}},
		{"same values are not replaced", testProfile,
			reply.Reply{Issuer: " 长春市教育局", CC: []string{"市政协提案委员会", "市政府督查室"}},
			reply.Date{},
			reply.Reply{Issuer: "长春市教育局", Contact: reply.Contact{Name: "刘丽", Phone: "13578951242"},
				CC: []string{"市政协提案委员会", "市政府督查室"}},
			nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := c.r
			replaced := StartReply(&r, c.p, c.today)
			if r.Issuer != c.want.Issuer || r.Contact != c.want.Contact || !slices.Equal(r.CC, c.want.CC) || r.Date != c.want.Date {
				t.Errorf("StartReply = issuer %q contact %+v cc %q date %v, want %q %+v %q %v",
					r.Issuer, r.Contact, r.CC, r.Date, c.want.Issuer, c.want.Contact, c.want.CC, c.want.Date)
			}
			if !slices.Equal(replaced, c.replaced) {
				t.Errorf("replaced %q, want %q", replaced, c.replaced)
			}
		})
	}
}

// 起草答复 from the ledger takes the settings, as 新建 does: the unit's
// full name rather than the item's short one, the default contact, and
// today as the date.
func TestDraftFromItemTakesSettings(t *testing.T) {
	l, s := newLedger(t)
	if err := SaveProfile(s, testProfile); err != nil {
		t.Fatal(err)
	}
	it := ledger.Item{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244",
		Title: "关于进一步推进职业教育产教融合、校企合作的建议", Proposers: []string{"董妍"}, LeadUnit: "市教育局",
		Phone: "13000000000", Status: ledger.Pending}
	if err := s.SaveItem(&it); err != nil {
		t.Fatal(err)
	}
	id, r, err := l.DraftFromItem(it.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Issuer != "长春市教育局" || r.Contact.Name != "刘丽" || r.Contact.Phone != "13578951242" ||
		r.Date != testToday || !slices.Equal(r.CC, []string{"市政协提案委员会", "市政府督查室"}) {
		t.Errorf("draft from the item: issuer %q contact %+v date %v cc %q", r.Issuer, r.Contact, r.Date, r.CC)
	}
	d, err := s.Draft(id)
	if err != nil || d.Reply.Issuer != "长春市教育局" {
		t.Errorf("stored draft issuer %v, %v", d, err)
	}

	// Without settings the item's own values stay.
	if err := s.SetSetting(ProfileKey, ""); err != nil {
		t.Fatal(err)
	}
	it2 := it
	it2.ID, it2.Number, it2.DraftID = 0, "245", 0
	if err := s.SaveItem(&it2); err != nil {
		t.Fatal(err)
	}
	_, r, err = l.DraftFromItem(it2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Issuer != "市教育局" || r.Contact.Phone != "13000000000" {
		t.Errorf("without settings: issuer %q phone %q", r.Issuer, r.Contact.Phone)
	}
}

// An imported letter takes the settings too, says what it replaced, and
// is checked again.
func TestImportedStart(t *testing.T) {
	d := desk(t)
	im, err := d.ImportPasted("对市政协十四届二次会议第244号提案的答复\n董妍委员：\n您提出的提案收悉，现答复如下：\n正文一段。\n市教育局\n2023年6月20日\n联系人姓名及电话：王浪 13000000000", "")
	if err != nil {
		t.Fatal(err)
	}
	if im.Reply.Issuer != "市教育局" {
		t.Fatalf("recognised issuer %q", im.Reply.Issuer)
	}
	im.Start(d, testProfile, testToday)
	if im.Reply.Issuer != "长春市教育局" || im.Reply.Contact.Name != "刘丽" || im.Reply.Date != (reply.Date{Year: 2023, Month: 6, Day: 20}) {
		t.Errorf("started: issuer %q contact %+v date %v", im.Reply.Issuer, im.Reply.Contact, im.Reply.Date)
	}
	var notes []string
	for _, n := range im.Notes {
		if n.Field == "issuer" || n.Field == "contact.name" || n.Field == "contact.phone" {
			notes = append(notes, n.Message)
		}
	}
	joined := strings.Join(notes, "\n")
	if len(notes) != 3 || !strings.Contains(joined, "发文机关署名按设置填为“长春市教育局”（原文为“市教育局”）") ||
		!strings.Contains(joined, "（原文为“13000000000”）") {
		t.Errorf("notes %q", notes)
	}
	for _, p := range im.Problems {
		if strings.Contains(p.Message, "13000000000") || p.Field == "issuer" {
			t.Errorf("problem of the letter's own value left: %s", p.Message)
		}
	}
}
