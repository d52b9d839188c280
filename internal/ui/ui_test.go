package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"replydesk/internal/app"
	"replydesk/internal/reply"
	"replydesk/internal/store"
	"replydesk/internal/tomlfile"
)

const seedFile = "../../templates/examples/reply-244.reply.toml"

var testDesk *app.Desk

func desk(t testing.TB) *app.Desk {
	t.Helper()
	if testDesk == nil {
		d, err := app.Open(app.Options{})
		if err != nil {
			t.Fatal(err)
		}
		testDesk = d
	}
	return testDesk
}

func seed(t testing.TB) *reply.Reply {
	t.Helper()
	r, err := tomlfile.ReadReplyFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// newUI builds the window with a fresh database.
func newUI(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "drafts.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	u := New(a, desk(t), st, nil)
	manual(u)
	t.Cleanup(func() { u.saver.SetDraft(0) })
	return u, st
}

// manual stops the preview and the autosave timers: Fyne's test driver
// runs fyne.Do at once on the calling goroutine, so a timer's refresh would
// race with the test's typing. Tests call Settle instead.
func manual(u *UI) {
	u.preview.delay, u.preview.quick = time.Hour, time.Hour
	u.preview.Flush()
	u.saver.SetDelay(time.Hour)
	u.list.delay = time.Hour
}

func dump(t testing.TB, r *reply.Reply) string {
	t.Helper()
	res, _, err := desk(t).Typeset(r)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := res.Doc.Dump(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// fill types the seed into the form field by field.
func fill(u *UI, r *reply.Reply) {
	f := u.form
	f.style.SetSelected(r.Style)
	f.kind.SetSelected(string(r.Kind))
	typed := map[string]string{
		"assembly": r.Assembly, "term": strconv.Itoa(r.Term), "session": strconv.Itoa(r.Session),
		"number": r.Number, "proposers": strings.Join(r.Proposers, "、"), "item_title": r.ItemTitle,
		"title": r.Title, "salutation": r.Salutation, "opening": r.Opening,
		"issuer": r.Issuer, "date": r.Date.ISO(), "contact.name": r.Contact.Name, "contact.phone": r.Contact.Phone,
	}
	for field, v := range typed {
		f.entries[field].SetText("")
		test.Type(f.entries[field], v)
	}
	// The body is thousands of characters: set it as a paste would.
	f.entries["body"].SetText(r.Body)
	f.entries["cc"].SetText(strings.Join(r.CC, "\n"))
	f.entries["closing"].SetText(r.Closing)
	for _, o := range f.category.Options {
		if choiceCode(o) == r.Category {
			f.category.SetSelected(o)
		}
	}
	for _, o := range f.disclosure.Options {
		if choiceCode(o) == r.Disclosure {
			f.disclosure.SetSelected(o)
		}
	}
	if f.seal.Checked != r.Seal {
		test.Tap(f.seal)
	}
}

func TestFillSeedGivesSeedPages(t *testing.T) {
	u, _ := newUI(t)
	want := seed(t)
	fill(u, want)
	u.Settle()
	if got, w := dump(t, u.Reply()), dump(t, want); got != w {
		t.Fatalf("pages of the filled form differ from the seed file's:\n%s", firstDiff(got, w))
	}
	if ps := u.Problems(); len(ps) != 0 {
		t.Errorf("seed shows problems: %v", ps)
	}
	if u.saver.Draft() == 0 {
		t.Error("editing did not create a draft")
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range al {
		if i >= len(bl) || al[i] != bl[i] {
			return "form: " + al[i] + "\nfile: " + strings.Join(bl[i:min(i+1, len(bl))], "")
		}
	}
	return "file is longer"
}

func TestSaveReopen(t *testing.T) {
	u, _ := newUI(t)
	r := seed(t)
	u.Load(r, 0, "")
	path := filepath.Join(t.TempDir(), "x.reply.toml")
	if err := u.SaveFile(path); err != nil {
		t.Fatal(err)
	}
	u.NewReply(u.defaultStyle())
	if u.Reply().Body != "" {
		t.Fatal("new reply is not empty")
	}
	if err := u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	if got := u.Reply(); !reflect.DeepEqual(got, r) {
		t.Errorf("reopened reply differs:\n got %+v\nwant %+v", got, r)
	}
	if dump(t, u.Reply()) != dump(t, r) {
		t.Error("reopened reply typesets differently")
	}
}

func TestRestoreRevision(t *testing.T) {
	u, st := newUI(t)
	r := seed(t)
	id, err := st.CreateDraft(r)
	if err != nil {
		t.Fatal(err)
	}
	u.Load(r, id, "")
	u.form.entries["body"].SetText("改写后的正文")
	u.Settle()
	if d, _ := st.Draft(id); d.Reply.Body != "改写后的正文" {
		t.Fatalf("edit not autosaved: %q", d.Reply.Body)
	}
	revs, err := st.Revisions(id)
	if err != nil || len(revs) < 2 {
		t.Fatalf("revisions %v, %v", revs, err)
	}
	var first store.Revision
	for _, rv := range revs {
		if rv.Label == "新建" {
			first = rv
		}
	}
	if err := u.RestoreRevision(first.ID); err != nil {
		t.Fatal(err)
	}
	if u.form.entries["body"].Text != r.Body {
		t.Error("form does not show the restored body")
	}
	if d, _ := st.Draft(id); d.Reply.Body != r.Body {
		t.Error("database does not hold the restored body")
	}
}

func TestInvalidPhoneMarked(t *testing.T) {
	u, _ := newUI(t)
	u.Load(seed(t), 0, "")
	u.Settle()
	if u.Marked("contact.phone") {
		t.Fatal("valid phone marked")
	}
	e := u.Form("contact.phone")
	e.SetText("")
	test.Type(e, "1357895124")
	u.Settle()
	found := false
	for _, p := range u.Problems() {
		if p.Field == "contact.phone" && strings.Contains(p.Message, "1357895124") {
			found = true
		}
	}
	if !found {
		t.Errorf("no phone problem in %v", u.Problems())
	}
	if !u.Marked("contact.phone") {
		t.Error("phone field not marked")
	}
	u.problems.list.Select(0)
	if u.form.tabs.SelectedIndex() != tabSignature {
		t.Errorf("selecting the problem showed tab %d", u.form.tabs.SelectedIndex())
	}
	if u.Window.Canvas().Focused() != e {
		t.Error("selecting the problem did not focus the phone")
	}
}

func TestBadTermReported(t *testing.T) {
	u, _ := newUI(t)
	u.Load(seed(t), 0, "")
	e := u.Form("term")
	e.SetText("")
	test.Type(e, "十四x")
	u.Settle()
	if !u.Marked("term") {
		t.Errorf("bad term not marked; problems %v", u.Problems())
	}
}

func TestNextHeading(t *testing.T) {
	text := "前言\n一、甲\n（一）子\n（二）丑\n1.细\n二、乙\n"
	for _, c := range []struct {
		upto, level int
		want        string
	}{
		{0, 1, "一、"}, {1, 1, "二、"}, {3, 2, "（三）"}, {4, 3, "2."}, {4, 4, "（1）"},
		{5, 2, "（一）"}, {5, 1, "三、"}, {4, 2, "（三）"},
	} {
		t.Run(strconv.Itoa(c.upto)+c.want, func(t *testing.T) {
			if got := NextHeading(text, c.upto, c.level); got != c.want {
				t.Errorf("NextHeading(%d, %d) = %q, want %q", c.upto, c.level, got, c.want)
			}
		})
	}
}

func TestInsertHeading(t *testing.T) {
	for _, c := range []struct {
		text       string
		pos, level int
		want       string
	}{
		{"一、甲\n正文", 5, 1, "一、甲\n正文\n二、"},
		{"一、甲\n\n正文", 4, 2, "一、甲\n（一）\n正文"},
		{"", 0, 3, "1."},
	} {
		t.Run(c.want, func(t *testing.T) {
			got, _ := InsertHeading(c.text, c.pos, c.level)
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// BenchmarkPreviewRefresh measures one preview refresh of the seed after
// an edit in its second paragraph: typeset, check and render page 1 at the
// default zoom (75 %) on a normal and on a high-density screen.
func BenchmarkPreviewRefresh(b *testing.B) {
	d := desk(b)
	for _, dpi := range []float64{54, 108} {
		b.Run(strconv.Itoa(int(dpi))+"dpi", func(b *testing.B) {
			r := seed(b)
			lines := strings.Split(r.Body, "\n")
			for b.Loop() {
				lines[1] = "字" + lines[1]
				r.Body = strings.Join(lines, "\n")
				a, err := Analyze(d, r, 0, dpi)
				if err != nil || a.Image == nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEditToPreview measures what a keystroke in the body costs: the
// form read back, the derived fields, the autosave copy, and the refresh
// of the preview it schedules.
func BenchmarkEditToPreview(b *testing.B) {
	a := test.NewTempApp(b)
	st, err := store.Open(filepath.Join(b.TempDir(), "drafts.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	u := New(a, desk(b), st, nil)
	manual(u)
	u.Load(seed(b), 0, "")
	body := u.Form("body")
	u.Window.Canvas().Focus(body)
	for b.Loop() {
		test.Type(body, "字")
		u.preview.Flush()
	}
	u.saver.Forget()
}

// BenchmarkEditLatency measures the time from a keystroke in the body to
// the new page on screen, the debounce included: what the user sees. A
// key after a pause is typeset at once; keys typed on are gathered for
// PreviewDelay.
func BenchmarkEditLatency(b *testing.B) {
	for _, typing := range []bool{false, true} {
		name := "pause"
		if typing {
			name = "typing"
		}
		b.Run(name, func(b *testing.B) {
			a := test.NewTempApp(b)
			u := New(a, desk(b), nil, nil)
			u.Load(seed(b), 0, "")
			u.Settle()
			u.preview.delay, u.preview.quick, u.preview.gap = PreviewDelay, 0, TypingGap // the real delays
			shown := make(chan struct{}, 16)
			u.Analyzed = func(Analysis) { shown <- struct{}{} }
			body := u.Form("body")
			u.form.tabs.SelectIndex(tabText)
			u.Window.Canvas().Focus(body)
			for b.Loop() {
				if !typing {
					u.preview.edited = time.Time{}
				} else {
					u.preview.edited = time.Now()
				}
				test.Type(body, "字")
				<-shown
			}
		})
	}
}

// TestSaveKeepsComments: saving over an opened reply file changes only
// the values that changed; the user's comments and blank lines stay.
func TestSaveKeepsComments(t *testing.T) {
	u, _ := newUI(t)
	src, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "244.reply.toml")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := u.OpenFile(path); err != nil {
		t.Fatal(err)
	}
	u.form.entries["contact.name"].SetText("王丽")
	if err := u.SaveFile(path); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	old, now := strings.Split(string(src), "\n"), strings.Split(string(got), "\n")
	if len(old) != len(now) {
		t.Fatalf("saved file has %d lines, the original %d", len(now), len(old))
	}
	changed := 0
	for i := range old {
		if old[i] != now[i] {
			changed++
			if !strings.Contains(now[i], "王丽") {
				t.Errorf("line %d changed: %q → %q", i+1, old[i], now[i])
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d lines changed, want 1 (the contact's name)", changed)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after save %o, want 600", fi.Mode().Perm())
	}
}

// TestBrokenStyleListed: a style file that fails to load is named with
// its file and line in the status bar and in the style chooser.
func TestBrokenStyleListed(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "自制答复.toml"), []byte("kind = \"提案\"\n[text]\ntitle = \"关于\n"), 0o644)
	d, err := app.Open(app.Options{StyleDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	u := New(a, d, nil, nil)
	manual(u)
	if s := u.status.Text; !strings.Contains(s, "自制答复.toml 第3行") {
		t.Errorf("status %q does not name the broken style file and line", s)
	}
	u.ChooseStyle()
	if s := dialogText(u); !strings.Contains(s, "[自制答复]") || !strings.Contains(s, "自制答复.toml 第3行") {
		t.Errorf("style chooser does not list the broken style:\n%s", s)
	}
}
