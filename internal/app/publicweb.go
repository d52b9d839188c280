package app

import (
	"io"

	"replydesk/internal/letter"
	"replydesk/internal/publish"
	"replydesk/internal/render/html"
	"replydesk/internal/reply"
	"replydesk/internal/safefile"
)

// WritePublicHTML writes the public version of r to w as a web page (see
// package render/html); a reply that may not be published is refused
// (*publish.RefusedError).
func (d *Desk) WritePublicHTML(w io.Writer, r *reply.Reply, opt html.Options) error {
	v, err := d.Public(r)
	if err != nil {
		return err
	}
	return html.Write(w, letter.New(v.Reply, v.Style), opt)
}

// WritePublicText writes the public version of r to w as plain text, to
// paste into a website's editor.
func (d *Desk) WritePublicText(w io.Writer, r *reply.Reply) error {
	v, err := d.Public(r)
	if err != nil {
		return err
	}
	return html.WriteText(w, letter.New(v.Reply, v.Style))
}

// ExportPublicHTML writes the public version of r to path as a web page,
// atomically, refused and checked as ExportPublic.
func (d *Desk) ExportPublicHTML(path string, r *reply.Reply, force bool) ([]reply.Problem, error) {
	return d.exportPublicFile(path, ".html", r, force, func(w io.Writer, v *publish.Version) error {
		return html.Write(w, letter.New(v.Reply, v.Style), html.Options{})
	})
}

// ExportPublicText writes the public version of r to path as plain
// UTF-8 text, atomically, refused and checked as ExportPublic.
func (d *Desk) ExportPublicText(path string, r *reply.Reply, force bool) ([]reply.Problem, error) {
	return d.exportPublicFile(path, ".txt", r, force, func(w io.Writer, v *publish.Version) error {
		return html.WriteText(w, letter.New(v.Reply, v.Style))
	})
}

// exportPublicFile checks the output path, refuses and checks r, and
// writes its public version with write, atomically.
func (d *Desk) exportPublicFile(path, ext string, r *reply.Reply, force bool, write func(io.Writer, *publish.Version) error) ([]reply.Problem, error) {
	if err := safefile.CheckOutput(path, ext); err != nil {
		return nil, err
	}
	v, errs, err := d.checkedPublic(r, force)
	if err != nil {
		return errs, err
	}
	if err := safefile.Write(path, func(w io.Writer) error { return write(w, v) }); err != nil {
		return errs, safefile.Explain("导出", path, err)
	}
	return errs, nil
}
