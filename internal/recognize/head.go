package recognize

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"replydesk/internal/reply"
)

// The head of a letter: marks, 发文字号, 签发人 and the title, before the
// salutation; page furniture around them is skipped.

// openingWords mark the opening paragraph: "…收悉，现答复如下：".
var openingWords = []string{"收悉", "答复如下", "回复如下", "现答复", "现回复", "办理情况答复"}

// findSalutation returns the index of the salutation ("董妍委员：") and of
// the opening paragraph, or -1 for either not found.
func findSalutation(ps []para) (sal, open int) {
	sal, open = -1, -1
	for i, p := range ps {
		if containsAny(p.text, openingWords) && utf8.RuneCountInString(p.text) > 8 {
			open = i
			break
		}
	}
	if open >= 0 {
		for j := open - 1; j >= 0 && j >= open-3; j-- {
			if isSalutation(ps[j].text, 60) {
				return j, open
			}
		}
		// A salutation printed without its colon ("李龙代表") stands
		// right above the opening.
		if open > 0 && bareSalutation(ps[open-1].text) {
			return open - 1, open
		}
		return -1, open
	}
	for i, p := range ps {
		if isSalutation(p.text, 40) && containsAny(p.text, []string{"委员", "代表"}) {
			return i, -1
		}
	}
	return -1, -1
}

func isSalutation(t string, max int) bool {
	return (strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":")) &&
		utf8.RuneCountInString(t) <= max && !isFurniture(t) && !strings.ContainsAny(t, "。，,")
}

// bareSalutation reports whether t is a salutation without its colon:
// short, no punctuation of a sentence, naming members ("…委员", "…代表").
func bareSalutation(t string) bool {
	c := compact(t)
	return utf8.RuneCountInString(c) <= 40 && hanShare(c) > 0.6 && !isFurniture(t) &&
		!strings.ContainsAny(c, "。，,：:；;！!？?") && hasAnySuffix(c, []string{"委员", "代表"})
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// titleEnds are the last words of a title.
var titleEnds = []string{"答复", "复函", "意见", "的函", "答复函", "答复意见", "回复", "办理单"}

func hasAnySuffix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// titleWords: a title names what it answers.
var titleWords = []string{"答复", "复函", "意见", "提案", "建议", "议案"}

// head reads the paragraphs before the salutation: the title is the block
// of up to four short lines just above it (furniture skipped); marks,
// 发文字号 and 签发人 are read wherever they stand; the rest is noted.
func (s *state) head(ps []para) {
	title, from := titleBlock(ps)
	joined, printed := titleTexts(title)
	if !containsAny(joined, titleWords) {
		title, joined, printed, from = nil, "", "", len(ps)
	}
	if title == nil {
		if i := shortTitle(ps); i >= 0 {
			t := ps[i].text
			title, joined, printed, from = []para{ps[i]}, titleText(t), titleText(t), i
		}
	}
	if m := numberedRe.FindStringSubmatchIndex(printed); m != nil {
		// "…的函(编号:B〔2017〕062号)": the 文号 printed after the title.
		s.r.DocNumber = strings.NewReplacer(":", "", "：", "").Replace(printed[m[2]:m[3]])
		s.note(title[len(title)-1], "doc_number", "标题后的“"+printed[m[0]:m[1]]+"”已录为发文字号")
		printed = printed[:m[0]]
	}
	s.r.Title = printed
	if len(title) > 0 {
		if tag := siteTagRe.FindString(titleLabel.FindString(compact(title[0].text))); tag != "" {
			s.note(title[0], "title", "标题前的“"+tag+"”是网页的栏目标记，已略去")
		}
	}
	s.beforeTitle(ps, title, from, joined)
}

// titleBlock finds the title's lines above the salutation, and the index
// in ps of the first.
func titleBlock(ps []para) (title []para, from int) {
	from = len(ps)
	skipped := 0
	for i := len(ps) - 1; i >= 0 && len(title) < 4; i-- {
		t := ps[i].text
		if len(title) == 0 {
			// Between the title and the salutation stand marks, 发文字号,
			// page furniture and scraps of it ("×"): the title's last line
			// is the first line above that ends as a title does.
			if isFurniture(t) || !titleLike(ps[i]) || !hasAnySuffix(titleEnd(t), titleEnds) {
				// A page's metadata table may put a dozen short lines
				// there; only lines that are not furniture count.
				if !isFurniture(t) {
					skipped++
				}
				if skipped > 8 {
					break
				}
				continue
			}
		} else if isFurniture(t) || !titleLike(ps[i]) || hasAnySuffix(compact(t), titleEnds) ||
			strings.Contains(t, "关于") && strings.HasPrefix(compact(title[0].text), "关于") {
			// Nor is a line with its own 关于 above a title that starts
			// with 关于: a title says 关于 once.
			// A line above that ends as a title is another title (the
			// page's own heading), not a line of this one.
			break
		}
		title = append([]para{ps[i]}, title...)
		from = i
	}
	return title, from
}

// titleTexts returns the title's text joined in one line, and as printed:
// its lines as they stand, separated by newlines.
func titleTexts(title []para) (joined, printed string) {
	for _, p := range title {
		joined += titleText(p.text)
		if p.lines == nil {
			printed += titleText(p.text)
			continue
		}
		for j, l := range p.lines {
			if j > 0 {
				printed += "\n"
			}
			printed += compact(l)
		}
	}
	return joined, printed
}

// shortTitle returns the index of a title cut short by the page
// ("对云南省十三届人大二次会议"), which still names the session: the line
// just above the salutation (marks and furniture aside), if it does; -1
// otherwise.
func shortTitle(ps []para) int {
	for i := len(ps) - 1; i >= 0 && i >= len(ps)-4; i-- {
		t := ps[i].text
		if isFurniture(t) || isMarkOnly(t) {
			continue
		}
		if titleLike(ps[i]) && termRe.MatchString(compact(t)) {
			return i
		}
		break
	}
	return -1
}

// beforeTitle reads the paragraphs of the head other than the title's:
// marks, a repeated title, the page's metadata and whatever else stands
// there, each noted.
func (s *state) beforeTitle(ps, title []para, from int, joined string) {
	inTitle := map[int]bool{}
	for _, p := range title {
		inTitle[p.idx] = true
	}
	for i, p := range ps {
		if inTitle[p.idx] {
			continue
		}
		if s.markLine(p) {
			continue
		}
		switch {
		case i < from && joined != "" && compact(p.text) == joined:
			s.note(p, "title", "第"+itoa(p.idx+1)+"段是网页上重复的标题，已略去：“"+p.text+"”")
		case isFurniture(p.text) && s.r.DocNumber == "" && len(docRe.FindAllString(compact(p.text), -1)) == 1:
			// The page's metadata gives the 发文字号 ("文号：…", "来源：…").
			s.r.DocNumber = docRe.FindString(compact(p.text))
			s.note(p, "doc_number", "第"+itoa(p.idx+1)+"段是网页内容，其中的发文字号已录入：“"+p.text+"”")
		case isFurniture(p.text):
			s.note(p, "", "第"+itoa(p.idx+1)+"段是网页内容，已略去：“"+p.text+"”")
		default:
			s.note(p, "", "第"+itoa(p.idx+1)+"段在称谓之前，不是答复内容，已略去：“"+p.text+"”")
		}
	}
}

// titleLabel is the label of a title in a page's metadata table
// ("信息名称  关于…的答复", "标  题：…").
// A site's tag in brackets may stand first ("[福建]福建省交通运输厅关于…").
var (
	titleLabel = regexp.MustCompile(`^(?:(?:信息名称|文件名称|标题|名称)[:：]?)?(?:\[\p{Han}{1,8}\])?`)
	siteTagRe  = regexp.MustCompile(`\[\p{Han}{1,8}\]$`)
	// numberedRe is a 文号 in parentheses after a title:
	// "(编号:B〔2017〕062号)", "（长教函〔2023〕1号）".
	numberedRe = regexp.MustCompile(`[(（【](?:编号|文号)?[:：]?([\p{Han}A-Za-z]{0,15}[〔\[［(（【﹝][0-9]{4}[〕\]］)）】﹞]第?[0-9]+号)[)）】]$`)
	// trailingParen is a parenthesis after a title's last word: the
	// 案由 or the item ("…的答复（县政协十五届四次会议第084号提案）").
	trailingParen = regexp.MustCompile(`[(（][^()（）]{4,}[)）]$`)
)

// titleText is a line of a title without its spaces and metadata label.
func titleText(t string) string {
	return titleLabel.ReplaceAllString(compact(t), "")
}

// titleEnd is a title line without a 案由 in 《》 printed after its last
// word ("…第77号提案的答复函《关于…的建议》"), to see how it ends.
func titleEnd(t string) string {
	c := trailingParen.ReplaceAllString(numberedRe.ReplaceAllString(titleText(t), ""), "")
	if strings.HasSuffix(c, "》") {
		if i := strings.LastIndex(c, "《"); i > 0 {
			return c[:i]
		}
	}
	return c
}

// titleLike reports whether p may be a line of a title: short, not a
// sentence, not a date or a mark. A centred paragraph, or a line that ends
// as a title does ("…的答复"), may be as long as a title of four lines.
func titleLike(p para) bool {
	t := p.text
	n, limit := utf8.RuneCountInString(t), 50
	if p.align == "center" || hasAnySuffix(titleEnd(t), titleEnds) {
		limit = 4 * 22
	}
	if n > limit || strings.ContainsAny(lastRune(t), "。：:；;，,！!？?") || strings.ContainsAny(t, "•·") {
		return false
	}
	if isDate(t) || isMarkOnly(t) {
		return false
	}
	return hanShare(t) >= 0.5
}

func lastRune(t string) string {
	r, _ := utf8.DecodeLastRuneInString(t)
	return string(r)
}

// hanShare is the share of Chinese characters among the non-space runes.
func hanShare(t string) float64 {
	n, han := 0, 0
	for _, r := range t {
		if r == ' ' || r == '\u3000' {
			continue
		}
		n++
		if isHan(r) {
			han++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(han) / float64(n)
}

var (
	addressRe    = regexp.MustCompile(`^(?:尊敬的|尊敬)?(.+?)(委员|代表|同志)?[:：]?$`)
	parenCountRe = regexp.MustCompile(`[(（](等[^()（）]*)[)）]$`)
	countRe      = regexp.MustCompile(`^(.+?)等([0-9]+|[一二两三四五六七八九十]+)?(?:位|名|人)?$`)
	// countOnlyRe is a count after several names without 等:
	// "司长虹、杨胜利二位代表".
	countOnlyRe = regexp.MustCompile(`^(.+、\p{Han}{2,4}?)([0-9]+|[一二两三四五六七八九十]+)(?:位|名)$`)
	branchRe    = regexp.MustCompile(`^(\p{Han}{2,4}?)(?:政协|人大)\p{Han}*$`)
	nameSep     = regexp.MustCompile(`[、，,；;\s]+`)
)

// salutation reads the proposers and the kind from "董妍委员：",
// "王某某等7位代表：", "刘苍林政协绿春县委员：" or a unit ("民建长春市委员会：").
func (s *state) salutation(p para) {
	t := compact(p.text)
	s.r.Salutation = t
	m := addressRe.FindStringSubmatch(t)
	if m == nil {
		return
	}
	names, word := m[1], m[2]
	// "尚路鹏(等4位)": the count in parentheses.
	names = parenCountRe.ReplaceAllString(names, "$1")
	switch {
	case s.opt.Kind != "":
		s.r.Kind = s.opt.Kind
	case word == "委员":
		s.r.Kind = reply.Proposal
	case word == "代表":
		s.r.Kind = reply.Suggestion
	}
	if c := countRe.FindStringSubmatch(names); c != nil {
		names = c[1]
		if n, err := reply.ParseNumeral(c[2]); err == nil && c[2] != "" {
			s.r.ProposerCount = n
		}
	} else if c := countOnlyRe.FindStringSubmatch(names); c != nil {
		names = c[1]
		if n, err := reply.ParseNumeral(c[2]); err == nil {
			s.r.ProposerCount = n
		}
	}
	if word != "" {
		if b := branchRe.FindStringSubmatch(names); b != nil {
			names = b[1]
		}
	}
	for _, n := range nameSep.Split(names, -1) {
		if n != "" {
			s.r.Proposers = append(s.r.Proposers, n)
		}
	}
}

var (
	termRe = regexp.MustCompile(`第?([一二三四五六七八九十〇零0-9]+)届+(人大常委会|人大|政协|人民代表大会|委员会)?(?:常委会)?(?:委员会)?第?([一二三四五六七八九十0-9]+)次(?:全体)?(?:会议|委员)`)
	// termOnlyRe is a term without a session: "东区十一届人民代表大会第13号建议".
	termOnlyRe = regexp.MustCompile(`第?([一二三四五六七八九十〇零0-9]+)届+(人大常委会|人大|政协|人民代表大会)`)
	cutRe      = regexp.MustCompile(`.*(?:关于对|关于|对|您在|你在|你们在|贵会在|在|于|[（(《》])`)
	// numberRe finds the item number: 第244号, （第08号）, 第2025D048号, 21号提案.
	numberRe = regexp.MustCompile(`第([0-9][0-9A-Za-z]*)号|([0-9]+)号(?:提案|建议|议案|代表建议)|》[(（]([0-9][0-9A-Za-z]*)[)）]`)
	bookRe   = regexp.MustCompile(`《([^《》]+)》`)
	// aboutQuoteRe is a 案由 that quotes the matter: 关于“…”的建议.
	aboutQuoteRe = regexp.MustCompile(`(关于[“"]([^“”"]+)[”"]的(?:建议|提案|议案))`)
	quoteRe      = regexp.MustCompile(`[“"]([^“”"]+)[”"]`)
	aboutRe      = regexp.MustCompile(`(关于[^，。,；;：:]*?的(?:建议|提案|议案))`)
	coOpinion    = []string{"会办意见", "协办意见"}
	// titleCatRe finds a category in a title: "办理情况（B）的函".
	titleCatRe = regexp.MustCompile(`[(（]([A-D])[)）](?:的(?:函|答复|复函|回复)|$)`)
)

// item reads the item answered from the title and the opening: assembly,
// 届次, 会次, 编号, 案由, and the kind when the salutation did not say.
func (s *state) item() {
	r := s.r
	title, open := compact(r.Title), compact(r.Opening)
	if r.Kind == "" {
		r.Kind = s.opt.Kind
	}
	if r.Kind == reply.Suggestion && strings.Contains(title, "政协") && strings.Contains(title, "提案") {
		// The title answers a 政协 proposal, whatever the salutation
		// calls its member.
		r.Kind = reply.Proposal
		s.notes = append(s.notes, Note{Para: -1, Field: "kind", Message: "称谓写作“代表”，但标题答复的是政协提案，已按提案录入"})
	}
	if r.Kind == "" {
		r.Kind = kindOf(title, open)
	}
	r.Assembly, r.Term, r.Session = meeting(title, open, r.Assembly, r.Term, r.Session)
	for _, t := range []string{title, open} {
		if m := numberRe.FindStringSubmatch(t); m != nil {
			r.Number = m[1] + m[2] + m[3]
			break
		}
	}
	if t, ok := itemTitle(title, open); ok {
		r.ItemTitle = t
	}
	if r.Category == "" {
		// "…建议办理情况（B）的函": the category in the title.
		if m := titleCatRe.FindStringSubmatch(title); m != nil {
			r.Category = m[1]
		}
	}
	if r.Kind == reply.CoOpinion && len(r.Proposers) == 1 && r.ProposerCount == 0 {
		r.LeadUnit, r.Proposers = r.Proposers[0], nil
	}
}

// meeting reads the assembly, term and session from the title or the
// opening: the term and session (termRe), else a term alone (termOnlyRe,
// padded to termRe's groups). Without either, the values given are kept.
func meeting(title, open, assembly string, term, session int) (string, int, int) {
	var found []int
	var in string
	for _, t := range []string{title, open} {
		if found = termRe.FindStringSubmatchIndex(t); found != nil {
			in = t
			break
		}
	}
	for _, t := range []string{title, open} {
		if o := termOnlyRe.FindStringSubmatchIndex(t); found == nil && o != nil {
			found, in = append(o, -1, -1), t
		}
	}
	m, t := found, in
	if m == nil {
		return assembly, term, session
	}
	term, _ = reply.ParseNumeral(t[m[2]:m[3]])
	session = 0
	if m[6] >= 0 {
		session, _ = reply.ParseNumeral(t[m[6]:m[7]])
	}
	prefix := t[:m[0]]
	if c := cutRe.FindStringIndex(prefix); c != nil {
		prefix = prefix[c[1]:]
	}
	body := ""
	if m[4] >= 0 {
		body = t[m[4]:m[5]]
	}
	if body == "人大常委会" {
		body = "人大"
	}
	if body != "委员会" && !strings.Contains(prefix, body) {
		prefix += body
	}
	return prefix, term, session
}

// itemTitle reads the 案由 from the opening, else the title; ok is false
// when neither names it.
func itemTitle(title, open string) (string, bool) {
	if m := bookRe.FindStringSubmatch(open); m != nil {
		return m[1], true
	} else if m := aboutQuoteRe.FindStringSubmatch(open); m != nil && !strings.HasPrefix(m[2], "关于") {
		// 关于“…”的建议: the quote is part of the 案由.
		return m[1], true
	} else if m := quoteRe.FindStringSubmatch(open); m != nil {
		return m[1], true
	} else if m := bookRe.FindStringSubmatch(title); m != nil && open == "" || m != nil && !strings.Contains(open, "关于") {
		// The 案由 in 《》 in the title, when the opening does not name it.
		return m[1], true
	} else if m := aboutRe.FindStringSubmatch(open); m != nil {
		t := m[1]
		// A quote whose opening mark was lost ("关于…建设”的提案")
		// still closes the title.
		if i := strings.Index(t, "”"); i > 0 && !strings.Contains(t, "“") {
			t = t[:i]
		}
		return t, true
	}
	return "", false
}

// kindOf guesses the kind of item from the title, then the opening.
func kindOf(title, open string) reply.Kind {
	for _, t := range []string{title, open} {
		switch {
		case containsAny(t, coOpinion):
			return reply.CoOpinion
		case strings.Contains(t, "提案"):
			return reply.Proposal
		case strings.Contains(t, "建议") || strings.Contains(t, "议案"):
			return reply.Suggestion
		}
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }
