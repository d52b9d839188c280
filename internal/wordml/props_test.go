package wordml

import (
	"archive/zip"
	"bytes"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestPropertiesAndGrid: custom text properties are read (other types
// and a damaged part are not an error), and a table's grid gives its
// column widths.
func TestPropertiesAndGrid(t *testing.T) {
	const body = `<w:tbl><w:tblGrid><w:gridCol w:w="1768"/><w:gridCol w:w="7076"/></w:tblGrid>` +
		`<w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>事项</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:tbl><w:tblGrid><w:gridCol w:w="x"/><w:gridCol w:w="7076"/></w:tblGrid>` +
		`<w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`
	const custom = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="答复类别"><vt:lpwstr>A</vt:lpwstr></property>` +
		`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="提出人"><vt:lpwstr>张三、李四</vt:lpwstr></property>` +
		`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="页数"><vt:i4>3</vt:i4></property>` +
		`</Properties>`
	pkgRels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>` +
		`</Relationships>`
	build := func(props string) *Document {
		b := docx(t, body, nil)
		parts := unzip(t, b)
		parts["_rels/.rels"] = pkgRels
		parts["docProps/custom.xml"] = props
		return read(t, zipOf(t, parts))
	}
	d := build(custom)
	if want := map[string]string{"答复类别": "A", "提出人": "张三、李四"}; !reflect.DeepEqual(d.Properties, want) {
		t.Errorf("Properties = %q, want %q", d.Properties, want)
	}
	if len(d.Blocks) != 2 || !slices.Equal(d.Blocks[0].Widths, []int{1768, 7076}) || d.Blocks[1].Widths != nil {
		t.Errorf("table widths %v, want [1768 7076] and nil for a grid with a bad width", blockWidths(d))
	}
	if d := build(strings.TrimSuffix(custom, "</Properties>")); d.Properties != nil || len(d.Blocks) != 2 {
		t.Errorf("a damaged properties part: Properties %q, %d blocks; want none and the text read", d.Properties, len(d.Blocks))
	}
}

func blockWidths(d *Document) [][]int {
	var ws [][]int
	for _, b := range d.Blocks {
		ws = append(ws, b.Widths)
	}
	return ws
}

// unzip returns the parts of a package by name.
func unzip(t testing.TB, b []byte) files {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := files{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(data)
	}
	return parts
}
