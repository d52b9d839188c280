package app

import (
	"slices"
	"testing"

	"replydesk/internal/recognize"
	"replydesk/internal/render/docx"
	"replydesk/internal/reply"
	"replydesk/internal/wordml"
)

func TestRedHead(t *testing.T) {
	for h, want := range map[string]string{
		"长春市教育局":              "长春市教育局",
		"长春市教育局文件":            "长春市教育局",
		" 长春市 教育局（函） ":        "长春市教育局",
		"某某新区开发建设管理委员会":       "某某新区开发建设管理委员会",
		"长春市教育局\n长教函〔2023〕1号": "",
		"内部资料 注意保存":           "",
		"第 1 页":               "",
		"":                    "",
	} {
		if got := redHead(h); got != want {
			t.Errorf("redHead(%q) = %q, want %q", h, got, want)
		}
	}
}

// TestFromDocument: fields the text lacks come from the document's
// properties and header, with a note each; fields the text gives stay.
func TestFromDocument(t *testing.T) {
	doc := &wordml.Document{
		Header: "某某市交通运输局文件",
		Properties: map[string]string{
			docx.PropCategory: "A", docx.PropDisclosure: "主动公开", docx.PropSigner: "王某",
			docx.PropProposers: "张三、李四", docx.PropProposerCount: "7",
		},
	}
	res := &recognize.Result{Reply: &reply.Reply{Category: "B"}}
	fromDocument(res, doc)
	r := res.Reply
	if r.Category != "B" {
		t.Errorf("category %q replaced; the text's B must stay", r.Category)
	}
	if r.Disclosure != "主动公开" || r.Signer != "王某" || !slices.Equal(r.Proposers, []string{"张三", "李四"}) || r.ProposerCount != 7 {
		t.Errorf("from properties: %q %q %q %d", r.Disclosure, r.Signer, r.Proposers, r.ProposerCount)
	}
	if r.Issuer != "某某市交通运输局" {
		t.Errorf("issuer %q, want the red head 某某市交通运输局", r.Issuer)
	}
	if len(res.Notes) != 4 {
		t.Errorf("%d notes, want 4 (disclosure, signer, proposers, issuer): %v", len(res.Notes), res.Notes)
	}
	// A document without them changes nothing.
	res = &recognize.Result{Reply: &reply.Reply{}}
	fromDocument(res, &wordml.Document{})
	if len(res.Notes) != 0 || res.Reply.Issuer != "" {
		t.Errorf("empty document filled %+v", res.Reply)
	}
}
