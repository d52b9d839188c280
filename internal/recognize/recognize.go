// Package recognize reads a whole reply letter given as plain text (a
// paragraph a line, as extracted from a .docx or pasted from a web page) and
// finds its parts: the marks, 发文字号, 签发人, title, salutation, opening,
// body, closing, signature and date, 附注, contact, 抄送 and attachments, laid
// out as GB/T 9704-2012 describes them (see DOMAIN.md §4 for the forms seen
// in published replies).
//
// It is pure and never invents a value: a field the text does not have stays
// empty. Whatever it cannot place is kept, in the body or in a Note.
//
// Letter reads plain text, a paragraph a line; Paragraphs reads the
// paragraphs of a Word document, keeping what plain text loses (a title's
// manual line break, alignment, tables). Both read the attachments' own
// pages after the signature (text and table) as the attachments' body.
//
// Invariant (checked by FuzzLetter, with Options.Raw): every letter and
// digit of the input, counted with multiplicity, appears in some field of
// the Reply or in the text of a Note, except the label words listed in
// Labels ("签发人", "联系电话"…), which are consumed, and the list numbers
// of attachments ("附件：1."), which their order keeps. Spaces are ignored. Full-width letters and
// digits count as their ASCII forms. A date is the one value rewritten
// (二〇二三年六月二十日 → 2023年6月20日); when it was written otherwise a Note
// quotes the original.
package recognize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"replydesk/internal/reply"
)

// Options tune Letter. The zero value recognises everything from the text
// and normalises punctuation as the rest of the app expects.
type Options struct {
	// Kind is the kind of item answered; "" = from the salutation (委员 →
	// 提案, 代表 → 建议) or the title.
	Kind reply.Kind
	// Raw keeps the text exactly as found; false (the default) applies
	// reply.Fix to the result (half-width punctuation made full-width,
	// spaces between Chinese characters and digits removed, 发文字号 in the
	// form 机关代字〔2023〕12号), which never changes a word.
	Raw bool
	// DisclosureNotes is the house style's wording of the disclosure as a
	// 附注: a disclosure value → the note that prints it, e.g. "主动公开" →
	// "此件公开发布" (style.Style.DisclosureNotes). Such a note, in
	// parentheses or not, is read back as the disclosure, not as a note.
	// nil = the disclosure is read from its marks only.
	DisclosureNotes map[string]string
}

// Result is what Letter found.
type Result struct {
	Reply *reply.Reply // the fields found; a field the text does not have stays empty
	Notes []Note       // what was skipped or could not be placed, in Chinese
}

// Note reports one paragraph (or the whole text) that was skipped, could
// not be placed, or was rewritten.
type Note struct {
	Para    int    // 0-based line of the input; -1 = the whole text
	Field   string // the field concerned in reply.Problem's naming ("body", "date"…); "" = none
	Message string // in Chinese, quoting the text concerned
}

// Para is one paragraph of a letter as a word processor holds it (see
// Paragraphs), or one row of a table.
type Para struct {
	// Text is the paragraph's text; a "\n" in it is a manual line break,
	// kept in a title; elsewhere the lines are joined (with a space only
	// between two Latin letters or digits).
	Text string
	// Align is the paragraph's alignment as Word names it: "center",
	// "right", "left", "both"…; "" = not known. A centred paragraph above
	// the salutation may be a title of any length.
	Align string
	// Table, when not nil, makes the paragraph a table: rows of cell
	// texts. Text is then ignored. A table on an attachment's page is the
	// attachment's table; elsewhere its rows are read as lines of text,
	// the cells separated by spaces.
	Table [][]string
	// Widths are a table's column widths in any unit (Word's grid gives
	// twips); nil = not known. They become the attachment table's
	// relative widths (see tableWidths).
	Widths []int
}

// para is one non-blank paragraph or line of the input.
type para struct {
	idx    int      // 0-based paragraph (or line) of the input
	text   string   // trimmed of spaces, including U+3000 and U+00A0; manual breaks removed
	lines  []string // the lines of a paragraph with manual breaks, trimmed; nil = one line
	align  string   // as Para.Align
	cells  []string // a table row: its cells as read; nil = not a row
	table  int      // the rows of one table share a number > 0
	widths []int    // a table row: its table's column widths (Para.Widths)
}

// state carries the reply being filled and the notes while Letter works.
type state struct {
	opt   Options
	r     *reply.Reply
	notes []Note
	lead  []int // the lines of the salutation and the opening, for sealed
}

func (s *state) note(p para, field, msg string) {
	s.notes = append(s.notes, Note{Para: p.idx, Field: field, Message: msg})
}

// Letter recognises the parts of a reply letter in text, a paragraph a
// line. Blank lines matter where a layout uses them: one blank line
// between the text and the issuer, in a text whose paragraphs are not
// separated by blank lines, is the unsealed signature of GB/T 9704-2012
// §7.3.5.2.
func Letter(text string, opt Options) *Result {
	return run(split(text), opt)
}

// Paragraphs recognises the parts of a reply letter given paragraph by
// paragraph, as read from a .docx: a paragraph's manual line breaks, its
// alignment and tables are kept, which plain text loses. An empty
// paragraph is a blank line, as in Letter. Note.Para counts paragraphs
// (a table counts one per row).
func Paragraphs(in []Para, opt Options) *Result {
	var ps []para
	idx, table := 0, 0
	for _, p := range in {
		if p.Table != nil {
			table++
			for _, row := range p.Table {
				cells := make([]string, len(row))
				for i, c := range row {
					cells[i] = trim(reply.StripControls(c, true))
				}
				line := trim(strings.ReplaceAll(strings.Join(cells, " "), "\n", " "))
				if line != "" {
					ps = append(ps, para{idx: idx, text: line, cells: cells, table: table, widths: p.Widths})
				}
				idx++
			}
			continue
		}
		text := strings.ReplaceAll(strings.ReplaceAll(p.Text, "\r\n", "\n"), "\r", "\n")
		var lines []string
		for _, l := range strings.Split(text, "\n") {
			if l = trim(reply.StripControls(l, false)); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			q := para{idx: idx, text: joinLines(lines), align: p.Align}
			if len(lines) > 1 {
				q.lines = lines
			}
			ps = append(ps, q)
		}
		idx++
	}
	return run(ps, opt)
}

// joinLines joins the lines of a paragraph broken by hand: Chinese text
// takes no space at the break, Latin words and numbers one.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(lines[i-1])
			next, _ := utf8.DecodeRuneInString(l)
			if prev < utf8.RuneSelf && next < utf8.RuneSelf && isAlnum(prev) && isAlnum(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// run recognises the paragraphs ps.
func run(ps []para, opt Options) *Result {
	s := &state{opt: opt, r: &reply.Reply{}}
	s.recognise(ps)
	if !opt.Raw {
		reply.Fix(s.r)
	}
	return &Result{Reply: s.r, Notes: s.notes}
}

// split cuts text into its non-blank lines, without control characters.
// Consecutive lines with tabs are read as the rows of a table, the cells
// separated by the tabs (as wordml.Document.Text writes a table).
func split(text string) []para {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var ps []para
	table, inTable := 0, false
	for i, line := range strings.Split(text, "\n") {
		raw := line
		line = trim(reply.StripControls(line, false))
		if line == "" {
			inTable = false
			continue
		}
		p := para{idx: i, text: line}
		if strings.Contains(raw, "\t") {
			if !inTable {
				table++
			}
			inTable = true
			for _, c := range strings.Split(raw, "\t") {
				p.cells = append(p.cells, trim(reply.StripControls(c, false)))
			}
			p.table = table
		} else {
			inTable = false
		}
		if p.cells == nil {
			if m := signDateRe.FindStringSubmatch(p.text); m != nil && issuerLike(m[1]) {
				// "天水市交通运输局 2019年7月18日": the issuer and the date
				// on one line.
				ps = append(ps, para{idx: i, text: m[1]}, para{idx: i, text: m[2]})
				continue
			}
			ps = append(ps, unflatten(p)...)
			continue
		}
		ps = append(ps, p)
	}
	return ps
}

var (
	// flatRe is a whole letter flattened onto one line, as some pages
	// give it: the salutation, then the opening and the rest, the
	// paragraphs separated by spaces.
	flatRe = regexp.MustCompile(`^((?:尊敬的)?[^\s:：，。,；;]{2,40}?(?:委员|代表)们?[:：])[\s\x{3000}]*(\S.{8,})$`)
	// flatLabelRe starts a line of the signature block.
	flatLabelRe = regexp.MustCompile(`^(?:联[\s\x{3000}]*系[\s\x{3000}]*(?:人|电[\s\x{3000}]*话|单[\s\x{3000}]*位)|领导署名|签发人|领导签发|抄[\s\x{3000}]*送|附[\s\x{3000}]*件|[(（]此件)`)
	// signDateRe is an issuer and a date on one line.
	signDateRe = regexp.MustCompile(`^(\S.{1,29}?)[\s\x{3000}]+((?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日)$`)
	flatDateRe = regexp.MustCompile(`^(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日`)
)

// unflatten cuts a flattened letter (flatRe) into its paragraphs: after
// the salutation, at every run of spaces that follows the end of a
// sentence or precedes a label of the signature block or a date, or that
// separates a number from Chinese text ("…87078127 福建省交通运输厅").
// Any other line is returned as it is.
func unflatten(p para) []para {
	m := flatRe.FindStringSubmatch(p.text)
	if m == nil || !containsAny(m[2], openingWords) {
		return []para{p}
	}
	out := []para{{idx: p.idx, text: m[1]}}
	rest := m[2]
	start := 0
	for i := 0; i < len(rest); {
		r, w := utf8.DecodeRuneInString(rest[i:])
		if r != ' ' && r != '\u3000' {
			i += w
			continue
		}
		j := i
		for j < len(rest) {
			r2, w2 := utf8.DecodeRuneInString(rest[j:])
			if r2 != ' ' && r2 != '\u3000' {
				break
			}
			j += w2
		}
		prev, _ := utf8.DecodeLastRuneInString(rest[:i])
		next, _ := utf8.DecodeRuneInString(rest[j:])
		after := rest[j:]
		if strings.ContainsRune("。！!？?：:；;", prev) || flatLabelRe.MatchString(after) || flatDateRe.MatchString(after) ||
			unicode.IsDigit(prev) && isHan(next) {
			if t := trim(rest[start:i]); t != "" {
				out = append(out, para{idx: p.idx, text: t})
			}
			start = j
		}
		i = j
	}
	if t := trim(rest[start:]); t != "" {
		out = append(out, para{idx: p.idx, text: t})
	}
	return out
}

// trim removes surrounding spaces, including the ideographic space, and
// the bars of a web page's table ("2015年7月13日 |").
func trim(s string) string {
	return strings.TrimSpace(strings.Trim(s, " \u3000\u00a0\t|｜"))
}

// compact removes every space from s: titles, names and labels are printed
// letter-spaced ("答 复", "联 系 人", "张 雷") but never hold a space.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\u3000', '\u00a0':
			return -1
		}
		return r
	}, s)
}

// recognise fills s.r from the paragraphs: head (before the salutation),
// letter (salutation to signature) and tail (after the date).
func (s *state) recognise(ps []para) {
	sal, open := findSalutation(ps)
	end := len(ps)
	if sal >= 0 {
		end = s.cutRepeat(ps, sal)
	}
	start := 0
	switch {
	case sal >= 0:
		start = sal
		s.head(ps[:sal])
		s.salutation(ps[sal])
	case open >= 0:
		start = open
		s.head(ps[:open])
	default:
		if len(ps) > 0 {
			s.notes = append(s.notes, Note{Para: -1, Field: "body", Message: "未找到称谓和开头语，全文已放入正文，请逐项核对"})
		}
	}
	if open < 0 && sal >= 0 && sal+1 < end {
		open = sal + 1
	}
	bodyFrom := start
	if sal >= 0 {
		bodyFrom = sal + 1
	}
	if open >= 0 && open < end {
		for _, p := range ps[bodyFrom:open] {
			s.r.Body = appendLine(s.r.Body, p.text)
		}
		s.r.Opening = p2s(ps[open])
		bodyFrom = open + 1
	}
	if sal >= 0 {
		s.lead = append(s.lead, ps[sal].idx)
	}
	if open >= 0 && open < end {
		s.lead = append(s.lead, ps[open].idx)
	}
	if bodyFrom > end {
		bodyFrom = end
	}
	pages := bodyFrom + attachmentPages(ps[bodyFrom:end])
	bodyEnd := s.tail(ps[bodyFrom:pages]) + bodyFrom
	s.body(ps[bodyFrom:bodyEnd])
	s.pages(ps[pages:end])
	s.titleCrumbs()
	s.item()
}

// titleCrumbs removes the page's crumbs run into the title's first line
// ("政府信息公开苍溪县财政局关于…的复函"): when the title names the issuer
// of the signature, followed by 关于 or 对, what stands before it is not
// the title's. The words removed are noted.
func (s *state) titleCrumbs() {
	t, issuer := s.r.Title, s.r.Issuer
	if issuer == "" {
		return
	}
	i := strings.Index(t, issuer)
	if i <= 0 || strings.Contains(t[:i], "\n") {
		return
	}
	rest := t[i+len(issuer):]
	if !strings.HasPrefix(rest, "关于") && !strings.HasPrefix(rest, "对") {
		return
	}
	s.r.Title = t[i:]
	s.notes = append(s.notes, Note{Para: -1, Field: "title", Message: "标题前的“" + t[:i] + "”是网页上的栏目文字，已略去"})
}

func p2s(p para) string { return p.text }

func appendLine(field, line string) string {
	if field == "" {
		return line
	}
	return field + "\n" + line
}

// cutRepeat finds a second copy of the letter (pages that print it twice)
// from a repeat of the salutation on; its paragraphs become notes. It
// returns the end of the first copy.
func (s *state) cutRepeat(ps []para, sal int) int {
	for i := sal + 1; i < len(ps); i++ {
		if ps[i].text == ps[sal].text {
			for _, p := range ps[i:] {
				s.note(p, "", "第"+itoa(p.idx+1)+"段与前文重复或在答复之外，已略去：“"+p.text+"”")
			}
			return i
		}
	}
	return len(ps)
}
