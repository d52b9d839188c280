package layout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"replydesk/internal/segment"
)

// Costs of title breaks (see boundaryCost), in the unit of the balance
// term of bestBreaks: a line one character longer or shorter than the
// mean costs 2, three characters 18.
const (
	// wordCost is the cost of a break inside a word of the dictionary, taken
	// only when the title cannot be set otherwise (see titleBreaks).
	wordCost = 500
	// suffixCost is added to a break between a proper noun and the suffix
	// that makes it a place or unit name (长春|新区, 綦江|高新区): the
	// name is one word to the reader.
	suffixCost = 150
	// loneCost is added to a break beside a character the segmenter left
	// alone that is not a word of its own (金|博大, 溱|水路): most are
	// parts of names the dictionary lacks.
	loneCost = 100
	// leadCost is added to a break after a preposition or a verb that
	// leads into its object (关于|…, 对|…, 促进|…).
	leadCost = 90
	// shapeBias leans balanced titles towards the pyramid (see bestBreaks).
	shapeBias = 1.0
)

// Word classes of title breaking.
var (
	// zoneWords end the name of a place (长春|新区); unitWords end the name
	// of a unit, after a place (高新区|管委会) or a proper noun.
	zoneWords = wordSet("新区 高新区 开发区 经开区 保税区 综合保税区 自贸区 示范区 试验区 先行区 先导区 " +
		"集聚区 创新区 功能区 片区 园区 产业园 产业园区 工业园 工业园区 科技园 物流园 加工区 商业区 城区 " +
		"景区 社区 小区 街道 省 市 州 县 区 旗 盟 镇 乡 村 路 街 港")
	unitWords = wordSet("管委会 委员会 管理委员会 人民政府 政府 局 委 厅 办 处 院 所 站")
	// leaders are the prepositions and the verbs of titles that lead into
	// the words after them.
	leaders = wordSet("关于 对于 对 在 为 于 把 向 就 从 按 以 将 由 给 围绕 针对 通过 根据 按照 依托 " +
		"推动 推进 加快 促进 加强 加大 优化 完善 提高 提升 支持 建立 健全 打造 实施 设立 解决 缓解 打通 设置 减少 扶持")
	// functionWords are the single characters that are words of their
	// own; any other character the segmenter leaves alone is likely part
	// of a name.
	functionWords = wordSet("的 地 得 和 与 及 并 暨 或 等 对 在 为 于 把 向 就 从 按 以 将 由 给 之 其 各 本 该 每 第 号 届 次")
	// documentKinds are the kinds of item a reply answers: a break after
	// "的建议" closes the item's title, a phrase boundary.
	documentKinds = wordSet("建议 提案 议案 意见 批评")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// words are the words of a title segment, as rune offsets: the word that
// holds runes[j] spans start[j] to end[j].
type words struct {
	start, end []int32
	runes      []rune
}

// titleWords cuts seg, of n characters, into words (package segment).
func titleWords(seg string, n int) words {
	w := words{start: make([]int32, n), end: make([]int32, n), runes: []rune(seg)}
	j := 0
	for _, word := range segment.Words(seg) {
		k := utf8.RuneCountInString(word)
		for x := j; x < j+k && x < n; x++ {
			w.start[x], w.end[x] = int32(j), int32(j+k)
		}
		j += k
	}
	return w
}

// inside reports whether a break before runes[j] cuts a word.
func (w words) inside(j int) bool { return j > 0 && j < len(w.start) && int(w.start[j]) < j }

// before and after return the words on either side of a break before
// runes[j], 0 < j < len(runes), that is not inside a word.
func (w words) before(j int) []rune { return w.runes[w.start[j-1]:j] }
func (w words) after(j int) []rune  { return w.runes[j:w.end[j]] }

// Phrase edges that boundaryCost looks for, as characters.
var (
	huiyi  = []rune("会议")
	guanyu = []rune("关于")
)

// conjunction reports whether r is a conjunction a title line may start with.
func conjunction(r rune) bool { return strings.ContainsRune("和及与并暨", r) }

// boundaryCost rates a break before runes[j], 0 < j < len(runes), that
// falls between two words: 0 at a phrase boundary (after 会议, before
// 关于), low after an item number or the item's kind (…号, …的建议), more
// inside a phrase, and more again where it would part a name from its
// suffix, lose a character of a name or end a line with a preposition or
// a verb without its object.
func boundaryCost(runes []rune, j int, w words) float64 {
	before, after := runes[:j], runes[j:]
	last, next := before[len(before)-1], after[0]
	var c float64
	switch {
	case slices.Equal(before[max(0, len(before)-len(huiyi)):], huiyi), slices.Equal(after[:min(len(after), len(guanyu))], guanyu):
		return 0
	case last == '号' && documentKinds[string(w.after(j))]:
		c = 60 // 第128号|建议: the number names the item with its kind
	case last == '号', last == '》':
		c = 4
	case next == '第', next == '《':
		c = 8
	case documentKinds[string(w.before(j))] && int(w.start[j-1]) > 0 && runes[w.start[j-1]-1] == '的':
		c = 4 // …的建议 | 的答复
	case last == '的':
		c = 15
	case conjunction(next):
		c = 10 // a conjunction starts the next line
	case conjunction(last):
		c = 90
	case next == '的':
		c = 30
	default:
		c = 60
	}
	if prev, next := string(w.before(j)), string(w.after(j)); zoneWords[next] && !zoneWords[prev] && w.name(j) ||
		unitWords[next] && (zoneWords[prev] || w.name(j)) {
		c += suffixCost
	}
	if leaders[string(w.before(j))] {
		c += leadCost
	}
	if lone(w.before(j)) {
		c += loneCost
	}
	if lone(w.after(j)) {
		c += loneCost
	}
	return c
}

// lone reports whether word is a single Han character that is not a word
// of its own.
func lone(word []rune) bool {
	return len(word) == 1 && han(word[0]) && !functionWords[string(word)] && !zoneWords[string(word)] && !unitWords[string(word)]
}

// name reports whether the words before a break before runes[j] end with
// a proper noun (segment.Proper), or with a word after a lone character
// (金|博大: a name the dictionary reads as a character and a word).
func (w words) name(j int) bool {
	a := int(w.start[j-1])
	return segment.Proper(string(w.runes[a:j])) || a > 0 && lone(w.before(a))
}

func han(r rune) bool { return unicode.Is(unicode.Han, r) }
