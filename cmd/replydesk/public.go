package main

import (
	"fmt"
	"io"
	"strings"

	"replydesk/internal/app"
	"replydesk/internal/reply"
)

// renderPublic writes the public version of r (render --public) to out in
// the format of ext, checked but forced as render is: the errors are told
// after. It returns the pages written, as render prints them.
func renderPublic(d *app.Desk, out, ext string, r *reply.Reply, stderr io.Writer) (string, []reply.Problem, error) {
	if v, err := d.Public(r); err == nil {
		for _, s := range v.Removed {
			fmt.Fprintln(stderr, "注意：公开版"+s)
		}
	}
	switch ext {
	case ".docx":
		errs, err := d.ExportPublicDOCX(out, r, true)
		return "（公开版）", errs, err
	case ".html":
		errs, err := d.ExportPublicHTML(out, r, true)
		return "（公开版网页）", errs, err
	case ".txt":
		errs, err := d.ExportPublicText(out, r, true)
		return "（公开版文本）", errs, err
	}
	doc, errs, err := d.ExportPublic(out, r, true)
	if err != nil {
		return "", errs, err
	}
	return fmt.Sprintf("（公开版，%d 页）", len(doc.Pages)), errs, nil
}

// webExt is the extension of a public-only format that --format f names,
// or else that the output file out ends in: ".html" or ".txt"; "" for
// the others.
func webExt(f, out string) string {
	switch f {
	case "html", "htm":
		return ".html"
	case "txt", "text":
		return ".txt"
	case "":
		switch lo := strings.ToLower(out); {
		case strings.HasSuffix(lo, ".html"):
			return ".html"
		case strings.HasSuffix(lo, ".txt"):
			return ".txt"
		}
	}
	return ""
}
