package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"replydesk/internal/app"
	"replydesk/internal/reply"
)

// startProfile are the settings of the tests of how a reply starts.
var startProfile = app.Profile{Unit: "长春市教育局", ContactName: "刘丽", ContactPhone: "13578951242",
	CC: []string{"市政协提案委员会", "市政府督查室"}}

// withSettings stores startProfile as the settings of u, as the settings
// dialog does.
func withSettings(t *testing.T, u *UI) {
	t.Helper()
	if err := app.SaveProfile(u.drafts, startProfile); err != nil {
		t.Fatal(err)
	}
	u.profile = startProfile
}

// started checks that the form shows the settings' issuer and contact and
// the date given, as values.
func started(t *testing.T, u *UI, how string, date reply.Date) {
	t.Helper()
	r := u.Reply()
	if r.Issuer != "长春市教育局" || r.Contact.Name != "刘丽" || r.Contact.Phone != "13578951242" ||
		!slices.Equal(r.CC, startProfile.CC) {
		t.Errorf("%s: issuer %q contact %+v cc %q, want the settings'", how, r.Issuer, r.Contact, r.CC)
	}
	if got := u.Form("date").Text; got != date.ISO() {
		t.Errorf("%s: 成文日期 shows %q, want %q as a value", how, got, date.ISO())
	}
}

// Every way of starting a reply fills the settings' defaults: 新建,
// 起草答复 from the ledger, a letter imported from a file, one pasted.
func TestEveryStartTakesSettings(t *testing.T) {
	t.Run("新建", func(t *testing.T) {
		u := newLedgerUI(t)
		withSettings(t, u)
		u.NewReply(u.defaultStyle())
		started(t, u, "新建", ledgerDay)
		if ph := u.Form("date").PlaceHolder; strings.Contains(ph, "20") && !strings.Contains(ph, "如") {
			t.Errorf("the date's placeholder %q looks like a value", ph)
		}
	})
	t.Run("起草答复", func(t *testing.T) {
		u := newLedgerUI(t)
		withSettings(t, u)
		v := u.Ledger()
		selectItem(t, v, "244")
		test.Tap(v.draftButton)
		u.Settle()
		if n := u.Reply().Number; n != "244" {
			t.Fatalf("the form shows item %q, want 244", n)
		}
		started(t, u, "起草答复", ledgerDay)
		// The item, whose unit is the short 市教育局, takes the reply's contact.
		if it := shownItem(v, "244"); it.Contact != "刘丽" || it.Phone != "13578951242" {
			t.Errorf("item 244 after drafting: contact %q phone %q", it.Contact, it.Phone)
		}
	})
	letter := "对市政协十四届二次会议第244号提案的答复\n董妍委员：\n您提出的提案收悉，现答复如下：\n正文一段。\n" +
		"感谢您对我们工作的关心和支持。\n市教育局\n联系人姓名及电话：王浪 13000000000\n"
	t.Run("导入", func(t *testing.T) {
		u := newLedgerUI(t)
		withSettings(t, u)
		p := filepath.Join(t.TempDir(), "答复.txt")
		dated := strings.Replace(letter, "市教育局\n", "市教育局\n2023年6月20日\n", 1)
		if err := os.WriteFile(p, []byte(dated), 0o644); err != nil {
			t.Fatal(err)
		}
		u.ImportLetter(p)
		u.Settle()
		started(t, u, "导入", reply.Date{Year: 2023, Month: 6, Day: 20})
		if txt := dialogText(u); !strings.Contains(txt, "发文机关署名按设置填为“长春市教育局”（原文为“市教育局”）") {
			t.Errorf("the import dialog does not say the settings replaced the issuer:\n%s", txt)
		}
	})
	t.Run("粘贴", func(t *testing.T) {
		u := newLedgerUI(t)
		withSettings(t, u)
		u.NewReply(u.defaultStyle())
		u.Form("issuer").SetText("")
		u.Form("contact.phone").SetText("")
		p := u.showPaste()
		p.entry.SetText(letter)
		test.Tap(p.fill)
		u.Settle()
		started(t, u, "粘贴", ledgerDay)
		if n := u.Reply().Number; n != "244" {
			t.Errorf("pasting did not fill the number: %q", n)
		}
	})
}
