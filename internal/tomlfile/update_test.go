package tomlfile

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"replydesk/internal/reply"
)

const example = "../../templates/examples/reply-244.reply.toml"

func readExample(t testing.TB) string {
	t.Helper()
	src, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// mustRead reads a reply file or fails the test.
func mustRead(t testing.TB, src []byte) *reply.Reply {
	t.Helper()
	r, err := ReadReply(bytes.NewReader(src), "u.reply.toml")
	if err != nil {
		t.Fatalf("ReadReply: %v\n%s", err, src)
	}
	return r
}

// normal is r as a reply file can hold it: ReadReply(WriteReply(r)).
func normal(t testing.TB, r *reply.Reply) *reply.Reply {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteReply(&buf, r); err != nil {
		t.Fatal(err)
	}
	return mustRead(t, buf.Bytes())
}

// changedLines lists the lines of a that differ in b, for files of the
// same number of lines; nil and false when the counts differ.
func changedLines(a, b string) ([]int, bool) {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(la) != len(lb) {
		return nil, false
	}
	var out []int
	for i := range la {
		if la[i] != lb[i] {
			out = append(out, i+1)
		}
	}
	return out, true
}

func TestUpdateUnchanged(t *testing.T) {
	src := readExample(t)
	if n := strings.Count(src, "#"); n < 48 {
		t.Fatalf("the example has %d comments, want its 48 or more", n)
	}
	crlf := strings.ReplaceAll(src, "\n", "\r\n")
	for name, data := range map[string][]byte{
		"LF": []byte(src), "CRLF": []byte(crlf), "BOM": append([]byte{0xEF, 0xBB, 0xBF}, crlf...),
		"UTF-16": utf16Bytes(crlf, false, true),
	} {
		out, err := UpdateReply(data, mustRead(t, data))
		if err != nil || !bytes.Equal(out, data) {
			t.Errorf("%s: UpdateReply with the same reply changed the file (%v)", name, err)
		}
	}
}

// TestUpdateFix is check --fix on the example with half-width marks put in
// three places: only those three lines change.
func TestUpdateFix(t *testing.T) {
	src := readExample(t)
	bad := strings.NewReplacer(
		"（第244号）收悉", "(第244号)收悉",
		"一、聚焦主导产业，服务经济社会发展", "一、聚焦主导产业,服务经济社会发展",
		`"市政协"       # 会议机关`, `"市政协 "      # 会议机关`,
	).Replace(src)
	for _, crlf := range []bool{false, true} {
		in := bad
		if crlf {
			in = strings.ReplaceAll(bad, "\n", "\r\n")
		}
		r := mustRead(t, []byte(in))
		if changes := reply.Fix(r); len(changes) != 3 {
			t.Fatalf("Fix made %d changes, want 3: %v", len(changes), changes)
		}
		out, err := UpdateReply([]byte(in), r)
		if err != nil {
			t.Fatal(err)
		}
		got := string(out)
		if crlf {
			if strings.Count(got, "\r\n") != strings.Count(got, "\n") {
				t.Errorf("CRLF file came back with LF lines")
			}
			got = strings.ReplaceAll(got, "\r\n", "\n")
		}
		if got != src {
			lines, _ := changedLines(src, got)
			t.Errorf("crlf %v: fixed file differs from the example on lines %v:\n%s", crlf, lines, got)
		}
	}
}

func TestUpdateEdits(t *testing.T) {
	src := readExample(t)
	for _, c := range []struct {
		name  string
		edit  func(r *reply.Reply)
		lines int    // lines changed, for edits that keep the line count; -1 otherwise
		has   string // the output contains this
	}{
		{"term", func(r *reply.Reply) { r.Term = 15 }, 1, "term = 15 … # 届次"},
		{"closing uncommented", func(r *reply.Reply) { r.Closing = "特此函复。" }, 1, "closing = \"特此函复。\" … # 结束语"},
		{"unit uncommented", func(r *reply.Reply) { r.Contact.Unit = "市教育局职成处" }, 1, "unit = \"市教育局职成处\" … # 联系单位"},
		{"responsible uncommented", func(r *reply.Reply) { r.Responsible = "张华" }, 1, "responsible = \"张华\" … # 承办负责人"},
		{"paragraph set as text", func(r *reply.Reply) { r.SetForm("一、聚焦主导产业，服务经济社会发展", reply.TextForm) }, 1,
			"as_text = [\"一、聚焦主导产业\"] … # 按正文排的段落"},
		{"paragraph set as heading", func(r *reply.Reply) { r.AsHeading = []string{"四、推动高职升本工作", "三、改革"} }, 1,
			"as_heading = [\"四、推动高职升本工作\", \"三、改革\"] … # 按标题排的段落"},
		{"doc number uncommented", func(r *reply.Reply) { r.DocNumber = "长教函〔2023〕7号" }, 1, "doc_number = \"长教函〔2023〕7号\" … # 发文字号"},
		{"cc uncommented", func(r *reply.Reply) { r.CC = []string{"市政府督查室"} }, 1, "cc = [\"市政府督查室\"] … # 抄送"},
		{"proposers", func(r *reply.Reply) { r.Proposers = []string{"董妍", "李明"} }, 1, "proposers = [\"董妍\", \"李明\"] … # 提出人"},
		{"proposer renamed", func(r *reply.Reply) { r.Proposers[0] = "董岩" }, 1, "proposers = [\"董岩\"]"},
		{"date cleared", func(r *reply.Reply) { r.Date = reply.Date{} }, 1, "# date = 2023-06-20 … # 成文日期"},
		{"seal", func(r *reply.Reply) { r.Seal = false }, 1, "seal = false"},
		{"opening emptied", func(r *reply.Reply) { r.Opening = "" }, 1, "opening = \"\""},
		{"paragraph edited", func(r *reply.Reply) {
			r.Body = strings.Replace(r.Body, "三、改革育人模式", "三、改革育人方式", 1)
		}, 1, "三、改革育人方式"},
		{"paragraph added", func(r *reply.Reply) { r.Body = strings.Replace(r.Body, "\n二、", "\n新的一段。\n二、", 1) }, -1, "\n新的一段。\n二、"},
		{"paragraph removed", func(r *reply.Reply) { r.Body = r.Body[:strings.LastIndex(r.Body, "\n")] }, -1, "\n\"\"\"\n# closing"},
		{"lead unit", func(r *reply.Reply) { r.LeadUnit = "市人社局" }, 1, "lead_unit = \"市人社局\" … # 主办单位"},
		{"proposer count", func(r *reply.Reply) { r.ProposerCount = 7 }, 1, "proposer_count = 7 … # 提出人数"},
		{"attachment added", func(r *reply.Reply) {
			r.Attachments = []reply.Attachment{{Title: "名单", Table: &reply.Table{Header: []string{"序号", "名称"}, Rows: [][]string{{"1", "一汽"}}}}}
		}, -1, "[[attachments]]\ntitle = \"名单\""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := mustRead(t, []byte(src))
			c.edit(r)
			out, err := UpdateReply([]byte(src), r)
			if err != nil {
				t.Fatal(err)
			}
			got := string(out)
			if back := mustRead(t, out); !reflect.DeepEqual(back, normal(t, r)) {
				t.Errorf("file reads back as %+v, want %+v", back, r)
			}
			if !hasLine(got, c.has) {
				t.Errorf("file lacks %q:\n%s", c.has, got)
			}
			if c.lines >= 0 {
				if lines, ok := changedLines(src, got); !ok || len(lines) != c.lines {
					t.Errorf("changed lines %v (same count %v), want %d:\n%s", lines, ok, c.lines, got)
				}
			}
			// Every comment of the example survives (possibly uncommented).
			all, kept := 0, 0
			for _, l := range strings.Split(src, "\n") {
				if i := strings.LastIndex(l, "# "); i >= 0 {
					all++
					if strings.Contains(got, strings.TrimSpace(l[i:])) {
						kept++
					}
				}
			}
			if kept < all {
				t.Errorf("%d of %d comments kept", kept, all)
			}
		})
	}
}

// hasLine reports whether text has a line holding the parts of want, split
// at " … ", in order; a want with a newline is looked for as it is.
func hasLine(text, want string) bool {
	if strings.Contains(want, "\n") {
		return strings.Contains(text, want)
	}
	parts := strings.Split(want, " … ")
next:
	for _, l := range strings.Split(text, "\n") {
		for _, p := range parts {
			i := strings.Index(l, p)
			if i < 0 {
				continue next
			}
			l = l[i+len(p):]
		}
		return true
	}
	return false
}

func TestUpdateAttachments(t *testing.T) {
	r := full()
	var buf bytes.Buffer
	if err := WriteReply(&buf, r); err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(buf.String(), "[[attachments]]", "# 附件一\n[[attachments]]", 1)
	src = strings.Replace(src, "[attachments.table]", "[attachments.table]  # 名单表", 1)
	for _, c := range []struct {
		name string
		edit func(r *reply.Reply)
		keep string
	}{
		{"cell", func(r *reply.Reply) { r.Attachments[1].Table.Rows[1][1] = "长客股份" }, "# 名单表"},
		{"row added", func(r *reply.Reply) {
			r.Attachments[1].Table.Rows = append(r.Attachments[1].Table.Rows, []string{"3", "三"})
		}, "# 名单表"},
		{"header", func(r *reply.Reply) { r.Attachments[1].Table.Header[0] = "编号" }, "# 名单表"},
		{"widths", func(r *reply.Reply) { r.Attachments[1].Table.Widths = []int{2, 5} }, "# 名单表"},
		{"body", func(r *reply.Reply) { r.Attachments[0].Body = "新的附件正文" }, "# 名单表"},
		{"removed", func(r *reply.Reply) { r.Attachments = r.Attachments[:1] }, "# 附件一"},
		{"none", func(r *reply.Reply) { r.Attachments = nil }, "[contact]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := mustRead(t, []byte(src))
			c.edit(r)
			out, err := UpdateReply([]byte(src), r)
			if err != nil {
				t.Fatal(err)
			}
			if back := mustRead(t, out); !reflect.DeepEqual(back, normal(t, r)) {
				t.Errorf("file reads back as %+v\nwant %+v\n%s", back, r, out)
			}
			if !strings.Contains(string(out), c.keep) {
				t.Errorf("file lost %q:\n%s", c.keep, out)
			}
		})
	}
}

func TestUpdateReplyFile(t *testing.T) {
	src := readExample(t)
	path := filepath.Join(t.TempDir(), "r.reply.toml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustRead(t, []byte(src))
	r.Closing = "特此函复。"
	if err := UpdateReplyFile(path, r); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if lines, ok := changedLines(src, string(got)); !ok || len(lines) != 1 {
		t.Errorf("UpdateReplyFile changed lines %v", lines)
	}
	fresh := filepath.Join(t.TempDir(), "new.reply.toml")
	if err := UpdateReplyFile(fresh, r); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(fresh); !reflect.DeepEqual(mustRead(t, b), r) {
		t.Error("UpdateReplyFile of a new file does not read back")
	}
}

// FuzzUpdateReply checks UpdateReply by invariant: for any reply file that
// reads, the same reply gives back the same bytes, and a changed reply
// (fixed, and with fields set from the fuzz input) reads back equal to it.
func FuzzUpdateReply(f *testing.F) {
	if src, err := os.ReadFile(example); err == nil {
		f.Add(string(src), "特此函复。")
		f.Add(strings.ReplaceAll(string(src), "\n", "\r\n"), "a\nb")
	}
	var buf bytes.Buffer
	if err := WriteReply(&buf, full()); err == nil {
		f.Add(buf.String(), "\"\"\"")
	}
	for _, s := range []string{minimal, "", "body = '''\na\n'''", "[text]\nbody = '''\na,b\n'''", "[text]\nbody = \"\"\"a\\\n b\"\"\"",
		"[item]\nproposers = \"甲,乙\"\nnumber = 7", "[[attachments]]\n[attachments.table]\nrows=[[\"a\", 'b']]",
		"contact = {name = \"x\"}", "[text]\nbody = \"\"\"\n\"x\"\"\"\"", "# closing = \"x\"  # c\n[text]\n# closing = 'y' # 结束语"} {
		f.Add(s, "x,y")
	}
	f.Fuzz(func(t *testing.T, src, s string) {
		r, err := ReadReply(strings.NewReader(src), "f.reply.toml")
		if err != nil {
			return
		}
		same, err := UpdateReply([]byte(src), r)
		if err != nil || string(same) != src {
			t.Fatalf("UpdateReply with the same reply: %v\n%q\n%q", err, src, same)
		}
		if !utf8.ValidString(s) {
			return
		}
		r2 := r.Clone()
		reply.Fix(&r2)
		r2.Closing, r2.Proposers = s, append(r2.Proposers, s)
		r2.Body += "\n" + s
		if len(r2.Attachments) > 0 {
			r2.Attachments[0].Title = s
		}
		out, err := UpdateReply([]byte(src), &r2)
		if err != nil {
			t.Fatalf("UpdateReply: %v", err)
		}
		back, err := ReadReply(bytes.NewReader(out), "f.reply.toml")
		if err != nil {
			t.Fatalf("updated file does not read: %v\n%s", err, out)
		}
		if want := normal(t, &r2); !reflect.DeepEqual(back, want) {
			t.Fatalf("updated file reads back as\n%#v\nwant\n%#v\n%s", back, want, out)
		}
	})
}
