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
	"path/filepath"
	"sort"

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
	// Warning describes styles that could not be loaded (in Chinese); the
	// others are usable.
	Warning error
}

// Options say where a Desk finds the bureau's own styles and fonts.
type Options struct {
	// StyleDirs are folders of the bureau's own *.toml styles, read after
	// the built-in ones; missing folders are skipped.
	StyleDirs []string
	// FontFiles points font roles ("title", "body", "hei", "kai", "song") at
	// installed TrueType files.
	FontFiles map[string]string
}

// UserStyleDir is the folder of the bureau's own styles in the user's
// configuration folder, e.g. ~/.config/replydesk/templates.
func UserStyleDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "replydesk", "templates")
}

// Open loads the styles and fonts.
func Open(opt Options) (*Desk, error) {
	styles, err := tomlfile.LoadStyles(templates.FS)
	if err != nil {
		return nil, fmt.Errorf("内置样式有误：%w", err)
	}
	d := &Desk{Styles: styles}
	var warn []error
	for _, dir := range opt.StyleDirs {
		if dir == "" {
			continue
		}
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		own, err := tomlfile.LoadStyles(os.DirFS(dir))
		if err != nil {
			warn = append(warn, err)
		}
		d.add(own)
	}
	d.Warning = errors.Join(warn...)
	set, err := fonts.Default()
	if err != nil {
		return nil, fmt.Errorf("载入内置字体失败：%w", err)
	}
	roles := make([]string, 0, len(opt.FontFiles))
	for role := range opt.FontFiles {
		roles = append(roles, role)
	}
	sort.Strings(roles)
	for _, role := range roles {
		if set, err = set.WithFile(role, opt.FontFiles[role]); err != nil {
			return nil, err
		}
	}
	d.Fonts = set
	return d, nil
}

// add puts styles in, replacing those of the same name.
func (d *Desk) add(styles []*style.Style) {
	for _, s := range styles {
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
// else the first plain style for its kind.
func (d *Desk) StyleOf(r *reply.Reply) (*style.Style, error) {
	if r.Style != "" {
		if s := d.StyleNamed(r.Style); s != nil {
			return s, nil
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
