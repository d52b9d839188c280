package ui

import (
	_ "embed" // zh.json
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"replydesk/internal/fonts"
)

// deskTheme is Fyne's default theme (so it follows the system's light or
// dark setting) with an embedded CJK face for all text, so the window
// reads correctly on a machine without Chinese system fonts.
type deskTheme struct {
	font fyne.Resource

	boldOnce sync.Once
	bold     fyne.Resource
}

// Theme returns the window's theme, drawing text with the UI face of set
// (the bytes are shared with the typesetter, not copied). Without it, the
// theme is Fyne's default one.
func Theme(set *fonts.Set) fyne.Theme {
	t := &deskTheme{}
	if set != nil {
		if b, err := set.Data(fonts.NotoSans); err == nil {
			t.font = fyne.NewStaticResource(fonts.NotoSans+".ttf", b)
		}
	}
	return t
}

// Color returns the default theme's colour.
func (t *deskTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, v)
}

// Font returns the CJK face for all text but monospace and symbols; bold
// text gets its thin copy (see boldfont.go).
func (t *deskTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case t.font == nil || s.Monospace || s.Symbol:
		return theme.DefaultTheme().Font(s)
	case s.Bold:
		t.boldOnce.Do(func() { t.bold = t.thin() })
		return t.bold
	}
	return t.font
}

// thin returns the UI face with outlines for the characters of GB 2312
// (those the embedded 仿宋 has) and the Latin letters and punctuation
// only; the whole face if it cannot be thinned.
func (t *deskTheme) thin() fyne.Resource {
	std, err := fonts.Default()
	if err != nil {
		return t.font
	}
	b, err := thinFont(t.font.Content(), func(r rune) bool {
		if r < 0x3040 || r >= 0xFF00 && r <= 0xFFEF {
			return true
		}
		face, _, _, ok := std.Glyph(fonts.Body, r)
		return ok && face == fonts.FandolFang
	})
	if err != nil {
		fyne.LogError("thin bold font", err)
		return t.font
	}
	return fyne.NewStaticResource(fonts.NotoSans+"-Bold.ttf", b)
}

// Icon returns the default theme's icon.
func (t *deskTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

// Size returns the default theme's size.
func (t *deskTheme) Size(n fyne.ThemeSizeName) float32 {
	return theme.DefaultTheme().Size(n)
}

// zhStrings are Fyne's own words (dialog buttons, file dialogs, calendar
// days) in Chinese.
//
//go:embed zh.json
var zhStrings []byte

var langOnce sync.Once

// chineseDialogs makes Fyne's own words Chinese whatever the system's
// language: the window is in Chinese, so an English "Cancel" beside it
// would only confuse. English is Fyne's fallback, so the Chinese words
// are registered for it as well as for Chinese.
func chineseDialogs() {
	langOnce.Do(func() {
		for _, l := range []fyne.Locale{"en", "zh-Hans"} {
			if err := lang.AddTranslationsForLocale(zhStrings, l); err != nil {
				fyne.LogError("Chinese translations", err)
			}
		}
	})
}

// confirm asks a question with buttons that say what they do.
func confirm(title, message, yes, no string, fn func(), w fyne.Window) {
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			fn()
		}
	}, w)
	d.SetConfirmText(yes)
	d.SetDismissText(no)
	d.Show()
}
