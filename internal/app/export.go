package app

import (
	"fmt"
	"io"
	"strings"

	"replydesk/internal/layout"
	"replydesk/internal/page"
	"replydesk/internal/render/pdf"
	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// Typeset lays out r in its style.
func (d *Desk) Typeset(r *reply.Reply) (layout.Result, *style.Style, error) {
	st, err := d.StyleOf(r)
	if err != nil {
		return layout.Result{}, nil, err
	}
	return layout.Typeset(r, st, d.Fonts), st, nil
}

// Check returns the problems of r: those of its style's rules and the
// characters that no font can print.
func (d *Desk) Check(r *reply.Reply) []reply.Problem {
	st, err := d.StyleOf(r)
	if err != nil {
		return []reply.Problem{{Field: "style", Severity: reply.Error, Message: err.Error(), Para: -1}}
	}
	ps := st.Check(r)
	res := layout.Typeset(r, st, d.Fonts)
	return append(MissingProblems(res.Missing), ps...)
}

// MissingProblems turns characters that no font has into problems naming
// the character, its code point and where it stands.
func MissingProblems(ms []layout.Missing) []reply.Problem {
	var out []reply.Problem
	for _, m := range ms {
		out = append(out, reply.Problem{
			Field:    m.Field,
			Severity: reply.Error,
			Para:     m.Para,
			Message: fmt.Sprintf("%s中的字符“%c”（U+%04X）没有任何字体包含，打印时会缺字：请改用常用字，或在设置中为该字体角色指定包含此字的字体",
				reply.Where(m.Field, m.Para), m.R, m.R),
		})
	}
	return out
}

// MissingError is returned when a reply has characters that no font has.
type MissingError struct{ Missing []layout.Missing }

func (e *MissingError) Error() string {
	var b strings.Builder
	b.WriteString("无法导出 PDF：")
	for i, p := range MissingProblems(e.Missing) {
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(p.Message)
	}
	return b.String()
}

// pdfOptions are the options of every PDF ReplyDesk writes.
var pdfOptions = pdf.Options{Creator: "ReplyDesk 答复函起草台", Producer: "ReplyDesk", CompressLevel: 9}

// WritePDF typesets r and writes it to w as a PDF. A reply with characters
// that no font has is refused with a *MissingError.
func (d *Desk) WritePDF(w io.Writer, r *reply.Reply) (*page.Doc, error) {
	res, _, err := d.Typeset(r)
	if err != nil {
		return nil, err
	}
	if len(res.Missing) > 0 {
		return nil, &MissingError{res.Missing}
	}
	return res.Doc, pdf.Write(w, res.Doc, d.Fonts, pdfOptions)
}

// ExportPDF typesets r and writes it to path, atomically: the file appears
// whole or not at all.
func (d *Desk) ExportPDF(path string, r *reply.Reply) (*page.Doc, error) {
	res, _, err := d.Typeset(r)
	if err != nil {
		return nil, err
	}
	if len(res.Missing) > 0 {
		return nil, &MissingError{res.Missing}
	}
	return res.Doc, pdf.WriteFile(path, res.Doc, d.Fonts, pdfOptions)
}
