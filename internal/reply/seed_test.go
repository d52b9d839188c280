package reply

import (
	"os"
	"strings"
	"testing"
)

// seedReply is the canonical example reply as pdftotext gave it: its
// opening still has the half-width "(第 244 号)" of the source.
func seedReply(tb testing.TB) *Reply {
	tb.Helper()
	body, err := os.ReadFile("testdata/seed-body.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return &Reply{
		Style:      "提案答复",
		Kind:       Proposal,
		Assembly:   "市政协",
		Term:       14,
		Session:    2,
		Number:     "244",
		Proposers:  []string{"董妍"},
		ItemTitle:  "关于进一步推进职业教育产教融合、校企合作的建议",
		Category:   "B",
		Disclosure: "同意公开",
		Title:      "对市政协第十四届第二次会议第244号提案的答复",
		Salutation: "董妍委员：",
		Opening:    "您在市政协十四届二次会议上提出的《关于进一步推进职业教育产教融合、校企合作的建议》的提案(第 244 号)收悉，现答复如下：",
		Body:       strings.TrimRight(string(body), "\n"),
		Issuer:     "长春市教育局",
		Date:       Date{2023, 6, 20},
		Seal:       true,
		Contact:    Contact{Name: "刘丽", Phone: "13578951242"},
	}
}

// seedVocab is the vocabulary of the seed's house style.
var seedVocab = Vocab{
	Categories:         []string{"A", "B", "C", "D"},
	Disclosures:        []string{"同意公开", "不同意公开", "依申请公开", "部分公开"},
	CategoryRequired:   true,
	DisclosureRequired: true,
	ContactRequired:    true,
	Today:              Date{2024, 1, 1},
}
