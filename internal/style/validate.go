package style

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"replydesk/internal/fontrole"
	"replydesk/internal/reply"
)

// Issue is one thing wrong with a style, found by Issues.
type Issue struct {
	// Key is the key of the style file (templates/*.toml) that holds the
	// wrong value, e.g. "text.title", "category.choices", "page.format".
	Key     string
	Message string // in Chinese, without the key, e.g. "含未知的占位符{foo}"
}

// Validate reports what is wrong with a loaded style, as one error naming
// the template file and key of each problem, or nil.
func (s *Style) Validate() error {
	var errs []error
	for _, is := range s.Issues() {
		errs = append(errs, fmt.Errorf("%s.toml：%s %s", s.Name, is.Key, is.Message))
	}
	return errors.Join(errs...)
}

// Issues lists what is wrong with a style, in file order: unknown
// placeholders, unknown format and place values, empty vocabularies,
// settings that contradict each other.
func (s *Style) Issues() []Issue {
	v := &validator{}
	if s.Name == "" {
		v.add("name", "样式没有名称（文件名）")
	}
	switch {
	case s.Kind == "":
		v.add("kind", "未填写，应为提案、建议或协办意见")
	case !s.Kind.Valid():
		v.add("kind", fmt.Sprintf("应为提案、建议或协办意见，不是“%s”", s.Kind))
	}
	v.cc(s.DefaultCC)
	if s.DeadlineMonths < 0 || s.DeadlineMonths > 12 {
		v.add("deadline_months", fmt.Sprintf("应为0到12之间的月数（0表示3个月），不是%d", s.DeadlineMonths))
	}
	v.page(s)
	answers := s.Kind == reply.Proposal || s.Kind == reply.Suggestion
	v.mark("category", s.CategoryMark, s.Categories, "{category}", answers)
	v.mark("disclosure", s.DisclosureMark, s.Disclosures, "{disclosure}", answers && !s.DisclosureOptional || len(s.DisclosureNotes) > 0)
	v.notes(s)
	v.order(s)
	v.formula("text.title", s.TitleFormula)
	v.formula("text.salutation", s.SalutationFormula)
	v.formula("text.opening", s.OpeningFormula)
	v.formula("text.closing", s.ClosingDefault)
	v.contact(s)
	v.public(s)
	return v.out
}

type validator struct{ out []Issue }

func (v *validator) add(key, msg string) { v.out = append(v.out, Issue{key, msg}) }

func (v *validator) formula(key, f string) {
	for _, e := range reply.FormulaErrors(f) {
		v.add(key, e)
	}
}

func (v *validator) cc(units []string) {
	for i, u := range units {
		switch t := strings.TrimSpace(u); {
		case t == "":
			v.add("cc", fmt.Sprintf("第%d项为空", i+1))
		case strings.ContainsRune("。，、；：.,;:", lastRune(t)):
			v.add("cc", fmt.Sprintf("第%d项“%s”末尾不加标点，逗号和句号由排版自动加上", i+1, t))
		}
	}
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

var (
	formats    = []Format{Plain, Letter, Letterhead}
	markPlaces = []Place{None, TopLeft, TopRight, AfterNumber, End}
	markFonts  = []string{"", fontrole.Hei, fontrole.Body, fontrole.Kai}
)

func (v *validator) page(s *Style) {
	if !slices.Contains(formats, s.Format) {
		v.add("page.format", fmt.Sprintf("应为 plain（普通）、letter（信函格式）或 letterhead（套红信纸），不是“%s”", s.Format))
	}
	switch {
	case s.Format == Letterhead && (s.HeaderSpace <= 0 || s.HeaderSpace > 150):
		v.add("page.header_space", fmt.Sprintf("套红信纸首页上方留空应为1到150毫米，不是%d", s.HeaderSpace))
	case s.Format != Letterhead && s.HeaderSpace != 0:
		v.add("page.header_space", "只用于 letterhead（套红信纸）格式，其他格式请删去")
	}
}

func (v *validator) mark(key string, m Mark, choices []Choice, placeholder string, needChoices bool) {
	if !slices.Contains(markPlaces, m.Place) {
		v.add(key+".place", fmt.Sprintf("应为 top-left、top-right、after-number 或 end，不是“%s”", m.Place))
	}
	if !slices.Contains(markFonts, m.Font) {
		v.add(key+".font", fmt.Sprintf("应为 hei（黑体）、body（仿宋）或 kai（楷体），不是“%s”", m.Font))
	}
	switch {
	case m.Format != "" && m.Place == None:
		v.add(key+".place", "已设 format，还应设 place（印在哪里）")
	case m.Format == "" && m.Place != None:
		v.add(key+".format", "已设 place，还应设 format（印成什么样），例如“【"+placeholder+"】”")
	case m.Format != "" && !strings.Contains(m.Format, placeholder):
		v.add(key+".format", "应含占位符"+placeholder)
	}
	v.formula(key+".format", m.Format)
	if len(choices) == 0 && (needChoices || m.Format != "") {
		v.add(key+".choices", "选项为空，请列出可选的值，例如 { code = \"A\", label = \"已解决或基本解决\" }")
	}
	seen := map[string]bool{}
	for i, c := range choices {
		code := strings.TrimSpace(c.Code)
		switch {
		case code == "":
			v.add(key+".choices", fmt.Sprintf("第%d项的 code 为空", i+1))
		case seen[code]:
			v.add(key+".choices", fmt.Sprintf("“%s”重复", code))
		}
		seen[code] = true
	}
}

func (v *validator) notes(s *Style) {
	keys := make([]string, 0, len(s.DisclosureNotes))
	for k := range s.DisclosureNotes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		note := strings.TrimSpace(s.DisclosureNotes[k])
		key := "disclosure.notes." + k
		switch {
		case !slices.Contains(codes(s.Disclosures), k):
			v.add(key, "不在 disclosure.choices 中")
		case note == "":
			v.add(key, "的附注为空；不印附注的选项请不要列出")
		case strings.HasPrefix(note, "（") || strings.HasPrefix(note, "("):
			v.add(key, "的附注不必加括号，排版时自动加上")
		}
	}
}

// order checks the order of the lines under the date and the wording of
// the 承办负责人.
func (v *validator) order(s *Style) {
	seen := map[string]bool{}
	for i, k := range s.NoteOrder {
		switch {
		case !slices.Contains(NoteKinds, k):
			v.add("notes.order", fmt.Sprintf("第%d项应为 %s 之一，不是“%s”", i+1, strings.Join(NoteKinds, "、"), k))
		case seen[k]:
			v.add("notes.order", fmt.Sprintf("“%s”重复", k))
		}
		seen[k] = true
	}
	f := s.ResponsibleFormat
	v.formula("notes.responsible", f)
	switch {
	case f != "" && !strings.Contains(f, "{responsible}"):
		v.add("notes.responsible", "应含占位符{responsible}，例如“承办负责人：{responsible}”；不印承办负责人请设为空")
	case strings.HasPrefix(f, "（") || strings.HasPrefix(f, "("):
		v.add("notes.responsible", "不必加括号，排版时自动加上")
	}
}

func (v *validator) contact(s *Style) {
	v.formula("contact.format", s.ContactFormat)
	if s.AreaCode != "" && !reply.ValidAreaCode(s.AreaCode) {
		v.add("contact.area_code", fmt.Sprintf("应为区号（0开头的3到4位数字，加英文双引号），如 \"0431\"，不是“%s”", s.AreaCode))
	}
	switch {
	case s.ContactPlace != None && s.ContactPlace != Line && s.ContactPlace != Note:
		v.add("contact.place", fmt.Sprintf("应为 line（日期下单独一行）或 note（附注），不是“%s”", s.ContactPlace))
	case s.ContactFormat != "" && s.ContactPlace == None:
		v.add("contact.place", "已设 format，还应设 place：line 或 note")
	case s.ContactFormat == "" && s.ContactPlace != None:
		v.add("contact.format", "已设 place，还应设 format，例如“联系人：{contact_name}，联系电话：{contact_phone}”")
	case s.ContactPlace == Note && (strings.HasPrefix(s.ContactFormat, "（") || strings.HasPrefix(s.ContactFormat, "(")):
		v.add("contact.format", "作附注时不必加括号，排版时自动加上")
	}
}
