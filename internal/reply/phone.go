package reply

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Telephone numbers as bureaus print them on a contact line. Published
// replies show, besides mobile numbers and landlines with their area
// code: local numbers without the area code ("联系电话:56155520",
// "联系人及电话:陈景超 3520137" — 8 digits in a large city, 7 in a small
// county), dashes of every width ("0763—6269263"), extensions ("转8012",
// "分机8012", "0431-88888888-8012"), nationwide service numbers
// (400-xxx-xxxx, 800-xxx-xxxx, the 123xx hotlines), a note in brackets
// ("0515-88191321(传真)") and several numbers in one field
// ("84688931、84688933", "15062429200/15062429300").

// PhoneKind is what kind of number a Phone is.
type PhoneKind int

// Kinds of number.
const (
	Mobile   PhoneKind = iota + 1 // 11 digits, 1[3-9]…: 13578951242
	Landline                      // area code and local number: 0431-88888888
	Local                         // local number without its area code: 88888888
	Service                       // nationwide number: 400-123-4567, 12345, 95598
)

// Phone is one number of a phone field.
type Phone struct {
	Kind   PhoneKind
	Area   string // area code with its leading 0, e.g. "0431"; Landline only
	Number string // the digits without area code and extension
	Ext    string // extension (分机) digits, e.g. "8012"; "" = none
	Note   string // a note in brackets after the number, e.g. "传真"; "" = none
}

// String writes p in the usual printed form: "13578951242",
// "0431-88888888转8012", "400-123-4567", "88888888（传真）".
func (p Phone) String() string {
	var b strings.Builder
	switch {
	case p.Kind == Landline:
		b.WriteString(p.Area + "-" + p.Number)
	case p.Kind == Service && len(p.Number) == 10:
		b.WriteString(p.Number[:3] + "-" + p.Number[3:6] + "-" + p.Number[6:])
	default:
		b.WriteString(p.Number)
	}
	if p.Ext != "" {
		b.WriteString("转" + p.Ext)
	}
	if p.Note != "" {
		b.WriteString("（" + p.Note + "）")
	}
	return b.String()
}

// halfForms maps full-width digits and marks of phone numbers to ASCII,
// and every dash to the hyphen.
var halfForms = strings.NewReplacer(
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5",
	"６", "6", "７", "7", "８", "8", "９", "9", "－", "-", "—", "-", "–", "-",
	"―", "-", "‐", "-", "‑", "-", "（", "(", "）", ")", "＋", "+", "\u3000", " ",
)

// NormalizePhone writes full-width digits, dashes, brackets and spaces of
// a phone number in ASCII and trims it: "０７６３—６２６９２６３" →
// "0763-6269263".
func NormalizePhone(s string) string {
	return strings.TrimSpace(halfForms.Replace(s))
}

// ValidPhone reports whether ParsePhones reads s.
func ValidPhone(s string) bool {
	_, err := ParsePhones(s)
	return err == nil
}

// maxPhoneField is the longest phone field ParsePhones reads, in bytes.
const maxPhoneField = 512

var (
	// phoneSep separates several numbers: 、 ， , ； ; / ／ or 或.
	phoneSep = regexp.MustCompile(`\s*(?:、|，|,|；|;|/|／|或)\s*`)
	// phoneLabel is a word before a number saying which line it is.
	phoneLabel = regexp.MustCompile(`^(?:手机号?|座机|固话|办公室|办公电话|值班电话|传真)\s*[:：]?\s*`)
	// phoneNote is a note in brackets after a number: (传真) (办公室).
	phoneNote = regexp.MustCompile(`\s*[(（]\s*(\p{Han}{1,8})\s*[)）]$`)
	// phoneExt is an extension after a number: 转8012, 分机8012, (转8012), ext.8012.
	phoneExt = regexp.MustCompile(`(?i)\s*[(（]?\s*(?:转|分机号?|ext\.?|x)\s*[:：]?\s*([0-9]{1,6})\s*[)）]?$`)
	// dashExt is an extension written after a dash: 0431-88888888-8012.
	dashExt = regexp.MustCompile(`-([0-9]{1,6})$`)
	// explicitArea is an area code set off by brackets, a dash or a space.
	explicitArea = regexp.MustCompile(`^\(?(0[0-9]{2,3})(?:\)\s*-?|\s*-|\s)\s*(.*)$`)
)

// ParsePhones reads a phone field: one number or several separated by
// 、 ， ； / or 或 (or by spaces, when each part is a whole number). A
// number is a mobile number of 11 digits starting with 13–19 (a
// +86 in front is allowed), a landline with its area code (0431-88888888,
// (0431)88888888, 043188888888), a local number of 7 or 8 digits without
// the area code, or a service number (400/800 and 7 digits, 123xx, 95xxx);
// a landline, local or service number may have an extension (转8012,
// 分机8012, -8012) and any number a note in brackets ((传真)). Digits
// are ASCII: use NormalizePhone on typed text first. The error, in
// Chinese, quotes the number that is wrong and says why.
func ParsePhones(s string) ([]Phone, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, &PhoneError{Why: "没有号码"}
	}
	if len(s) > maxPhoneField {
		return nil, &PhoneError{Part: cut(s, 20) + "…", Why: fmt.Sprintf("太长（超过%d个字符），请只写电话号码", maxPhoneField)}
	}
	if !utf8.ValidString(s) {
		return nil, &PhoneError{Part: s, Why: "含有无法识别的字符"}
	}
	var out []Phone
	for _, part := range phoneSep.Split(s, -1) {
		if part == "" {
			return nil, &PhoneError{Part: s, Why: "的分隔符前后缺少号码"}
		}
		p, err := parsePhone(part)
		if err == nil {
			out = append(out, p)
			continue
		}
		err.Part = part
		// "0431-88888888 13578951242": numbers separated by spaces.
		words := strings.Fields(part)
		if len(words) < 2 {
			return nil, err
		}
		var ps []Phone
		for _, w := range words {
			p, werr := parsePhone(w)
			if werr != nil {
				return nil, err
			}
			ps = append(ps, p)
		}
		out = append(out, ps...)
	}
	return out, nil
}

// PhoneError is what is wrong with a phone field.
type PhoneError struct {
	Part string // the number that is wrong, as written; "" when the field is empty
	Why  string // in Chinese, e.g. "是10位：手机号应为11位"
}

// Error quotes the number and says why it is wrong:
// "“1357895124”是10位：手机号应为11位".
func (e *PhoneError) Error() string {
	if e.Part == "" {
		return e.Why
	}
	return "“" + e.Part + "”" + e.Why
}

func perr(s, format string, args ...any) *PhoneError {
	return &PhoneError{Part: s, Why: fmt.Sprintf(format, args...)}
}

// parsePhone reads one number with its label, note and extension.
func parsePhone(s string) (Phone, *PhoneError) {
	s = strings.TrimSpace(phoneLabel.ReplaceAllString(strings.TrimSpace(s), ""))
	var note, ext string
	if m := phoneNote.FindStringSubmatch(s); m != nil {
		note, s = m[1], strings.TrimSpace(s[:len(s)-len(m[0])])
	}
	if m := phoneExt.FindStringSubmatch(s); m != nil {
		ext, s = m[1], strings.TrimSpace(s[:len(s)-len(m[0])])
	}
	p, err := phoneCore(s)
	if err != nil && ext == "" {
		// 0431-88888888-8012: the last group may be an extension.
		if m := dashExt.FindStringSubmatch(s); m != nil {
			if q, qerr := phoneCore(s[:len(s)-len(m[0])]); qerr == nil && q.Kind != Mobile {
				p, err, ext = q, nil, m[1]
			}
		}
	}
	if err != nil {
		return Phone{}, err
	}
	if ext != "" && p.Kind == Mobile {
		return Phone{}, perr(s, "：手机号没有分机")
	}
	p.Ext, p.Note = ext, note
	return p, nil
}

// phoneCore reads a number without label, note or extension.
func phoneCore(s string) (Phone, *PhoneError) {
	if err := phoneChars(s); err != nil {
		return Phone{}, err
	}
	if m := explicitArea.FindStringSubmatch(s); m != nil && !strings.HasPrefix(s, "00") {
		if strings.ContainsAny(m[2], "()") {
			return Phone{}, perr(s, "：括号只用于区号，如 (0431)88888888")
		}
		return landline(s, m[1], digitsOf(m[2]), true)
	}
	if strings.ContainsAny(s, "()") {
		return Phone{}, perr(s, "：括号只用于区号，如 (0431)88888888")
	}
	d := digitsOf(s)
	intl := strings.HasPrefix(s, "+")
	switch {
	case d == "":
		return Phone{}, perr(s, "没有数字")
	case intl || strings.HasPrefix(d, "0086") || len(d) == 13 && strings.HasPrefix(d, "86"):
		rest := strings.TrimPrefix(strings.TrimPrefix(d, "00"), "86")
		if !strings.HasPrefix(d, "86") && !strings.HasPrefix(d, "0086") || !isMobile(rest) {
			return Phone{}, perr(s, "：国家代码+86后应为11位手机号")
		}
		return Phone{Kind: Mobile, Number: rest}, nil
	case d[0] == '1':
		return mobile(s, d)
	case len(d) == 10 && (strings.HasPrefix(d, "400") || strings.HasPrefix(d, "800")):
		return Phone{Kind: Service, Number: d}, nil
	case strings.HasPrefix(d, "400") || strings.HasPrefix(d, "800"):
		return Phone{}, perr(s, "：%s电话应为10位，如 %s-123-4567，这里是%d位", d[:3], d[:3], len(d))
	case strings.HasPrefix(d, "95") && (len(d) == 5 || len(d) == 6):
		return Phone{Kind: Service, Number: d}, nil
	case d == "0" || d == "00":
		return Phone{}, perr(s, "不是电话号码")
	case d[0] == '0':
		n := 4
		if d[1] == '1' || d[1] == '2' {
			n = 3
		}
		if len(d) <= n {
			return Phone{}, perr(s, "只有区号，缺少号码")
		}
		return landline(s, d[:n], d[n:], false)
	case len(d) == 7 || len(d) == 8:
		return Phone{Kind: Local, Number: d}, nil
	}
	return Phone{}, perr(s, "是%d位：固定电话（不带区号）应为7到8位，手机号应为11位", len(d))
}

// phoneChars checks the characters of a number: digits, "-", spaces,
// brackets and a leading "+" only.
func phoneChars(s string) *PhoneError {
	if s == "" {
		return perr(s, "缺少号码")
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '-' || r == ' ' || r == '(' || r == ')' || r == '+') {
			if r > unicode.MaxASCII && (unicode.IsDigit(r) || strings.ContainsRune("－—–―（）＋", r)) {
				return perr(s, "含有全角数字或符号，应写半角")
			}
			return perr(s, "含有“%c”，电话号码只能有数字和“-”", r)
		}
	}
	if strings.Contains(s, "--") {
		return perr(s, "有连续的“-”")
	}
	if strings.LastIndexByte(s, '+') > 0 {
		return perr(s, "：“+”只用在国家代码+86之前")
	}
	return nil
}

// mobile reads d, the digits of s, which start with 1.
func mobile(s, d string) (Phone, *PhoneError) {
	switch {
	case len(d) == 5 && strings.HasPrefix(d, "123"):
		return Phone{Kind: Service, Number: d}, nil // 12345, 12315 …
	case len(d) != 11:
		return Phone{}, perr(s, "是%d位：手机号应为11位", len(d))
	case !isMobile(d):
		return Phone{}, perr(s, "不是手机号：手机号的第二位是3到9")
	}
	return Phone{Kind: Mobile, Number: d}, nil
}

func isMobile(d string) bool {
	return len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9' && digitsOnly(d)
}

// landline checks an area code and the local number after it. explicit
// says the area code was set off by a bracket, dash or space.
func landline(s, area, local string, explicit bool) (Phone, *PhoneError) {
	if !ValidAreaCode(area) {
		return Phone{}, perr(s, "：区号“%s”不对，区号是0开头的3到4位数字，如 010、0431", area)
	}
	switch {
	case local == "":
		return Phone{}, perr(s, "只有区号，缺少号码")
	case local[0] == '0':
		return Phone{}, perr(s, "：区号后的号码不以0开头，区号是否写了两次？")
	case len(area) == 3 && len(local) != 8:
		return Phone{}, perr(s, "：区号%s后的号码应为8位，这里是%d位", area, len(local))
	case len(local) != 7 && len(local) != 8:
		if !explicit && len(local) > 8 {
			return Phone{}, perr(s, "是%d位：带区号的固定电话应为10到12位，如 0431-88888888", len(area)+len(local))
		}
		return Phone{}, perr(s, "：区号%s后的号码应为7到8位，这里是%d位", area, len(local))
	}
	return Phone{Kind: Landline, Area: area, Number: local}, nil
}

// ValidAreaCode reports whether s is a Chinese area code: 010, 020–029,
// or 0 and three digits from 0300 on.
func ValidAreaCode(s string) bool {
	if !digitsOnly(s) || len(s) < 3 || s[0] != '0' {
		return false
	}
	switch len(s) {
	case 3:
		return s == "010" || s[1] == '2'
	case 4:
		return s[1] >= '3'
	}
	return false
}

// digitsOf returns the ASCII digits of s.
func digitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
