package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// Saving over a colleague's newer save: nothing is overwritten silently.
// A ledger item's save that meets a newer version shows who changed what
// and offers 保留我的, 采用对方的 or 合并 field by field; a draft's
// autosave that meets one offers the same for the draft, and both texts
// stay in the draft's 历史版本.

// errConflictShown is the error of a save that met a colleague's newer
// version and showed the conflict dialog: the editor keeps its text and
// shows no error of its own.
var errConflictShown = errors.New("保存冲突，已请用户选择")

// conflictDialog is the open dialog of an item's or a draft's conflict;
// tests press its buttons.
type conflictDialog struct {
	d                       dialog.Dialog
	keepMine, theirs, merge *widget.Button
	// choices: by field (an item's key or a draft field's label), whether
	// this window's value is taken when merging.
	choices map[string]*widget.RadioGroup
}

// Words of a field's choice in the conflict dialogs.
const (
	chooseMine   = "我的"
	chooseTheirs = "对方的"
)

// saveChecked saves the editor's item with the version check: when a
// colleague saved it since the editor read it, the conflict dialog is
// shown and errConflictShown returned.
func (v *ledgerView) saveChecked(it *ledger.Item) error {
	base := v.editor.item
	var err error
	if base.ID == 0 || base.ID != it.ID {
		err = v.l.SaveItem(it)
	} else {
		err = v.l.SaveItemFrom(&base, it)
	}
	var c *app.ItemConflict
	if errors.As(err, &c) {
		v.showConflict(c)
		return errConflictShown
	}
	return err
}

// showConflict shows an item's conflict: each field either side changed,
// with the original, this window's and the colleague's value, and a
// choice of side (preset as 合并 would take it).
func (v *ledgerView) showConflict(c *app.ItemConflict) {
	box := &conflictDialog{choices: map[string]*widget.RadioGroup{}}
	cells := []fyne.CanvasObject{bold("项目"), bold("原来"), bold(chooseMine), bold("对方的（" + who(c.By) + "）"), bold("采用")}
	for _, f := range c.Fields {
		label := widget.NewLabel(f.Label)
		if f.Clash() {
			label.Importance = widget.DangerImportance
			label.SetText(f.Label + "（双方都改了）")
		}
		pick := widget.NewRadioGroup([]string{chooseMine, chooseTheirs}, nil)
		pick.Horizontal = true
		pick.Required = true
		if f.MineChanged && !f.TheirsChanged {
			pick.SetSelected(chooseMine)
		} else {
			pick.SetSelected(chooseTheirs)
		}
		box.choices[string(f.Field)] = pick
		cells = append(cells, label, valueLabel(f.Base), valueLabel(f.Mine), valueLabel(f.Theirs), pick)
	}
	head := widget.NewLabel(fmt.Sprintf("%s 已被 %s 于 %s 修改，您的保存尚未写入。请选择保留哪一方的内容：",
		c.Theirs.Label(), who(c.By), c.At.Format("01-02 15:04")))
	head.Wrapping = fyne.TextWrapWord
	grid := container.New(layout.NewGridLayout(5), cells...)
	done := func(it ledger.Item, save bool) {
		box.d.Hide()
		v.resolved(c, it, save)
	}
	box.keepMine = widget.NewButton("保留我的", func() { done(c.KeepMine(), true) })
	box.theirs = widget.NewButton("采用对方的", func() { done(c.TakeTheirs(), false) })
	box.merge = widget.NewButton("合并（按所选）", func() {
		choices := map[ledger.FieldKey]app.Side{}
		for k, g := range box.choices {
			choices[ledger.FieldKey(k)] = app.Theirs
			if g.Selected == chooseMine {
				choices[ledger.FieldKey(k)] = app.Mine
			}
		}
		done(c.Merge(choices), true)
	})
	box.merge.Importance = widget.HighImportance
	cancel := widget.NewButton("稍后再定", func() { box.d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, box.theirs, box.keepMine, box.merge)
	body := container.NewBorder(head, buttons, nil, nil, container.NewVScroll(container.NewVBox(grid)))
	box.d = dialog.NewCustomWithoutButtons("保存冲突", body, v.window())
	box.d.Resize(fyne.NewSize(900, 460))
	v.conflict = box
	box.d.Show()
}

// resolved ends an item's conflict with it: saved over the colleague's
// version (save), or shown as stored. A colleague saving again meanwhile
// is a new conflict.
func (v *ledgerView) resolved(c *app.ItemConflict, it ledger.Item, save bool) {
	if save {
		theirs := c.Theirs.Clone()
		err := v.l.SaveItemFrom(&theirs, &it)
		var again *app.ItemConflict
		if errors.As(err, &again) {
			v.showConflict(again)
			return
		}
		if err != nil {
			dialog.ShowError(err, v.window())
			return
		}
	}
	v.put(it)
	v.current = it.ID
	v.editor.load(&it)
	v.refreshKeep()
}

// showDraftConflict shows a draft autosave's conflict once (later saves
// while it is open keep the text and wait): who saved, which fields
// differ, and 保留我的, 采用对方的, or 合并 with a choice per field. Both
// texts are kept as revisions whatever is chosen.
func (u *UI) showDraftConflict(c *app.DraftConflict) {
	if u.draftConflict != nil {
		return
	}
	box := &conflictDialog{choices: map[string]*widget.RadioGroup{}}
	var rows []fyne.CanvasObject
	for _, f := range c.Fields {
		pick := widget.NewRadioGroup([]string{chooseMine, chooseTheirs}, nil)
		pick.Horizontal, pick.Required = true, true
		pick.SetSelected(chooseMine)
		box.choices[f] = pick
		rows = append(rows, widget.NewLabel(f), pick)
	}
	head := widget.NewLabel(fmt.Sprintf("您正在编辑的草稿已被 %s 于 %s 保存，您的修改尚未写入。\n不同之处：%s。\n"+
		"无论选择哪一方，双方的文字都会保留在“历史版本”中。", who(c.By), c.At.Format("01-02 15:04"), strings.Join(c.Fields, "、")))
	head.Wrapping = fyne.TextWrapWord
	done := func(how app.Resolution) {
		var mine []string
		for f, g := range box.choices {
			if g.Selected == chooseMine {
				mine = append(mine, f)
			}
		}
		box.d.Hide()
		u.draftConflict = nil
		r, err := u.saver.Resolve(how, mine)
		var again *app.DraftConflict
		switch {
		case errors.As(err, &again):
			u.showDraftConflict(again)
			return
		case err != nil:
			dialog.ShowError(err, u.Window)
			return
		}
		u.form.load(r)
		u.preview.Reset(r)
		u.list.refresh()
		u.status.SetText("冲突已处理：双方的文字都已保留在历史版本中")
	}
	box.keepMine = widget.NewButton("保留我的", func() { done(app.KeepMine) })
	box.theirs = widget.NewButton("采用对方的", func() { done(app.TakeTheirs) })
	box.merge = widget.NewButton("合并（按所选）", func() { done(app.MergeBoth) })
	box.merge.Importance = widget.HighImportance
	buttons := container.NewHBox(layout.NewSpacer(), box.theirs, box.keepMine, box.merge)
	grid := container.New(layout.NewFormLayout(), rows...)
	parts := []fyne.CanvasObject{grid}
	if slices.Contains(c.Fields, reply.FieldLabel("body")) {
		parts = append(parts, container.NewGridWithColumns(2, bodyText("我的正文", c.Mine.Body), bodyText(who(c.By)+"的正文", c.Theirs.Body)))
	}
	box.d = dialog.NewCustomWithoutButtons("草稿保存冲突", container.NewBorder(head, buttons, nil, nil, container.NewVScroll(container.NewVBox(parts...))), u.Window)
	box.d.Resize(fyne.NewSize(820, 560))
	u.draftConflict = box
	box.d.Show()
}

// bodyText shows one side's 正文 in a draft's conflict, cut after a few
// hundred characters.
func bodyText(title, body string) fyne.CanvasObject {
	if r := []rune(body); len(r) > 300 {
		body = string(r[:300]) + "……"
	}
	l := widget.NewLabel(body)
	l.Wrapping = fyne.TextWrapWord
	return container.NewBorder(bold(title), nil, nil, nil, l)
}

// who names a colleague, or says 同事 when the record has no name.
func who(by string) string {
	if by == "" {
		return "同事"
	}
	return by
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// valueLabel shows a field's value in the conflict table; empty shows as
// （空）.
func valueLabel(s string) *widget.Label {
	if s == "" {
		s = "（空）"
	}
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
