package docx

import (
	"strconv"
	"strings"

	"replydesk/internal/letter"
)

// The custom document properties (docProps/custom.xml) that carry the
// fields of the reply a letter may leave unprinted: a style without a
// 类别 mark or a 签发人 line, an opinion to the lead unit that names no
// proposer. Word shows them under 文件 → 属性 → 自定义 and keeps them
// when the text is edited; importing the document takes a field from them
// only when its text does not give it.
const (
	PropCategory      = "答复类别"
	PropDisclosure    = "公开属性"
	PropSigner        = "签发人"
	PropProposers     = "提出人" // names joined by 、
	PropProposerCount = "提出人数"
	PropSeal          = "盖章" // 是 or 否: a sealed signature (two blank lines above it, which a tight page may not keep)
)

// ProposerSep joins the names of PropProposers.
const ProposerSep = "、"

const (
	ctCustom  = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
	relCustom = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
	// fmtidUser is the format id of user-defined properties
	// (ECMA-376 Part 1, 22.3.2.1; [MS-OLEPS] FMTID_UserDefinedProperties).
	fmtidUser = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
)

// properties lists the custom properties of l as (name, value) pairs, in
// a fixed order; a field left empty is left out.
func properties(l *letter.Letter) [][2]string {
	r := &l.Reply
	var ps [][2]string
	add := func(name, value string) {
		if value != "" {
			ps = append(ps, [2]string{name, value})
		}
	}
	add(PropCategory, r.Category)
	add(PropDisclosure, r.Disclosure)
	add(PropSigner, r.Signer)
	add(PropProposers, strings.Join(r.Proposers, ProposerSep))
	if r.ProposerCount > 0 {
		add(PropProposerCount, strconv.Itoa(r.ProposerCount))
	}
	add(PropSeal, map[bool]string{true: "是", false: "否"}[r.Seal])
	return ps
}

// custom is docProps/custom.xml holding ps; nil when there are none.
func custom(ps [][2]string) []byte {
	if len(ps) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString(xmlHead)
	b.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	for i, p := range ps {
		// Property ids start at 2 (0 and 1 are reserved).
		b.WriteString(`<property fmtid="` + fmtidUser + `" pid="` + strconv.Itoa(i+2) + `" name="` + esc(p[0]) + `"><vt:lpwstr>` + esc(p[1]) + `</vt:lpwstr></property>`)
	}
	b.WriteString(`</Properties>`)
	return []byte(b.String())
}
