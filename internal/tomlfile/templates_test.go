package tomlfile

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"replydesk/internal/reply"
	"replydesk/internal/style"
	"replydesk/templates"
)

// templatesDir is the repository's templates folder.
var templatesDir = os.DirFS("../../templates")

func TestLoadShippedStyles(t *testing.T) {
	styles, err := LoadStyles(templatesDir)
	if err != nil {
		t.Fatalf("LoadStyles(templates) error: %v", err)
	}
	var names []string
	for _, s := range styles {
		names = append(names, s.Name)
	}
	want := []string{"协办意见函", "建议答复", "建议答复-套红信纸", "提案答复", "提案答复-信函格式", "提案答复-办复类别"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("styles = %q, want %q", names, want)
	}
	embedded, err := LoadStyles(templates.FS)
	if err != nil || !reflect.DeepEqual(embedded, styles) {
		t.Errorf("embedded styles differ from the folder's (error %v)", err)
	}
	for _, c := range []struct {
		name   string
		format style.Format
		kind   reply.Kind
	}{
		{"提案答复", style.Plain, reply.Proposal}, {"提案答复-信函格式", style.Letter, reply.Proposal},
		{"建议答复", style.Plain, reply.Suggestion}, {"建议答复-套红信纸", style.Letterhead, reply.Suggestion},
		{"协办意见函", style.Plain, reply.CoOpinion},
	} {
		s := style.Select(styles, c.name, "")
		if s == nil || s.Format != c.format || s.Kind != c.kind {
			t.Errorf("style %s = %+v, want format %s kind %s", c.name, s, c.format, c.kind)
		}
	}
}

func TestShippedExamples(t *testing.T) {
	styles, err := LoadStyles(templatesDir)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := fs.Glob(templatesDir, "examples/*.reply.toml")
	if len(paths) == 0 {
		t.Fatal("no examples found")
	}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			r, err := ReadReplyFile(filepath.Join("../../templates", p))
			if err != nil {
				t.Fatal(err)
			}
			s := style.Select(styles, r.Style, r.Kind)
			if s == nil {
				t.Fatalf("no style %q for the example", r.Style)
			}
			for _, pr := range s.Check(r) {
				if pr.Severity == reply.Error {
					t.Errorf("example %s: %v", p, pr)
				}
			}
		})
	}
}

// TestSeedExample checks the example against the seed, element by element.
func TestSeedExample(t *testing.T) {
	r, err := ReadReplyFile("../../templates/examples/reply-244.reply.toml")
	if err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile("../reply/testdata/seed-body.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := &reply.Reply{
		Style: "提案答复", Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244",
		Proposers: []string{"董妍"}, ItemTitle: "关于进一步推进职业教育产教融合、校企合作的建议",
		Category: "B", Disclosure: "同意公开",
		Title:      "对市政协第十四届第二次会议第244号提案的答复",
		Salutation: "董妍委员：",
		Opening:    "您在市政协十四届二次会议上提出的《关于进一步推进职业教育产教融合、校企合作的建议》的提案（第244号）收悉，现答复如下：",
		Body:       strings.TrimRight(string(body), "\n"),
		Issuer:     "长春市教育局", Date: reply.Date{Year: 2023, Month: 6, Day: 20}, Seal: true,
		Contact: reply.Contact{Name: "刘丽", Phone: "13578951242"},
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("example = %+v\nwant %+v", r, want)
	}
	if n := len(reply.Paragraphs(r.Body)); n != 11 {
		t.Errorf("example body has %d paragraphs, want 11", n)
	}
	for _, frag := range []string{"“红旗工匠班”", "机器人技术、新能源汽车", "2个车型", "2000多家", "50个左右", "17大类"} {
		if !strings.Contains(r.Body, frag) {
			t.Errorf("example body lacks %q", frag)
		}
	}
	s, err := LoadStyle(templatesDir, "提案答复")
	if err != nil {
		t.Fatal(err)
	}
	derived := r.Clone()
	derived.Title, derived.Salutation, derived.Opening = "", "", ""
	if got := s.Resolve(&derived); got.Title != r.Title || got.Salutation != r.Salutation || got.Opening != r.Opening {
		t.Errorf("the style's formulas do not give the seed's texts:\n%q\n%q\n%q", got.Title, got.Salutation, got.Opening)
	}
	if ps := s.Check(r); len(ps) != 0 {
		t.Errorf("Check(example) = %v, want nothing", ps)
	}
	var buf bytes.Buffer
	if err := WriteReply(&buf, r); err != nil {
		t.Fatal(err)
	}
	back, err := ReadReply(&buf, "back.reply.toml")
	if err != nil || !reflect.DeepEqual(back, r) {
		t.Errorf("example does not round-trip: %v", err)
	}
}

// TestEveryStyleDerives fills a new reply of each shipped style and checks
// what the style's formulas make of it.
func TestEveryStyleDerives(t *testing.T) {
	styles, err := LoadStyles(templatesDir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"提案答复":      {"对市政协第十四届第二次会议第244号提案的答复", "董妍委员："},
		"提案答复-信函格式": {"关于市政协十四届二次会议第244号提案的答复", "董妍委员："},
		"建议答复":      {"关于市人大十六届二次会议第244号建议的答复", "董妍代表："},
		"建议答复-套红信纸": {"关于市人大十六届二次会议第244号建议的答复", "董妍代表："},
		"协办意见函":     {"关于市政协十四届二次会议第244号提案的会办意见", "市人社局："},
		"提案答复-办复类别": {"关于市政协十四届二次会议第244号提案的答复", "董妍委员："},
	}
	for _, s := range styles {
		t.Run(s.Name, func(t *testing.T) {
			r := s.NewReply()
			r.Assembly, r.Term = "市政协", 14
			if s.Kind == reply.Suggestion {
				r.Assembly, r.Term = "市人大", 16
			}
			r.Session, r.Number, r.Proposers, r.ItemTitle = 2, "244", []string{"董妍"}, "关于推进产教融合的建议"
			r.LeadUnit, r.Body, r.Issuer = "市人社局", "正文。", "长春市教育局"
			r.Date, r.Contact = reply.Date{Year: 2023, Month: 6, Day: 20}, reply.Contact{Unit: "市教育局职成处", Name: "刘丽", Phone: "0431-88888888"}
			r.Signer, r.DocNumber = "张三", "长教函〔2023〕12号"
			if len(s.Categories) > 0 {
				r.Category = s.Categories[0].Code
			}
			if len(s.Disclosures) > 0 {
				r.Disclosure = s.Disclosures[0].Code
			}
			got := s.Resolve(r)
			if w := want[s.Name]; got.Title != w[0] || got.Salutation != w[1] {
				t.Errorf("title, salutation = %q, %q; want %q, %q", got.Title, got.Salutation, w[0], w[1])
			}
			if !strings.Contains(got.Opening, "第244号") || !strings.Contains(got.Opening, "《关于推进产教融合的建议》") {
				t.Errorf("opening %q lacks the number or the item title", got.Opening)
			}
			if ps := s.Check(r); len(ps) != 0 {
				t.Errorf("Check = %v, want nothing", ps)
			}
		})
	}
}
