package app

import (
	"fmt"
	"strconv"
	"strings"

	"replydesk/internal/page"
)

// PageRange is a set of pages to print, as spans of 1-based page numbers
// in the order written, e.g. 1-3,5.
type PageRange []PageSpan

// PageSpan is the pages From to To, both included, 1-based.
type PageSpan struct{ From, To int }

// pageRangeFolding turns what staff type with a Chinese input method
// (full-width digits, Chinese commas, 至) into the plain form 1-3,5.
var pageRangeFolding = strings.NewReplacer(
	"，", ",", "、", ",", "；", ",", ";", ",", " ", ",", "　", ",",
	"－", "-", "—", "-", "–", "-", "~", "-", "～", "-", "至", "-", "到", "-",
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
)

// ParsePageRange reads a page range typed as 1-3,5 (full-width digits,
// Chinese commas and 至 are taken too) for a document of n pages (n ≤ 0:
// not known, not checked). Blank text is every page (nil). A range that
// cannot be read, or names a page past n, is an error in Chinese saying
// how to write it.
func ParsePageRange(s string, n int) (PageRange, error) {
	text := strings.TrimSpace(s)
	if text == "" {
		return nil, nil
	}
	bad := func(why string) error {
		return fmt.Errorf("页码范围“%s”%s：请写成 1-3,5 这样的页码，多个部分用逗号分开", text, why)
	}
	var out PageRange
	for _, part := range strings.Split(pageRangeFolding.Replace(text), ",") {
		if part == "" {
			continue
		}
		from, to, isSpan := strings.Cut(part, "-")
		a, err := strconv.Atoi(from)
		if err != nil || a < 1 {
			return nil, bad("有误")
		}
		b := a
		if isSpan {
			if b, err = strconv.Atoi(to); err != nil {
				return nil, bad("有误")
			}
		}
		if b < a {
			return nil, bad(fmt.Sprintf("中的%d-%d前大后小", a, b))
		}
		out = append(out, PageSpan{a, b})
	}
	if len(out) == 0 {
		return nil, bad("有误")
	}
	if n > 0 {
		if err := out.Check(n); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Check says, in Chinese, when the range names a page past the n pages of
// the document.
func (pr PageRange) Check(n int) error {
	for _, sp := range pr {
		if sp.To > n {
			return fmt.Errorf("页码范围“%s”超出了页数：这件答复共%d页，请改为1到%d之间的页码", pr, n, n)
		}
	}
	return nil
}

// String writes the range as lp's -P takes it: "1-3,5".
func (pr PageRange) String() string {
	parts := make([]string, len(pr))
	for i, sp := range pr {
		parts[i] = strconv.Itoa(sp.From)
		if sp.To != sp.From {
			parts[i] += "-" + strconv.Itoa(sp.To)
		}
	}
	return strings.Join(parts, ",")
}

// Count is the number of pages the range prints (a page named twice
// prints twice, as lp does).
func (pr PageRange) Count() int {
	n := 0
	for _, sp := range pr {
		n += sp.To - sp.From + 1
	}
	return n
}

// Of returns a document of the pages of doc the range names, in its
// order; pages past the end are left out. The pages keep the numbers
// printed on them.
func (pr PageRange) Of(doc *page.Doc) *page.Doc {
	out := *doc
	out.Pages = nil
	for _, sp := range pr {
		for i := sp.From; i <= sp.To && i <= len(doc.Pages); i++ {
			out.Pages = append(out.Pages, doc.Pages[i-1])
		}
	}
	return &out
}
