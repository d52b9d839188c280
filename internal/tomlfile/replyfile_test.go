package tomlfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"replydesk/internal/reply"
)

// minimal is a small valid reply file; tests add or replace lines.
const minimal = `kind = "提案"

[item]
assembly = "市政协"
term = 14
session = 2
number = "244"
proposers = ["董妍"]
title = "关于推进产教融合的建议"

[text]
body = """
第一段。
第二段。
"""

[signature]
issuer = "长春市教育局"
date = 2023-06-20
seal = true
`

func TestReadReplyErrors(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
	}{
		{"date text", strings.Replace(minimal, "date = 2023-06-20", `date = "六月"`, 1),
			"r.reply.toml 第19行：date 应为日期，例如 date = 2023-06-20"},
		{"date time", strings.Replace(minimal, "date = 2023-06-20", "date = 2023-06-20T10:00:00", 1),
			"r.reply.toml 第19行：date 应为日期，例如 date = 2023-06-20"},
		{"date no such day", strings.Replace(minimal, "date = 2023-06-20", `date = "二〇二三年二月三十日"`, 1),
			"r.reply.toml 第19行：date “二〇二三年二月三十日”不是有效日期（没有这一天），请核对年月日"},
		{"date out of range", strings.Replace(minimal, "date = 2023-06-20", "date = 0999-01-10", 1),
			"r.reply.toml 第19行：date 应为1900年到2999年之间的日期"},
		{"bad date syntax", strings.Replace(minimal, "date = 2023-06-20", "date = 2023-6-20", 1),
			"r.reply.toml 第19行：TOML 格式错误："},
		{"unknown key", strings.Replace(minimal, "session = 2\n", "session = 2\nsesion = 3\n", 1),
			"r.reply.toml 第7行：sesion 是未知的键（拼写错误或放错了小节？）；[item] 中可用的键：assembly、term、session"},
		{"unknown section", minimal + "\n[extra]\na = 1\n",
			"r.reply.toml 第22行：extra 是未知的键"},
		{"case matters", strings.Replace(minimal, "seal = true", "Seal = true", 1),
			"r.reply.toml 第20行：Seal 是未知的键"},
		{"term type", strings.Replace(minimal, "term = 14", "term = 14.5", 1),
			"r.reply.toml 第5行：term 应为不超过999的非负整数，例如 term = 14"},
		{"term words", strings.Replace(minimal, "term = 14", `term = "十四x"`, 1),
			"r.reply.toml 第5行：term 应为整数，例如 term = 14"},
		{"kind", strings.Replace(minimal, `kind = "提案"`, `kind = "答复"`, 1),
			"r.reply.toml 第1行：kind 应为“提案”“建议”或“协办意见”，不是“答复”"},
		{"string type", strings.Replace(minimal, `assembly = "市政协"`, "assembly = 1", 1),
			"r.reply.toml 第4行：assembly 应为文字，用英文双引号括起来"},
		{"list item", strings.Replace(minimal, `proposers = ["董妍"]`, `proposers = ["董妍", 2]`, 1),
			"r.reply.toml 第8行：proposers 第2项应为文字"},
		{"seal", strings.Replace(minimal, "seal = true", `seal = "是"`, 1),
			"r.reply.toml 第20行：seal 应为 true（是）或 false（否），不加引号"},
		{"newline in string", strings.Replace(minimal, `"市政协"`, "\"市政\n协\"", 1),
			"r.reply.toml 第4行：TOML 格式错误：单行文字不能换行"},
		{"unclosed body", strings.Replace(minimal, "第二段。\n\"\"\"", "第二段。", 1),
			"TOML 格式错误：多行文字缺少结尾的 \"\"\""},
		{"duplicate", strings.Replace(minimal, "term = 14\n", "term = 14\nterm = 15\n", 1),
			"r.reply.toml 第6行：TOML 格式错误：键重复"},
		{"section type", strings.Replace(minimal, "[item]", "item = 1\n[x]", 1),
			"r.reply.toml 第3行：item 应为小节，例如 [item]"},
		{"attachment", minimal + "\n[[attachments]]\ntitle = \"名单\"\ntitel = \"x\"\n",
			"r.reply.toml 第24行：titel 是未知的键（拼写错误或放错了小节？）；[attachments[0]] 中可用的键：title、body、table"},
		{"table rows", minimal + "\n[[attachments]]\ntitle = \"表\"\n[attachments.table]\nrows = [[\"a\"], \"b\"]\n",
			"r.reply.toml 第25行：rows 应为文字列表"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadReply(strings.NewReader(c.src), "r.reply.toml")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("ReadReply error = %v\nwant it to contain %q", err, c.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %v is not an *Error", err)
			}
		})
	}
}

func TestReadReplyMany(t *testing.T) {
	src := strings.Replace(minimal, "term = 14", "term = 1.5\nfoo = 1", 1)
	_, err := ReadReply(strings.NewReader(src), "r.reply.toml")
	if err == nil || strings.Count(err.Error(), "\n") != 1 ||
		!strings.HasPrefix(err.Error(), "r.reply.toml 第5行：term") || !strings.Contains(err.Error(), "第6行：foo") {
		t.Errorf("ReadReply error = %v, want two errors in line order", err)
	}
}

// TestReadReplyDates: a date in any form reply.ParseDate reads does not
// stop the check, Chinese numerals included; an empty date is no date.
func TestReadReplyDates(t *testing.T) {
	for in, want := range map[string]reply.Date{
		`"二〇二三年六月二十日"`: {Year: 2023, Month: 6, Day: 20},
		`"二○二一年五月十八日"`: {Year: 2021, Month: 5, Day: 18},
		`"二〇二三年六月廿日"`:  {Year: 2023, Month: 6, Day: 20},
		`"2023.6.20"`:  {Year: 2023, Month: 6, Day: 20},
		`"２０２３年６月２０日"`: {Year: 2023, Month: 6, Day: 20},
		`""`:           {},
	} {
		r, err := ReadReply(strings.NewReader(strings.Replace(minimal, "date = 2023-06-20", "date = "+in, 1)), "r.reply.toml")
		if err != nil {
			t.Errorf("date = %s: %v", in, err)
		} else if r.Date != want {
			t.Errorf("date = %s: read %v, want %v", in, r.Date, want)
		}
	}
}

func TestReadReplyLenient(t *testing.T) {
	src := strings.NewReplacer(
		"date = 2023-06-20", `date = "2023年6月20日"`,
		"term = 14", `term = "第十四届"`,
		"session = 2", `session = "二"`,
		`number = "244"`, "number = 244",
		`proposers = ["董妍"]`, `proposers = "王远健、李明"`,
	).Replace(minimal) + "\n[contact]\nname = \"刘丽\"\nphone = 13578951242\n"
	src = strings.ReplaceAll(src, "\n", "\r\n")
	r, err := ReadReply(strings.NewReader(src), "r.reply.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := reply.Reply{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244",
		Proposers: []string{"王远健", "李明"}, ItemTitle: "关于推进产教融合的建议", Body: "第一段。\n第二段。",
		Issuer: "长春市教育局", Date: reply.Date{Year: 2023, Month: 6, Day: 20}, Seal: true,
		Contact: reply.Contact{Name: "刘丽", Phone: "13578951242"}}
	if !reflect.DeepEqual(*r, want) {
		t.Errorf("ReadReply = %+v\nwant %+v", *r, want)
	}
}

// full is a reply with every field set, and awkward text.
func full() *reply.Reply {
	return &reply.Reply{
		Style: "建议答复", Kind: reply.Suggestion, Assembly: "市人大", Term: 16, Session: 2, Number: "129",
		Proposers: []string{"王远健", "李明"}, ProposerCount: 7, ItemTitle: `关于"加强"\管理的建议`,
		LeadUnit: "市人社局", Category: "A", Disclosure: "主动公开", DocNumber: "长教函〔2023〕12号",
		Signer: "张三", Title: "关于市人大十六届二次会议\n第129号建议的答复", Salutation: "王远健等7位代表：",
		Opening: "您提出的建议收悉。", Body: "第一段\t有制表符。\n\n\"\"\"三个引号\"\"\"\n末段\\n不是换行\"",
		Closing: "特此函复。", AsHeading: []string{"第一段"}, AsText: []string{"末段", "\"\"\"三个"},
		Issuer: "长春市教育局", Date: reply.Date{Year: 2023, Month: 12, Day: 1},
		Contact: reply.Contact{Name: "王浪", Phone: "0431-66223882"}, Notes: []string{"此件公开发布"},
		CC: []string{"市人大常委会代表工作委员会", "市政府督查室"},
		Attachments: []reply.Attachment{
			{Title: "说明", Body: "附件正文一\n附件正文二"},
			{Title: "名单", Table: &reply.Table{Header: []string{"序号", "名称"}, Widths: []int{1, 4},
				Rows: [][]string{{"1", "一汽"}, {"2", "长客"}, nil}}},
			{},
		},
	}
}

func TestRoundTrip(t *testing.T) {
	for _, c := range []struct {
		name string
		r    *reply.Reply
	}{
		{"full", full()}, {"empty", &reply.Reply{}}, {"co-opinion", &reply.Reply{Kind: reply.CoOpinion, LeadUnit: "市人社局"}},
		{"shapes", shapes()},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteReply(&buf, c.r); err != nil {
				t.Fatal(err)
			}
			back, err := ReadReply(bytes.NewReader(buf.Bytes()), "rt.reply.toml")
			if err != nil {
				t.Fatalf("ReadReply(WriteReply(r)) error: %v\n%s", err, buf.String())
			}
			if !reflect.DeepEqual(back, c.r) {
				t.Errorf("round trip gave %+v\nwant %+v\nfile:\n%s", back, c.r, buf.String())
			}
		})
	}
}

// shapes is a reply with the shapes of real replies: two closing
// paragraphs, a contact block with its unit, a 承办负责人.
func shapes() *reply.Reply {
	r := full()
	r.Closing = "感谢您对教育工作的关心和支持。\n如有意见建议，欢迎随时与我们联系。"
	r.Contact = reply.Contact{Unit: "市教育局职成处", Name: "王浪", Phone: "0431-66223882"}
	r.Responsible = "张华"
	return r
}

func TestWriteReplyShapes(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteReply(&buf, shapes()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"closing = \"\"\"\n感谢您对教育工作的关心和支持。\n如有意见建议，欢迎随时与我们联系。\n\"\"\"\n",
		"[contact]\nunit = \"市教育局职成处\"\nname = \"王浪\"\nphone = \"0431-66223882\"\nresponsible = \"张华\"\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("WriteReply output lacks %q:\n%s", want, buf.String())
		}
	}
	// A file of one closing paragraph keeps it on one line, as before.
	buf.Reset()
	if err := WriteReply(&buf, full()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "closing = \"特此函复。\"\n") || strings.Contains(buf.String(), "\nunit =") {
		t.Errorf("WriteReply of a reply without the new fields changed its form:\n%s", buf.String())
	}
}

func TestUpdateReplyShapes(t *testing.T) {
	src := bytes.Replace([]byte(minimal), []byte("\n[signature]"), []byte("closing = \"特此函复。\"\n\n[signature]"), 1)
	src = append(src, []byte("\n[contact]\nname = \"刘丽\" # 联系人\nphone = \"13578951242\"\n")...)
	r := mustRead(t, src)
	if r.Closing != "特此函复。" {
		t.Fatalf("closing = %q", r.Closing)
	}
	r.Closing = "特此函复。\n欢迎继续关心支持我们的工作。"
	r.Contact.Unit = "市教育局职成处"
	r.Responsible = "张华"
	out, err := UpdateReply(src, r)
	if err != nil {
		t.Fatal(err)
	}
	if back := mustRead(t, out); !reflect.DeepEqual(back, r) {
		t.Errorf("updated file reads back as %+v\nwant %+v\n%s", back, r, out)
	}
	if !strings.Contains(string(out), "name = \"刘丽\" # 联系人") {
		t.Errorf("update lost the comment:\n%s", out)
	}
	// and back to one paragraph
	r.Closing = "特此函复。"
	out2, err := UpdateReply(out, r)
	if err != nil {
		t.Fatal(err)
	}
	if back := mustRead(t, out2); back.Closing != "特此函复。" {
		t.Errorf("closing = %q after update\n%s", back.Closing, out2)
	}
}

func TestWriteReplyLooksHandWritten(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteReply(&buf, full()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	order := []string{"kind = \"建议\"", "[item]", "term = 16", "proposer_count = 7", "[result]", "[document]",
		"cc = [\"市人大常委会代表工作委员会\", \"市政府督查室\"]", "[text]", "title = \"关于市人大十六届二次会议\\n第129号建议的答复\"",
		"body = \"\"\"\n第一段\t有制表符。\n\n\"\"\\\"三个引号\"\"\\\"\n末段\\\\n不是换行\"\n\"\"\"\n",
		"[signature]", "date = 2023-12-01", "seal = false", "[contact]", "[[attachments]]", "[attachments.table]",
		"rows = [\n  [\"1\", \"一汽\"],\n"}
	at := 0
	for _, o := range order {
		i := strings.Index(out[at:], o)
		if i < 0 {
			t.Fatalf("WriteReply output lacks %q after byte %d:\n%s", o, at, out)
		}
		at += i + len(o)
	}
}

func TestWriteReplyRefuses(t *testing.T) {
	for name, r := range map[string]*reply.Reply{
		"date":  {Date: reply.Date{Year: 2023, Month: 2, Day: 30}},
		"utf8":  {Body: "a\xffb"},
		"table": {Attachments: []reply.Attachment{{Table: &reply.Table{Header: []string{"\xfe"}}}}},
	} {
		t.Run(name, func(t *testing.T) {
			if err := WriteReply(&bytes.Buffer{}, r); err == nil || !strings.Contains(err.Error(), "写入答复件") {
				t.Errorf("WriteReply(%s) error = %v", name, err)
			}
		})
	}
}

func TestWriteReplyFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.reply.toml")
	if err := WriteReplyFile(path, full()); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	bad := full()
	bad.Date = reply.Date{Year: 2023, Month: 13, Day: 1}
	if err := WriteReplyFile(path, bad); err == nil {
		t.Fatal("WriteReplyFile with a bad date succeeded")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a failed WriteReplyFile changed the file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d files, want 1 (temporary files left behind?)", len(entries))
	}
	r, err := ReadReplyFile(path)
	if err != nil || !reflect.DeepEqual(r, full()) {
		t.Errorf("ReadReplyFile = %v, %v", r, err)
	}
	if _, err := ReadReplyFile(filepath.Join(dir, "missing.reply.toml")); err == nil || !strings.Contains(err.Error(), "读取答复件") {
		t.Errorf("ReadReplyFile(missing) error = %v", err)
	}
}

func TestFieldLine(t *testing.T) {
	src := []byte(minimal + "\n[document]\ncc = [\n  \"甲\",\n  \"乙\",\n]\n")
	for _, c := range []struct {
		field string
		para  int
		want  int
	}{
		{"item_title", -1, 9}, {"body", 1, 14}, {"body", -1, 12}, {"date", -1, 19},
		{"cc[1]", -1, 25}, {"contact.phone", -1, 0}, {"salutation", -1, 11}, {"nonsense", -1, 0},
	} {
		if got := FieldLine(src, c.field, c.para); got != c.want {
			t.Errorf("FieldLine(%s, %d) = %d, want %d", c.field, c.para, got, c.want)
		}
	}
}

func BenchmarkReadReply(b *testing.B) {
	src, err := os.ReadFile("../../templates/examples/reply-244.reply.toml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadReply(bytes.NewReader(src), "x"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteReply(b *testing.B) {
	r, err := ReadReplyFile("../../templates/examples/reply-244.reply.toml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteReply(&bytes.Buffer{}, r); err != nil {
			b.Fatal(err)
		}
	}
}
