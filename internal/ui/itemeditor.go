package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// itemEditor edits every field of one ledger item.
type itemEditor struct {
	l       *app.Ledger
	window  func() fyne.Window
	onSave  func(*ledger.Item) error
	item    ledger.Item
	title   *widget.Label
	meta    *itemMeta // who changed it last, colleagues' changes, 操作记录
	fields  map[ledger.FieldKey]fieldWidget
	save    *widget.Button
	del     *widget.Button
	content fyne.CanvasObject
	onDel   func(*ledger.Item)
}

// fieldWidget is the widget of one field: get and set its text.
type fieldWidget struct {
	obj fyne.CanvasObject
	get func() string
	set func(string)
}

func newItemEditor(l *app.Ledger, window func() fyne.Window, onSave func(*ledger.Item) error) *itemEditor {
	e := &itemEditor{l: l, window: window, onSave: onSave, fields: map[ledger.FieldKey]fieldWidget{}}
	e.title = widget.NewLabelWithStyle("新增条目", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The whole title: the table cuts it short, and Fyne has no tooltips.
	e.title.Wrapping = fyne.TextWrapWord
	cats, discs := l.Choices()
	var rows []fyne.CanvasObject
	for _, f := range ledger.Fields {
		fw := e.widgetFor(f, cats, discs)
		e.fields[f.Key] = fw
		label := widget.NewLabel(f.Label)
		if f.Required {
			label.TextStyle.Bold = true
		}
		rows = append(rows, label, fw.obj)
	}
	e.save = widget.NewButtonWithIcon("保存条目", theme.DocumentSaveIcon(), e.store)
	e.save.Importance = widget.HighImportance
	e.del = widget.NewButtonWithIcon("删除条目", theme.DeleteIcon(), func() {
		if e.item.ID != 0 && e.onDel != nil {
			it := e.item
			e.onDel(&it)
		}
	})
	form := container.New(layout.NewFormLayout(), rows...)
	e.meta = newItemMeta(e)
	e.content = container.NewBorder(e.title, container.NewHBox(e.save, e.del, e.meta.log),
		nil, nil, container.NewVScroll(container.NewVBox(e.meta.note, form)))
	return e
}

// widgetFor makes the widget of a field: a select for a vocabulary, an
// entry with suggestions for category and disclosure, an entry with a
// calendar for a date, an entry otherwise.
func (e *itemEditor) widgetFor(f ledger.Field, cats, discs []string) fieldWidget {
	switch {
	case f.Type == ledger.Choice || f.Type == ledger.Bool:
		opts := f.Choices
		if f.Key == ledger.FSatisfaction || f.Key == ledger.FMode {
			opts = append([]string{""}, opts...)
		}
		s := widget.NewSelect(opts, nil)
		s.PlaceHolder = "请选择"
		if f.Key == ledger.FMode {
			s.PlaceHolder = string(ledger.Lead) + "（默认）"
		}
		return fieldWidget{obj: s, get: func() string { return s.Selected }, set: func(v string) { s.SetSelected(v) }}
	case f.Key == ledger.FCategory || f.Key == ledger.FDisclosure:
		opts := cats
		if f.Key == ledger.FDisclosure {
			opts = discs
		}
		s := widget.NewSelectEntry(opts)
		return fieldWidget{obj: s, get: func() string { return s.Text }, set: func(v string) { s.SetText(v) }}
	case f.Type == ledger.Date:
		en := widget.NewEntry()
		en.SetPlaceHolder(fmt.Sprintf("如 %d年6月1日", time.Now().Year()))
		return fieldWidget{obj: dateField(en), get: func() string { return en.Text }, set: func(v string) { en.SetText(v) }}
	}
	en := widget.NewEntry()
	switch f.Key {
	case ledger.FTitle, ledger.FNotes:
		en.MultiLine = true
		en.Wrapping = fyne.TextWrapWord
		en.SetMinRowsVisible(2)
	case ledger.FMeeting:
		en.SetPlaceHolder("如 市政协十四届二次会议")
	case ledger.FProposers, ledger.FCoSigners, ledger.FCoUnits:
		en.SetPlaceHolder("用顿号分隔")
	}
	return fieldWidget{obj: en, get: func() string { return en.Text }, set: func(v string) { en.SetText(v) }}
}

func (e *itemEditor) view() fyne.CanvasObject { return e.content }

// showing reports whether the editor shows item id.
func (e *itemEditor) showing(id int64) bool { return id != 0 && e.item.ID == id }

// load shows an item.
func (e *itemEditor) load(it *ledger.Item) {
	e.item = it.Clone()
	for _, f := range ledger.Fields {
		e.fields[f.Key].set(f.Get(&e.item))
	}
	if it.ID == 0 {
		e.title.SetText("新增条目")
		e.fields[ledger.FStatus].set(string(ledger.Pending))
		e.del.Disable()
	} else {
		e.title.SetText(it.Label() + "　" + it.Title)
		e.del.Enable()
	}
	e.meta.show(&e.item)
}

// read returns the item as edited, or the problems of the fields that
// cannot be read, each naming its field.
func (e *itemEditor) read() (ledger.Item, error) {
	it := e.item.Clone()
	var errs []error
	for _, f := range ledger.Fields {
		text := e.fields[f.Key].get()
		if strings.TrimSpace(text) == "" && (f.Type == ledger.Date || f.Key == ledger.FMeeting) {
			// An empty date or meeting clears the field.
			if d := it.DateOf(f.Key); d != nil {
				*d = reply.Date{}
			} else {
				it.Assembly, it.Term, it.Session = "", 0, 0
			}
			continue
		}
		if strings.TrimSpace(text) == "" && (f.Key == ledger.FSatisfaction || f.Key == ledger.FMode) {
			if f.Key == ledger.FSatisfaction {
				it.Satisfaction = ""
			} else {
				it.Mode = ""
			}
			continue
		}
		if err := f.Set(&it, text); err != nil {
			errs = append(errs, fmt.Errorf("“%s”：%v", f.Label, err))
		}
	}
	for _, f := range ledger.Fields {
		if f.Required && strings.TrimSpace(f.Get(&it)) == "" {
			errs = append(errs, fmt.Errorf("“%s”不能为空", f.Label))
		}
	}
	return it, errors.Join(errs...)
}

// store saves the edited item.
func (e *itemEditor) store() {
	it, err := e.read()
	if err != nil {
		dialog.ShowError(fmt.Errorf("条目未保存，请改正：\n%v", err), e.window())
		return
	}
	if err := e.onSave(&it); err != nil {
		if !errors.Is(err, errConflictShown) {
			dialog.ShowError(err, e.window())
		}
		return
	}
	e.load(&it)
}
