package recognize

import "testing"

func TestSignerIn(t *testing.T) {
	for text, want := range map[string]string{
		"此复函已经霍小燕副书记审签。对以上答复你们有什么意见，请及时填写。": "霍小燕",
		"以上答复，已经镇政府镇长和满秀审阅，您对此有何意见，请填写回执。":  "和满秀",
		"本答复已经局长王建国签发。":                     "王建国",
		"本答复已由张三审签。":                        "张三",
		"以上答复经局党组会议审定。":                     "",
		"本答复已经领导班子集体审阅。":                    "",
		"感谢您对我局工作的关心和支持。":                   "",
		"经研究审定，现答复如下。":                      "",
	} {
		if got := signerIn(text); got != want {
			t.Errorf("signerIn(%q) = %q, want %q", text, got, want)
		}
	}
}
