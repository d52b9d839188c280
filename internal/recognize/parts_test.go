package recognize

import (
	"testing"

	"replydesk/internal/reply"
)

func TestParseMarks(t *testing.T) {
	for _, c := range []struct {
		in   string
		want marks
		ok   bool
	}{
		{"【B】", marks{category: "B"}, true},
		{"类别：A类", marks{category: "A"}, true},
		{"(A)类", marks{category: "A"}, true},
		{"办复类别：B", marks{category: "B"}, true},
		{"类 别:B", marks{category: "B"}, true},
		{"【同意公开】", marks{disclosure: "同意公开"}, true},
		{"是否同意公开【主动公开】", marks{disclosure: "主动公开"}, true},
		{"依申请公开", marks{disclosure: "依申请公开"}, true},
		{"长教提字[2023]12号", marks{docNumber: "长教提字[2023]12号"}, true},
		{"琼土环资函〔2006〕187号 B", marks{docNumber: "琼土环资函〔2006〕187号", category: "B"}, true},
		{"长房议字〔2025〕11号 签发人:赵洪利", marks{docNumber: "长房议字〔2025〕11号", signer: "赵洪利"}, true},
		{"某水函〔2024〕105号 乙类\t签发人：孙立", marks{docNumber: "某水函〔2024〕105号", category: "乙", signer: "孙立"}, true},
		{"对市政协第十四届第二次会议第244号提案的答复", marks{}, false},
		{"同意公开的信息请见附件", marks{}, false},
	} {
		t.Run(c.in, func(t *testing.T) {
			got, ok := parseMarks(c.in)
			if ok != c.ok || got != c.want {
				t.Errorf("parseMarks(%q) = %+v, %v; want %+v, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}

func TestContactAndTail(t *testing.T) {
	head := "董妍委员：\n您提出的提案收悉，现答复如下：\n正文。\n长春市教育局\n2023年6月20日\n"
	for _, c := range []struct {
		tail  string
		check func(r *reply.Reply) bool
	}{
		{"联系人姓名及电话：刘丽 13578951242", func(r *reply.Reply) bool { return r.Contact == reply.Contact{Name: "刘丽", Phone: "13578951242"} }},
		{"（联系人：王某，联系电话：0898-66881234）", func(r *reply.Reply) bool { return r.Contact == reply.Contact{Name: "王某", Phone: "0898-66881234"} }},
		{"联 系 人:张 雷 联系电话:56155520", func(r *reply.Reply) bool { return r.Contact == reply.Contact{Name: "张雷", Phone: "56155520"} }},
		{"联系单位：市教育局职成处", func(r *reply.Reply) bool {
			return len(r.Notes) == 0 && r.Contact.Unit == "市教育局职成处"
		}},
		{"抄送：市政协提案委员会，市政府督查室。", func(r *reply.Reply) bool { return len(r.CC) == 2 && r.CC[1] == "市政府督查室" }},
		{"（此件公开发布）", func(r *reply.Reply) bool { return len(r.Notes) == 0 && r.Disclosure == "公开发布" }},
		{"（本答复已征求代表意见）", func(r *reply.Reply) bool { return len(r.Notes) == 1 && r.Notes[0] == "本答复已征求代表意见" }},
		{"联系单位、联系人及电话：省交通运输厅 邢欣欣 65220315", func(r *reply.Reply) bool {
			return r.Contact.Name == "邢欣欣" && r.Contact.Phone == "65220315" && len(r.Notes) == 0 && r.Contact.Unit == "省交通运输厅"
		}},
		{"领导署名：陈永晶", func(r *reply.Reply) bool { return r.Signer == "陈永晶" }},
		{"送：区政协提案工作委员会、区政府办公室", func(r *reply.Reply) bool { return len(r.CC) == 2 }},
		{"（联系人：乐希，联系电话：13883366415", func(r *reply.Reply) bool { return r.Contact.Name == "乐希" && r.Contact.Phone == "13883366415" }},
		{"承办负责人：袁新明", func(r *reply.Reply) bool { return r.Responsible == "袁新明" && len(r.Notes) == 0 }},
		{"（承办负责人：张华）", func(r *reply.Reply) bool { return r.Responsible == "张华" && len(r.Notes) == 0 }},
		{"办复类别：B", func(r *reply.Reply) bool { return r.Category == "B" }},
		{"附件：1.2023年产教融合型企业名单\n2.实训基地名单", func(r *reply.Reply) bool {
			return len(r.Attachments) == 2 && r.Attachments[0].Title == "2023年产教融合型企业名单"
		}},
	} {
		t.Run(c.tail, func(t *testing.T) {
			res := Letter(head+c.tail, Options{})
			if !c.check(res.Reply) {
				t.Errorf("Letter(…%q) = %+v, notes %v", c.tail, *res.Reply, res.Notes)
			}
		})
	}
}

func TestDates(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2023年6月20日", "2023年6月20日"},
		{"2023-06-20", "2023年6月20日"},
		{"二〇二三年六月二十日", "2023年6月20日"},
		{"二○二一年五月十八日", "2021年5月18日"},
		{"二○一一年五月十日", "2011年5月10日"},
		{"二Ｏ二二年十二月卅一日", "2022年12月31日"},
		{"二〇二三年六月廿日", "2023年6月20日"},
		{"二零二四年一月三号", "2024年1月3日"},
		{"2018年11月 12 日", "2018年11月12日"},
	} {
		t.Run(c.in, func(t *testing.T) {
			res := Letter("董妍委员：\n您的提案收悉，现答复如下：\n正文。\n长春市教育局\n"+c.in, Options{})
			if got := res.Reply.Date.String(); got != c.want || !res.Reply.Seal || res.Reply.Issuer != "长春市教育局" {
				t.Errorf("date %q → %q (seal %v, issuer %q), want %q", c.in, got, res.Reply.Seal, res.Reply.Issuer, c.want)
			}
		})
	}
}
