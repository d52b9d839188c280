package reply

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Vocab is what a house style tells Check: the allowed values and which
// elements the style prints, so must be filled. The zero Vocab accepts any
// category and disclosure and requires neither nor the contact.
type Vocab struct {
	Categories  []string // allowed 答复类别 codes, e.g. A B C D; nil = any
	Disclosures []string // allowed 公开属性 values; nil = any

	CategoryRequired   bool // the style prints the category
	DisclosureRequired bool // the style prints the disclosure (mark or 附注)
	ContactRequired    bool // the style prints the contact
	// ContactUnitRequired: the style's contact block prints the unit.
	ContactUnitRequired bool

	// AreaCode is the area code of the bureau's local numbers, e.g.
	// "0431": a contact number without area code is then accepted as a
	// local number. "" = not known: such a number is a warning.
	AreaCode string

	// Today is the day "in the future" is measured from; zero = the
	// current date of the machine.
	Today Date
}

// Check returns what is wrong with r, worst first, then in form order.
// Besides missing and malformed values it reports control characters (see
// IsControl) in any text, and texts and lists over their length limits.
// Derivable fields (Title, Salutation, Opening) that are empty are not
// checked: the style fills them (check the style's Resolve of r to check
// the printed text).
func Check(r *Reply, v Vocab) []Problem {
	c := &checker{r: r, v: v}
	c.required()
	c.item()
	c.result()
	c.docNumber()
	c.texts()
	c.salutation()
	c.numbersAgree()
	c.date()
	c.contact()
	c.lists()
	c.counts()
	c.strictSpaces()
	c.paraForms()
	SortProblems(c.out)
	return c.out
}

// SortProblems orders ps worst first, keeping the order of problems of the
// same severity.
func SortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int { return int(a.Severity) - int(b.Severity) })
}

// HasErrors reports whether any problem is an Error.
func HasErrors(ps []Problem) bool {
	return slices.ContainsFunc(ps, func(p Problem) bool { return p.Severity == Error })
}

type checker struct {
	r   *Reply
	v   Vocab
	out []Problem
}

// add reports a problem of field; the texts among args are quoted as
// shown does.
func (c *checker) add(field string, s Severity, fix, format string, args ...any) {
	for i, a := range args {
		switch a := a.(type) {
		case string:
			args[i] = shown(a)
		case Kind:
			args[i] = shown(string(a))
		}
	}
	c.out = append(c.out, Problem{Field: field, Severity: s, Message: fmt.Sprintf(format, args...), Fix: fix, Para: -1})
}

func (c *checker) missing(field string) {
	c.add(field, Error, "", "%s未填写", FieldLabel(field))
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// required checks that the fields every reply needs are filled.
func (c *checker) required() {
	r := c.r
	switch {
	case r.Kind == "":
		c.missing("kind")
	case !r.Kind.Valid():
		c.add("kind", Error, "", "类型“%s”不对，应为提案、建议或协办意见", r.Kind)
	}
	for _, f := range []struct {
		field string
		empty bool
	}{
		{"assembly", blank(r.Assembly)},
		{"term", r.Term == 0},
		{"session", r.Session == 0},
		{"number", blank(r.Number)},
		{"item_title", blank(r.ItemTitle)},
		{"body", blank(r.Body)},
		{"issuer", blank(r.Issuer)},
		{"date", r.Date.IsZero()},
	} {
		if f.empty {
			c.missing(f.field)
		}
	}
	if r.Kind == CoOpinion {
		if blank(r.LeadUnit) {
			c.add("lead_unit", Error, "", "协办意见应填写主办单位（意见函的主送单位）")
		}
	} else if r.ProposersText() == "" {
		c.missing("proposers")
	}
}

var digitsRe = regexp.MustCompile(`^[0-9]+$`)

// item checks the numbers of the item.
func (c *checker) item() {
	r := c.r
	if r.Term < 0 {
		c.add("term", Error, "", "届次%d不对，应为正整数，例如 14（第十四届）", r.Term)
	}
	if r.Session < 0 {
		c.add("session", Error, "", "会次%d不对，应为正整数，例如 2（第二次会议）", r.Session)
	}
	if r.ProposerCount < 0 || r.ProposerCount > 0 && r.ProposerCount < len(r.Proposers) {
		c.add("proposer_count", Warning, "", "提出人数%d少于所列提出人（%d人）", r.ProposerCount, len(r.Proposers))
	}
	if n := strings.TrimSpace(r.Number); n != "" && !digitsRe.MatchString(n) {
		fix := strings.Trim(halfDigits.Replace(n), "第号 ")
		if !digitsRe.MatchString(fix) {
			fix = ""
		}
		c.add("number", Error, fix, "编号“%s”应只写数字，例如 244（印出来是“第244号”）", r.Number)
	}
}

// result checks category and disclosure against the style's vocabulary.
func (c *checker) result() {
	c.inVocab("category", c.r.Category, c.v.Categories, c.v.CategoryRequired)
	c.inVocab("disclosure", c.r.Disclosure, c.v.Disclosures, c.v.DisclosureRequired)
}

func (c *checker) inVocab(field, value string, vocab []string, required bool) {
	label := FieldLabel(field)
	value = strings.TrimSpace(value)
	if value == "" {
		if required {
			c.add(field, Error, "", "%s未填写，应为%s之一", label, strings.Join(vocab, "、"))
		}
		return
	}
	if len(vocab) == 0 || slices.Contains(vocab, value) {
		return
	}
	fix := ""
	for _, v := range vocab {
		if strings.EqualFold(strings.TrimSuffix(value, "类"), v) {
			fix = v
		}
	}
	c.add(field, Error, fix, "%s“%s”不在本样式的选项中，应为%s之一", label, value, strings.Join(vocab, "、"))
}

// docNumber checks the 发文字号, if any.
func (c *checker) docNumber() {
	s := c.r.DocNumber
	if blank(s) {
		return
	}
	fixed, issues, ok := docNumberFix(s)
	switch {
	case !ok:
		c.add("doc_number", Error, "", "发文字号“%s”格式不对，应为 机关代字〔年份〕序号，例如 长教函〔2023〕12号", s)
	case len(issues) > 0:
		c.add("doc_number", Error, fixed, "发文字号“%s”不规范：%s。应为“%s”", s, strings.Join(issues, "；"), fixed)
	}
	if y := docYear(fixed); y != "" && c.r.Date.Valid() && y != strconv.Itoa(c.r.Date.Year) {
		c.add("doc_number", Warning, "", "发文字号的年份%s与成文日期（%d年）不一致", y, c.r.Date.Year)
	}
}

// date checks the 成文日期.
func (c *checker) date() {
	d := c.r.Date
	if d.IsZero() {
		return
	}
	if !d.Valid() {
		c.add("date", Error, "", "成文日期%d年%d月%d日不存在，请核对", d.Year, d.Month, d.Day)
		return
	}
	today := c.v.Today
	if today.IsZero() {
		today = DateOf(time.Now())
	}
	if d.Compare(today) > 0 {
		c.add("date", Warning, "", "成文日期%s晚于今天（%s），请核对", d, today)
	}
}

// contact checks the contact person and number.
func (c *checker) contact() {
	ct := c.r.Contact
	if c.v.ContactUnitRequired && blank(ct.Unit) {
		c.add("contact.unit", Error, "", "联系单位未填写（本样式要印联系单位，如“市教育局职成处”）")
	}
	if c.v.ContactRequired {
		if blank(ct.Name) {
			c.add("contact.name", Error, "", "联系人未填写（本样式要印联系人及电话）")
		}
		if blank(ct.Phone) {
			c.add("contact.phone", Error, "", "联系电话未填写（本样式要印联系人及电话）")
		}
	}
	if !blank(ct.Phone) {
		c.phone(StripControls(ct.Phone, false))
	}
}

// phone checks the contact's phone field: every number must read
// (ParsePhones); a local number without its area code is accepted when
// the style or the settings give the area code (Vocab.AreaCode), else it
// is a warning, as a member calling from another city needs it. s is the
// field without control characters (texts reports those).
func (c *checker) phone(s string) {
	phones, err := ParsePhones(s)
	if err != nil {
		fix := NormalizePhone(s)
		if _, ferr := ParsePhones(fix); ferr == nil && fix != s {
			c.add("contact.phone", Error, fix, "联系电话“%s”应写作“%s”（数字、括号和“-”用半角）", s, fix)
			return
		}
		var pe *PhoneError
		errors.As(err, &pe)
		what := "“" + shown(s) + "”"
		if pe.Part != "" && strings.TrimSpace(pe.Part) != strings.TrimSpace(s) {
			what += "中的“" + shown(pe.Part) + "”"
		}
		c.out = append(c.out, Problem{Field: "contact.phone", Severity: Error, Para: -1,
			Message: "联系电话" + what + pe.Why + phoneHint(pe.Why)})
		return
	}
	if fix := NormalizePhone(s); fix != s {
		c.add("contact.phone", Info, fix, "联系电话“%s”可写作“%s”（半角括号，去掉首尾空格）", s, fix)
	}
	area := c.v.AreaCode
	for _, p := range phones {
		switch {
		case p.Kind != Local:
		case area == "":
			c.add("contact.phone", Warning, "",
				"联系电话“%s”没有区号：外地的代表委员拨打需要区号，请写成“区号-%s”（如 0431-%s）；或在样式的 [contact] area_code 或设置的“本地区号”中填写区号，本地号码即不再提示",
				p.Number, p.Number, p.Number)
		case len(area) == 3 && len(p.Number) != 8:
			c.add("contact.phone", Warning, "", "联系电话“%s”是%d位，而区号%s的本地号码为8位，请核对", p.Number, len(p.Number), area)
		}
	}
}

// phoneHint is what to write instead, added to a message about a number
// that does not say it already.
func phoneHint(why string) string {
	if strings.Contains(why, "如 ") || strings.Contains(why, "应为") {
		return ""
	}
	return "。应为11位手机号（如 13578951242）、带区号的固定电话（如 0431-88888888，分机写作 0431-88888888转8012）或 400 电话，几个号码之间用“、”隔开"
}
