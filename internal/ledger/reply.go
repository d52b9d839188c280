package ledger

import (
	"slices"
	"strings"

	"replydesk/internal/reply"
)

// Normalize tidies an item after it was read or edited: the number
// normalized, the kind guessed from the assembly when missing, and the
// status derived when missing (已答复 when a reply date is known, else
// 未办理).
func (it *Item) Normalize() {
	it.Number = NormalizeNumber(it.Number)
	if it.Kind == "" {
		it.Kind = KindOfAssembly(it.Assembly)
	}
	if it.Status == "" {
		it.Status = Pending
		if !it.Replied.IsZero() {
			it.Status = Answered
		}
		if it.Satisfaction != "" {
			it.Status = FedBack
		}
	}
}

// NewReply returns a reply to the item with every field the ledger knows
// filled in: kind (a 协办意见 when the bureau is a co-handling unit),
// assembly, term, session, number, proposers (the first ones named, with
// the count of co-signers: "王远健等7位"), 案由, lead unit, category,
// disclosure, 发文字号, 签发人, contact, and the reply date. The issuer is the
// lead unit when the bureau leads, or its only co-handling unit. The
// style's defaults (closing, 抄送, seal) are the caller's to add; derived
// fields (title, salutation, opening) are left empty for the style.
func NewReply(it *Item) *reply.Reply {
	r := &reply.Reply{
		Kind:       it.ReplyKind(),
		Assembly:   it.Assembly,
		Term:       it.Term,
		Session:    it.Session,
		Number:     it.Number,
		Proposers:  slices.Clone(it.Proposers),
		ItemTitle:  it.Title,
		LeadUnit:   it.LeadUnit,
		Category:   it.Category,
		Disclosure: it.Disclosure,
		DocNumber:  it.DocNumber,
		Signer:     it.Signer,
		Date:       it.Replied,
		Contact:    reply.Contact{Name: it.Contact, Phone: it.Phone},
		Seal:       true,
	}
	if n := len(it.Proposers) + len(it.CoSigners); it.ProposerCount > n {
		r.ProposerCount = it.ProposerCount
	} else if len(it.CoSigners) > 0 {
		r.ProposerCount = n
	}
	switch {
	case !it.Mode.CoHandling():
		r.Issuer = it.LeadUnit
	case len(it.CoUnits) == 1:
		r.Issuer = it.CoUnits[0]
	}
	return r
}

// Event is what happened to an item's reply.
type Event int

// Events that update an item.
const (
	Saved    Event = iota // the draft was saved: the work has started
	Exported              // the reply was exported or printed: it is answered
)

// Apply updates the item from its reply after ev, on today: the category,
// disclosure, 发文字号, 签发人 and contact the reply carries; on Saved a
// 未办理 item becomes 办理中; on Exported an open item becomes 已答复 and
// takes the reply's date (or today) as its reply date. It reports whether
// the item changed.
func (it *Item) Apply(r *reply.Reply, ev Event, today reply.Date) bool {
	before := it.Clone()
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&it.Category, r.Category)
	set(&it.Disclosure, r.Disclosure)
	set(&it.DocNumber, r.DocNumber)
	set(&it.Signer, r.Signer)
	set(&it.Contact, r.Contact.Name)
	set(&it.Phone, r.Contact.Phone)
	switch ev {
	case Saved:
		if it.Status == Pending || it.Status == "" {
			it.Status = InProgress
		}
	case Exported:
		if !it.Status.Done() {
			it.Status = Answered
		}
		if !r.Date.IsZero() {
			it.Replied = r.Date
		} else if it.Replied.IsZero() {
			it.Replied = today
		}
	}
	return !Equal(&before, it)
}

// Equal reports whether two items hold the same values (IDs included).
func Equal(a, b *Item) bool {
	return a.ID == b.ID && a.Kind == b.Kind && a.Assembly == b.Assembly && a.Term == b.Term &&
		a.Session == b.Session && a.Number == b.Number && a.Title == b.Title &&
		slices.Equal(a.Proposers, b.Proposers) && slices.Equal(a.CoSigners, b.CoSigners) &&
		a.ProposerCount == b.ProposerCount && a.Delegation == b.Delegation &&
		a.LeadUnit == b.LeadUnit && slices.Equal(a.CoUnits, b.CoUnits) && a.Mode == b.Mode &&
		a.Assigned == b.Assigned && a.Deadline == b.Deadline && a.Status == b.Status &&
		a.DraftID == b.DraftID && a.Category == b.Category && a.Disclosure == b.Disclosure &&
		a.Met == b.Met && a.MetKnown() == b.MetKnown() && a.Satisfaction == b.Satisfaction && a.Contact == b.Contact &&
		a.Phone == b.Phone && a.Replied == b.Replied && a.DocNumber == b.DocNumber &&
		a.Signer == b.Signer && a.Notes == b.Notes
}

// Merge copies into dst the fields of src that an import read (keys; the
// meeting key also copies the assembly, term and session) and returns
// whether dst changed. dst keeps its ID, its draft link and every field
// the import did not have a column for.
func Merge(dst *Item, src *Item, keys []FieldKey) bool {
	before := dst.Clone()
	for _, k := range keys {
		mergeField(dst, src, k)
	}
	return !Equal(&before, dst)
}

func mergeField(dst, src *Item, k FieldKey) {
	if p := dst.text(k); p != nil {
		*p = *src.text(k)
		return
	}
	if d := dst.DateOf(k); d != nil {
		*d = *src.DateOf(k)
		return
	}
	switch k {
	case FKind:
		dst.Kind = src.Kind
	case FMeeting:
		dst.Assembly, dst.Term, dst.Session = src.Assembly, src.Term, src.Session
	case FNumber:
		dst.Number = src.Number
	case FProposers:
		dst.Proposers, dst.ProposerCount = slices.Clone(src.Proposers), src.ProposerCount
	case FCoSigners:
		dst.CoSigners = slices.Clone(src.CoSigners)
	case FCoUnits:
		dst.CoUnits = slices.Clone(src.CoUnits)
	case FMode:
		dst.Mode = src.Mode
	case FStatus:
		dst.Status = src.Status
	case FMet:
		dst.Met, dst.MetRecorded = src.Met, src.MetRecorded
	case FSatisfaction:
		dst.Satisfaction = src.Satisfaction
	}
}
