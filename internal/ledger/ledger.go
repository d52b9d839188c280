// Package ledger is the domain of the ledger (台账): the items (proposals
// and suggestions) assigned to the bureau, with their handling data, the
// filters and sorting a table needs, the statistics an annual report counts
// (办复率, 满意率), and the bridge to a reply: a new reply filled from an
// item, and an item updated from its saved or exported reply. It knows
// nothing of spreadsheets or databases.
package ledger

import (
	"slices"
	"strings"

	"replydesk/internal/reply"
)

// Status is how far the handling of an item has come.
type Status string

// Statuses, in the order of the work.
const (
	Pending    Status = "未办理"
	InProgress Status = "办理中"
	Answered   Status = "已答复"
	FedBack    Status = "已反馈" // the member returned the feedback form (征询意见表)
)

// Statuses lists the statuses in the order of the work.
var Statuses = []Status{Pending, InProgress, Answered, FedBack}

// Done reports whether the item has been answered (已答复 or 已反馈): it
// counts into the 办复率 and is never overdue.
func (s Status) Done() bool { return s == Answered || s == FedBack }

// Mode is the bureau's part in handling an item (承办方式).
type Mode string

// Handling modes. Only the lead unit (主办) answers the member; co-handling
// units (协办, 会办) send their opinion to the lead unit; with 分办 each unit
// answers its part to the member.
const (
	Lead   Mode = "主办"
	Assist Mode = "协办"
	Joint  Mode = "会办"
	Split  Mode = "分办"
)

// Modes lists the handling modes.
var Modes = []Mode{Lead, Assist, Joint, Split}

// CoHandling reports whether the bureau only gives an opinion to the lead
// unit (协办 or 会办), so that its reply is a reply.CoOpinion.
func (m Mode) CoHandling() bool { return m == Assist || m == Joint }

// Satisfaction is the member's rating of the reply.
type Satisfaction string

// Ratings, best first.
const (
	Satisfied   Satisfaction = "满意"
	Basic       Satisfaction = "基本满意"
	Unsatisfied Satisfaction = "不满意"
)

// Satisfactions lists the ratings, best first.
var Satisfactions = []Satisfaction{Satisfied, Basic, Unsatisfied}

// Good reports whether the rating counts into the 满意率 (满意 or 基本满意).
func (s Satisfaction) Good() bool { return s == Satisfied || s == Basic }

// DefaultDeadlineMonths is the handling period when the house style sets
// none: three months from assignment.
const DefaultDeadlineMonths = 3

// Item is one proposal or suggestion in the ledger.
type Item struct {
	ID int64 // in the store; 0 = not stored yet
	// Version is the store's version of the item, one more with each
	// change; saving an item edited from an older version is refused. 0 =
	// not stored yet (or saved without that check).
	Version int64 `json:"-"`

	// The item as assigned (交办).
	Kind          reply.Kind // 提案 or 建议
	Assembly      string     // e.g. "市政协", "区人大"
	Term          int        // 届, e.g. 14
	Session       int        // 次会议, e.g. 2
	Number        string     // e.g. "244"
	Title         string     // 案由
	Proposers     []string   // 提案人 / 领衔代表, e.g. ["董妍"]
	CoSigners     []string   // 联名人
	ProposerCount int        // people behind the item when more than listed ("王远健等7人"); 0 = as listed
	Delegation    string     // 代表团 (建议) or 界别 (提案)
	LeadUnit      string     // 主办单位
	CoUnits       []string   // 协办（会办）单位
	Mode          Mode       // the bureau's part; "" = 主办
	Assigned      reply.Date // 交办日期
	Deadline      reply.Date // 办理期限; see FillDeadline

	// Handling.
	Status       Status
	DraftID      int64  // the reply draft in the store; 0 = none yet
	Category     string // 答复类别 code in the style's scheme, e.g. "B"
	Disclosure   string // 公开属性, e.g. "同意公开"
	Met          bool   // 见面沟通: the bureau met the member
	MetRecorded  bool   // 见面沟通 was recorded (是 or 否); see MetKnown
	Satisfaction Satisfaction
	Contact      string     // 联系人
	Phone        string     // 联系电话
	Replied      reply.Date // 答复日期
	DocNumber    string     // 发文字号
	Signer       string     // 签发人
	Notes        string     // 备注
}

// Unfilled is how a table or spreadsheet shows a field nothing was
// recorded for (承办方式, 是否见面沟通), rather than a default; read back,
// it is an empty cell.
const Unfilled = "未填"

// MetKnown reports whether 见面沟通 was recorded for the item: 是 or 否
// was chosen (an item that says 是 counts, whenever it was stored).
func (it *Item) MetKnown() bool { return it.Met || it.MetRecorded }

// Key identifies an item across imports: the same assembly, term, session
// and number is the same item.
type Key struct {
	Assembly      string
	Term, Session int
	Number        string
}

// Key returns the item's identity, with the number normalized.
func (it *Item) Key() Key {
	return Key{Assembly: strings.TrimSpace(it.Assembly), Term: it.Term, Session: it.Session, Number: NormalizeNumber(it.Number)}
}

// String names the key in Chinese, e.g. "市政协十四届二次会议第244号".
func (k Key) String() string {
	return Meeting(k.Assembly, k.Term, k.Session) + "第" + k.Number + "号"
}

// Label names the item in lists and messages, e.g. "第244号提案".
func (it *Item) Label() string {
	s := "第" + it.Number + "号"
	if it.Number == "" {
		s = "未编号"
	}
	return s + string(it.Kind)
}

// Clone returns a deep copy of the item.
func (it *Item) Clone() Item {
	c := *it
	c.Proposers = slices.Clone(it.Proposers)
	c.CoSigners = slices.Clone(it.CoSigners)
	c.CoUnits = slices.Clone(it.CoUnits)
	return c
}

// NormalizeNumber writes an item number the way the ledger keeps it:
// half-width, without 第 and 号 or spaces, and without leading zeros when it
// is all digits: "第０２４４号" → "244".
func NormalizeNumber(s string) string {
	s = strings.Join(strings.Fields(reply.HalfWidth(s)), "")
	s = strings.TrimPrefix(s, "第")
	s = strings.TrimSuffix(s, "号")
	if s == "" {
		return ""
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return s
		}
	}
	if t := strings.TrimLeft(s, "0"); t != "" {
		return t
	}
	return "0"
}

// Meeting names a session of an assembly as ledgers write it:
// "市政协十四届二次会议"; parts that are unknown are left out.
func Meeting(assembly string, term, session int) string {
	s := assembly
	if term > 0 {
		s += reply.Numeral(term) + "届"
	}
	if session > 0 {
		s += reply.Numeral(session) + "次会议"
	}
	return s
}

// ReplyKind is the kind of reply the bureau writes for the item: a
// co-handling opinion (协办意见) when it is a co-handling unit, else the
// item's own kind.
func (it *Item) ReplyKind() reply.Kind {
	if it.Mode.CoHandling() {
		return reply.CoOpinion
	}
	return it.Kind
}
