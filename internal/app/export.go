package app

import (
	"fmt"
	"io"
	"strings"

	"replydesk/internal/layout"
	"replydesk/internal/letter"
	"replydesk/internal/page"
	"replydesk/internal/render/docx"
	"replydesk/internal/render/pdf"
	"replydesk/internal/reply"
	"replydesk/internal/safefile"
	"replydesk/internal/style"
)

// Typeset lays out r in its style.
func (d *Desk) Typeset(r *reply.Reply) (layout.Result, *style.Style, error) {
	st, err := d.StyleOf(r)
	if err != nil {
		return layout.Result{}, nil, err
	}
	return typesetCached(r, st, d.Fonts), st, nil
}

// Check returns the problems of r: those of its style's rules (see
// CheckIn) and the characters that no font can print.
func (d *Desk) Check(r *reply.Reply) []reply.Problem {
	st, err := d.StyleOf(r)
	if err != nil {
		return []reply.Problem{{Field: "style", Severity: reply.Error, Message: err.Error(), Para: -1}}
	}
	ps := d.CheckIn(st, r)
	res := typesetCached(r, st, d.Fonts)
	return append(MissingProblems(res.Missing), ps...)
}

// CheckIn returns the problems of r in style st, worst first: the style's
// rules and the fields it does not print (letter.Check), with the area
// code of the settings where the style gives none.
func (d *Desk) CheckIn(st *style.Style, r *reply.Reply) []reply.Problem {
	if st.AreaCode == "" && d.AreaCode != "" {
		c := *st
		c.AreaCode = d.AreaCode
		st = &c
	}
	return letter.Check(r, st)
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

// CheckError is returned when a reply that has errors is exported
// without being forced: Problems are its errors, in Chinese.
type CheckError struct{ Problems []reply.Problem }

func (e *CheckError) Error() string {
	msgs := make([]string, 0, len(e.Problems))
	for _, p := range e.Problems {
		msgs = append(msgs, p.Message)
	}
	return fmt.Sprintf("答复函有%d处错误，未导出：%s", len(e.Problems), strings.Join(msgs, "；"))
}

// ExportPDF typesets r and writes it to path, atomically: the file appears
// whole or not at all. It checks nothing but the characters no font has
// (see ExportChecked).
func (d *Desk) ExportPDF(path string, r *reply.Reply) (*page.Doc, error) {
	doc, _, err := d.export(path, r, true)
	return doc, err
}

// ExportChecked is ExportPDF after the checks of Check, on one
// typesetting. It returns the errors Check finds; with errors the reply
// is written only when force is set, else the error is a *CheckError.
// Characters that no font has are never forced (a *MissingError). A
// caller marks the reply's item 已答复 only when the error is nil and no
// problem was returned.
func (d *Desk) ExportChecked(path string, r *reply.Reply, force bool) (*page.Doc, []reply.Problem, error) {
	return d.export(path, r, force)
}

// export typesets r once, checks it, and writes it unless it has errors
// and force is off. The output path is checked first (see
// safefile.CheckOutput): a folder, a reply source or a workbook is never
// overwritten.
func (d *Desk) export(path string, r *reply.Reply, force bool) (*page.Doc, []reply.Problem, error) {
	if err := safefile.CheckOutput(path, ".pdf"); err != nil {
		return nil, nil, err
	}
	res, errs, err := d.checked(r, force)
	if err != nil {
		return nil, errs, err
	}
	if err := pdf.WriteFile(path, res.Doc, d.Fonts, pdfOptions); err != nil {
		return nil, errs, safefile.Explain("导出", path, err)
	}
	return res.Doc, errs, nil
}

// checked typesets r once and checks it: the errors found, and an error
// when it must not be written — characters no font has (*MissingError,
// never forced), or errors while force is off (*CheckError).
func (d *Desk) checked(r *reply.Reply, force bool) (layout.Result, []reply.Problem, error) {
	st, err := d.StyleOf(r)
	if err != nil {
		return layout.Result{}, nil, err
	}
	res := typesetCached(r, st, d.Fonts)
	errs := errorsOf(append(MissingProblems(res.Missing), d.CheckIn(st, r)...))
	if len(res.Missing) > 0 {
		return res, errs, &MissingError{res.Missing}
	}
	if len(errs) > 0 && !force {
		return res, errs, &CheckError{errs}
	}
	return res, errs, nil
}

// errorsOf keeps the problems of severity Error.
func errorsOf(ps []reply.Problem) []reply.Problem {
	var out []reply.Problem
	for _, p := range ps {
		if p.Severity == reply.Error {
			out = append(out, p)
		}
	}
	return out
}

// docxOptions are the options of every Word document ReplyDesk writes: the
// official font names, no dates, so the same reply gives the same bytes.
var docxOptions = docx.Options{Application: "ReplyDesk 答复函起草台"}

// WriteDOCX writes r to w as a Word document laid out to GB/T 9704, from
// the same blocks (package letter) the PDF is typeset from.
func (d *Desk) WriteDOCX(w io.Writer, r *reply.Reply) error {
	st, err := d.StyleOf(r)
	if err != nil {
		return err
	}
	return docx.Write(w, letter.New(r, st), d.docxOptions(r, st))
}

// docxOptions are docxOptions for r: the title breaks where the PDF's does,
// and the signature has as many blank lines above it.
func (d *Desk) docxOptions(r *reply.Reply, st *style.Style) docx.Options {
	opt := docxOptions
	res := typesetCached(r, st, d.Fonts)
	opt.TitleLines, opt.SignatureBlanks = res.TitleLines, res.SignatureBlanks
	return opt
}

// ExportDOCX writes r to path as a Word document, atomically, after the
// checks of the style (see ExportChecked): with errors, the document is
// written only when force is set, else the error is a *CheckError. The
// errors found are returned either way. The output path is checked first
// (safefile.CheckOutput). Characters no embedded font has do not stop a
// Word document: Word draws it with the fonts of the machine that opens it.
func (d *Desk) ExportDOCX(path string, r *reply.Reply, force bool) ([]reply.Problem, error) {
	if err := safefile.CheckOutput(path, ".docx"); err != nil {
		return nil, err
	}
	st, err := d.StyleOf(r)
	if err != nil {
		return nil, err
	}
	errs := errorsOf(d.CheckIn(st, r))
	if len(errs) > 0 && !force {
		return errs, &CheckError{errs}
	}
	b, err := docx.Bytes(letter.New(r, st), d.docxOptions(r, st))
	if err != nil {
		return errs, err
	}
	if err := safefile.WriteBytes(path, b); err != nil {
		return errs, safefile.Explain("导出", path, err)
	}
	return errs, nil
}
