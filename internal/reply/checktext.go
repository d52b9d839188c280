package reply

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// texts checks every text field for control characters and length, and
// the free texts for punctuation and spacing. Punctuation is checked on the
// text without its control characters, so that each problem's fix is
// clean.
func (c *checker) texts() {
	for _, f := range c.r.textFields() {
		if !f.multi {
			v := c.controls(f, -1, *f.p, f.breaks)
			if n := chars(v); n > f.limit {
				c.tooLong(problemField(f.field), f.field, -1, n, f.limit)
			}
			if f.strict {
				continue
			}
			if fixed, e := fixText(v); e.changed() {
				c.textProblem(f.field, -1, fixed, e)
			}
			continue
		}
		total := 0
		for i, line := range strings.Split(*f.p, "\n") {
			v := c.controls(f, i, line, false)
			n := chars(v)
			total += n
			if n > f.limit {
				c.tooLong(f.field, f.field, i, n, f.limit)
			}
			fixed, e := fixText(v)
			if strings.HasSuffix(line, "\r") && !strings.HasSuffix(v, "\r") {
				e.trailing = true // the CR of a CRLF line end, which controls leaves to this check
			}
			if e.changed() {
				c.textProblem(f.field, i, fixed, e)
			}
		}
		if total > f.total {
			c.tooLong(f.field, f.field, -1, total, f.total)
		}
	}
}

// controls reports the control characters of text, the value of f or its
// paragraph para, and returns text without them. A line break is allowed
// when breaks is set; the carriage return ending a line of a multi text
// (a file with CRLF line ends) is left to the check of surrounding space.
func (c *checker) controls(f textField, para int, text string, breaks bool) string {
	clean := StripControls(text, breaks)
	if clean == text {
		return text
	}
	scan := text
	if f.multi {
		scan = strings.TrimSuffix(text, "\r")
	}
	var parts []string
	seen := map[rune]bool{}
	sev, lost, blankOnly := Warning, false, true
	for i := 0; i < len(scan) && len(parts) < maxListed; {
		r, size := utf8.DecodeRuneInString(scan[i:])
		if !IsControl(r) || r == '\n' && breaks || seen[r] && r != 0x1B && r != 0x9B {
			i += size
			continue
		}
		part := describeControl(r)
		if r == 0x1B || r == 0x9B {
			n := escapeLen(scan[i:])
			if n > size {
				part += "开头的转义序列“" + showEscape(scan[i:i+n]) + "”"
			}
			size = n
			if seen[r] && n == 1 {
				i += size
				continue
			}
		}
		seen[r] = true
		parts = append(parts, part)
		sev = min(sev, controlSeverity(r))
		lost = lost || r == utf8.RuneError
		blankOnly = blankOnly && (r == '\t' || r == '\n' || r == '\r')
		i += size
	}
	if len(parts) == 0 {
		return clean
	}
	what := strings.Join(parts, "、")
	if len(parts) == maxListed {
		what += "等"
	}
	todo := "：请删除。可自动删除"
	switch {
	case lost:
		todo = "：请对照原文补上丢失的字，或删除。可自动删除"
	case blankOnly:
		todo = "：应为空格。可自动修正"
	}
	fix := clean
	if strings.HasPrefix(f.field, "proposers[") {
		fix = "" // the form edits all proposers in one entry
	}
	c.out = append(c.out, Problem{Field: problemField(f.field), Severity: sev, Fix: fix, Para: para,
		Message: Where(f.field, para) + "含有" + what + todo})
	return clean
}

// maxListed is how many different characters a message names.
const maxListed = 5

// showEscape writes an escape sequence readably: ESC as "ESC", other
// controls as U+XXXX.
func showEscape(seq string) string {
	var b strings.Builder
	for _, r := range seq {
		switch {
		case r == 0x1B:
			b.WriteString("ESC")
		case r == 0x9B:
			b.WriteString("CSI")
		case IsControl(r):
			b.WriteString(fmt.Sprintf("U+%04X", r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// strictSpaces reports white space around the values of a strict form
// (number, category, signer…) that Fix trims, where nothing else is
// reported of the field already: every change of check --fix is shown
// first.
func (c *checker) strictSpaces() {
	for _, f := range c.r.textFields() {
		if !f.strict || f.field == "style" {
			continue
		}
		v := StripControls(*f.p, false)
		t := strings.TrimSpace(v)
		field := problemField(f.field)
		if t == v || slices.ContainsFunc(c.out, func(p Problem) bool { return p.Field == field }) {
			continue
		}
		fix := t
		if field != f.field {
			fix = "" // the form edits all proposers in one entry
		}
		c.out = append(c.out, Problem{Field: field, Severity: Info, Fix: fix, Para: -1,
			Message: Where(f.field, -1) + "“" + shown(v) + "”首尾有多余的空格。可自动修正"})
	}
}

func (c *checker) textProblem(field string, para int, fixed string, e textEdit) {
	where := Where(field, para)
	var parts []string
	if len(e.marks) > 0 {
		var half, full strings.Builder
		for _, m := range e.marks {
			half.WriteString("“" + string(m) + "”")
			full.WriteString("“" + fullForm(m) + "”")
		}
		parts = append(parts, "有半角标点"+half.String()+"，中文中应使用全角"+full.String())
	}
	if len(e.dashes) > 0 {
		parts = append(parts, "有“"+strings.Join(e.dashes, "”“")+"”，破折号应为“——”（占两个字）")
	}
	if e.spaces {
		parts = append(parts, "汉字与汉字、数字、字母之间不应有空格")
	}
	sev := Warning
	if len(parts) == 0 {
		sev = Info
	}
	switch {
	case e.leading != "" && para >= 0:
		parts = append(parts, "段首有"+blanks(e.leading)+"，排版时自动缩进两字，不必手工空格")
	case e.leading != "":
		parts = append(parts, "开头有"+blanks(e.leading))
	}
	if e.trailing {
		if para >= 0 {
			parts = append(parts, "段尾有多余的空格")
		} else {
			parts = append(parts, "末尾有多余的空格")
		}
	}
	c.out = append(c.out, Problem{Field: field, Severity: sev, Fix: fixed, Para: para,
		Message: where + strings.Join(parts, "；") + "。可自动修正"})
}

// blanks names the white space s in Chinese: "2个全角空格", "4个空格",
// "制表符".
func blanks(s string) string {
	full, half, other := 0, 0, 0
	for _, r := range s {
		switch r {
		case '\u3000':
			full++
		case ' ':
			half++
		default:
			other++
		}
	}
	var ps []string
	if full > 0 {
		ps = append(ps, strconv.Itoa(full)+"个全角空格")
	}
	if half > 0 {
		ps = append(ps, strconv.Itoa(half)+"个半角空格")
	}
	if other > 0 {
		ps = append(ps, "制表符等空白")
	}
	return strings.Join(ps, "和")
}

func fullForm(r rune) string {
	switch r {
	case '"':
		return "“”"
	case '.':
		return "。"
	}
	return string(halfToFull[r])
}

// salutation checks an explicit salutation against the kind and the
// proposers.
func (c *checker) salutation() {
	r := c.r
	s := strings.TrimSpace(r.Salutation)
	if s == "" {
		return
	}
	fix := r.DefaultSalutation()
	if fix == s {
		fix = ""
	}
	bad := func(format string, args ...any) { c.add("salutation", Error, fix, format, args...) }
	switch r.Kind {
	case Proposal, Suggestion:
		want, other := r.Kind.Address(), Suggestion.Address()
		if r.Kind == Suggestion {
			other = Proposal.Address()
		}
		if !strings.Contains(s, want) {
			if strings.Contains(s, other) {
				bad("称谓“%s”不对：答复%s应称“%s”，不称“%s”", s, r.Kind, want, other)
			} else {
				bad("称谓“%s”应以“%s”相称，例如“%s”", s, want, r.DefaultSalutation())
			}
		}
		if p := firstProposer(r); p != "" && !strings.Contains(s, p) {
			bad("称谓“%s”没有写提出人“%s”", s, p)
		}
	case CoOpinion:
		if strings.Contains(s, "委员") || strings.Contains(s, "代表") {
			bad("协办意见送主办单位，称谓“%s”应为主办单位名称，例如“%s”", s, r.DefaultSalutation())
		} else if u := strings.TrimSpace(r.LeadUnit); u != "" && !strings.Contains(s, u) {
			bad("称谓“%s”应为主办单位“%s”", s, u)
		}
	}
	if !strings.HasSuffix(s, "：") && !strings.HasSuffix(s, ":") {
		c.add("salutation", Error, s+"：", "称谓“%s”后应加全角冒号“：”", s)
	}
}

func firstProposer(r *Reply) string {
	for _, p := range r.Proposers {
		if p = strings.TrimSpace(p); p != "" {
			return p
		}
	}
	return ""
}

var itemNumberRe = regexp.MustCompile(`第\s*([0-9]+)\s*号`)

// numbersAgree checks that title and opening cite the item's own number.
func (c *checker) numbersAgree() {
	n := strings.TrimSpace(c.r.Number)
	if !digitsRe.MatchString(n) {
		return
	}
	for _, f := range []struct{ field, text string }{{"title", c.r.Title}, {"opening", c.r.Opening}} {
		found := itemNumberRe.FindAllStringSubmatchIndex(f.text, -1)
		if len(found) == 0 {
			continue
		}
		agree := false
		for _, m := range found {
			agree = agree || f.text[m[2]:m[3]] == n
		}
		if agree {
			continue
		}
		m := found[0]
		cited := f.text[m[2]:m[3]]
		fix := f.text[:m[2]] + n + f.text[m[3]:]
		c.add(f.field, Error, fix, "%s中的编号“第%s号”与编号“%s”不一致", FieldLabel(f.field), cited, n)
	}
}

// trailingMarks are the marks a list item or attachment title must not end
// with.
const trailingMarks = "。，、；：！？.,;:!?"

// trimMarks removes final punctuation and white space.
func trimMarks(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(trailingMarks, r)
	})
}

// lists checks 附注, 抄送, 附件 and the end of the title.
func (c *checker) lists() {
	r := c.r
	if t := strings.TrimSpace(r.Title); strings.HasSuffix(t, "。") {
		c.add("title", Warning, strings.TrimRight(t, "。"), "标题末尾不加句号")
	}
	for i, n := range r.Notes {
		f := indexField("notes", i)
		switch t := strings.TrimSpace(n); {
		case t == "":
			c.add(f, Warning, "", "%s为空", FieldLabel(f))
		case t != stripParens(t):
			c.add(f, Info, stripParens(t), "%s不必加括号，排版时自动加上", FieldLabel(f))
		}
	}
	for i, u := range r.CC {
		f := indexField("cc", i)
		t := strings.TrimSpace(u)
		if t == "" {
			c.add(f, Warning, "", "%s为空", FieldLabel(f))
		} else if fixed := trimMarks(t); fixed != t {
			c.add(f, Error, fixed, "抄送单位“%s”末尾不加标点，单位之间的逗号和末尾的句号由排版自动加上", t)
		}
	}
	for i, a := range r.Attachments {
		f := indexField("attachments", i)
		t := strings.TrimSpace(a.Title)
		if t == "" {
			c.add(f+".title", Error, "", "附件%d没有标题", i+1)
		} else if fixed := trimMarks(t); fixed != t {
			c.add(f+".title", Error, fixed, "附件%d标题“%s”末尾不加标点符号（GB/T 9704-2012 7.3.5）", i+1, t)
		}
		if blank(a.Body) && (a.Table == nil || len(a.Table.Header) == 0 && len(a.Table.Rows) == 0) {
			c.add(f+".body", Warning, "", "附件%d没有内容", i+1)
		}
	}
}

// stripParens removes parentheses around a whole note: "（此件公开发布）" →
// "此件公开发布".
func stripParens(s string) string {
	for {
		t := strings.TrimSpace(s)
		switch {
		case strings.HasPrefix(t, "（") && strings.HasSuffix(t, "）") && len(t) > len("（）"):
			t = t[len("（") : len(t)-len("）")]
		case strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && len(t) > 2:
			t = t[1 : len(t)-1]
		default:
			return t
		}
		if strings.ContainsAny(t, "（）()") {
			return s // inner parentheses: leave them to a person
		}
		s = t
	}
}
