package reply

import (
	"reflect"
	"testing"
)

func TestFixSeed(t *testing.T) {
	r := seedReply(t)
	changes := Fix(r)
	want := []Change{{
		Field:  "opening",
		Para:   -1,
		Before: "您在市政协十四届二次会议上提出的《关于进一步推进职业教育产教融合、校企合作的建议》的提案(第 244 号)收悉，现答复如下：",
		After:  "您在市政协十四届二次会议上提出的《关于进一步推进职业教育产教融合、校企合作的建议》的提案（第244号）收悉，现答复如下：",
	}}
	if !reflect.DeepEqual(changes, want) {
		t.Errorf("Fix(seed) = %+v\nwant %+v", changes, want)
	}
	if r.Opening != want[0].After {
		t.Errorf("Fix(seed) left opening %q", r.Opening)
	}
	if ps := Check(r, seedVocab); len(ps) != 0 {
		t.Errorf("Check after Fix = %v, want none", ps)
	}
	if again := Fix(r); len(again) != 0 {
		t.Errorf("second Fix changed %v", again)
	}
}

func TestFix(t *testing.T) {
	for _, c := range []struct {
		name string
		in   Reply
		want Reply
		n    int // changes reported
	}{
		{"doc number", Reply{DocNumber: "长教函[2023]第012号"}, Reply{DocNumber: "长教函〔2023〕12号"}, 1},
		{"number", Reply{Number: " 第 244 号"}, Reply{Number: "244"}, 1},
		{"phone", Reply{Contact: Contact{Phone: "１３５７８９５１２４２ "}}, Reply{Contact: Contact{Phone: "13578951242"}}, 1},
		{"body per line", Reply{Body: "甲 ,乙\n丙\n丁 (戊)"}, Reply{Body: "甲，乙\n丙\n丁（戊）"}, 2},
		{"lists", Reply{Notes: []string{"(此件公开发布)"}, CC: []string{"市政府督查室。"},
			Attachments: []Attachment{{Title: "名单. "}}},
			Reply{Notes: []string{"此件公开发布"}, CC: []string{"市政府督查室"}, Attachments: []Attachment{{Title: "名单"}}}, 3},
		{"title", Reply{Title: "关于第 1 号提案的答复。"}, Reply{Title: "关于第1号提案的答复"}, 1},
		{"trim", Reply{Issuer: " 长春市教育局 ", Category: "B ", Proposers: []string{" 董妍"}},
			Reply{Issuer: "长春市教育局", Category: "B", Proposers: []string{"董妍"}}, 3},
		{"clean", Reply{Body: "13:30开会。", DocNumber: "长教函〔2023〕12号"}, Reply{Body: "13:30开会。", DocNumber: "长教函〔2023〕12号"}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := c.in.Clone()
			changes := Fix(&r)
			if !reflect.DeepEqual(r, c.want) {
				t.Errorf("Fix(%+v) gave %+v, want %+v", c.in, r, c.want)
			}
			if len(changes) != c.n {
				t.Errorf("Fix reported %d changes %v, want %d", len(changes), changes, c.n)
			}
			if again := Fix(&r); len(again) != 0 {
				t.Errorf("second Fix changed %v", again)
			}
		})
	}
}

func TestChangeString(t *testing.T) {
	c := Change{Field: "body", Para: 2, Before: "a,b", After: "a，b"}
	if got, want := c.String(), "正文第3段：“a,b” → “a，b”"; got != want {
		t.Errorf("Change.String() = %q, want %q", got, want)
	}
}

func BenchmarkFix(b *testing.B) {
	seed := seedReply(b)
	b.ReportAllocs()
	for b.Loop() {
		r := seed.Clone()
		Fix(&r)
	}
}
