package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkPublish200 publishes 200 replies: public PDFs, web pages and
// the index (the issue asks for at most 5 s).
func BenchmarkPublish200(b *testing.B) {
	l, s := newLedger(b)
	items := withDrafts(b, l, s, 200)
	dir := b.TempDir()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		pub, err := l.Publish(context.Background(), items, dir, PublishOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if ok, _ := pub.Count(); ok != 200 {
			b.Fatalf("%d published", ok)
		}
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkCompile200 binds 200 replies into one 答复汇编 (the issue asks
// for at most 10 s and 20 MB).
func BenchmarkCompile200(b *testing.B) {
	l, s := newLedger(b)
	items := withDrafts(b, l, s, 200)
	path := filepath.Join(b.TempDir(), "汇编.pdf")
	b.ResetTimer()
	var size int64
	var pages int
	cpu := cpuTime()
	for b.Loop() {
		c, err := l.Compile(context.Background(), items, path, CompileOptions{})
		if err != nil {
			b.Fatal(err)
		}
		size, pages = c.Size, c.Pages
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != size {
		b.Fatalf("the volume: %v", err)
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(size)/(1<<20), "MB")
	b.ReportMetric(float64(pages), "pages")
}
