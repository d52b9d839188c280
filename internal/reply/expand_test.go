package reply

import (
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	r := seedReply(t)
	r.LeadUnit, r.DocNumber, r.Signer = "市人社局", "长教函〔2023〕12号", "张三"
	for _, c := range []struct{ formula, want string }{
		{"对{assembly}第{term_cn}届第{session_cn}次会议第{number}号提案的答复", "对市政协第十四届第二次会议第244号提案的答复"},
		{"{proposers}{address}：", "董妍委员："},
		{"{term}/{session}/{kind}/{item_kind}", "14/2/提案/提案"},
		{"《{item_title}》", "《关于进一步推进职业教育产教融合、校企合作的建议》"},
		{"{lead_unit}|{issuer}|{category}|{disclosure}", "市人社局|长春市教育局|B|同意公开"},
		{"联系人姓名及电话：{contact_name} {contact_phone}", "联系人姓名及电话：刘丽 13578951242"},
		{"{date} {doc_number} {signer}", "2023年6月20日 长教函〔2023〕12号 张三"},
		{"{unknown}与{number}", "{unknown}与244"},
		{"{{number}}", "{244}"},
		{"{number", "{number"},
		{"无占位符", "无占位符"},
	} {
		t.Run(c.formula, func(t *testing.T) {
			if got := Expand(c.formula, r); got != c.want {
				t.Errorf("Expand(%q) = %q, want %q", c.formula, got, c.want)
			}
		})
	}
}

func TestExpandUnset(t *testing.T) {
	if got := Expand("第{term_cn}届{session}次{date}", &Reply{}); got != "第届次" {
		t.Errorf("Expand of unset fields = %q, want %q", got, "第届次")
	}
}

func TestFormulaErrors(t *testing.T) {
	for _, c := range []struct {
		formula string
		want    []string // substrings, one per error
	}{
		{"{proposers}{address}：", nil},
		{"{proposer}委员：", []string{"未知的占位符{proposer}"}},
		{"{number号", []string{"没有配对"}},
		{"第{number}}号", []string{"多余的“}”"}},
		{"{a}{b}", []string{"{a}", "{b}"}},
	} {
		t.Run(c.formula, func(t *testing.T) {
			got := FormulaErrors(c.formula)
			if len(got) != len(c.want) {
				t.Fatalf("FormulaErrors(%q) = %q, want %d errors", c.formula, got, len(c.want))
			}
			for i, w := range c.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("FormulaErrors(%q)[%d] = %q, want it to contain %q", c.formula, i, got[i], w)
				}
			}
		})
	}
}

func TestPlaceholders(t *testing.T) {
	got := strings.Join(Placeholders(), " ")
	for _, want := range []string{"assembly", "term_cn", "session_cn", "proposers", "address", "contact_phone", "signer"} {
		if !strings.Contains(got, want) {
			t.Errorf("Placeholders() = %s, missing %s", got, want)
		}
	}
}

func TestFormulaFields(t *testing.T) {
	for formula, want := range map[string]string{
		"联系人：{contact_name}，联系电话：{contact_phone}":               "contact.name contact.phone",
		"对{assembly}第{term_cn}届第{session_cn}次会议第{number}号提案的答复": "assembly term session number",
		"{proposers}{address}：":  "proposers kind",
		"签发人：{signer}{signer}":   "signer",
		"{{doc_number}} {foo} {": "doc_number",
		"":                       "",
	} {
		if got := strings.Join(FormulaFields(formula), " "); got != want {
			t.Errorf("FormulaFields(%q) = %q, want %q", formula, got, want)
		}
	}
}
