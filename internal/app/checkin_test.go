package app

import (
	"strings"
	"testing"

	"replydesk/internal/reply"
)

// TestCheckInAreaAndUnprinted: the settings' area code accepts a local
// number where the style gives none, and a field the style does not
// print is a warning of Check, not dropped.
func TestCheckInAreaAndUnprinted(t *testing.T) {
	d := desk(t)
	r := seed(t)
	r.Opening = reply.FixText(r.Opening)
	r.Contact.Phone = "66881234"
	r.Signer = "张三"
	phone := func(ps []reply.Problem) []reply.Problem {
		var out []reply.Problem
		for _, p := range ps {
			if p.Field == "contact.phone" {
				out = append(out, p)
			}
		}
		return out
	}
	ps := d.Check(r)
	if got := phone(ps); len(got) != 1 || got[0].Severity != reply.Warning || !strings.Contains(got[0].Message, "没有区号") {
		t.Errorf("without an area code: phone problems %v, want one warning", got)
	}
	signer := false
	for _, p := range ps {
		signer = signer || p.Field == "signer" && p.Severity == reply.Warning && strings.Contains(p.Message, "不会印在答复函上")
	}
	if !signer {
		t.Errorf("Check does not warn that 提案答复 does not print the signer: %v", ps)
	}
	if got := phone(d.WithArea("0431").Check(r)); len(got) != 0 {
		t.Errorf("with the settings' area code: phone problems %v, want none", got)
	}
	if d.AreaCode != "" {
		t.Error("WithArea changed the desk in place")
	}
}

func TestProfileLocalArea(t *testing.T) {
	for _, c := range []struct {
		p    Profile
		want string
	}{
		{Profile{AreaCode: "0431", ContactPhone: "0898-66881234"}, "0431"},
		{Profile{ContactPhone: "0898-66881234"}, "0898"},
		{Profile{ContactPhone: "13578951242、(０４３１)88888888"}, "0431"},
		{Profile{ContactPhone: "13578951242"}, ""},
		{Profile{ContactPhone: "66881234"}, ""},
		{Profile{}, ""},
	} {
		if got := c.p.LocalArea(); got != c.want {
			t.Errorf("LocalArea of %+v = %q, want %q", c.p, got, c.want)
		}
	}
}
