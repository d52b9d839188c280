package recognize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The body: paragraphs between the opening and the signature, one a line as
// reply.Reply.Body holds them, headings (一、 （一） 1. （1）) kept at the start
// of their line; the closing is the last paragraph when it thanks the member
// or closes the letter; a paragraph broken by a page end is joined again.

var (
	headingRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+[.．、]|[（(][0-9]+[）)])`)
	closingRe = regexp.MustCompile(`^(?:感谢|非常感谢|再次感谢|衷心感谢|十分感谢|特此|在此|谢谢|最后|以上答复|此复|专此)|不妥之处|请批评指正|关心和支持|关心与支持|关心支持|多提宝贵意见|宝贵意见和建议|(?:感谢|谢谢)(?:您|你|你们|各位代表|各位委员|委员|代表)(?:一直以来)?对[^。！!]*(?:关心|支持|关注)`)
	// valediction is the 此致 / 敬礼 that may end a letter.
	valediction = map[string]bool{"此致": true, "敬礼": true, "此致敬礼": true, "敬礼！": true, "敬礼!": true}
)

// maxClosing is the length of the longest closing: a paragraph that
// thanks the member at the end of a long one is body. One that starts by
// thanking ("周博委员，感谢您对…") is a closing of any length.
const maxClosing = 150

// maxClosings is the most closing paragraphs a letter has.
const maxClosings = 2

// isClosing reports whether a paragraph closes the letter: it thanks the
// member or ends the reply, and is short or starts by thanking.
func isClosing(t string) bool {
	return closingRe.MatchString(t) && !isHeading(t) &&
		(utf8.RuneCountInString(t) <= maxClosing || closingStartRe.MatchString(t))
}

var closingStartRe = regexp.MustCompile(`^(?:\p{Han}{2,12}(?:委员|代表)[，,])?(?:感谢|非常感谢|衷心感谢|再次感谢|十分感谢|谢谢)`)

// isHeading reports whether t starts with a heading number.
func isHeading(t string) bool { return headingRe.MatchString(t) }

// body stores the paragraphs of ps as body and closing.
func (s *state) body(ps []para) {
	var lines []string
	for i, p := range ps {
		if isFurniture(p.text) && utf8.RuneCountInString(p.text) < 30 {
			s.note(p, "body", "第"+itoa(p.idx+1)+"段是网页内容，已略去：“"+p.text+"”")
			continue
		}
		if i > 0 && len(lines) > 0 && broken(lines[len(lines)-1], p.text) {
			lines[len(lines)-1] += p.text
			s.note(p, "body", "第"+itoa(p.idx+1)+"段接续上一段（原文在此断开），已合并")
			continue
		}
		lines = append(lines, p.text)
	}
	for n := len(lines); n > 0 && valediction[compact(lines[n-1])]; n = len(lines) {
		s.notes = append(s.notes, Note{Para: -1, Field: "closing", Message: "信末的“" + lines[n-1] + "”未录入"})
		lines = lines[:n-1]
	}
	// The closing: the last paragraph, and the one before it when it
	// closes the letter too ("感谢您……。" then "特此函复。"); a body of one
	// paragraph at least stays.
	for n := len(lines); n > 1 && isClosing(lines[n-1]) && (s.r.Closing == "" || n > 2); n = len(lines) {
		if s.r.Closing != "" {
			s.r.Closing = lines[n-1] + "\n" + s.r.Closing
		} else {
			s.r.Closing = lines[n-1]
		}
		lines = lines[:n-1]
		if strings.Count(s.r.Closing, "\n") == maxClosings-1 {
			break
		}
	}
	for _, l := range lines {
		s.r.Body = appendLine(s.r.Body, l)
	}
	if s.r.Signer == "" && s.r.Closing != "" {
		if name := signerIn(s.r.Closing); name != "" {
			s.r.Signer = name
			s.notes = append(s.notes, Note{Para: -1, Field: "signer", Message: "签发人“" + name + "”取自结束语“" + s.r.Closing + "”，请核对"})
		}
	}
}

var (
	// approvedRe is a sentence that names who approved the reply, as
	// some bureaus write it instead of a 签发人 line: "此复函已经霍小燕
	// 副书记审签", "已经镇政府镇长和满秀审阅".
	approvedRe = regexp.MustCompile(`(?:已经|已由|经)(\p{Han}{2,20}?)(?:审签|审阅|审定|签发)`)
	// officeRe are the posts a name is written with.
	officeRe = regexp.MustCompile(`(?:党组|党委|党工委)?(?:副)?(?:书记|局长|镇长|乡长|县长|区长|市长|主任|厅长|处长|署长|社长|院长|部长|主席|负责人|同志)`)
	// unitWordRe ends the name of a unit before a person's name.
	unitWordRe = regexp.MustCompile(`^\p{Han}*(?:政府|局|委|办|厅|镇|乡|街道|管委会|委员会)`)
)

// signerIn finds the name of the person a sentence says approved the
// reply (approvedRe): the two to four characters next to a post (after
// "镇长", before "副书记"), or the whole when it is only a name. "" when
// the sentence names none it can tell.
func signerIn(t string) string {
	m := approvedRe.FindStringSubmatch(t)
	if m == nil {
		return ""
	}
	who := m[1]
	locs := officeRe.FindAllStringIndex(who, -1)
	var name string
	switch {
	case len(locs) == 0:
		name = unitWordRe.ReplaceAllString(who, "")
	case locs[len(locs)-1][1] == len(who):
		// The post after the name: "霍小燕副书记".
		name = unitWordRe.ReplaceAllString(who[:locs[len(locs)-1][0]], "")
		if len(locs) > 1 {
			name = who[locs[len(locs)-2][1]:locs[len(locs)-1][0]]
		}
	default:
		// The post before it: "镇政府镇长和满秀".
		name = who[locs[len(locs)-1][1]:]
	}
	if n := utf8.RuneCountInString(name); n < 2 || n > 4 || containsAny(name, notNames) {
		return ""
	}
	return name
}

// notNames are words of who approved a reply that are not a person:
// "经局党组会议审定", "经领导班子集体审阅".
var notNames = []string{"会议", "研究", "集体", "领导", "党组", "班子", "讨论", "部门", "单位", "局长", "主任", "我局", "本局", "分管"}

// broken reports whether next continues prev, cut by a page end: prev is a
// long paragraph that does not end a sentence, and neither is a heading.
func broken(prev, next string) bool {
	if utf8.RuneCountInString(prev) < 20 || isHeading(prev) || isHeading(next) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(prev)
	return !strings.ContainsRune("。！？；：…”」』）)!?;:.", r)
}

// furniture are the words of web-page furniture around a published reply:
// crumbs, dates of publication, font size switches, print and close links.
var furniture = []string{
	"首页", "当前位置", "您的位置", "您现在的位置", "发布时间", "发布日期", "更新时间", "更新日期",
	"信息来源", "文章来源", "来源：", "来源:", "字号", "字体", "打印", "关闭", "浏览次数", "浏览量", "阅读次数",
	"访问量", "点击数", "分享到", "扫一扫", "登录", "注册", "无障碍", "适老", "长者模式", "上一篇",
	"下一篇", "责任编辑", "今天是", "欢迎访问", "索引号", "发布机构", "时效性", "视力保护色",
	"留言与评论", "热词", "【大】", "[大]", "大 中 小", "大中小", "主题分类", "体裁分类", "组配分类", "公文时效", "发文日期", "成文时间", "发文时间",
}

// furnitureLines are whole lines of furniture.
var furnitureLines = map[string]bool{
	"展开": true, "菜单": true, "有效": true, "文号": true, "正文": true, "分享": true, "收藏": true, "来源": true,
}

// isFurniture reports whether t is page furniture.
func isFurniture(t string) bool {
	c := compact(strings.TrimLeft(t, "•·|> "))
	if furnitureLines[c] || strings.Contains(t, ">") && strings.Contains(t, "首页") {
		return true
	}
	for _, w := range furniture {
		if strings.Contains(t, w) || strings.Contains(c, compact(w)) {
			return true
		}
	}
	return false
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// Labels are the words Letter consumes with the values they introduce
// ("签发人：张三" → Signer "张三"). Every other letter and digit of the input
// is kept in a field or a note.
var Labels = []string{
	"是否同意公开:是", "是否同意公开：是", "是否同意公开:否", "是否同意公开：否", "是否公开:是", "是否公开：是",
	"是否公开:否", "是否公开：否",
	"联系人姓名及电话", "联系人及联系电话", "联系人及电话", "联系单位及电话", "联系人姓名", "联系电话", "联系人",
	"联系方式", "电话", "抄送", "抄报", "附件", "签发人", "分类标识", "答复类别", "办复类别", "办理结果类别",
	"办理类别", "类别", "类型", "类", "是否同意公开", "是否公开", "公开属性", "公开类型", "公开方式", "公开选项",
	"承办负责人姓名", "承办单位负责人", "承办处室负责人", "承办科室负责人", "承办负责人",
	"联系单位", "承办单位", "承办处室", "承办科室", "领导签发", "信息名称", "文件名称", "标题", "名称", "承办人",
	"经办人", "注", "主要签发领导", "签发领导", "领导署名", "主办单位", "协办单位", "署名领导", "办理结果",
	// Last, so that 抄送： and 附件： go first.
	"送:", "送：", "附:", "附：",
}
