package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"replydesk/internal/app"
	"replydesk/internal/fonts"
	"replydesk/internal/pathfmt"
	"replydesk/internal/reply"
)

// builtinFont is the choice of a role's embedded face in the settings.
const builtinFont = "内置字体"

// settingsForm is the settings dialog's widgets.
type settingsForm struct {
	unit, name, phone, area, cc, dataDir *widget.Entry
	style                                *widget.Select
	fonts                                map[string]*widget.Select // by role
	fontUse                              map[string]*widget.Label  // by role: the file the choice uses
	fontSpecs                            map[string]string         // option → file (#face for a collection)
	official                             map[string]fonts.InstalledFont
}

// Settings edits the bureau's profile (applied to new replies), the font
// of each role and the data folder.
func (u *UI) Settings() {
	f := u.settingsForm()
	items := []*widget.FormItem{
		widget.NewFormItem("单位名称", f.unit), widget.NewFormItem("默认联系人", f.name),
		widget.NewFormItem("联系电话", f.phone), widget.NewFormItem("本地区号", f.area),
		widget.NewFormItem("默认抄送", f.cc),
		widget.NewFormItem("默认样式", f.style),
	}
	for _, role := range fonts.Roles {
		items = append(items, widget.NewFormItem(fonts.RoleLabel(role), container.NewVBox(f.fonts[role], f.fontUse[role])))
	}
	pick := widget.NewButton("选择…", func() {
		dialog.ShowFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				f.dataDir.SetText(pathfmt.Show(l.Path()))
			}
		}, u.Window)
	})
	items = append(items, widget.NewFormItem("数据文件夹", container.NewBorder(nil, nil, nil, pick, f.dataDir)))
	items = append(items, u.storeItem())
	d := dialog.NewForm("设置", "保存", "取消", items, func(ok bool) {
		if ok {
			if err := u.applySettings(f); err != nil {
				dialog.ShowError(err, u.Window)
			}
		}
	}, u.Window)
	d.Resize(fyne.NewSize(820, 820))
	d.Show()
	go f.findFonts(u.profile.Fonts)
}

func (u *UI) settingsForm() *settingsForm {
	p := u.profile
	f := &settingsForm{unit: widget.NewEntry(), name: widget.NewEntry(), phone: widget.NewEntry(),
		area: widget.NewEntry(), cc: widget.NewMultiLineEntry(), dataDir: widget.NewEntry(),
		fonts: map[string]*widget.Select{}, fontUse: map[string]*widget.Label{}, fontSpecs: map[string]string{}}
	f.unit.SetText(p.Unit)
	f.unit.SetPlaceHolder("发文机关署名，如 长春市教育局")
	f.name.SetText(p.ContactName)
	f.phone.SetText(p.ContactPhone)
	f.area.SetText(p.AreaCode)
	f.area.SetPlaceHolder("如 0431；联系电话只写本地号码时不再提示缺区号")
	f.cc.SetText(strings.Join(p.CC, "\n"))
	f.cc.SetPlaceHolder("每行一个单位；留空则用样式的默认抄送")
	var styles []string
	for _, s := range u.desk.Styles {
		styles = append(styles, s.Name)
	}
	f.style = widget.NewSelect(styles, nil)
	f.style.PlaceHolder = "不指定（用第一个提案样式）"
	f.style.SetSelected(p.Style)
	f.dataDir.SetText(u.App.Preferences().String(app.DataDirKey))
	f.dataDir.SetPlaceHolder(filepath.Dir(app.DatabasePath("")) + "（默认）")
	f.official = u.desk.Official
	for _, role := range fonts.Roles {
		auto := autoFont(f.official[role])
		s := widget.NewSelect([]string{auto, builtinFont}, nil)
		use := widget.NewLabel("")
		use.Wrapping = fyne.TextWrapBreak
		use.Importance = widget.LowImportance
		s.OnChanged = func(o string) { use.SetText(f.uses(role, o)) }
		switch path := p.Fonts[role]; path {
		case "":
			s.SetSelected(auto)
		case app.BuiltinFont:
			s.SetSelected(builtinFont)
		default:
			s.Options = append(s.Options, path)
			f.fontSpecs[path] = path
			s.SetSelected(path)
		}
		s.PlaceHolder = "正在查找已安装的字体…"
		f.fonts[role], f.fontUse[role] = s, use
	}
	return f
}

// autoFont is the option that lets a role use the official font found
// installed, naming it, or the embedded faces when there is none.
func autoFont(o fonts.InstalledFont) string {
	if o.Path == "" {
		return "自动（未找到已安装的官方字体，用内置字体）"
	}
	return "自动：" + fontOption(o)
}

// fontOption names an installed face in a font select.
func fontOption(in fonts.InstalledFont) string {
	file := filepath.Base(in.Path)
	if in.Face != "" {
		file += fonts.FaceSep + in.Face
	}
	return fmt.Sprintf("%s %s（%s）", in.Family, in.Style, file)
}

// uses says which file option o makes role use.
func (f *settingsForm) uses(role, o string) string {
	spec := f.fontSpecs[o]
	switch {
	case o == builtinFont || o == "":
		return "使用内置字体"
	case spec != "":
		return "使用 " + spec
	case f.official[role].Path != "":
		return "使用 " + f.official[role].Spec() + "（本机已安装的官方字体）"
	}
	return "使用内置字体"
}

// findFonts lists the installed Chinese fonts, every face of a
// collection, in the font selects; it runs off the UI goroutine, as
// reading the font folders of a Windows machine takes a while.
func (f *settingsForm) findFonts(chosen map[string]string) {
	installed, _ := fonts.Installed()
	var opts []string
	specs := map[string]string{}
	for _, in := range installed {
		if !in.Usable || !in.CJK {
			continue
		}
		o := fontOption(in)
		opts = append(opts, o)
		specs[o] = in.Spec()
	}
	fyne.Do(func() {
		for o, p := range specs {
			f.fontSpecs[o] = p
		}
		for role, s := range f.fonts {
			sel := s.Selected
			s.Options = append([]string{autoFont(f.official[role]), builtinFont}, opts...)
			for o, p := range specs {
				if p == chosen[role] {
					sel = o
				}
			}
			if sel != "" && !slices.Contains(s.Options, sel) {
				s.Options = append(s.Options, sel) // chosen file no longer installed
			}
			s.SetSelected(sel)
			f.fontUse[role].SetText(f.uses(role, sel))
			s.Refresh()
		}
	})
}

// applySettings saves the profile, puts new fonts to work at once and
// moves the drafts database when the data folder changed.
func (u *UI) applySettings(f *settingsForm) error {
	np := app.Profile{Unit: strings.TrimSpace(f.unit.Text), ContactName: strings.TrimSpace(f.name.Text),
		ContactPhone: strings.TrimSpace(f.phone.Text), CC: splitList(f.cc.Text, "\n"),
		Style: f.style.Selected, Fonts: map[string]string{}, AreaCode: strings.TrimSpace(f.area.Text)}
	if np.AreaCode != "" && !reply.ValidAreaCode(np.AreaCode) {
		return fmt.Errorf("本地区号“%s”不对：区号是0开头的3到4位数字，如 010、0431", np.AreaCode)
	}
	for role, s := range f.fonts {
		switch p := f.fontSpecs[s.Selected]; {
		case s.Selected == builtinFont:
			np.Fonts[role] = app.BuiltinFont
		case p != "":
			np.Fonts[role] = p
		}
	}
	set, choices, warn := app.FontSet(np.Fonts, f.official)
	if set == nil {
		return warn
	}
	if err := app.SaveProfile(u.drafts, np); err != nil {
		return err
	}
	u.profile = np
	d := *u.desk
	d.Fonts, d.FontChoices = set, choices
	d.AreaCode = np.LocalArea()
	u.setDesk(&d)
	msg := "设置已保存"
	if warn != nil {
		msg += "；部分已安装的字体无法使用，已改用内置字体"
	}
	if dir := strings.TrimSpace(f.dataDir.Text); dir != u.App.Preferences().String(app.DataDirKey) {
		if err := u.moveData(dir); err != nil {
			return err
		}
		msg += "；新的数据文件夹在重新启动后使用"
	}
	u.status.SetText(msg)
	return nil
}

// backer is a database that can copy itself (a *store.Store).
type backer interface{ Backup(dst string) error }

// moveData makes dir the data folder from the next start, copying the
// drafts database there unless it already has one.
func (u *UI) moveData(dir string) error {
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("无法创建数据文件夹“%s”：%v", dir, err)
		}
		dst := app.DatabasePath(dir)
		if _, err := os.Stat(dst); errors.Is(err, os.ErrNotExist) {
			if b, ok := u.drafts.(backer); ok {
				_ = u.saver.Flush()
				if err := b.Backup(dst); err != nil {
					return fmt.Errorf("无法把草稿数据库复制到“%s”：%v", dir, err)
				}
			}
		}
	}
	u.App.Preferences().SetString(app.DataDirKey, dir)
	return nil
}
