package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"replydesk/internal/reply"
)

// content is a reply as stored: its JSON, the hash that tells whether a
// save changes anything, and the columns derived from it.
type content struct {
	json   []byte
	hash   []byte
	title  string // display title
	search string // folded text the list searches
	cols   columns
}

// columns are the reply's fields kept in their own columns for listing.
type columns struct {
	kind, number, proposers, itemTitle, issuer string
}

// encode prepares r for storing.
func encode(r *reply.Reply) (*content, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, fmt.Errorf("答复内容无法保存（%v）", err)
	}
	js := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	sum := sha256.Sum256(js)
	return &content{
		json:   js,
		hash:   sum[:],
		title:  displayTitle(r),
		search: searchText(r),
		cols: columns{
			kind:      string(r.Kind),
			number:    r.Number,
			proposers: strings.Join(r.Proposers, "、"),
			itemTitle: r.ItemTitle,
			issuer:    r.Issuer,
		},
	}, nil
}

// decode reads a stored reply.
func decode(js string) (*reply.Reply, error) {
	r := new(reply.Reply)
	if err := json.Unmarshal([]byte(js), r); err != nil {
		return nil, fmt.Errorf("答复内容已损坏，无法读取（%v）", err)
	}
	return r, nil
}

// untitled is the display title of a reply with nothing to name it by.
const untitled = "未命名草稿"

// displayTitle names r in lists, e.g.
// "第244号提案 董妍：关于进一步推进职业教育产教融合、校企合作的建议".
func displayTitle(r *reply.Reply) string {
	head := string(r.Kind)
	if r.Number != "" {
		head = "第" + r.Number + "号" + head
	}
	who := ""
	if len(r.Proposers) > 0 {
		who = r.Proposers[0]
		if len(r.Proposers) > 1 || r.ProposerCount > 1 {
			who += "等"
		}
	}
	what := r.ItemTitle
	if what == "" {
		what = strings.ReplaceAll(r.Title, "\n", "")
	}
	if what == "" {
		what, _, _ = strings.Cut(strings.TrimSpace(r.Body), "\n")
	}
	t := strings.TrimSpace(strings.Join(nonEmpty(head, who), " "))
	switch {
	case t == "" && what == "":
		return untitled
	case t == "":
		t = what
	case what != "":
		t += "：" + what
	}
	return clip(t, 60)
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// clip shortens s to at most n runes, marking a cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// searchText is the folded text ListDrafts searches: number (also as
// "第244号"), item title, proposers, title, units, and every paragraph.
func searchText(r *reply.Reply) string {
	parts := []string{r.Number, string(r.Kind), strings.Join(r.Proposers, "、"), r.ItemTitle,
		r.Title, r.LeadUnit, r.DocNumber, r.Issuer, r.Salutation, r.Opening, r.Body, r.Closing,
		r.Contact.Name, r.Contact.Phone}
	if r.Number != "" {
		parts = append(parts, "第"+r.Number+"号")
	}
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
	return fold(strings.Join(nonEmpty(parts...), "\n"))
}

// fold makes text and queries comparable: full-width ASCII (“２４４”, “ＡＢ”)
// becomes half-width and letters lower case.
func fold(s string) string { return strings.ToLower(reply.HalfWidth(s)) }

// summarize describes cur against the revision before it (prev, nil for
// the first), e.g. "改动：正文、成文日期（正文3512字）".
func summarize(prev, cur *reply.Reply) string {
	n := utf8.RuneCountInString(strings.ReplaceAll(cur.Body, "\n", ""))
	size := fmt.Sprintf("（正文%d字）", n)
	if prev == nil {
		return "新建：" + displayTitle(cur) + size
	}
	changed := changedFields(prev, cur)
	if len(changed) == 0 {
		return "无改动" + size
	}
	list := strings.Join(changed, "、")
	if len(changed) > 4 {
		list = strings.Join(changed[:4], "、") + fmt.Sprintf("等%d项", len(changed))
	}
	return "改动：" + list + size
}

// changedFields names, in form order and in Chinese, the fields of the
// reply that differ between a and b.
func changedFields(a, b *reply.Reply) []string {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	var out []string
	seen := map[string]bool{}
	for i := 0; i < va.NumField(); i++ {
		if !va.Type().Field(i).IsExported() || reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			continue
		}
		l := fieldLabel(va.Type().Field(i).Name)
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// fieldLabel names a field of reply.Reply in Chinese, as the form does.
func fieldLabel(goName string) string {
	key := snake(goName)
	if l := reply.FieldLabel(key); l != key {
		return l
	}
	return "其他内容"
}

// snake turns a Go field name into the field key reply uses:
// "ItemTitle" → "item_title", "CC" → "cc".
func snake(s string) string {
	var b strings.Builder
	prevLower := false
	for _, r := range s {
		if unicode.IsUpper(r) && prevLower {
			b.WriteByte('_')
		}
		prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
