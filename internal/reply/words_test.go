package reply

import (
	"reflect"
	"testing"
)

func TestProposersPhrase(t *testing.T) {
	for _, c := range []struct {
		names []string
		count int
		want  string
	}{
		{[]string{"董妍"}, 0, "董妍"},
		{[]string{"董妍"}, 1, "董妍"},
		{[]string{"王远健", "李明"}, 0, "王远健、李明"},
		{[]string{"王远健"}, 7, "王远健等7位"},
		{[]string{"王远健", "李明"}, 7, "王远健、李明等7位"},
		{[]string{" 王远健 ", ""}, 0, "王远健"},
		{nil, 5, ""},
	} {
		t.Run(c.want, func(t *testing.T) {
			if got := ProposersPhrase(c.names, c.count); got != c.want {
				t.Errorf("ProposersPhrase(%q, %d) = %q, want %q", c.names, c.count, got, c.want)
			}
		})
	}
}

func TestDefaultSalutation(t *testing.T) {
	for _, c := range []struct {
		name string
		r    Reply
		want string
	}{
		{"提案", Reply{Kind: Proposal, Proposers: []string{"董妍"}}, "董妍委员："},
		{"建议多人", Reply{Kind: Suggestion, Proposers: []string{"王远健"}, ProposerCount: 7}, "王远健等7位代表："},
		{"协办", Reply{Kind: CoOpinion, Proposers: []string{"董妍"}, LeadUnit: "市发展改革委"}, "市发展改革委："},
		{"无人", Reply{Kind: Proposal}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.r.DefaultSalutation(); got != c.want {
				t.Errorf("DefaultSalutation() = %q, want %q", got, c.want)
			}
		})
	}
}

func TestItemKind(t *testing.T) {
	for _, c := range []struct {
		kind     Kind
		assembly string
		want     string
	}{
		{Proposal, "市人大", "提案"}, {Suggestion, "市政协", "建议"},
		{CoOpinion, "市政协", "提案"}, {CoOpinion, "区人大", "建议"},
	} {
		t.Run(string(c.kind)+c.assembly, func(t *testing.T) {
			r := Reply{Kind: c.kind, Assembly: c.assembly}
			if got := r.ItemKind(); got != c.want {
				t.Errorf("ItemKind() = %q, want %q", got, c.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	got := Paragraphs("　　第一段\n\n 第二段 \r\n\n")
	want := []string{"第一段", "第二段"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
}

func TestClone(t *testing.T) {
	r := &Reply{Proposers: []string{"甲"}, CC: []string{"乙"}, Notes: []string{"丙"},
		Attachments: []Attachment{{Title: "表", Table: &Table{Header: []string{"a"}, Rows: [][]string{{"1"}}, Widths: []int{1}}}}}
	c := r.Clone()
	if !reflect.DeepEqual(*r, c) {
		t.Fatalf("Clone() = %+v, want %+v", c, *r)
	}
	c.Proposers[0], c.CC[0], c.Notes[0] = "x", "x", "x"
	c.Attachments[0].Table.Rows[0][0] = "x"
	c.Attachments[0].Table.Header[0] = "x"
	if r.Proposers[0] != "甲" || r.CC[0] != "乙" || r.Notes[0] != "丙" ||
		r.Attachments[0].Table.Rows[0][0] != "1" || r.Attachments[0].Table.Header[0] != "a" {
		t.Errorf("changing the clone changed the original: %+v", r)
	}
}

func TestFieldLabel(t *testing.T) {
	for field, want := range map[string]string{
		"contact.phone":                   "联系电话",
		"doc_number":                      "发文字号",
		"salutation":                      "称谓",
		"cc[1]":                           "抄送第2项",
		"attachments[0].title":            "附件1标题",
		"attachments[2].body":             "附件3正文",
		"attachments[0].table.header[1]":  "附件1表头第2列",
		"attachments[0].table.rows[2][0]": "附件1表格第3行第1列",
		"nonsense":                        "nonsense",
	} {
		t.Run(field, func(t *testing.T) {
			if got := FieldLabel(field); got != want {
				t.Errorf("FieldLabel(%q) = %q, want %q", field, got, want)
			}
		})
	}
	if got := Where("body", 2); got != "正文第3段" {
		t.Errorf("Where(body, 2) = %q", got)
	}
}
