package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/reply"
)

// letterExts are the files a reply letter is imported from: Word
// documents and text. .doc and .wps are offered too, so that the clerk who
// picks one is told to save it as .docx first.
var letterExts = []string{".docx", ".txt", ".doc", ".wps"}

// isLetterFile reports whether path is imported as a letter (see
// letterExts).
func isLetterFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range letterExts {
		if ext == e {
			return true
		}
	}
	return false
}

// maxListedNotes is how many notes of an import its dialog lists.
const maxListedNotes = 100

// ImportLetterDialog asks for a Word document or a text file and imports
// the letter in it as a new reply (see ImportLetter).
func (u *UI) ImportLetterDialog() {
	askOpen(u.Window, kindLetter, nil, u.ImportLetter)
}

// ImportLetter reads the letter at path off the UI goroutine, recognises
// its fields and shows them in the form as a new draft that has no file
// yet (saving asks where), with a dialog of what the import could not
// place. A file that cannot be read is reported in Chinese. Settle waits
// for it.
func (u *UI) ImportLetter(path string) {
	d, profile, today := u.desk, u.profile, u.today()
	name := filepath.Base(path)
	u.status.SetText("正在导入 " + name + "…")
	u.background.Add(1)
	go func() {
		defer u.background.Done()
		im, err := d.ImportLetterFile(path, "")
		if err == nil {
			im.Start(d, profile, today) // the settings' unit and contact, as 新建 has them
		}
		fyne.Do(func() {
			if err != nil {
				u.status.SetText("未能导入 " + name)
				showError("导入", path, err, u.Window)
				return
			}
			u.Load(im.Reply, 0, "")
			u.source = path
			u.title()
			u.saver.Touch(im.Reply)
			u.list.selected = 0
			u.list.selectID(0)
			u.ShowReply()
			u.status.SetText(fmt.Sprintf("已从%s导入 %s（尚未保存为文件）", im.Source, name))
			u.showImported(im, "“"+name+"”（"+im.Source+"）", true)
		})
	}()
}

// showImported tells what an import did: where the letter came from, the
// notes of what could not be placed, and, for a letter imported from a
// file (whole true), the problems the reply still has and that it has no
// file yet.
func (u *UI) showImported(im *app.Imported, from string, whole bool) {
	var objs []fyne.CanvasObject
	add := func(s string, imp widget.Importance) {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = imp
		objs = append(objs, l)
	}
	if whole {
		add("已从"+from+"导入。识别出的各项已填入表单，文中没有的栏目留空，请逐项核对。", widget.MediumImportance)
	} else {
		add("已识别"+from+"：识别出的栏目已填入表单，没有识别出的栏目保留原来的内容，请逐项核对。", widget.MediumImportance)
	}
	if len(im.Notes) == 0 {
		add("全文各段都已识别，没有略去或另行处理的文字。", widget.SuccessImportance)
	} else {
		objs = append(objs, dlgHeading(fmt.Sprintf("导入说明（%d条）", len(im.Notes))))
		for i, n := range im.Notes {
			if i == maxListedNotes {
				add(fmt.Sprintf("……另有%d条未列出", len(im.Notes)-i), widget.MediumImportance)
				break
			}
			add("· "+n.Message, widget.WarningImportance)
		}
	}
	if whole {
		errs, warns := 0, 0
		for _, p := range im.Problems {
			if p.Severity == reply.Error {
				errs++
			} else {
				warns++
			}
		}
		switch {
		case errs+warns == 0:
			add("检查未发现问题。", widget.SuccessImportance)
		default:
			add(fmt.Sprintf("答复函还有%d处错误、%d处提示，已列在下方“问题”一栏，点击一项即跳到对应栏目。", errs, warns), widget.MediumImportance)
		}
		if u.drafts != nil {
			add("这件答复已存为草稿，但还没有保存为答复文件：点“保存”时会询问保存位置。", widget.MediumImportance)
		} else {
			add("草稿数据库不可用：请用“保存”把答复存为文件。", widget.WarningImportance)
		}
	} else {
		add("答复函还缺少或有误的内容列在下方“问题”一栏。", widget.MediumImportance)
	}
	box := container.NewVBox(objs...)
	d := dialog.NewCustom("导入结果", "确定", container.NewVScroll(box), u.Window)
	d.Resize(dialogSize(u.Window, fyne.NewSize(680, min(560, box.MinSize().Height+140))))
	d.Show()
}
