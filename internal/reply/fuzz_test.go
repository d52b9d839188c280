package reply

import (
	"slices"
	"strings"
	"testing"
)

// alnum returns the ASCII digits and letters of s, in order.
func alnum(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isAlnum(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FuzzFix checks Fix by invariant: it never panics, a second Fix changes
// nothing, the digits and Latin letters of the texts stay as they were
// (but for those of escape sequences, which go whole), and no control
// character is left.
func FuzzFix(f *testing.F) {
	for _, s := range []string{
		"的提案(第 244 号)收悉，现答复如下：", "13:30开会,3.5个", `"学生"与"学校"`, "(1)加强 (2)",
		"https://x.cn/a,b?c=1 详见", "一.聚焦", "长教函[2023]第012号", "（（此件））", "a (b) \"c\" 中",
		"\t 中 ,\n\n 文 .", "你好!!?", "\"", "((", "))中", "中.\"", "第 1 号。",
		"\x1b[31m红\x1b[0m", "甲\u200b乙\u202e丙\ufffd", "\x1b]0;t\x07文", "a\x1b[1", "\ufeff第1号\r\n",
	} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		r := Reply{Title: a, Opening: b, Body: a + "\n" + b, Closing: b, ItemTitle: a,
			Notes: []string{a}, CC: []string{b}, Attachments: []Attachment{{Title: a, Body: b}},
			DocNumber: a, Number: b, Contact: Contact{Name: a, Phone: b}}
		before := r.Clone()
		Fix(&r)
		once := r.Clone()
		if cs := Fix(&r); len(cs) != 0 {
			t.Fatalf("Fix not idempotent on %q / %q: second pass %v", a, b, cs)
		}
		for _, p := range [][2]string{{before.Body, once.Body}, {before.Opening, once.Opening},
			{before.Notes[0], once.Notes[0]}, {before.CC[0], once.CC[0]}, {before.Attachments[0].Body, once.Attachments[0].Body}} {
			if alnum(StripControls(p[0], true)) != alnum(p[1]) {
				t.Fatalf("Fix changed digits or letters: %q → %q", p[0], p[1])
			}
		}
		for _, tf := range once.textFields() {
			for _, ch := range *tf.p {
				if IsControl(ch) && !(ch == '\n' && tf.breaks) {
					t.Fatalf("Fix left U+%04X in %s: %q", ch, tf.field, *tf.p)
				}
			}
		}
		if len(strings.Split(once.Body, "\n")) != len(strings.Split(before.Body, "\n")) {
			t.Fatalf("Fix changed the number of body lines: %q → %q", before.Body, once.Body)
		}
	})
}

// FuzzCheckReportsFix checks that Check reports every change Fix would
// make: whatever check --fix removes or rewrites (a leading space, a
// dash, a half-width mark, a control character) is shown first, at its
// field and paragraph.
func FuzzCheckReportsFix(f *testing.F) {
	for _, s := range []string{
		"　　近年来，我市--采取措施", " 第244号 ", "长教函[2023]第012号 ", "（此件公开发布）", "市政府督查室。",
		"0763—6269263", " 13578951242", "２０２３", "一是—二是", "\t正文 ", "a\u200bb", "B类 ", "—", "1-3", "\r\n0",
	} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		r := Reply{Title: a, Opening: b, Body: a + "\n" + b, Closing: b, ItemTitle: a, Signer: b,
			Category: a, Disclosure: b, Proposers: []string{a, b}, Salutation: b + "：",
			Notes: []string{a}, CC: []string{b}, Attachments: []Attachment{{Title: a, Body: b}},
			DocNumber: a, Number: b, Issuer: a, Contact: Contact{Name: a, Phone: b}}
		ps := Check(&r, Vocab{Today: Date{2024, 1, 1}})
		fixed := r.Clone()
		for _, ch := range Fix(&fixed) {
			field := problemField(ch.Field)
			if !slices.ContainsFunc(ps, func(p Problem) bool { return p.Field == field && (p.Para == ch.Para || p.Para < 0) }) {
				t.Fatalf("Fix changes %s para %d (%q → %q) but Check reports nothing there: %v", ch.Field, ch.Para, ch.Before, ch.After, ps)
			}
		}
	})
}
