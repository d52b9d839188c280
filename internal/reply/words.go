package reply

import (
	"slices"
	"strconv"
	"strings"
)

// Kinds lists the kinds of item in the order a form offers them.
var Kinds = []Kind{Proposal, Suggestion, CoOpinion}

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	return k == Proposal || k == Suggestion || k == CoOpinion
}

// Address is the word that follows the proposers' names in the salutation:
// 委员 for a 提案, 代表 for a 建议, nothing for a 协办意见 (which is addressed
// to the lead unit).
func (k Kind) Address() string {
	switch k {
	case Proposal:
		return "委员"
	case Suggestion:
		return "代表"
	}
	return ""
}

// ItemKind is the kind of item the reply is about: 提案 or 建议. For a
// co-handling opinion it is guessed from the assembly: 提案 when it is a
// 政协, 建议 otherwise.
func (r *Reply) ItemKind() string {
	switch r.Kind {
	case Proposal, Suggestion:
		return string(r.Kind)
	}
	if strings.Contains(r.Assembly, "政协") {
		return string(Proposal)
	}
	return string(Suggestion)
}

// ProposersPhrase names the proposers as a salutation does: one name
// ("董妍"), several joined by 、 ("王远健、李明"), and when count exceeds the
// names listed, "等N位" ("王远健等7位"). Blank names are skipped.
func ProposersPhrase(names []string, count int) string {
	var list []string
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			list = append(list, n)
		}
	}
	if len(list) == 0 {
		return ""
	}
	s := strings.Join(list, "、")
	if count > len(list) {
		s += "等" + strconv.Itoa(count) + "位"
	}
	return s
}

// ProposersText is ProposersPhrase of the reply's proposers.
func (r *Reply) ProposersText() string {
	return ProposersPhrase(r.Proposers, r.ProposerCount)
}

// DefaultSalutation is the salutation GB/T 9704 practice gives the reply
// when no style says otherwise: "董妍委员：", "王远健等7位代表：", or the
// lead unit for a co-handling opinion ("市教育局：").
func (r *Reply) DefaultSalutation() string {
	if r.Kind == CoOpinion {
		if r.LeadUnit == "" {
			return ""
		}
		return strings.TrimSpace(r.LeadUnit) + "："
	}
	p := r.ProposersText()
	if p == "" {
		return ""
	}
	return p + r.Kind.Address() + "："
}

// Paragraphs splits a multi-paragraph field (Body, an attachment's Body)
// into its paragraphs: one per line, surrounding spaces (including the
// ideographic space U+3000 used for manual indents) trimmed, blank lines
// dropped. The typesetter indents paragraphs itself.
func Paragraphs(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// Clone returns a deep copy of r: changing the copy's slices or tables does
// not change r.
func (r *Reply) Clone() Reply {
	c := *r
	c.Proposers = slices.Clone(r.Proposers)
	c.Notes = slices.Clone(r.Notes)
	c.CC = slices.Clone(r.CC)
	c.AsHeading = slices.Clone(r.AsHeading)
	c.AsText = slices.Clone(r.AsText)
	if r.Attachments != nil {
		c.Attachments = make([]Attachment, len(r.Attachments))
		for i, a := range r.Attachments {
			if a.Table != nil {
				t := *a.Table
				t.Header = slices.Clone(t.Header)
				if t.Widths != nil {
					t.Widths = append([]int{}, t.Widths...)
				}
				if t.Rows != nil {
					t.Rows = make([][]string, len(a.Table.Rows))
					for j, row := range a.Table.Rows {
						t.Rows[j] = slices.Clone(row)
					}
				}
				a.Table = &t
			}
			c.Attachments[i] = a
		}
	}
	return c
}
