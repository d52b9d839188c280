package wordml

import (
	"archive/zip"
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"
)

// Namespace declarations for the parts built in tests.
const nsDecl = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" ` +
	`xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" ` +
	`mc:Ignorable="wps"`

// files are the parts of a package by name.
type files map[string]string

// docx builds a .docx whose body is body (the content of w:body), with
// the extra parts given (styles, numbering, headers: each is related to
// the main part by the type its name suggests).
func docx(t testing.TB, body string, extra files) []byte {
	t.Helper()
	parts := files{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`</Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`</Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document ` + nsDecl + `><w:body>` + body + `</w:body></w:document>`,
	}
	var rels strings.Builder
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, name := range slices.Sorted(maps.Keys(extra)) {
		parts[name] = extra[name]
		typ := ""
		base := strings.TrimPrefix(name, "word/")
		switch {
		case base == "styles.xml":
			typ = "styles"
		case base == "numbering.xml":
			typ = "numbering"
		case strings.HasPrefix(base, "header"):
			typ = "header"
		default:
			continue
		}
		id := "rId" + strings.TrimSuffix(base, ".xml")
		rels.WriteString(`<Relationship Id="` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/` + typ + `" Target="` + base + `"/>`)
	}
	rels.WriteString(`</Relationships>`)
	if _, ok := parts["word/_rels/document.xml.rels"]; !ok {
		parts["word/_rels/document.xml.rels"] = rels.String()
	}
	return zipOf(t, parts)
}

// zipOf writes parts into a zip archive, in a stable order.
func zipOf(t testing.TB, parts files) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// paragraphXML writes a paragraph of one run of text, with pPr if given.
func paragraphXML(pPr, text string) string {
	if pPr != "" {
		pPr = "<w:pPr>" + pPr + "</w:pPr>"
	}
	return `<w:p>` + pPr + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// read reads a .docx built in a test.
func read(t testing.TB, b []byte) *Document {
	t.Helper()
	d, err := Read(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return d
}

// texts are the texts of d's blocks, a table written as its rows.
func texts(d *Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Table != nil {
			var sb strings.Builder
			writeTable(&sb, b.Table, "/")
			out = append(out, "[table]"+sb.String())
			continue
		}
		out = append(out, b.Text)
	}
	return out
}
