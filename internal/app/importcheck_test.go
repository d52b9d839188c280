package app

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"replydesk/internal/reply"
)

// TestImportNoNewErrors: a recognised reply renders without any error
// that the original did not have. The original of each real published
// reply in internal/recognize/testdata is the recognised reply with every
// field its .want file describes set to the expected value (empty when the
// letter has none); both are checked with the same style. An error of the
// recognised reply is explained when the original has an error on the
// same field — that is, the published letter itself lacks or misprints
// it — and every other error is a fault of recognition.
func TestImportNoNewErrors(t *testing.T) {
	txts, _ := filepath.Glob("../recognize/testdata/*.txt")
	if len(txts) < 12 {
		t.Fatalf("%d letters in testdata, want at least 12", len(txts))
	}
	d := desk(t)
	for _, txt := range txts {
		t.Run(strings.TrimSuffix(filepath.Base(txt), ".txt"), func(t *testing.T) {
			im, err := d.ImportLetterFile(txt, "")
			if err != nil {
				t.Fatal(err)
			}
			orig := im.Reply.Clone()
			applyWant(t, &orig, strings.TrimSuffix(txt, ".txt")+".want")
			had := map[string]bool{}
			for _, p := range d.Check(&orig) {
				if p.Severity == reply.Error {
					had[p.Field] = true
				}
			}
			for _, p := range d.Check(im.Reply) {
				if p.Severity == reply.Error && !had[p.Field] {
					t.Errorf("new error on %s: %s", p.Field, p.Message)
				}
			}
		})
	}
}

// applyWant sets the fields a .want file of package recognize describes
// ("field: value" lines; a field not listed is empty in the letter).
func applyWant(t *testing.T, r *reply.Reply, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ": "); ok {
			w[k] = v
		}
	}
	list := func(k, sep string) []string {
		if w[k] == "" {
			return nil
		}
		return strings.Split(w[k], sep)
	}
	num := func(k string) int {
		n, _ := strconv.Atoi(w[k])
		return n
	}
	r.Category, r.Disclosure, r.DocNumber, r.Signer = w["category"], w["disclosure"], w["doc_number"], w["signer"]
	r.Title, r.Salutation, r.Kind = w["title"], w["salutation"], reply.Kind(w["kind"])
	r.Proposers, r.ProposerCount = list("proposers", "、"), num("proposer_count")
	r.Assembly, r.Term, r.Session, r.Number = w["assembly"], num("term"), num("session"), w["number"]
	r.ItemTitle, r.Opening, r.Closing, r.Issuer = w["item_title"], w["opening"], w["closing"], w["issuer"]
	r.Date = reply.Date{}
	if w["date"] != "" {
		if r.Date, err = reply.ParseDate(w["date"]); err != nil {
			t.Fatalf("%s: date: %v", path, err)
		}
	}
	r.Seal = w["seal"] == "true"
	r.Notes, r.CC = list("notes", "|"), list("cc", "、")
	r.Contact = reply.Contact{Name: w["contact.name"], Phone: w["contact.phone"]}
	var atts []reply.Attachment
	for i, title := range list("attachments", "|") {
		a := reply.Attachment{Title: title}
		if i < len(r.Attachments) {
			a.Body, a.Table = r.Attachments[i].Body, r.Attachments[i].Table
		}
		atts = append(atts, a)
	}
	r.Attachments = atts
}
