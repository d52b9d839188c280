package app

import (
	"slices"
	"testing"

	"replydesk/internal/reply"
)

// TestFillFrom pastes a letter over a form: the fields found replace the
// form's and are named when they had another value, the fields the letter
// lacks keep the form's value, and the form's reply is not changed.
func TestFillFrom(t *testing.T) {
	form := &reply.Reply{Style: "提案答复", Kind: reply.Proposal, LeadUnit: "市人社局", Title: "旧标题",
		Issuer: "长春市教育局", Contact: reply.Contact{Name: "刘丽", Phone: "13578951242"}, CC: []string{"市政协提案委员会"}}
	found := &reply.Reply{Style: "提案答复", Kind: reply.Proposal, Title: "新标题", Body: "正文。",
		Issuer: "长春市教育局", Proposers: []string{"董妍"}, ProposerCount: 3, Date: reply.Date{Year: 2023, Month: 6, Day: 20},
		Attachments: []reply.Attachment{{Title: "名单", Body: "甲"}}}
	got, replaced := FillFrom(form, found)
	if want := []string{"title"}; !slices.Equal(replaced, want) {
		t.Errorf("replaced %q, want %q", replaced, want)
	}
	if got.Title != "新标题" || got.Body != "正文。" || got.ProposerCount != 3 || got.Date != found.Date || len(got.Attachments) != 1 {
		t.Errorf("fields found not taken: %+v", got)
	}
	if got.LeadUnit != "市人社局" || got.Contact.Phone != "13578951242" || !slices.Equal(got.CC, form.CC) || got.Style != "提案答复" {
		t.Errorf("fields not found not kept: %+v", got)
	}
	if form.Title != "旧标题" || form.Body != "" {
		t.Errorf("the form's reply changed: %+v", form)
	}
	got.Attachments[0].Title = "x"
	if found.Attachments[0].Title != "名单" {
		t.Error("the result shares attachments with the letter")
	}

	// A letter of another kind brings its style.
	sugg := &reply.Reply{Style: "建议答复", Kind: reply.Suggestion, Contact: reply.Contact{Phone: "0431-88888888"}}
	got, replaced = FillFrom(form, sugg)
	if got.Style != "建议答复" || got.Kind != reply.Suggestion || !slices.Equal(replaced, []string{"kind", "contact.phone"}) {
		t.Errorf("another kind: style %q kind %q, replaced %q", got.Style, got.Kind, replaced)
	}
}
