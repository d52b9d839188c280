package app

import (
	"bytes"
	"strconv"
	"testing"
)

// BenchmarkReexportPDF measures exporting the seed again unchanged, as
// when the user exports or prints the reply a second time: typesetting
// runs, the PDF is the one written before.
func BenchmarkReexportPDF(b *testing.B) {
	d, r := desk(b), seed(b)
	var buf bytes.Buffer
	if _, err := d.WritePDF(&buf, r); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if _, err := d.WritePDF(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB")
}

// BenchmarkTypesetPDFChanged measures typesetting and writing the seed
// after an edit: each document has another number (so another title) than
// the documents written before it, its faces already loaded and most of
// its glyph sets seen.
func BenchmarkTypesetPDFChanged(b *testing.B) {
	d, r := desk(b), seed(b)
	c := r.Clone()
	var buf bytes.Buffer
	if _, err := d.WritePDF(&buf, &c); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		c.Number = strconv.Itoa(1000 + n)
		buf.Reset()
		if _, err := d.WritePDF(&buf, &c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB")
}
