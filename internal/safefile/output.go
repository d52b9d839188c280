package safefile

import (
	"os"
	"path/filepath"
	"strings"
)

// kinds names the output kinds in Chinese, by extension.
var kinds = map[string]string{
	".pdf":  "PDF 文件",
	".xlsx": "Excel 工作簿",
	".docx": "Word 文档",
	".html": "网页文件",
	".txt":  "文本文件",
	".toml": "答复函文件",
}

// CheckOutput refuses an output path that would destroy something the
// user keeps: a folder, a reply source (*.reply.toml), a file of another
// kind than ext (".pdf", ".xlsx" …: the path must end in it, in any letter
// case), or one of the inputs (the same file, by name or by identity). The
// message is in Chinese and says what to do.
func CheckOutput(path, ext string, inputs ...string) error {
	const op = "写入"
	if strings.TrimSpace(path) == "" {
		return &Error{Op: op, Msg: "没有指定输出文件：请给出文件名，例如 答复.pdf"}
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return &Error{Op: op, Path: path, Msg: "这是一个文件夹：请指定一个文件名，例如 " + filepath.Join(filepath.FromSlash(path), "答复"+ext)}
	}
	if !strings.HasSuffix(strings.ToLower(path), ext) {
		if k, ok := kinds[strings.ToLower(filepath.Ext(path))]; ok {
			return &Error{Op: op, Path: path, Msg: "这是" + k + "，不能用" + kinds[ext] + "覆盖：请换一个以 " + ext + " 结尾的文件名"}
		}
		return &Error{Op: op, Path: path, Msg: "输出的" + kinds[ext] + "应以 " + ext + " 结尾：请换一个文件名，例如 " + filepath.Base(path) + ext}
	}
	for _, in := range inputs {
		if in != "" && sameFile(path, in) {
			return &Error{Op: op, Path: path, Msg: "输出文件就是输入文件，写入会毁掉原文件：请换一个文件名"}
		}
	}
	return nil
}

// sameFile reports whether a and b name one file: by path, or, when both
// exist, by identity (links, letter case on Windows and macOS).
func sameFile(a, b string) bool {
	if pa, err := filepath.Abs(a); err == nil {
		if pb, err := filepath.Abs(b); err == nil && pa == pb {
			return true
		}
	}
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}
