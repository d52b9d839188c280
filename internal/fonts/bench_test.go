package fonts

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// reply is a paragraph of the canonical example reply.
const reply = "近几年我市职业教育聚焦吉林省“一主六双”产业布局规划，开设17大类百余种专业，" +
	"为我市经济社会发展输送了大批技术技能人才。下一步，我局将会同市人社局等部门，" +
	"继续深化产教融合、校企合作，推动职业院校专业设置与产业需求对接（联系人：王堃，电话：0431-88888888）。"

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		Default()
	}
}

func BenchmarkGlyph(b *testing.B) {
	s := set(b)
	text := []rune(reply)
	for _, r := range text {
		s.Glyph(Body, r)
	}
	i := 0
	for b.Loop() {
		s.Glyph(Body, text[i%len(text)])
		i++
	}
}

func BenchmarkGlyphFallback(b *testing.B) {
	s := set(b)
	for b.Loop() {
		s.Glyph(Body, '堃')
	}
}

func BenchmarkData(b *testing.B) {
	s := set(b)
	s.Data(FandolFang)
	for b.Loop() {
		s.Data(FandolFang)
	}
}

// BenchmarkMissing checks a 3-page reply (≈ 2,500 characters).
func BenchmarkMissing(b *testing.B) {
	s := set(b)
	text := strings.Repeat(reply, 16)
	for b.Loop() {
		s.Missing(Body, text)
	}
}

// BenchmarkFirstUse reads a face's metrics from the binary, as the first
// lookup in that face does.
func BenchmarkFirstUse(b *testing.B) {
	for _, name := range []string{FandolFang, NotoSerif} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				data, err := embeddedBytes(name + ".ttf")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := readMetrics(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWithFile(b *testing.B) {
	s := set(b)
	for b.Loop() {
		if _, err := s.WithFile(Body, "testdata/test.ttf"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInstalled(b *testing.B) {
	for b.Loop() {
		Installed()
	}
}

// BenchmarkSubset makes the subset of the seed's characters in the body
// face afresh, as a document with a glyph set not seen lately does.
func BenchmarkSubset(b *testing.B) {
	f, err := set(b).Face(FandolFang)
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile("testdata/seed-chars.txt")
	if err != nil {
		b.Fatal(err)
	}
	var rs []rune
	for _, r := range sortedRunes([]rune(string(data))) {
		if _, ok := f.Glyph(r); ok {
			rs = append(rs, r)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		sub, err := f.subset(rs)
		if err != nil {
			b.Fatal(err)
		}
		sub.WithoutOutlines()
	}
	b.ReportMetric(float64(len(rs)), "runes")
}
