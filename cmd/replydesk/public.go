package main

import (
	"fmt"

	"replydesk/internal/app"
	"replydesk/internal/reply"
)

// renderPublic writes the public version of r (render --public) to out in
// the format of ext, checked but forced as render is: the errors are told
// after. It returns the pages written, as render prints them.
func renderPublic(d *app.Desk, out, ext string, r *reply.Reply) (string, []reply.Problem, error) {
	if ext == ".docx" {
		errs, err := d.ExportPublicDOCX(out, r, true)
		return "", errs, err
	}
	doc, errs, err := d.ExportPublic(out, r, true)
	if err != nil {
		return "", errs, err
	}
	return fmt.Sprintf("（公开版，%d 页）", len(doc.Pages)), errs, nil
}
