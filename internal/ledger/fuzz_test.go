package ledger

import (
	"strings"
	"testing"
	"unicode/utf8"

	"replydesk/internal/reply"
)

// FuzzParseDate checks that any text either reads as a valid date whose
// written form reads back the same, or fails with a Chinese message that
// quotes it.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023年6月1日", "2023-06-01", "2023.6.1", "2023/6/1", "20230601",
		"二〇二三年六月一日", "二○二一年五月十八日", "二〇二三年十二月卅一日", "二千零二十三年六月廿日",
		"2023年13月1日", "２０２３年６月１日", "2023-06-01 08:00", "", "0000-00-00", "9999.99.99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			quoted := "“" + s + "”"
			if len(s) > 200 { // a long text is quoted by its first 20 characters
				n, end := 0, len(s)
				for i := range s {
					if n == 20 {
						end = i
						break
					}
					n++
				}
				quoted = "“" + s[:end] + "…”"
			}
			if !strings.Contains(err.Error(), quoted) || !strings.Contains(err.Error(), "日期") {
				t.Fatalf("error of %q does not quote it: %v", s, err)
			}
			return
		}
		if d.IsZero() {
			if strings.TrimSpace(reply.HalfWidth(s)) != "" {
				t.Fatalf("%q read as no date", s)
			}
			return
		}
		if !d.Valid() {
			t.Fatalf("%q read as invalid %v", s, d)
		}
		for _, form := range []string{d.String(), d.ISO()} {
			if back, err := ParseDate(form); err != nil || back != d {
				t.Fatalf("%q → %v → %q → %v, %v", s, d, form, back, err)
			}
		}
	})
}

// FuzzFieldSet feeds any cell text to every field: Set never panics, an
// error is Chinese and quotes the text, and what Get writes reads back to
// the same item.
func FuzzFieldSet(f *testing.F) {
	for _, s := range []string{"董妍、王远健等7人", "市政协十四届二次会议", "已办结", "B类", "是", "2023.6.1",
		"=SUM(A1)", "第０２４４号", "区十八届人大二次会议", "\n", "、、", "等", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, fd := range Fields {
			var it Item
			if err := fd.Set(&it, s); err != nil {
				if !strings.Contains(err.Error(), "“") {
					t.Fatalf("%s: error does not quote the text: %v", fd.Key, err)
				}
				continue
			}
			text := fd.Get(&it)
			var back Item
			if err := fd.Set(&back, text); err != nil {
				t.Fatalf("%s: %q → %q does not read back: %v", fd.Key, s, text, err)
			}
			if fd.Get(&back) != text {
				t.Fatalf("%s: %q → %q → %q", fd.Key, s, text, fd.Get(&back))
			}
		}
	})
}
