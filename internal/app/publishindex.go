package app

import (
	"bytes"
	"fmt"

	"replydesk/internal/render/html"
	"replydesk/internal/reply"
	"replydesk/internal/sheet"
)

// indexTitle is the title of a publication's index: the given one, or
// the issuer of the first reply published and "建议提案办理复文".
func indexTitle(pub *Publication, title string) string {
	if title != "" {
		return title
	}
	for i := range pub.Items {
		if v := pub.Items[i].version; v != nil && v.Reply.Issuer != "" {
			return v.Reply.Issuer + "建议提案办理复文"
		}
	}
	return "建议提案办理复文"
}

// indexEntries are the rows of the index: one per reply published, from
// its public version, so that the index shows no more than the replies.
func indexEntries(pub *Publication) []html.Entry {
	var out []html.Entry
	for i := range pub.Items {
		p := &pub.Items[i]
		if !p.Ok() || p.version == nil {
			continue
		}
		r := p.version.Reply
		title := r.ItemTitle
		if title == "" && !p.version.Style.Public.HideProposers {
			title = p.Item.Title
		}
		out = append(out, html.Entry{
			Number:    p.Item.Label(),
			Title:     title,
			Proposers: reply.ProposersPhrase(r.Proposers, r.ProposerCount),
			Category:  r.Category,
			Date:      r.Date.String(),
			Links:     []html.Link{{Text: "网页", Path: p.HTML}, {Text: "PDF", Path: p.PDF}},
		})
	}
	return out
}

// indexFiles makes the index of a publication as a web page and as a
// workbook.
func (l *Ledger) indexFiles(pub *Publication, title string) (page, book []byte, err error) {
	title = indexTitle(pub, title)
	entries := indexEntries(pub)
	var pb bytes.Buffer
	ix := html.Index{Title: title, Note: fmt.Sprintf("共%d件", len(entries)), Entries: entries}
	if err := html.WriteIndex(&pb, ix, html.Options{}); err != nil {
		return nil, nil, err
	}
	t := &reply.Table{Header: []string{"编号", "案由", "提出人", "答复类别", "答复日期", "网页文件", "PDF文件"}, Widths: []int{3, 10, 3, 2, 3, 6, 6}}
	for _, e := range entries {
		t.Rows = append(t.Rows, []string{e.Number, e.Title, e.Proposers, e.Category, e.Date, e.Links[0].Path, e.Links[1].Path})
	}
	var bb bytes.Buffer
	if err := sheet.WriteLinkedTable(&bb, "公开目录", title, t, 5, 6); err != nil {
		return nil, nil, fmt.Errorf("生成公开目录工作簿失败：%w", err)
	}
	return pb.Bytes(), bb.Bytes(), nil
}
