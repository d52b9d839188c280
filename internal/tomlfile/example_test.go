package tomlfile_test

import (
	"fmt"
	"os"
	"strings"

	"replydesk/internal/tomlfile"
)

func ExampleReadReply() {
	src := `kind = "提案"

[signature]
issuer = "长春市教育局"
date = "六月二十日"
sael = true
`
	_, err := tomlfile.ReadReply(strings.NewReader(src), "reply-244.reply.toml")
	fmt.Println(err)
	// Output:
	// reply-244.reply.toml 第5行：date 应为日期，例如 date = 2023-06-20
	// reply-244.reply.toml 第6行：sael 是未知的键（拼写错误或放错了小节？）；[signature] 中可用的键：issuer、date、seal、notes
}

func ExampleLoadStyles() {
	styles, err := tomlfile.LoadStyles(os.DirFS("../../templates"))
	if err != nil {
		fmt.Println(err)
	}
	for _, s := range styles {
		fmt.Println(s.Name, s.Kind, s.Format)
	}
	// Output:
	// 协办意见函 协办意见 plain
	// 建议答复 建议 plain
	// 建议答复-套红信纸 建议 letterhead
	// 提案答复 提案 plain
	// 提案答复-信函格式 提案 letter
	// 提案答复-办复类别 提案 plain
}
