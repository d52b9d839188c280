package reply

import "testing"

func TestFixText(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"seed opening", "的提案(第 244 号)收悉，现答复如下：", "的提案（第244号）收悉，现答复如下："},
		{"seed title", "第二次会议第 244 号 提案的答复", "第二次会议第244号提案的答复"},
		{"comma", "收悉,现答复如下:", "收悉，现答复如下："},
		{"comma with spaces", "收悉 , 现答复", "收悉，现答复"},
		{"semicolon question bang", "一是;二是?好!", "一是；二是？好！"},
		{"time kept", "会议于13:30开始", "会议于13:30开始"},
		{"decimal kept", "增长3.5个百分点", "增长3.5个百分点"},
		{"thousands kept", "共1,200人", "共1,200人"},
		{"latin kept", "采用A.B方案,效果好", "采用A.B方案，效果好"},
		{"url kept", "详见https://www.gov.cn/a,b?x=1。", "详见https://www.gov.cn/a,b?x=1。"},
		{"colon before url", "网址:https://x.cn", "网址：https://x.cn"},
		{"ratio kept", "比例为1:2", "比例为1:2"},
		{"english kept", "Hello, world (test)", "Hello, world (test)"},
		{"heading paren", "(1)加强领导", "（1）加强领导"},
		{"latin in chinese parens", "使用门户网站(www)登录", "使用门户网站（www）登录"},
		{"function kept", "f(x)=1", "f(x)=1"},
		{"quotes", `实现了"学生、学校、企业"三方共赢`, "实现了“学生、学校、企业”三方共赢"},
		{"quotes latin", `say "hi" now`, `say "hi" now`},
		{"odd quote kept", `他说"好`, "他说\"好"},
		{"period", "现答复如下.", "现答复如下。"},
		{"period then text", "收悉.现答复", "收悉。现答复"},
		{"ellipsis kept", "等等...", "等等..."},
		{"heading period kept", "一.聚焦主导产业", "一.聚焦主导产业"},
		{"numbered heading kept", "1.聚焦主导产业", "1.聚焦主导产业"},
		{"spaces around digits", "为红旗品牌 2 个车型", "为红旗品牌2个车型"},
		{"space between words kept", "Windows 10 系统", "Windows 10系统"},
		{"ideographic indent trimmed", "　　近年来，", "近年来，"},
		{"trailing spaces", "近年来 \t", "近年来"},
		{"percent kept", "70 %以上", "70 %以上"},
		{"lines kept", "甲 ,乙\n\n丙 (丁)", "甲，乙\n\n丙（丁）"},
		{"nested", "文件(见(附件))下发", "文件（见（附件））下发"},
		{"lone close", "1)加强领导", "1）加强领导"},
		{"chained marks", "你好!!", "你好！！"},
		{"full already", "（第244号）", "（第244号）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := FixText(c.in)
			if got != c.want {
				t.Errorf("FixText(%q) = %q, want %q", c.in, got, c.want)
			}
			if again := FixText(got); again != got {
				t.Errorf("FixText not idempotent: FixText(%q) = %q", got, again)
			}
		})
	}
}

func TestFixTextReport(t *testing.T) {
	_, e := fixText("提案(第 244 号),收悉")
	if string(e.marks) != "(),"[0:3] || !e.spaces {
		t.Errorf("fixText report = marks %q spaces %v, want \"(),\" and true", string(e.marks), e.spaces)
	}
	if _, e := fixText("　正文"); e.leading != "　" || e.trailing || len(e.marks) > 0 || e.spaces {
		t.Errorf("fixText report of an indent = %+v, want the leading space only", e)
	}
	if _, e := fixText("正文 "); e.leading != "" || !e.trailing {
		t.Errorf("fixText report of a trailing space = %+v, want trailing only", e)
	}
	if _, e := fixText("问题--资金不足—需要协调"); len(e.dashes) != 2 || e.dashes[0] != "--" || e.dashes[1] != "—" {
		t.Errorf("fixText report of dashes = %q, want [-- —]", e.dashes)
	}
}

func BenchmarkFixText(b *testing.B) {
	body := seedReply(b).Body
	b.ReportAllocs()
	for b.Loop() {
		FixText(body)
	}
}
