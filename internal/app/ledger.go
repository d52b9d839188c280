package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
	"replydesk/internal/safefile"
	"replydesk/internal/sheet"
	"replydesk/internal/store"
	"replydesk/internal/style"
)

// LedgerStore is what the ledger use cases need of the database;
// *store.Store has it.
type LedgerStore interface {
	UpsertItems(items []ledger.Item) (added, updated int, err error)
	Items(f ledger.Filter) ([]ledger.Item, error)
	Item(id int64) (*ledger.Item, error)
	ItemOfDraft(draftID int64) (*ledger.Item, error)
	ItemByKey(k ledger.Key) (*ledger.Item, error)
	SaveItem(it *ledger.Item) error
	DeleteItem(id int64) error
	CreateDraft(r *reply.Reply) (int64, error)
	Draft(id int64) (*store.Draft, error)
	RestoreDraft(id int64) error
	Setting(key string) (string, error) // the profile a new draft starts from
}

// Ledger holds the use cases of the ledger (台账): importing a 交办清单
// with a preview, exporting the 办理情况汇总表, drafting a reply from an
// item, keeping the item up to date with its reply, and exporting many
// replies at once (Batch). It is safe for concurrent use when its store
// is.
type Ledger struct {
	Desk  *Desk
	Store LedgerStore
	// Today is the clock of deadlines and reply dates; nil = ledger.Today.
	Today func() reply.Date
}

// NewLedger returns the ledger use cases over a desk and a store.
func NewLedger(d *Desk, s LedgerStore) *Ledger { return &Ledger{Desk: d, Store: s} }

// Date is the ledger's today: the day deadlines are judged on.
func (l *Ledger) Date() reply.Date { return l.today() }

func (l *Ledger) today() reply.Date {
	if l.Today != nil {
		return l.Today()
	}
	return ledger.Today()
}

// styleFor returns the house style a reply of kind is written in, or nil.
func (l *Ledger) styleFor(kind reply.Kind) *style.Style {
	return style.Select(l.Desk.Styles, "", kind)
}

// DeadlineMonths is the handling period of an item: its style's
// DeadlineMonths (a co-handling opinion's style usually says 1), or
// ledger.DefaultDeadlineMonths.
func (l *Ledger) DeadlineMonths(it *ledger.Item) int {
	if st := l.styleFor(it.ReplyKind()); st != nil && st.DeadlineMonths > 0 {
		return st.DeadlineMonths
	}
	return ledger.DefaultDeadlineMonths
}

// Choices returns the category codes and disclosure values of the styles
// for the given kinds (all kinds when none is given), in style order
// without repeats: the dropdowns of a table or spreadsheet.
func (l *Ledger) Choices(kinds ...reply.Kind) (categories, disclosures []string) {
	for _, st := range l.Desk.Styles {
		if len(kinds) > 0 && !slices.Contains(kinds, st.Kind) {
			continue
		}
		for _, c := range st.Categories {
			if !slices.Contains(categories, c.Code) {
				categories = append(categories, c.Code)
			}
		}
		for _, c := range st.Disclosures {
			if !slices.Contains(disclosures, c.Code) {
				disclosures = append(disclosures, c.Code)
			}
		}
	}
	return categories, disclosures
}

// Mapping says which column of a 交办清单 holds each ledger field; a
// preview shows the detected one and takes corrections (see
// sheet.Mapping.Override).
type Mapping = sheet.Mapping

// SaveItem stores an item edited by hand (ID 0: a new one): normalized,
// its deadline filled from its assigned date when it has none.
func (l *Ledger) SaveItem(it *ledger.Item) error {
	it.Normalize()
	it.FillDeadline(l.DeadlineMonths(it))
	return l.Store.SaveItem(it)
}

// DeleteItem removes item id from the ledger; its reply draft stays.
func (l *Ledger) DeleteItem(id int64) error { return l.Store.DeleteItem(id) }

// ExportAttachment writes an attachment's table to path as a formatted
// workbook (atomically): its title over a ruled table whose header row
// repeats on every printed page.
func ExportAttachment(path string, a *reply.Attachment) error {
	if a.Table == nil {
		return fmt.Errorf("附件“%s”不是表格，无法导出为 Excel 表格", a.Title)
	}
	if err := safefile.CheckOutput(path, ".xlsx"); err != nil {
		return err
	}
	return safefile.Explain("导出", path, sheet.WriteTableFile(path, a.Title, a.Table))
}

// ImportAttachment reads an attachment table from the first sheet of the
// workbook at path: an optional title row, the header row and the rows,
// as the cells show them.
func ImportAttachment(path string) (reply.Attachment, error) {
	title, t, err := sheet.ReadTableFile(path)
	if err != nil {
		return reply.Attachment{}, err
	}
	return reply.Attachment{Title: title, Table: t}, nil
}

// Items returns the items that pass f, earliest deadline first.
func (l *Ledger) Items(f ledger.Filter) ([]ledger.Item, error) {
	if f.Today.IsZero() {
		f.Today = l.today()
	}
	return l.Store.Items(f)
}

// Stats returns the figures of the items that pass f, with the categories
// of the styles for their kinds.
func (l *Ledger) Stats(f ledger.Filter) (ledger.Stats, error) {
	items, err := l.Items(f)
	if err != nil {
		return ledger.Stats{}, err
	}
	cats, _ := l.Choices(kindsOf(items)...)
	return ledger.Compute(items, cats, l.today()), nil
}

func kindsOf(items []ledger.Item) []reply.Kind {
	var out []reply.Kind
	for i := range items {
		for _, k := range []reply.Kind{items[i].Kind, items[i].ReplyKind()} {
			if k != "" && !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

// ExportLedger writes the 办理情况汇总表 of the items that pass f to path
// (atomically) and returns how many items it holds. The path must end in
// .xlsx and not be a folder or a reply source (see safefile.CheckOutput).
func (l *Ledger) ExportLedger(path string, f ledger.Filter) (int, error) {
	return l.exportLedger(path, f, false)
}

func (l *Ledger) exportLedger(path string, f ledger.Filter, withLog bool) (int, error) {
	if err := safefile.CheckOutput(path, ".xlsx"); err != nil {
		return 0, err
	}
	items, err := l.Items(f)
	if err != nil {
		return 0, err
	}
	cats, discs := l.Choices(kindsOf(items)...)
	opt := sheet.ExportOptions{Categories: cats, Disclosures: discs, Today: l.today(), WithLog: withLog}
	if withLog {
		if opt.Log, err = l.logRows(items); err != nil {
			return 0, errLog(err)
		}
	}
	err = sheet.WriteLedgerFile(path, items, opt)
	if err != nil {
		return 0, safefile.Explain("导出", path, err)
	}
	return len(items), nil
}

// NewReply returns a reply to the item in its house style, every field the
// ledger knows filled in (see ledger.NewReply) over the style's defaults
// (closing, 抄送, seal). The derived fields are left to the style.
func (l *Ledger) NewReply(it *ledger.Item) *reply.Reply {
	r := ledger.NewReply(it)
	if st := l.styleFor(r.Kind); st != nil {
		base := st.NewReply()
		r.Style, r.Closing, r.CC, r.Seal = base.Style, base.Closing, base.CC, base.Seal
	}
	return r
}

// DraftFromItem opens the reply draft of item id: its linked draft (taken
// out of the trash if need be), or else a new draft filled from the item
// (NewReply) and then from the settings (StartReply: the unit's full name
// and the default contact win over the item's), which is stored, linked
// to the item, and marks the item 办理中. Settings that cannot be read are
// left out, as the window does.
func (l *Ledger) DraftFromItem(id int64) (draftID int64, r *reply.Reply, err error) {
	it, err := l.Store.Item(id)
	if err != nil {
		return 0, nil, err
	}
	if it.DraftID != 0 {
		d, err := l.Store.Draft(it.DraftID)
		switch {
		case err == nil && !d.Deleted.IsZero():
			if err := l.Store.RestoreDraft(d.ID); err != nil {
				return 0, nil, err
			}
			return d.ID, &d.Reply, nil
		case err == nil:
			return d.ID, &d.Reply, nil
		case !errors.Is(err, store.ErrNotFound):
			return 0, nil, err
		}
	}
	r = l.NewReply(it)
	p, _ := LoadProfile(l.Store)
	StartReply(r, p, l.today())
	if draftID, err = l.Store.CreateDraft(r); err != nil {
		return 0, nil, err
	}
	it.DraftID = draftID
	it.Apply(r, ledger.Saved, l.today())
	if err := l.Store.SaveItem(it); err != nil {
		return draftID, r, fmt.Errorf("答复草稿已建立，但未能与台账条目关联：%w", err)
	}
	return draftID, r, nil
}

// ReplySaved updates the ledger after draft draftID was saved as r: the
// item linked to the draft (or, if none, the unlinked item with the
// reply's assembly, term, session and number, which is then linked) takes
// the reply's category, disclosure, 发文字号, 签发人 and contact, and a
// 未办理 item becomes 办理中. It returns the item, or nil when the reply
// answers no item of the ledger.
func (l *Ledger) ReplySaved(draftID int64, r *reply.Reply) (*ledger.Item, error) {
	return l.replyEvent(draftID, r, ledger.Saved)
}

// ReplyExported is ReplySaved after the reply was exported or printed:
// the item also becomes 已答复 with the reply's date (or today) as its
// reply date.
func (l *Ledger) ReplyExported(draftID int64, r *reply.Reply) (*ledger.Item, error) {
	return l.replyEvent(draftID, r, ledger.Exported)
}

func (l *Ledger) replyEvent(draftID int64, r *reply.Reply, ev ledger.Event) (*ledger.Item, error) {
	it, err := l.itemOfReply(draftID, r)
	if it == nil || err != nil {
		return nil, err
	}
	if it.Apply(r, ev, l.today()) {
		if err := l.Store.SaveItem(it); err != nil {
			return nil, err
		}
	}
	return it, nil
}

// itemOfReply finds the item a draft answers: by its link, else by the
// reply's key when that item has no draft yet (and links it).
func (l *Ledger) itemOfReply(draftID int64, r *reply.Reply) (*ledger.Item, error) {
	if draftID != 0 {
		it, err := l.Store.ItemOfDraft(draftID)
		if err == nil || !errors.Is(err, store.ErrNotFound) {
			return it, err
		}
	}
	if r.Number == "" {
		return nil, nil
	}
	it, err := l.Store.ItemByKey(ledger.Key{Assembly: r.Assembly, Term: r.Term, Session: r.Session, Number: r.Number})
	if errors.Is(err, store.ErrNotFound) || err == nil && it.DraftID != 0 && it.DraftID != draftID {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	it.DraftID = draftID
	return it, nil
}

// Action is what confirming an import does with one row.
type Action int

// Actions of an import.
const (
	Add    Action = iota // a new item
	Update               // an item already in the ledger, changed by the row
	Keep                 // an item already in the ledger that the row does not change
	Skip                 // a row with an error: not imported
)

// String names the action in Chinese, as a preview column shows it.
func (a Action) String() string {
	return [...]string{"新增", "更新", "不变", "有错误"}[a]
}

// Planned is one row of a preview and what confirming will do with it.
type Planned struct {
	Line     int             // 1-based row of the sheet
	Action   Action          //
	Item     ledger.Item     // the item as it will be stored (merged into the existing one for Update and Keep)
	Existing *ledger.Item    // the item in the ledger before the import, for Update and Keep
	Changes  []ledger.Change // what an Update changes in the existing item, field by field
}

// Describe says what an update does to its item, e.g.
// "第12号提案：办理状态 未办理 → 办理中；承办方式 主办 → 协办"; "" for
// another action.
func (pl *Planned) Describe() string {
	if pl.Action != Update {
		return ""
	}
	return pl.Item.Label() + "：" + ledger.Changes(pl.Changes)
}

// Preview is an imported 交办清单 not yet written: the sheet as read (its
// columns, the detected and the corrected mapping, every problem by row
// and column) and what confirming will do with each row.
type Preview struct {
	*sheet.Import
	Plan                               []Planned // one per row of Import.Rows, in order
	Added, Updated, Unchanged, Skipped int
}

// CanConfirm reports whether the import can be written: no errors, and
// something to add or change.
func (p *Preview) CanConfirm() bool {
	return p.Errors() == 0 && p.Added+p.Updated > 0
}

// Summary describes the preview in one Chinese sentence, e.g.
// "读取第3行表头下的120行：新增100件，更新15件，不变5件；错误0处，提醒2处".
func (p *Preview) Summary() string {
	warnings := len(p.Problems) - p.Errors()
	return fmt.Sprintf("读取“%s”工作表第%d行表头下的%d行：新增%d件，更新%d件，不变%d件，有错误%d行；错误%d处，提醒%d处",
		p.Sheet, p.HeaderRow, len(p.Plan), p.Added, p.Updated, p.Unchanged, p.Skipped, p.Errors(), warnings)
}

// ImportPreview reads the 交办清单 at path with the detected columns
// corrected by mapping (nil: as detected) and plans the import against the
// ledger. It writes nothing.
func (l *Ledger) ImportPreview(path string, mapping sheet.Mapping) (*Preview, error) {
	return l.PreviewImport(path, sheet.ImportOptions{Mapping: mapping})
}

// PreviewImport is ImportPreview with every option of the reading (the
// sheet, default meeting and kind for lists that do not name them). The
// deadlines and the category check follow the house styles; assigned
// dates are judged against the ledger's today.
func (l *Ledger) PreviewImport(path string, opt sheet.ImportOptions) (*Preview, error) {
	opt.DeadlineMonths = l.DeadlineMonths
	if opt.Today.IsZero() {
		opt.Today = l.today()
	}
	if opt.Categories == nil {
		opt.Categories, _ = l.Choices()
	}
	im, err := sheet.ReadLedgerFile(path, opt)
	if err != nil {
		return nil, err
	}
	existing, err := l.Store.Items(ledger.Filter{})
	if err != nil {
		return nil, err
	}
	byKey := make(map[ledger.Key]*ledger.Item, len(existing))
	for i := range existing {
		byKey[existing[i].Key()] = &existing[i]
	}
	p := &Preview{Import: im, Plan: make([]Planned, len(im.Rows))}
	for i, row := range im.Rows {
		p.Plan[i] = l.plan(row, byKey)
		switch p.Plan[i].Action {
		case Add:
			p.Added++
		case Update:
			p.Updated++
		case Keep:
			p.Unchanged++
		case Skip:
			p.Skipped++
		}
	}
	return p, nil
}

// plan decides what to do with a row: add it, or merge the fields it has
// into the item of the same key.
func (l *Ledger) plan(row sheet.Row, byKey map[ledger.Key]*ledger.Item) Planned {
	pl := Planned{Line: row.Line, Item: row.Item}
	if row.Bad {
		pl.Action = Skip
		return pl
	}
	old, ok := byKey[row.Item.Key()]
	if !ok {
		pl.Action = Add
		return pl
	}
	pl.Existing = old
	merged := old.Clone()
	changed := ledger.Merge(&merged, &row.Item, row.Filled)
	if merged.FillDeadline(l.DeadlineMonths(&merged)) {
		changed = true
	}
	pl.Item, pl.Action = merged, Keep
	if changed {
		pl.Action = Update
		pl.Changes = ledger.Diff(old, &merged)
	}
	return pl
}

// ImportConfirm writes the rows of the preview to the ledger in one
// transaction: all of them or none. It refuses a preview with errors.
func (l *Ledger) ImportConfirm(p *Preview) (added, updated int, err error) {
	if n := p.Errors(); n > 0 {
		return 0, 0, fmt.Errorf("交办清单还有%d处错误，未导入任何条目：请按预览中的提示改正表格（或重新指定各列）后再导入；首个错误：%s",
			n, firstError(p))
	}
	var items []ledger.Item
	for _, pl := range p.Plan {
		if pl.Action == Add || pl.Action == Update {
			items = append(items, pl.Item)
		}
	}
	if len(items) == 0 {
		return 0, 0, nil
	}
	return l.Store.UpsertItems(items)
}

func firstError(p *Preview) string {
	for _, pr := range p.Problems {
		if pr.Severity == reply.Error {
			return strings.TrimSpace(pr.Message)
		}
	}
	return ""
}
