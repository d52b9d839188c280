package recognize

import (
	"regexp"
	"strings"

	"replydesk/internal/reply"
)

// The attachments' own pages (GB/T 9704-2012 §8.3.5): each starts with
// "附件" or "附件1" alone on its first line, its title under it, then its
// text and table; the 版记 (抄送) follows the last one.

// pageLabel is the first line of an attachment's page.
var pageLabel = regexp.MustCompile(`^附件[0-9]*$`)

func isPageLabel(t string) bool { return pageLabel.MatchString(compact(t)) }

// attachmentPages returns where the attachments' pages start in ps (the
// paragraphs after the opening): at the first page label after a date,
// or len(ps) when there is none.
func attachmentPages(ps []para) int {
	dated := false
	for i, p := range ps {
		switch {
		case isDate(p.text):
			dated = true
		case dated && isPageLabel(p.text):
			return i
		}
	}
	return len(ps)
}

// pages reads the attachments' pages in ps: the n-th page gives the body
// and table of the n-th attachment of the 附件说明, or a new attachment
// when the list has fewer. The 抄送 lines at the end are the 版记.
func (s *state) pages(ps []para) {
	end := len(ps)
	for end > 0 && isCC(ps[end-1].text) {
		end--
	}
	for _, p := range ps[end:] {
		s.after(p)
	}
	n := -1
	for i := 0; i < end; {
		if !isPageLabel(ps[i].text) { // ps starts with a label: not reached
			s.note(ps[i], "attachments", "第"+itoa(ps[i].idx+1)+"段在附件之前，未能识别，已略去：“"+ps[i].text+"”")
			i++
			continue
		}
		n++
		i++
		j := i
		for j < end && !isPageLabel(ps[j].text) {
			j++
		}
		s.page(n, ps[i:j])
		i = j
	}
}

// page reads the page of the n-th attachment (after its label).
func (s *state) page(n int, ps []para) {
	if n >= len(s.r.Attachments) {
		s.r.Attachments = append(s.r.Attachments, reply.Attachment{})
	}
	a := &s.r.Attachments[n]
	rest := s.pageTitle(a, ps)
	var body []string
	var widths []int
	table := 0
	for _, p := range rest {
		switch {
		case p.cells != nil && a.Table == nil:
			// The first row of a table is its header, as ReplyDesk
			// prints it (a row repeated on every page).
			table = p.table
			a.Table = &reply.Table{Header: p.cells}
			widths = p.widths
		case p.cells != nil && table == p.table:
			a.Table.Rows = append(a.Table.Rows, p.cells)
		default:
			body = append(body, p.text)
		}
	}
	a.Body = strings.Join(body, "\n")
	if a.Table != nil {
		a.Table.Widths = tableWidths(widths, a.Table)
	}
}

// pageTitle sets the title of attachment a from the top of its page, or
// checks it against the title in the 附件说明, and returns the rest of
// the page. A title may take several lines.
func (s *state) pageTitle(a *reply.Attachment, ps []para) []para {
	if len(ps) == 0 || ps[0].cells != nil {
		return ps
	}
	listed := compact(a.Title)
	if listed == "" {
		i, title := 0, ""
		for i < len(ps) && ps[i].cells == nil && (i == 0 || ps[i].align == "center" && ps[0].align == "center") {
			title += compact(ps[i].text)
			i++
		}
		a.Title = title
		return ps[i:]
	}
	got := ""
	for i, p := range ps {
		if p.cells != nil || !strings.HasPrefix(listed, got+compact(p.text)) {
			break
		}
		got += compact(p.text)
		if got == listed {
			return ps[i+1:]
		}
	}
	return ps
}
