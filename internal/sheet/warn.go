package sheet

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// staleMonths is how far back a 交办日期 may lie before it is questioned:
// items are answered within months, so a date more than two years old is
// most likely a slip of the year.
const staleMonths = 24

// checkRow warns about the values of a row that are legal but doubtful:
// a number that is not a number, an assigned date in the future or years
// back, a kind that does not fit the meeting, no proposer, no assigned
// date (and so no deadline). A column the sheet lacks is warned about
// once, by checkMissing, not in every row.
func (im *Import) checkRow(row *Row, today reply.Date) {
	it := &row.Item
	if n := it.Number; n != "" && strings.Trim(n, "0123456789") != "" {
		im.warn(row, ledger.FNumber, fmt.Sprintf("“%s”不是纯数字编号，请核对是否与交办清单上的编号一致", n))
	}
	if d := it.Assigned; !d.IsZero() {
		switch {
		case d.Compare(today) > 0:
			im.warn(row, ledger.FAssigned, fmt.Sprintf("%s晚于今天（%s），请核对年份", d, today))
		case d.Compare(ledger.AddMonths(today, -staleMonths)) < 0:
			im.warn(row, ledger.FAssigned, fmt.Sprintf("%s已是两年多以前，请核对年份", d))
		}
	}
	if want := ledger.KindOfAssembly(it.Assembly); it.Kind != "" && want != "" && it.Kind != want {
		k := ledger.FKind
		if !slices.Contains(row.Filled, k) && slices.Contains(row.Filled, ledger.FMeeting) {
			k = ledger.FMeeting
		}
		body := "政协"
		if want == reply.Suggestion {
			body = "人大"
		}
		im.warn(row, k, fmt.Sprintf("%s收到的是%s，这一行却是%s（%s）：请核对类型和届次会议",
			body, want, it.Kind, ledger.Meeting(it.Assembly, it.Term, it.Session)))
	}
	if _, mapped := im.Mapping[ledger.FProposers]; mapped && len(it.Proposers) == 0 {
		im.warn(row, ledger.FProposers, "为空：答复函无法称呼提出人，请补填")
	}
	if _, mapped := im.Mapping[ledger.FAssigned]; mapped && it.Assigned.IsZero() && it.Deadline.IsZero() {
		im.warn(row, ledger.FAssigned, "为空：无法计算办理期限，该件不会提示超期，请补填")
	}
}

// checkMissing warns once about the 提出人 and 交办日期 columns when the
// sheet has none.
func (im *Import) checkMissing() {
	if len(im.Rows) == 0 {
		return
	}
	if _, ok := im.Mapping[ledger.FProposers]; !ok {
		im.add(0, "", ledger.FProposers, reply.Warning, "表中没有“提出人”列：答复函无法称呼提出人，请在表中加上该列，或导入后逐件填写")
	}
	_, assigned := im.Mapping[ledger.FAssigned]
	_, deadline := im.Mapping[ledger.FDeadline]
	if !assigned && !deadline {
		im.add(0, "", ledger.FAssigned, reply.Warning, "表中没有“交办日期”列，也没有“办理期限”列：各件没有办理期限，不会提示超期；请在表中加上“交办日期”列，或导入后逐件填写")
	}
}

// deadlineRule says how the deadlines the sheet does not give are
// computed, from the months applied to each row without one: e.g.
// "表中没有“办理期限”列：办理期限按交办日期后3个月计算", or, the months
// differing by the kind of reply, "…：提案3个月，协办意见1个月".
func (im *Import) deadlineRule(months map[reply.Kind]int) string {
	if len(months) == 0 {
		return ""
	}
	lead := "表中没有“办理期限”列："
	if _, ok := im.Mapping[ledger.FDeadline]; ok {
		lead = "“办理期限”为空的，"
	}
	kinds := make([]reply.Kind, 0, len(months))
	for k := range months {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	same := true
	for _, k := range kinds {
		same = same && months[k] == months[kinds[0]]
	}
	if same {
		return lead + "办理期限按交办日期后" + strconv.Itoa(months[kinds[0]]) + "个月计算"
	}
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		name := string(k)
		if k == "" {
			name = "其他"
		}
		parts[i] = name + strconv.Itoa(months[k]) + "个月"
	}
	return lead + "办理期限按交办日期后计算：" + strings.Join(parts, "，")
}
