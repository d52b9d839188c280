package html

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"

	"replydesk/internal/letter"
	"replydesk/internal/reply"
	"replydesk/internal/style"
)

func testStyle() *style.Style {
	return &style.Style{
		Name: "提案答复", Kind: reply.Proposal, Format: style.Plain, SignerLine: true,
		Categories:        []style.Choice{{Code: "B"}},
		Disclosures:       []style.Choice{{Code: "同意公开"}},
		CategoryMark:      style.Mark{Format: "【{category}】", Place: style.TopLeft},
		DisclosureMark:    style.Mark{Format: "【{disclosure}】", Place: style.TopLeft},
		DisclosureNotes:   map[string]string{"同意公开": "此件公开发布"},
		TitleFormula:      "对{assembly}第{term_cn}届第{session_cn}次会议第{number}号提案的答复",
		SalutationFormula: "{proposers}委员：",
		ContactFormat:     "联系单位：{contact_unit}",
		ContactPlace:      style.Line,
	}
}

func testLetter() *letter.Letter {
	r := &reply.Reply{
		Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244",
		Proposers: []string{"董妍"}, Category: "B", Disclosure: "同意公开", Signer: "张三",
		DocNumber: "长教函〔2023〕12号",
		Opening:   "您提出的《关于推进产教融合的建议》收悉，现答复如下：",
		Body:      "（一）先有二级标题\n一、聚焦主导产业\n近几年，我市职业教育<聚焦>“一主、六双”产业布局 & 规划。\n二、下一步打算。我们将继续推进。\n1.三级标题",
		Closing:   "感谢您对教育工作的关心和支持。",
		Issuer:    "长春市教育局", Date: reply.Date{Year: 2023, Month: 6, Day: 20}, Seal: true,
		Contact: reply.Contact{Unit: "市教育局职成处"},
		CC:      []string{"市政协提案委员会", "市政府督查室"},
		Attachments: []reply.Attachment{
			{Title: "产教融合型企业名单", Body: "一、汽车类\n名单如下。", Table: &reply.Table{Header: []string{"序号", "企业名称"}, Rows: [][]string{{"1", "中国第一汽车集团有限公司"}}}},
			{Title: "第二个附件", Body: "说明。"},
		},
	}
	return letter.New(r, testStyle())
}

// wellFormed parses page as XML, strictly, and returns its headings in
// order ("h1 标题") and its text.
func wellFormed(t *testing.T, page []byte) (heads []string, text string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = true
	var b strings.Builder
	var open string
	inStyle := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, page)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if regexp.MustCompile(`^h[1-6]$`).MatchString(e.Name.Local) {
				open = e.Name.Local
			}
			inStyle = e.Name.Local == "style"
			for _, a := range e.Attr {
				if a.Name.Local == "style" {
					t.Errorf("inline style attribute on <%s>", e.Name.Local)
				}
			}
			if e.Name.Local == "font" {
				t.Error("a <font> element")
			}
		case xml.EndElement:
			if e.Name.Local == open {
				open = ""
			}
			inStyle = false
		case xml.CharData:
			if inStyle {
				continue
			}
			if open != "" {
				heads = append(heads, open+" "+string(e))
			}
			b.Write(e)
		}
	}
	return heads, b.String()
}

// headingsInOrder fails unless there is one <h1>, first, and no heading
// is more than one level below the one before it.
func headingsInOrder(t *testing.T, heads []string) {
	t.Helper()
	if len(heads) == 0 || !strings.HasPrefix(heads[0], "h1 ") {
		t.Fatalf("headings %q do not start with the <h1>", heads)
	}
	prev := 1
	for _, h := range heads[1:] {
		level := int(h[1] - '0')
		if level == 1 {
			t.Errorf("a second <h1>: %q", h)
		}
		if level > prev+1 {
			t.Errorf("heading %q skips a level after h%d", h, prev)
		}
		prev = level
	}
}

func TestWrite(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, testLetter(), Options{Index: "index.html"}); err != nil {
		t.Fatal(err)
	}
	page := b.Bytes()
	heads, text := wellFormed(t, page)
	headingsInOrder(t, heads)
	want := []string{
		"h1 对市政协第十四届第二次会议第244号提案的答复", "h2 （一）先有二级标题", "h2 一、聚焦主导产业", "h3 1.三级标题",
		"h2 产教融合型企业名单", "h3 一、汽车类", "h2 第二个附件",
	}
	if strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Errorf("headings\n%q\nwant\n%q", heads, want)
	}
	for _, s := range []string{"【B】", "【同意公开】", "长教函〔2023〕12号", "签发人：张三", "董妍委员：",
		"近几年，我市职业教育<聚焦>“一主、六双”产业布局 & 规划。", "二、下一步打算。我们将继续推进。",
		"长春市教育局", "2023年6月20日", "（此件公开发布）", "联系单位：市教育局职成处",
		"抄送：市政协提案委员会，市政府督查室。", "附件：1.产教融合型企业名单", "2.第二个附件", "中国第一汽车集团有限公司", "返回目录"} {
		if !strings.Contains(text, s) {
			t.Errorf("the page lacks %q", s)
		}
	}
	for _, s := range []string{`<meta charset="utf-8" />`, `lang="zh-CN"`, "<strong>二、下一步打算。</strong>", "<th>企业名称</th>", `<a href="index.html">`} {
		if !bytes.Contains(page, []byte(s)) {
			t.Errorf("the page lacks %s", s)
		}
	}
	if bytes.Contains(bytes.ToLower(page), []byte("font-family")) || bytes.Contains(page, []byte("@font-face")) {
		t.Error("the page names a font")
	}
	var again bytes.Buffer
	Write(&again, testLetter(), Options{Index: "index.html"})
	if !bytes.Equal(page, again.Bytes()) {
		t.Error("the same letter gave different pages")
	}
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, testLetter()); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, s := range []string{
		"【B】\n【同意公开】\n长教函〔2023〕12号\n签发人：张三\n\n对市政协第十四届第二次会议第244号提案的答复\n\n董妍委员：\n　　您提出的",
		"\n　　一、聚焦主导产业\n", "\n　　附件：1.产教融合型企业名单\n　　　　　2.第二个附件\n",
		"\n长春市教育局\n2023年6月20日\n　　（此件公开发布）\n", "\n抄送：市政协提案委员会，市政府督查室。\n",
		"\n附件1\n产教融合型企业名单\n　　一、汽车类\n　　名单如下。\n序号\t企业名称\n1\t中国第一汽车集团有限公司\n",
	} {
		if !strings.Contains(got, s) {
			t.Errorf("the text lacks %q:\n%s", s, got)
		}
	}
}

func TestWriteIndex(t *testing.T) {
	var b bytes.Buffer
	ix := Index{Title: "长春市教育局2023年建议提案办理复文", Note: "共2件", Entries: []Entry{
		{Number: "第244号提案", Title: "关于<产教>融合的建议", Proposers: "董妍", Category: "B", Date: "2023年6月20日",
			Links: []Link{{"网页", "第244号提案.html"}, {"PDF", "第244号 提案#1.pdf"}}},
		{Number: "第12号建议", Title: "关于学前教育的建议", Proposers: "王远健等7位"},
	}}
	if err := WriteIndex(&b, ix, Options{}); err != nil {
		t.Fatal(err)
	}
	heads, text := wellFormed(t, b.Bytes())
	headingsInOrder(t, heads)
	for _, s := range append(IndexColumns, "关于<产教>融合的建议", "王远健等7位", "共2件") {
		if !strings.Contains(text, s) {
			t.Errorf("the index lacks %q", s)
		}
	}
	for _, s := range []string{`href="第244号提案.html"`, `href="%E7%AC%AC244%E5%8F%B7%20%E6%8F%90%E6%A1%88%231.pdf"`} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("the index lacks %s:\n%s", s, b.String())
		}
	}
}

// FuzzWrite checks by invariant that any letter gives a well-formed page
// with its headings in order.
func FuzzWrite(f *testing.F) {
	f.Add("对第244号提案的答复", "一、标题\n（二）\x00<b>&amp;\n1.x", "附件", "\xff\xfe")
	f.Add("", "", "", "")
	f.Fuzz(func(t *testing.T, title, body, att, cell string) {
		r := &reply.Reply{Kind: reply.Proposal, Title: title, Body: body, Issuer: cell,
			Attachments: []reply.Attachment{{Title: att, Body: body, Table: &reply.Table{Header: []string{cell}, Rows: [][]string{{cell, att}}}}}}
		l := letter.New(r, testStyle())
		var b bytes.Buffer
		if err := Write(&b, l, Options{}); err != nil {
			t.Fatal(err)
		}
		heads, _ := wellFormed(t, b.Bytes())
		headingsInOrder(t, heads)
		b.Reset()
		if err := WriteText(&b, l); err != nil {
			t.Fatal(err)
		}
	})
}
