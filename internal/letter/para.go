package letter

import (
	"strings"
	"unicode/utf8"

	"replydesk/internal/fontrole"
	"replydesk/internal/reply"
)

// Font roles of the heading levels of the body (GB/T 9704-2012 §7.3.4): 一、
// in 黑体, （一） in 楷体, 1. and （1） in 仿宋.
var headingRoles = [...]string{fontrole.Hei, fontrole.Kai, fontrole.Body, fontrole.Body}

// HeadingWidth is the most a heading sentence may take to be set as a
// heading, in characters of the grid: the first line of its paragraph, 28
// characters less the indent of two. Latin letters and digits count half.
const HeadingWidth = CharsPerLine - 2

// Para is a paragraph of running text. A paragraph that starts with a
// heading number (一、 （一） 1. （1）) is a heading when its numbered
// sentence is one (see reply.ParaForm): wholly, when it is the heading
// alone, or only its first sentence, when text follows it (a run-in
// heading). Otherwise it is body text with a number.
type Para struct {
	Head  string // the heading sentence, set in HeadRole; "" for body text
	Rest  string // the text after the heading, set in fontrole.Body
	Level int    // heading level 1–4; 0 for body text (numbered or not)
	Field string // the reply field, e.g. "body", "opening"
	Index int    // paragraph index within the field (raw lines), -1 when the field is one paragraph
}

// HeadRole is the font role of the heading sentence.
func (p Para) HeadRole() string {
	if p.Level == 0 {
		return fontrole.Body
	}
	return headingRoles[p.Level-1]
}

// Heading reports whether the paragraph is a heading alone, which keeps
// with the next line.
func (p Para) Heading() bool { return p.Head != "" && p.Rest == "" }

// NewPara classifies text, a paragraph of field, as form says. The
// numbered sentence of a heading runs to the first 。；：？！ after the
// number, or to the end of the paragraph; with AutoForm it is a heading
// when it fits in HeadingWidth, so that "一、近几年，我市……。" running over
// several lines is body text with a number, while "一、聚焦主导产业" and the
// "二、下一步打算。" of "二、下一步打算。我们将……" are headings.
func NewPara(text, field string, index int, form reply.ParaForm) Para {
	level, n := reply.HeadingNumber(text)
	if level == 0 || form == reply.TextForm {
		return Para{Rest: text, Field: field, Index: index}
	}
	head := text
	if k := strings.IndexAny(text[n:], "。；：？！"); k >= 0 {
		_, size := utf8.DecodeRuneInString(text[n+k:])
		head = text[:n+k+size]
	}
	if form == reply.AutoForm && HalfCells(head) > 2*HeadingWidth {
		return Para{Rest: text, Field: field, Index: index}
	}
	return Para{Head: head, Rest: text[len(head):], Level: level, Field: field, Index: index}
}

// text returns the opening, the body and the closing paragraphs.
func text(r *reply.Reply) []Para {
	var out []Para
	if r.Opening != "" {
		out = append(out, NewPara(r.Opening, "opening", -1, r.FormOf(r.Opening)))
	}
	for i, p := range strings.Split(r.Body, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, NewPara(p, "body", i, r.FormOf(p))) // i counts raw lines, as reply.Problem.Para does
		}
	}
	closing := strings.Split(r.Closing, "\n")
	for i, p := range closing {
		if p = strings.TrimSpace(p); p != "" {
			idx := i // counts raw lines, as for the body
			if len(closing) == 1 {
				idx = -1 // one paragraph: the field as a whole, as reply.Check names it
			}
			out = append(out, NewPara(p, "closing", idx, r.FormOf(p)))
		}
	}
	return out
}
