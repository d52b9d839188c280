package reply

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// placeholders maps each placeholder of a formula to the text it stands for.
var placeholders = map[string]func(r *Reply) string{
	"assembly":      func(r *Reply) string { return r.Assembly },
	"term":          func(r *Reply) string { return positive(r.Term) },
	"term_cn":       func(r *Reply) string { return positiveCN(r.Term) },
	"session":       func(r *Reply) string { return positive(r.Session) },
	"session_cn":    func(r *Reply) string { return positiveCN(r.Session) },
	"number":        func(r *Reply) string { return r.Number },
	"kind":          func(r *Reply) string { return string(r.Kind) },
	"item_kind":     func(r *Reply) string { return r.ItemKind() },
	"proposers":     func(r *Reply) string { return r.ProposersText() },
	"address":       func(r *Reply) string { return r.Kind.Address() },
	"item_title":    func(r *Reply) string { return r.ItemTitle },
	"lead_unit":     func(r *Reply) string { return r.LeadUnit },
	"issuer":        func(r *Reply) string { return r.Issuer },
	"category":      func(r *Reply) string { return r.Category },
	"disclosure":    func(r *Reply) string { return r.Disclosure },
	"contact_unit":  func(r *Reply) string { return r.Contact.Unit },
	"contact_name":  func(r *Reply) string { return r.Contact.Name },
	"contact_phone": func(r *Reply) string { return r.Contact.Phone },
	"date":          func(r *Reply) string { return r.Date.String() },
	"doc_number":    func(r *Reply) string { return r.DocNumber },
	"signer":        func(r *Reply) string { return r.Signer },
	"responsible":   func(r *Reply) string { return r.Responsible },
}

func positive(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func positiveCN(n int) string {
	if n <= 0 {
		return ""
	}
	return Numeral(n)
}

// Placeholders lists the names a formula may use in braces, sorted:
// {assembly} 市政协 · {term} 14 · {term_cn} 十四 · {session} 2 ·
// {session_cn} 二 · {number} 244 · {kind} 提案 · {item_kind} 提案 or 建议
// (for a 协办意见, guessed from the assembly) · {proposers} 王远健等7位 ·
// {address} 委员/代表 · {item_title} · {lead_unit} · {issuer} ·
// {category} · {disclosure} · {contact_unit} · {contact_name} ·
// {contact_phone} · {responsible} 承办负责人 · {date} 2023年6月20日 ·
// {doc_number} · {signer}.
func Placeholders() []string {
	names := make([]string, 0, len(placeholders))
	for n := range placeholders {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// placeholderFields names the field (as in Problem.Field) each placeholder
// shows, where it is not the placeholder's own name.
var placeholderFields = map[string]string{
	"term_cn":       "term",
	"session_cn":    "session",
	"item_kind":     "kind",
	"address":       "kind",
	"contact_unit":  "contact.unit",
	"contact_name":  "contact.name",
	"contact_phone": "contact.phone",
}

// FormulaFields lists the fields of a reply that formula shows, as
// Problem.Field names, in the order of their placeholders, without
// repeats: "联系人：{contact_name}，联系电话：{contact_phone}" →
// contact.name, contact.phone. Unknown placeholders are left out.
func FormulaFields(formula string) []string {
	var out []string
	rest := formula
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			return out
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			return out
		}
		name := rest[open+1 : open+end]
		if _, ok := placeholders[name]; !ok {
			rest = rest[open+1:] // as ExpandBlank reads it: "{{number}" shows the number
			continue
		}
		rest = rest[open+end+1:]
		if f, ok := placeholderFields[name]; ok {
			name = f
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
}

// Expand fills the placeholders of formula from r, e.g.
// "{proposers}{address}：" → "董妍委员：". A field that is not set gives the
// empty string; an unknown placeholder is left as it is, braces and all.
func Expand(formula string, r *Reply) string { return ExpandBlank(formula, r, "") }

// Blank is what a derived text shows for a field not filled in yet, as
// drafts of official documents mark a gap: "对市政协××届××次会议第××号
// 提案的答复" tells the reader what is missing where a silent gap would
// read as a mistake.
const Blank = "××"

// ExpandBlank is Expand with blank in place of each field that is not set.
func ExpandBlank(formula string, r *Reply, blank string) string {
	if !strings.Contains(formula, "{") {
		return formula
	}
	var b strings.Builder
	rest := formula
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			break
		}
		name := rest[open+1 : open+end]
		b.WriteString(rest[:open])
		if f, ok := placeholders[name]; ok {
			v := f(r)
			if v == "" {
				v = blank
			}
			b.WriteString(v)
			rest = rest[open+end+1:]
			continue
		}
		b.WriteByte('{')
		rest = rest[open+1:]
	}
	b.WriteString(rest)
	return b.String()
}

// FormulaErrors reports what is wrong with a formula, in Chinese: unknown
// placeholders and unmatched braces. A formula without errors expands
// every brace.
func FormulaErrors(formula string) []string {
	var out []string
	rest := formula
	for rest != "" {
		i := strings.IndexAny(rest, "{}")
		if i < 0 {
			break
		}
		if rest[i] == '}' {
			out = append(out, "有多余的“}”")
			rest = rest[i+1:]
			continue
		}
		end := strings.IndexAny(rest[i+1:], "{}")
		if end < 0 || rest[i+1+end] == '{' {
			out = append(out, "“{”没有配对的“}”")
			rest = rest[i+1:]
			continue
		}
		name := rest[i+1 : i+1+end]
		if _, ok := placeholders[name]; !ok {
			out = append(out, "未知的占位符{"+name+"}，可用的有："+strings.Join(Placeholders(), "、"))
		}
		rest = rest[i+1+end+1:]
	}
	return out
}

// EmptyFormula reports whether formula has placeholders and every one of
// them is empty for r: a line such as "联系单位：{contact_unit}" of a reply
// without a unit, which is better left out than printed half.
func EmptyFormula(formula string, r *Reply) bool {
	if len(FormulaFields(formula)) == 0 {
		return false
	}
	// Every placeholder of an empty reply expands to "".
	return strings.TrimSpace(Expand(formula, r)) == strings.TrimSpace(Expand(formula, &Reply{}))
}
