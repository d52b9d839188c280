package app

import (
	"replydesk/internal/layout"
	"replydesk/internal/letter"
	"replydesk/internal/page"
	"replydesk/internal/publish"
	"replydesk/internal/render/docx"
	"replydesk/internal/render/pdf"
	"replydesk/internal/reply"
	"replydesk/internal/safefile"
)

// Public returns the public version of r (公开版) in its style, or a
// *publish.RefusedError when its disclosure classification forbids
// publication.
func (d *Desk) Public(r *reply.Reply) (*publish.Version, error) {
	st, err := d.StyleOf(r)
	if err != nil {
		return nil, err
	}
	return publish.Make(r, st)
}

// checkedPublic refuses r when it may not be published, then checks the
// signed reply as ExportChecked does: the errors found, and an error when
// the public version must not be written (errors while force is off).
func (d *Desk) checkedPublic(r *reply.Reply, force bool) (*publish.Version, []reply.Problem, error) {
	st, err := d.StyleOf(r)
	if err != nil {
		return nil, nil, err
	}
	v, err := publish.Make(r, st)
	if err != nil {
		return nil, nil, err
	}
	errs := errorsOf(d.CheckIn(st, r))
	if len(errs) > 0 && !force {
		return v, errs, &CheckError{errs}
	}
	return v, errs, nil
}

// ExportPublic writes the public version of r to path as a PDF,
// atomically. A reply that may not be published is refused first
// (*publish.RefusedError); then the signed reply is checked as
// ExportChecked does: with errors, the file is written only when force is
// set, else the error is a *CheckError. Characters no font has are never
// forced (*MissingError).
func (d *Desk) ExportPublic(path string, r *reply.Reply, force bool) (*page.Doc, []reply.Problem, error) {
	if err := safefile.CheckOutput(path, ".pdf"); err != nil {
		return nil, nil, err
	}
	v, errs, err := d.checkedPublic(r, force)
	if err != nil {
		return nil, errs, err
	}
	res := layout.Typeset(v.Reply, v.Style, d.Fonts)
	if len(res.Missing) > 0 {
		return nil, errs, &MissingError{res.Missing}
	}
	if err := pdf.WriteFile(path, res.Doc, d.Fonts, pdfOptions); err != nil {
		return nil, errs, safefile.Explain("导出", path, err)
	}
	return res.Doc, errs, nil
}

// ExportPublicDOCX writes the public version of r to path as a Word
// document, atomically, refused and checked as ExportPublic.
func (d *Desk) ExportPublicDOCX(path string, r *reply.Reply, force bool) ([]reply.Problem, error) {
	if err := safefile.CheckOutput(path, ".docx"); err != nil {
		return nil, err
	}
	v, errs, err := d.checkedPublic(r, force)
	if err != nil {
		return errs, err
	}
	res := layout.Typeset(v.Reply, v.Style, d.Fonts)
	opt := docxOptions
	opt.TitleLines, opt.SignatureBlanks = res.TitleLines, res.SignatureBlanks
	b, err := docx.Bytes(letter.New(v.Reply, v.Style), opt)
	if err != nil {
		return errs, err
	}
	if err := safefile.WriteBytes(path, b); err != nil {
		return errs, safefile.Explain("导出", path, err)
	}
	return errs, nil
}
