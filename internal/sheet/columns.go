package sheet

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"replydesk/internal/ledger"
	"replydesk/internal/reply"
)

// Mapping says which column of the sheet (0-based) holds each ledger
// field. A field that is not in the mapping is not read.
type Mapping map[ledger.FieldKey]int

// Clone returns a copy of m.
func (m Mapping) Clone() Mapping {
	c := make(Mapping, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// Field returns the field read from column col, or "".
func (m Mapping) Field(col int) ledger.FieldKey {
	for k, v := range m {
		if v == col {
			return k
		}
	}
	return ""
}

// Keys returns the mapped fields in the order of ledger.Fields.
func (m Mapping) Keys() []ledger.FieldKey {
	var out []ledger.FieldKey
	for _, f := range ledger.Fields {
		if _, ok := m[f.Key]; ok {
			out = append(out, f.Key)
		}
	}
	return out
}

// Override returns m with the columns of o: o[k] = col moves field k to
// col (the field that was read from col is no longer read), o[k] = -1
// stops reading k.
func (m Mapping) Override(o Mapping) Mapping {
	out := m.Clone()
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, string(k))
	}
	sort.Strings(keys) // deterministic when o maps two fields to one column
	for _, ks := range keys {
		k, col := ledger.FieldKey(ks), o[ledger.FieldKey(ks)]
		delete(out, k)
		if col < 0 {
			continue
		}
		if other := out.Field(col); other != "" {
			delete(out, other)
		}
		out[k] = col
	}
	return out
}

// Column is one column of an imported sheet.
type Column struct {
	Index  int             // 0-based
	Letter string          // "A", "B", …, "AA"
	Header string          // the header as written in the file (the sub-header under a merged one)
	Field  ledger.FieldKey // the field read from it, "" = ignored
}

// seqKey marks the 序号 column: recognized as part of a header, never read.
const seqKey ledger.FieldKey = "seq"

// synonyms are the headers seen in real 交办清单 and 汇总表, by field. The
// first of each list is ledger.Fields' label or the usual name.
var synonyms = map[ledger.FieldKey][]string{
	seqKey:          {"序号", "序", "顺序号", "no", "no."},
	ledger.FKind:    {"类型", "件类", "类别(提案/建议)", "提案建议", "建议提案", "种类", "来源"},
	ledger.FMeeting: {"届次会议", "届次", "会议", "届次会次", "届会", "会次", "届别"},
	ledger.FNumber:  {"编号", "提案号", "建议号", "案号", "提案编号", "建议编号", "议案号", "件号", "序列号", "编码", "文号编号"},
	ledger.FTitle:   {"案由", "标题", "题目", "提案标题", "建议标题", "提案题目", "建议题目", "提案案由", "建议案由", "案题", "提案名称", "建议名称", "名称", "事由", "主题"},
	ledger.FProposers: {"提出人", "提案人", "领衔代表", "领衔人", "领衔", "提出人(领衔)", "领衔提案人", "第一提案人", "提案者",
		"代表姓名", "委员姓名", "代表", "委员", "提出者", "姓名", "领衔委员"},
	ledger.FCoSigners:    {"联名人", "附议人", "联名代表", "联名委员", "联署人", "联名提出人", "附议代表", "联名"},
	ledger.FDelegation:   {"代表团/界别", "代表团", "界别", "界别/代表团", "所属代表团", "所在代表团", "提案人界别", "界别(代表团)", "代表团(界别)", "组别"},
	ledger.FLeadUnit:     {"主办单位", "主办", "承办单位", "牵头单位", "主办部门", "牵头部门", "主办单位名称", "承办部门", "主办(牵头)单位"},
	ledger.FCoUnits:      {"协办单位", "协办", "会办单位", "配合单位", "协办部门", "会办", "会办部门", "协办(会办)单位", "分办单位"},
	ledger.FMode:         {"承办方式", "办理方式", "办理类型", "主协办", "主办/协办", "承办类型", "承办性质"},
	ledger.FAssigned:     {"交办日期", "交办时间", "交办", "下发日期", "转办日期", "交办日"},
	ledger.FDeadline:     {"办理期限", "办结期限", "答复期限", "期限", "截止日期", "办结时限", "答复时限", "办理时限", "截止时间", "应办结日期"},
	ledger.FStatus:       {"办理状态", "状态", "办理情况", "办理进度", "进度", "办结情况", "是否办结"},
	ledger.FReplied:      {"答复日期", "答复时间", "办结日期", "复函日期", "办复日期", "办结时间", "答复日"},
	ledger.FDocNumber:    {"发文字号", "文号", "答复文号", "复函文号", "发文号"},
	ledger.FSigner:       {"签发人", "签发领导", "签发"},
	ledger.FCategory:     {"答复类别", "办复类别", "类别", "答复类型", "结果类别", "办理结果类别", "办理类别", "复函类别", "答复结果"},
	ledger.FDisclosure:   {"公开属性", "公开方式", "是否公开", "公开", "公开类型"},
	ledger.FMet:          {"是否见面沟通", "见面沟通", "是否见面", "当面沟通", "是否当面沟通", "面商"},
	ledger.FSatisfaction: {"满意度", "满意程度", "反馈意见", "代表意见", "委员意见", "评价", "测评结果", "满意情况", "反馈结果", "代表反馈", "委员反馈"},
	ledger.FContact:      {"联系人", "经办人", "承办人", "具体承办人", "联系人姓名"},
	ledger.FPhone:        {"联系电话", "电话", "手机", "联系方式", "手机号", "联系人电话", "电话号码"},
	ledger.FNotes:        {"备注", "说明", "其他"},
}

// headerIndex maps a folded header to its field.
var headerIndex = func() map[string]ledger.FieldKey {
	m := map[string]ledger.FieldKey{}
	for k, names := range synonyms {
		for _, n := range names {
			m[foldHeader(n)] = k
		}
	}
	return m
}()

var (
	bracketed   = regexp.MustCompile(`[(（【\[].*?[)）】\]]`)
	headerNoise = strings.NewReplacer("*", "", "＊", "", ":", "", "：", "", "\u00a0", "")
)

// foldHeader makes a header comparable: half-width, lower case, without
// spaces, line breaks, required-field stars and a trailing colon.
func foldHeader(s string) string {
	s = strings.ToLower(reply.HalfWidth(headerNoise.Replace(s)))
	return strings.Join(strings.Fields(s), "")
}

// MatchHeader returns the field a header names ("提案号" → number,
// "交办日期（年月日）" → assigned), or "" when it names none.
func MatchHeader(h string) ledger.FieldKey {
	f := foldHeader(h)
	if f == "" {
		return ""
	}
	if k, ok := headerIndex[f]; ok {
		return k
	}
	if s := bracketed.ReplaceAllString(f, ""); s != "" && s != f {
		return headerIndex[s]
	}
	return ""
}

// FieldLabel names a field in Chinese as the 汇总表 heads its column.
func FieldLabel(k ledger.FieldKey) string {
	if f, ok := ledger.FieldOf(k); ok {
		return f.Label
	}
	if k == seqKey {
		return "序号"
	}
	return string(k)
}

// Synonyms returns the headers recognized for a field, for a mapping
// editor's hint ("也可叫 提案号、建议号、案号").
func Synonyms(k ledger.FieldKey) []string {
	return slices.Clone(synonyms[k])
}

// letter returns the column letter of 0-based index i.
func letter(i int) string {
	s, _ := excelize.ColumnNumberToName(i + 1)
	return s
}

// ParseColumn reads a column given as a letter ("C", "aa") or a 1-based
// number ("3") into a 0-based index.
func ParseColumn(s string) (int, error) {
	s = strings.TrimSpace(reply.HalfWidth(s))
	var n int
	if _, err := fmt.Sscanf(s, "%d", &n); err == nil && fmt.Sprint(n) == s {
		if n < 1 || n > excelize.MaxColumns {
			return 0, fmt.Errorf("列号“%s”超出范围", s)
		}
		return n - 1, nil
	}
	n, err := excelize.ColumnNameToNumber(strings.ToUpper(s))
	if err != nil {
		return 0, fmt.Errorf("“%s”不是列名，应写作 A、B、C… 或列号 1、2、3…", s)
	}
	return n - 1, nil
}
