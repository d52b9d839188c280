package tomlfile

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"replydesk/internal/reply"
)

// walker reads a decoded TOML document (map[string]any) by a fixed schema,
// collecting an *Error with a line for every value of the wrong type and
// every unknown key.
type walker struct {
	file  string
	lines map[string]int
	errs  []*Error
}

// lineOf finds the line of path, or of its nearest ancestor on record.
func (w *walker) lineOf(path string) int {
	for path != "" {
		if l, ok := w.lines[path]; ok {
			return l
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0
}

func (w *walker) fail(path, format string, args ...any) {
	w.errs = append(w.errs, &Error{File: w.file, Line: w.lineOf(path), Key: path, Msg: fmt.Sprintf(format, args...)})
}

// table is one TOML table being read; it remembers which keys the schema
// asked for.
type table struct {
	w     *walker
	path  string
	m     map[string]any
	known []string
}

func (w *walker) root(m map[string]any) *table { return &table{w: w, m: m} }

func (t *table) key(k string) string { return join(t.path, k) }

// get returns the value of key k and marks k as known.
func (t *table) get(k string) (any, bool) {
	t.known = append(t.known, k)
	v, ok := t.m[k]
	return v, ok
}

// str reads a string; CR LF and lone CR become LF.
func (t *table) str(k string) string {
	v, ok := t.get(k)
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.w.fail(t.key(k), "应为文字，用英文双引号括起来，例如 %s = \"…\"", k)
		return ""
	}
	return newlines(s)
}

func newlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// text reads a multi-paragraph string, trailing newlines dropped.
func (t *table) text(k string) string { return strings.TrimRight(t.str(k), "\n") }

// integer reads a whole number ≥ 0 of at most max.
func (t *table) integer(k string, max int64, example string) int {
	v, ok := t.get(k)
	if !ok {
		return 0
	}
	n, ok := v.(int64)
	if !ok || n < 0 || n > max {
		t.w.fail(t.key(k), "应为不超过%d的非负整数，例如 %s = %s", max, k, example)
		return 0
	}
	return int(n)
}

// ordinal reads 届 or 次: an integer, or Chinese numerals ("十四", "第十四届").
func (t *table) ordinal(k, example string) int {
	v, ok := t.m[k]
	s, isStr := v.(string)
	if !ok || !isStr {
		return t.integer(k, 999, example)
	}
	t.known = append(t.known, k)
	s = strings.TrimPrefix(strings.TrimSpace(s), "第")
	for _, suffix := range []string{"次会议", "届", "次"} {
		s = strings.TrimSuffix(s, suffix)
	}
	n, err := reply.ParseNumeral(s)
	if err != nil || n < 0 || n > 999 {
		t.w.fail(t.key(k), "应为整数，例如 %s = %s", k, example)
		return 0
	}
	return n
}

func (t *table) boolean(k string) bool {
	v, ok := t.get(k)
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		t.w.fail(t.key(k), "应为 true（是）或 false（否），不加引号")
	}
	return b
}

// digits reads a string, or an integer written as its digits (number = 244,
// phone = 13578951242).
func (t *table) digits(k string) string {
	if n, ok := t.m[k].(int64); ok && n >= 0 {
		t.known = append(t.known, k)
		return strconv.FormatInt(n, 10)
	}
	return t.str(k)
}

// strs reads an array of strings; an empty array is nil.
func (t *table) strs(k string) []string {
	v, ok := t.get(k)
	if !ok {
		return nil
	}
	return t.strList(t.key(k), v, k)
}

func (t *table) strList(path string, v any, k string) []string {
	arr, ok := v.([]any)
	if !ok {
		t.w.fail(path, "应为文字列表，例如 %s = [\"甲\", \"乙\"]", k)
		return nil
	}
	var out []string
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			t.w.fail(path+index(i), "第%d项应为文字，用英文双引号括起来", i+1)
			continue
		}
		out = append(out, newlines(s))
	}
	return out
}

// names reads proposers: an array, or one string of names joined by 、.
func (t *table) names(k string) []string {
	if s, ok := t.m[k].(string); ok {
		t.known = append(t.known, k)
		var out []string
		for _, n := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、，,；;", r) }) {
			if n = strings.TrimSpace(n); n != "" {
				out = append(out, n)
			}
		}
		return out
	}
	return t.strs(k)
}

// date reads a TOML local date, or a string in any form reply.ParseDate
// reads ("2023年6月20日", "二〇二三年六月二十日"); an empty string is no date.
func (t *table) date(k string) reply.Date {
	v, ok := t.get(k)
	if !ok {
		return reply.Date{}
	}
	var date reply.Date
	switch d := v.(type) {
	case time.Time:
		if d.Location().String() == "date-local" {
			date = reply.DateOf(d)
		}
	case string:
		if strings.TrimSpace(d) == "" {
			return reply.Date{} // left empty: not set, as the file's comments say
		}
		var err error
		date, err = reply.ParseDate(d)
		var de *reply.DateError
		if errors.As(err, &de) && de.NoSuchDay {
			t.w.fail(t.key(k), "%v", err)
			return reply.Date{}
		}
	}
	if date.IsZero() {
		t.w.fail(t.key(k), "应为日期，例如 %s = 2023-06-20", k)
		return reply.Date{}
	}
	if !date.Valid() {
		t.w.fail(t.key(k), "应为1900年到2999年之间的日期，例如 %s = 2023-06-20", k)
		return reply.Date{}
	}
	return date
}

// sub returns the table under key k; an absent key gives an empty table.
func (t *table) sub(k string) *table {
	v, ok := t.get(k)
	sub := &table{w: t.w, path: t.key(k)}
	if !ok {
		return sub
	}
	if m, ok := v.(map[string]any); ok {
		sub.m = m
	} else {
		t.w.fail(t.key(k), "应为小节，例如 [%s]", t.key(k))
	}
	return sub
}

// subs returns the tables of an array of tables ([[k]]).
func (t *table) subs(k string) []*table {
	v, ok := t.get(k)
	if !ok {
		return nil
	}
	var maps []map[string]any
	switch a := v.(type) {
	case []map[string]any:
		maps = a
	case []any:
		for _, e := range a {
			m, ok := e.(map[string]any)
			if !ok {
				t.w.fail(t.key(k), "应为一组小节，每项以 [[%s]] 开头", t.key(k))
				return nil
			}
			maps = append(maps, m)
		}
	default:
		t.w.fail(t.key(k), "应为一组小节，每项以 [[%s]] 开头", t.key(k))
		return nil
	}
	out := make([]*table, len(maps))
	for i, m := range maps {
		out[i] = &table{w: t.w, path: t.key(k) + index(i), m: m}
	}
	return out
}

// end reports the keys of t the schema did not ask for.
func (t *table) end() {
	var unknown []string
	for k := range t.m {
		if !slices.Contains(t.known, k) {
			unknown = append(unknown, k)
		}
	}
	sort.Slice(unknown, func(i, j int) bool {
		return t.w.lineOf(t.key(unknown[i])) < t.w.lineOf(t.key(unknown[j]))
	})
	where := "顶层"
	if t.path != "" {
		where = "[" + t.path + "] 中"
	}
	for _, k := range unknown {
		t.w.fail(t.key(k), "是未知的键（拼写错误或放错了小节？）；%s可用的键：%s", where, strings.Join(t.known, "、"))
	}
}

// Error is a problem in a TOML file at a line, with a message in Chinese.
type Error struct {
	File string // the file's name as given, e.g. "reply-244.reply.toml"
	Line int    // 1-based; 0 when the line is not known
	Key  string // full key path, e.g. "signature.date", "attachments[0].title"; "" for syntax errors
	Msg  string // what is wrong and how to write it, in Chinese
}

// Error formats e as "reply-244.reply.toml 第12行：date 应为日期，例如
// 2023-06-20": the file, the line, the key as written on that line, the
// message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, " 第%d行", e.Line)
	}
	b.WriteString("：")
	if k := shortKey(e.Key); k != "" {
		b.WriteString(k + " ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// shortKey is the last piece of a key path without array indices, as it
// appears on its line: "attachments[0].title" → "title".
func shortKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	if i := strings.IndexByte(path, '['); i >= 0 {
		path = path[:i]
	}
	return path
}

// joinErrors sorts errs by line and joins them; nil when there are none,
// the error itself when there is one.
func joinErrors(errs []*Error) error {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	list := make([]error, len(errs))
	for i, e := range errs {
		list[i] = e
	}
	return errors.Join(list...)
}

// syntaxHints turn the toml package's messages into Chinese advice; the
// first whose text the message contains applies.
var syntaxHints = []struct{ contains, hint string }{
	{"already been defined", "键重复：同一个键只能写一次"},
	{"already created", "键重复或与小节名冲突"},
	{"is not a table", "键与小节名冲突：同一个名字不能既是键又是小节"},
	{"strings cannot contain newlines", "单行文字不能换行；多段文字请用三个双引号 \"\"\" 括起来"},
	{`expected '"""'`, "多行文字缺少结尾的 \"\"\""},
	{`expected "'''"`, "多行文字缺少结尾的 '''"},
	{`expected '"'`, "文字缺少结尾的双引号"},
	{`expected "'"`, "文字缺少结尾的单引号"},
	{"invalid datetime", "日期写法不对，应为 2023-06-20（月、日不足两位时补0）"},
	{"unexpected EOF", "文件意外结束：可能缺少结尾的引号、括号或等号后的值"},
	{"expected value", "等号后缺少值，或文字没有用双引号括起来"},
	{"invalid escape", "文字中的反斜杠 \\ 应写作 \\\\"},
	{"hexadecimal digits", "文字中的反斜杠 \\ 应写作 \\\\（\\u 后应有4位十六进制数字）"},
	{"Escaped character", "\\u 后的字符编码无效"},
	{"expected a top-level item to end with a newline", "一行只能写一个键，值后面缺少换行"},
	{"key separator '='", "键后面缺少等号 ="},
	{"expected '.' or '='", "键后面缺少等号 =；键名中有空格或中文标点时请用双引号括起来"},
	{"key name appears blank", "等号前缺少键名"},
	{"keys cannot start with a '.'", "键名不能以点开头"},
	{"unexpected '='", "多余的等号"},
	{"unexpected '.'", "多余的点"},
	{"table names cannot be empty", "小节名不能为空，例如 [item]"},
	{"table array name", "附件小节应写作 [[attachments]]"},
	{"table name", "小节名应以 ] 结尾，例如 [item]"},
	{"NULL bytes", "文件含有空字符，可能是 UTF-16 编码：请在记事本中“另存为”，编码选 UTF-8"},
	{"invalid UTF-8", "文件应以 UTF-8 编码保存"},
	{"control characters", "文字中含有不可见的控制字符，请删除"},
	{"newlines not allowed within inline tables", "花括号 { } 中不能换行"},
	{"inline table terminator", "花括号中的各项之间应以英文逗号分隔，并以 } 结尾"},
	{"expected a comma", "列表的各项之间应以英文逗号分隔，并以 ] 结尾"},
	{"unexpected comma", "多余的逗号"},
	{"out of range", "数字太大"},
	{"nteger", "整数写法不对；文字请用英文双引号括起来"},
	{"loat", "数字写法不对；文字请用英文双引号括起来"},
	{"number", "数字写法不对；文字请用英文双引号括起来"},
	{"digit", "数字写法不对；文字请用英文双引号括起来"},
}

// syntaxError turns an error of toml.Decode into an *Error in Chinese: a
// hint for the messages users meet, a general one otherwise, and the
// library's own (English) text only after it, in parentheses. An error
// the library places nowhere (at the end of src) is put on src's last line.
func syntaxError(file, src string, err error) *Error {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return &Error{File: file, Msg: "TOML 格式错误（" + err.Error() + "）"}
	}
	hint := "写法有误，请对照示例检查这一行"
	for _, h := range syntaxHints {
		if strings.Contains(pe.Message, h.contains) {
			hint = h.hint
			break
		}
	}
	line := pe.Position.Line
	if line <= 0 {
		line = strings.Count(strings.TrimSuffix(src, "\n"), "\n") + 1
	}
	return &Error{File: file, Line: line, Msg: "TOML 格式错误：" + hint + "（" + pe.Message + "）"}
}
