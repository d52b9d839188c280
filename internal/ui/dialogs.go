package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/store"
)

// History shows the revisions of the draft; one can be viewed and
// restored.
func (u *UI) History() {
	_ = u.saver.Flush()
	id := u.saver.Draft()
	if u.drafts == nil || id == 0 {
		dialog.ShowInformation("历史版本", "当前答复还没有存入草稿数据库，没有历史版本", u.Window)
		return
	}
	revs, err := u.drafts.Revisions(id)
	if err != nil {
		dialog.ShowError(err, u.Window)
		return
	}
	body := widget.NewLabel("选择左侧的一个版本查看其正文")
	body.Wrapping = fyne.TextWrapWord
	var chosen *store.Revision
	var d dialog.Dialog
	restore := widget.NewButton("恢复为此版本", func() {
		if chosen == nil {
			return
		}
		if err := u.RestoreRevision(chosen.ID); err != nil {
			dialog.ShowError(err, u.Window)
			return
		}
		d.Hide()
	})
	restore.Disable()
	list := widget.NewList(func() int { return len(revs) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := revs[i]
			what := r.Summary
			if !strings.HasPrefix(what, r.Label) {
				what = r.Label + " " + what
			}
			o.(*widget.Label).SetText(r.Time.Format("01-02 15:04:05") + "  " + strings.TrimSpace(what))
		})
	list.OnSelected = func(i widget.ListItemID) {
		chosen = &revs[i]
		r, err := u.drafts.Revision(chosen.ID)
		if err != nil {
			body.SetText(err.Error())
			return
		}
		body.SetText(r.Title + "\n" + r.Salutation + "\n" + r.Opening + "\n" + r.Body)
		restore.Enable()
	}
	split := container.NewHSplit(list, container.NewBorder(nil, restore, nil, nil, container.NewVScroll(body)))
	split.Offset = 0.4
	d = dialog.NewCustom("历史版本", "关闭", split, u.Window)
	d.Resize(fyne.NewSize(1000, 600))
	d.Show()
}

// RestoreRevision makes revision revID the current content of the draft
// and shows it.
func (u *UI) RestoreRevision(revID int64) error {
	id := u.saver.Draft()
	if u.drafts == nil || id == 0 {
		return errors.New("当前答复不在草稿数据库中，无法恢复历史版本")
	}
	_ = u.saver.Flush()
	if err := u.drafts.RestoreRevision(id, revID); err != nil {
		return err
	}
	d, err := u.drafts.Draft(id)
	if err != nil {
		return err
	}
	path := u.path
	u.Load(&d.Reply, id, path)
	u.list.refresh()
	u.status.SetText("已恢复历史版本")
	return nil
}

// DeleteDraft moves the draft being edited to the trash of the database
// (from where the database can restore it) and starts a new reply.
func (u *UI) DeleteDraft() {
	_ = u.saver.Flush()
	id := u.saver.Draft()
	if u.drafts == nil || id == 0 {
		dialog.ShowInformation("删除草稿", "当前答复还没有存入草稿数据库", u.Window)
		return
	}
	title := u.Reply().ItemTitle
	if title == "" {
		title = "（无案由）"
	}
	confirm("删除草稿", "把草稿“"+title+"”移入回收站吗？", "删除", "取消", func() {
		if err := u.deleteDraft(id); err != nil {
			dialog.ShowError(err, u.Window)
		}
	}, u.Window)
}

// deleteDraft moves draft id to the trash and starts a new reply.
func (u *UI) deleteDraft(id int64) error {
	if err := u.drafts.DeleteDraft(id); err != nil {
		return err
	}
	u.saver.Forget()
	u.NewReply(u.defaultStyle())
	u.list.refresh()
	u.status.SetText("草稿已移入回收站")
	return nil
}

// escapeActions holds, per canvas, what Escape does over an overlay that
// must clean up on closing (stop a reading, cancel an export); Escape
// hides any other overlay. Used on the UI goroutine only.
var escapeActions = map[fyne.Canvas]map[fyne.CanvasObject]func(){}

// closeOnEscape makes Escape close the dialog or pop-up on top of the
// window, as it does in every desktop program: the dialog's own action for
// it (see onDialogEscape), else it is hidden, never confirmed. A key typed
// into a focused entry stays the entry's; other keys go to the canvas's
// handler from before.
func closeOnEscape(c fyne.Canvas) map[fyne.CanvasObject]func() {
	if actions, ok := escapeActions[c]; ok {
		return actions
	}
	actions := map[fyne.CanvasObject]func(){}
	escapeActions[c] = actions
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if top := c.Overlays().Top(); e.Name == fyne.KeyEscape && top != nil {
			if fn, ok := actions[top]; ok {
				fn()
			} else {
				top.Hide()
				c.Overlays().Remove(top)
			}
			return
		}
		if prev != nil {
			prev(e)
		}
	})
	return actions
}

// onDialogEscape makes Escape call fn, rather than hide it, while the
// dialog just shown on c is on top. The returned func forgets fn; call it
// when the dialog closes.
func onDialogEscape(c fyne.Canvas, fn func()) (forget func()) {
	own := c.Overlays().Top()
	if own == nil {
		return func() {}
	}
	actions := closeOnEscape(c)
	actions[own] = fn
	return func() { delete(actions, own) }
}
