package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"replydesk/internal/store"
	"replydesk/internal/textenc"
	"replydesk/internal/tomlfile"
)

// window opens the window over the database at db, as a start of the
// program does; closing it is a quit.
func window(t *testing.T, db string) (*UI, *store.Store) {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	u := New(test.NewTempApp(t), desk(t), st, nil)
	manual(u)
	return u, st
}

// quit closes the window and its database.
func quit(u *UI, st *store.Store) {
	u.Settle()
	u.saver.SetDraft(0)
	u.Window.Close()
	st.Close()
}

// liveDrafts lists the ids of the drafts not in the trash.
func liveDrafts(t *testing.T, st *store.Store) []int64 {
	t.Helper()
	list, err := st.ListDrafts("", 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, d := range list {
		ids = append(ids, d.ID)
	}
	slices.Sort(ids)
	return ids
}

// A draft knows its file across a restart: the title names the file,
// Ctrl+S writes there without asking, and opening the file again selects
// the draft instead of making another.
func TestDraftKnowsItsFileAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "drafts.db")
	file := filepath.Join(dir, "答复", "reply-244.reply.toml")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}

	u, st := window(t, db)
	if err := u.OpenFile(file); err != nil {
		t.Fatal(err)
	}
	u.Settle()
	ids := liveDrafts(t, st)
	if len(ids) != 1 {
		t.Fatalf("opening the file made drafts %v, want one", ids)
	}
	id := ids[0]
	u.Form("number").SetText("245")
	u.Settle()
	quit(u, st)

	// Restart: a new reply is shown; choosing the draft shows its file.
	u, st = window(t, db)
	defer quit(u, st)
	if title := u.Window.Title(); !strings.Contains(title, "新答复") {
		t.Errorf("title at start %q", title)
	}
	u.list.open(id)
	if title := u.Window.Title(); !strings.Contains(title, "reply-244.reply.toml") {
		t.Errorf("after choosing the draft the title is %q, want the file's name", title)
	}
	u.Form("signer").SetText("王某")
	shortcut(u, fyne.KeyS)
	if top := u.Window.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Ctrl+S after a restart shows a dialog: %q", dialogText(u))
	}
	r, err := tomlfile.ReadReplyFile(file)
	if err != nil || r.Number != "245" || r.Signer != "王某" {
		t.Fatalf("Ctrl+S wrote number %q signer %q (%v), want the draft's 245 and 王某", r.Number, r.Signer, err)
	}
	if b, _ := os.ReadFile(file); !strings.Contains(string(b), "# ") {
		t.Error("saving lost the comments of the file")
	}

	// Opening the file again, by another path to it, selects the draft.
	u.NewReply(u.defaultStyle())
	other := filepath.Join(dir, "答复", "..", "答复", "reply-244.reply.toml")
	if err := u.OpenFile(other); err != nil {
		t.Fatal(err)
	}
	u.Settle()
	if got := liveDrafts(t, st); !slices.Equal(got, []int64{id}) {
		t.Errorf("opening the file again left drafts %v, want only %d", got, id)
	}
	if u.saver.Draft() != id || u.list.selected != id {
		t.Errorf("the form edits draft %d (list %d), want %d", u.saver.Draft(), u.list.selected, id)
	}
	if top := u.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("an unchanged file asks: %q", dialogText(u))
	}
}

// Ctrl+Shift+S is 另存为: it asks for a path even when the draft has a
// file, and the draft then holds the new file.
func TestSaveAsShortcut(t *testing.T) {
	u, st := newUI(t)
	dir := t.TempDir()
	first := filepath.Join(dir, "a.reply.toml")
	u.Load(seed(t), 0, "")
	if err := u.SaveFile(first); err != nil {
		t.Fatal(err)
	}
	u.Window.Canvas().(fyne.Shortcutable).TypedShortcut(
		&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if top := u.Window.Canvas().Overlays().Top(); top == nil {
		t.Fatal("Ctrl+Shift+S shows no save dialog")
	}
	u.Window.Canvas().Overlays().Top().Hide()
	second := filepath.Join(dir, "b.reply.toml")
	if err := u.SaveFile(second); err != nil {
		t.Fatal(err)
	}
	d, err := st.Draft(u.saver.Draft())
	if err != nil || d.File != second {
		t.Fatalf("after 另存为 the draft holds %q (%v), want %q", d.File, err, second)
	}
	if !strings.Contains(u.Window.Title(), "b.reply.toml") {
		t.Errorf("title %q", u.Window.Title())
	}
}

// A file changed on disk since its draft read it: opening it asks which
// to keep, and each answer does what it says.
func TestOpenChangedFileAsks(t *testing.T) {
	for _, c := range []struct {
		button, wantNumber, wantTitle string
	}{
		{"使用磁盘上的版本", "300", ""},
		{"保留草稿", "245", ""},
	} {
		t.Run(c.button, func(t *testing.T) {
			u, st := newUI(t)
			file := filepath.Join(t.TempDir(), "x.reply.toml")
			r := seed(t)
			if err := tomlfile.WriteReplyFile(file, r); err != nil {
				t.Fatal(err)
			}
			if err := u.OpenFile(file); err != nil {
				t.Fatal(err)
			}
			id := u.saver.Draft()
			u.Form("number").SetText("245") // edited in the draft, not saved
			u.Settle()
			r.Number = "300" // and changed by another program
			if err := tomlfile.WriteReplyFile(file, r); err != nil {
				t.Fatal(err)
			}
			u.NewReply(u.defaultStyle())
			if err := u.OpenFile(file); err != nil {
				t.Fatal(err)
			}
			txt := dialogText(u)
			if !strings.Contains(txt, "[使用磁盘上的版本]") || !strings.Contains(txt, "[保留草稿]") {
				t.Fatalf("opening a changed file shows %q", txt)
			}
			test.Tap(overlayButton(t, u.Window.Canvas(), c.button))
			u.Settle()
			if got := u.Reply().Number; got != c.wantNumber {
				t.Errorf("the form shows number %q, want %q", got, c.wantNumber)
			}
			if u.saver.Draft() != id || len(liveDrafts(t, st)) != 1 {
				t.Errorf("draft %d of %v, want the one draft %d", u.saver.Draft(), liveDrafts(t, st), id)
			}
			d, _ := st.Draft(id)
			if d.Reply.Number != c.wantNumber {
				t.Errorf("the stored draft has number %q, want %q", d.Reply.Number, c.wantNumber)
			}
			// Keeping the draft: Ctrl+S asks before it overwrites the
			// other program's change.
			if c.button == "保留草稿" {
				shortcut(u, fyne.KeyS)
				if txt := dialogText(u); !strings.Contains(txt, "已被其他程序修改") {
					t.Errorf("Ctrl+S over a changed file shows %q", txt)
				}
				test.Tap(overlayButton(t, u.Window.Canvas(), "覆盖"))
				writing.Wait()
				if got, _ := tomlfile.ReadReplyFile(file); got.Number != "245" {
					t.Errorf("after 覆盖 the file has number %q", got.Number)
				}
			}
		})
	}
}

// A reply saved by Notepad as "Unicode" or as ANSI (GB18030) opens, and
// the window tells the user that it was converted and how it will be
// saved; a UTF-8 file opens without a word.
func TestOpenFileTellsEncoding(t *testing.T) {
	src, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := newUI(t)
	for _, c := range []struct {
		enc  textenc.Encoding
		want string
	}{
		{textenc.UTF8BOM, ""},
		{textenc.UTF16LE, "第244号.reply.toml 是 UTF-16LE 编码的文本（记事本的“Unicode”），已转换读取"},
		{textenc.GB18030, "第244号.reply.toml 是 GB18030（GBK）编码的文本，已转换读取；保存时仍用 GB18030"},
	} {
		// One window opens the three files in turn (a window is costly
		// under the race detector).
		file := filepath.Join(t.TempDir(), "第244号.reply.toml")
		if err := os.WriteFile(file, c.enc.Encode(string(src)), 0o644); err != nil {
			t.Fatal(err)
		}
		u.NewReply(u.defaultStyle())
		if err := u.OpenFile(file); err != nil {
			t.Fatalf("%v: %v", c.enc, err)
		}
		u.Settle()
		if got := u.Form("number").Text; got != "244" {
			t.Errorf("%v: number %q after opening, want 244", c.enc, got)
		}
		got := dialogText(u)
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("%v: dialog after opening: %q, want %q", c.enc, got, c.want)
		}
		if top := u.Window.Canvas().Overlays().Top(); top != nil {
			u.Window.Canvas().Overlays().Remove(top)
		}
	}
}
