package html

import (
	"io"
	"net/url"
	"strings"
)

// Index is the index page of a folder of published replies (办理复文公开
// 目录): a title and one row per reply.
type Index struct {
	Title string // e.g. "长春市教育局2023年建议提案办理复文"
	// Note is a line under the title, e.g. "共198件"; "" = none.
	Note    string
	Entries []Entry
}

// Entry is one published reply of an index.
type Entry struct {
	Number    string // 编号 as the reader knows it, e.g. "第244号提案"
	Title     string // 案由
	Proposers string // 提出人, e.g. "董妍", "王远健等7位"
	Category  string // 答复类别, e.g. "B"
	Date      string // 答复日期, e.g. "2023年6月20日"
	Links     []Link // the reply's files: "网页", "PDF"
}

// Link is a file of an entry, relative to the index page.
type Link struct {
	Text string // e.g. "PDF"
	Path string // a relative path with "/" between folders, e.g. "第244号提案.pdf"
}

// IndexColumns are the headers of the index's table, in order.
var IndexColumns = []string{"编号", "案由", "提出人", "答复类别", "答复日期", "文件"}

// WriteIndex writes the index page: the title as <h1> and a table of the
// entries, each linking to its files.
func WriteIndex(w io.Writer, ix Index, opt Options) error {
	p := newPrinter(w)
	title := clean(ix.Title)
	p.head(title, opt, "index")
	p.raw("<main>\n")
	p.h(1, title)
	p.para("", ix.Note)
	p.raw("<table>\n<thead><tr>")
	for i, c := range IndexColumns {
		p.raw(`<th scope="col"` + nowrap(i) + ">" + c + "</th>")
	}
	p.raw("</tr></thead>\n<tbody>\n")
	for _, e := range ix.Entries {
		p.raw("<tr>")
		for i, c := range []string{e.Number, e.Title, e.Proposers, e.Category, e.Date} {
			p.raw("<td" + nowrap(i) + ">" + text(clean(c)) + "</td>")
		}
		p.raw(`<td class="n">`)
		for i, l := range e.Links {
			if i > 0 {
				p.raw(" ")
			}
			p.raw(`<a href="` + attr(Href(l.Path)) + `">` + text(clean(l.Text)) + "</a>")
		}
		p.raw("</td></tr>\n")
	}
	p.raw("</tbody>\n</table>\n</main>\n</body>\n</html>\n")
	return p.flush()
}

// nowrap is the class attribute of the index's columns that should not
// wrap: all but the 案由 (column 1).
func nowrap(col int) string {
	if col == 1 {
		return ""
	}
	return ` class="n"`
}

// Href is a relative path as a link: each segment percent-encoded where a
// URL needs it (spaces, "#", "?", "%"), Chinese kept as it is — browsers
// read UTF-8 paths.
func Href(path string) string {
	if !strings.ContainsAny(path, " #?%&\"'<>\\") {
		return path
	}
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
