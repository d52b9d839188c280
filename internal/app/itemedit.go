package app

import (
	"fmt"
	"slices"
	"strings"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// Editing one ledger item by its number, as `replydesk ledger set` and
// `ledger draft` do: find it, set fields from text, refuse values the
// ledger or the house styles do not know.

// FindItem returns the item numbered number ("244", "第244号" or "第０２４４号"
// all name item 244). When several meetings or kinds have an item of
// that number, meeting ("市政协十四届二次会议", "" = any) and kind ("" =
// any) choose; an error in Chinese lists the candidates when they do not.
func (l *Ledger) FindItem(number, meeting string, kind reply.Kind) (*ledger.Item, error) {
	n := ledger.NormalizeNumber(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(number), "第"), "号"))
	if n == "" {
		return nil, fmt.Errorf("缺少编号：请写出台账条目的编号，例如 244")
	}
	var assembly string
	var term, session int
	if meeting != "" {
		var ok bool
		if assembly, term, session, ok = ledger.ParseMeeting(meeting); !ok {
			return nil, fmt.Errorf("“%s”不是届次会议，应写作“市政协十四届二次会议”", meeting)
		}
	}
	var f ledger.Filter
	if kind != "" {
		f.Kinds = []reply.Kind{kind}
	}
	items, err := l.Items(f)
	if err != nil {
		return nil, err
	}
	var found []ledger.Item
	for _, it := range items {
		if it.Key().Number != n || meeting != "" && (it.Assembly != assembly || it.Term != term || it.Session != session) {
			continue
		}
		found = append(found, it)
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("台账中没有编号为 %s 的条目：请用 replydesk ledger list 查看台账中的编号", n)
	case 1:
		return &found[0], nil
	}
	var names []string
	for _, it := range found {
		names = append(names, it.Key().String()+string(it.Kind))
	}
	return nil, fmt.Errorf("台账中有 %d 个编号为 %s 的条目（%s）：请用 --meeting 指明届次会议，或用 --kind 指明类型",
		len(found), n, strings.Join(names, "、"))
}

// FieldEdit is one field to set on an item, as text (a cell's or a
// command line's): the value "" empties the field.
type FieldEdit struct {
	Field ledger.FieldKey
	Value string
}

// Editable reports whether a field may be set with SetFields: every
// field but those that name the item (类型, 届次会议, 编号).
func Editable(k ledger.FieldKey) bool {
	switch k {
	case ledger.FKind, ledger.FMeeting, ledger.FNumber:
		return false
	}
	_, ok := ledger.FieldOf(k)
	return ok
}

// SetFields sets the fields of it from text, in order, and returns the
// changes. A value the field does not take (an unknown status, a
// satisfaction, a category or disclosure the item's style does not have,
// a date that is not one) is refused with a Chinese error naming the
// field and the values it takes; then it is left as it was.
func (l *Ledger) SetFields(it *ledger.Item, edits []FieldEdit) ([]ledger.Change, error) {
	before := it.Clone()
	work := it.Clone()
	for _, e := range edits {
		f, ok := ledger.FieldOf(e.Field)
		if !ok || !Editable(e.Field) {
			return nil, fmt.Errorf("字段“%s”不能修改", e.Field)
		}
		v := strings.TrimSpace(e.Value)
		switch e.Field {
		case ledger.FCategory, ledger.FDisclosure:
			cats, discs := l.Choices(work.ReplyKind())
			valid := cats
			if e.Field == ledger.FDisclosure {
				valid = discs
			}
			if v == "无" {
				v = ""
			}
			if v != "" && len(valid) > 0 {
				norm := v
				if e.Field == ledger.FCategory {
					norm = ledger.NormalizeCategory(v)
				}
				i := slices.IndexFunc(valid, func(c string) bool { return strings.EqualFold(c, norm) })
				if i < 0 {
					return nil, fmt.Errorf("%s：“%s”不是%s的样式中的%s，应为%s之一（留空或写“无”为不填）",
						f.Label, v, work.ReplyKind(), f.Label, quoted(valid))
				}
				v = valid[i]
			}
		}
		if err := f.Set(&work, v); err != nil {
			return nil, fmt.Errorf("%s：%v", f.Label, err)
		}
	}
	work.Normalize()
	*it = work
	return ledger.Diff(&before, it), nil
}

// quoted writes values as “A”、“B”.
func quoted(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = "“" + v + "”"
	}
	return strings.Join(q, "、")
}
