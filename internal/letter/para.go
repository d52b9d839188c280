package letter

import (
	"regexp"
	"strings"

	"replydesk/internal/reply"
)

// Heading levels of the body (GB/T 9704-2012 §7.3.4): 一、 in 黑体, （一） in
// 楷体, 1. and （1） in 仿宋.
var headings = []struct {
	re   *regexp.Regexp
	role string
}{
	{regexp.MustCompile(`^[一二三四五六七八九十]+、`), RoleHei},
	{regexp.MustCompile(`^（[一二三四五六七八九十]+）`), RoleKai},
	{regexp.MustCompile(`^[0-9]+[.．]`), RoleBody},
	{regexp.MustCompile(`^（[0-9]+）`), RoleBody},
}

// Para is a paragraph of running text. A paragraph that starts with a
// heading number (一、 （一） 1. （1）) is a heading: wholly, when it is the
// heading alone, or only its first sentence, when text follows it (a
// run-in heading).
type Para struct {
	Head  string // the heading sentence, set in HeadRole; "" for plain text
	Rest  string // the text after the heading, set in RoleBody
	Level int    // heading level 1–4; 0 for plain text
	Field string // the reply field, e.g. "body", "opening"
	Index int    // paragraph index within the field (raw lines), -1 when the field is one paragraph
}

// HeadRole is the font role of the heading sentence.
func (p Para) HeadRole() string {
	if p.Level == 0 {
		return RoleBody
	}
	return headings[p.Level-1].role
}

// Heading reports whether the paragraph is a heading alone, which keeps
// with the next line.
func (p Para) Heading() bool { return p.Head != "" && p.Rest == "" }

// NewPara classifies text as a paragraph of field.
func NewPara(text, field string, index int) Para {
	for i, h := range headings {
		if h.re.MatchString(text) {
			head := text
			if k := strings.Index(text, "。"); k >= 0 && k+len("。") < len(text) {
				head = text[:k+len("。")]
			}
			return Para{Head: head, Rest: text[len(head):], Level: i + 1, Field: field, Index: index}
		}
	}
	return Para{Rest: text, Field: field, Index: index}
}

// text returns the opening, the body and the closing as paragraphs.
func text(r *reply.Reply) []Para {
	var out []Para
	if r.Opening != "" {
		out = append(out, NewPara(r.Opening, "opening", -1))
	}
	for i, p := range strings.Split(r.Body, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, NewPara(p, "body", i)) // i counts raw lines, as reply.Problem.Para does
		}
	}
	if r.Closing != "" {
		out = append(out, NewPara(r.Closing, "closing", -1))
	}
	return out
}
