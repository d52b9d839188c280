// Package app holds the use cases of ReplyDesk, shared by the command line
// and the desktop window: load the house styles and fonts, check a reply,
// typeset it, and export it as a PDF. It declares what it needs and wires
// the packages below it; it holds no GUI.
package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"

	"replydesk/internal/datadir"
	"replydesk/internal/fonts"
	"replydesk/internal/reply"
	"replydesk/internal/style"
	"replydesk/internal/tomlfile"
	"replydesk/templates"
)

// Desk is a working set: the house styles and the fonts.
type Desk struct {
	Styles []*style.Style // built-in styles, then the bureau's own (which replace built-ins of the same name)
	Fonts  *fonts.Set
	// FontChoices says, by role, which installed font file the role
	// uses, chosen or found as official; a role without one uses the
	// embedded faces.
	FontChoices map[string]FontChoice
	// Official are the official fonts found installed, by role, when
	// Options.OfficialFonts asked for them.
	Official map[string]fonts.InstalledFont
	// Broken are the bureau's style files that could not be loaded, in
	// the order read; a broken file replaces a style of the same name.
	// The window's style chooser lists them with their problem.
	Broken []*StyleError
	// Warning joins the errors of Broken (in Chinese, each with file and
	// line) and of official fonts found installed but unusable; nil when
	// every style and font loaded.
	Warning error
	// AreaCode is the bureau's area code from the settings (e.g. "0431"),
	// for the styles that give none: a contact number without area code
	// is then accepted as a local number. "" = not set.
	AreaCode string
}

// StyleError is a style file that could not be loaded.
type StyleError struct {
	Name string // the style the file would provide (its file name without .toml), e.g. "自制答复"; "" when about the folder
	File string // the file, with its folder, e.g. "/home/x/.config/replydesk/templates/自制答复.toml"
	Line int    // the line of the first problem; 0 when not known
	Msg  string // the first problem, in Chinese, e.g. "TOML 格式错误：文字缺少结尾的双引号（…）"
	Err  error  // every problem, each naming file and line
}

// Error says which style cannot be used and why, with file and line.
func (e *StyleError) Error() string {
	if e.Name == "" {
		return "样式文件夹有误：" + e.Err.Error()
	}
	return fmt.Sprintf("样式“%s”有误，未能载入：%v", e.Name, e.Err)
}

// Unwrap returns the problems of the file.
func (e *StyleError) Unwrap() error { return e.Err }

// Options say where a Desk finds the bureau's own styles and fonts.
type Options struct {
	// StyleDirs are folders of the bureau's own *.toml styles, read after
	// the built-in ones; missing folders are skipped.
	StyleDirs []string
	// FontFiles points font roles ("title", "body", "hei", "kai", "song") at
	// installed font files (.ttf, .otf, or .ttc with #face), or at
	// BuiltinFont to keep the embedded faces.
	FontFiles map[string]string
	// OfficialFonts, when set, puts the official fonts found installed
	// (仿宋_GB2312, 黑体…, see fonts.Official) first in the roles FontFiles
	// does not set. Unset, such roles use the embedded faces, the same on
	// every machine.
	OfficialFonts bool
}

// UserStyleDir is the folder of the bureau's own styles in the user's
// data folder, e.g. %APPDATA%\ReplyDesk\templates (see package datadir).
func UserStyleDir() string {
	return datadir.StyleDir()
}

// Open loads the styles and fonts. A style file of the bureau's that fails
// to load does not stop the others: it is listed in Broken and Warning.
func Open(opt Options) (*Desk, error) {
	styles, err := tomlfile.LoadStyles(templates.FS)
	if err != nil {
		return nil, fmt.Errorf("内置样式有误：%w", err)
	}
	d := &Desk{Styles: styles}
	for _, dir := range opt.StyleDirs {
		if dir == "" {
			continue
		}
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		own, broken := tomlfile.LoadFolder(os.DirFS(dir), dir)
		d.add(own)
		for _, b := range broken {
			d.addBroken(b)
		}
	}
	warn := make([]error, len(d.Broken))
	for i, b := range d.Broken {
		warn[i] = b
	}
	d.Warning = errors.Join(warn...)
	if opt.OfficialFonts {
		d.Official = fonts.Official()
	}
	set, choices, err := FontSet(opt.FontFiles, d.Official)
	if set == nil {
		return nil, err
	}
	d.FontChoices = choices
	d.Warning = errors.Join(d.Warning, err)
	d.Fonts = set
	return d, nil
}

// add puts styles in, replacing those of the same name, broken or not.
func (d *Desk) add(styles []*style.Style) {
	for _, s := range styles {
		d.Broken = slices.DeleteFunc(d.Broken, func(b *StyleError) bool { return b.Name == s.Name })
		replaced := false
		for i, old := range d.Styles {
			if old.Name == s.Name {
				d.Styles[i], replaced = s, true
			}
		}
		if !replaced {
			d.Styles = append(d.Styles, s)
		}
	}
}

// addBroken records a style file that failed to load. It replaces the
// style of the same name: a reply naming it gets its error rather than a
// style the bureau meant to replace.
func (d *Desk) addBroken(b *tomlfile.BrokenStyle) {
	line, msg := b.First()
	e := &StyleError{Name: b.Name, File: b.File, Line: line, Msg: msg, Err: b.Err}
	if b.Name != "" {
		d.Styles = slices.DeleteFunc(d.Styles, func(s *style.Style) bool { return s.Name == b.Name })
		d.Broken = slices.DeleteFunc(d.Broken, func(o *StyleError) bool { return o.Name == b.Name })
	}
	d.Broken = append(d.Broken, e)
}

// BrokenNamed returns the error of the style of that name that failed to
// load, or nil.
func (d *Desk) BrokenNamed(name string) *StyleError {
	for _, b := range d.Broken {
		if b.Name == name && name != "" {
			return b
		}
	}
	return nil
}

// StyleNamed returns the style of that name, or nil.
func (d *Desk) StyleNamed(name string) *style.Style {
	for _, s := range d.Styles {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// StyleOf returns the style a reply is written in: the one it names, or
// else the first plain style for its kind. A named style whose file failed
// to load gives its *StyleError (file, line and problem).
func (d *Desk) StyleOf(r *reply.Reply) (*style.Style, error) {
	if r.Style != "" {
		if s := d.StyleNamed(r.Style); s != nil {
			return s, nil
		}
		if b := d.BrokenNamed(r.Style); b != nil {
			return nil, b
		}
		return nil, fmt.Errorf("找不到样式“%s”：请检查 style 一项，或把该样式文件放入样式文件夹", r.Style)
	}
	var found *style.Style
	for _, s := range d.Styles {
		if s.Kind == r.Kind && (found == nil || found.Format != style.Plain && s.Format == style.Plain) {
			found = s
		}
	}
	if found == nil {
		return nil, fmt.Errorf("没有适用于“%s”的样式：请在 style 一项中指定样式", r.Kind)
	}
	return found, nil
}
