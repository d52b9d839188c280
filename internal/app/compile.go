package app

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"replydesk/internal/layout"
	"replydesk/internal/ledger"
	"replydesk/internal/letter"
	"replydesk/internal/page"
	"replydesk/internal/render/pdf"
	"replydesk/internal/reply"
	"replydesk/internal/safefile"
)

// CompileOptions tune a 答复汇编.
type CompileOptions struct {
	// Title is the volume's title; "" = the issuer of the first reply and
	// "建议提案答复汇编".
	Title string
	// Date is printed on the cover; zero = today.
	Date reply.Date
	// Progress, if not nil, is called after each item with the number done
	// so far, never concurrently.
	Progress func(done, total int)
}

// Compilation is the outcome of a 答复汇编.
type Compilation struct {
	Path  string
	Items []Published // by 编号; Pages and the public version of those compiled
	Pages int         // pages of the volume
	Size  int64       // bytes of the PDF
}

// Held returns how many items were left out.
func (c *Compilation) Held() int {
	n := 0
	for i := range c.Items {
		if !c.Items[i].Ok() {
			n++
		}
	}
	return n
}

// Summary describes the volume in one Chinese sentence.
func (c *Compilation) Summary() string {
	s := fmt.Sprintf("已编成答复汇编 %s：%d件答复，共%d页", c.Path, len(c.Items)-c.Held(), c.Pages)
	if n := c.Held(); n > 0 {
		s += fmt.Sprintf("；%d件未编入（不能公开或有错误）", n)
	}
	return s
}

// CheckCompileOutput checks the path of a 答复汇编 as every PDF export
// does (safefile.CheckOutput).
func CheckCompileOutput(path string) error { return safefile.CheckOutput(path, ".pdf") }

// Compile writes a 答复汇编 to path: one PDF of the public versions of the
// items' replies that may be published (as Publish chooses them), ordered
// by 编号, after a cover and a table of contents with page numbers (see
// layout.TypesetFront). Each reply starts on an odd page, a blank page
// standing before it where needed, and the page numbers run on through
// the volume (§7.5: odd at the right, even at the left). Nothing is
// written when no reply may be published; the PDF is written atomically.
func (l *Ledger) Compile(ctx context.Context, items []ledger.Item, path string, opt CompileOptions) (*Compilation, error) {
	if err := CheckCompileOutput(path); err != nil {
		return nil, err
	}
	sorted := slices.Clone(items)
	ledger.Sort(sorted, ledger.ByNumber, false)
	c := &Compilation{Path: path, Items: make([]Published, len(sorted))}
	for i := range sorted {
		c.Items[i] = Published{Item: sorted[i]}
	}
	parallel(ctx, len(sorted), opt.Progress, func(i int) {
		if _, res := l.publicOf(&c.Items[i]); res.Doc != nil {
			c.Items[i].Pages = len(res.Doc.Pages)
		}
	})
	if err := ctx.Err(); err != nil {
		return c, fmt.Errorf("已取消，未写入答复汇编（%w）", err)
	}
	doc, err := l.volume(c, opt)
	if err != nil {
		return c, err
	}
	if err := pdf.WriteFile(path, doc, l.Desk.Fonts, pdfOptions); err != nil {
		return c, safefile.Explain("写入", path, err)
	}
	c.Pages = len(doc.Pages)
	if fi, err := os.Stat(path); err == nil {
		c.Size = fi.Size()
	}
	return c, nil
}

// volume lays out the volume: the front matter, then each reply from an
// odd page, typeset again with its page numbers.
func (l *Ledger) volume(c *Compilation, opt CompileOptions) (*page.Doc, error) {
	var in []int // the items compiled
	for i := range c.Items {
		if c.Items[i].Ok() && c.Items[i].version != nil {
			in = append(in, i)
		}
	}
	if len(in) == 0 {
		return nil, fmt.Errorf("没有可以编入答复汇编的答复：所选各件都不能公开或有错误")
	}
	first := c.Items[in[0]].version.Reply
	fr := layout.Front{Title: opt.Title}
	if fr.Title == "" {
		fr.Title = first.Issuer + "建议提案答复汇编"
	}
	date := opt.Date
	if date.IsZero() {
		date = l.today()
	}
	fr.Lines = []string{first.Issuer, date.String()}
	for _, i := range in {
		p := &c.Items[i]
		fr.Entries = append(fr.Entries, layout.Entry{Number: p.Item.Label(), Title: letter.Flat(p.version.Reply.Title)})
	}
	front := layout.TypesetFront(fr, l.Desk.Fonts)
	if len(front.Missing) > 0 {
		return nil, fmt.Errorf("答复汇编的封面或目录有字符没有任何字体包含：“%c”", front.Missing[0].R)
	}
	next := len(front.Doc.Pages) + 1 // odd: the front matter ends on an even page
	starts := make([]int, len(in))
	for k, i := range in {
		starts[k] = next
		next += c.Items[i].Pages
		if next%2 == 0 {
			next++ // a blank back before the next reply
		}
		fr.Entries[k].Page = starts[k]
	}
	front = layout.TypesetFront(fr, l.Desk.Fonts)
	docs := make([]*page.Doc, len(in))
	parallel(context.Background(), len(in), nil, func(k int) {
		v := c.Items[in[k]].version
		docs[k] = layout.TypesetWith(v.Reply, v.Style, l.Desk.Fonts, layout.Options{FirstPage: starts[k]}).Doc
	})
	doc := front.Doc
	doc.Meta = page.Meta{Title: fr.Title, Author: reply.StripControls(first.Issuer, false), Subject: "答复汇编",
		Keywords: strings.TrimSpace(fmt.Sprintf("答复汇编 %d件", len(in)))}
	for _, d := range docs {
		doc.Pages = append(doc.Pages, d.Pages...)
		if len(doc.Pages)%2 == 1 {
			doc.Pages = append(doc.Pages, layout.BlankPage())
		}
	}
	return doc, nil
}
