// Command benchcompare is the ReplyDesk half of scripts/bench-compare.sh,
// which times ReplyDesk and typst on the same reply.
//
// Usage:
//
//	go run ./packaging/benchcompare typ REPLY.reply.toml OUT.typ
//	go run ./packaging/benchcompare warm REPLY.reply.toml [N]
//
// typ writes the reply as a self-contained typst document, its page set up
// as the gbt9704-gongwen template sets one (A4; margins 37, 35, 28 and
// 26 mm top, bottom, left and right; 16 pt type on a 28.95 pt line
// pitch): the marks, title, salutation, paragraphs, issuer, date and
// contact line that ReplyDesk prints, in the Noto CJK fonts.
//
// warm typesets the reply and writes its PDF N times (default 200) in one
// process, fonts loaded, and prints the median and fastest time of an
// export of the unchanged reply and of one changed each time (another
// number, so another title).
package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"replydesk/internal/safefile"
	"slices"
	"strconv"
	"strings"
	"time"

	"replydesk/internal/app"
	"replydesk/internal/reply"
	"replydesk/internal/tomlfile"
)

func main() {
	if len(os.Args) < 3 {
		fail("用法：benchcompare typ 答复.reply.toml 输出.typ | benchcompare warm 答复.reply.toml [次数]")
	}
	r, err := tomlfile.ReadReplyFile(os.Args[2])
	if err != nil {
		fail(err.Error())
	}
	switch os.Args[1] {
	case "typ":
		if len(os.Args) != 4 {
			fail("typ 需要输出的 .typ 文件")
		}
		if err := safefile.WriteBytes(os.Args[3], typDocument(r)); err != nil {
			fail(err.Error())
		}
	case "warm":
		n := 200
		if len(os.Args) > 3 {
			if n, err = strconv.Atoi(os.Args[3]); err != nil || n < 1 {
				fail("次数应为正整数")
			}
		}
		warm(r, n)
	default:
		fail("未知的子命令“" + os.Args[1] + "”：可用 typ 或 warm")
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "benchcompare：", msg)
	os.Exit(2)
}

// warm prints the times of exporting r unchanged and changed.
func warm(r *reply.Reply, n int) {
	d, err := app.Open(app.Options{})
	if err != nil {
		fail(err.Error())
	}
	var buf bytes.Buffer
	export := func(r *reply.Reply) time.Duration {
		buf.Reset()
		start := time.Now()
		if _, err := d.WritePDF(&buf, r); err != nil {
			fail(err.Error())
		}
		return time.Since(start)
	}
	export(r)
	same := make([]time.Duration, n)
	for i := range same {
		same[i] = export(r)
	}
	c := r.Clone()
	changed := make([]time.Duration, n)
	for i := range changed {
		c.Number = strconv.Itoa(1000 + i)
		c.Title = ""
		changed[i] = export(&c)
	}
	fmt.Printf("ReplyDesk 热排版+PDF（未改动）：中位 %.2fms，最快 %.2fms（%d 次，PDF %d KB）\n", ms(median(same)), ms(slices.Min(same)), n, buf.Len()/1024)
	fmt.Printf("ReplyDesk 热排版+PDF（改动编号）：中位 %.2fms，最快 %.2fms（%d 次）\n", ms(median(changed)), ms(slices.Min(changed)), n)
}

// median returns the median of ds.
func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// ms is d in milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// numbered matches a paragraph that starts with a first-level number.
var numbered = regexp.MustCompile(`^[一二三四五六七八九十]+、`)

// typDocument writes r as a typst document.
func typDocument(r *reply.Reply) []byte {
	var b strings.Builder
	b.WriteString(`#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm))
#set text(font: ("Noto Serif CJK SC"), size: 16pt, lang: "zh", region: "cn", top-edge: 1em, bottom-edge: 0pt)
#set par(leading: 28.95pt - 16pt, spacing: 28.95pt - 16pt, justify: true, first-line-indent: (amount: 2em, all: true))
`)
	line := func(s string) { b.WriteString(s + "\n\n") }
	marks := []string{}
	for _, m := range []string{r.Category, r.Disclosure} {
		if m != "" {
			marks = append(marks, "【"+m+"】")
		}
	}
	if len(marks) > 0 {
		line("#par(first-line-indent: 0pt)[#text(font: \"Noto Sans CJK SC\")[" + esc(strings.Join(marks, "　")) + "]]")
	}
	line("#v(28.95pt)")
	line("#align(center)[#text(size: 22pt, weight: \"bold\")[" + esc(strings.ReplaceAll(r.Title, "\n", " ")) + "]]")
	line("#v(28.95pt)")
	line("#par(first-line-indent: 0pt)[" + esc(r.Salutation) + "]")
	line(esc(r.Opening))
	for _, p := range strings.Split(strings.TrimSpace(r.Body), "\n") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if numbered.MatchString(p) && len([]rune(p)) < 30 {
			line("#text(font: \"Noto Sans CJK SC\")[" + esc(p) + "]")
			continue
		}
		line(esc(p))
	}
	line("#v(28.95pt)")
	line("#align(right)[" + esc(r.Issuer) + "#h(4em)]")
	line("#align(right)[" + esc(r.Date.String()) + "#h(4em)]")
	if r.Contact.Name != "" || r.Contact.Phone != "" {
		line("#par(first-line-indent: 0pt)[（联系人：" + esc(r.Contact.Name) + "，联系电话：" + esc(r.Contact.Phone) + "）]")
	}
	return []byte(b.String())
}

// esc escapes the characters typst markup gives a meaning.
func esc(s string) string {
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune(`\#[]*_$@<>~"'=-+/`+"`", c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}
