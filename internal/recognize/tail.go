package recognize

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"replydesk/internal/reply"
)

// The end of a letter: closing, issuer and date, then 附注, contact, 抄送,
// attachments and marks, in any order, among page furniture.

// tail reads the end of the letter in ps (the paragraphs after the opening)
// and returns how many of them are body and closing.
func (s *state) tail(ps []para) int {
	date := dateLine(ps)
	end := len(ps)
	if date >= 0 {
		end = s.signature(ps, date)
	} else {
		// No date: the tail is the run of lines at the end that are
		// contact, 抄送, marks, notes in parentheses or furniture.
		for end > 0 && s.tailLine(ps[end-1].text) {
			end--
		}
		for _, p := range ps[end:] {
			s.after(p)
		}
	}
	// Contact, 抄送 and attachment lines above the signature.
	keep := end
	for keep > 0 && s.signatureLine(ps, keep-1) {
		keep--
	}
	if keep < end && keep > 0 && date >= 0 && s.r.Issuer == "" && issuerLike(ps[keep-1].text) {
		// The issuer above the contact lines and the marks.
		s.r.Issuer = compact(ps[keep-1].text)
		s.r.Seal = s.sealed(ps[:keep-1], ps[keep-1])
		keep--
	}
	for _, p := range ps[keep:end] {
		s.after(p)
	}
	return keep
}

// dateLine returns the index of the letter's date in ps, or -1.
func dateLine(ps []para) int {
	for i := len(ps) - 1; i >= 0; i-- {
		if isDate(ps[i].text) {
			return i
		}
	}
	// A date whose 年 and 月 were lost on the way to the web page
	// ("2023821") still marks the place of the signature.
	for i := len(ps) - 1; i >= 0; i-- {
		if brokenDateRe.MatchString(compact(ps[i].text)) && i > 0 && issuerLike(ps[i-1].text) {
			return i
		}
	}
	return -1
}

// signature reads the date at ps[date], the issuer just above it and the
// lines below it, and returns where the signature starts.
func (s *state) signature(ps []para, date int) (end int) {
	s.date(ps[date])
	end = date
	if date > 0 && issuerLike(ps[date-1].text) {
		s.r.Issuer = compact(ps[date-1].text)
		s.r.Seal = s.sealed(ps[:date-1], ps[date-1])
		end = date - 1
	}
	footer := false
	for _, p := range ps[date+1:] {
		// Below a site's footer (版权所有, ICP备案…) a 联系电话 is
		// the site's, not the letter's.
		if footer = footer || isSiteFooter(p.text); footer {
			s.note(p, "", "第"+itoa(p.idx+1)+"段是网站页脚，已略去：“"+p.text+"”")
			continue
		}
		s.after(p)
	}
	return end
}

// signatureLine reports whether ps[i], between the text and the date,
// belongs to the signature block: contact, 抄送, attachments, marks
// ("办复类别：B类", "注：主动公开"), labelled lines of the office
// ("分管领导：…", "领导签字：").
func (s *state) signatureLine(ps []para, i int) bool {
	t := ps[i].text
	return isContact(t) || isCC(t) || isAttachment(t) || isAttachmentItem(ps, i) || isMarkOnly(t) ||
		officeLabelRe.MatchString(compact(t)) || emptyLabelRe.MatchString(compact(t)) || thisDocRe.MatchString(inner(t)) && isParenNote(t)
}

var (
	// officeLabelRe is a line naming who in the office answers for the
	// reply; it is kept as a 附注.
	officeLabelRe = regexp.MustCompile(`^(?:分管领导|分管单位|主管领导|责任领导|责任单位|责任科室|审核人|审核|主办单位|协办单位)[:：]\p{Han}{2,20}$`)
	// emptyLabelRe is a label left without its value ("领导签字：").
	emptyLabelRe = regexp.MustCompile(`^(?:领导签字|领导签发|签发人|签字|附件|联系人|联系电话|审核人|单位负责人|负责人|承办人)[:：]$`)
	// dateScrapRe is what is left of a date the page mangled ("0二十六日").
	dateScrapRe = regexp.MustCompile(`^[0-9〇○零一二三四五六七八九十年月日]{2,12}$`)
	// dashes are the dashes seen between an area code and a number.
	dashes = strings.NewReplacer("－", "-", "—", "-", "–", "-", "─", "-", "‐", "-")
	// brokenDateRe is a date that lost its 年 and 月: 2023821.
	brokenDateRe = regexp.MustCompile(`^(?:19|20)[0-9]{4,6}日?$`)
	arabicDateRe = regexp.MustCompile(`^[0-9]{4}(?:年[0-9]{1,2}月[0-9]{1,2}日|[-/.][0-9]{1,2}[-/.][0-9]{1,2})$`)
	cnDateRe     = regexp.MustCompile(`^[〇○◯零OoОＯ0０一二三四五六七八九]{4}年[〇零一二三四五六七八九十廿卅]{1,3}月[〇零一二三四五六七八九十廿卅]{1,3}[日号]$`)
)

// isDate reports whether t is a date alone on its line.
func isDate(t string) bool {
	c := compact(t)
	return arabicDateRe.MatchString(c) || cnDateRe.MatchString(c)
}

// date stores the date of p; a date written otherwise than 2023年6月20日
// is noted with its original form.
func (s *state) date(p para) {
	c := compact(p.text)
	if brokenDateRe.MatchString(c) {
		d, ok := brokenDate(c)
		if !ok {
			s.note(p, "date", "第"+itoa(p.idx+1)+"段“"+p.text+"”像是缺了年、月的成文日期，无法确定，请补上")
			return
		}
		s.r.Date = d
		s.note(p, "date", "第"+itoa(p.idx+1)+"段“"+p.text+"”像是缺了年、月的成文日期，只有一种读法，已录为"+d.String()+"，请核对")
		return
	}
	d, err := reply.ParseDate(c)
	if err != nil {
		s.note(p, "date", "第"+itoa(p.idx+1)+"段的成文日期无法识别："+err.Error())
		return
	}
	s.r.Date = d
	if c != d.String() {
		s.note(p, "date", "成文日期“"+p.text+"”已录为"+d.String())
	}
}

// issuerLike reports whether t may be the issuer's name over the date.
func issuerLike(t string) bool {
	n := utf8.RuneCountInString(compact(t))
	return n >= 2 && n <= 30 && hanShare(t) > 0.9 && !strings.ContainsAny(t, "。，,：:；;！!？?、") &&
		!isContact(t) && !isCC(t) && !isFurniture(t) && !isHeading(t)
}

// tailLine reports whether t belongs to the tail of a letter.
func (s *state) tailLine(t string) bool {
	return isContact(t) || isCC(t) || isAttachment(t) || isMarkOnly(t) || isFurniture(t) || isParenNote(t) ||
		emptyLabelRe.MatchString(compact(t)) || dateScrapRe.MatchString(compact(t)) && strings.ContainsAny(t, "日月年")
}

var (
	contactRe  = regexp.MustCompile(`^(?:联系人|联系电话|联系单位|联系方式|承办单位|承办处室|承办科室|承办负责人|承办人)`)
	ccRe       = regexp.MustCompile(`^(?:抄送|抄报)[:：]?|^送[:：]`)
	ccLabelRe  = regexp.MustCompile(`^(?:抄[\s\x{3000}]*[送报]|送)[\s\x{3000}]*[:：]?[\s\x{3000}]*`)
	ccSep      = regexp.MustCompile(`[、，,；;\s\x{3000}]+`)
	attachRe   = regexp.MustCompile(`^附(?:件[0-9]*)?[:：]`)
	attachItem = regexp.MustCompile(`^[0-9]+[.．、]`)
	nameRe     = regexp.MustCompile(`^(?:联系人|承办人|经办人)(?:姓名)?(?:及(?:联系)?电话)?[:：]?(\p{Han}{2,12})`)
	// unitEnd ends the name of a unit before a person's name in a contact
	// line ("通川区交运局冉观偲").
	unitEnd = regexp.MustCompile(`^(\p{Han}{2,}(?:局|委|办|院|所|站|中心|公司|科|股|室|处|部|队|馆))(\p{Han}{2,4})$`)
	phoneRe = regexp.MustCompile(`(?:\+?86)?1[3-9][0-9]{9}|(?:[(（]0[0-9]{2,3}[)）]|0[0-9]{2,3}[-－—–─‐]?)?[0-9]{7,8}(?:(?:-|转)[0-9]{1,6})?`)
	// responsibleRe is the 承办负责人, a named note: "承办负责人：袁新明".
	responsibleRe = regexp.MustCompile(`^承办(?:单位|处室|科室)?负责人(?:姓名)?[:：]?(\p{Han}{2,12})$`)
	unitRe        = regexp.MustCompile(`^(联系单位|承办单位|承办处室|承办科室)(?:及电话)?[:：]?(\p{Han}+)`)
	// unitNameRe is "联系单位、联系人及电话：省交通运输厅 邢欣欣 65220315":
	// one label for a unit, a person and a phone, the values in order.
	unitNameRe = regexp.MustCompile(`^联系单位[、及和]联系人(?:及(?:联系)?电话)?[:：]`)
	// thisDocRe is a 附注 that says how the document is published.
	thisDocRe = regexp.MustCompile(`^此件(主动公开|公开发布|依申请公开|不予公开|不公开|公开)[。.]?$`)
)

// inner strips the parentheses of a 附注 and its spaces.
func inner(t string) string {
	c := compact(t)
	open := strings.HasPrefix(c, "（") || strings.HasPrefix(c, "(")
	closed := strings.HasSuffix(c, "）") || strings.HasSuffix(c, ")")
	// A parenthesis whose other half was lost on the way to the web page
	// ("（联系人：乐希，联系电话：138…") still makes a 附注, but a line that
	// only ends with one ("…（第5号）") does not.
	if open && (closed || !strings.ContainsAny(c[1:], "（(")) {
		_, w := utf8.DecodeRuneInString(c)
		c = c[w:]
		if closed {
			_, v := utf8.DecodeLastRuneInString(c)
			c = c[:len(c)-v]
		}
	}
	return c
}

func isContact(t string) bool { return contactRe.MatchString(inner(t)) }
func isCC(t string) bool      { return ccRe.MatchString(compact(t)) }
func isAttachment(t string) bool {
	return attachRe.MatchString(compact(t))
}

// isAttachmentItem reports whether ps[i] continues a list of attachments
// ("附件：1.×× / 2.××").
func isAttachmentItem(ps []para, i int) bool {
	if !attachItem.MatchString(compact(ps[i].text)) || utf8.RuneCountInString(ps[i].text) > 50 {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		if isAttachment(ps[j].text) {
			return true
		}
		if !attachItem.MatchString(compact(ps[j].text)) {
			return false
		}
	}
	return false
}

func isParenNote(t string) bool {
	c := compact(t)
	return inner(t) != c && utf8.RuneCountInString(c) <= 60
}

// after places one line of the tail.
func (s *state) after(p para) {
	t := p.text
	switch {
	case s.disclosureNote(p):
	case emptyLabelRe.MatchString(compact(t)):
		s.note(p, "", "第"+itoa(p.idx+1)+"段“"+t+"”没有内容，已略去")
	case officeLabelRe.MatchString(compact(t)):
		s.r.Notes = append(s.r.Notes, strings.Replace(compact(t), ":", "：", 1))
	case isContact(t):
		s.contact(p)
	case isCC(t):
		rest := ccLabelRe.ReplaceAllString(t, "")
		for _, u := range ccSep.Split(strings.TrimRight(rest, "。."), -1) {
			if u = strings.Trim(u, "、 "); u != "" {
				s.r.CC = append(s.r.CC, u)
			}
		}
	case isAttachment(t) || attachItem.MatchString(compact(t)) && len(s.r.Attachments) > 0:
		title := attachRe.ReplaceAllString(compact(t), "")
		title = strings.TrimRight(attachItem.ReplaceAllString(title, ""), "。.；;")
		s.r.Attachments = append(s.r.Attachments, reply.Attachment{Title: title})
	case s.markLine(p):
	case isParenNote(t):
		s.r.Notes = append(s.r.Notes, inner(t))
	case isFurniture(t):
		s.note(p, "", "第"+itoa(p.idx+1)+"段是网页内容，已略去：“"+t+"”")
	case dateScrapRe.MatchString(compact(t)):
		s.note(p, "date", "第"+itoa(p.idx+1)+"段“"+t+"”像是残缺的成文日期，无法识别，请补上")
	default:
		s.note(p, "", "第"+itoa(p.idx+1)+"段在落款之后，未能识别，已略去：“"+t+"”")
	}
}

// contact reads "联系人姓名及电话：刘丽 13578951242", "联系人：王某，联系电话：
// 0898-66881234", "联系单位及电话：某局 68118611", "联 系 人：张 雷",
// "承办负责人：袁新明". The unit (联系单位, 承办处室) is the contact's unit;
// a second one is kept as a 附注.
func (s *state) contact(p para) {
	c := inner(p.text)
	if loc := unitNameRe.FindStringIndex(c); loc != nil {
		s.unitContact(p)
		return
	}
	if m := responsibleRe.FindStringSubmatch(c); m != nil && s.r.Responsible == "" {
		s.r.Responsible = m[1]
		return
	}
	if m := unitRe.FindStringSubmatch(c); m != nil {
		if s.r.Contact.Unit == "" {
			s.r.Contact.Unit = m[2]
		} else {
			s.r.Notes = append(s.r.Notes, m[1]+"："+m[2])
		}
	}
	if name, ok := s.contactName(p, c); ok {
		// A second contact line: both people.
		addListed(&s.r.Contact.Name, name)
	}
	if s.r.Contact.Name == "" && strings.HasPrefix(c, "承办") && unitRe.FindStringSubmatch(c) == nil {
		s.r.Notes = append(s.r.Notes, c)
		return
	}
	for _, ph := range phoneRe.FindAllString(c, -1) {
		addListed(&s.r.Contact.Phone, dashes.Replace(ph))
	}
	if rest := leftover(c, s.r.Contact.Name, s.r.Contact.Phone, s.r.Contact.Unit, strings.Join(s.r.Notes, "")); rest != "" {
		s.note(p, "contact", "第"+itoa(p.idx+1)+"段联系人一行中“"+rest+"”未能识别：“"+p.text+"”")
	}
}

// contactSep separates the parts of a contact line.
var contactSep = regexp.MustCompile(`[，,；;]`)

// contactName returns the name of the first part of contact line c (of
// paragraph p) that names a person, without what follows or precedes it
// (a post, a unit), which is noted.
func (s *state) contactName(p para, c string) (string, bool) {
	for _, part := range contactSep.Split(c, -1) {
		m := nameRe.FindStringSubmatch(part)
		if m == nil {
			continue
		}
		name := m[1]
		for _, stop := range []string{"联系", "电话", "手机", "办公"} {
			if i := strings.Index(name, stop); i > 0 {
				name = name[:i]
			}
		}
		if sp := spacedName(p.text); utf8.RuneCountInString(name) > 4 && sp != "" && strings.HasPrefix(name, sp) {
			// "联系人：张  征 市公安局东区分局纪委书记": the name, then
			// the post, told apart by the spaces.
			s.note(p, "contact", "第"+itoa(p.idx+1)+"段联系人后的“"+strings.TrimPrefix(name, sp)+"”未录入联系人")
			name = sp
		} else if u := unitEnd.FindStringSubmatch(name); u != nil {
			s.note(p, "contact", "第"+itoa(p.idx+1)+"段联系人前的单位“"+u[1]+"”未录入联系人")
			name = u[2]
		}
		return name, true
	}
	return "", false
}

// addListed adds v to the list in *dst, whose values are separated by
// "、", unless it is there.
func addListed(dst *string, v string) {
	switch {
	case *dst == "":
		*dst = v
	case !slices.Contains(strings.Split(*dst, "、"), v):
		*dst += "、" + v
	}
}

// leftover returns what of c is letters or digits once the labels and the
// values found are taken out, or "" when nothing is left.
func leftover(c string, found ...string) string {
	for _, f := range found {
		for _, part := range strings.Split(f, "、") {
			if part != "" {
				c = strings.Replace(c, part, " ", 1)
			}
		}
		if i := strings.Index(f, "："); i > 0 {
			c = strings.Replace(c, f[i+len("："):], " ", 1)
		}
	}
	for _, l := range Labels {
		c = strings.ReplaceAll(c, l, " ")
	}
	var b strings.Builder
	for _, r := range c {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sealed tells a sealed signature from an unsealed one by the blank lines
// above the issuer, when the text keeps them: GB/T 9704-2012 §7.3.5.2
// puts an unsealed issuer one blank line under the text, while a sealed
// one stands lower, leaving room for the seal. So in a text whose
// paragraphs (from the salutation on, the 附件说明 aside) follow each
// other without blank lines, exactly one blank line above the issuer
// means no seal. Anything else — no blank lines kept, blank lines
// everywhere — is read as sealed, as replies are (§7.3.5.1).
func (s *state) sealed(text []para, issuer para) bool {
	idx := append([]int(nil), s.lead...)
	for i, p := range text {
		if !isAttachment(p.text) && !isAttachmentItem(text, i) {
			idx = append(idx, p.idx)
		}
	}
	if len(idx) < 2 {
		return true
	}
	for i := 1; i < len(idx); i++ {
		if idx[i]-idx[i-1] != 1 {
			return true
		}
	}
	above := idx[len(idx)-1]
	if len(text) > 0 {
		above = text[len(text)-1].idx
	}
	return issuer.idx-above != 2
}

// disclosureNote reads a 附注 that prints the disclosure in the house
// style's wording ("（此件公开发布）" → 主动公开), or else says it
// ("（此件主动公开）"), and reports whether p was one. The note is told in
// the report, as its words are not kept.
func (s *state) disclosureNote(p para) bool {
	t := inner(p.text)
	set := func(code string) {
		switch {
		case s.r.Disclosure == "":
			s.r.Disclosure = code
			s.note(p, "disclosure", "附注“"+p.text+"”已录为公开属性“"+code+"”")
		case s.r.Disclosure == code:
			s.note(p, "disclosure", "附注“"+p.text+"”与公开属性“"+code+"”相符")
		default:
			s.note(p, "disclosure", "第"+itoa(p.idx+1)+"段附注“"+p.text+"”表示公开属性“"+code+"”，与前面的“"+s.r.Disclosure+"”不同，已保留前者")
		}
	}
	for _, code := range slices.Sorted(maps.Keys(s.opt.DisclosureNotes)) {
		if n := inner(s.opt.DisclosureNotes[code]); n != "" && t == n {
			set(code)
			return true
		}
	}
	// Otherwise a note that says how "this document" is published is
	// the disclosure as printed: （此件主动公开）, （此件公开发布）.
	if m := thisDocRe.FindStringSubmatch(t); m != nil {
		set(m[1])
		return true
	}
	return false
}

// brokenDate reads a date that lost its 年 and 月 ("2023619") when the
// digits after the year allow a single month and day: 6-19 (61 is no
// month). "2023111" (1-11 or 11-1) has two readings and is not read.
func brokenDate(c string) (reply.Date, bool) {
	c = strings.TrimSuffix(c, "日")
	if len(c) < 6 || len(c) > 8 {
		return reply.Date{}, false
	}
	year, rest := c[:4], c[4:]
	var found []reply.Date
	for k := 1; k < len(rest) && k <= 2; k++ {
		m, d := rest[:k], rest[k:]
		if len(d) > 2 || m[0] == '0' && len(m) == 1 {
			continue
		}
		if date, err := reply.ParseDate(year + "年" + m + "月" + d + "日"); err == nil {
			found = append(found, date)
		}
	}
	if len(found) != 1 {
		return reply.Date{}, false
	}
	return found[0], true
}

// unitContact reads a contact line whose one label introduces a unit, a
// person and a phone, separated by spaces: "联系单位、联系人及电话：省交通
// 运输厅 邢欣欣 65220315". The unit is the contact's unit.
func (s *state) unitContact(p para) {
	t := p.text
	if i := strings.IndexAny(t, ":："); i >= 0 {
		_, w := utf8.DecodeRuneInString(t[i:])
		t = t[i+w:]
	}
	t = strings.TrimRight(t, ")）")
	var rest []string
	for _, f := range strings.Fields(strings.ReplaceAll(t, "\u3000", " ")) {
		switch {
		case phoneRe.FindString(f) == f && s.r.Contact.Phone == "":
			s.r.Contact.Phone = f
		case unitSuffixRe.MatchString(f) && s.r.Contact.Unit == "":
			s.r.Contact.Unit = f
		case unitSuffixRe.MatchString(f):
			s.r.Notes = append(s.r.Notes, "联系单位："+f)
		case personRe.MatchString(f) && s.r.Contact.Name == "":
			s.r.Contact.Name = f
		default:
			rest = append(rest, f)
		}
	}
	if len(rest) > 0 {
		s.note(p, "contact", "第"+itoa(p.idx+1)+"段联系人一行中“"+strings.Join(rest, " ")+"”未能识别：“"+p.text+"”")
	}
}

var (
	unitSuffixRe = regexp.MustCompile(`^\p{Han}{2,}(?:局|厅|委|委员会|办|办公室|院|所|站|中心|公司|科|股|室|处|部|队|馆|政府)$`)
	personRe     = regexp.MustCompile(`^\p{Han}{2,4}$`)
)

// spacedLabelRe ends the label of a contact person, letter-spaced or not.
var spacedLabelRe = regexp.MustCompile(`(?:联[\s\x{3000}]*系[\s\x{3000}]*人|承[\s\x{3000}]*办[\s\x{3000}]*人|经[\s\x{3000}]*办[\s\x{3000}]*人)(?:姓名)?[\s\x{3000}]*[:：]?`)

// spacedName returns the contact's name in t when spaces set it apart
// from what follows: the words after the label up to the first run of
// spaces that follows two or more characters, single letter-spaced
// characters ("张  征") joined; "" when no such name of 2 to 4
// characters stands there.
func spacedName(t string) string {
	loc := spacedLabelRe.FindStringIndex(t)
	if loc == nil {
		return ""
	}
	rest := t[loc[1]:]
	if i := strings.IndexAny(rest, "，,；;"); i >= 0 {
		rest = rest[:i]
	}
	fields := strings.Fields(strings.ReplaceAll(rest, "\u3000", " "))
	name := ""
	for i, f := range fields {
		if utf8.RuneCountInString(f) == 1 || name == "" {
			name += f
			if utf8.RuneCountInString(name) >= 2 && (i+1 == len(fields) || utf8.RuneCountInString(fields[i+1]) > 1) {
				break
			}
			continue
		}
		break
	}
	if !personRe.MatchString(name) {
		return ""
	}
	return name
}

// siteFooter are words of a web site's footer.
var siteFooter = []string{"版权所有", "ICP备", "网站标识码", "公网安备", "网站地图", "Copyright", "copyright"}

// isSiteFooter reports whether t is a line of a web site's footer.
func isSiteFooter(t string) bool { return containsAny(t, siteFooter) }
