package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"replydesk/internal/ledger"
	"replydesk/internal/store"
)

// colleague saves through st as 李四.
func colleague(st *store.Store, fn func() error) error {
	st.Operator = "李四"
	defer func() { st.Operator = "张三" }()
	return fn()
}

// TestItemConflictDialog: saving an item a colleague saved meanwhile
// writes nothing and shows who changed what; each of 保留我的, 采用对方的
// and 合并 (per field) ends with the chosen values stored.
func TestItemConflictDialog(t *testing.T) {
	backends(t, func(t *testing.T, backend string) {
		for _, choice := range []string{"合并", "保留我的", "采用对方的"} {
			t.Run(choice, func(t *testing.T) {
				queue(t)
				u, st := oneWindow(t, backend)
				v := u.ledgerView
				selectItem(t, v, "244")
				id := v.current
				v.editor.fields[ledger.FStatus].set(string(ledger.InProgress))
				v.editor.fields[ledger.FNotes].set("张三的备注")
				theirs, err := st.Item(id)
				if err != nil {
					t.Fatal(err)
				}
				theirs.Status, theirs.LeadUnit = ledger.Answered, "市教育局办公室"
				if err := colleague(st, func() error { return st.SaveItem(theirs) }); err != nil {
					t.Fatal(err)
				}
				test.Tap(v.editor.save)
				box := v.conflict
				if box == nil {
					t.Fatal("no conflict dialog")
				}
				if stored, _ := st.Item(id); stored.Notes != "" || stored.Status != ledger.Answered {
					t.Fatalf("the conflicting save wrote: %+v", stored)
				}
				if len(box.choices) != 3 {
					t.Errorf("fields in the dialog: %v, want 办理状态, 主办单位, 备注", keys(box.choices))
				}
				if box.choices[string(ledger.FStatus)].Selected != chooseTheirs || box.choices[string(ledger.FNotes)].Selected != chooseMine {
					t.Errorf("preset choices: status %q, notes %q", box.choices[string(ledger.FStatus)].Selected, box.choices[string(ledger.FNotes)].Selected)
				}
				if !dialogShows(u, "李四") {
					t.Error("the dialog does not name 李四")
				}
				want := map[string][3]string{ // status, notes, lead unit
					"合并":    {string(ledger.InProgress), "张三的备注", "市教育局办公室"},
					"保留我的":  {string(ledger.InProgress), "张三的备注", "市教育局"},
					"采用对方的": {string(ledger.Answered), "", "市教育局办公室"},
				}[choice]
				switch choice {
				case "合并":
					box.choices[string(ledger.FStatus)].SetSelected(chooseMine)
					test.Tap(box.merge)
				case "保留我的":
					test.Tap(box.keepMine)
				default:
					test.Tap(box.theirs)
				}
				stored, err := st.Item(id)
				if err != nil {
					t.Fatal(err)
				}
				got := [3]string{string(stored.Status), stored.Notes, stored.LeadUnit}
				if got != want {
					t.Errorf("stored %v, want %v", got, want)
				}
				if shown := shownItem(v, "244"); shown.Status != stored.Status || v.editor.fields[ledger.FNotes].get() != stored.Notes {
					t.Errorf("window shows %s / %q, stored %s", shown.Status, v.editor.fields[ledger.FNotes].get(), stored.Status)
				}
			})
		}
	})
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// dialogShows reports whether the window's top dialog has a text
// holding s.
func dialogShows(u *UI, s string) bool {
	top := u.Window.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	return strings.Contains(texts(top), s)
}

// TestDraftConflictDialog: an autosave over a colleague's newer save of
// the draft shows the conflict; whichever side is chosen, both texts stay
// in the draft's history.
func TestDraftConflictDialog(t *testing.T) {
	backends(t, func(t *testing.T, backend string) {
		for _, choice := range []string{"保留我的", "采用对方的", "合并"} {
			t.Run(choice, func(t *testing.T) {
				queue(t)
				u, st := oneWindow(t, backend)
				r := seed(t)
				id, err := st.CreateDraft(r)
				if err != nil {
					t.Fatal(err)
				}
				u.openDraft(id)
				d, _ := st.Draft(id)
				theirs := d.Reply.Clone()
				theirs.Body = "李四写的正文。"
				theirs.Signer = "李四"
				if err := colleague(st, func() error { return st.SaveDraft(id, &theirs) }); err != nil {
					t.Fatal(err)
				}
				u.Form("body").SetText("张三写的正文。")
				u.Settle()
				box := u.draftConflict
				if box == nil {
					t.Fatalf("no conflict dialog; status %q", u.status.Text)
				}
				if got, _ := st.Draft(id); got.Reply.Body != theirs.Body {
					t.Fatalf("the conflicting save wrote %q", got.Reply.Body)
				}
				if !dialogShows(u, "李四") || !dialogShows(u, "李四写的正文。") || !dialogShows(u, "张三写的正文。") {
					t.Errorf("the dialog does not say who and what: %q", texts(u.Window.Canvas().Overlays().Top()))
				}
				wantBody := map[string]string{"保留我的": "张三写的正文。", "采用对方的": "李四写的正文。", "合并": "张三写的正文。"}[choice]
				switch choice {
				case "保留我的":
					test.Tap(box.keepMine)
				case "采用对方的":
					test.Tap(box.theirs)
				default:
					if len(box.choices) != 2 {
						t.Errorf("fields to merge: %v, want 正文 and 签发人", keys(box.choices))
					}
					for f, g := range box.choices { // 正文 mine, the rest theirs
						if f != "正文" {
							g.SetSelected(chooseTheirs)
						}
					}
					test.Tap(box.merge)
				}
				got, _ := st.Draft(id)
				if got.Reply.Body != wantBody || u.Form("body").Text != wantBody {
					t.Errorf("stored %q, form %q, want %q", got.Reply.Body, u.Form("body").Text, wantBody)
				}
				if choice == "合并" && got.Reply.Signer != "李四" {
					t.Errorf("merge lost the colleague's 签发人: %q", got.Reply.Signer)
				}
				bodies := map[string]bool{}
				revs, err := st.Revisions(id)
				if err != nil {
					t.Fatal(err)
				}
				for _, rv := range revs {
					if rr, err := st.Revision(rv.ID); err == nil {
						bodies[rr.Body] = true
					}
				}
				if !bodies["张三写的正文。"] || !bodies["李四写的正文。"] {
					t.Errorf("history lacks one side: %v", bodies)
				}
				if u.draftConflict != nil {
					t.Error("dialog still marked open")
				}
			})
		}
	})
}
