package recognize

import (
	"regexp"
	"strings"
	"unicode"
)

// Marks (答复类别 and 公开属性), 发文字号 and 签发人: short lines at the top
// ("【B】", "类别：A类", "(A)类", "分类标识【D】", "是否同意公开【主动公开】",
// "长房议字〔2025〕11号 签发人:赵洪利", "琼土环资函〔2006〕187号 B",
// "某水函〔2024〕105号 乙类") or at the
// end ("办复类别：B").

var (
	catLabelRe = regexp.MustCompile(`(?:分类标识|答复类别|办复类别|办理类别|办理结果类别|办理结果|类别|类型)[:：]?[【\[(（]?([A-D甲乙丙丁])类?[】\])）]?`)
	catMarkRe  = regexp.MustCompile(`【([A-D甲乙丙丁])类?】|[(（]([A-D甲乙丙丁])[)）]类|(?:^|\s)([A-D甲乙丙丁])类(?:\s|$)`)
	discRe     = regexp.MustCompile(`(?:是否同意公开|是否公开|公开属性|公开类型|公开方式|公开选项)?[:：]?[【\[(（]?(不同意公开|同意公开|主动公开|依申请公开|不予公开|部分公开|不公开)[】\])）]?`)
	docRe      = regexp.MustCompile(`[\p{Han}A-Za-z]{1,15}?[:：]?[〔\[［(（【﹝][0-9]{4}[〕\]］)）】﹞]第?[0-9]+号`)
	signerRe   = regexp.MustCompile(`(?:签发人|领导签发|(?:主要)?签发领导|领导署名|署名领导)[:：]?(\p{Han}{2,5})`)
	// yesNoRe is a disclosure asked as a question: 是否同意公开：是.
	yesNoRe   = regexp.MustCompile(`(是否同意公开|是否公开)[:：]?[【\[(（]?(是|否)[】\])）]?`)
	loneCatRe = regexp.MustCompile(`^[(（]?([A-D])[)）]?$`)
	// A mark given as a 附注: 注：“主动公开”。
	noteMarkRe = regexp.MustCompile(`^注[:：]?`)
)

// loneMarks are whole lines that are a mark by themselves: a category
// letter ("A", "（B）") or the bare word 公开 printed at the top.
var loneMarks = regexp.MustCompile(`^(?:[(（【〔\[［]?([A-D])[)）】〕\]］]?|(公开))$`)

// marks are the values a mark line holds.
type marks struct {
	category, disclosure, docNumber, signer string
}

// parseMarks reads a line made only of marks, 发文字号 and 签发人. ok is
// false when anything else is left on the line.
func parseMarks(t string) (m marks, ok bool) {
	c := compact(t)
	if g := loneMarks.FindStringSubmatch(c); g != nil {
		return marks{category: g[1], disclosure: g[2]}, true
	}
	if noteMarkRe.MatchString(c) {
		c = strings.Trim(noteMarkRe.ReplaceAllString(c, ""), "“”\"'‘’。.")
	}
	take := func(re *regexp.Regexp, set func([]string)) {
		c = re.ReplaceAllStringFunc(c, func(s string) string {
			set(re.FindStringSubmatch(s))
			return " "
		})
	}
	take(docRe, func(g []string) { m.docNumber = strings.NewReplacer(":", "", "：", "").Replace(g[0]) })
	take(signerRe, func(g []string) { m.signer = g[1] })
	take(catLabelRe, func(g []string) { m.category = g[1] })
	take(catMarkRe, func(g []string) { m.category = g[1] + g[2] + g[3] })
	take(yesNoRe, func(g []string) {
		m.disclosure = map[string]string{"是否同意公开是": "同意公开", "是否同意公开否": "不同意公开", "是否公开是": "公开", "是否公开否": "不公开"}[g[1]+g[2]]
	})
	take(discRe, func(g []string) { m.disclosure = g[1] })
	rest := strings.TrimSpace(c)
	if m.docNumber != "" && m.category == "" {
		if g := loneCatRe.FindStringSubmatch(rest); g != nil {
			m.category, rest = g[1], ""
		}
	}
	if m == (marks{}) {
		return m, false
	}
	for _, r := range rest {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return marks{}, false
		}
	}
	return m, true
}

// isMarkOnly reports whether t is a line of marks only.
func isMarkOnly(t string) bool {
	_, ok := parseMarks(t)
	return ok
}

// markLine stores the marks of p if p is a mark line. A second, different
// value for a field already found is noted, not stored.
func (s *state) markLine(p para) bool {
	m, ok := parseMarks(p.text)
	if !ok {
		return false
	}
	set := func(field, label string, dst *string, v string) {
		switch {
		case v == "" || *dst == v:
		case *dst == "":
			*dst = v
		default:
			s.note(p, field, "第"+itoa(p.idx+1)+"段又写了"+label+"“"+v+"”，与前面的“"+*dst+"”不同，已保留前者")
		}
	}
	set("category", "答复类别", &s.r.Category, m.category)
	set("disclosure", "公开属性", &s.r.Disclosure, m.disclosure)
	set("doc_number", "发文字号", &s.r.DocNumber, m.docNumber)
	set("signer", "签发人", &s.r.Signer, m.signer)
	return true
}
