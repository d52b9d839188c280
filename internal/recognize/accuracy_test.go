package recognize

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"replydesk/internal/reply"
)

// fields are the fields the accuracy test compares, in the order of the
// table it prints.
var fields = []string{
	"category", "disclosure", "doc_number", "signer", "title", "salutation", "kind",
	"proposers", "proposer_count", "assembly", "term", "session", "number", "item_title",
	"opening", "body_paras", "closing", "issuer", "date", "seal", "notes",
	"contact.unit", "contact.name", "contact.phone", "responsible", "cc", "attachments",
}

// got writes the fields of r in the form of a .want file.
func got(r *reply.Reply) map[string]string {
	var atts []string
	for _, a := range r.Attachments {
		atts = append(atts, a.Title)
	}
	m := map[string]string{
		"category": r.Category, "disclosure": r.Disclosure, "doc_number": r.DocNumber,
		"signer": r.Signer, "title": r.Title, "salutation": r.Salutation, "kind": string(r.Kind),
		"proposers": strings.Join(r.Proposers, "、"), "assembly": r.Assembly,
		"number": r.Number, "item_title": r.ItemTitle, "opening": r.Opening,
		"body_paras": strconv.Itoa(len(reply.Paragraphs(r.Body))), "closing": strings.ReplaceAll(r.Closing, "\n", "|"),
		"issuer": r.Issuer, "date": r.Date.ISO(), "notes": strings.Join(r.Notes, "|"),
		"contact.unit": r.Contact.Unit, "contact.name": r.Contact.Name, "contact.phone": r.Contact.Phone,
		"responsible": r.Responsible,
		"cc":          strings.Join(r.CC, "、"), "attachments": strings.Join(atts, "|"),
	}
	num := func(k string, n int) {
		if n != 0 {
			m[k] = strconv.Itoa(n)
		}
	}
	num("proposer_count", r.ProposerCount)
	num("term", r.Term)
	num("session", r.Session)
	if r.Seal {
		m["seal"] = "true"
	}
	if m["body_paras"] == "0" {
		m["body_paras"] = ""
	}
	return m
}

// readWant reads a .want file: "field: value" lines; a field not listed
// is expected empty, and a field given as "?" is not judged (the seal of
// a letter whose published text gives no hint of it).
func readWant(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ": ")
		if !ok {
			continue
		}
		want[k] = v
	}
	for k := range want {
		if !slices.Contains(fields, k) {
			t.Fatalf("%s: unknown field %q", path, k)
		}
	}
	return want
}

// letters selects the letters TestAccuracy reads: comma-separated globs,
// e.g. -letters 'testdata/gejiu-*.txt,testdata/xifeng-*.txt' to measure a
// subset (such as letters added but not yet used to tune the recogniser).
var letters = flag.String("letters", "testdata/*.txt", "comma-separated globs of the letters TestAccuracy reads")

// TestAccuracy recognises every letter of testdata/*.txt and compares the
// fields with its .want file. It prints the accuracy per field and fails
// below 95% of the fields the letters have (non-empty expected values), or
// when a field the letter lacks is filled (an invented value).
func TestAccuracy(t *testing.T) {
	var txts []string
	for _, g := range strings.Split(*letters, ",") {
		m, _ := filepath.Glob(strings.TrimSpace(g))
		txts = append(txts, m...)
	}
	if *letters == "testdata/*.txt" && len(txts) < 12 {
		t.Fatalf("%d letters in testdata, want at least 12", len(txts))
	}
	sort.Strings(txts)
	hit, total := map[string]int{}, map[string]int{}
	allHit, allTotal, invented := 0, 0, 0
	for _, txt := range txts {
		name := strings.TrimSuffix(filepath.Base(txt), ".txt")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(txt)
			if err != nil {
				t.Fatal(err)
			}
			want := readWant(t, strings.TrimSuffix(txt, ".txt")+".want")
			g := got(Letter(string(src), Options{}).Reply)
			for _, f := range fields {
				switch {
				case want[f] == "?":
				case want[f] == "" && g[f] != "":
					invented++
					t.Errorf("%s = %q, want empty (not in the letter)", f, g[f])
				case want[f] == "":
				case want[f] == g[f]:
					hit[f]++
					allHit++
					total[f]++
					allTotal++
				default:
					total[f]++
					allTotal++
					t.Logf("%s = %q, want %q", f, g[f], want[f])
				}
			}
		})
	}
	t.Logf("%-15s %5s %5s %7s", "field", "right", "of", "share")
	for _, f := range fields {
		if total[f] > 0 {
			t.Logf("%-15s %5d %5d %6.1f%%", f, hit[f], total[f], 100*float64(hit[f])/float64(total[f]))
		}
	}
	share := 100 * float64(allHit) / float64(allTotal)
	t.Logf("%-15s %5d %5d %6.1f%%  (%d letters; %d values invented)", "all", allHit, allTotal, share, len(txts), invented)
	if share < 95 {
		t.Errorf("accuracy %.1f%%, want at least 95%%", share)
	}
}
