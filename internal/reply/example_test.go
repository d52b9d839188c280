package reply_test

import (
	"fmt"

	"replydesk/internal/reply"
)

func ExampleNumeral() {
	fmt.Println(reply.Numeral(14), reply.Numeral(2), reply.Numeral(20), reply.Numeral(101))
	n, _ := reply.ParseNumeral("二十一")
	fmt.Println(n)
	// Output:
	// 十四 二 二十 一百零一
	// 21
}

func ExampleExpand() {
	r := &reply.Reply{Kind: reply.Suggestion, Assembly: "市人大", Term: 16, Session: 2, Number: "129",
		Proposers: []string{"王远健"}, ProposerCount: 7}
	fmt.Println(reply.Expand("关于{assembly}{term_cn}届{session_cn}次会议第{number}号建议的答复", r))
	fmt.Println(reply.Expand("{proposers}{address}：", r))
	// Output:
	// 关于市人大十六届二次会议第129号建议的答复
	// 王远健等7位代表：
}

func ExampleFixText() {
	fmt.Println(reply.FixText("的提案(第 244 号)收悉,会议于13:30开始"))
	// Output: 的提案（第244号）收悉，会议于13:30开始
}

func ExampleCheck() {
	r := &reply.Reply{Kind: reply.Proposal, Assembly: "市政协", Term: 14, Session: 2, Number: "244",
		Proposers: []string{"董妍"}, ItemTitle: "关于推进产教融合的建议", Body: "近年来……",
		Issuer: "长春市教育局", Date: reply.Date{Year: 2023, Month: 6, Day: 20},
		Contact: reply.Contact{Name: "刘丽", Phone: "1357895124"}, DocNumber: "长教函[2023]12号"}
	for _, p := range reply.Check(r, reply.Vocab{ContactRequired: true, Today: reply.Date{Year: 2024, Month: 1, Day: 1}}) {
		fmt.Println(p.Field, p)
	}
	// Output:
	// doc_number 错误：发文字号“长教函[2023]12号”不规范：年份应用六角括号〔〕，不用[]。应为“长教函〔2023〕12号”
	// contact.phone 错误：联系电话“1357895124”是10位：手机号应为11位
}

func ExampleFix() {
	r := &reply.Reply{Opening: "您的提案(第 244 号)收悉.", DocNumber: "长教函【2023】第012号"}
	for _, c := range reply.Fix(r) {
		fmt.Println(c)
	}
	// Output:
	// 开头语：“您的提案(第 244 号)收悉.” → “您的提案（第244号）收悉。”
	// 发文字号：“长教函【2023】第012号” → “长教函〔2023〕12号”
}
