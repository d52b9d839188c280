// Package fontrole names the font roles of a reply letter: the typefaces
// GB/T 9704-2012 asks for (小标宋 for the title, 仿宋 for the text, 黑体
// and 楷体 for headings, 宋体 for page numbers). It is the one list of
// them: the letter's blocks carry a role, the fonts package backs each
// role with a fallback chain of faces, the Word writer names the official
// font of each, and style files and the font settings name roles that
// are checked here.
package fontrole

import (
	"fmt"
	"slices"
	"strings"
)

// The roles.
const (
	Title = "title" // 小标宋: title and the red header
	Body  = "body"  // 仿宋: body text
	Hei   = "hei"   // 黑体: first-level headings, marks, attachment labels
	Kai   = "kai"   // 楷体: second-level headings, 签发人 name
	Song  = "song"  // 宋体: page numbers
)

// All lists every role, in the order settings show them.
var All = []string{Title, Body, Hei, Kai, Song}

// Count is len(All).
const Count = 5

// Index returns the index of role in All, or -1 for an unknown role.
func Index(role string) int { return slices.Index(All, role) }

// Label names a role in Chinese, for settings and messages; an unknown
// role is named as it is.
func Label(role string) string {
	switch role {
	case Title:
		return "标题（小标宋）"
	case Body:
		return "正文（仿宋）"
	case Hei:
		return "一级标题（黑体）"
	case Kai:
		return "二级标题（楷体）"
	case Song:
		return "页码（宋体）"
	}
	return role
}

// Check returns an error in Chinese naming role when it is not one of All.
func Check(role string) error {
	if Index(role) < 0 {
		return fmt.Errorf("未知的字体角色“%s”：应为 %s 之一", role, strings.Join(All, "、"))
	}
	return nil
}
