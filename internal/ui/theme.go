package ui

import (
	_ "embed" // zh.json
	"image/color"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"replydesk/assets"
	"replydesk/internal/fonts"
)

// deskTheme is Fyne's default theme (so it follows the system's light or
// dark setting) with an embedded CJK face for all text, so the window
// reads correctly on a machine without Chinese system fonts.
type deskTheme struct {
	set *fonts.Set // nil: Fyne's default fonts

	once sync.Once
	font fyne.Resource // the trimmed UI face, made on first use
}

// Theme returns the window's theme, drawing text with a trimmed copy of the
// UI face of set (see uiFont). Without set, the theme is Fyne's default
// one.
func Theme(set *fonts.Set) fyne.Theme {
	return &deskTheme{set: set}
}

// Color returns the default theme's colour.
func (t *deskTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, v)
}

// Font returns the CJK face for all text but monospace and symbols. Bold
// text has the same face: the UI face has no bold of its own.
func (t *deskTheme) Font(s fyne.TextStyle) fyne.Resource {
	t.once.Do(func() { t.font = uiFont(t.set) })
	if t.font == nil || s.Monospace || s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	return t.font
}

// uiFont returns the UI face trimmed to the characters of GB 2312 (those
// the embedded 仿宋 has) and every character that is not Han; nil if
// there is no such face.
//
// Fyne parses every glyph outline of each text style's font when it first
// draws in it: the whole face, some 30,000 glyphs, cost a fifth of a
// second and 55 MB at every start. The trimmed copy keeps the glyph ids,
// metrics and layout tables; it lacks the rarer Han characters, which
// Fyne then draws with the system's fonts (Windows and macOS always have
// one, as have Linux desktops set up for Chinese). The whole face serves
// when the copy cannot be made.
func uiFont(set *fonts.Set) fyne.Resource {
	if set == nil {
		return nil
	}
	full, err := set.Data(fonts.NotoSans)
	if err != nil {
		return nil
	}
	std, err := fonts.Default() // the embedded faces, whatever the settings chose
	if err != nil {
		return fyne.NewStaticResource(fonts.NotoSans+".ttf", full)
	}
	b, err := fonts.Trim(full, func(r rune) bool {
		if !unicode.Is(unicode.Han, r) {
			return true
		}
		face, _, _, ok := std.Glyph(fonts.Body, r)
		return ok && face == fonts.FandolFang
	})
	if err != nil {
		fyne.LogError("trim UI font", err)
		return fyne.NewStaticResource(fonts.NotoSans+".ttf", full)
	}
	// Trimming read glyphs all over the face; the window no longer needs
	// them, and the typesetter's 黑体 reads the few it uses again.
	assets.Release(fonts.NotoSans + ".ttf")
	return fyne.NewStaticResource(fonts.NotoSans+"-UI.ttf", b)
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
