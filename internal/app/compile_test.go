package app

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"replydesk/internal/ledger"
)

// pageTexts extracts the text of each page of a PDF, without white space.
func pageTexts(t *testing.T, path string) []string {
	t.Helper()
	pages := strings.Split(tool(t, "pdftotext", path, "-"), "\f")
	pages = pages[:len(pages)-1] // after the last form feed
	for i, p := range pages {
		pages[i] = strings.Join(strings.Fields(p), "")
	}
	return pages
}

// TestCompile compiles three replies, one of them of an odd number of
// pages, and one item that may not be published: cover, contents with
// page numbers, every reply from an odd page, page numbers continuous.
func TestCompile(t *testing.T) {
	l, s := newLedger(t)
	items := withDrafts(t, l, s, 3)
	short := seed(t)
	short.Number, short.Title, short.Opening = "2", "", ""
	short.Body = "我局高度重视，认真研究办理。"
	s.SaveDraft(items[1].DraftID, short)
	closed := seed(t)
	closed.Number, closed.Title, closed.Opening, closed.Disclosure = "3", "", "", "不同意公开"
	items = append(items, withDrafts(t, l, s, 1)[0])
	items = items[:3]
	s.SaveDraft(items[2].DraftID, closed)
	extra := withDrafts(t, l, s, 4)[3] // number 4
	items = append([]ledger.Item{extra}, items...)

	path := filepath.Join(t.TempDir(), "汇编.pdf")
	c, err := l.Compile(context.Background(), items, path, CompileOptions{Title: "长春市教育局2023年建议提案答复汇编"})
	if err != nil {
		t.Fatal(err)
	}
	tool(t, "qpdf", "--check", path)
	pages := pageTexts(t, path)
	if len(pages) != c.Pages {
		t.Fatalf("pdftotext found %d pages, Compile says %d", len(pages), c.Pages)
	}
	if !strings.Contains(pages[0], "长春市教育局2023年建议提案答复汇编") || !strings.Contains(pages[0], "长春市教育局") || regexp.MustCompile(`—\d+—`).MatchString(pages[0]) {
		t.Errorf("cover: %q", pages[0])
	}
	if pages[1] != "" {
		t.Errorf("the cover's back is not blank: %q", pages[1])
	}
	if !strings.HasPrefix(pages[2], "目录") || !strings.Contains(pages[2], "—3—") {
		t.Errorf("contents: %q", pages[2])
	}
	// The contents: 第1号, 第2号, 第4号 in order, each with its page.
	entry := regexp.MustCompile(`第(\d+)号提案对市政协第十四届第二次会议第\d+号提案的答复…*(\d+)`)
	var got []string
	starts := map[string]int{}
	for _, m := range entry.FindAllStringSubmatch(pages[2], -1) {
		got = append(got, m[1])
		starts[m[1]], _ = strconv.Atoi(m[2])
	}
	if strings.Join(got, ",") != "1,2,4" {
		t.Fatalf("contents list %q, want 1,2,4:\n%s", got, pages[2])
	}
	for _, n := range got {
		p := starts[n]
		if p%2 != 1 || p > len(pages) {
			t.Errorf("第%s号 starts on page %d, not an odd page of the volume", n, p)
			continue
		}
		if !strings.Contains(pages[p-1], "第"+n+"号提案的答复") || !strings.Contains(pages[p-1], fmt.Sprintf("—%d—", p)) {
			t.Errorf("page %d does not start 第%s号 or is not numbered %d: %q", p, n, p, pages[p-1][:min(200, len(pages[p-1]))])
		}
		if p > 1 && starts[n] > 5 && pages[p-2] != "" && !strings.Contains(pages[p-2], fmt.Sprintf("—%d—", p-1)) {
			t.Errorf("page %d is neither blank nor numbered %d", p-1, p-1)
		}
	}
	// 第2号 has one page, so a blank page stands before 第4号.
	if starts["4"] != starts["2"]+2 || pages[starts["2"]] != "" {
		t.Errorf("no blank page after the one-page reply: 第2号 at %d, 第4号 at %d", starts["2"], starts["4"])
	}
	for i, p := range pages {
		if strings.Contains(p, "刘丽") || strings.Contains(p, "13578951242") {
			t.Errorf("page %d holds the contact", i+1)
		}
	}
	if c.Held() != 1 || !strings.Contains(c.Summary(), "1件未编入") {
		t.Errorf("Held = %d, Summary %q", c.Held(), c.Summary())
	}
	info := tool(t, "pdfinfo", path)
	if !strings.Contains(info, "长春市教育局2023年建议提案答复汇编") || strings.Contains(info, "刘丽") {
		t.Errorf("pdfinfo:\n%s", info)
	}
}
