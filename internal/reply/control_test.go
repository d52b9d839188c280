package reply

import (
	"fmt"
	"strings"
	"testing"
)

func TestIsControl(t *testing.T) {
	for _, c := range []struct {
		r    rune
		want bool
	}{
		{0x1B, true}, {'\t', true}, {'\n', true}, {0x7F, true}, {0x85, true}, {0x9B, true},
		{0x200B, true}, {0x200D, true}, {0x200E, true}, {0x202E, true}, {0x2066, true}, {0x2069, true},
		{0x2060, true}, {0x061C, true}, {0xFEFF, true}, {0xFFFD, true}, {0x00AD, true}, {0x2028, true},
		{0xE0041, true}, // a tag character
		{'A', false}, {' ', false}, {'中', false}, {0x3000, false}, {'“', false}, {'…', false},
		{0xFE0F, false}, {0xE0101, false}, // variation selectors choose the form of a name's ideograph
		{0xE000, false}, {0x2A6A5, false}, // user-made and rare characters of names
	} {
		t.Run(fmt.Sprintf("U+%04X", c.r), func(t *testing.T) {
			if got := IsControl(c.r); got != c.want {
				t.Errorf("IsControl(U+%04X) = %v, want %v", c.r, got, c.want)
			}
		})
	}
}

func TestStripControls(t *testing.T) {
	for _, c := range []struct {
		name     string
		in       string
		newlines bool
		want     string
	}{
		{"clean", "对市政协第244号提案的答复", false, "对市政协第244号提案的答复"},
		{"colour sequence", "\x1b[1;31m重要\x1b[0m通知", false, "重要通知"},
		{"private CSI", "甲\x1b[?25l乙", false, "甲乙"},
		{"C1 CSI", "甲\u009b31m乙", false, "甲乙"},
		{"title string", "\x1b]0;标题\x07正文", false, "正文"},
		{"title string ST", "\x1b]2;x\x1b\\正文", false, "正文"},
		{"charset", "\x1b(B文", false, "文"},
		{"lone ESC", "甲\x1b乙", false, "甲乙"},
		{"unterminated CSI", "甲\x1b[31", false, "甲[31"},
		{"unterminated string", "\x1b]0;x\n乙", true, "]0;x\n乙"},
		{"zero width", "长春\u200b市\u200d教育\u2060局\ufeff", false, "长春市教育局"},
		{"bidi", "\u202e答复\u202c\u200f\u2067x\u2069\u061c", false, "答复x"},
		{"replacement", "董\ufffd妍", false, "董妍"},
		{"invalid UTF-8", "董\xff\xfe妍", false, "董妍"},
		{"tab", "A\tB", false, "A B"},
		{"newline kept", "甲\n乙", true, "甲\n乙"},
		{"newline in one line", "甲\n乙", false, "甲 乙"},
		{"CRLF", "甲\r\n乙", true, "甲\n乙"},
		{"NUL and DEL", "a\x00b\x7fc", false, "abc"},
		{"variation selector kept", "\u845b\U000E0100", false, "\u845b\U000E0100"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := StripControls(c.in, c.newlines)
			if got != c.want {
				t.Errorf("StripControls(%q, %v) = %q, want %q", c.in, c.newlines, got, c.want)
			}
			if again := StripControls(got, c.newlines); again != got {
				t.Errorf("StripControls not idempotent: %q → %q", got, again)
			}
		})
	}
}

// dirty returns text with an escape sequence, a zero-width space, a
// right-to-left override and a replacement character in it.
func dirty(text string) string {
	rs := []rune(text)
	n := len(rs)
	return "\x1b[31m" + string(rs[:n/3]) + "\u200b" + string(rs[n/3:n/2]) + "\u202e" + string(rs[n/2:]) + "\ufffd"
}

// TestCheckFixControls puts control characters into fields of every kind
// and checks that Check names each field and code point, and that Fix
// removes them all.
func TestCheckFixControls(t *testing.T) {
	r := seedReply(t)
	r.Opening = FixText(r.Opening)
	clean := r.Clone()
	r.Title = dirty(r.Title)
	lines := strings.Split(r.Body, "\n")
	lines[2] = dirty(lines[2])
	r.Body = strings.Join(lines, "\n")
	r.Contact.Name = dirty(r.Contact.Name)
	r.Contact.Phone = "1357895\u200b1242"
	r.Proposers = []string{"董妍", "李\u202e明"}
	r.Notes = []string{"此件\x07公开发布"}
	r.CC = []string{"市政府督查室\u2066"}
	r.Attachments = []Attachment{{Title: "名单\ufeff", Table: &Table{Header: []string{"单位\x00"}, Rows: [][]string{{"甲\u0085"}}}}}
	clean.Proposers = []string{"董妍", "李明"}
	clean.Notes = []string{"此件公开发布"}
	clean.CC = []string{"市政府督查室"}
	clean.Attachments = []Attachment{{Title: "名单", Table: &Table{Header: []string{"单位"}, Rows: [][]string{{"甲"}}}}}

	ps := Check(r, seedVocab)
	for _, c := range []struct {
		field  string
		para   int
		sev    Severity
		want   []string // substrings of the message
		fix    string
		hasFix bool
	}{
		{"title", -1, Error, []string{"标题含有", "U+001B（ESC）", "“ESC[31m”", "U+200B（零宽空格）", "U+202E（从右到左覆盖）", "U+FFFD", "请对照原文"},
			clean.Title, true},
		{"body", 2, Error, []string{"正文第3段含有", "U+001B", "U+200B", "U+202E", "U+FFFD"}, strings.Split(clean.Body, "\n")[2], true},
		{"contact.name", -1, Error, []string{"联系人含有", "U+001B", "U+200B", "U+202E", "U+FFFD"}, "刘丽", true},
		{"contact.phone", -1, Warning, []string{"联系电话含有零宽字符 U+200B"}, "13578951242", true},
		{"proposers", -1, Error, []string{"提出人第2项含有文字方向控制字符 U+202E"}, "", false},
		{"notes[0]", -1, Error, []string{"附注第1项含有控制字符 U+0007（BEL）"}, "此件公开发布", true},
		{"cc[0]", -1, Error, []string{"抄送第1项含有", "U+2066"}, "市政府督查室", true},
		{"attachments[0].title", -1, Warning, []string{"附件1标题含有", "U+FEFF"}, "名单", true},
		{"attachments[0].table.header[0]", -1, Error, []string{"附件1表头第1列含有控制字符 U+0000（NUL）"}, "单位", true},
		{"attachments[0].table.rows[0][0]", -1, Error, []string{"附件1表格第1行第1列含有控制字符 U+0085（NEL）"}, "甲", true},
	} {
		t.Run(c.field, func(t *testing.T) {
			for _, p := range find(ps, c.field) {
				if p.Para != c.para || !strings.Contains(p.Message, "含有") {
					continue
				}
				for _, w := range c.want {
					if !strings.Contains(p.Message, w) {
						t.Errorf("message %q does not mention %q", p.Message, w)
					}
				}
				if p.Severity != c.sev {
					t.Errorf("severity of %q = %v, want %v", p.Message, p.Severity, c.sev)
				}
				if c.hasFix && p.Fix != c.fix {
					t.Errorf("fix of %q = %q, want %q", p.Message, p.Fix, c.fix)
				}
				return
			}
			t.Errorf("Check reports no control character in %s para %d: %v", c.field, c.para, find(ps, c.field))
		})
	}

	changes := Fix(r)
	if len(changes) < 10 {
		t.Errorf("Fix made %d changes, want at least 10: %v", len(changes), changes)
	}
	for _, tf := range r.textFields() {
		for _, ch := range *tf.p {
			if IsControl(ch) && !(ch == '\n' && tf.breaks) {
				t.Errorf("after Fix %s still holds U+%04X: %q", tf.field, ch, *tf.p)
			}
		}
	}
	if r.Title != clean.Title || r.Body != clean.Body || r.Contact != clean.Contact {
		t.Errorf("Fix gave title %q, contact %+v, want %q, %+v", r.Title, r.Contact, clean.Title, clean.Contact)
	}
	for _, p := range Check(r, seedVocab) {
		if strings.Contains(p.Message, "含有") {
			t.Errorf("after Fix Check still reports %v", p)
		}
	}
}

func TestCheckBlankControls(t *testing.T) {
	for _, c := range []struct {
		name  string
		edit  func(r *Reply)
		field string
		para  int
		fix   string
	}{
		{"tab in body", func(r *Reply) { r.Body = "第一段。\n联系人：刘丽\t13578951242" }, "body", 1, "联系人：刘丽 13578951242"},
		{"newline in a name", func(r *Reply) { r.Issuer = "长春市\n教育局" }, "issuer", -1, "长春市 教育局"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := seedReply(t)
			r.Opening = FixText(r.Opening)
			c.edit(r)
			for _, p := range find(Check(r, seedVocab), c.field) {
				if p.Para == c.para && strings.Contains(p.Message, "含有") {
					if p.Severity != Warning || p.Fix != c.fix || !strings.Contains(p.Message, "应为空格") {
						t.Errorf("problem %+v, want a warning with fix %q", p, c.fix)
					}
					return
				}
			}
			t.Errorf("no problem reported in %s", c.field)
		})
	}
}

// TestCheckCRLF checks that a body read from a file with CRLF line ends
// is not reported as holding control characters.
func TestCheckCRLF(t *testing.T) {
	r := seedReply(t)
	r.Opening = FixText(r.Opening)
	r.Body = strings.ReplaceAll(r.Body, "\n", "\r\n")
	for _, p := range Check(r, seedVocab) {
		if strings.Contains(p.Message, "含有") {
			t.Errorf("CRLF body reported: %v", p)
		}
	}
}

func TestFieldLabelProposer(t *testing.T) {
	if got := FieldLabel("proposers[1]"); got != "提出人第2项" {
		t.Errorf("FieldLabel(proposers[1]) = %q, want 提出人第2项", got)
	}
}

func TestWithoutControls(t *testing.T) {
	r := Reply{Title: "\u200b", Body: "甲\x1b[0m\n乙\t丙", Proposers: []string{"董\u202e妍"},
		Attachments: []Attachment{{Table: &Table{Rows: [][]string{{"\ufffd表"}}}}}}
	before := r.Clone()
	c := r.WithoutControls()
	if c.Title != "" || c.Body != "甲\n乙 丙" || c.Proposers[0] != "董妍" || c.Attachments[0].Table.Rows[0][0] != "表" {
		t.Errorf("WithoutControls() = %+v", c)
	}
	if r.Body != before.Body || r.Attachments[0].Table.Rows[0][0] != before.Attachments[0].Table.Rows[0][0] {
		t.Errorf("WithoutControls changed its receiver: %+v", r)
	}
}

func TestShown(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"市政府督查室", "市政府督查室"},
		{"\x1b[31m红", "[U+001B][31m红"},
		{"甲\u202e乙\n", "甲[U+202E]乙[U+000A]"},
		{strings.Repeat("长", 201), strings.Repeat("长", 200) + "…"},
	} {
		t.Run(c.in[:min(len(c.in), 12)], func(t *testing.T) {
			if got := shown(c.in); got != c.want {
				t.Errorf("shown(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
	ch := Change{Field: "cc[0]", Para: -1, Before: "督查室\u2066", After: "督查室"}
	if got, want := ch.String(), "抄送第1项：“督查室[U+2066]” → “督查室”"; got != want {
		t.Errorf("Change.String() = %q, want %q", got, want)
	}
	ps := find(Check(&Reply{CC: []string{"督查室\x1b[0m。"}}, Vocab{}), "cc[0]")
	if len(ps) < 2 {
		t.Fatalf("Check of a cc with an escape sequence and a final 。 = %v, want two problems", ps)
	}
	for _, p := range ps {
		if strings.ContainsFunc(p.Message, IsControl) {
			t.Errorf("message %q holds a control character", p.Message)
		}
	}
}
