package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"replydesk/internal/letter"
	"replydesk/internal/reply"
	"replydesk/internal/style"
	"replydesk/internal/tomlfile"
)

// examples returns the letters of every example reply with its style, and
// of the seed in every shipped style.
func examples(tb testing.TB) map[string]*letter.Letter {
	tb.Helper()
	styles, err := tomlfile.LoadStyles(os.DirFS("../../../templates"))
	if err != nil {
		tb.Fatal(err)
	}
	files, _ := filepath.Glob("../../../templates/examples/*.reply.toml")
	more, _ := filepath.Glob("../../layout/testdata/*.reply.toml")
	out := map[string]*letter.Letter{}
	for _, f := range append(files, more...) {
		r, err := tomlfile.ReadReplyFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		st := style.Select(styles, r.Style, r.Kind)
		if st == nil {
			tb.Fatalf("%s: no style", f)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".reply.toml")] = letter.New(r, st)
		if strings.HasPrefix(filepath.Base(f), "reply-244") {
			for _, s := range styles {
				out["seed-"+s.Name] = letter.New(r, s)
			}
		}
	}
	if len(out) < 12 {
		tb.Fatalf("found %d examples", len(out))
	}
	return out
}

func seedLetter(tb testing.TB) *letter.Letter {
	tb.Helper()
	return examples(tb)["reply-244"]
}

// TestPackage opens every example's .docx as Word would: every part is
// well-formed XML, every part has a content type, every relationship's
// target exists, and the parts Word needs are there.
func TestPackage(t *testing.T) {
	for name, l := range examples(t) {
		t.Run(name, func(t *testing.T) {
			b, err := Bytes(l, Options{})
			if err != nil {
				t.Fatal(err)
			}
			z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string][]byte{}
			for _, f := range z.File {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				data, _ := io.ReadAll(rc)
				rc.Close()
				parts[f.Name] = data
				if err := wellFormed(data); err != nil {
					t.Errorf("%s is not well-formed: %v", f.Name, err)
				}
			}
			for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
				"word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml", "docProps/core.xml", "docProps/app.xml"} {
				if parts[want] == nil {
					t.Errorf("no part %s", want)
				}
			}
			types := string(parts["[Content_Types].xml"])
			for name := range parts {
				if !strings.HasSuffix(name, ".rels") && name != "[Content_Types].xml" && !strings.Contains(types, `PartName="/`+name+`"`) {
					t.Errorf("%s has no content type", name)
				}
			}
			for name, data := range parts {
				if !strings.HasSuffix(name, ".rels") {
					continue
				}
				dir := path.Dir(path.Dir(name)) // _rels/x.rels describes x in the folder above
				var rels struct {
					R []struct {
						ID     string `xml:"Id,attr"`
						Target string `xml:"Target,attr"`
					} `xml:"Relationship"`
				}
				if err := xml.Unmarshal(data, &rels); err != nil || len(rels.R) == 0 {
					t.Errorf("%s: %v", name, err)
				}
				for _, r := range rels.R {
					target := path.Join(dir, r.Target)
					if parts[target] == nil {
						t.Errorf("%s: %s points at %s, which is not in the package", name, r.ID, target)
					}
					if name == "word/_rels/document.xml.rels" && strings.HasPrefix(r.Target, "footer") && !strings.Contains(string(parts["word/document.xml"]), `r:id="`+r.ID+`"`) && l.Format == style.Letter {
						t.Errorf("the letter format does not use %s (%s)", r.ID, r.Target)
					}
				}
			}
		})
	}
}

// wellFormed reads every token of an XML document.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// partOf returns one part of a .docx.
func partOf(t *testing.T, b []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == name {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			return string(data)
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}

// TestPage checks the page of the seed: A4, the GB/T 9704 margins, the
// grid of 22 × 28, odd and even footers, and the styles a user edits with.
func TestPage(t *testing.T) {
	b, err := Bytes(seedLetter(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := partOf(t, b, "word/document.xml")
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,
		`<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"`,
		`<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-841"/>`,
		`<w:footerReference w:type="even"`,
		`<w:pStyle w:val="Heading1CN"/>`,
		`>一、聚焦主导产业，服务经济社会发展<`,
		`>联系人姓名及电话：刘丽 13578951242<`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if strings.Contains(doc, "titlePg") {
		t.Error("the plain format has no first page of its own")
	}
	styles := partOf(t, b, "word/styles.xml")
	for _, want := range []string{`w:line="579" w:lineRule="exact"`, `w:firstLineChars="200"`, `<w:name w:val="一级标题"/>`,
		`<w:name w:val="二级标题"/>`, `<w:name w:val="Title"/>`, `w:eastAsia="仿宋_GB2312"`, `w:eastAsia="方正小标宋简体"`,
		`w:eastAsia="黑体"`, `w:eastAsia="楷体_GB2312"`, `<w:sz w:val="44"/>`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	if s := partOf(t, b, "word/settings.xml"); !strings.Contains(s, "<w:evenAndOddHeaders/>") {
		t.Error("settings.xml: no odd and even footers")
	}
	odd, even := partOf(t, b, "word/footer1.xml"), partOf(t, b, "word/footer2.xml")
	if !strings.Contains(odd, `<w:jc w:val="right"/>`) || !strings.Contains(even, `<w:jc w:val="left"/>`) || !strings.Contains(odd, `w:instr=" PAGE "`) {
		t.Errorf("footers: odd %s\neven %s", odd, even)
	}
	if !strings.Contains(partOf(t, b, "word/fontTable.xml"), `<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong_GB2312"/>`) {
		t.Error("fontTable.xml: no 仿宋_GB2312 with its alternative name")
	}
}

// TestLetterFormat checks the 信函格式: a first page with the red header
// and its rule and no page number.
func TestLetterFormat(t *testing.T) {
	l := examples(t)["letter"]
	b, err := Bytes(l, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := partOf(t, b, "word/document.xml")
	if !strings.Contains(doc, "<w:titlePg/>") || !strings.Contains(doc, `<w:headerReference w:type="first" r:id="rId7"/>`) {
		t.Error("the letter format has no first page of its own")
	}
	hdr, ftr := partOf(t, b, "word/header1.xml"), partOf(t, b, "word/footer3.xml")
	if !strings.Contains(hdr, ">"+l.Header+"<") || !strings.Contains(hdr, `w:val="thickThinSmallGap"`) || !strings.Contains(hdr, red) {
		t.Errorf("header of page 1: %s", hdr)
	}
	if strings.Contains(ftr, "PAGE") || !strings.Contains(ftr, `w:val="thinThickSmallGap"`) {
		t.Errorf("footer of page 1: %s", ftr)
	}
}

// TestStable checks that a letter gives the same bytes every time and that
// a date, when asked for, is written.
func TestStable(t *testing.T) {
	l := seedLetter(t)
	a, _ := Bytes(l, Options{})
	b, _ := Bytes(l, Options{})
	if !bytes.Equal(a, b) {
		t.Error("two writes of the seed differ")
	}
	if strings.Contains(partOf(t, a, "docProps/core.xml"), "dcterms:created") {
		t.Error("a date without Options.Date")
	}
	if len(a) > 30<<10 {
		t.Errorf("the seed's .docx is %d bytes, want at most 30 KB", len(a))
	}
}

// TestEscape checks that text is escaped and what XML cannot hold dropped.
func TestEscape(t *testing.T) {
	r := &reply.Reply{Kind: reply.Proposal, Title: `A<B>&"C'`, Body: "x\x01y\uFFFE"}
	b, err := Bytes(letter.New(r, &style.Style{}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := partOf(t, b, "word/document.xml")
	if err := wellFormed([]byte(doc)); err != nil || !strings.Contains(doc, "A&lt;B&gt;&amp;&quot;C&apos;") {
		t.Errorf("escaping: %v\n%s", err, doc)
	}
}

// BenchmarkSeed measures the export of the seed (ReplyDesk asks for at
// most 10 ms warm).
func BenchmarkSeed(b *testing.B) {
	l := seedLetter(b)
	b.ReportAllocs()
	var n int
	for b.Loop() {
		out, err := Bytes(l, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.ReportMetric(float64(n), "bytes")
}

// TestNumberedParagraphs checks that Word gets the numbered paragraphs as
// the page sets them (layout testdata numbered-paragraphs): a whole
// sentence after 一、 as 正文, a run-in heading's sentence alone in the
// heading's font, and the clerk's overrides.
func TestNumberedParagraphs(t *testing.T) {
	b, err := Bytes(examples(t)["numbered-paragraphs"], Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := partOf(t, b, "word/document.xml")
	// para returns the paragraph of document.xml that holds text.
	para := func(text string) string {
		i := strings.Index(doc, text)
		if i < 0 {
			t.Fatalf("document.xml lacks %q", text)
		}
		start := strings.LastIndex(doc[:i], "<w:p>")
		end := i + strings.Index(doc[i:], "</w:p>")
		return doc[start:end]
	}
	plain := func(text string) string { return `<w:r><w:t xml:space="preserve">` + text }
	for _, c := range []struct {
		text, want, not string
	}{
		{"一、近年来，我市", plain("一、近年来，我市"), "Heading"},
		{"二、加强部门协作。", `w:eastAsia="黑体" w:cs="黑体"/></w:rPr><w:t xml:space="preserve">二、加强部门协作。</w:t>`, "Heading"},
		{"市民政局会同", plain("市民政局会同"), ""},
		{"三、主要做法：", `w:eastAsia="黑体" w:cs="黑体"/></w:rPr><w:t xml:space="preserve">三、主要做法：</w:t>`, ""},
		{"四、完善扶持政策", plain("四、完善扶持政策"), "Heading"},
		{"（一）对新建的", `<w:pStyle w:val="Heading2CN"/>`, ""},
		{"五、我们将继续推进", plain("五、我们将继续推进"), "黑体"},
	} {
		p := para(c.text)
		if !strings.Contains(p, c.want) || c.not != "" && strings.Contains(p, c.not) {
			t.Errorf("paragraph of %q = %s\nwant %s, not %q", c.text, p, c.want, c.not)
		}
	}
}
