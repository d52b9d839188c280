package recognize

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/width"

	"replydesk/internal/reply"
)

// listNumber is the number of an attachment in a list ("附件：1.××"),
// which the order of Reply.Attachments keeps.
var listNumber = regexp.MustCompile(`(?m)^(附件[:：]?)?[0-9]+[.．、]`)

// kept counts the letters and digits of s, full-width folded to ASCII, once
// spaces, the Labels and list numbers are taken out.
func kept(s string) map[rune]int {
	// Bytes that are not UTF-8 are dropped, as Letter drops them; they
	// must not hide a label ("附\xb6:").
	s = listNumber.ReplaceAllString(width.Narrow.String(strings.ToValidUTF8(s, "")), "")
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
	for _, l := range Labels {
		s = strings.ReplaceAll(s, l, " ")
	}
	n := map[rune]int{}
	for _, r := range width.Narrow.String(s) {
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && !reply.IsControl(r) {
			n[r]++
		}
	}
	return n
}

// everything joins every text of res: the fields of the reply and the
// notes.
func everything(res *Result) string {
	r := res.Reply
	parts := []string{r.Assembly, r.Number, r.ItemTitle, r.LeadUnit, r.Category, r.Disclosure,
		r.DocNumber, r.Signer, r.Title, r.Salutation, r.Opening, r.Body, r.Closing, r.Issuer,
		r.Date.String(), r.Contact.Unit, r.Contact.Name, r.Contact.Phone, r.Responsible}
	parts = append(parts, r.Proposers...)
	parts = append(parts, r.Notes...)
	parts = append(parts, r.CC...)
	for _, a := range r.Attachments {
		parts = append(parts, a.Title, a.Body)
		if a.Table != nil {
			parts = append(parts, a.Table.Header...)
			for _, row := range a.Table.Rows {
				parts = append(parts, row...)
			}
		}
	}
	for _, n := range res.Notes {
		parts = append(parts, n.Message)
	}
	return strings.Join(parts, "\n")
}

// checkKept fails when a letter or digit of text is missing from res.
func checkKept(t *testing.T, text string, res *Result) {
	t.Helper()
	in, out := kept(text), kept(everything(res))
	for r, n := range in {
		if out[r] < n {
			t.Errorf("%q: %d × %q in the input, %d in the result", text, n, r, out[r])
		}
	}
}

// FuzzLetter checks that Letter never panics and never loses a letter or
// digit (see the package documentation for the exact invariant).
func FuzzLetter(f *testing.F) {
	txts, _ := filepath.Glob("testdata/*.txt")
	for _, p := range txts {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{"", "【B】\n董妍委员：\n您好，收悉，现答复如下：\n2023年6月20日",
		"联系人：王某，联系电话：0898-66881234（办公室）", "抄送：A，B。\n附件：1.甲\n2.乙"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkKept(t, text, Letter(text, Options{Raw: true}))
	})
}

func TestNothingLost(t *testing.T) {
	txts, _ := filepath.Glob("testdata/*.txt")
	cases := []string{"联系人：王某（办公室）电话0898-66881234", "抄 送：甲 乙\n类别：A类\n【同意公开】", "附件：1.名单"}
	for _, p := range txts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, string(b))
	}
	for i, c := range cases {
		t.Run(strings.TrimSpace(itoa(i)), func(t *testing.T) {
			checkKept(t, c, Letter(c, Options{Raw: true}))
		})
	}
}

// TestNothingLostParagraphs checks the invariant for Paragraphs: every
// letter of the real replies, given a paragraph a line, and of a letter
// with attachment pages and a table, is kept.
func TestNothingLostParagraphs(t *testing.T) {
	txts, _ := filepath.Glob("testdata/*.txt")
	for _, p := range txts {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var ps []Para
		for _, l := range strings.Split(string(b), "\n") {
			ps = append(ps, Para{Text: l})
		}
		checkKept(t, string(b), Paragraphs(ps, Options{Raw: true}))
	}
	ps := letterParas("关于区十八届人大一次会议\n第9号建议的答复", false, Para{Text: "（此件公开发布）"},
		Para{Text: "附件"}, Para{Text: "企业名单", Align: "center"},
		Para{Table: [][]string{{"序号", "名称"}, {"1", "某公司"}}}, Para{Table: [][]string{{"2", "另表"}}},
		Para{Text: "说明文字8"})
	var all []string
	for _, p := range ps {
		all = append(all, p.Text)
		for _, row := range p.Table {
			all = append(all, row...)
		}
	}
	checkKept(t, strings.Join(all, "\n"), Paragraphs(ps, Options{Raw: true, DisclosureNotes: map[string]string{"主动公开": "此件公开发布"}}))
}
