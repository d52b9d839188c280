package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
)

// commonUsage describes the options every subcommand takes.
const commonUsage = `通用选项：
  --templates 文件夹    另外读取该文件夹中的样式（*.toml）
  --font 角色=字体文件   为字体角色指定已安装字体，角色为 title/body/hei/kai/song，
                        例如 --font body=C:\Windows\Fonts\simfang.ttf；字体集合（.ttc）
                        用 # 指明其中的字体：--font song=simsun.ttc#SimSun；
                        =内置 则用内置字体。未指定的角色自动使用已安装的官方字体
                        （仿宋_GB2312、黑体、楷体_GB2312、方正小标宋简体、宋体等）
  -h, --help            显示本说明`

// filterUsage describes the ledger's filter options.
const filterUsage = `筛选条件：
  --status 状态[,状态]   办理状态：未办理、办理中、已答复等，可用逗号分隔多个
  --kind 类型            提案 或 建议
  --category 类别        答复类别代码，如 A、B（取自各样式的类别方案）
  --overdue              只列出已超期的
  --due-soon             只列出即将到期的
  --q 关键词             在编号、案由、提出人等中查找
  --db 数据库文件        默认为用户数据文件夹中的 replydesk.db`

// usages is the usage of each subcommand, by its flag set's name.
var usages = map[string]string{
	"render": `用法：replydesk render 文件.reply.toml -o 文件.pdf|文件.docx [选项]
排版答复函并导出 PDF，或导出按公文格式排好版的 Word 文档（.docx）。

选项：
  -o 文件.pdf|文件.docx  输出的文件，格式按扩展名（不能是答复函文件本身或其他表格、文件夹）
  --format pdf|docx      指定输出格式；此时 -o 的文件名须以 .pdf 或 .docx 结尾
  --public               导出公开版：去掉联系人姓名和电话，签发人、公开属性标记等按样式的
                         “公开版”一节取舍；公开属性不允许公开（如不予公开）的答复不导出。
                         公开版还可导出为网页或文本：-o 文件.html、-o 文件.txt

` + commonUsage,
	"check": `用法：replydesk check [--fix] 文件.reply.toml [选项]
检查答复函，列出每处问题所在的行与修改办法；有错误时退出码为 1。

选项：
  --fix                  自动修正半角标点等可以确定的问题，并写回原文件

` + commonUsage,
	"import": `用法：replydesk import 文件.docx|文件.txt|- [-o 文件.reply.toml] [--style 样式名] [选项]
把在 Word、WPS 中起草的或从网页复制的答复函导入为答复函文件，自动识别标记、文号、标题、
称谓、提出人、正文层次、落款、日期、附注、联系人和抄送；识别不了的内容放入正文并逐条说明。
文本文件可以是 UTF-8、UTF-16 或 GB18030 编码；旧版 .doc、.wps 请先另存为 .docx。

选项：
  -o 文件.reply.toml     写入的答复函文件；默认与输入同名（不覆盖已有文件）；- 表示标准输出
  --style 样式名         使用的样式；默认按识别出的类型选用

` + commonUsage,
	"new": `用法：replydesk new --style 样式名 [选项] > 文件.reply.toml
按样式新建一份答复函，写到标准输出。可用的样式见 replydesk styles。

选项：
  --style 样式名         例如 提案答复、建议答复

` + commonUsage,
	"styles": `用法：replydesk styles [选项]
列出可用的样式：名称、类型与说明。

` + commonUsage,
	"fonts": `用法：replydesk fonts [--all]
列出本机已安装、可用于排版的中文字体（.ttf、.otf，以及 .ttc 字体集合中的
每个字体）：字体名、字形、文件。最后一列可直接用于 --font 角色=…；
字体集合中的字体写作“文件#字体名”。并列出各角色自动选用的官方字体。

选项：
  --all                 也列出不含中文的字体
  -h, --help            显示本说明`,
	"ledger": ledgerUsage,
	"ledger import": `用法：replydesk ledger import 清单.xlsx [选项]
把交办清单导入台账：先列出每行的问题，没有错误才写入数据库。

选项：
  --dry-run              只检查并列出将要导入的内容，不写入数据库
  --map 字段=列          指定某字段所在的列，如 --map 案由=C；写 --map 备注=无 不导入该字段
  --sheet 工作表         读取指定的工作表（默认为第一个）
  --meeting 会议         清单未写明届次时使用，如 市政协十四届二次会议
  --kind 类型            清单未写明类型时使用：提案 或 建议
  --db 数据库文件        默认为用户数据文件夹中的 replydesk.db

` + commonUsage,
	"ledger export": `用法：replydesk ledger export 汇总表.xlsx [--log] [筛选条件]
导出办理情况汇总表（含统计表）；输出文件须以 .xlsx 结尾。
  --log                  另加“操作记录”工作表：所列条目及其答复草稿的每次修改（时间、经办人、内容）

` + filterUsage + `

` + commonUsage,
	"ledger list": `用法：replydesk ledger list [筛选条件]
列出台账条目：编号、状态、办理期限、是否超期、类别与案由。

` + filterUsage + `

` + commonUsage,
	"batch": `用法：replydesk batch --out 文件夹 [--format pdf|docx|both] [--force] [筛选条件]
把台账中各件的答复检查后批量导出为 PDF、Word 文档（.docx）或两者。有错误的答复不导出；
只有导出成功且检查无误的条目才标记为已答复。

选项：
  --out 文件夹           写入的文件夹
  --format 格式          pdf（默认）、docx 或 both
  --force                有错误的答复也导出，但不标记为已答复

` + filterUsage + `

` + commonUsage,
}

// usageOf returns the usage of a subcommand, or the whole program's.
func usageOf(name string) string {
	if u, ok := usages[name]; ok {
		return u
	}
	return usage
}

// helpRequested is returned for -h and --help: run prints the usage to
// standard output and exits 0.
type helpRequested struct{ usage string }

func (e *helpRequested) Error() string { return e.usage }

// usageError is a mistake on the command line: what is wrong, then the
// usage of the subcommand.
type usageError struct{ msg, usage string }

func (e *usageError) Error() string { return e.msg + "\n\n" + strings.TrimRight(e.usage, "\n") }

// flagError turns an error of the flag package into a usage error in
// Chinese; flag.ErrHelp becomes a helpRequested.
func flagError(name string, err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return &helpRequested{usageOf(name)}
	}
	return &usageError{flagMessage(err.Error()), usageOf(name)}
}

// optionName writes a flag's name as a user types it: -o, --font.
func optionName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// flagMessage says in Chinese what the flag package's message says; the
// flag package has no error types, so its fixed texts are matched.
func flagMessage(msg string) string {
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return fmt.Sprintf("未知的选项“%s”", optionName(name))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Sprintf("选项“%s”后面缺少取值", optionName(name))
	}
	if arg, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return fmt.Sprintf("选项“%s”的写法有误：选项应写作 --名称 或 --名称=取值", arg)
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean value "); ok {
		value, name, _ := splitValue(rest, " for -")
		return fmt.Sprintf("选项“%s”不需要取值，“%s”无效：请直接写 %s", optionName(name), value, optionName(name))
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean flag "); ok {
		name, _, _ := strings.Cut(rest, ":")
		return fmt.Sprintf("选项“%s”不需要取值：请直接写 %s", optionName(name), optionName(name))
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		value, name, why := splitValue(rest, " for flag -")
		return fmt.Sprintf("选项“%s”的取值“%s”无效：%s", optionName(name), value, why)
	}
	return "选项有误（" + msg + "）"
}

// splitValue reads `"value" for -name: why` into its parts.
func splitValue(s, sep string) (value, name, why string) {
	q, rest, _ := strings.Cut(s, sep)
	if v, err := strconv.Unquote(q); err == nil {
		value = v
	} else {
		value = q
	}
	name, why, _ = strings.Cut(rest, ": ")
	return value, name, why
}
