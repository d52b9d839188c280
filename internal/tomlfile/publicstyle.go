package tomlfile

import (
	"replydesk/internal/style"
)

// decodePublic reads the [public] section of a style file: how the
// public version of a reply (公开版) differs from the signed one. Absent
// keys keep the defaults of style.Public's zero value.
func decodePublic(t *table) style.Public {
	var p style.Public
	flag := func(k string, def bool) bool {
		if _, ok := t.get(k); !ok {
			return def
		}
		return t.boolean(k)
	}
	p.Never = !flag("publish", true)
	if _, ok := t.get("withhold"); ok {
		p.Withheld = t.strs("withhold")
		if p.Withheld == nil {
			p.Withheld = []string{}
		}
	}
	p.OnRequest = flag("on_request", false)
	p.Unstated = flag("unstated", false)
	p.Signer = flag("signer", false)
	p.Responsible = flag("responsible", false)
	p.HideMark = !flag("mark", true)
	p.HideUnit = !flag("contact_unit", true)
	switch v := t.str("proposers"); v {
	case "", style.ProposersName:
	case style.ProposersHide:
		p.HideProposers = true
	default:
		t.w.fail(t.key("proposers"), "应为 \"name\"（印提出人姓名）或 \"hide\"（以“%s”代替姓名），不是“%s”", style.ProposerMask, v)
	}
	t.end()
	return p
}
