package ui

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/reply"
	"replydesk/internal/style"
)

// Tabs of the form, in order.
const (
	tabItem = iota
	tabResult
	tabText
	tabSignature
	tabCC
)

// form edits every element of a reply. Its widgets are exported to the
// package's tests through the fields map.
type form struct {
	desk     *app.Desk
	onChange func()
	onFix    func()
	onPaste  func() // 粘贴全文: a whole letter to split into the fields
	loading  bool
	// strict marks empty fields in error too; set once the user looks at
	// the problems (clicks one, exports or prints).
	strict bool

	style, kind, category, disclosure *widget.Select
	seal                              *widget.Check
	entries                           map[string]*widget.Entry // by problem field
	labels                            map[string]*widget.Label // by problem field
	tabOf                             map[string]int
	tabs                              *container.AppTabs
	attach                            *attachments
	extra                             []reply.Problem // problems of values the form cannot read

	// asHeading and asText are the reply's per-paragraph overrides
	// (reply.Reply.AsHeading, AsText), set with the 本段 select.
	asHeading, asText []string
	paraForm          *widget.Select
	syncing           bool // paraForm is being set to show the cursor's paragraph
	window            func() fyne.Window
}

// entryFields are the text fields, by problem field, with their labels,
// tab and whether they are multi-line.
var entryFields = []struct {
	field, label string
	tab          int
	multi        bool
	hint         string
}{
	{"assembly", "会议机关", tabItem, false, "如 市政协、区人大"},
	{"term", "届次", tabItem, false, "如 14 或 十四"},
	{"session", "会次", tabItem, false, "如 2 或 二"},
	{"number", "编号", tabItem, false, "只写数字，如 244"},
	{"proposers", "提出人", tabItem, false, "领衔人在前，用顿号分隔"},
	{"proposer_count", "提出人数", tabItem, false, "多于所列人数时填写"},
	{"item_title", "案由", tabItem, true, "提案或建议的题目，不加书名号"},
	{"lead_unit", "主办单位", tabItem, false, "协办意见函的主送单位"},
	{"doc_number", "发文字号", tabResult, false, "如 长教函〔2023〕12号"},
	{"signer", "签发人", tabResult, false, ""},
	{"title", "标题", tabText, false, ""},
	{"salutation", "称谓", tabText, false, ""},
	{"opening", "开头语", tabText, true, ""},
	{"body", "正文", tabText, true, "每行一段；以 一、（一）1.（1）开头、序号所在的一句不超过一行的段落按标题排，见“本段”旁的说明"},
	{"closing", "结束语", tabText, true, "每行一段；不写则不印"},
	{"issuer", "发文机关署名", tabSignature, false, ""},
	{"date", "成文日期", tabSignature, false, "年-月-日，或点右侧日历选择"},
	{"contact.unit", "联系单位", tabSignature, false, "承办处室，如 市教育局职成处；样式印联系单位时填写"},
	{"contact.name", "联系人", tabSignature, false, ""},
	{"contact.phone", "联系电话", tabSignature, false, "11位手机号或带区号的固定电话"},
	{"responsible", "承办负责人", tabSignature, false, "按样式作附注印出"},
	{"notes", "附注", tabSignature, true, "每行一项，括号由排版加上"},
	{"cc", "抄送", tabCC, true, "每行一个单位，末尾不加标点"},
}

var kinds = []string{string(reply.Proposal), string(reply.Suggestion), string(reply.CoOpinion)}

func newForm(desk *app.Desk, w func() fyne.Window) *form {
	f := &form{desk: desk, entries: map[string]*widget.Entry{}, labels: map[string]*widget.Label{}, tabOf: map[string]int{}, window: w}
	changed := func() {
		if !f.loading && f.onChange != nil {
			f.onChange()
		}
	}
	for _, d := range entryFields {
		e := widget.NewEntry()
		if d.multi {
			e = widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
			e.SetMinRowsVisible(3)
		}
		e.AlwaysShowValidationError = true
		e.SetPlaceHolder(d.hint)
		e.OnChanged = func(string) { changed() }
		f.entries[d.field] = e
		f.labels[d.field] = widget.NewLabel(d.label)
		f.tabOf[d.field] = d.tab
	}
	// The body takes all the room the tab has; its minimum is kept low so
	// that the problems below keep room for three at 1280×800.
	f.entries["body"].SetMinRowsVisible(6)
	names := make([]string, len(desk.Styles))
	for i, s := range desk.Styles {
		names[i] = s.Name
	}
	f.style = widget.NewSelect(names, func(string) { f.styleChanged(); changed() })
	f.kind = widget.NewSelect(kinds, func(string) { changed() })
	f.category = widget.NewSelect(nil, func(string) { changed() })
	f.disclosure = widget.NewSelect(nil, func(string) { changed() })
	for _, s := range []*widget.Select{f.style, f.kind, f.category, f.disclosure} {
		s.PlaceHolder = "请选择"
	}
	f.seal = widget.NewCheck("加盖印章（署名居中压在日期上方）", func(bool) { changed() })
	for field, label := range map[string]string{"style": "样式", "kind": "类型", "category": "答复类别", "disclosure": "公开属性", "seal": "盖章", "attachments": "附件"} {
		f.labels[field] = widget.NewLabel(label)
	}
	f.tabOf["style"], f.tabOf["kind"], f.tabOf["category"], f.tabOf["disclosure"] = tabResult, tabResult, tabResult, tabResult
	f.tabOf["seal"], f.tabOf["attachments"] = tabSignature, tabCC
	f.attach = newAttachments(changed, w)
	f.tabs = f.build(w)
	return f
}

// row is a label and its widget in a form grid.
func (f *form) rows(fields ...string) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, field := range fields {
		var w fyne.CanvasObject
		switch field {
		case "style":
			w = f.style
		case "kind":
			w = f.kind
		case "category":
			w = f.category
		case "disclosure":
			w = f.disclosure
		case "seal":
			w = f.seal
		case "date":
			w = f.dateRow()
		default:
			w = f.entries[field]
		}
		objs = append(objs, f.labels[field], w)
	}
	return container.New(layout.NewFormLayout(), objs...)
}

func (f *form) build(w func() fyne.Window) *container.AppTabs {
	scroll := func(o fyne.CanvasObject) fyne.CanvasObject { return container.NewVScroll(o) }
	text := container.NewBorder(
		container.NewVBox(f.rows("title", "salutation", "opening"), f.bodyTools()),
		f.rows("closing"), nil, nil, f.entries["body"])
	cc := container.NewBorder(f.rows("cc"), nil, nil, nil, f.attach.view(f.labels["attachments"]))
	return container.NewAppTabs(
		container.NewTabItem("来文信息", scroll(f.rows("assembly", "term", "session", "number", "proposers", "proposer_count", "item_title", "lead_unit"))),
		container.NewTabItem("答复属性", scroll(f.rows("style", "kind", "category", "disclosure", "doc_number", "signer"))),
		container.NewTabItem("正文", text),
		container.NewTabItem("落款与联系人", scroll(f.rows("issuer", "date", "seal", "contact.unit", "contact.name", "contact.phone", "responsible", "notes"))),
		container.NewTabItem("抄送与附件", cc),
	)
}

// currentStyle is the style the form's reply is written in, or nil.
func (f *form) currentStyle() *style.Style {
	if s := f.desk.StyleNamed(f.style.Selected); s != nil {
		return s
	}
	st, _ := f.desk.StyleOf(&reply.Reply{Kind: reply.Kind(f.kind.Selected)})
	return st
}

// styleChanged binds the category and disclosure selects to the style's
// vocabularies and sets the kind the style answers.
func (f *form) styleChanged() {
	st := f.desk.StyleNamed(f.style.Selected)
	if st == nil {
		return
	}
	if !f.loading {
		f.kind.SetSelected(string(st.Kind))
	}
	f.category.Options = choiceOptions(st.Categories)
	f.disclosure.Options = choiceOptions(st.Disclosures)
	f.category.Refresh()
	f.disclosure.Refresh()
}

// choiceOptions shows each choice as choiceOption does.
func choiceOptions(cs []style.Choice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = choiceOption(c)
	}
	return out
}

// choiceOption shows a choice: a code that is a mark (A, 甲) with its
// meaning, "B　正在解决或列入计划逐步解决"; a code that is words already
// (不予公开, 同意公开) alone, as its label would only say it again
// ("不予公开　不公开").
func choiceOption(c style.Choice) string {
	if c.Label == "" || c.Label == c.Code || utf8.RuneCountInString(c.Code) > maxMarkRunes {
		return c.Code
	}
	return c.Code + "　" + c.Label
}

// maxMarkRunes is the longest code taken for a mark that needs its
// meaning beside it.
const maxMarkRunes = 2

// choiceCode returns the code of a selected option.
func choiceCode(option string) string {
	code, _, _ := strings.Cut(option, "　")
	return code
}

// selectCode selects the option of a code, adding it when the style does
// not know it (the checker then reports it).
func selectCode(s *widget.Select, cs []style.Choice, code string) {
	if code == "" {
		s.ClearSelected()
		return
	}
	for _, c := range cs {
		if c.Code == code {
			s.SetSelected(choiceOption(c))
			return
		}
	}
	s.Options = append(s.Options, code)
	s.SetSelected(code)
}

// splitList reads a list typed one item per line, or separated by 、，,;；.
func splitList(s string, seps string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) })
	var out []string
	for _, x := range fields {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// ordinal reads 届次 and 会次 written as 14 or 十四.
func ordinal(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return n, nil
	}
	n, err := reply.ParseNumeral(s)
	if err != nil || n <= 0 {
		return 0, errors.New("应为正整数，如 14 或 十四")
	}
	return n, nil
}
