package pdf

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"testing"

	"replydesk/internal/fonts"
	"replydesk/internal/page"
	"replydesk/internal/render/rendertest"
)

// gopdfVersion is the gopdf release whose output finish and segment were
// checked against.
const gopdfVersion = "v0.33.0"

// TestGopdfVersion fails on any other gopdf release. Before raising the
// version, check what this package assumes of gopdf's output: what
// finish lists (font programs compressed by gopdf, ToUnicode beyond the
// BMP, no Keywords), the order of the objects AddTTFFontData adds
// (nextFontObjects; TestGopdfObjects), and the decimals Text writes
// (segment; TestGopdfDecimals).
func TestGopdfVersion(t *testing.T) {
	mod, err := os.ReadFile("../../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*(?:require\s+)?github\.com/signintech/gopdf\s+(\S+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod does not require github.com/signintech/gopdf")
	}
	if v := string(m[1]); v != gopdfVersion || bytes.Contains(mod, []byte("replace github.com/signintech/gopdf")) {
		t.Fatalf("go.mod has gopdf %s (or replaces it); this package was checked against %s: see this test's comment", v, gopdfVersion)
	}
}

// TestGopdfObjects checks, on the raw output of gopdf, the objects finish
// replaces: where nextFontObjects says, each font's ToUnicode map, font
// program, descriptor and font, referring to each other; where drawPage
// recorded them, each page's uncompressed content stream.
func TestGopdfObjects(t *testing.T) {
	rendertest.Need(t, "WenKai", "DejaVuSans")
	d := mixedDoc()
	_, order, err := collectFaces(d, testFaces)
	if err != nil {
		t.Fatal(err)
	}
	for _, uf := range order {
		if err := uf.subset(); err != nil {
			t.Fatal(err)
		}
		uf.nameSubset()
	}
	gopdfKept.clear()
	raw, contents, err := gopdfOutput(d, order)
	if err != nil {
		t.Fatal(err)
	}
	xrefAt, offsets, err := readXref(raw)
	if err != nil {
		t.Fatal(err)
	}
	objs := make([][]byte, len(offsets))
	for i := range offsets {
		end := xrefAt
		if i+1 < len(offsets) {
			end = offsets[i+1]
		}
		objs[i] = raw[offsets[i]:end]
	}
	for _, uf := range order {
		if err := uf.ids.check(objs); err != nil {
			t.Errorf("%s: %v at %+v", uf.name, err, uf.ids)
		}
		if !bytes.Contains(objs[uf.ids.font-1], []byte("/BaseFont /"+uf.family+"\n")) {
			t.Errorf("%s: object %d is not its font", uf.name, uf.ids.font)
		}
	}
	if len(contents) != len(d.Pages) {
		t.Fatalf("%d content objects for %d pages", len(contents), len(d.Pages))
	}
	for i, id := range contents {
		if _, err := contentObject(id, objs[id-1], nil, 6); err != nil {
			t.Errorf("page %d: object %d is not an uncompressed content stream", i+1, id)
		}
		if !regexp.MustCompile(fmt.Sprintf(`/Contents\s+%d 0 R\s`, id)).Match(raw) {
			t.Errorf("page %d: no page refers to object %d", i+1, id)
		}
	}
}

// TestGopdfDecimals checks what segment relies on: gopdf's Text writes the
// segment's start (TD) and character spacing (Tc) as segment gives them,
// to 0.01 and 0.001 pt, and the font's widths (W) as width computes them.
func TestGopdfDecimals(t *testing.T) {
	rendertest.Need(t, "WenKai")
	mm := page.Millimetre
	run := page.Run{Face: "WenKai", Size: 10*page.Point + page.Point/2, Y: 50 * mm,
		Glyphs: []page.Glyph{{R: '答', X: 12345}, {R: '复', X: 10*mm + 77}, {R: '函', X: 13 * mm}, {R: '口', X: 30*mm + 5}}}
	d := &page.Doc{Width: 210 * mm, Height: 297 * mm, Pages: []page.Page{{Runs: []page.Run{run}}}}
	var buf bytes.Buffer
	if err := Write(&buf, d, testFaces, Options{CompressLevel: -1}); err != nil {
		t.Fatal(err)
	}
	face, _ := testFaces.Face("WenKai")
	sub, _ := face.Subset([]rune("答复函口"))
	var want []string
	for _, s := range segment(run, sub) {
		y := d.Height.Pt() - run.Y.Pt()
		want = append(want, fmt.Sprintf("%s %.2f TD %s Tc", strconv.FormatFloat(s.x, 'f', -1, 64), y, strconv.FormatFloat(s.spacing, 'f', -1, 64)))
	}
	var got []string
	for _, m := range regexp.MustCompile(`([\d.]+ [\d.]+) TD\n/F\d+ [\d.]+ Tf ([-\d.]+) Tc`).FindAllSubmatch(buf.Bytes(), -1) {
		got = append(got, string(m[1])+" TD "+string(m[2])+" Tc")
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("gopdf wrote\n%q\nsegment expects\n%q", got, want)
	}
	checkWidths(t, buf.Bytes(), sub, "答复函口")
	rendertest.Need(t, "DejaVuSans") // 2048 units per em: widths are truncated
	latin := page.Run{Face: "DejaVuSans", Size: 12 * page.Point, Y: 50 * mm, Glyphs: rendertest.GlyphsOf("Résumé", 20*mm, 7*page.Point)}
	buf.Reset()
	if err := Write(&buf, &page.Doc{Width: 210 * mm, Height: 297 * mm, Pages: []page.Page{{Runs: []page.Run{latin}}}}, testFaces, Options{CompressLevel: -1}); err != nil {
		t.Fatal(err)
	}
	face, _ = testFaces.Face("DejaVuSans")
	sub, _ = face.Subset([]rune("Résumé"))
	checkWidths(t, buf.Bytes(), sub, "Résumé")
}

// checkWidths checks that the widths (W) of the one font of pdf are those
// width gives for the runes of text.
func checkWidths(t *testing.T, pdf []byte, sub *fonts.Subset, text string) {
	t.Helper()
	m := regexp.MustCompile(`/W \[((?:\d+\[\d+\])+)\]`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no widths (/W) in the font")
	}
	widths := map[string]string{}
	for _, w := range regexp.MustCompile(`(\d+)\[(\d+)\]`).FindAllSubmatch(m[1], -1) {
		widths[string(w[1])] = string(w[2])
	}
	for _, r := range text {
		gid, _, _ := sub.Glyph(r)
		if got, want := widths[strconv.Itoa(int(gid))], strconv.Itoa(width(sub, r)); got != want {
			t.Errorf("%q: gopdf wrote width %q, width gives %s", r, got, want)
		}
	}
}
