package style

import (
	"fmt"
	"slices"
	"strings"
)

// Public says how the public version of a reply (公开版) differs from the
// signed one, for the bureau's 政府信息公开 pages: which disclosure values
// allow publication, and which elements the public version leaves out. It
// is the [public] section of a style file. The contact person's name and
// telephone are never published (政府信息公开条例, GB/T 35273); the rest is
// the style's choice. The zero value is the default of a style without the
// section: 同意公开 and 主动公开 replies are published, without 签发人 and
// 承办负责人, with the disclosure mark, the contact unit and the proposers'
// names.
type Public struct {
	// Never refuses every reply of the style (a 协办意见 goes to the lead
	// unit, which publishes its own reply).
	Never bool
	// Withheld are the disclosure values that forbid publication; nil =
	// DefaultWithheld.
	Withheld []string
	// OnRequest allows publishing a 依申请公开 reply (the bureau publishes
	// what was asked for); false refuses it.
	OnRequest bool
	// Unstated allows publishing a reply that states no disclosure (a
	// style that prints none); false refuses it.
	Unstated bool
	// Signer keeps the 签发人 line; false leaves it out.
	Signer bool
	// Responsible keeps the 承办负责人 note; false leaves it out.
	Responsible bool
	// HideMark leaves out the disclosure mark and the disclosure's 附注
	// ("（此件公开发布）"); false keeps them.
	HideMark bool
	// HideUnit leaves out the contact unit (联系单位) too; false keeps it.
	HideUnit bool
	// HideProposers prints ProposerMask instead of each proposer's name,
	// wherever the letter names them; false keeps the names.
	HideProposers bool
}

// OnRequestValue is the disclosure value of replies given only on request.
const OnRequestValue = "依申请公开"

// ProposerMask stands for a proposer's name in the public version of a
// style that hides the names, and for any private detail removed from
// running text.
const ProposerMask = "×××"

// DefaultWithheld are the disclosure values that forbid publication when
// the style lists none: the refusals of the common vocabularies, and 部分公开,
// whose public part only the clerk can cut.
var DefaultWithheld = []string{"不同意公开", "不予公开", "不公开", "部分公开"}

// Proposer settings of [public] proposers.
const (
	ProposersName = "name" // the names are printed (the default)
	ProposersHide = "hide" // each name becomes ProposerMask
)

// Refusal returns why a reply of the style with the given disclosure value
// may not be published, in Chinese; "" when it may.
func (p Public) Refusal(styleName, disclosure string) string {
	d := strings.TrimSpace(disclosure)
	withheld := p.Withheld
	if withheld == nil {
		withheld = DefaultWithheld
	}
	switch {
	case p.Never:
		return fmt.Sprintf("样式“%s”的答复不单独公开（样式中 [public] publish = false）", styleName)
	case d == "" && !p.Unstated:
		return "未注明公开属性，不能公开：请在“公开属性”中选择可以公开的一项（如同意公开、主动公开）"
	case d == "":
		return ""
	case slices.Contains(withheld, d) && d == "部分公开":
		return "公开属性为“部分公开”，不能整件公开：请另存一份只含可公开内容的答复，改为同意公开后再公开"
	case slices.Contains(withheld, d):
		return fmt.Sprintf("公开属性为“%s”，不能公开", d)
	case d == OnRequestValue && !p.OnRequest:
		return "公开属性为“依申请公开”，只在有人申请时提供，不主动公开（样式 [public] on_request = true 时可以公开）"
	}
	return ""
}

// public checks the [public] section: the withheld values should
// be values of the style's vocabulary.
func (v *validator) public(s *Style) {
	if len(s.Disclosures) == 0 {
		return
	}
	for i, w := range s.Public.Withheld {
		if strings.TrimSpace(w) == "" {
			v.add("public.withhold", fmt.Sprintf("第%d项为空", i+1))
			continue
		}
		if !slices.ContainsFunc(s.Disclosures, func(c Choice) bool { return c.Code == w }) {
			v.add("public.withhold", fmt.Sprintf("第%d项“%s”不是 [disclosure] choices 中的公开属性", i+1, w))
		}
	}
}
