package ledger

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"replydesk/internal/reply"
)

// The words ledgers use for the same value, folded to the ledger's own.
var (
	kindWords = map[string]reply.Kind{
		"提案": reply.Proposal, "政协提案": reply.Proposal, "委员提案": reply.Proposal,
		"建议": reply.Suggestion, "人大建议": reply.Suggestion, "代表建议": reply.Suggestion,
		"人大代表建议": reply.Suggestion, "建议批评和意见": reply.Suggestion, "建议、批评和意见": reply.Suggestion,
	}
	modeWords = map[string]Mode{
		"主办": Lead, "主办单位": Lead, "牵头": Lead, "牵头办理": Lead, "单独办理": Lead, "独办": Lead,
		"协办": Assist, "协办单位": Assist, "配合": Assist, "会办": Joint, "会办单位": Joint,
		"分办": Split, "分别办理": Split,
	}
	statusWords = map[string]Status{
		"未办理": Pending, "未办": Pending, "待办": Pending, "待办理": Pending, "未开始": Pending, "已交办": Pending,
		"办理中": InProgress, "正在办理": InProgress, "在办": InProgress, "办理": InProgress,
		"已答复": Answered, "已办复": Answered, "已办结": Answered, "办结": Answered, "已复函": Answered, "已回复": Answered,
		"已反馈": FedBack, "已评价": FedBack, "已测评": FedBack,
	}
	satisfactionWords = map[string]Satisfaction{
		"满意": Satisfied, "非常满意": Satisfied,
		"基本满意": Basic, "比较满意": Basic,
		"不满意": Unsatisfied,
	}
	boolWords = map[string]bool{
		"是": true, "已见面": true, "见面": true, "已": true, "有": true, "√": true, "✓": true, "✔": true,
		"y": true, "yes": true, "true": true, "1": true,
		"否": false, "未见面": false, "未": false, "无": false, "×": false, "✗": false, "n": false, "no": false,
		"false": false, "0": false,
	}
)

// fold makes a cell comparable with the word lists: half-width, lower
// case, no spaces.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(reply.HalfWidth(s)), ""))
}

func choices[T ~string](vs []T) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = "“" + string(v) + "”"
	}
	return strings.Join(out, "、")
}

// ParseKind reads 提案 or 建议 (also 政协提案, 代表建议 …); empty is "".
func ParseKind(s string) (reply.Kind, error) {
	if fold(s) == "" {
		return "", nil
	}
	if k, ok := kindWords[fold(s)]; ok {
		return k, nil
	}
	return "", fmt.Errorf("“%s”不是有效的类型，应为“提案”或“建议”", s)
}

// ParseMode reads a handling mode (主办, 协办, 会办, 分办 and their
// synonyms); empty (or Unfilled) is "".
func ParseMode(s string) (Mode, error) {
	if fold(s) == "" || fold(s) == Unfilled {
		return "", nil
	}
	if m, ok := modeWords[fold(s)]; ok {
		return m, nil
	}
	return "", fmt.Errorf("“%s”不是有效的承办方式，应为%s之一", s, choices(Modes))
}

// ParseStatus reads a status (未办理, 办理中, 已答复, 已反馈 and their
// synonyms such as 已办结); empty is "" (the caller decides).
func ParseStatus(s string) (Status, error) {
	if fold(s) == "" {
		return "", nil
	}
	if st, ok := statusWords[fold(s)]; ok {
		return st, nil
	}
	return "", fmt.Errorf("“%s”不是有效的办理状态，应为%s之一", s, choices(Statuses))
}

// ParseSatisfaction reads 满意, 基本满意 or 不满意 (比较满意 counts as
// 基本满意); empty is "" (not rated yet).
func ParseSatisfaction(s string) (Satisfaction, error) {
	if fold(s) == "" {
		return "", nil
	}
	if v, ok := satisfactionWords[fold(s)]; ok {
		return v, nil
	}
	return "", fmt.Errorf("“%s”不是有效的满意度，应为%s之一，未反馈的留空", s, choices(Satisfactions))
}

// ParseBool reads 是/否 (also √, ×, 已见面, 未见面 …); empty (or
// Unfilled) is false.
func ParseBool(s string) (bool, error) {
	if fold(s) == "" || fold(s) == Unfilled {
		return false, nil
	}
	if v, ok := boolWords[fold(s)]; ok {
		return v, nil
	}
	return false, fmt.Errorf("“%s”应填写“是”或“否”", s)
}

var listSep = regexp.MustCompile(`\s*(?:、|，|,|；|;|/|／|\n|\s{2,}|\t)\s*`)

// SplitList splits names or units written in one cell: "市财政局、市发改委",
// "董妍，王远健", one per line.
func SplitList(s string) []string {
	var out []string
	for _, p := range listSep.Split(strings.TrimSpace(s), -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var countRe = regexp.MustCompile(`^(.*?)等\s*(\d+|[一二两三四五六七八九十百]+)\s*(?:人|位|名)(?:代表|委员)?$`)

// ParseProposers reads a 提出人 cell: "董妍", "董妍、王远健", or with a count
// "王远健等7人" / "王远健等七位代表" (count 7). count is 0 when the names are
// all there is.
func ParseProposers(s string) (names []string, count int) {
	s = strings.TrimSpace(s)
	if m := countRe.FindStringSubmatch(reply.HalfWidth(s)); m != nil {
		if n, err := reply.ParseNumeral(m[2]); err == nil {
			names = SplitList(m[1])
			if n > len(names) {
				return names, n
			}
			return names, 0
		}
	}
	return SplitList(s), 0
}

// ProposersText writes names the way ParseProposers reads them:
// "董妍、王远健", or "王远健等7人" when count exceeds the names.
func ProposersText(names []string, count int) string {
	s := strings.Join(names, "、")
	if count > len(names) && len(names) > 0 {
		s += "等" + strconv.Itoa(count) + "人"
	}
	return s
}

var categoryRe = regexp.MustCompile(`^[（(【\[]?\s*([A-Za-z]|甲|乙|丙|丁)\s*[)）】\]]?\s*类?$`)

// NormalizeCategory writes a category code without decoration: "B类",
// "（B）", "【b】" → "B"; "甲类" → "甲". Other text is kept trimmed.
func NormalizeCategory(s string) string {
	t := strings.TrimSpace(reply.HalfWidth(s))
	if m := categoryRe.FindStringSubmatch(t); m != nil {
		return strings.ToUpper(m[1])
	}
	return t
}

var meetingRe = regexp.MustCompile(`^(.*?)第?([零〇一二两三四五六七八九十百\d]+)\s*届(人民代表大会|人大|政协)?(?:委员会)?(?:常委会)?\s*第?([零〇一二两三四五六七八九十\d]+)\s*次(?:会议|全体会议|大会)?$`)

// ParseMeeting reads a 届次会议 cell: "市政协十四届二次会议",
// "市政协第十四届第二次会议", "十四届二次", "14届2次". ok is false when the
// text names no term and session.
func ParseMeeting(s string) (assembly string, term, session int, ok bool) {
	t := strings.Join(strings.Fields(reply.HalfWidth(s)), "")
	m := meetingRe.FindStringSubmatch(t)
	if m == nil {
		return "", 0, 0, false
	}
	term, err1 := reply.ParseNumeral(strings.ReplaceAll(m[2], "两", "二"))
	session, err2 := reply.ParseNumeral(strings.ReplaceAll(m[4], "两", "二"))
	if err1 != nil || err2 != nil || term <= 0 || session <= 0 {
		return "", 0, 0, false
	}
	assembly = m[1]
	if body := strings.Replace(m[3], "人民代表大会", "人大", 1); body != "" && KindOfAssembly(assembly) == "" {
		assembly += body // "区十八届人大二次会议" → 区人大
	}
	return assembly, term, session, true
}

func setMeeting(it *Item, s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	a, term, session, ok := ParseMeeting(s)
	if !ok {
		return fmt.Errorf("“%s”不是届次会议，应写作“市政协十四届二次会议”或“十四届二次”", s)
	}
	if a != "" {
		it.Assembly = a
	}
	it.Term, it.Session = term, session
	return nil
}

// KindOfAssembly guesses the kind of items an assembly receives: 提案 for a
// 政协, 建议 for a 人大; "" when the name says neither.
func KindOfAssembly(assembly string) reply.Kind {
	switch {
	case strings.Contains(assembly, "政协"):
		return reply.Proposal
	case strings.Contains(assembly, "人大") || strings.Contains(assembly, "人民代表大会"):
		return reply.Suggestion
	}
	return ""
}
